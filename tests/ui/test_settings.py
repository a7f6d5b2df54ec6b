"""Settings: the cell profile is saved and reloaded, refusals keep the text, language persists."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import l10n
from app.services.facade import Services
from app.settings import UserSettings
from app.ui.app import build_main_window
from app.ui.screens.settings import SettingsScreen
from app.ui.shell import MainWindow
from tests.ui.conftest import ModalAnswers, type_text


def _settings_screen(qtbot: QtBot, window: MainWindow) -> SettingsScreen:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    screen = window.stack.currentWidget()
    assert isinstance(screen, SettingsScreen)
    assert window.ctx.jobs.wait_idle()
    return screen


def _replace_text(qtbot: QtBot, screen: SettingsScreen, field: str, text: str) -> None:
    widget = screen.fields.widget(field)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def test_the_profile_is_shown_with_the_people_lists(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = _settings_screen(qtbot, main_window)
    assert screen.fields.name.text() == "Chi bộ thôn Lũng Cú"
    assert screen.fields.cell_type.currentText() == "Thôn, bản, tổ dân phố"
    assert screen.secretary.count() > 3
    assert screen.secretary.itemText(0) == "— Chưa chọn —"


def test_a_changed_name_is_saved_with_enter_and_persists(
    qtbot: QtBot, main_window: MainWindow, demo_dir: Path
) -> None:
    screen = _settings_screen(qtbot, main_window)
    secretary = screen.secretary.currentData()
    _replace_text(qtbot, screen, "name", "Chi bộ thôn Lũng Táo")
    qtbot.keyClick(screen.fields.name, Qt.Key.Key_Return)
    assert main_window.ctx.jobs.wait_idle()
    assert screen.saved_label.text() == "✓ Đã lưu."
    assert main_window.windowTitle() == "Sổ Chi bộ — Chi bộ thôn Lũng Táo"
    reopened = Services.open(demo_dir)
    try:
        info = reopened.cell.get()
    finally:
        reopened.close()
    assert info is not None
    assert info.name == "Chi bộ thôn Lũng Táo"
    assert info.secretary_id == secretary


def test_a_refused_value_is_explained_and_kept(
    qtbot: QtBot, main_window: MainWindow, demo_dir: Path, modal_answers: ModalAnswers
) -> None:
    screen = _settings_screen(qtbot, main_window)
    _replace_text(qtbot, screen, "superior_committee", "Đảng ủy huyện Đồng Văn")
    qtbot.keyClick(screen.fields.superior_committee, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(modal_answers.texts))
    assert main_window.ctx.jobs.wait_idle()
    error = screen.fields.errors["superior_committee"]
    assert error.isVisible()
    assert error.text().startswith("⚠ ")
    assert "huyện" in error.text()
    assert "Dữ liệu chưa được lưu" in modal_answers.texts[0]
    assert screen.fields.superior_committee.text() == "Đảng ủy huyện Đồng Văn"
    assert screen.saved_label.text() == ""
    reopened = Services.open(demo_dir)
    try:
        info = reopened.cell.get()
    finally:
        reopened.close()
    assert info is not None and info.superior_committee == "Đảng ủy xã Lũng Cú"


def test_an_unreadable_term_date_is_not_sent(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = _settings_screen(qtbot, main_window)
    _replace_text(qtbot, screen, "term_end", "31/9/2030")
    qtbot.keyClick(screen.fields.term_end, Qt.Key.Key_Return)
    assert "ngày/tháng/năm" in screen.fields.errors["term_end"].text()
    assert screen.fields.term_end.text() == "31/9/2030"


def test_the_zoom_box_mirrors_the_keys(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = _settings_screen(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert screen.zoom_spin.value() == 110
    screen.zoom_spin.setValue(150)
    assert main_window.zoom.percent == 150


def test_choosing_english_is_saved_for_the_next_start(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    screen = _settings_screen(qtbot, main_window)
    screen.language.setCurrentIndex(screen.language.findData("en"))
    saved = json.loads(main_window.ctx.paths.settings.read_text(encoding="utf-8"))
    assert saved["language"] == "en"
    assert "lần mở Sổ Chi bộ tiếp theo" in screen.language_note.text()


@pytest.fixture
def english() -> Iterator[None]:
    l10n.set_language("en")
    yield
    l10n.set_language("vi")


def test_in_english_the_window_is_english(qtbot: QtBot, demo_dir: Path, english: None) -> None:
    services = Services.open(demo_dir)
    window = build_main_window(services, UserSettings(language="en"), demo_dir)
    qtbot.addWidget(window)
    try:
        titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
        assert titles == ["Overview", "Members", "Meetings", "Reports", "Settings"]
    finally:
        window.ctx.jobs.shutdown()
        services.close()
