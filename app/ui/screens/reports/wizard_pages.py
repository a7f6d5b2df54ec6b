"""The export wizard's first three steps: the period, encryption, where to save the file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from app.domain.periods import Period, PeriodKind
from app.l10n import _
from app.services.errors import UserError
from app.ui.dialogs import confirm, show_error
from app.ui.screens.members.form_fields import ErrorLine
from app.ui.screens.reports.key_actions import start_folder, with_suffix
from app.ui.screens.reports.texts import (
    PeriodChoice,
    default_choice,
    number_names,
    period_span,
    suggested_file_name,
    unbroken,
)
from app.ui.screens.reports.work import desk

if TYPE_CHECKING:
    from app.ui.screens.reports.wizard import ExportWizard

#: Years offered before the current one.
YEARS_BACK = 10
ENCRYPTED_SUFFIX = ".p7m"


def page_button(text: str) -> QPushButton:
    """A button on a wizard page: Enter keeps meaning the wizard's Next (or Sign and export),
    even when this button has the focus; Space or its underlined letter presses it."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def encrypted_path(path: Path) -> Path:
    """The name an encrypted file is written under: ".p7m" added (as the export does)."""
    if path.suffix.lower() == ENCRYPTED_SUFFIX:
        return path
    return path.with_name(path.name + ENCRYPTED_SUFFIX)


class PeriodPage(QWizardPage):
    """Step 1: a month, a quarter or a year; Next asks the service whether it can be
    exported today and shows its sentence when not."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Step 1: the period"))
        self.setSubTitle(_("The month, quarter or year the report is about."))
        self.month = QRadioButton(_("&One month"))
        self.quarter = QRadioButton(_("One &quarter"))
        self.year_kind = QRadioButton(_("A &whole year"))
        self.kinds = QButtonGroup(self)
        for button in (self.month, self.quarter, self.year_kind):
            self.kinds.addButton(button)
        self.year = QSpinBox()
        self.number = QComboBox()
        self.number_label = QLabel(_("Mont&h or quarter:"))
        self.number_label.setBuddy(self.number)
        self.span = _note()
        self.error = ErrorLine()
        self._checked: Period | None = None
        self._busy = False
        kinds = QHBoxLayout()
        for button in (self.month, self.quarter, self.year_kind):
            kinds.addWidget(button)
        kinds.addStretch(1)
        form = QFormLayout()
        form.addRow(_("&Year:"), self.year)
        form.addRow(self.number_label, self.number)
        layout = QVBoxLayout(self)
        layout.addLayout(kinds)
        layout.addLayout(form)
        layout.addWidget(self.span)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.set_today()
        self.kinds.buttonToggled.connect(self._kind_toggled)
        self.year.valueChanged.connect(lambda _value: self._changed())
        self.number.currentIndexChanged.connect(lambda _index: self._changed())

    def set_today(self) -> None:
        """Offer the years up to today's and choose the previous month."""
        today = self.owner.state.today
        self.year.setRange(today.year - YEARS_BACK, today.year)
        self.choose(default_choice(today))

    def choose(self, choice: PeriodChoice) -> None:
        """Show `choice` in the fields."""
        button = {
            PeriodKind.MONTH: self.month,
            PeriodKind.QUARTER: self.quarter,
            PeriodKind.YEAR: self.year_kind,
        }[choice.kind]
        button.setChecked(True)
        self._fill_numbers(choice.kind)
        self.year.setValue(choice.year)
        self.number.setCurrentIndex(max(0, choice.number - 1))
        self._changed()

    def kind(self) -> PeriodKind:
        if self.quarter.isChecked():
            return PeriodKind.QUARTER
        return PeriodKind.YEAR if self.year_kind.isChecked() else PeriodKind.MONTH

    def choice(self) -> PeriodChoice:
        return PeriodChoice(self.kind(), self.year.value(), self.number.currentIndex() + 1)

    def period(self) -> Period:
        return self.choice().period()

    def _fill_numbers(self, kind: PeriodKind) -> None:
        keep = self.number.currentIndex()
        self.number.blockSignals(True)
        self.number.clear()
        self.number.addItems(number_names(kind))
        self.number.setCurrentIndex(min(max(keep, 0), self.number.count() - 1))
        self.number.blockSignals(False)
        self.number.setVisible(kind is not PeriodKind.YEAR)
        self.number_label.setVisible(kind is not PeriodKind.YEAR)

    def _kind_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._fill_numbers(self.kind())
            self._changed()

    def _changed(self) -> None:
        self._checked = None
        self.error.show_messages([])
        self.span.setText(
            _("Report of {span}.").format(span=period_span(self.period(), in_sentence=True))
        )

    def validatePage(self) -> bool:
        period = self.period()
        if self._checked == period:
            return True
        if not self._busy:
            self._busy = True
            self.owner.ctx.jobs.read(
                lambda s: desk(s).check(period),
                lambda _none: self._passed(period),
                on_error=self._refused,
                label=_("Checking the period…"),
            )
        return False

    def _passed(self, period: Period) -> None:
        self._busy = False
        if period == self.period():
            self._checked = period
            self.owner.next()

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, UserError):
            self.error.show_messages([error.message])
        else:
            show_error(self, error)


