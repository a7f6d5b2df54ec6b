"""A date field the way Vietnamese offices write dates: day/month/year, typed freely.

Older users type "5/2/1980" faster than they drive a calendar pop-up, and many dates in a
register are simply unknown, so the field accepts an empty value. A date that cannot be read
is kept exactly as typed (nothing the user typed is lost) and marked with a warning icon and a
short text inside the field, not by colour alone.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QStyle, QWidget

from app.l10n import _, format_date

_SEPARATED = re.compile(r"^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*$")
_DIGITS_ONLY = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")
_HINT_PADDING = 6


def parse_date(text: str) -> dt.date | None:
    """Read "5/2/1980", "05/02/1980", "05-02-1980", "05.02.1980" or "05021980" (day first).

    Raises ValueError when the text is not a real date; an empty text gives None.
    """
    if not text.strip():
        return None
    match = _SEPARATED.match(text) or _DIGITS_ONLY.match(text)
    if match is None:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    return dt.date(year, month, day)


class DateField(QLineEdit):
    """A line edit for an optional date typed as dd/mm/yyyy.

    `date()` is the date, or None when the field is empty *or* unreadable: a form must check
    `is_valid()` before saving so that an unreadable date is not taken for "no date".
    """

    #: Emitted with the new `date()` (a date or None) whenever the value read changes.
    date_changed = Signal(object)
    #: Emitted with `is_valid()` when the field becomes readable or unreadable.
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setToolTip(_("Type the date as day/month/year, e.g. 05/02/1980."))
        self._value: dt.date | None = None
        self._valid = True
        self._show_invalid = False
        self._warning_action = self._add_warning_action()
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def _add_warning_action(self) -> QAction:
        action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        action.setVisible(False)
        return action

    def date(self) -> dt.date | None:
        """The date typed, or None when empty or unreadable (see `is_valid`)."""
        return self._value

    def setDate(self, value: dt.date | None) -> None:
        """Show `value` as dd/mm/yyyy (empty for None)."""
        self.setText(format_date(value))
        self._set_invalid_shown(False)

    def is_valid(self) -> bool:
        """True when the field is empty or holds a real date."""
        return self._valid

    def error_text(self) -> str:
        """The hint shown when the date cannot be read (empty when it can)."""
        return "" if self._valid else _("Invalid date")

    def _on_text_changed(self, text: str) -> None:
        old_value, old_valid = self._value, self._valid
        try:
            self._value, self._valid = parse_date(text), True
        except ValueError:
            self._value, self._valid = None, False
        if self._valid:
            # Stop complaining as soon as the text is right; complain only after editing.
            self._set_invalid_shown(False)
        if self._value != old_value:
            self.date_changed.emit(self._value)
        if self._valid != old_valid:
            self.validity_changed.emit(self._valid)

    def _on_editing_finished(self) -> None:
        if self._valid and self._value is not None:
            canonical = format_date(self._value)
            if canonical != self.text():
                self.setText(canonical)
        self._set_invalid_shown(not self._valid)

    def _set_invalid_shown(self, shown: bool) -> None:
        if shown == self._show_invalid:
            return
        self._show_invalid = shown
        try:
            self._warning_action.setVisible(shown)
        except RuntimeError:
            # An item view setting the field up as a cell editor deletes its actions.
            self._warning_action = self._add_warning_action()
            self._warning_action.setVisible(shown)
        hint = self.error_text() if shown else ""
        self.setAccessibleDescription(hint)
        self._warning_action.setToolTip(hint)
        right = self.fontMetrics().horizontalAdvance(hint) + 2 * _HINT_PADDING if shown else 0
        self.setTextMargins(0, 0, right, 0)
        self.setProperty("invalid", shown)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._show_invalid:
            self._show_invalid = False
            self._set_invalid_shown(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._show_invalid:
            return
        painter = QPainter(self)
        painter.setPen(QColor(176, 0, 32))
        hint = self.error_text()
        width = self.fontMetrics().horizontalAdvance(hint)
        icon_room = self.height()  # the trailing warning icon is about as wide as the field is tall
        area = QRect(self.width() - icon_room - width - _HINT_PADDING, 0, width, self.height())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), hint
        )
        painter.end()
