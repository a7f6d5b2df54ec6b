"""The input fields of the member form, grouped as the register page is: personal data, party
data, contact and work. Each field has an error line under it, so a problem is shown as text
next to the field it concerns, not by colour alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import (
    CellRole,
    Gender,
    MemberRecord,
    MembershipStatus,
    seniority_years,
)
from app.l10n import _, ngettext
from app.labels import genders, roles, statuses
from app.ui.widgets.dates import DateField

#: Common ethnicities first (the editable combo accepts any other).
ETHNICITIES = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Mông", "Nùng", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
    "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Giáy",
    "Lô Lô", "Hà Nhì", "Phù Lá", "La Chí", "Pà Thẻn", "Lự", "Bố Y", "Cống", "Si La",
)  # fmt: skip
#: Political-theory levels (trình độ lý luận chính trị) as written in records.
THEORY_LEVELS = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")

TEXT_FIELDS = (
    "full_name", "religion", "hometown", "residence", "education", "card_number", "phone",
    "occupation", "workplace", "note",
)  # fmt: skip
DATE_FIELDS = ("birth_date", "admission_date", "ceremony_date", "recognition_date")


def _labels() -> dict[str, str]:
    return {
        "full_name": _("Full &name:"),
        "gender": _("&Gender:"),
        "birth_date": _("Date of &birth:"),
        "ethnicity": _("E&thnicity:"),
        "religion": _("Re&ligion:"),
        "hometown": _("Home&town:"),
        "residence": _("Resi&dence:"),
        "education": _("Ed&ucation level:"),
        "card_number": _("Party &card number:"),
        "admission_date": _("&Admission decision date:"),
        "ceremony_date": _("Admission cere&mony date:"),
        "recognition_date": _("Recognition as full member:"),
        "status": _("Membershi&p:"),
        "role": _("&Role in the cell:"),
        "theory_level": _("Political-t&heory level:"),
        "phone": _("Ph&one:"),
        "occupation": _("Occupat&ion:"),
        "workplace": _("&Workplace:"),
        "note": _("N&ote:"),
    }


class ErrorLine(QLabel):
    """The text of a problem under its field; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_messages(self, messages: Sequence[str]) -> None:
        """Show the messages, each after a warning sign (readable without colour)."""
        self.setText("\n".join(f"⚠ {m}" for m in messages))
        self.setVisible(bool(messages))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _combo(items: Iterable[tuple[Any, str]], editable: bool = False) -> QComboBox:
    combo = QComboBox()
    for value, label in items:
        # Enum members are stored by value: Qt would turn a str subclass into a plain str.
        combo.addItem(label, str(value))
    combo.setEditable(editable)
    if editable:
        # Enter must reach the dialog's Save button instead of adding an item.
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class MemberFields(QWidget):
    """Every field of a MemberRecord, laid out in three groups, in visual tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLine] = {}
        self.general_error = ErrorLine()
        self.seniority = QLabel()
        self._build()
        self.dates["admission_date"].date_changed.connect(self._update_seniority)
        self._update_seniority()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        for name in TEXT_FIELDS:
            self.editors[name] = QLineEdit()
        for name in DATE_FIELDS:
            self.editors[name] = DateField()
        gender = _combo(genders())
        gender.setPlaceholderText(_("— Choose —"))
        gender.setCurrentIndex(-1)
        self.editors["gender"] = gender
        self.editors["ethnicity"] = _combo(((e, e) for e in ETHNICITIES), editable=True)
        self.editors["theory_level"] = _combo((("", ""), *((t, t) for t in THEORY_LEVELS)), True)
        self.editors["status"] = _combo(statuses())
        role = _combo(roles())
        # Most entries are ordinary members; the enum lists the secretary first.
        role.setCurrentIndex(role.findData(CellRole.MEMBER.value))
        self.editors["role"] = role
        self.full_name.setMaxLength(120)
        personal = self._group(
            _("Personal information"),
            ["full_name", "gender", "birth_date", "ethnicity", "religion", "hometown",
             "residence", "education"],
        )  # fmt: skip
        party = self._group(
            _("Party information"),
            ["card_number", "admission_date", "ceremony_date", "recognition_date", "status",
             "role", "theory_level"],
        )  # fmt: skip
        party_form = party.layout()
        assert isinstance(party_form, QFormLayout)
        party_form.addRow(self.seniority)
        contact = self._group(_("Contact and work"), ["phone", "occupation", "workplace", "note"])
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.general_error, 0, 0, 1, 2)
        grid.addWidget(personal, 1, 0)
        grid.addWidget(party, 1, 1)
        grid.addWidget(contact, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        chain = [self.editors[n] for n in self.tab_order()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _group(self, title: str, names: list[str]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = _labels()
        for name in names:
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.editors[name])
            error = ErrorLine()
            column.addWidget(error)
            self.errors[name] = error
            holder.setFocusProxy(self.editors[name])
            label = QLabel(labels[name])
            label.setBuddy(self.editors[name])
            form.addRow(label, holder)
        return box

    @staticmethod
    def tab_order() -> list[str]:
        """Field names in the order Tab visits them (the visual order)."""
        return [
            "full_name", "gender", "birth_date", "ethnicity", "religion", "hometown",
            "residence", "education", "card_number", "admission_date", "ceremony_date",
            "recognition_date", "status", "role", "theory_level", "phone", "occupation",
            "workplace", "note",
        ]  # fmt: skip

    # -- typed access ------------------------------------------------------------------------

    @property
    def full_name(self) -> QLineEdit:
        editor = self.editors["full_name"]
        assert isinstance(editor, QLineEdit)
        return editor

    @property
    def dates(self) -> dict[str, DateField]:
        return {n: e for n, e in self.editors.items() if isinstance(e, DateField)}

    def combo(self, name: str) -> QComboBox:
        """The combo box of a choice field (gender, ethnicity, status, role, theory_level)."""
        editor = self.editors[name]
        assert isinstance(editor, QComboBox)
        return editor

    def line(self, name: str) -> QLineEdit:
        """The line edit of a text field."""
        editor = self.editors[name]
        assert isinstance(editor, QLineEdit)
        return editor

    # -- values ------------------------------------------------------------------------------

    def set_record(self, record: MemberRecord) -> None:
        """Show a saved record."""
        for name in TEXT_FIELDS:
            self.line(name).setText(getattr(record, name))
        for name, field in self.dates.items():
            field.setDate(getattr(record, name))
        for name in ("gender", "status", "role"):
            combo = self.combo(name)
            combo.setCurrentIndex(combo.findData(str(getattr(record, name))))
        self.combo("ethnicity").setCurrentText(record.ethnicity)
        self.combo("theory_level").setCurrentText(record.theory_level)

    def snapshot(self) -> tuple[str, ...]:
        """Everything as typed, to tell whether the user changed something."""
        texts = [
            e.currentText() if isinstance(e, QComboBox) else e.text()
            for e in self.editors.values()
            if isinstance(e, QComboBox | QLineEdit)
        ]
        return tuple(texts)

    def read(self, base: MemberRecord | None) -> tuple[MemberRecord | None, dict[str, str]]:
        """The record typed, or the problems that stop building one (field -> message)."""
        problems: dict[str, str] = {}
        for name, field in self.dates.items():
            if not field.is_valid():
                problems[name] = _(
                    "“{text}” is not a valid date. Type it as day/month/year, e.g. 05/02/1980."
                ).format(text=field.text().strip())
        birth = self.dates["birth_date"].date()
        if birth is None and "birth_date" not in problems:
            problems["birth_date"] = _("Enter the date of birth, e.g. 05/02/1980.")
        gender = self.combo("gender").currentData()
        if gender not in set(Gender):
            problems["gender"] = _("Choose the gender.")
        if problems or birth is None:
            return None, problems
        texts = {name: _nfc(self.line(name).text()) for name in TEXT_FIELDS}
        record = MemberRecord(
            gender=Gender(gender),
            birth_date=birth,
            status=MembershipStatus(self.combo("status").currentData()),
            role=CellRole(self.combo("role").currentData()),
            ethnicity=_nfc(self.combo("ethnicity").currentText()),
            theory_level=_nfc(self.combo("theory_level").currentText()),
            admission_date=self.dates["admission_date"].date(),
            ceremony_date=self.dates["ceremony_date"].date(),
            recognition_date=self.dates["recognition_date"].date(),
            events=base.events if base else (),
            **texts,
        )
        return record, {}

    # -- problems ----------------------------------------------------------------------------

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Put each message under its field; messages for no known field go on top."""
        general: list[str] = []
        for name, messages in problems.items():
            if name not in self.errors:
                general.extend(messages)
        for name, error in self.errors.items():
            error.show_messages(problems.get(name, []))
        self.general_error.show_messages(general)

    def first_problem_field(self, problems: dict[str, list[str]]) -> QWidget | None:
        """The first field (in tab order) that has a problem, to put the cursor there."""
        for name in self.tab_order():
            if problems.get(name):
                return self.editors[name]
        return None

    def _update_seniority(self, _value: object = None) -> None:
        admission = self.dates["admission_date"].date()
        years = None
        if admission is not None:
            probe = MemberRecord("", Gender.MALE, dt.date.min, admission_date=admission)
            years = seniority_years(probe, dt.date.today())
        if years is None:
            self.seniority.setText(_("Party seniority: counted from the admission decision date"))
        else:
            self.seniority.setText(
                ngettext(
                    "Party seniority: {years} year", "Party seniority: {years} years", years
                ).format(years=years)
            )
