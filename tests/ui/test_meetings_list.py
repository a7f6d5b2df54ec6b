"""The meetings list over the demo cell: the upcoming banner, delete a draft and undo, plan."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.l10n import format_date
from app.services.meeting_dto import MeetingState
from app.ui.shell import MainWindow
from tests.ui.test_meetings_editor import MEETINGS_ROW, answer_box, open_meetings


def test_the_area_sits_between_members_and_settings(main_window: MainWindow) -> None:
    titles = [area.title for area in main_window.areas]
    assert titles[1:3] == ["Đảng viên", "Sinh hoạt"] and titles[-1] == "Cài đặt"


def test_list_shows_the_year_and_the_upcoming_meeting(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    screen = open_meetings(qtbot, main_window)
    assert screen.upcoming is not None
    day = screen.upcoming.date
    weekday = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
    assert screen.banner_text.text().startswith(
        f"Kỳ sinh hoạt tới: {weekday[day.weekday()]}, {format_date(day)} — "
    )
    rows = screen.model.rows
    assert (
        rows
        and screen.count.text() == f"{len(rows)} buổi sinh hoạt trong năm {screen.year.value()}"
    )
    final = next(r for r in rows if r.state is MeetingState.FINAL)
    row = rows.index(final)
    state = screen.model.index(row, 5).data()
    assert state.startswith("Chính thức · Số ") and "-BB/CB" in state
    assert screen.model.index(row, 4).data().endswith(final.quality_band)


def test_delete_a_draft_and_undo(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_meetings(qtbot, main_window)
    rows = screen.model.rows
    draft = next(r for r in rows if r.state is MeetingState.DRAFT)
    screen.table.selectRow(rows.index(draft))
    assert screen.delete_button.isEnabled()
    seen = answer_box("Xóa")
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.jobs.wait_idle()
    assert seen and "bản dự thảo" in seen[0]
    assert draft.id not in [r.id for r in screen.model.rows]
    assert screen.message.label.text().startswith("Đã xóa bản dự thảo buổi sinh hoạt thường kỳ")
    qtbot.mouseClick(screen.message.undo_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.jobs.wait_idle()
    assert draft.id in [r.id for r in screen.model.rows]
    assert screen.message.label.text() == "Bản dự thảo đã trở lại danh sách."


def test_final_minutes_cannot_be_deleted(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_meetings(qtbot, main_window)
    rows = screen.model.rows
    final = next(r for r in rows if r.state is MeetingState.FINAL)
    screen.table.selectRow(rows.index(final))
    assert screen.open_button.isEnabled() and not screen.delete_button.isEnabled()


def test_the_thematic_plan_is_edited_by_quarter(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_meetings(qtbot, main_window)
    qtbot.mouseClick(screen.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.plan_dialog is not None and screen.plan_dialog.isVisible())
    dialog = screen.plan_dialog
    assert dialog is not None
    line = dialog.topics[4]
    line.clear()
    qtbot.keyClicks(line, "Hoc tap Nghi quyet")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert main_window.ctx.jobs.wait_idle()
    services = main_window.ctx.jobs.services
    assert services is not None
    assert services.meetings.plan(screen.year.value()).topic(4) == "Hoc tap Nghi quyet"
    assert screen.message.label.text() == "Đã lưu kế hoạch sinh hoạt chuyên đề."
    assert main_window.screen_at(MEETINGS_ROW) is screen


def test_the_findings_and_the_reminder_show_above_the_list(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    services = main_window.ctx.jobs.services
    assert services is not None
    screen = open_meetings(qtbot, main_window)
    draft = next(r for r in screen.model.rows if r.state is MeetingState.DRAFT)
    soon = services.today() + dt.timedelta(days=2)
    detail = services.meetings.get(draft.id)
    short = dataclasses.replace(detail.data, date=soon, start=dt.time(8), end=dt.time(8, 45))
    services.meetings.save_draft(draft.id, short)
    screen.refresh()
    assert main_window.ctx.jobs.wait_idle()
    assert screen.findings.isVisible()
    assert screen.findings.texts() == [
        f"Cảnh báo: Buổi sinh hoạt ngày {format_date(soon)} kéo dài 45 phút; thời lượng phải "
        "ít nhất 90 phút. (42-HD/BTCTW (28/10/2025), theo tóm tắt của luatvietnam.vn)"
    ]
    # The reminder is the banner's, with the draft prepared for that day.
    assert screen.reminder.text() == (
        "Nhắc việc: sắp đến kỳ sinh hoạt; bản dự thảo đã có trong danh sách, hãy hoàn thiện."
    )
    assert screen.banner_text.text().startswith("Kỳ sinh hoạt tới: ")
    assert screen.banner_text.text().split("\n")[0].endswith("— còn 2 ngày")
