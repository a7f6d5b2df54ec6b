"""A secretary plans, records, scores, makes final and prints a meeting in the GUI (issue #3),
driven with the keyboard and mouse over the demo cell."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.domain.meetings import AttendanceStatus
from app.l10n import format_date
from app.ui.printing.preview import PrintPreviewDialog
from app.ui.screens.meetings import MeetingsScreen
from app.ui.screens.meetings.editor import MeetingEditor
from app.ui.screens.meetings.tab_attendance import REASON, STATUS
from app.ui.screens.meetings.tab_quality import SCORE
from app.ui.screens.meetings.tab_votes import ABSTAIN, AGAINST, FOR, RESULT
from app.ui.shell import MainWindow
from tests.ui.conftest import type_text

# The offscreen platform has no window manager to raise windows or grab the keyboard for a
# combo's pop-up; on real platforms these messages do not occur.
OFFSCREEN_ONLY = r"This plugin does not support (raise|grabbing|propagateSizeHints)"

MEETINGS_ROW = 2
ENTER = Qt.Key.Key_Return


def answer_box(button_text: str) -> list[str]:
    """Press `button_text` in the next modal message box; returns the texts it showed."""
    seen: list[str] = []

    def attempt(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.text()}\n{box.informativeText()}")
            for button in box.buttons():
                if button.text().replace("&", "") == button_text:
                    button.click()
                    return
        if tries < 250:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)
    return seen


def open_meetings(qtbot: QtBot, window: MainWindow) -> MeetingsScreen:
    window.show_row(MEETINGS_ROW)
    screen = window.screen_at(MEETINGS_ROW)
    assert isinstance(screen, MeetingsScreen)
    assert window.ctx.jobs.wait_idle()
    return screen


def start_meeting(qtbot: QtBot, window: MainWindow, day: dt.date) -> MeetingEditor:
    screen = open_meetings(qtbot, window)
    qtbot.mouseClick(screen.new_regular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.new_dialog is not None and screen.new_dialog.isVisible())
    assert screen.new_dialog is not None
    field = screen.new_dialog.date
    field.selectAll()
    qtbot.keyClicks(field, format_date(day))
    qtbot.keyClick(field, ENTER)
    qtbot.waitUntil(lambda: screen.editor is not None and screen.editor.isVisible())
    assert window.ctx.jobs.wait_idle()
    # A window manager gives the focus back to the window when a dialog closes; offscreen, do it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert screen.editor is not None
    return screen.editor


def commit(qtbot: QtBot, editor: QWidget) -> None:
    """Enter: the cell editor commits (Qt does it on the next turn of the event loop)."""
    window = editor.window()
    qtbot.keyClick(editor, ENTER)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())
    refocus(qtbot, window)


def refocus(qtbot: QtBot, window: QWidget) -> None:
    """A completion pop-up took the focus: give it back to the window, as a window manager does."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_in_cell(qtbot: QtBot, table: QTableView, index: QModelIndex, text: str) -> None:
    """Select a cell, type into it (the first key opens its editor) and press Enter."""
    table.setFocus()
    table.setCurrentIndex(index)
    type_text(qtbot, table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    type_text(qtbot, editor, text[1:])
    commit(qtbot, editor)


def type_in_new_row(qtbot: QtBot, button: QWidget, text: str) -> None:
    """Click an "add" button and type into the cell it opens."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert editor is not None
    type_text(qtbot, editor, text)
    commit(qtbot, editor)


def fill_general(qtbot: QtBot, editor: MeetingEditor, taker: str) -> None:
    general = editor.general
    general.start.selectAll()
    qtbot.keyClicks(general.start, "7:30")
    line = general.minute_taker.lineEdit()
    line.selectAll()
    type_text(qtbot, line, taker)
    # The name is offered in the completion list: Down then Enter picks it, as a user does.
    popup = general.minute_taker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, ENTER)
    qtbot.waitUntil(lambda: not popup.isVisible())
    refocus(qtbot, editor.window())


def mark_absences(qtbot: QtBot, editor: MeetingEditor) -> tuple[str, str]:
    editor.tabs.setCurrentWidget(editor.attendance)
    table, model = editor.attendance.table, editor.attendance.model
    present = [i for i, r in enumerate(model.rows) if r.status is AttendanceStatus.PRESENT]
    excused, unexcused = present[1], present[2]
    table.setFocus()
    table.setCurrentIndex(model.index(excused, STATUS))
    qtbot.keyClick(table, "v")  # "Vắng có lý do"
    type_in_cell(qtbot, table, model.index(excused, REASON), "Ốm, đã báo chi ủy")
    table.setCurrentIndex(model.index(unexcused, STATUS))
    qtbot.keyClick(table, "v")
    qtbot.keyClick(table, "v")  # the second "v": "Vắng không lý do"
    return model.rows[excused].full_name, model.rows[unexcused].full_name


def fill_content_votes_tasks(qtbot: QtBot, editor: MeetingEditor, speaker: str) -> None:
    editor.tabs.setCurrentWidget(editor.content)
    type_in_new_row(qtbot, editor.content.agenda.add_button, "Bàn kế hoạch trồng rừng")
    type_in_new_row(qtbot, editor.content.speeches.add_button, speaker)
    speeches = editor.content.speeches
    index = speeches.model.index(speeches.model.rowCount() - 1, 1)
    type_in_cell(qtbot, speeches.table, index, "Đề nghị giao cho đoàn thanh niên")
    editor.tabs.setCurrentWidget(editor.votes)
    type_in_new_row(qtbot, editor.votes.decisions.add_button, "Thông qua kế hoạch trồng rừng")
    table, model = editor.votes.decisions.table, editor.votes.model
    for column, votes in ((FOR, "18"), (AGAINST, "1"), (ABSTAIN, "0")):
        type_in_cell(qtbot, table, model.index(0, column), votes)
    editor.tabs.setCurrentWidget(editor.tasks)
    type_in_new_row(qtbot, editor.tasks.tasks.add_button, speaker)
    tasks = editor.tasks
    type_in_cell(qtbot, tasks.tasks.table, tasks.model.index(0, 1), "Chuẩn bị cây giống")


def score_everything(qtbot: QtBot, editor: MeetingEditor) -> None:
    editor.tabs.setCurrentWidget(editor.quality)
    table, model = editor.quality.table, editor.quality.model
    for row, item in enumerate(model.rows):
        points = item.criterion.max_points - (1 if row == 0 else 0)
        type_in_cell(qtbot, table, model.index(row, SCORE), str(points))


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_secretary_records_scores_finalizes_and_prints_a_meeting(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    services = main_window.ctx.jobs.services
    assert services is not None
    day = services.today() - dt.timedelta(days=1)
    editor = start_meeting(qtbot, main_window, day)
    members = editor.attendance.members()
    taker, speaker = members[3][1], members[4][1]
    fill_general(qtbot, editor, taker)
    excused, unexcused = mark_absences(qtbot, editor)
    counts = editor.attendance.counts.text()
    assert "Vắng có lý do: 1" in counts and "Vắng không lý do: 1" in counts
    fill_content_votes_tasks(qtbot, editor, speaker)
    result = editor.votes.model.index(0, RESULT).data()
    assert result.startswith("Thông qua (cần ít nhất ")
    score_everything(qtbot, editor)
    assert editor.quality.total.text() == "Tổng điểm: 99/100 — Xếp loại: Tốt"

    qtbot.waitUntil(lambda: editor.status_label.text().startswith("Đã lưu lúc"), timeout=5000)
    assert main_window.ctx.jobs.wait_idle()
    meeting_id = editor.detail.id if editor.detail else 0
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    screen = main_window.screen_at(MEETINGS_ROW)
    assert isinstance(screen, MeetingsScreen)
    assert main_window.ctx.jobs.wait_idle()
    assert screen.stack.currentWidget() is screen.list_page

    # Reopen from the list with Enter: everything typed is there.
    row = next(i for i, m in enumerate(screen.model.rows) if m.id == meeting_id)
    screen.table.setFocus()
    screen.table.selectRow(row)
    qtbot.keyClick(screen.table, ENTER)
    qtbot.waitUntil(lambda: editor.isVisible())
    assert main_window.ctx.jobs.wait_idle()
    assert editor.general.start.text() == "07:30"
    assert editor.general.minute_taker.currentText() == taker
    by_name = {r.full_name: r for r in editor.attendance.model.rows}
    assert by_name[excused].status is AttendanceStatus.ABSENT_EXCUSED
    assert by_name[excused].reason == "Ốm, đã báo chi ủy"
    assert by_name[unexcused].status is AttendanceStatus.ABSENT_UNEXCUSED
    assert editor.content.agenda_model.rows[-1] == "Bàn kế hoạch trồng rừng"
    assert editor.content.speech_model.rows[-1].opinion == "Đề nghị giao cho đoàn thanh niên"
    decision = editor.votes.model.rows[0]
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (18, 1, 0)
    assert editor.tasks.model.rows[0].description == "Chuẩn bị cây giống"
    assert editor.tasks.model.rows[0].id is not None
    assert editor.quality.total.text() == "Tổng điểm: 99/100 — Xếp loại: Tốt"

    # Refused while the end time is missing: the field is named.
    seen = answer_box("Ban hành")
    qtbot.mouseClick(editor.editor_actions.finalize_button, Qt.MouseButton.LeftButton)
    actions = editor.editor_actions
    qtbot.waitUntil(lambda: actions.message_box is not None and actions.message_box.isVisible())
    assert seen and "cấp số" in seen[0]
    assert actions.message_box is not None
    assert "Chưa có giờ kết thúc" in actions.message_box.informativeText()
    actions.message_box.accept()
    assert not editor.general.end.isReadOnly()

    editor.tabs.setCurrentWidget(editor.general)
    qtbot.keyClicks(editor.general.end, "10:00")
    answer_box("Ban hành")
    qtbot.mouseClick(actions.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.is_final)
    assert main_window.ctx.jobs.wait_idle()
    assert editor.detail is not None and editor.detail.minutes_number is not None
    number = editor.detail.minutes_number.text
    assert number.startswith("Số ") and number.endswith("-BB/CB")
    assert number in editor.state_label.text() and "Chính thức" in editor.state_label.text()
    assert editor.general.end.isReadOnly() and not actions.finalize_button.isVisible()
    assert not editor.attendance.model.flags(editor.attendance.model.index(0, STATUS)) & (
        Qt.ItemFlag.ItemIsEditable
    )

    # Print: the menu offers the minutes; the preview shows them with number and chair.
    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: actions.menu.isVisible())
    minutes = actions.menu.actions()[0]
    assert minutes.text() == "Biên bản sinh hoạt chi bộ"
    minutes.trigger()
    qtbot.waitUntil(lambda: _preview() is not None, timeout=10000)
    preview = _preview()
    assert preview is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pages.data)).pages)
    assert number in text
    chair = editor.general.chair.currentText()
    assert chair and chair in text
    preview.close()


def _preview() -> PrintPreviewDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    return next((w for w in found if w.isVisible()), None)


def _open_draft(qtbot: QtBot, window: MainWindow) -> MeetingEditor:
    screen = open_meetings(qtbot, window)
    draft = next(m for m in screen.model.rows if m.state.value == "draft")
    screen.open_meeting(draft.id)
    qtbot.waitUntil(lambda: screen.editor is not None and screen.editor.isVisible())
    assert window.ctx.jobs.wait_idle()
    assert screen.editor is not None
    return screen.editor


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_a_failed_save_keeps_the_text_and_the_next_edit_saves_it(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    editor = _open_draft(qtbot, main_window)
    assert editor.detail is not None
    meeting_id = editor.detail.id
    services = main_window.ctx.jobs.services
    assert services is not None
    # Someone deleted the draft meanwhile (another window, the command line): the save fails.
    main_window.ctx.jobs.write(lambda s: s.meetings.delete(meeting_id), lambda _c: None)
    assert main_window.ctx.jobs.wait_idle()
    editor.general.place.selectAll()
    type_text(qtbot, editor.general.place, "Nhà văn hóa mới")
    qtbot.waitUntil(lambda: editor.status_label.text().startswith("⚠ Chưa lưu được:"))
    assert editor.general.place.text() == "Nhà văn hóa mới"
    main_window.ctx.jobs.write(lambda s: s.meetings.restore(meeting_id), lambda _c: None)
    assert main_window.ctx.jobs.wait_idle()
    type_text(qtbot, editor.general.place, " thôn")
    qtbot.waitUntil(lambda: editor.status_label.text().startswith("Đã lưu lúc"))
    assert services.meetings.get(meeting_id).data.place == "Nhà văn hóa mới thôn"


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_closing_the_window_saves_what_was_just_typed(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    editor = _open_draft(qtbot, main_window)
    assert editor.detail is not None
    meeting_id = editor.detail.id
    editor.tabs.setCurrentWidget(editor.next)
    editor.next.next_topic.selectAll()
    type_text(qtbot, editor.next.next_topic, "Sơ kết năm")
    main_window.close()  # well before the idle save would run
    assert main_window.ctx.jobs.wait_idle()
    services = main_window.ctx.jobs.services
    assert services is not None
    assert services.meetings.get(meeting_id).data.next_topic == "Sơ kết năm"
