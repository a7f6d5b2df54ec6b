"""The editor's problems panel: what blocks the final minutes and what deserves a warning,
each with its severity as a word and an icon (never colour alone). Activating a line (double-
click or Enter) asks the editor to move to the field it names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.findings import Problem, Severity
from app.l10n import _, render
from app.ui.widgets.severity import severity_colour, severity_icon, severity_word

FIELD_ROLE = int(Qt.ItemDataRole.UserRole)
_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


class ProblemsPanel(QWidget):
    """A list of problems; `field_requested` carries the field of the line activated."""

    field_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(_("To complete before the minutes are final:"))
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.heading.setBuddy(self.list)
        self.empty = QLabel(_("Nothing is missing: the minutes can be made final."))
        self.empty.setWordWrap(True)
        self.hint = QLabel(_("Double-click a line (or press Enter) to go to the field."))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addStretch(0)
        self.list.itemActivated.connect(self._activated)
        # Wide enough for a sentence per line or two; follows the zoomed font.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)

    def show_final(self) -> None:
        """Final minutes: nothing is left to complete."""
        self.list.clear()
        self.heading.setText(_("These minutes are final; they can no longer change."))
        for widget in (self.empty, self.list, self.hint):
            widget.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Replace the lines: blocking problems first, then warnings."""
        self.heading.setText(_("To complete before the minutes are final:"))
        self.list.show()
        self.hint.show()
        self.list.clear()
        for problem in sorted(problems, key=lambda p: _ORDER[p.severity]):
            text = _("{severity}: {message}").format(
                severity=severity_word(problem.severity), message=render(problem.message)
            )
            item = QListWidgetItem(severity_icon(problem.severity, self), text)
            item.setForeground(severity_colour(problem.severity))
            item.setData(FIELD_ROLE, problem.field)
            self.list.addItem(item)
        self.empty.setVisible(not problems)

    def texts(self) -> list[str]:
        """The lines shown, in order (tests and screen readers read them)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if isinstance(field, str):
            self.field_requested.emit(field)
