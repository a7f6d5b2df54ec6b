"""The self-test's Qt part: a probe window drawn off screen, a probe page printed, and the
results window.

The only place `sochibo selftest` touches Qt. The platform (offscreen or the real one) is
chosen by the caller through QT_QPA_PLATFORM before this module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon, QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
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
from app.paths import program_icon_file
from app.ui.printing.printer import fitted_rect

OFFSCREEN = "offscreen"


@dataclass(frozen=True)
class WindowProbe:
    """What the probe window showed: Qt's platform plugin, the size drawn in pixels, and the
    size in bytes of the PDF file it was printed into."""

    platform: str
    width: int
    height: int
    printed_bytes: int


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["sochibo-selftest"])


def probe_window(text: str, print_to: Path) -> WindowProbe:
    """Build a small window holding `text`, draw it into an image, check what was drawn, and
    print the image into the PDF file `print_to` (see `print_probe`).

    Raises RuntimeError when the window cannot be drawn or printed, or the label lost its text.
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
        printed = print_probe(image.toImage(), print_to)
        return WindowProbe(QGuiApplication.platformName(), image.width(), image.height(), printed)
    finally:
        window.deleteLater()


def print_probe(image: QImage, output: Path) -> int:
    """Print `image` through a QPrinter, as the print preview prints a page, into the PDF file
    `output` (a file stands in for a printer, which a self-test must not use); returns the
    file's size in bytes. Raises RuntimeError when Qt's print support cannot print.
    """
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the print job could not begin")
    painter.drawImage(fitted_rect(image, printer.paperRect(QPrinter.Unit.DevicePixel)), image)
    if not painter.end():
        raise RuntimeError("the print job could not end")
    if not output.is_file() or not output.read_bytes().startswith(b"%PDF-"):
        raise RuntimeError("the printed test page was not written")
    return output.stat().st_size


def show_results(title: str, lines: Sequence[str]) -> bool:
    """Show the self-test lines in a window until it is closed; returns whether it was shown.

    On the offscreen platform nobody could close it, so nothing is shown.
    """
    app = _application()
    if QGuiApplication.platformName() == OFFSCREEN:
        return False
    dialog = QDialog()
    dialog.setWindowTitle(title)
    dialog.setWindowIcon(QIcon(str(program_icon_file())))
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
