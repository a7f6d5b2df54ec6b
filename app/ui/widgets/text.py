"""Labels whose size follows the application font, so that zoom scales them too."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Heading(QLabel):
    """A bold label `scale` times the application font size.

    Its size is set explicitly, so Qt does not propagate a new application font to it:
    `zoom.apply_zoom` calls `follow_app_font` on every heading instead.
    """

    def __init__(self, text: str = "", scale: float = 1.3, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self.follow_app_font()

    def follow_app_font(self) -> None:
        """Recompute the size from the current application font."""
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(True)
        self.setFont(font)
