"""The receiver's GUI tests: one small world per session (keys are slow to make) — cells A and
B and the commune that receives their reports, with the files the cells exported — and a
receiver's main window over a fresh copy of the commune's data folder for each test."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.services.facade import Services
from app.services.inbox import InboxService
from app.settings import RECEIVER_ROLE, UserSettings
from app.ui.app import build_main_window
from app.ui.screens.inbox.open_file import FileCheckDialog
from app.ui.screens.inbox.result_dialog import ImportResultDialog
from app.ui.screens.inbox.summary_dialog import SummaryExportDialog
from app.ui.screens.inbox.view import InboxScreen
from app.ui.shell import MainWindow
from app.ui.widgets.passphrase import PassphraseDialog
from tests.integration.inbox_world import (
    COMMUNE,
    PASSPHRASE,
    certificate_bytes,
    copy_folder,
    export,
    make_cell,
    make_receiver,
    open_services,
)
from tests.ui.conftest import show_active

Answer = Callable[[QWidget], None]


@dataclass(frozen=True)
class UiWorld:
    """Data folders (templates: copy before changing) and the cells' exported files."""

    cell_a: Path
    cell_b: Path
    commune: Path
    files: dict[str, Path]


@pytest.fixture(autouse=True)
def _windows_gone(qapp: QApplication) -> Iterator[None]:
    """Windows and dialogs of a test are deleted before the next one shows its own.

    A window left for the garbage collector can be destroyed while the next test's window is
    being activated, and that window then never becomes active (its shortcuts do nothing).
    """
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def ui_world(tmp_path_factory: pytest.TempPathFactory) -> UiWorld:
    root = tmp_path_factory.mktemp("inbox-ui")
    cell_a, cell_b, commune = root / "cell-a", root / "cell-b", root / "commune"
    make_cell(cell_a, "Chi bộ thôn Lũng Cú")
    make_cell(cell_b, "Chi bộ thôn Thèn Pả")
    make_receiver(commune, COMMUNE)
    usb = root / "usb"
    usb.mkdir()
    files = {
        "a1-oct": export(cell_a, "2026-10", usb / "a1-oct.scb", encrypt_for=commune),
        "a2-nov": export(cell_a, "2026-11", usb / "a2-nov.scb"),
        "a3-nov": export(cell_a, "2026-11", usb / "a3-nov.scb", encrypt_for=commune),
        "b1-nov": export(cell_b, "2026-11", usb / "b1-nov.scb", encrypt_for=commune),
    }
    return UiWorld(cell_a, cell_b, commune, files)


def stick(tmp_path: Path, world: UiWorld, *names: str) -> Path:
    """A USB-stick folder holding copies of the named files."""
    folder = tmp_path / "usb"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(world.files[name], folder / world.files[name].name)
    return folder


def tampered(source: Path, target: Path) -> Path:
    """A copy of `source` with one byte changed in the middle (after signing)."""
    data = bytearray(source.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return target


@dataclass
class Receiver:
    """A receiver's window over a fresh commune folder, and its open services."""

    window: MainWindow
    services: Services
    folder: Path

    @property
    def screen(self) -> InboxScreen:
        screen = self.window.screen_at(0)
        assert isinstance(screen, InboxScreen)
        return screen

    @property
    def inbox(self) -> InboxService:
        return InboxService(self.services.context)

    def idle(self) -> None:
        assert self.window.ctx.jobs.wait_idle(120_000)


def receiver_window(qtbot: QtBot, folder: Path) -> Iterator[Receiver]:
    services = open_services(folder)
    window = build_main_window(services, UserSettings(role=RECEIVER_ROLE), folder)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    opened = Receiver(window, services, folder)
    opened.idle()
    yield opened
    window.ctx.jobs.shutdown()
    services.close()


@pytest.fixture
def receiver(qtbot: QtBot, ui_world: UiWorld, tmp_path: Path) -> Iterator[Receiver]:
    """The commune's receiver window, no certificate registered yet."""
    yield from receiver_window(qtbot, copy_folder(ui_world.commune, tmp_path / "commune"))


@pytest.fixture
def registered(qtbot: QtBot, ui_world: UiWorld, tmp_path: Path) -> Iterator[Receiver]:
    """The commune's receiver window with cells A and B registered."""
    folder = copy_folder(ui_world.commune, tmp_path / "commune")
    services = open_services(folder)
    try:
        inbox = InboxService(services.context)
        inbox.add_sender(certificate_bytes(ui_world.cell_a))
        inbox.add_sender(certificate_bytes(ui_world.cell_b))
    finally:
        services.close()
    yield from receiver_window(qtbot, folder)


@dataclass
class Modals:
    """Answers the modal dialogs a test expects, in order, keeping what each one said."""

    queue: list[Answer] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    #: Modal dialogs nobody expected (closed at once, so that a test fails instead of hanging).
    unexpected: list[str] = field(default_factory=list)
    #: Dialogs opened with `open()` that stay up without blocking (e.g. an import's result).
    ignored: tuple[type[QWidget], ...] = ()

    def expect(self, *answers: Answer) -> None:
        self.queue.extend(answers)

    def handle(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or isinstance(widget, self.ignored):
            return
        said = (
            f"{widget.text()}\n{widget.informativeText()}"
            if isinstance(widget, QMessageBox)
            else widget.windowTitle()
        )
        if not self.queue:
            self.unexpected.append(said)
            if isinstance(widget, QDialog):
                widget.reject()
            return
        self.seen.append(said)
        self.queue.pop(0)(widget)

    @property
    def done(self) -> bool:
        return not self.queue


@pytest.fixture
def modals(qtbot: QtBot) -> Iterator[Modals]:
    answers = Modals(ignored=(ImportResultDialog, FileCheckDialog, SummaryExportDialog, QWizard))
    timer = QTimer()
    timer.timeout.connect(answers.handle)
    timer.start(30)
    yield answers
    timer.stop()
    assert not answers.unexpected, answers.unexpected


def passphrase(text: str = PASSPHRASE) -> Answer:
    """Type the passphrase (twice for a new key) and press OK."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, PassphraseDialog), widget
        widget.first.setText(text)
        widget.second.setText(text)
        buttons = widget.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return answer


def button(text: str) -> Answer:
    """Press the message box button whose words (without the mnemonic) are `text`."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox), widget
        for candidate in widget.buttons():
            if candidate.text().replace("&", "") == text:
                candidate.click()
                return
        words = [b.text() for b in widget.buttons()]
        widget.reject()  # never leave a modal box open: the test would hang in its loop
        raise AssertionError(f"no button {text!r} in {words}")

    return answer


def choose_path(path: Path) -> Answer:
    """Pick `path` in a file dialog (a folder, a file to open or a file to save)."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog), widget
        widget.setDirectory(str(path.parent))
        name = widget.findChild(QLineEdit, "fileNameEdit")
        name.setText(path.name)  # as typed in the "File name" field
        widget.accept()

    return answer
