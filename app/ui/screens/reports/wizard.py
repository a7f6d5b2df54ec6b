"""The export wizard ("Xuất báo cáo…"): period, encryption, file, a summary with a draft
preview, the passphrase, then one job that numbers, signs and writes the report.

A failure (a USB stick pulled, a full disk, a wrong passphrase) shows the service's sentence
on the summary page and keeps every choice: pressing the button again retries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.periods import Period
from app.l10n import _
from app.services.dto_base import Changes
from app.services.errors import UserError
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.members.form_fields import ErrorLine
from app.ui.screens.reports.key_actions import KEYS_AREA, KeyActions
from app.ui.screens.reports.texts import (
    enrolment_text,
    lower_first,
    period_span,
    period_words,
    unbroken,
)
from app.ui.screens.reports.wizard_pages import EncryptPage, FilePage, PeriodPage, page_button
from app.ui.screens.reports.work import desk
from app.ui.widgets.fingerprint import FingerprintLabel
from app.ui.widgets.passphrase import ask_passphrase
from app.ui.widgets.text import Heading
from app.ui.zoom import BASE_POINT_SIZE

if TYPE_CHECKING:
    from pathlib import Path

    from app.services.keys import KeyInfo
    from app.services.report_desk import DeskState
    from app.services.report_export import ExportResult

EXPORTS_AREA = "exports"
#: The wizard's size at 100 % text size, in pixels.
WIZARD_SIZE = (780, 560)


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SummaryPage(QWizardPage):
    """Step 4: what will be signed and where; a draft preview; the passphrase; the export."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Step 4: check, then sign"))
        self.setSubTitle(
            _(
                "When you press “Sign and export”, the report takes the next document number "
                "and serial, is signed with the cell's key and written to the file."
            )
        )
        self.setCommitPage(True)
        self.summary = _note()
        self.key_note = _note()
        self.preview_button = page_button(_("&Preview the draft…"))
        self.preview_button.clicked.connect(self.preview)
        self.error = ErrorLine()
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.key_note)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self._busy = False

    def initializePage(self) -> None:
        self.error.show_messages([])
        self.show_summary()

    def show_summary(self) -> None:
        owner = self.owner
        superior = owner.state.superior
        encrypted = (
            _("yes, for {committee}").format(committee=superior.cell or superior.subject)
            if owner.encrypted() and superior is not None
            else _("no")
        )
        self.summary.setText(
            "\n".join(
                [
                    _("Period: {period}").format(period=period_span(owner.period())),
                    _("File: {path}").format(path=owner.file_page.written_path()),
                    _("Encrypted: {answer}").format(answer=encrypted),
                ]
            )
        )
        key = owner.state.key
        if key is None:
            self.key_note.setText(
                _(
                    "The cell has no signing key yet: it is made now, in the name of the "
                    "secretary. You will choose its passphrase and type it twice; without it "
                    "no report can be signed."
                )
            )
        else:
            self.key_note.setText(
                _("Signed with the key of {name} (short fingerprint {short}).").format(
                    name=key.subject, short=unbroken(key.short_fingerprint)
                )
            )

    def preview(self) -> None:
        """The report as it would be signed today, marked DỰ THẢO, without its number."""
        period = self.owner.period()
        title = _("Draft report, {period}").format(period=period_words(period, in_sentence=True))
        name = f"du-thao-bao-cao-{period.label}.pdf"
        self.owner.ctx.jobs.read(
            lambda s: desk(s).preview(period),
            lambda data: self._show_preview(title, data, name),
            label=_("Preparing the draft…"),
        )

    def _show_preview(self, title: str, data: bytes, name: str) -> None:
        # Imported on first use: the preview loads the PDF rasteriser (pypdfium2).
        from app.ui.print_preview import open_preview

        open_preview(self.owner, self.owner.ctx.jobs, title, lambda: data, name)

    def validatePage(self) -> bool:
        if self.owner.report is not None:
            return True
        if self._busy:
            return False
        new_key = self.owner.state.key is None
        passphrase = ask_passphrase(
            self,
            new=new_key,
            purpose="" if new_key else _("The report is signed with the cell's key."),
        )
        if passphrase is None:
            return False
        owner = self.owner
        period, target, encrypt = owner.period(), owner.file_page.target(), owner.encrypted()
        self._set_busy(True)
        owner.ctx.jobs.write(
            lambda s: desk(s).export(period, target, encrypt, passphrase),
            self._exported,
            on_error=self._failed,
            label=_("Signing and writing the report…"),
        )
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.error.show_messages([])
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.owner.button(which).setEnabled(not busy)
        self.preview_button.setEnabled(not busy)
        if not busy:
            # Disabling the buttons moved the focus away; Enter retries from here.
            self.owner.button(QWizard.WizardButton.CommitButton).setFocus()

    def _exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        self.owner.exported(result)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        # A failed export keeps its serial in the history, and the key may have been made.
        self.owner.ctx.jobs.changed.emit(Changes.of(EXPORTS_AREA, KEYS_AREA))
        self.owner.reload_state()
        if isinstance(error, UserError):
            retry = _(
                "Your choices are kept: put the problem right, then press “Sign and export” again."
            )
            self.error.show_messages([error.message, retry])
        else:
            show_error(self, error)


