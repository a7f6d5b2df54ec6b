"""The self-test's Qt part: a probe window drawn off screen, and the results window.

The only place `sochibo selftest` touches Qt. The platform (offscreen or the real one) is
chosen by the caller through QT_QPA_PLATFORM before this module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _

OFFSCREEN = "offscreen"


@dataclass(frozen=True)
class WindowProbe:
    """What the probe window showed: Qt's platform plugin and the size drawn, in pixels."""

    platform: str
    width: int
    height: int


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["sochibo-selftest"])


def probe_window(text: str) -> WindowProbe:
    """Build a small window holding `text`, draw it into an image and check what was drawn.

    Raises RuntimeError when the window cannot be drawn or the label lost its text.
    """
    _application()
    window = QWidget()
    try:
        window.setWindowTitle(text)
        layout = QVBoxLayout(window)
        label = QLabel(text)
        layout.addWidget(label)
        window.adjustSize()
        image = window.grab()  # draws the widget without showing it on screen
        if image.isNull() or image.width() == 0:
            raise RuntimeError("the probe window could not be drawn")
        if label.text() != text:
            raise RuntimeError("the probe label lost its text")
        return WindowProbe(QGuiApplication.platformName(), image.width(), image.height())
    finally:
        window.deleteLater()


def show_results(title: str, lines: Sequence[str]) -> bool:
    """Show the self-test lines in a window until it is closed; returns whether it was shown.

    On the offscreen platform nobody could close it, so nothing is shown.
    """
    app = _application()
    if QGuiApplication.platformName() == OFFSCREEN:
        return False
    dialog = QDialog()
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QPlainTextEdit("\n".join(lines))
    text.setReadOnly(True)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    text.setMinimumSize(720, 260)
    layout.addWidget(text)
    buttons = QDialogButtonBox()
    close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
    close.clicked.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()
    app.processEvents()
    return True
