"""The receiving committee's profile fields (thông tin cấp ủy nhận báo cáo), shared by the
first-run wizard and the receiver's settings.

As with the cell profile, each field has a label with a mnemonic and an error line under it,
where the service's problem for that field is shown in words; nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.findings import Problem
from app.l10n import _, render
from app.services.inbox_dto import ReceiverInput
from app.ui.widgets.cell_fields import FieldError, normalized
from app.ui.widgets.dates import DateField

#: The text fields, in the order of `ReceiverInput`.
RECEIVER_TEXT_FIELDS = (
    "committee_name",
    "superior_body",
    "superior_committee",
    "place_name",
    "signer_name",
)
RECEIVER_FIELDS = (*RECEIVER_TEXT_FIELDS, "signer_title", "term_start", "term_end")
#: Titles offered for the signer; another can be typed.
SIGNER_TITLES = ("BÍ THƯ", "PHÓ BÍ THƯ")


def receiver_field_label(field: str) -> str:
    """The label (with mnemonic) of a committee profile field."""
    labels = {
        "committee_name": _("&Committee:"),
        "superior_body": _("Body above it in the &header:"),
        "superior_committee": _("Its summary &goes to:"),
        "place_name": _("&Place:"),
        "signer_name": _("Signe&r:"),
        "signer_title": _("Signer's &title:"),
        "term_start": _("Term &starts:"),
        "term_end": _("Term &ends:"),
    }
    return labels[field]


class ReceiverFields:
    """The widgets of the committee profile form, placed by the wizard or the settings."""

    def __init__(self) -> None:
        self.committee_name = QLineEdit()
        self.committee_name.setPlaceholderText(_("e.g. Party committee of Lũng Cú commune"))
        self.superior_body = QLineEdit()
        self.superior_body.setPlaceholderText(_("e.g. PARTY ORGANISATION OF TUYÊN QUANG PROVINCE"))
        self.superior_committee = QLineEdit()
        self.superior_committee.setPlaceholderText(
            _("e.g. Standing Committee of the Tuyên Quang Provincial Party Committee")
        )
        self.place_name = QLineEdit()
        self.signer_name = QLineEdit()
        self.signer_title = QComboBox()
        self.signer_title.setEditable(True)
        self.signer_title.addItems(SIGNER_TITLES)
        self.term_start = DateField()
        self.term_end = DateField()
        self.errors: dict[str, FieldError] = {}

    def widget(self, field: str) -> QWidget:
        widget = getattr(self, field)
        assert isinstance(widget, QWidget)
        return widget

    def line(self, field: str) -> QLineEdit:
        widget = self.widget(field)
        assert isinstance(widget, QLineEdit)
        return widget

    def add_rows(self, form: QFormLayout, fields: Iterable[str]) -> None:
        """A labelled row (input + error line) for each field."""
        for field in fields:
            widget = self.widget(field)
            label = QLabel(receiver_field_label(field))
            label.setBuddy(widget)
            error = FieldError()
            self.errors[field] = error
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, box)

    def load(self, info: ReceiverInput | None) -> None:
        if info is None:
            return
        for field in RECEIVER_TEXT_FIELDS:
            self.line(field).setText(getattr(info, field))
        self.signer_title.setCurrentText(info.signer_title)
        self.term_start.setDate(info.term_start)
        self.term_end.setDate(info.term_end)

    def typed(self) -> bool:
        """Whether anything was typed (a wizard asks before throwing it away)."""
        return any(self.line(f).text().strip() for f in RECEIVER_TEXT_FIELDS)

    def date_errors(self) -> dict[str, str]:
        found = {}
        for field, date_field in (("term_start", self.term_start), ("term_end", self.term_end)):
            if not date_field.is_valid():
                found[field] = _("This date cannot be read; type it as day/month/year.")
        return found

    def read(self) -> ReceiverInput:
        """The profile as typed (NFC, trimmed); call `date_errors()` first."""
        return ReceiverInput(
            committee_name=normalized(self.committee_name.text()),
            superior_body=normalized(self.superior_body.text()),
            superior_committee=normalized(self.superior_committee.text()),
            place_name=normalized(self.place_name.text()),
            signer_name=normalized(self.signer_name.text()),
            signer_title=normalized(self.signer_title.currentText()),
            term_start=self.term_start.date(),
            term_end=self.term_end.date(),
        )

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_text()

    def show_errors(self, texts: dict[str, str]) -> None:
        for field, text in texts.items():
            error = self.errors.get(field)
            if error is not None:
                error.show_text(text)

    def show_problems(self, problems: Sequence[Problem]) -> list[str]:
        """Each problem under its field; the fields with one, in form order."""
        texts: dict[str, str] = {}
        for problem in problems:
            texts[problem.field] = "\n".join(
                filter(None, (texts.get(problem.field), render(problem.message)))
            )
        self.show_errors(texts)
        return [field for field in RECEIVER_FIELDS if field in texts]