class DonePage(QWizardPage):
    """Step 5: serial, number, file and short fingerprint in large type; on the first export
    with a new key, how the superior committee registers it."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("The report was exported"))
        self.serial = Heading(scale=1.5)
        self.number = Heading(scale=1.5)
        self.file = Heading(scale=1.15)
        self.file.setWordWrap(True)
        self.encrypted = _note()
        self.fingerprint = FingerprintLabel()
        self.next_steps = _note()
        self.enrolment = QGroupBox(_("Register the new certificate with the superior committee"))
        self.enrolment_text = _note()
        self.write_button = page_button(_("Write the &certificate to a file…"))
        self.write_button.clicked.connect(self.owner.key_actions.write_certificate)
        box = QVBoxLayout(self.enrolment)
        box.addWidget(self.enrolment_text)
        row = QHBoxLayout()
        row.addWidget(self.write_button)
        row.addStretch(1)
        box.addLayout(row)
        # Large type and the enrolment steps outgrow the page at 140 % text size: scroll.
        content = QWidget()
        layout = QVBoxLayout(content)
        for widget in (self.serial, self.number, self.file, self.encrypted):
            layout.addWidget(widget)
        layout.addWidget(_note(_("Short fingerprint of the key:")))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.next_steps)
        layout.addWidget(self.enrolment)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def initializePage(self) -> None:
        result = self.owner.report
        if result is None:
            return
        self.serial.setText(_("Serial: {serial}").format(serial=result.serial))
        self.number.setText(_("Report {number}").format(number=lower_first(result.number)))
        self.file.setText(_("File: {path}").format(path=result.path))
        superior = self.owner.state.superior
        self.encrypted.setText(
            _("Encrypted for: {name}").format(name=superior.cell or superior.subject)
            if result.encrypted and superior is not None
            else _("Not encrypted: anyone holding the file can read it.")
        )
        self.fingerprint.setText(result.short_fingerprint)
        committee = self.owner.state.superior_committee or _("the superior committee")
        first = not self.owner.had_key
        self.enrolment.setVisible(first)
        self.enrolment_text.setText(
            enrolment_text(self.owner.state.superior_committee, result.short_fingerprint)
        )
        self.next_steps.setText(
            _(
                "Send the file to {committee}. When its acknowledgement comes back, import it "
                "with “Import an acknowledgement…”: the history then shows the day it was "
                "received."
            ).format(committee=committee)
        )


class ExportWizard(QWizard):
    """Exports one report; `report` holds it once written."""

    def __init__(self, ctx: UiContext, state: DeskState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        #: Whether the cell had a key when the wizard opened: if not, the last step explains
        #: enrolment (even when the key was made by an earlier, failed attempt).
        self.had_key = state.key is not None
        self.report: ExportResult | None = None
        self.key_actions = KeyActions(ctx, self)
        self.key_actions.superior_committee = state.superior_committee
        self.setWindowTitle(_("Export a report"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        texts: dict[QWizard.WizardButton, Callable[[], str]] = {
            QWizard.WizardButton.NextButton: lambda: _("&Next >"),
            QWizard.WizardButton.BackButton: lambda: _("< &Back"),
            QWizard.WizardButton.FinishButton: lambda: _("&Finish"),
            QWizard.WizardButton.CancelButton: lambda: _("Cancel"),
            QWizard.WizardButton.CommitButton: lambda: _("&Sign and export"),
        }
        for button, text in texts.items():
            self.setButtonText(button, text())
        self.period_page = PeriodPage(self)
        self.encrypt_page = EncryptPage(self)
        self.file_page = FilePage(self)
        self.summary_page = SummaryPage(self)
        self.done_page = DonePage(self)
        for page in (
            self.period_page,
            self.encrypt_page,
            self.file_page,
            self.summary_page,
            self.done_page,
        ):
            self.addPage(page)
        # The busy dialog of the export must show over the wizard, not behind it.
        ctx.jobs.set_dialog_parent(self)
        self.finished.connect(lambda _result: ctx.jobs.set_dialog_parent(self._window()))
        self._fit_to_text()

    def _fit_to_text(self) -> None:
        # Larger text needs a larger wizard, within the screen (1366 × 768 on many laptops).
        scale = max(1.0, QApplication.font().pointSizeF() / BASE_POINT_SIZE)
        width, height = int(WIZARD_SIZE[0] * scale), int(WIZARD_SIZE[1] * scale)
        screen = self.screen().availableGeometry()
        self.resize(min(width, screen.width() * 95 // 100), min(height, screen.height() * 9 // 10))

    def _window(self) -> QWidget | None:
        parent = self.parentWidget()
        return parent.window() if parent is not None else None

    def period(self) -> Period:
        return self.period_page.period()

    def encrypted(self) -> bool:
        return self.encrypt_page.encrypted()

    def set_state(self, state: DeskState) -> None:
        """New key and certificate facts (after a failed attempt or a registration)."""
        self.state = state
        self.key_actions.superior_committee = state.superior_committee
        self.encrypt_page.show_superior()
        if self.currentPage() is self.summary_page:
            self.summary_page.show_summary()

    def reload_state(self) -> None:
        self.ctx.jobs.read(lambda s: desk(s).state(), self.set_state)

    def superior_registered(self, info: KeyInfo) -> None:
        """The superior committee's certificate was registered from within the wizard."""
        self.set_state(replace(self.state, superior=info))

    def exported(self, result: ExportResult) -> None:
        """The report was written: remember its folder, tell the screens, show the result."""
        self.report = result
        folder: Path = result.path.parent
        self.ctx.save_settings(replace(self.ctx.settings, report_folder=str(folder)))
        self.ctx.jobs.changed.emit(Changes.of(EXPORTS_AREA, KEYS_AREA))
        self.next()
