"""The meeting editor's "Điểm danh" tab: every member on the register with a status and a
reason, and the head counts recomputed as the secretary marks the roll call.

One model row per member, no widget per row: a cell of 60 members opens at once. Keyboard:
Space cycles a member's status; a letter picks the next status starting with it ("v" for
the two kinds of absence, "c" for present); typing in the reason column writes the reason.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from app.domain.meeting_record import AttendanceEntry, MeetingRecord, meeting_denominator
from app.domain.meetings import AttendanceCounts, AttendanceStatus, MeetingKind, count_attendance
from app.l10n import _
from app.labels import status_label
from app.meeting_labels import attendance_label
from app.services.meeting_dto import AttendanceInput, AttendanceRow
from app.ui.screens.meetings.delegates import ChoiceDelegate
from app.ui.screens.meetings.fields import clean
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.meetings.table import make_table

NAME, MEMBERSHIP, STATUS, REASON = range(4)
_ORDER = list(AttendanceStatus)


def _status_text(row: AttendanceRow) -> str:
    return attendance_label(row.status) if row.status is not None else _("Not recorded")


def attendance_columns() -> list[Column[AttendanceRow]]:
    """Name, membership (read-only), status (a choice) and reason (typed)."""
    return [
        Column(lambda: _("Full name"), lambda r: r.full_name),
        Column(lambda: _("Membership"), lambda r: status_label(r.membership)),
        Column(
            lambda: _("Attendance"),
            _status_text,
            value=lambda r: r.status.value if r.status else None,
            update=lambda r, v: replace(r, status=AttendanceStatus(v) if v else None),
        ),
        Column(
            lambda: _("Reason"),
            lambda r: r.reason,
            update=lambda r, v: replace(r, reason=clean(str(v))),
        ),
    ]


def next_status(current: AttendanceStatus | None) -> AttendanceStatus:
    """Space: present → absent with reason → … → attached elsewhere → present."""
    if current is None:
        return AttendanceStatus.PRESENT
    return _ORDER[(_ORDER.index(current) + 1) % len(_ORDER)]


def _initial(text: str) -> str:
    base = unicodedata.normalize("NFD", text.strip().casefold())
    return base[:1].replace("đ", "d")


def status_for_letter(letter: str, current: AttendanceStatus | None) -> AttendanceStatus | None:
    """The next status (after `current`) whose label starts with `letter`, diacritics ignored."""
    wanted = _initial(letter)
    matches = [s for s in _ORDER if _initial(attendance_label(s)) == wanted]
    if not matches:
        return None
    if current in matches:
        return matches[(matches.index(current) + 1) % len(matches)]
    return matches[0]


def counts_text(counts: AttendanceCounts, unrecorded: int) -> str:
    """ "Tổng số: 27 · Chính thức: 25 · Dự bị: 2 · Có mặt: 22 · …"."""
    parts = [
        _("Total: {n}").format(n=counts.total + unrecorded),
        _("Full: {n}").format(n=counts.full),
        _("Probationary: {n}").format(n=counts.probationary),
        _("Present: {n}").format(n=counts.present),
        _("Absent with reason: {n}").format(n=counts.absent_excused),
        _("Absent without reason: {n}").format(n=counts.absent_unexcused),
        _("Exempt: {n}").format(n=counts.exempt),
        _("Attached elsewhere: {n}").format(n=counts.attached_elsewhere),
    ]
    if unrecorded:
        parts.append(_("Not recorded: {n}").format(n=unrecorded))
    return " · ".join(parts)


class AttendanceTable(QTableView):
    """The roll-call table with the Space and letter keys described in the module docstring."""

    def __init__(self, model: RowsModel[AttendanceRow]) -> None:
        super().__init__()
        self.rows_model = model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        if index.isValid() and plain and index.column() != REASON and not self.rows_model.read_only:
            row = self.rows_model.rows[index.row()]
            status: AttendanceStatus | None = None
            if event.key() == Qt.Key.Key_Space:
                status = next_status(row.status)
            elif text and text.isalpha():
                status = status_for_letter(text, row.status)
            if status is not None:
                self.rows_model.setData(self.rows_model.index(index.row(), STATUS), status.value)
                event.accept()
                return
        super().keyPressEvent(event)


class AttendanceTab(QWidget):
    """The roll call (điểm danh) and its live head counts."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowsModel[AttendanceRow] = RowsModel(attendance_columns(), self)
        self.table = AttendanceTable(self.model)
        make_table(self.model, REASON, table=self.table)
        choices = [(s.value, attendance_label(s)) for s in AttendanceStatus]
        self.table.setItemDelegateForColumn(STATUS, ChoiceDelegate(lambda: choices, self.table))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            _(
                "Space changes the attendance of the selected member; the first letter of a "
                "status picks it (press it again for the next status with that letter). Type "
                "the reason in its column."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.model.edited.connect(self._on_edited)

    def load(self, rows: tuple[AttendanceRow, ...]) -> None:
        self.model.set_rows(rows)
        self.update_counts()

    def entries(self) -> tuple[AttendanceInput, ...]:
        """The roll call as the service takes it."""
        return tuple(AttendanceInput(r.member_id, r.status, r.reason) for r in self.model.rows)

    def members(self) -> list[tuple[int, str]]:
        """(id, name) of the members in the roll call, in its order."""
        return [(r.member_id, r.full_name) for r in self.model.rows]

    def counts_now(self) -> AttendanceCounts:
        """The head counts of what is marked now (unmarked members left out)."""
        return count_attendance(
            [(r.membership, r.status) for r in self.model.rows if r.status is not None]
        )

    def denominator(self) -> int:
        """Members who count for a vote with the roll call as marked now (rule 11)."""
        entries = tuple(
            AttendanceEntry(r.member_id, r.full_name, r.membership, r.status)
            for r in self.model.rows
        )
        # Only the roll call matters for the denominator; kind and date are placeholders.
        return meeting_denominator(MeetingRecord(MeetingKind.REGULAR, None, attendance=entries))

    def update_counts(self) -> None:
        unrecorded = sum(1 for r in self.model.rows if r.status is None)
        self.counts.setText(counts_text(self.counts_now(), unrecorded))

    def _on_edited(self) -> None:
        self.update_counts()
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
