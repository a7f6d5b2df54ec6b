"""The meeting tables' models (qtmodeltester), the roll-call keys and the small parsers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.meeting_record import DecisionKind, DecisionOutcome, DecisionRecord
from app.domain.meetings import AttendanceStatus, MeetingKind, score_quality
from app.domain.members import MembershipStatus
from app.domain.profile import load_profile
from app.services.facade import Services, default_profile_path
from app.services.meeting_dto import (
    AttendanceRow,
    FollowUpInput,
    MeetingInput,
    MeetingState,
    MeetingSummary,
    TaskInput,
    TaskStatus,
    UpcomingMeeting,
)
from app.ui.screens.meetings.fields import parse_time
from app.ui.screens.meetings.list_model import meeting_columns, upcoming_text
from app.ui.screens.meetings.rows_model import RowsModel
from app.ui.screens.meetings.tab_attendance import (
    STATUS,
    AttendanceTab,
    attendance_columns,
    next_status,
    status_for_letter,
)
from app.ui.screens.meetings.tab_content import PROGRESS, follow_up_columns
from app.ui.screens.meetings.tab_general import GeneralTab
from app.ui.screens.meetings.tab_quality import QualityRow, quality_columns, total_text
from app.ui.screens.meetings.tab_votes import (
    TasksTab,
    decision_columns,
    outcome_text,
    task_columns,
)


def _attendance() -> list[AttendanceRow]:
    return [
        AttendanceRow(1, "Sùng Mí Páo", MembershipStatus.FULL, AttendanceStatus.PRESENT, ""),
        AttendanceRow(2, "Lý Thị Mai", MembershipStatus.PROBATIONARY, None, ""),
        AttendanceRow(3, "Vàng Mí Lử", MembershipStatus.FULL, AttendanceStatus.EXEMPT, ""),
    ]


def test_every_meeting_model_passes_the_model_tester(qtmodeltester, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(data_dir)
    try:
        scheme = services.profile.meetings.quality.value
    finally:
        services.close()
    outcome = DecisionOutcome(9, 5, True, "Điều lệ")
    models: list[RowsModel[object]] = [
        RowsModel(attendance_columns()),  # type: ignore[arg-type]
        RowsModel(decision_columns(lambda _d: outcome, lambda: 9)),  # type: ignore[arg-type]
        RowsModel(task_columns()),  # type: ignore[arg-type]
        RowsModel(quality_columns()),  # type: ignore[arg-type]
        RowsModel(meeting_columns()),  # type: ignore[arg-type]
    ]
    rows: list[list[object]] = [
        list(_attendance()),
        [DecisionRecord("Thông qua nghị quyết", DecisionKind.ORDINARY, 8, 1, 0)],
        [TaskInput("Chuẩn bị cây giống", 1, "Sùng Mí Páo", dt.date(2026, 12, 1))],
        [QualityRow(c, c.max_points) for c in scheme.criteria],
        [
            MeetingSummary(
                1,
                MeetingKind.REGULAR,
                dt.date(2026, 11, 3),
                "",
                MeetingState.FINAL,
                22,
                27,
                92,
                "Tốt",
                "Số 05-BB/CB",
                "Số 04-NQ/CB",
            )
        ],
    ]
    for model, items in zip(models, rows, strict=True):
        model.set_rows(items)
        qtmodeltester.check(model, force_py=True)
        model.append(items[0])
        model.move(0, 1)
        model.remove(0)
        qtmodeltester.check(model, force_py=True)


def test_a_model_edit_makes_a_new_row_and_read_only_refuses(qtbot: QtBot) -> None:
    model: RowsModel[AttendanceRow] = RowsModel(attendance_columns())
    model.set_rows(_attendance())
    with qtbot.waitSignal(model.edited):
        assert model.setData(model.index(1, STATUS), AttendanceStatus.ABSENT_EXCUSED.value)
    assert model.rows[1].status is AttendanceStatus.ABSENT_EXCUSED
    assert model.index(1, STATUS).data() == "Vắng có lý do"
    model.read_only = True
    assert not model.setData(model.index(1, STATUS), AttendanceStatus.PRESENT.value)
    assert not model.flags(model.index(1, STATUS)) & Qt.ItemFlag.ItemIsEditable


def test_only_a_carried_task_has_a_progress_to_mark(qtbot: QtBot) -> None:
    model: RowsModel[FollowUpInput] = RowsModel(follow_up_columns())
    model.set_rows(
        [
            FollowUpInput("Sửa đường liên thôn", "", 7, TaskStatus.OPEN),
            FollowUpInput("Việc ghi thêm", "Đã làm"),
        ]
    )
    assert model.index(0, PROGRESS).data() == "Đang thực hiện"
    assert model.flags(model.index(0, PROGRESS)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.edited):
        assert model.setData(model.index(0, PROGRESS), TaskStatus.DONE.value)
    assert model.rows[0].status is TaskStatus.DONE
    assert model.index(0, PROGRESS).data() == "Đã xong"
    # An item typed by hand follows no task: nothing to mark, the cell stays empty.
    assert model.index(1, PROGRESS).data() == ""
    assert not model.flags(model.index(1, PROGRESS)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(1, PROGRESS), TaskStatus.DONE.value)


def test_a_saved_task_id_arriving_while_typing_keeps_the_open_editor(qtbot: QtBot) -> None:
    """The autosave's answer (the new task's id) comes back while the secretary is typing the
    task in the same row: the cell editor must keep what she typed."""
    tab = TasksTab(lambda: [(12, "Lù Văn Dân")])
    qtbot.addWidget(tab)
    tab.show()
    tab.model.set_rows([TaskInput("", assignee_id=12, assignee_name="Lù Văn Dân")])
    key = tab.model.keys[0]
    table = tab.tasks.table
    index = tab.model.index(0, 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index) or QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Chuẩn bị cây giống")
    with qtbot.assertNotEmitted(tab.model.dataChanged):
        tab.model.replace_by_key(key, lambda row: replace(row, id=37))
    assert editor.text() == "Chuẩn bị cây giống"
    assert tab.model.rows[0].id == 37
    # A change that is shown is still announced.
    with qtbot.waitSignal(tab.model.dataChanged):
        tab.model.replace_by_key(key, lambda row: replace(row, assignee_name="Lù Văn Dần"))


def test_space_and_letters_choose_the_attendance() -> None:
    assert next_status(None) is AttendanceStatus.PRESENT
    assert next_status(AttendanceStatus.ATTACHED_ELSEWHERE) is AttendanceStatus.PRESENT
    assert status_for_letter("v", AttendanceStatus.PRESENT) is AttendanceStatus.ABSENT_EXCUSED
    assert (
        status_for_letter("V", AttendanceStatus.ABSENT_EXCUSED) is AttendanceStatus.ABSENT_UNEXCUSED
    )
    assert status_for_letter("m", None) is AttendanceStatus.EXEMPT
    assert status_for_letter("s", None) is AttendanceStatus.ATTACHED_ELSEWHERE
    assert status_for_letter("c", None) is AttendanceStatus.PRESENT
    assert status_for_letter("z", None) is None


def test_counts_and_denominator_follow_the_roll_call(qtbot: QtBot) -> None:
    tab = AttendanceTab()
    qtbot.addWidget(tab)
    tab.load(tuple(_attendance()))
    assert "Chưa điểm danh: 1" in tab.counts.text()
    # Full members only, the exempt absent one left out (rule 11).
    assert tab.denominator() == 1
    tab.model.setData(tab.model.index(2, STATUS), AttendanceStatus.PRESENT.value)
    assert tab.denominator() == 2
    assert tab.counts.text().startswith("Tổng số: 3 · Chính thức: 2 · Dự bị: 0 · Có mặt: 2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", dt.time(7, 30)),
        ("07:30", dt.time(7, 30)),
        ("7h30", dt.time(7, 30)),
        ("7g30", dt.time(7, 30)),
        ("0730", dt.time(7, 30)),
        ("14", dt.time(14, 0)),
        ("", None),
    ],
)
def test_times_are_read_as_people_type_them(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "7:75", "sáng", "7:30:15"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


def test_results_and_banner_are_words() -> None:
    assert outcome_text(DecisionOutcome(9, 5, True, "")) == "Thông qua (cần ít nhất 5/9 tán thành)"
    assert (
        outcome_text(DecisionOutcome(9, 5, False, ""))
        == "Không thông qua (cần ít nhất 5/9 tán thành)"
    )
    upcoming = UpcomingMeeting(dt.date(2026, 12, 3), "", 2, True, False, True)
    assert upcoming_text(upcoming) == "Kỳ sinh hoạt tới: thứ Năm, 03/12/2026 — còn 2 ngày"


def test_an_unscored_sheet_says_so_instead_of_rating_it_poor() -> None:
    scheme = load_profile(default_profile_path()).meetings.quality.value
    assert total_text(score_quality({}, scheme), scheme, scored=0) == (
        "Tổng điểm: chưa chấm — hãy nhập điểm của từng tiêu chí."
    )
    scores = {c.code: c.max_points for c in scheme.criteria}
    assert total_text(score_quality(scores, scheme), scheme, scored=len(scores)) == (
        "Tổng điểm: 100/100 — Xếp loại: Tốt"
    )


SHORTER = "ngắn hơn thời lượng tối thiểu"


@pytest.mark.parametrize(
    ("kind", "start", "end", "expected"),
    [
        (MeetingKind.REGULAR, "08:00", "", ""),
        (MeetingKind.REGULAR, "08:00", "10:00", "120 phút"),
        (
            MeetingKind.REGULAR,
            "08:00",
            "09:15",
            "⚠ 75 phút — ngắn hơn thời lượng tối thiểu 90 phút",
        ),
        (
            MeetingKind.COMBINED,
            "08:00",
            "09:45",
            "⚠ 105 phút — ngắn hơn thời lượng tối thiểu 120 phút",
        ),
        (MeetingKind.EXTRAORDINARY, "08:00", "08:40", "40 phút"),
        (MeetingKind.REGULAR, "10:00", "09:00", "⚠ Giờ kết thúc phải sau giờ bắt đầu."),
    ],
)
def test_the_duration_shows_as_the_times_are_typed(
    qtbot: QtBot, kind: MeetingKind, start: str, end: str, expected: str
) -> None:
    tab = GeneralTab()
    qtbot.addWidget(tab)
    tab.rules = load_profile(default_profile_path()).meetings
    tab.load(MeetingInput(kind=kind, date=dt.date(2026, 3, 3)))
    qtbot.keyClicks(tab.start, start)
    qtbot.keyClicks(tab.end, end)
    assert tab.duration.text() == expected
