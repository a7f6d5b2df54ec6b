"""Start-up: a damaged data file is refused with a message; first run shows the wizard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from app.services import Services
from app.settings import UserSettings
from app.ui.app import Startup, run_gui
from tests.ui.conftest import ModalAnswers


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


@pytest.fixture
def startup(qapp: QApplication, services: Services) -> Iterator[Startup]:
    started = Startup(qapp, services, UserSettings())
    yield started
    for widget in (started.window, started.wizard):
        if widget is not None:
            widget.close()
    started.jobs.shutdown()


def test_first_run_shows_the_wizard(qtbot: QtBot, startup: Startup) -> None:
    startup.start()
    qtbot.waitUntil(lambda: startup.wizard is not None and startup.wizard.isVisible())
    assert startup.window is None


def test_with_a_cell_the_window_opens(qtbot: QtBot, qapp: QApplication, demo_dir: Path) -> None:
    services = Services.open(demo_dir)
    started = Startup(qapp, services, UserSettings())
    try:
        started.start()
        qtbot.waitUntil(lambda: started.window is not None and started.window.isVisible())
        assert started.wizard is None
        window = started.window
        assert window is not None
        qtbot.addWidget(window)
        assert started.jobs.wait_idle()
    finally:
        started.jobs.shutdown()
        services.close()


def test_choosing_english_in_the_wizard_rebuilds_it_in_english(
    qtbot: QtBot, startup: Startup, services: Services
) -> None:
    startup.start()
    qtbot.waitUntil(lambda: startup.wizard is not None)
    wizard = startup.wizard
    assert wizard is not None
    wizard.language.setCurrentIndex(wizard.language.findData("en"))
    qtbot.waitUntil(lambda: startup.wizard is not None and startup.wizard is not wizard)
    assert startup.wizard is not None
    assert startup.wizard.windowTitle() == "Sổ Chi bộ — first start"
    assert startup.settings.language == "en"
    saved = services.paths.settings.read_text(encoding="utf-8")
    assert '"language": "en"' in saved
