"""The first-run wizard: set up the cell profile before the register opens.

Four short pages (welcome and language; the cell; the superior committee and the term; three
facts about the village), then one save. Cancel closes the program without writing anything.
The secretary and deputy are chosen later in Settings, once members are on the register.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.l10n import LANGUAGES, _
from app.services.dto import Changes
from app.services.errors import ValidationError
from app.ui.dialogs import confirm, show_error
from app.ui.jobs import JobRunner
from app.ui.widgets.cell_fields import INDICATOR_FIELDS, TEXT_FIELDS, CellFields

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


class FirstRunWizard(QWizard):
    """Collects the cell profile and saves it through the job runner on Finish."""

    def __init__(self, jobs: JobRunner, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.fields = CellFields()
        self.saving = False
        #: The language picked on the first page when `finished` gives LANGUAGE_CHANGED.
        self.chosen_language = language
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
        self.resize(720, 560)

    def _welcome_page(self) -> QWizardPage:
        page, layout = _page(_("Welcome to Sổ Chi bộ"), _("The record book of the cell secretary."))
        layout.addWidget(
            _note(
                _(
                    "Sổ Chi bộ keeps the register of party members, checks the Party's rules "
                    "and prints documents. Everything stays on this computer. First, tell the "
                    "program about your cell; it takes about two minutes."
                )
            )
        )
        form = QFormLayout()
        label = QLabel(_("&Language:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

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
        return next((i for i, fields in enumerate(_PAGE_FIELDS) if field in fields), 1)

    def go_to_page(self, index: int) -> None:
        """Step back to an earlier page (QWizard only moves one page at a time)."""
        while self.currentId() > index:
            self.back()

    def validateCurrentPage(self) -> bool:
        """Refuse to leave a page whose dates cannot be read, saying why under the field."""
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
        command = self.fields.read()
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.jobs.write(
            lambda services: services.cell.save(command),
            self._saved,
            label=_("Saving the cell profile…"),
            on_error=self._save_failed,
        )

    def _saved(self, _changes: Changes) -> None:
        self.saving = False
        super().accept()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(error, ValidationError):
            fields = self.fields.show_problems(error.problems)
            if fields:
                self.go_to_page(min(self.page_of(f) for f in fields))
                self.fields.widget(fields[0]).setFocus()
        show_error(self, error)

    def reject(self) -> None:
        """Cancel closes the program; ask first if something was typed (nothing is saved)."""
        if self.saving:
            return
        command = self.fields.read()
        typed = any(getattr(command, field) for field in TEXT_FIELDS)
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
