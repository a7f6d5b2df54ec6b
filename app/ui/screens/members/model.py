"""Qt item model over the member list presenter (one row per MemberSummary)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.dto import MemberSummary
from app.ui.screens.members.presenter import Column, MemberListPresenter, cell_text, column_title

#: data(role=MEMBER_ID_ROLE) gives the member's id.
MEMBER_ID_ROLE = int(Qt.ItemDataRole.UserRole)

_Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    """The register table: rows come from the presenter, so filter and sort live there."""

    def __init__(self, presenter: MemberListPresenter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.presenter.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.presenter.rows):
            return None
        member = self.presenter.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(member, Column(index.column()))
        if role == MEMBER_ID_ROLE:
            return member.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return column_title(Column(section))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.presenter.rows):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        # A layout change (not a reset) keeps the selected member selected.
        self.layoutAboutToBeChanged.emit()
        old_ids = [self._id_at(index) for index in self.persistentIndexList()]
        self.presenter.sort_by(Column(column), order == Qt.SortOrder.DescendingOrder)
        old = self.persistentIndexList()
        new = [
            self._index_of(member_id, index.column())
            for member_id, index in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def set_members(self, members: Sequence[MemberSummary]) -> None:
        """Load a fresh register from the database."""
        self.beginResetModel()
        self.presenter.set_members(members)
        self.endResetModel()

    def set_query(self, query: str) -> None:
        """Filter rows by the search text."""
        self.beginResetModel()
        self.presenter.set_query(query)
        self.endResetModel()

    def set_include_former(self, include: bool) -> None:
        """Show or hide members who have left the register."""
        self.beginResetModel()
        self.presenter.set_include_former(include)
        self.endResetModel()

    def member_at(self, row: int) -> MemberSummary | None:
        """The member shown on a row."""
        rows = self.presenter.rows
        return rows[row] if 0 <= row < len(rows) else None

    def _id_at(self, index: _Index) -> int | None:
        member = self.member_at(index.row()) if index.isValid() else None
        return member.id if member else None

    def _index_of(self, member_id: int | None, column: int) -> QModelIndex:
        row = None if member_id is None else self.presenter.row_of(member_id)
        return QModelIndex() if row is None else self.index(row, column)
