"""Bad input in the meeting editor: it is said in Vietnamese, kept as typed, and never lost
silently (an unreadable time or date is not saved, and leaving offers to correct it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.ui.screens.meetings.editor import MeetingEditor
from app.ui.shell import MainWindow
from app.ui.widgets.dates import DateField
from tests.ui.conftest import type_text
from tests.ui.test_meetings_editor import (
    ENTER,
    OFFSCREEN_ONLY,
    _open_draft,
    answer_box,
    refocus,
)

WARNING = (
    "⚠ Chưa lưu được cho đến khi sửa: giờ kết thúc “25:00”. Hãy gõ ngày theo "
    "ngày/tháng/năm và giờ theo giờ:phút."
)


def _type_end(qtbot: QtBot, editor: MeetingEditor, text: str) -> None:
    end = editor.general.end
    editor.tabs.setCurrentWidget(editor.general)
    end.setFocus()
    end.selectAll()
    qtbot.keyClicks(end, text)
    qtbot.keyClick(end, Qt.Key.Key_Tab)


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_an_unreadable_time_is_said_kept_and_offered_for_correction(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    editor = _open_draft(qtbot, main_window)
    refocus(qtbot, main_window)
    _type_end(qtbot, editor, "25:00")
    assert editor.general.end.text() == "25:00"  # kept as typed
    assert editor.input_warning.isVisible() and editor.input_warning.text() == WARNING
    assert editor.general.end.accessibleDescription().startswith("Đây không phải là giờ")
    assert editor.general.duration.text() == ""
    # Leaving asks first; "Quay lại sửa" keeps the editor open on the field.
    seen = answer_box("Quay lại sửa")
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert "giờ kết thúc “25:00”" in seen[0]
    # The window's focus (given back by the window manager when the question closes).
    assert editor.isVisible() and main_window.focusWidget() is editor.general.end
    _type_end(qtbot, editor, "10:15")
    assert not editor.input_warning.isVisible()
    assert editor.general.duration.text() == "135 phút"
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.jobs.wait_idle()
    assert not editor.isVisible()


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_an_unreadable_deadline_keeps_its_cell_open(qtbot: QtBot, main_window: MainWindow) -> None:
    editor = _open_draft(qtbot, main_window)
    refocus(qtbot, main_window)  # as a window manager does: the cell editor needs the focus
    editor.tabs.setCurrentWidget(editor.tasks)
    tasks = editor.tasks
    before = tasks.model.rows[0].deadline
    table = tasks.tasks.table
    table.setFocus()
    table.setCurrentIndex(tasks.model.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, DateField)
    field.selectAll()
    type_text(qtbot, field, "31/02/2026")
    qtbot.keyClick(field, ENTER)
    # Not committed, not thrown away: the editor is still open with the text, marked.
    assert QApplication.focusWidget() is field and field.text() == "31/02/2026"
    assert field.property("invalid") is True and field.error_text() == "Ngày không hợp lệ"
    assert tasks.model.rows[0].deadline == before
    field.selectAll()
    type_text(qtbot, field, "30/12/2026")
    qtbot.keyClick(field, ENTER)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not field)
    assert tasks.model.rows[0].deadline is not None
    assert tasks.model.rows[0].deadline.isoformat() == "2026-12-30"


def _type_deadline(qtbot: QtBot, editor: MeetingEditor, text: str) -> DateField:
    tasks = editor.tasks
    table = tasks.tasks.table
    editor.tabs.setCurrentWidget(tasks)
    table.setFocus()
    table.setCurrentIndex(tasks.model.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, DateField)
    field.selectAll()
    type_text(qtbot, field, text)
    return field


def _shown(editor: MeetingEditor, row: int, column: int) -> str:
    """The text the table paints in a cell (through its delegate)."""
    table = editor.tasks.tasks.table
    index = editor.tasks.model.index(row, column)
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(column).initStyleOption(option, index)
    return option.text


def _click_cell(qtbot: QtBot, editor: MeetingEditor, row: int, column: int) -> None:
    table = editor.tasks.tasks.table
    rect = table.visualRect(editor.tasks.model.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _press_first_button() -> list[str]:
    """Press the only button of the next message box; returns the texts it showed."""
    seen: list[str] = []

    def attempt(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.text()}\n{box.informativeText()}")
            box.buttons()[0].click()
        elif tries < 250:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)
    return seen


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_an_unreadable_deadline_left_by_a_click_elsewhere_is_kept_and_blocks_final_minutes(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    editor = _open_draft(qtbot, main_window)
    refocus(qtbot, main_window)
    tasks = editor.tasks
    before = tasks.model.rows[0].deadline
    field = _type_deadline(qtbot, editor, "31/02/2026")
    # The secretary clicks the task's description instead of pressing Enter.
    _click_cell(qtbot, editor, 0, 1)
    qtbot.waitUntil(lambda: not field.isVisible())
    # Not saved, not lost: the cell says what was typed, and the editor's warning names it.
    assert tasks.model.rows[0].deadline == before
    assert _shown(editor, 0, 2) == "⚠ “31/02/2026”: không phải ngày, chưa lưu"
    assert editor.input_warning.isVisible()
    assert "thời hạn của nhiệm vụ dòng 1 “31/02/2026”" in editor.input_warning.text()
    # The minutes cannot be made final with it: the secretary is told, and taken back to it.
    seen = _press_first_button()
    qtbot.mouseClick(editor.editor_actions.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert "trước khi ban hành biên bản chính thức" in seen[0]
    assert "thời hạn của nhiệm vụ dòng 1 “31/02/2026”" in seen[0]
    assert editor.detail is not None and not editor.detail.is_final
    refocus(qtbot, main_window)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), DateField))
    reopened = QApplication.focusWidget()
    assert isinstance(reopened, DateField) and reopened.text() == "31/02/2026"
    assert reopened.error_text() == "Ngày không hợp lệ"
    reopened.selectAll()
    type_text(qtbot, reopened, "30/12/2026")
    qtbot.keyClick(reopened, ENTER)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not reopened)
    deadline = tasks.model.rows[0].deadline
    assert deadline is not None and deadline.isoformat() == "2026-12-30"
    assert _shown(editor, 0, 2) == "30/12/2026"
    assert not editor.input_warning.isVisible()


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_esc_gives_up_an_unreadable_deadline(qtbot: QtBot, main_window: MainWindow) -> None:
    editor = _open_draft(qtbot, main_window)
    refocus(qtbot, main_window)
    before = editor.tasks.model.rows[0].deadline
    field = _type_deadline(qtbot, editor, "99/99/2026")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not field.isVisible())
    assert editor.tasks.model.rows[0].deadline == before
    assert "99/99" not in _shown(editor, 0, 2)
    assert not editor.input_warning.isVisible()
