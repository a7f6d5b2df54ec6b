"""The cell profile's input fields, shared by the first-run wizard and the settings screen.

Each field has a label with a mnemonic and an error line under it: a validation problem is
shown as text next to the field it concerns (not by colour alone), and nothing typed is lost.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Problem
from app.l10n import _, render
from app.services.dto import CellInput, CellType
from app.ui.widgets.dates import DateField

TEXT_FIELDS = ("name", "superior_committee", "superior_body", "place_name")
INDICATOR_FIELDS = (
    "village_head_is_member",
    "front_head_is_member",
    "secretary_is_village_head",
)
# Problems may name a person field by its id or its plain name.
_FIELD_ALIASES = {"secretary": "secretary_id", "deputy": "deputy_id"}


def cell_type_label(cell_type: CellType) -> str:
    """The Vietnamese name of a kind of cell (loại hình chi bộ)."""
    labels = {
        CellType.VILLAGE: _("Village, hamlet or residential group"),
        CellType.AGENCY: _("Agency or public service unit"),
        CellType.ENTERPRISE: _("Enterprise"),
        CellType.SCHOOL: _("School"),
        CellType.MILITARY: _("Military unit"),
        CellType.POLICE: _("Police unit"),
        CellType.OTHER: _("Other"),
    }
    return labels[cell_type]


def field_label(field: str) -> str:
    """The label (with mnemonic) of a cell profile field."""
    labels = {
        "name": _("Cell &name:"),
        "superior_committee": _("S&uperior committee:"),
        "superior_body": _("Body in the &header:"),
        "place_name": _("&Place:"),
        "cell_type": _("Cell &type:"),
        "term_start": _("Term &starts:"),
        "term_end": _("Term &ends:"),
        "secretary_id": _("Se&cretary:"),
        "deputy_id": _("&Deputy secretary:"),
        "village_head_is_member": _("&Village head is a party member:"),
        "front_head_is_member": _("&Front work committee head is a party member:"),
        "secretary_is_village_head": _("Secretary is also the v&illage head:"),
    }
    return labels[field]


def normalized(text: str) -> str:
    """NFC, trimmed: what the user typed as the program stores it."""
    return unicodedata.normalize("NFC", text).strip()


class TriStateCombo(QComboBox):
    """Yes / No / Not known, for facts the secretary may not know yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(_("Not known"), None)
        self.addItem(_("Yes"), True)
        self.addItem(_("No"), False)

    def value(self) -> bool | None:
        data = self.currentData()
        return data if isinstance(data, bool) else None

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex(self.findData(value) if value is not None else 0)


class FieldError(QLabel):
    """The text under a field explaining what is wrong; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_text(self, text: str) -> None:
        # The warning sign carries the meaning for those who cannot tell red from black.
        self.setText(f"⚠ {text}")
        self.show()

    def clear_text(self) -> None:
        self.clear()
        self.hide()


class CellFields:
    """The widgets of the cell profile form, placed by the wizard or the settings screen."""

    def __init__(self) -> None:
        self.name = QLineEdit()
        self.superior_committee = QLineEdit()
        self.superior_committee.setPlaceholderText(_("e.g. Party committee of Lũng Cú commune"))
        self.superior_body = QLineEdit()
        self.superior_body.setPlaceholderText(_("e.g. PARTY ORGANISATION OF LŨNG CÚ COMMUNE"))
        self.place_name = QLineEdit()
        self.cell_type = QComboBox()
        for cell_type in CellType:
            self.cell_type.addItem(cell_type_label(cell_type), cell_type.value)
        self.term_start = DateField()
        self.term_end = DateField()
        self.indicators = {name: TriStateCombo() for name in INDICATOR_FIELDS}
        self.errors: dict[str, FieldError] = {}
        self._placed: dict[str, QWidget] = {}

    def widget(self, field: str) -> QWidget:
        """The input widget of `field` (including widgets placed with `add_row`)."""
        if field in self._placed:
            return self._placed[field]
        if field in self.indicators:
            return self.indicators[field]
        widget = getattr(self, field)
        assert isinstance(widget, QWidget)
        return widget

    def add_rows(self, form: QFormLayout, fields: Iterable[str]) -> None:
        """Add a labelled row (input + error line) for each field to `form`."""
        for field in fields:
            self.add_row(form, field, self.widget(field))

    def add_row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        """Add one labelled row whose label's mnemonic focuses `widget`."""
        label = QLabel(field_label(field))
        label.setBuddy(widget)
        label.setWordWrap(True)
        error = FieldError()
        self.errors[field] = error
        self._placed[field] = widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, box)

    def load(self, info: CellInput | None) -> None:
        """Fill the fields from a saved profile (or leave them empty)."""
        if info is None:
            return
        for field in TEXT_FIELDS:
            line = self.widget(field)
            assert isinstance(line, QLineEdit)
            line.setText(getattr(info, field))
        self.cell_type.setCurrentIndex(max(0, self.cell_type.findData(str(info.cell_type))))
        self.term_start.setDate(info.term_start)
        self.term_end.setDate(info.term_end)
        for name, combo in self.indicators.items():
            combo.set_value(getattr(info, name))

    def date_errors(self) -> dict[str, str]:
        """Dates that cannot be read, by field (checked before anything is sent to save)."""
        found = {}
        for field, date_field in (("term_start", self.term_start), ("term_end", self.term_end)):
            if not date_field.is_valid():
                found[field] = _("This date cannot be read; type it as day/month/year.")
        return found

    def read(self, secretary_id: int | None = None, deputy_id: int | None = None) -> CellInput:
        """The profile as typed (NFC); call `date_errors()` first."""
        # Qt hands the enum back as its plain string value.
        data = self.cell_type.currentData()
        cell_type = CellType(data) if data in set(CellType) else CellType.OTHER
        return CellInput(
            name=normalized(self.name.text()),
            superior_committee=normalized(self.superior_committee.text()),
            superior_body=normalized(self.superior_body.text()),
            place_name=normalized(self.place_name.text()),
            cell_type=cell_type,
            term_start=self.term_start.date(),
            term_end=self.term_end.date(),
            secretary_id=secretary_id,
            deputy_id=deputy_id,
            village_head_is_member=self.indicators["village_head_is_member"].value(),
            front_head_is_member=self.indicators["front_head_is_member"].value(),
            secretary_is_village_head=self.indicators["secretary_is_village_head"].value(),
        )

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_text()

    def show_errors(self, texts: dict[str, str]) -> None:
        """Show a message under each named field."""
        for field, text in texts.items():
            error = self.errors.get(_FIELD_ALIASES.get(field, field))
            if error is not None:
                error.show_text(text)

    def show_problems(self, problems: Sequence[Problem]) -> list[str]:
        """Show each problem under its field; returns the fields, in form order, that have one."""
        texts: dict[str, str] = {}
        for problem in problems:
            field = _FIELD_ALIASES.get(problem.field, problem.field)
            texts[field] = "\n".join(filter(None, (texts.get(field), render(problem.message))))
        self.show_errors(texts)
        return [field for field in self.errors if field in texts]
