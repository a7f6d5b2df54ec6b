"""The first-run wizard's branch for the superior committee (cấp ủy cấp trên): two pages of the
committee's profile, saved as the receiver's profile on Finish."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWizardPage

from app.l10n import _
from app.services.dto_base import Changes
from app.services.inbox_dto import ReceiverInput
from app.ui.widgets.receiver_fields import ReceiverFields

if TYPE_CHECKING:
    from app.services.facade import Services

#: The page ids of the receiver's branch (the cell's pages are 1 to 3).
FIRST_PAGE = 4
LAST_PAGE = 5
PAGE_FIELDS = {
    FIRST_PAGE: ("committee_name", "superior_body", "place_name"),
    LAST_PAGE: ("superior_committee", "signer_name", "signer_title", "term_start", "term_end"),
}


def role_texts() -> tuple[str, str]:
    """The two answers to "what is this computer for?", the cell's first."""
    return (
        _("&Cell: keep the record book and send reports to the superior committee"),
        _("S&uperior committee: receive, check and sum up the cells' reports"),
    )


def _save(services: Services, data: ReceiverInput) -> Changes:
    # Imported on the database thread, like every receiver's service call.
    from app.ui.screens.inbox.calls import save_receiver

    return save_receiver(services, data)


class ReceiverBranch:
    """The receiver's pages and fields; the wizard asks it to check, save and show problems."""

    def __init__(self) -> None:
        self.fields = ReceiverFields()

    def pages(self) -> list[tuple[int, QWizardPage]]:
        return [
            (
                FIRST_PAGE,
                self._page(
                    FIRST_PAGE,
                    _("About the committee"),
                    _("The committee that receives the cells' reports, as documents name it."),
                    _(
                        "Since 07/2025 there is no district level: the committee is the Party "
                        "committee of the commune or ward, or a grassroots Party committee."
                    ),
                ),
            ),
            (
                LAST_PAGE,
                self._page(
                    LAST_PAGE,
                    _("Summary, signer and term"),
                    _(
                        "Where the committee's summary report goes, who signs the committee's "
                        "documents, and the current term (documents are numbered by term)."
                    ),
                ),
            ),
        ]

    def _page(self, page_id: int, title: str, subtitle: str, note: str = "") -> QWizardPage:
        page = QWizardPage()
        page.setTitle(title)
        page.setSubTitle(subtitle)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.fields.add_rows(form, PAGE_FIELDS[page_id])
        layout.addLayout(form)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    def page_of(self, field: str) -> int:
        return next((p for p, fields in PAGE_FIELDS.items() if field in fields), FIRST_PAGE)

    def check_page(self, page_id: int) -> bool:
        """Show the unreadable dates of one page under their fields; True when there is none."""
        fields = PAGE_FIELDS.get(page_id, ())
        errors = {f: text for f, text in self.fields.date_errors().items() if f in fields}
        for field in fields:
            if field in self.fields.errors:
                self.fields.errors[field].clear_text()
        self.fields.show_errors(errors)
        return not errors

    def save_call(self) -> Callable[[Services], Changes]:
        """The job saving the profile as typed now (read here, on the UI thread)."""
        command = self.fields.read()
        return lambda services: _save(services, command)
