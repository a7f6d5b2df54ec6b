"""The first-run wizard: set up the cell profile before the register opens.

Four short pages (welcome, language and what the computer is for; the cell; the superior
committee and the term; three facts about the village), then one save. Cancel closes the
program without writing anything. The secretary and deputy are chosen later in Settings, once
members are on the register. At the superior committee the welcome page leads instead to the
receiver's two pages (`wizard_receiver`), saved as the committee's profile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.l10n import LANGUAGES, _
from app.services.dto import CellInput, Changes
from app.services.errors import ValidationError
from app.settings import CELL_ROLE, RECEIVER_ROLE
from app.ui.dialogs import confirm, show_error
from app.ui.jobs import JobRunner
from app.ui.widgets.cell_fields import INDICATOR_FIELDS, TEXT_FIELDS, CellFields
from app.ui.wizard_receiver import FIRST_PAGE, LAST_PAGE, ReceiverBranch, role_texts

if TYPE_CHECKING:
    from app.services.facade import Services

#: `finished` result when the user picked another language: the wizard is rebuilt in it.
LANGUAGE_CHANGED = 2
_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
#: Which page (by index) holds each field, to go back to the first one with a problem.
_PAGE_FIELDS = (
    (),
    ("name", "cell_type", "place_name"),
    ("superior_committee", "superior_body", "term_start", "term_end"),
    INDICATOR_FIELDS,
)
_LAST_CELL_PAGE = len(_PAGE_FIELDS) - 1


def _page(title: str, subtitle: str) -> tuple[QWizardPage, QVBoxLayout]:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(subtitle)
    layout = QVBoxLayout(page)
    return page, layout


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _cell_save(command: CellInput) -> Callable[[Services], Changes]:
    return lambda services: services.cell.save(command)


class FirstRunWizard(QWizard):
    """Collects the cell profile and saves it through the job runner on Finish."""

    def __init__(
        self,
        jobs: JobRunner,
        language: str,
        parent: QWidget | None = None,
        *,
        role: str = CELL_ROLE,
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.fields = CellFields()
        self.receiver = ReceiverBranch()
        self.saving = False
        #: The language picked on the first page when `finished` gives LANGUAGE_CHANGED.
        self.chosen_language = language
        #: What this computer is for (CELL_ROLE or RECEIVER_ROLE), chosen on the first page.
        self.chosen_role = role
        self.setWindowTitle(_("Sổ Chi bộ — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.roles = QButtonGroup(self)
        self.cell_role = QRadioButton(role_texts()[0])
        self.receiver_role = QRadioButton(role_texts()[1])
        for button in (self.cell_role, self.receiver_role):
            self.roles.addButton(button)
        (self.receiver_role if role == RECEIVER_ROLE else self.cell_role).setChecked(True)
        self.roles.buttonToggled.connect(self._role_chosen)
        self.addPage(self._welcome_page())
        self.addPage(self._form_page(1, _("About your cell"), _("The name and kind of your cell.")))
        self.addPage(
            self._form_page(
                2,
                _("Superior committee and term"),
                _("Who receives the cell's reports, and the current term of the cell committee."),
                _(
                    "Since 07/2025 there is no district level: the directly superior "
                    "committee is the Party committee of the commune or ward."
                ),
            )
        )
        self.addPage(
            self._form_page(
                3,
                _("About the village"),
                _("Answer if you know; otherwise leave “Not known”."),
                _(
                    "You will choose the secretary and the deputy secretary later in "
                    "Settings, once the members are on the register."
                ),
            )
        )
        for page_id, page in self.receiver.pages():
            self.setPage(page_id, page)
        self.resize(720, 560)

    def _welcome_page(self) -> QWizardPage:
        page, layout = _page(_("Welcome to Sổ Chi bộ"), _("The record book of the cell secretary."))
        layout.addWidget(
            _note(
                _(
                    "Sổ Chi bộ keeps the register of party members, checks the Party's rules "
                    "and prints documents; at the superior committee it receives, checks and "
                    "sums up the cells' reports. Everything stays on this computer. Setting it "
                    "up takes about two minutes."
                )
            )
        )
        form = QFormLayout()
        label = QLabel(_("&Language:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        layout.addLayout(form)
        layout.addWidget(_note(_("This computer is for:")))
        layout.addWidget(self.cell_role)
        layout.addWidget(self.receiver_role)
        layout.addStretch(1)
        return page

    def nextId(self) -> int:
        """The cell's pages (1 to 3) or the receiver's (4, 5), by the role chosen first."""
        current = self.currentId()
        if current == 0:
            return FIRST_PAGE if self.chosen_role == RECEIVER_ROLE else 1
        if current in (_LAST_CELL_PAGE, LAST_PAGE):
            return -1
        return current + 1

    def _role_chosen(self, *_args: object) -> None:
        self.chosen_role = RECEIVER_ROLE if self.receiver_role.isChecked() else CELL_ROLE

    def _form_page(self, index: int, title: str, subtitle: str, note: str = "") -> QWizardPage:
        page, layout = _page(title, subtitle)
        form = QFormLayout()
        self.fields.add_rows(form, _PAGE_FIELDS[index])
        layout.addLayout(form)
        if note:
            layout.addWidget(_note(note))
        layout.addStretch(1)
        return page

    def page_of(self, field: str) -> int:
        """The index of the page holding `field` (the first form page if unknown)."""
        if self.chosen_role == RECEIVER_ROLE:
            return self.receiver.page_of(field)
        return next((i for i, fields in enumerate(_PAGE_FIELDS) if field in fields), 1)

    def go_to_page(self, index: int) -> None:
        """Step back to an earlier page (QWizard only moves one page at a time)."""
        while self.currentId() > index:
            self.back()

    def validateCurrentPage(self) -> bool:
        """Refuse to leave a page whose dates cannot be read, saying why under the field."""
        if self.currentId() >= FIRST_PAGE:
            return self.receiver.check_page(self.currentId()) and super().validateCurrentPage()
        page_fields = _PAGE_FIELDS[self.currentId()] if self.currentId() >= 0 else ()
        errors = {f: text for f, text in self.fields.date_errors().items() if f in page_fields}
        for field in page_fields:
            if field in self.fields.errors:
                self.fields.errors[field].clear_text()
        self.fields.show_errors(errors)
        return not errors and super().validateCurrentPage()

    def accept(self) -> None:
        """Finish: save the profile; stay open and go back to the problem if it is refused."""
        if self.saving:
            return
        self.fields.clear_errors()
        self.receiver.fields.clear_errors()
        if self.chosen_role == RECEIVER_ROLE:
            save = self.receiver.save_call()
            label = _("Saving the committee's profile…")
        else:
            save = _cell_save(self.fields.read())
            label = _("Saving the cell profile…")
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.jobs.write(save, self._saved, label=label, on_error=self._save_failed)

    def _saved(self, _changes: Changes) -> None:
        self.saving = False
        super().accept()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(error, ValidationError):
            receiver = self.chosen_role == RECEIVER_ROLE
            form = self.receiver.fields if receiver else self.fields
            fields = form.show_problems(error.problems)
            if fields:
                self.go_to_page(min(self.page_of(f) for f in fields))
                form.widget(fields[0]).setFocus()
        show_error(self, error)

    def reject(self) -> None:
        """Cancel closes the program; ask first if something was typed (nothing is saved)."""
        if self.saving:
            return
        command = self.fields.read()
        typed = (
            any(getattr(command, field) for field in TEXT_FIELDS) or self.receiver.fields.typed()
        )
        if typed and not confirm(
            self,
            _("Stop setting up?"),
            _("The program will close and what you typed will not be saved."),
            yes=_("&Stop and close"),
            no=_("&Continue setting up"),
            destructive=True,
        ):
            return
        super().reject()

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if isinstance(code, str):
            self.chosen_language = code
            self.done(LANGUAGE_CHANGED)
