"""Cell editors of the meeting tables: a choice, a number, a date, a person.

Each editor opens on a key press or double-click and commits when focus leaves it, so the
keyboard alone fills a table (type, Tab to the next cell).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

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
    the editor open with the text as typed, marked, until it is corrected or Esc cancels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        field = DateField(parent)
        field.setValidator(_ReadableDate(field))
        return field

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, DateField)
        editor.setDate(index.data(_EDIT))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, DateField)
        if editor.is_valid():
            model.setData(index, editor.date(), _EDIT)


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
