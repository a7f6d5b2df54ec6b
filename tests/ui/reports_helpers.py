"""Shared by the Reports screen tests: the window over a copy of a desk-world folder, the
screen, and answers to the modal dialogs (file dialogs, the passphrase, message boxes) in the
order they appear, as the secretary would give them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.facade import Services
from app.settings import UserSettings
from app.ui.app import build_main_window
from app.ui.screens.reports import ReportsScreen
from app.ui.shell import MainWindow
from app.ui.widgets.passphrase import PassphraseDialog
from tests.integration.inbox_world import TODAY
from tests.ui.conftest import show_active, type_text

ENTER = Qt.Key.Key_Return
#: Tries at typing a file name before a test gives up on a file dialog.
ATTEMPTS = 20
# The offscreen platform has no window manager to raise windows or grab the keyboard for a
# completion pop-up; on real platforms these messages do not occur.
OFFSCREEN_ONLY = r"This plugin does not support (raise|grabbing|propagateSizeHints)"


@contextmanager
def reports_window(
    qtbot: QtBot, folder: Path, settings: UserSettings | None = None
) -> Iterator[MainWindow]:
    """The main window over `folder` (today is `TODAY`), shown, on the Reports area."""
    services = Services.open(folder, today=lambda: TODAY)
    window = build_main_window(services, settings or UserSettings(), folder)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.ctx.jobs.wait_idle()
    try:
        yield window
    finally:
        window.ctx.jobs.shutdown()
        services.close()


def reports_row(window: MainWindow) -> int:
    return [area.title for area in window.areas].index("Báo cáo")


def open_reports(window: MainWindow) -> ReportsScreen:
    window.show_row(reports_row(window))
    screen = window.screen_at(reports_row(window))
    assert isinstance(screen, ReportsScreen)
    assert window.ctx.jobs.wait_idle(60_000)
    return screen


Answer = Callable[[QWidget], None]


@dataclass
class Modals:
    """Answers the next modal dialogs in order; each answer names the kind it expects.

    The wizard itself is window-modal; only the dialogs above it are answered.
    """

    qtbot: QtBot
    queue: list[tuple[type[QWidget], Answer]] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def expect(self, kind: type[QWidget], answer: Answer) -> None:
        self.queue.append((kind, answer))

    def poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not self.queue:
            return
        kind, answer = self.queue[0]
        if not isinstance(widget, kind) or not widget.isVisible():
            return
        self.queue.pop(0)
        if isinstance(widget, QMessageBox):
            self.seen.append(widget.text())
        else:
            self.seen.append(widget.windowTitle())
        answer(widget)

    # -- common answers ----------------------------------------------------------------------

    def passphrase(self, text: str) -> None:
        """Type `text` (twice when a new key is made) and press Enter."""

        def answer(widget: QWidget) -> None:
            assert isinstance(widget, PassphraseDialog)
            type_text(self.qtbot, widget.first, text)
            if widget.new:
                type_text(self.qtbot, widget.second, text)
            self.qtbot.keyClick(widget.first, ENTER)

        self.expect(PassphraseDialog, answer)

    def file(self, path: Path) -> None:
        """Go to the file's folder, type its name in the file dialog and press Enter."""

        def answer(widget: QWidget) -> None:
            assert isinstance(widget, QFileDialog)
            widget.setDirectory(str(path.parent))
            name = widget.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            # The folder's listing loads in the background and may reset the name typed
            # meanwhile, or its completer may take the Enter: type again, as one would.
            for _attempt in range(ATTEMPTS):
                name.clear()
                type_text(self.qtbot, name, path.name)
                self.qtbot.keyClick(name, ENTER)
                if not widget.isVisible():
                    return
                self.qtbot.wait(100)
            raise AssertionError(f"the file dialog did not take {path}")

        self.expect(QFileDialog, answer)

    def button(self, text: str) -> None:
        """Press the message box button whose text (without the mnemonic) is `text`."""

        def answer(widget: QWidget) -> None:
            assert isinstance(widget, QMessageBox)
            for button in widget.buttons():
                if button.text().replace("&", "") == text:
                    button.click()
                    return
            raise AssertionError(f"no button {text!r} in {widget.text()!r}")

        self.expect(QMessageBox, answer)


@contextmanager
def modals(qtbot: QtBot) -> Iterator[Modals]:
    answers = Modals(qtbot)
    timer = QTimer()
    timer.timeout.connect(answers.poll)
    timer.start(30)
    try:
        yield answers
    finally:
        timer.stop()
    assert not answers.queue, f"dialogs that never came: {answers.queue}"
