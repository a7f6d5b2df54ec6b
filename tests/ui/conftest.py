"""UI fixtures: Qt's own strings through our catalog, real data folders, a started window."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.demo import fill_demo
from app.services.facade import Services
from app.settings import UserSettings
from app.ui.app import build_main_window
from app.ui.context import UiContext
from app.ui.jobs import JobRunner
from app.ui.qt_strings import CatalogTranslator, install_translator
from app.ui.screens.members import MembersScreen
from app.ui.shell import MainWindow

UI_TESTS = Path(__file__).resolve().parent
# The offscreen platform cannot pass size hints to a window manager it does not have; on real
# platforms (Windows, xcb) this message does not occur.
OFFSCREEN_ONLY = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY))


@pytest.fixture(scope="session", autouse=True)
def _qt_catalog(qapp: QApplication) -> CatalogTranslator:
    """Qt's buttons and menus go through our catalog, as in the real application."""
    return install_translator(qapp)


@pytest.fixture(autouse=True)
def _restore_app_font(qapp: QApplication) -> Iterator[None]:
    """Zoom changes the application font; give each test the same start."""
    font = QFont(qapp.font())
    yield
    qapp.setFont(font)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    """Services over a fresh, empty data folder."""
    opened = Services.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    """A data folder holding the demo cell (27 members)."""
    opened = Services.open(data_dir)
    try:
        fill_demo(opened)
    finally:
        opened.close()
    return data_dir


@pytest.fixture
def jobs(qtbot: QtBot, services: Services) -> Iterator[JobRunner]:
    runner = JobRunner(services)
    yield runner
    runner.shutdown()


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show `window` and wait until it is the active window.

    Shortcuts (Ctrl+digit, Alt+letter) reach only the active window; on a busy machine the
    offscreen platform activates a window a little later than it exposes it."""
    window.show()
    qtbot.waitExposed(window)

    def active() -> bool:
        if QApplication.activeWindow() is window:
            return True
        window.activateWindow()  # asked again, as a window manager would on a click
        return False

    qtbot.waitUntil(active)


@pytest.fixture(autouse=True)
def _earlier_windows_deleted(qapp: QApplication) -> None:
    """Windows and dialogs left by earlier tests are deleted before this one shows its own.

    A window left for the garbage collector can be destroyed while the next test's window is
    being activated, and that window then never becomes active (its shortcuts do nothing).
    """
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def main_window(qtbot: QtBot, demo_dir: Path) -> Iterator[MainWindow]:
    """The main window over the demo cell, shown, with the first screen loaded."""
    opened = Services.open(demo_dir)
    window = build_main_window(opened, UserSettings(), demo_dir)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.ctx.jobs.wait_idle()
    yield window
    window.ctx.jobs.shutdown()
    opened.close()


@dataclass
class ModalAnswers:
    """Answers the modal dialogs a test opens, keeping what they said."""

    texts: list[str] = field(default_factory=list)
    answer: Callable[[QWidget], None] | None = None

    def handle(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if isinstance(widget, QMessageBox):
            self.texts.append(f"{widget.text()}\n{widget.informativeText()}")
        else:
            self.texts.append(widget.windowTitle())
        if self.answer is not None:
            self.answer(widget)
        elif isinstance(widget, QDialog):
            widget.reject()


@pytest.fixture
def modal_answers(qtbot: QtBot) -> Iterator[ModalAnswers]:
    """Close every modal dialog that appears (Esc-like reject unless `answer` is set)."""
    answers = ModalAnswers()
    timer = QTimer()
    timer.timeout.connect(answers.handle)
    timer.start(30)
    yield answers
    timer.stop()


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key, Vietnamese letters included.

    QTest.keyClicks only knows ASCII (it aborts on "ộ"); Vietnamese keyboards (Unikey, the
    Windows Vietnamese layout) deliver such letters as key events carrying the text.
    """
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def typist(qtbot: QtBot) -> Callable[[QWidget, str], None]:
    """`typist(widget, "Nguyễn Văn A")` types into the widget as a user would."""
    return lambda widget, text: type_text(qtbot, widget, text)


@pytest.fixture
def screen(qtbot: QtBot, demo_dir: Path) -> Iterator[MembersScreen]:
    """The members screen over the demo cell, shown and loaded."""
    services = Services.open(demo_dir)
    jobs = JobRunner(services)
    view = MembersScreen(UiContext(demo_dir, jobs, UserSettings()))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.ensure_loaded()
    jobs.changed.connect(view.on_changes)
    assert jobs.wait_idle()
    yield view
    jobs.shutdown()
    services.close()
