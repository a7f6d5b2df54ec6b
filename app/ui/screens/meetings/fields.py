"""Small input widgets of the meeting editor: a time typed freely, a person from the register.

A time that cannot be read is kept exactly as typed and marked with a warning word, as the
date field does; a person may be a member chosen from the register or a name typed freely
(a guest chairing, a minute-taker from outside the cell).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyle, QWidget

from app.l10n import _

# "7g30" is how many people write "7 giờ 30".
_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hHgG.]\s*(\d{1,2})?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{1,2})(\d{2})\s*$")


def parse_time(text: str) -> dt.time | None:
    """Read "7:30", "07:30", "7h30", "7.30", "730", "0730" or "14" (hours only).

    An empty text gives None; raises ValueError when the text is not a time of day.
    """
    if not text.strip():
        return None
    match = _COMPACT.match(text) or _TIME.match(text)
    if match is None:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hour, minute)


def format_time(value: dt.time | None) -> str:
    """ "07:30" (empty for None)."""
    return "" if value is None else value.strftime("%H:%M")


class TimeField(QLineEdit):
    """An optional time of day typed as HH:MM; an unreadable text stays as typed, marked with
    a warning icon whose tooltip (and the field's accessible description) says why."""

    time_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("hh:mm"))
        self.setToolTip(_("Type the time as hour:minute, e.g. 07:30 or 14:00."))
        self.setMaxLength(8)
        self._valid = True
        self._warning = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self._warning.setToolTip(_("This is not a time of day: type hour:minute, e.g. 07:30."))
        self._warning.setVisible(False)
        self.textChanged.connect(self._on_text)
        self.editingFinished.connect(self._tidy)

    def time(self) -> dt.time | None:
        """The time typed, None when empty or unreadable (check `is_valid`)."""
        try:
            return parse_time(self.text())
        except ValueError:
            return None

    def set_time(self, value: dt.time | None) -> None:
        self.setText(format_time(value))

    def is_valid(self) -> bool:
        """True when the field is empty or holds a real time."""
        return self._valid

    def _on_text(self, text: str) -> None:
        try:
            parse_time(text)
            self._valid = True
        except ValueError:
            self._valid = False
        if self._valid:
            self._mark(False)  # stop complaining as soon as the text is right
        self.time_changed.emit()

    def _tidy(self) -> None:
        value = self.time()
        if self._valid and value is not None and format_time(value) != self.text():
            self.setText(format_time(value))
        self._mark(not self._valid)

    def _mark(self, invalid: bool) -> None:
        self._warning.setVisible(invalid)
        self.setAccessibleDescription(self._warning.toolTip() if invalid else "")


def clean(text: str) -> str:
    """NFC, trimmed: what the user typed, as the program stores it."""
    return unicodedata.normalize("NFC", text).strip()


class PersonCombo(QComboBox):
    """A member of the register by name, or any name typed (`person()` gives id and name)."""

    person_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Choose a member or type a name"))
        completer = self.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._members: list[tuple[int, str]] = []
        self.currentTextChanged.connect(lambda _text: self.person_changed.emit())

    def set_members(self, members: Sequence[tuple[int, str]]) -> None:
        """The members offered, as (id, full name), in register order."""
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self._members = list(members)
        for member_id, name in self._members:
            self.addItem(name, member_id)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def set_person(self, member_id: int | None, name: str) -> None:
        """Show a member (by id) or a typed name."""
        index = self.findData(member_id) if member_id is not None else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(name)

    def person(self) -> tuple[int | None, str]:
        """(member id, name) for a member of the list; (None, name) for a typed name."""
        text = clean(self.currentText())
        for member_id, name in self._members:
            if name == text:
                return member_id, name
        return None, text
