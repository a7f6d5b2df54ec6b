"""The short fingerprint (dấu vân tay rút gọn) in large monospaced groups, to read by phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.widgets.text import Heading


class FingerprintLabel(Heading):
    """ "47A3 B756 917F BD03 6F66", bold, monospaced, `scale` times the application font.

    Monospaced so that the groups line up and 0/O or 1/I are easier to tell apart; it follows
    the zoom like every heading, and can be selected to copy.
    """

    def __init__(self, text: str = "", scale: float = 1.6, parent: QWidget | None = None) -> None:
        super().__init__(text, scale, parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def follow_app_font(self) -> None:
        font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        font.setPointSizeF(QApplication.font().pointSizeF() * self._scale)
        font.setBold(True)
        self.setFont(font)
