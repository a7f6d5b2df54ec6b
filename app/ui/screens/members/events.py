"""A member's status history (biến động): transfers, exemption, suspension, striking off, death.

Each entry changes the member's standing from its date on. Adding an entry is checked by the
service against the history already recorded; its problems are shown in the add dialog, which
stays open with what was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import EventKind, StatusEvent
from app.l10n import _, format_date, render
from app.labels import event_kind_label, event_kinds, standing_label
from app.services.dto import Changes, MemberDetail
from app.services.errors import ValidationError
from app.ui.context import UiContext
from app.ui.dialogs import confirm, show_error
from app.ui.screens.members.form_fields import ErrorLine
from app.ui.widgets.dates import DateField

_Index = QModelIndex | QPersistentModelIndex


def _headers() -> list[str]:
    return [_("Date"), _("Change"), _("Decision reference"), _("Note")]


class EventTableModel(QAbstractTableModel):
    """The status history, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events: list[StatusEvent] = []

    def set_events(self, events: Sequence[StatusEvent]) -> None:
        """Show another history."""
        self.beginResetModel()
        self.events = sorted(events, key=lambda e: e.date)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event = self.events[index.row()]
        values = (
            format_date(event.date),
            event_kind_label(event.kind),
            event.decision_ref,
            event.note,
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = _headers()
        return headers[section] if 0 <= section < len(headers) else None


class AddEventDialog(QDialog):
    """Record one change of standing; stays open with the typed values when refused."""

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.setWindowTitle(_("Add a change of standing"))
        self.kind = QComboBox()
        for kind, label in event_kinds():
            self.kind.addItem(label, kind.value)
        self.date = DateField()
        self.decision_ref = QLineEdit()
        self.decision_ref.setPlaceholderText(_("e.g. No. 12-QĐ/ĐU"))
        self.note = QLineEdit()
        self.errors = {name: ErrorLine() for name in ("kind", "date", "decision_ref", "note")}
        self.general_error = ErrorLine()
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("kind", _("&Change:"), self.kind),
            ("date", _("&Date:"), self.date),
            ("decision_ref", _("Decision &reference:"), self.decision_ref),
            ("note", _("&Note:"), self.note),
        ]
        for name, text, editor in rows:
            buddy = QLabel(text)
            buddy.setBuddy(editor)
            form.addRow(buddy, editor)
            form.addRow("", self.errors[name])
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def save(self) -> None:
        """Check the date locally, then add the entry through the job runner."""
        day = self.date.date()
        if not self.date.is_valid() or day is None:
            self._show({"date": [_("Enter the date of the change, e.g. 05/02/2026.")]})
            self.date.setFocus()
            return
        event = StatusEvent(
            kind=EventKind(self.kind.currentData()),
            date=day,
            decision_ref=_nfc(self.decision_ref.text()),
            note=_nfc(self.note.text()),
        )
        self.save_button.setEnabled(False)
        member_id = self.member_id
        self.ctx.jobs.write(
            lambda s: s.members.add_event(member_id, event),
            self._on_saved,
            label=_("Saving the change…"),
            on_error=self._on_error,
        )

    def _on_saved(self, _changes: Changes) -> None:
        self.save_button.setEnabled(True)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, ValidationError):
            show_error(self, error)
            return
        grouped: dict[str, list[str]] = {}
        for problem in error.problems:
            field = problem.field if problem.field in self.errors else ""
            grouped.setdefault(field, []).append(render(problem.message))
        self._show(grouped)

    def _show(self, grouped: dict[str, list[str]]) -> None:
        for name, line in self.errors.items():
            line.show_messages(grouped.get(name, []))
        self.general_error.show_messages(grouped.get("", []))


class StatusHistoryDialog(QDialog):
    """The history of one member with Add and Remove."""

    def __init__(
        self,
        ctx: UiContext,
        detail: MemberDetail,
        parent: QWidget | None = None,
        add_dialog: Callable[[UiContext, int, QWidget], AddEventDialog] = AddEventDialog,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self._make_add_dialog = add_dialog
        self.add_dialog: AddEventDialog | None = None
        self.setWindowTitle(_("Status history — {name}").format(name=detail.record.full_name))
        self.standing = QLabel()
        self.model = EventTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty = QLabel(_("No changes recorded: the member is active in the cell."))
        self.add_button = QPushButton(_("&Add a change…"))
        self.remove_button = QPushButton(_("&Remove the selected change"))
        close_button = QPushButton(_("&Close"))
        self.add_button.clicked.connect(self.add_event)
        self.remove_button.clicked.connect(self.remove_selected)
        close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.standing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.resize(820, 420)
        self._show_detail(detail)

    def add_event(self) -> None:
        """Open the add dialog; reload the history when an entry was saved."""
        dialog = self._make_add_dialog(self.ctx, self.detail.id, self)
        self.add_dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()

    def remove_selected(self) -> None:
        """Remove the selected entry after confirmation."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        event = self.model.events[rows[0].row()]
        if event.id is None:
            return
        text = _("Remove the entry “{change}” of {date}? The member's standing will change.")
        if not confirm(
            self,
            _("Remove the change?"),
            text.format(change=event_kind_label(event.kind), date=format_date(event.date)),
            yes=_("&Remove"),
            no=_("&Keep"),
            destructive=True,
        ):
            return
        member_id, event_id = self.detail.id, event.id
        self.ctx.jobs.write(
            lambda s: s.members.remove_event(member_id, event_id),
            lambda _changes: self.reload(),
            label=_("Removing the change…"),
        )

    def reload(self) -> None:
        """Read the member again (the history and the standing it gives)."""
        member_id = self.detail.id
        self.ctx.jobs.read(lambda s: s.members.get(member_id), self._show_detail)

    def _show_detail(self, detail: MemberDetail) -> None:
        self.detail = detail
        self.model.set_events(detail.record.events)
        self.standing.setText(
            _("Standing today: {standing}").format(standing=standing_label(detail.standing))
        )
        has_events = bool(detail.record.events)
        self.empty.setVisible(not has_events)
        self.remove_button.setEnabled(has_events)
        if has_events:
            self.table.selectRow(self.model.rowCount() - 1)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()
