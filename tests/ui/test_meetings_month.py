"""A month of the secretary's work in the GUI (issue #3, "done when"): she plans the quarter's
thematic topic, starts the month's combined meeting from the previous one, reports last
month's tasks, records and scores the meeting, sets the next one, makes the minutes final and
prints the minutes, the resolution and the score sheet, saving one as PDF. Keyboard and mouse
only, over the demo cell; the documents' text is read back from the PDFs."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingKind
from app.l10n import format_date
from app.meeting_labels import meeting_kind_label
from app.services.meeting_dto import MeetingState, TaskStatus
from app.services.meetings import quarter_of
from app.ui.printing.preview import PrintPreviewDialog
from app.ui.screens.meetings import MeetingsScreen
from app.ui.screens.meetings.editor import MeetingEditor
from app.ui.screens.meetings.tab_content import PROGRESS
from app.ui.screens.meetings.tab_votes import ABSTAIN, AGAINST, FOR
from app.ui.shell import MainWindow
from tests.ui.conftest import ModalAnswers, type_text
from tests.ui.test_meetings_editor import (
    ENTER,
    OFFSCREEN_ONLY,
    answer_box,
    commit,
    fill_general,
    open_meetings,
    refocus,
    score_everything,
    type_in_cell,
    type_in_new_row,
)

TOPIC = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đoàn kết"
NEXT_TOPIC = "Sơ kết công tác quý"
SHEET = "Bảng tự chấm điểm chất lượng sinh hoạt"


def plan_the_quarter(qtbot: QtBot, screen: MeetingsScreen, quarter: int) -> None:
    qtbot.mouseClick(screen.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.plan_dialog is not None and screen.plan_dialog.isVisible())
    assert screen.plan_dialog is not None
    line = screen.plan_dialog.topics[quarter]
    line.selectAll()
    type_text(qtbot, line, TOPIC)
    qtbot.keyClick(line, ENTER)
    qtbot.waitUntil(lambda: screen.message.label.text() == "Đã lưu kế hoạch sinh hoạt chuyên đề.")


def start_combined(qtbot: QtBot, window: MainWindow, day: dt.date) -> MeetingEditor:
    screen = window.screen_at(2)
    assert isinstance(screen, MeetingsScreen)
    qtbot.mouseClick(screen.new_regular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.new_dialog is not None and screen.new_dialog.isVisible())
    dialog = screen.new_dialog
    assert dialog is not None
    # Regular is proposed; two steps down is "Thường kỳ kết hợp chuyên đề".
    dialog.kind_choice.setFocus()
    qtbot.keyClick(dialog.kind_choice, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind_choice, Qt.Key.Key_Down)
    assert dialog.kind_choice.currentText() == meeting_kind_label(MeetingKind.COMBINED)
    dialog.date.setFocus()
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, format_date(day))
    qtbot.keyClick(dialog.date, ENTER)
    qtbot.waitUntil(lambda: screen.editor is not None and screen.editor.isVisible())
    assert window.ctx.jobs.wait_idle()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert screen.editor is not None
    return screen.editor


def report_first_task_done(qtbot: QtBot, editor: MeetingEditor) -> str:
    editor.tabs.setCurrentWidget(editor.content)
    follow = editor.content.follow_ups
    model = follow.model
    carried = [i for i, f in enumerate(model.rows) if f.status is TaskStatus.OPEN]
    assert carried, "the previous meeting's tasks are carried as follow-ups"
    row = carried[0]
    type_in_cell(qtbot, follow.table, model.index(row, 1), "Đã hoàn thành đúng hạn")
    follow.table.setFocus()
    follow.table.setCurrentIndex(model.index(row, PROGRESS))
    qtbot.keyClick(follow.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Đang thực hiện" -> "Đã xong"
    commit(qtbot, combo)
    assert model.rows[row].status is TaskStatus.DONE
    return model.rows[row].task_text


def record_vote_task_and_next(qtbot: QtBot, editor: MeetingEditor, next_day: dt.date) -> None:
    general = editor.general
    editor.tabs.setCurrentWidget(general)
    general.end.setFocus()
    general.end.selectAll()
    qtbot.keyClicks(general.end, "10:00")
    assert general.duration.text() == "150 phút"
    editor.tabs.setCurrentWidget(editor.votes)
    type_in_new_row(qtbot, editor.votes.decisions.add_button, "Thông qua Nghị quyết tháng")
    table, model = editor.votes.decisions.table, editor.votes.model
    for column, votes in ((FOR, "18"), (AGAINST, "0"), (ABSTAIN, "0")):
        type_in_cell(qtbot, table, model.index(0, column), votes)
    editor.tabs.setCurrentWidget(editor.tasks)
    members = editor.attendance.members()
    type_in_new_row(qtbot, editor.tasks.tasks.add_button, members[5][1])
    type_in_cell(
        qtbot, editor.tasks.tasks.table, editor.tasks.model.index(0, 1), "Rà soát hộ nghèo"
    )
    editor.tabs.setCurrentWidget(editor.next)
    editor.next.next_date.setFocus()
    editor.next.next_date.selectAll()
    qtbot.keyClicks(editor.next.next_date, format_date(next_day))
    editor.next.next_topic.setFocus()
    type_text(qtbot, editor.next.next_topic, NEXT_TOPIC)


def finalize(qtbot: QtBot, editor: MeetingEditor) -> str:
    answer_box("Ban hành")
    qtbot.mouseClick(editor.editor_actions.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.is_final, timeout=10000)
    assert editor.ctx.jobs.wait_idle()
    assert editor.detail is not None and editor.detail.resolution_number is not None
    return editor.detail.resolution_number.text


def print_from_menu(qtbot: QtBot, editor: MeetingEditor, label: str) -> PrintPreviewDialog:
    actions = editor.editor_actions
    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: actions.menu.isVisible())
    labels = [a.text() for a in actions.menu.actions()]
    assert labels == ["Biên bản sinh hoạt chi bộ", "Nghị quyết hoặc kết luận", SHEET]
    action = next(a for a in actions.menu.actions() if a.text() == label)
    action.trigger()
    qtbot.waitUntil(lambda: _preview() is not None, timeout=10000)
    preview = _preview()
    assert preview is not None
    return preview


def _leave_open(_widget: QWidget) -> None:
    """Dialogs this test drives itself are left for it to answer."""


def _preview() -> PrintPreviewDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    return next((w for w in found if w.isVisible()), None)


def _lines(data: bytes) -> list[str]:
    lines: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_a_month_planned_recorded_scored_and_printed_in_the_gui(
    qtbot: QtBot, main_window: MainWindow, modal_answers: ModalAnswers, tmp_path: Path
) -> None:
    services = main_window.ctx.jobs.services
    assert services is not None
    modal_answers.answer = _leave_open  # only the file dialog below is answered here
    day = services.today()  # held today, made final today
    # The demo prepared this month's meeting as a draft; this month it is held today instead.
    for meeting in services.meetings.list(day.year):
        if meeting.state is MeetingState.DRAFT:
            services.meetings.delete(meeting.id)
    screen = open_meetings(qtbot, main_window)
    screen.year.setValue(day.year)
    assert main_window.ctx.jobs.wait_idle()
    plan_the_quarter(qtbot, screen, quarter_of(day))

    editor = start_combined(qtbot, main_window, day)
    assert editor.general.topic.text() == TOPIC  # taken from the plan
    presenter = editor.attendance.members()[2]
    line = editor.general.presenter.lineEdit()
    assert line is not None
    type_text(qtbot, line, presenter[1])
    refocus(qtbot, main_window)
    done_task = report_first_task_done(qtbot, editor)
    fill_general(qtbot, editor, editor.attendance.members()[3][1])
    record_vote_task_and_next(qtbot, editor, day + dt.timedelta(days=30))
    score_everything(qtbot, editor)
    resolution_number = finalize(qtbot, editor)
    meeting_id = editor.detail.id if editor.detail else 0

    # The documents, read back from the preview's PDF: header, number, signature, Nơi nhận.
    preview = print_from_menu(qtbot, editor, "Nghị quyết hoặc kết luận")
    lines = _lines(preview.pages.data)
    assert lines[:2] == ["ĐẢNG BỘ XÃ LŨNG CÚ", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert resolution_number in lines and "NGHỊ QUYẾT" in lines
    assert lines[-6:-1] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
    ]
    target = tmp_path / "nghị quyết.pdf"

    def choose(widget: QWidget) -> None:
        if not isinstance(widget, QFileDialog):
            return  # the preview itself, until the file dialog opens over it
        widget.setDirectory(str(tmp_path))
        name = widget.findChild(QLineEdit, "fileNameEdit")
        name.clear()
        type_text(qtbot, name, target.name)
        qtbot.keyClick(name, ENTER)

    modal_answers.answer = choose
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.jobs.wait_idle()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == preview.pages.data
    modal_answers.answer = _leave_open
    preview.close()
    refocus(qtbot, main_window)

    sheet = print_from_menu(qtbot, editor, SHEET)
    sheet_lines = _lines(sheet.pages.data)
    assert "BẢNG TỰ CHẤM ĐIỂM" in sheet_lines
    assert "Tổng số điểm: 99/100 điểm; xếp loại: Tốt." in sheet_lines
    sheet.close()
    refocus(qtbot, main_window)

    # Back in the list: the banner announces the next meeting typed in this one.
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.jobs.wait_idle()
    next_day = day + dt.timedelta(days=30)
    assert format_date(next_day) in screen.banner_text.text()
    assert screen.banner_text.text().endswith(f"Chủ đề: {NEXT_TOPIC}")
    # The task reported done is not carried again; the new meeting's own task is.
    follow_ups = services.meetings.start(MeetingKind.REGULAR, next_day).data.follow_ups
    assert done_task not in [f.task_text for f in follow_ups]
    assert "Rà soát hộ nghèo" in [f.task_text for f in follow_ups]
    held = services.meetings.get(meeting_id)
    assert held.is_final and held.data.presenter_id == presenter[0]
