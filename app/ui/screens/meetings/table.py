"""A table of one meeting list with its buttons: add, remove, move up and down."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.ui.screens.meetings.rows_model import RowsModel

#: Key presses, double-clicks and F2 open a cell's editor: the keyboard alone fills a table.
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


def make_table(model: RowsModel[Any], stretch: int, table: QTableView | None = None) -> QTableView:
    """A table over `model` (a new one, or `table` set up) whose column `stretch` takes the
    spare width."""
    table = table or QTableView()
    table.setModel(model)
    table.setEditTriggers(EDIT_TRIGGERS)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Rows keep the height they had when their text was wrapped at the width of the moment
    # (a hidden tab is laid out narrow): re-measure once the columns have their real widths.
    refit = QTimer(table)
    refit.setSingleShot(True)
    refit.setInterval(0)
    refit.timeout.connect(table.resizeRowsToContents)
    header.sectionResized.connect(lambda *_args: refit.start())
    return table


class RowsEditor(QWidget):
    """A table with "Thêm", "Xóa" and (optionally) "Lên"/"Xuống" buttons under it."""

    def __init__(
        self,
        model: RowsModel[Any],
        new_row: Any,
        *,
        add_text: str,
        stretch: int = 0,
        movable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._new_row = new_row
        self.table = make_table(model, stretch)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(_("Remove the selected row"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if movable:
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))

    def add_row(self) -> None:
        """Add an empty row and start typing in its first editable cell."""
        position = self.model.append(self._new_row)
        column = next(
            (c for c in range(self.model.columnCount()) if self.model.columns[c].update), 0
        )
        index = self.model.index(position, column)
        self.table.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def remove_row(self) -> None:
        """Remove the row of the current cell."""
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove(index.row())

    def move_row(self, delta: int) -> None:
        """Move the current row up or down, keeping it current."""
        index = self.table.currentIndex()
        if index.isValid():
            row = self.model.move(index.row(), delta)
            self.table.setCurrentIndex(self.model.index(row, index.column()))

    def set_read_only(self, read_only: bool) -> None:
        """Final minutes: the table can be read and copied, not changed."""
        self.model.read_only = read_only
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not read_only)
