"""Cell editors of the meeting tables: a choice, a number, a date, a person.

Each editor opens on a key press or double-click and commits when focus leaves it, so the
keyboard alone fills a table (type, Tab to the next cell).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.l10n import _
from app.ui.screens.meetings.fields import PersonCombo
from app.ui.screens.meetings.rows_model import LIMIT_ROLE
from app.ui.widgets.dates import DateField, parse_date

_Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
#: Votes and scores above this are typing mistakes no cell can make.
DEFAULT_MAXIMUM = 9999


class ChoiceDelegate(QStyledItemDelegate):
    """A combo of (value, label) choices; typing a label's first letter picks it."""

    def __init__(self, choices: Callable[[], Sequence[tuple[Any, str]]], parent: Any = None):
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self._choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(_EDIT))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _EDIT)


class NumberDelegate(QStyledItemDelegate):
    """A whole number from 0 to the row's limit (LIMIT_ROLE) or DEFAULT_MAXIMUM; an empty
    cell stays empty until a number is typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        spin = QSpinBox(parent)
        limit = index.data(LIMIT_ROLE)
        spin.setRange(0, limit if isinstance(limit, int) else DEFAULT_MAXIMUM)
        return spin

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(_EDIT)
        editor.setValue(value if isinstance(value, int) else 0)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), _EDIT)


class _ReadableDate(QValidator):
    """Acceptable only when the text is empty or a real date: a cell editor whose input is
    not acceptable refuses Enter and Tab (Qt's delegate asks), so nothing is committed."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self._field = field

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        try:
            parse_date(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        # Asked when a commit is refused: show the field's warning, keep the text as typed.
        self._field.editingFinished.emit()
        return text


class DateDelegate(QStyledItemDelegate):
    """A date typed day/month/year. An unreadable date is never committed: Enter and Tab leave
    the editor open with the text as typed, marked, until it is corrected or Esc cancels.

    When the editor closes anyway (a click elsewhere, another row chosen), the unreadable
    text is not thrown away: the cell shows it, marked as not saved, and opens on it again
    until a readable date (or an empty cell) replaces it. `pending()` lists such cells."""

    #: The set of cells holding an unreadable, unsaved text changed.
    pending_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[QPersistentModelIndex, str] = {}
        #: Editors closed with Esc: what they held is given up, not kept.
        self._cancelled: set[int] = set()

    def pending(self) -> list[tuple[int, str]]:
        """(row, text) of the cells whose typed date could not be read, by row."""
        alive = {key: text for key, text in self._pending.items() if key.isValid()}
        if len(alive) != len(self._pending):
            self._pending = alive
        return sorted((key.row(), text) for key, text in alive.items())

    def clear_pending(self) -> None:
        """Forget every unreadable text (another meeting is loaded)."""
        if self._pending:
            self._pending.clear()
            self.pending_changed.emit()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        field = DateField(parent)
        field.setValidator(_ReadableDate(field))
        return field

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, DateField)
        kept = self._pending.get(QPersistentModelIndex(index))
        if kept is not None:
            editor.setText(kept)
            editor.editingFinished.emit()  # marked at once, as when it was left
        else:
            editor.setDate(index.data(_EDIT))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, DateField)
        if editor.is_valid():
            # Forgotten first: the view gives the new value back to the open editor
            # (setEditorData), which must not get the unreadable text again.
            self._set_pending(index, None)
            model.setData(index, editor.date(), _EDIT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, DateField)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._cancelled.add(id(watched))
        return super().eventFilter(watched, event)

    def destroyEditor(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, DateField) and id(editor) not in self._cancelled:
            text = editor.text().strip()
            self._set_pending(index, text if text and not editor.is_valid() else None)
        self._cancelled.discard(id(editor))
        super().destroyEditor(editor, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        kept = self._pending.get(QPersistentModelIndex(index))
        if kept is not None:
            # The sign and the words say it, not a colour alone.
            option.text = "⚠ " + _("“{text}”: not a date, not saved").format(text=kept)

    def _set_pending(self, index: _Index, text: str | None) -> None:
        key = QPersistentModelIndex(index)
        if text is None:
            if self._pending.pop(key, None) is not None:
                self.pending_changed.emit()
        elif self._pending.get(key) != text:
            self._pending[key] = text
            self.pending_changed.emit()


class PersonDelegate(QStyledItemDelegate):
    """A member of the register or a typed name; the model receives (member id, name)."""

    def __init__(self, members: Callable[[], Sequence[tuple[int, str]]], parent: Any = None):
        super().__init__(parent)
        self._members = members

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = PersonCombo(parent)
        combo.set_members(self._members())
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, PersonCombo)
        value = index.data(_EDIT)
        if isinstance(value, tuple):
            editor.set_person(value[0], value[1])

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, PersonCombo)
        model.setData(index, editor.person(), _EDIT)
