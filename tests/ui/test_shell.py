"""The main window: areas in the sidebar, keyboard switching, title, zoom that persists."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.screens.members import MembersScreen
from app.ui.screens.overview import OverviewScreen
from app.ui.screens.settings import SettingsScreen
from app.ui.shell import MainWindow
from app.ui.zoom import BASE_POINT_SIZE, apply_zoom


def _titles(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_sidebar_lists_the_built_areas_in_vietnamese(main_window: MainWindow) -> None:
    assert _titles(main_window) == ["Tổng quan", "Đảng viên", "Sinh hoạt", "Báo cáo", "Cài đặt"]
    assert isinstance(main_window.stack.currentWidget(), OverviewScreen)


def test_window_title_and_status_bar_name_the_cell(main_window: MainWindow) -> None:
    assert main_window.windowTitle() == "Sổ Chi bộ — Chi bộ thôn Lũng Cú"
    assert main_window.cell_label.text() == "Chi bộ thôn Lũng Cú"


def test_ctrl_number_switches_area(qtbot: QtBot, main_window: MainWindow) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(main_window.stack.currentWidget(), SettingsScreen)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(main_window.stack.currentWidget(), MembersScreen)


def test_zoom_keys_change_the_font_and_persist(
    qtbot: QtBot, qapp: QApplication, main_window: MainWindow
) -> None:
    apply_zoom(qapp, 100)
    assert qapp.font().pointSizeF() == BASE_POINT_SIZE
    qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert qapp.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.1)
    qtbot.keyClick(main_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert main_window.zoom.percent == 120
    saved = json.loads(main_window.ctx.paths.settings.read_text(encoding="utf-8"))
    assert saved["zoom_percent"] == 120
    qtbot.keyClick(main_window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert main_window.zoom.percent == 110
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert main_window.zoom.percent == 100
    assert qapp.font().pointSizeF() == BASE_POINT_SIZE
    saved = json.loads(main_window.ctx.paths.settings.read_text(encoding="utf-8"))
    assert saved["zoom_percent"] == 100


def test_a_finding_about_a_member_opens_the_members_area(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    assert [type(s) for s in main_window.screens] == [OverviewScreen]  # built when asked for
    overview = main_window.screen_at(0)
    members = main_window.screen_at(1)
    assert isinstance(members, MembersScreen)
    opened: list[int] = []
    members.open_member = opened.append  # type: ignore[method-assign]
    overview.open_member_requested.emit(7)
    assert opened == [7]
    assert main_window.stack.currentWidget() is members


def test_only_the_first_area_is_built_before_the_window_shows(main_window: MainWindow) -> None:
    assert [type(s) for s in main_window.screens] == [OverviewScreen]
    assert main_window.stack.count() == 1


def test_a_finding_builds_the_members_area_on_demand_and_opens_the_record(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    services = main_window.ctx.jobs.services
    assert services is not None
    member = next(m for m in services.members.list() if m.full_name == "Sùng Mí Páo")
    main_window.screen_at(0).open_member_requested.emit(member.id)
    members = main_window.stack.currentWidget()
    assert isinstance(members, MembersScreen)
    assert main_window.sidebar.currentRow() == 1
    qtbot.waitUntil(lambda: members.form is not None and members.form.isVisible())
    assert members.form is not None
    assert members.form.fields.full_name.text() == "Sùng Mí Páo"
    members.form.reject()
    assert main_window.ctx.jobs.wait_idle()
