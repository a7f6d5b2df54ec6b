"""One editable table model for the lists of a meeting: agenda, follow-ups, speeches, decisions,
tasks, guests, the roll call and the quality score.

Rows are frozen dataclasses (the service's input types); an edit replaces a row with a new one.
Each row also carries a key that survives edits, so a save's answer (the ids given to new tasks)
can be matched to the rows that were sent even when the secretary typed on meanwhile.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
#: data(role=LIMIT_ROLE) on an editable number column gives its maximum.
LIMIT_ROLE = int(Qt.ItemDataRole.UserRole) + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its title, the text shown, and — when editable — the value edited and how a
    new value makes a new row. `limit` gives the maximum of a number column for one row;
    `editable` says whether one row's cell can be edited (every row when None)."""

    title: Callable[[], str]
    text: Callable[[R], str]
    value: Callable[[R], Any] | None = None
    update: Callable[[R, Any], R] | None = None
    limit: Callable[[R], int] | None = None
    align_right: bool = False
    editable: Callable[[R], bool] | None = None

    def can_edit(self, row: R) -> bool:
        """True when this column can change `row`."""
        return self.update is not None and (self.editable is None or self.editable(row))


_keys = itertools.count(1)


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one meeting list; `edited` is emitted after every change the user makes."""

    edited = QtSignal()

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._keys: list[int] = []
        self.read_only = False

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not self._valid(index):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == _EDIT:
            return column.value(row) if column.value else column.text(row)
        if role == LIMIT_ROLE and column.limit is not None:
            return column.limit(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not self._valid(index) or self.read_only:
            return False
        column = self.columns[index.column()]
        if column.update is None or not column.can_edit(self._rows[index.row()]):
            return False
        self._rows[index.row()] = column.update(self._rows[index.row()], value)
        first = self.index(index.row(), 0)
        self.dataChanged.emit(first, self.index(index.row(), len(self.columns) - 1))
        self.edited.emit()
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].can_edit(self._rows[index.row()]) and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    # -- rows --------------------------------------------------------------------------------

    @property
    def rows(self) -> list[R]:
        """A copy of the rows, in order."""
        return list(self._rows)

    @property
    def keys(self) -> list[int]:
        """The rows' keys, in order (see the module docstring)."""
        return list(self._keys)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (a load, not an edit: `edited` is not emitted)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [next(_keys) for _ in self._rows]
        self.endResetModel()

    def refresh(self) -> None:
        """Computed columns changed (e.g. a vote's outcome): repaint every row."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def append(self, row: R) -> int:
        """Add a row at the end; returns its position."""
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self._keys.append(next(_keys))
        self.endInsertRows()
        self.edited.emit()
        return position

    def remove(self, position: int) -> None:
        """Remove the row at `position`."""
        if not 0 <= position < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        del self._keys[position]
        self.endRemoveRows()
        self.edited.emit()

    def move(self, position: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns its new position."""
        target = position + delta
        if not (0 <= position < len(self._rows) and 0 <= target < len(self._rows)):
            return position
        # Qt's destination is the row *before which* the moved row lands.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(position))
        self._keys.insert(target, self._keys.pop(position))
        self.endMoveRows()
        self.edited.emit()
        return target

    def replace_by_key(self, key: int, make: Callable[[R], R]) -> None:
        """Replace the row holding `key` (if it is still there) without signalling an edit.

        Only the cells whose shown text changed are announced: a view resets an open cell
        editor to the model's value on `dataChanged`, and a save's answer (a new task's id)
        arrives while the secretary may be typing in that row."""
        if key not in self._keys:
            return
        position = self._keys.index(key)
        old = self._rows[position]
        new = self._rows[position] = make(old)
        for number, column in enumerate(self.columns):
            if column.text(old) != column.text(new):
                cell = self.index(position, number)
                self.dataChanged.emit(cell, cell)

    def _valid(self, index: _Index) -> bool:
        return (
            index.isValid()
            and 0 <= index.row() < len(self._rows)
            and 0 <= index.column() < len(self.columns)
        )
