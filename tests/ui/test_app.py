"""Start-up: the window shows first; then a damaged data file is refused, a first run gets the
wizard, and the database stack is never imported before the window shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from app.services.facade import Services
from app.settings import UserSettings
from app.ui.app import AfterFirstPaint, Startup, open_services, program_icon, run_gui
from app.ui.jobs import ServicesOpener
from tests.ui.conftest import ModalAnswers

HEAVY_MODULES = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "babel.messages")
LIGHT_IMPORT = """
import json, sys
import app.cli  # what `sochibo` imports before it opens the window
import app.ui.app
print(json.dumps(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))))
"""


def test_importing_the_gui_does_not_load_the_database_or_document_stack() -> None:
    checked = (
        *HEAVY_MODULES,
        "app.storage",
        "app.services.facade",
        "app.commands",
        # Built on first use (start-up speed): only the overview is built before the window shows.
        "app.ui.screens.members",
        "app.ui.screens.settings",
        # Needed once data arrives, not for the first paint (start-up speed).
        "app.services.dto_base",
        "app.services.errors",
        "app.domain.findings",
        "app.labels",
        "app.ui.widgets.severity",
        "app.ui.dialogs",
    )
    done = subprocess.run(
        [sys.executable, "-c", LIGHT_IMPORT, *checked],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert json.loads(done.stdout) == []


FIRST_PAINT = """
import json, os, sys
from pathlib import Path
import PySide6.QtCore as QtCore
lazy = "QEvent" not in vars(QtCore)  # PySide builds its classes on first use (6.7 and later)
import app.cli
from app.ui.app import launch
startup = launch(Path(sys.argv[1]), "vi")

def report():
    built = [name for name in ("QEvent", "QStyle", "QMessageBox") if name in vars(QtCore)
             or name in vars(sys.modules["PySide6.QtWidgets"])]
    print(json.dumps({"lazy": lazy, "built": built}))
    os._exit(0)

QtCore.QTimer.singleShot(0, report)
startup.app.exec()
"""


def test_the_window_starts_without_qt_classes_it_does_not_need(data_dir: Path) -> None:
    # Each costs milliseconds of start-up: QEvent's classes are built by the first Python
    # event handler or filter (use Qt's own behaviour, signals or polling instead), QStyle and
    # QMessageBox by the first icon or message box.
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    if not result["lazy"]:
        pytest.skip("this PySide builds every class when it loads")
    assert result["built"] == []


def test_a_damaged_data_file_is_refused_and_left_untouched(
    data_dir: Path, modal_answers: ModalAnswers
) -> None:
    database = DataPaths(data_dir).database
    garbage = b"this is not a database" * 100
    database.write_bytes(garbage)
    assert run_gui(data_dir, "vi") == 1
    assert modal_answers.texts
    assert "không đọc được tệp dữ liệu" in modal_answers.texts[0]
    assert database.read_bytes() == garbage


def test_the_program_icon_is_found_and_readable(qapp: QApplication) -> None:
    assert QSize(256, 256) in program_icon().availableSizes()


StartupMaker = Callable[["Services | ServicesOpener", Path], Startup]


@pytest.fixture
def make_startup(qapp: QApplication) -> Iterator[StartupMaker]:
    made: list[tuple[Startup, bool]] = []

    def make(services: Services | ServicesOpener, data_dir: Path) -> Startup:
        started = Startup(qapp, services, UserSettings(), data_dir)
        made.append((started, callable(services)))
        return started

    yield make
    for started, opened_here in made:
        for widget in (started.wizard, started.window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        started.jobs.shutdown()
        if opened_here and started.jobs.services is not None:
            started.jobs.services.close()


def test_the_window_shows_at_once_and_loads_the_cell_once_the_data_is_open(
    qtbot: QtBot, make_startup: StartupMaker, demo_dir: Path
) -> None:
    startup = make_startup(open_services(demo_dir), demo_dir)
    startup.start()
    window = startup.window
    assert window is not None and window.isVisible()
    assert window.statusBar().currentMessage() == "Đang mở dữ liệu…"
    qtbot.waitUntil(lambda: window.cell_label.text() != "")
    assert startup.jobs.wait_idle()
    assert window.statusBar().currentMessage() == ""
    assert startup.jobs.services is not None
    assert startup.wizard is None
    overview = window.screen_at(0)
    assert overview.loaded


def test_first_run_shows_the_wizard_over_the_window(
    qtbot: QtBot, make_startup: StartupMaker, data_dir: Path
) -> None:
    startup = make_startup(open_services(data_dir), data_dir)
    startup.start()
    qtbot.waitUntil(lambda: startup.wizard is not None and startup.wizard.isVisible())
    assert startup.wizard is not None
    assert startup.window is not None and startup.window.isVisible()
    assert startup.wizard.parent() is startup.window
    assert startup.wizard.isModal()
    assert startup.window.statusBar().currentMessage() == ""


def test_with_open_services_and_a_cell_no_wizard_appears(
    qtbot: QtBot, make_startup: StartupMaker, demo_dir: Path
) -> None:
    services = Services.open(demo_dir)
    startup = make_startup(services, demo_dir)
    startup.start()
    window = startup.window
    assert window is not None and window.isVisible()
    assert window.statusBar().currentMessage() == ""  # nothing to open: already open
    qtbot.waitUntil(lambda: window.cell_label.text() != "")
    assert startup.jobs.wait_idle()
    assert startup.wizard is None


def test_choosing_english_in_the_wizard_rebuilds_it_and_the_window_in_english(
    qtbot: QtBot, make_startup: StartupMaker, services: Services, data_dir: Path
) -> None:
    startup = make_startup(services, data_dir)
    startup.start()
    qtbot.waitUntil(lambda: startup.wizard is not None)
    wizard, window = startup.wizard, startup.window
    assert wizard is not None and window is not None
    assert window.sidebar.item(0).text() == "Tổng quan"
    wizard.language.setCurrentIndex(wizard.language.findData("en"))
    qtbot.waitUntil(lambda: startup.wizard is not None and startup.wizard is not wizard)
    assert startup.wizard is not None
    assert startup.wizard.windowTitle() == "Sổ Chi bộ — first start"
    assert startup.settings.language == "en"
    new_window = startup.window
    assert new_window is not None and new_window is not window
    assert new_window.isVisible()
    assert new_window.sidebar.item(0).text() == "Overview"
    assert startup.wizard.parent() is new_window
    saved = services.paths.settings.read_text(encoding="utf-8")
    assert '"language": "en"' in saved


def test_after_first_paint_acts_once_the_window_has_painted(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    painted: list[bool] = []
    AfterFirstPaint(window, lambda: painted.append(window.windowHandle().isExposed()))
    window.show()
    qtbot.waitUntil(lambda: painted != [])
    qtbot.wait(20)
    assert painted == [True]  # once, and only when Qt had painted the window


def test_after_first_paint_still_acts_when_the_window_never_shows(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    acted: list[float] = []
    started = time.monotonic()
    AfterFirstPaint(window, lambda: acted.append(time.monotonic() - started))
    qtbot.waitUntil(lambda: acted != [], timeout=2000)
    assert acted[0] >= AfterFirstPaint.FALLBACK_MS / 1000