class EncryptPage(QWizardPage):
    """Step 2: encrypt for the superior committee when its certificate is registered; else
    say why it cannot be, and offer to register the certificate now."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Step 2: encryption"))
        self.setSubTitle(_("An encrypted file can be opened only by the superior committee."))
        self.encrypt = QCheckBox(_("&Encrypt the file for the superior committee"))
        self.explain = _note()
        self.register_button = page_button(_("&Register the superior committee's certificate…"))
        self.register_button.clicked.connect(self._register)
        layout = QVBoxLayout(self)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.explain)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._offered = False

    def initializePage(self) -> None:
        self.show_superior()

    def show_superior(self) -> None:
        """Offer encryption when the certificate is registered (checked the first time)."""
        superior = self.owner.state.superior
        self.encrypt.setEnabled(superior is not None)
        self.register_button.setVisible(superior is None)
        if superior is None:
            self.encrypt.setChecked(False)
            self.explain.setText(
                _(
                    "The superior committee's certificate is not registered, so the file "
                    "cannot be encrypted for it; it is signed all the same. If the committee "
                    "gave you its certificate file, register it now: you will compare its "
                    "fingerprint by phone."
                )
            )
            return
        if not self._offered:
            self._offered = True
            self.encrypt.setChecked(True)
        self.explain.setText(
            _(
                "Only {committee} can open the encrypted file, with the key of its certificate "
                "(short fingerprint {short}). Encrypt whenever the file travels on a USB stick "
                "or by e-mail; “.p7m” is added to its name."
            ).format(
                committee=superior.cell or superior.subject,
                short=unbroken(superior.short_fingerprint),
            )
        )

    def _register(self) -> None:
        self.owner.key_actions.register_superior(None, self.owner.superior_registered)

    def encrypted(self) -> bool:
        return self.encrypt.isChecked() and self.owner.state.superior is not None


class FilePage(QWizardPage):
    """Step 3: the file to write, proposed as bao-cao-<period>.scb in the last folder used."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Step 3: where to save"))
        self.setSubTitle(
            _("Save the file where you will send it from, for example on the USB stick.")
        )
        self.path = QLineEdit()
        label = QLabel(_("&Save to file:"))
        label.setBuddy(self.path)
        browse = page_button(_("C&hoose where to save…"))
        browse.clicked.connect(self.browse)
        self.written_as = _note()
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.written_as)
        layout.addStretch(1)
        self._suggested = ""
        self.path.textChanged.connect(self._changed)

    def initializePage(self) -> None:
        # A name the secretary chose herself stays; the one proposed follows the period.
        text = self.path.text().strip()
        if not text or text == self._suggested:
            base = Path(text).parent if text else start_folder(self.owner.ctx)
            self._suggested = str(base / suggested_file_name(self.owner.period()))
            self.path.setText(self._suggested)
        self._changed()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def browse(self) -> None:
        """Choose the file with the system dialog."""
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            _("Save the report as"),
            self.path.text().strip() or str(start_folder(self.owner.ctx)),
            _("Report files (*.scb)"),
        )
        if path:
            self.path.setText(str(with_suffix(Path(path), ".scb")))

    def target(self) -> Path:
        """The file chosen (".scb" added to a name typed without extension)."""
        return with_suffix(Path(self.path.text().strip()).expanduser(), ".scb")

    def written_path(self) -> Path:
        """Where the file will be: with ".p7m" added when it is encrypted."""
        target = self.target()
        return encrypted_path(target) if self.owner.encrypted() else target

    def _changed(self) -> None:
        self.completeChanged.emit()
        if self.path.text().strip():
            self.written_as.setText(
                _("The file will be written as {path}.").format(path=self.written_path())
            )
        else:
            self.written_as.setText("")

    def validatePage(self) -> bool:
        path = self.written_path()
        if path.is_file():
            return confirm(
                self,
                _("Replace the file?"),
                _("{path} exists already. Replace it with the new report?").format(path=path),
                yes=_("&Replace"),
                no=_("&Choose another name"),
                destructive=True,
            )
        return True
