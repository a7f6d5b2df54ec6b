"""Meetings through the services, on a real SQLite file: start from the previous meeting,
autosave, finalize with register numbers, delete and restore, votes, quality, findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.domain.meeting_record import DecisionKind, DecisionRecord
from app.domain.meetings import AttendanceStatus as A
from app.domain.meetings import MeetingKind
from app.domain.members import EventKind, MembershipStatus, StatusEvent
from app.l10n import render
from app.services.dto import CellInput, CellType
from app.services.errors import NotFoundError, UserError, ValidationError
from app.services.facade import Services
from app.services.meeting_dto import (
    GuestInput,
    MeetingDetail,
    MeetingState,
    ResolutionKind,
    SpeechInput,
    TaskInput,
    TaskStatus,
)
from tests.integration.records import person

TODAY = dt.date(2026, 11, 23)
TERM = dt.date(2025, 10, 1)
FULL_SCORES = {
    "time": 5,
    "attendance": 5,
    "preparation": 9,
    "conduct": 36,
    "principles": 5,
    "results": 27,
    "closing": 5,
}


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def cell(services: Services) -> dict[str, int]:
    """A cell of 5 on the register: secretary, 2 full members, one attached elsewhere, one
    exempted, one probationer; and one member who left before the meetings."""
    ids = {
        "bi_thu": services.members.create(person("Vàng Seo Dính")).id,
        "an": services.members.create(person("Lò Văn An")).id,
        "binh": services.members.create(person("Sùng Thị Bình")).id,
        "cuong": services.members.create(
            person(
                "Nguyễn Văn Cường",
                events=(StatusEvent(EventKind.ATTACH_ELSEWHERE, dt.date(2026, 1, 10)),),
            )
        ).id,
        "dung": services.members.create(
            person("Giàng A Dũng", events=(StatusEvent(EventKind.EXEMPT, dt.date(2025, 6, 1)),))
        ).id,
        "em": services.members.create(
            person(
                "Lò Thị Em",
                status=MembershipStatus.PROBATIONARY,
                admission_date=dt.date(2026, 5, 4),
                ceremony_date=dt.date(2026, 5, 19),
                recognition_date=None,
            )
        ).id,
        "gone": services.members.create(
            person(
                "Trần Văn Xa",
                events=(StatusEvent(EventKind.TRANSFER_OUT, dt.date(2025, 12, 1)),),
            )
        ).id,
    }
    services.cell.save(
        CellInput(
            name="Chi bộ thôn Lô Lô Chải",
            superior_committee="Đảng ủy xã Lũng Cú",
            superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
            place_name="Lũng Cú",
            cell_type=CellType.VILLAGE,
            term_start=TERM,
            term_end=dt.date(2030, 9, 30),
            secretary_id=ids["bi_thu"],
        )
    )
    return ids


def _complete(services: Services, detail: MeetingDetail, **changes: object) -> MeetingDetail:
    """Fill in what final minutes need, then `changes`."""
    data = dataclasses.replace(
        detail.data,
        start=dt.time(8, 0),
        end=dt.time(10, 0),
        minute_taker_name="Lò Văn An",
        decisions=(DecisionRecord("Thông qua nghị quyết tháng", DecisionKind.ORDINARY, 3, 0, 0),),
        quality_scores=FULL_SCORES,
    )
    return services.meetings.save_draft(detail.id, dataclasses.replace(data, **changes))


def _finalized(services: Services, day: dt.date, **changes: object) -> MeetingDetail:
    detail = _complete(services, services.meetings.start(MeetingKind.REGULAR, day), **changes)
    return services.meetings.finalize(detail.id, day)


# --- start -------------------------------------------------------------------------------------


def test_start_takes_the_register_the_secretary_and_the_cell(
    services: Services, cell: dict[str, int]
) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    assert detail.state is MeetingState.DRAFT and not detail.is_final
    rows = {row.full_name: row for row in detail.attendance}
    assert "Trần Văn Xa" not in rows  # transferred out before the meeting
    assert rows["Nguyễn Văn Cường"].status is A.ATTACHED_ELSEWHERE
    assert rows["Giàng A Dũng"].status is A.EXEMPT
    assert rows["Lò Thị Em"].status is A.PRESENT
    assert rows["Lò Thị Em"].membership is MembershipStatus.PROBATIONARY
    assert detail.attendance[0].full_name == "Lò Văn An"  # Vietnamese name order
    assert detail.data.chair_id == cell["bi_thu"]
    assert detail.data.place == "Lũng Cú"
    assert detail.data.resolution_kind is ResolutionKind.RESOLUTION
    assert (detail.counts.total, detail.counts.full, detail.counts.probationary) == (6, 5, 1)
    assert (detail.counts.present, detail.counts.exempt, detail.counts.attached_elsewhere) == (
        4,
        1,
        1,
    )
    # 5 full members, minus one attached elsewhere, minus one exempted and absent.
    assert detail.denominator == 3


def test_start_carries_the_previous_meeting_forward(
    services: Services, cell: dict[str, int]
) -> None:
    first = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    first = services.meetings.save_draft(
        first.id,
        dataclasses.replace(
            first.data,
            place="Nhà văn hóa thôn",
            start=dt.time(19, 30),
            agenda=("Điểm danh", "Báo cáo tình hình tháng"),
            tasks=(
                TaskInput("Sửa đường liên thôn", cell["an"], deadline=dt.date(2026, 3, 30)),
                TaskInput("Thu đảng phí quý I", cell["binh"], status=TaskStatus.DONE),
            ),
        ),
    )
    task_ids = [t.id for t in first.data.tasks]
    second = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 4, 3))
    assert second.data.agenda == ("Điểm danh", "Báo cáo tình hình tháng")
    assert second.data.place == "Nhà văn hóa thôn"
    assert second.data.start == dt.time(19, 30)
    assert [(f.task_text, f.result, f.source_task_id) for f in second.data.follow_ups] == [
        ("Sửa đường liên thôn", "", task_ids[0]),
        ("Thu đảng phí quý I", "", task_ids[1]),
    ]
    # The third meeting carries the open task again (through the second's follow-up), not
    # the done one; the second meeting assigned no task of its own.
    third = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 5, 3))
    assert [(f.task_text, f.source_task_id) for f in third.data.follow_ups] == [
        ("Sửa đường liên thôn", task_ids[0])
    ]


def test_a_task_reported_done_at_the_next_meeting_is_not_carried_again(
    services: Services, cell: dict[str, int]
) -> None:
    tasks = (
        TaskInput("Sửa đường liên thôn", cell["an"], deadline=dt.date(2026, 3, 30)),
        TaskInput("Vận động con em đi học", cell["binh"]),
    )
    first = _finalized(services, dt.date(2026, 3, 3), tasks=tasks)
    assert first.is_final  # its tasks can no longer be edited in its own minutes
    second = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 4, 3))
    assert [f.status for f in second.data.follow_ups] == [TaskStatus.OPEN, TaskStatus.OPEN]
    done, still_open = second.data.follow_ups
    reported = (
        dataclasses.replace(done, result="Đã sửa xong", status=TaskStatus.DONE),
        dataclasses.replace(still_open, result="Còn 2 hộ"),
    )
    saved = services.meetings.save_draft(
        second.id, dataclasses.replace(second.data, follow_ups=reported)
    )
    assert [f.status for f in saved.data.follow_ups] == [TaskStatus.DONE, TaskStatus.OPEN]
    # The task's progress is kept on the task: the final minutes show it, their text unchanged.
    again = services.meetings.get(first.id)
    assert [t.status for t in again.data.tasks] == [TaskStatus.DONE, TaskStatus.OPEN]
    assert again.is_final
    third = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 5, 3))
    assert [(f.task_text, f.status) for f in third.data.follow_ups] == [
        ("Vận động con em đi học", TaskStatus.OPEN)
    ]


def test_a_thematic_meeting_in_between_does_not_hide_last_months_tasks(
    services: Services, cell: dict[str, int]
) -> None:
    task = TaskInput("Sửa đường liên thôn", cell["an"], deadline=dt.date(2026, 3, 30))
    regular = _finalized(services, dt.date(2026, 3, 3), tasks=(task,), agenda=("Điểm danh",))
    services.meetings.start(MeetingKind.THEMATIC, dt.date(2026, 3, 20))
    april = services.meetings.start(MeetingKind.COMBINED, dt.date(2026, 4, 3))
    assert [f.source_task_id for f in april.data.follow_ups] == [regular.data.tasks[0].id]
    assert april.data.agenda == ("Điểm danh",)
    # A thematic meeting starts from the last thematic one (none here): nothing to follow up.
    thematic = services.meetings.start(MeetingKind.THEMATIC, dt.date(2026, 4, 20))
    assert thematic.data.follow_ups == () and thematic.data.agenda == ()


def test_a_thematic_meeting_takes_the_planned_topic(
    services: Services, cell: dict[str, int]
) -> None:
    plan = services.meetings.set_plan(2026, 2, "Học tập và làm theo tư tưởng Hồ Chí Minh")
    assert plan.topic(2) == "Học tập và làm theo tư tưởng Hồ Chí Minh"
    topics = [(p.quarter, p.topic) for p in services.meetings.plan(2026).quarters]
    assert topics == [(1, ""), (2, plan.topic(2)), (3, ""), (4, "")]
    detail = services.meetings.start(MeetingKind.THEMATIC, dt.date(2026, 5, 15))
    assert detail.data.topic == "Học tập và làm theo tư tưởng Hồ Chí Minh"
    assert detail.data.resolution_kind is ResolutionKind.NONE
    services.meetings.set_plan(2026, 2, "")
    assert services.meetings.plan(2026).topic(2) == ""
    with pytest.raises(ValidationError) as caught:
        services.meetings.set_plan(2026, 5, "Chủ đề")
    assert caught.value.message == "Quý phải là 1, 2, 3 hoặc 4, không phải 5."


# --- autosave ----------------------------------------------------------------------------------


def test_autosave_keeps_incomplete_and_impossible_input(
    services: Services, cell: dict[str, int]
) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    typed = dataclasses.replace(
        detail.data,
        date=None,
        chair_id=None,
        topic=unicodedata.normalize("NFD", "Tình hình an ninh thôn"),
        guests=(GuestInput("Hoàng Văn Khải", "Đảng ủy viên, Đảng ủy xã Lũng Cú"),),
        speeches=(SpeechInput("Lò Văn An", "Đề nghị sửa đường", cell["an"]),),
        decisions=(DecisionRecord("Sửa đường liên thôn", DecisionKind.ORDINARY, 9, None, None),),
        quality_scores={"time": 7},
    )
    saved = services.meetings.save_draft(detail.id, typed)
    again = services.meetings.get(detail.id)
    assert again.data == saved.data
    assert again.data.topic == "Tình hình an ninh thôn"
    assert unicodedata.is_normalized("NFC", again.data.topic)
    assert again.data.quality_scores == {"time": 7}
    assert again.data.guests == typed.guests
    assert not again.can_finalize
    assert again.quality.total is None  # a score above its maximum cannot be trusted
    blocked = {p.field for p in again.problems if p.severity is Severity.BLOCK}
    assert {"date", "chair", "minute_taker", "end_time", "decision.0", "quality.time"} <= blocked
    with sqlite3.connect(services.paths.database) as conn:
        audit = conn.execute(
            "SELECT action, entity, entity_id, detail FROM audit_log WHERE entity='meetings'"
        ).fetchall()
    conn.close()
    assert audit == [
        ("start", "meetings", detail.id, "kind=regular"),
        ("save_draft", "meetings", detail.id, ""),
    ]


def test_task_ids_stay_stable_across_saves(services: Services, cell: dict[str, int]) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    saved = services.meetings.save_draft(
        detail.id,
        dataclasses.replace(detail.data, tasks=(TaskInput("Việc A"), TaskInput("Việc B"))),
    )
    first_ids = [t.id for t in saved.data.tasks]
    changed = dataclasses.replace(saved.data.tasks[1], description="Việc B đã sửa")
    again = services.meetings.save_draft(
        detail.id, dataclasses.replace(saved.data, tasks=(changed,))
    )
    assert [(t.id, t.description) for t in again.data.tasks] == [(first_ids[1], "Việc B đã sửa")]


# --- finalize and numbering --------------------------------------------------------------------


def test_finalize_refuses_listing_every_missing_field(
    services: Services, cell: dict[str, int]
) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    with pytest.raises(ValidationError) as caught:
        services.meetings.finalize(detail.id, dt.date(2026, 3, 3))
    lines = caught.value.message.splitlines()
    assert "Chưa có thư ký hội nghị. Hãy chọn người ghi biên bản của buổi sinh hoạt." in lines
    assert "Chưa có giờ bắt đầu. Hãy nhập giờ bắt đầu buổi sinh hoạt." in lines
    assert "Chưa có giờ kết thúc. Hãy nhập giờ kết thúc buổi sinh hoạt." in lines
    assert services.meetings.get(detail.id).state is MeetingState.DRAFT
    assert services.documents.list() == []


def test_finalize_numbers_per_type_through_the_term_across_new_year(
    services: Services, cell: dict[str, int]
) -> None:
    november = _finalized(services, dt.date(2025, 11, 3))
    december = _finalized(services, dt.date(2025, 12, 3), resolution_kind=ResolutionKind.CONCLUSION)
    january = _finalized(services, dt.date(2026, 1, 3))
    assert november.minutes_number is not None and november.resolution_number is not None
    assert (november.minutes_number.text, november.resolution_number.text) == (
        "Số 01-BB/CB",
        "Số 01-NQ/CB",
    )
    assert december.resolution_number is not None
    assert (december.minutes_number and december.minutes_number.text) == "Số 02-BB/CB"
    assert december.resolution_number.text == "Số 01-KL/CB"
    # 1 January does not restart the numbers: the term does.
    assert january.minutes_number is not None and january.resolution_number is not None
    assert (january.minutes_number.text, january.resolution_number.text) == (
        "Số 03-BB/CB",
        "Số 02-NQ/CB",
    )
    assert january.is_final and january.finalized_at is not None
    listed = [(n.type_code, n.seq) for n in services.documents.list(TERM)]
    assert listed == [("BB", 1), ("BB", 2), ("BB", 3), ("KL", 1), ("NQ", 1), ("NQ", 2)]
    summaries = services.meetings.list(2026)
    assert [(s.minutes_number, s.resolution_number) for s in summaries] == [
        ("Số 03-BB/CB", "Số 02-NQ/CB")
    ]
    assert (summaries[0].quality_total, summaries[0].quality_band) == (92, "Tốt")


def test_a_new_term_starts_again_at_one(services: Services, cell: dict[str, int]) -> None:
    _finalized(services, dt.date(2026, 3, 3))
    services.cell.save(
        CellInput(
            name="Chi bộ thôn Lô Lô Chải",
            superior_committee="Đảng ủy xã Lũng Cú",
            superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
            place_name="Lũng Cú",
            cell_type=CellType.VILLAGE,
            term_start=dt.date(2026, 4, 1),
            secretary_id=cell["bi_thu"],
        )
    )
    detail = _finalized(services, dt.date(2026, 4, 3))
    assert detail.minutes_number is not None and detail.minutes_number.text == "Số 01-BB/CB"


def test_duplicate_numbers_are_impossible(services: Services, cell: dict[str, int]) -> None:
    _finalized(services, dt.date(2026, 3, 3))
    with sqlite3.connect(services.paths.database) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO document_number (type_code, term_start, seq, document_kind, issued_on,"
            " created_at) VALUES ('BB', ?, 1, 'minutes', '2026-03-04', '2026-03-04 00:00:00')",
            (TERM.isoformat(),),
        )
    conn.close()


def test_final_minutes_are_read_only(services: Services, cell: dict[str, int]) -> None:
    detail = _finalized(services, dt.date(2026, 3, 3))
    message = "Biên bản này đã chính thức, không thể sửa hay xóa nữa."
    for action in (
        lambda: services.meetings.save_draft(detail.id, detail.data),
        lambda: services.meetings.finalize(detail.id, dt.date(2026, 3, 4)),
        lambda: services.meetings.delete(detail.id),
    ):
        with pytest.raises(UserError) as caught:
            action()
        assert caught.value.message == message


def test_finalize_needs_the_term_dates(services: Services, cell: dict[str, int]) -> None:
    info = services.cell.get()
    assert info is not None
    services.cell.save(dataclasses.replace(info, term_start=None, term_end=None))
    detail = _complete(services, services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3)))
    with pytest.raises(UserError) as caught:
        services.meetings.finalize(detail.id, dt.date(2026, 3, 3))
    assert "nhiệm kỳ" in caught.value.message
    assert services.meetings.get(detail.id).state is MeetingState.DRAFT


# --- delete and restore ------------------------------------------------------------------------


def test_delete_and_restore_a_draft(services: Services, cell: dict[str, int]) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 3, 3))
    services.meetings.delete(detail.id)
    assert services.meetings.list() == []
    assert [s.id for s in services.meetings.list_deleted()] == [detail.id]
    with pytest.raises(NotFoundError):
        services.meetings.save_draft(detail.id, detail.data)
    services.meetings.restore(detail.id)
    assert [s.id for s in services.meetings.list()] == [detail.id]
    with pytest.raises(NotFoundError):
        services.meetings.restore(detail.id)


# --- votes -------------------------------------------------------------------------------------


def test_vote_outcomes_count_full_members_only(services: Services, cell: dict[str, int]) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 6, 3))
    saved = services.meetings.save_draft(
        detail.id,
        dataclasses.replace(
            detail.data,
            decisions=(
                # Denominator 3 (probationer not counted, attached and exempt-absent left out).
                DecisionRecord("Nghị quyết tháng 6", DecisionKind.ORDINARY, 2, 1, 0),
                DecisionRecord("Kết nạp quần chúng A", DecisionKind.ADMISSION, 2, 0, 1),
                DecisionRecord("Công nhận chính thức", DecisionKind.RECOGNITION, 1, 1, 1),
            ),
        ),
    )
    assert saved.denominator == 3
    outcomes = [(d.outcome.required_yes, d.outcome.passed) for d in saved.decisions]
    assert outcomes == [(2, True), (2, True), (2, False)]
    assert saved.decisions[1].outcome.citation.startswith("Điều lệ Đảng 2011, Điều 4.3")
    # More votes than members who count is impossible and blocks.
    too_many = dataclasses.replace(
        saved.data, decisions=(DecisionRecord("Nghị quyết", DecisionKind.ORDINARY, 4, 0, 0),)
    )
    problems = services.meetings.save_draft(detail.id, too_many).problems
    assert any(
        p.field == "decision.0" and p.severity is Severity.BLOCK and "4 phiếu" in render(p.message)
        for p in problems
    )


def test_an_exempted_member_who_attends_counts(services: Services, cell: dict[str, int]) -> None:
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 6, 3))
    attendance = tuple(
        dataclasses.replace(a, status=A.PRESENT) if a.member_id == cell["dung"] else a
        for a in detail.data.attendance
    )
    saved = services.meetings.save_draft(
        detail.id, dataclasses.replace(detail.data, attendance=attendance)
    )
    assert saved.denominator == 4


# --- findings and the next meeting -------------------------------------------------------------


def test_meeting_findings_join_the_checks_and_the_overview(
    services: Services, cell: dict[str, int]
) -> None:
    for month in (7, 8, 10):
        detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, month, 3))
        attendance = tuple(
            dataclasses.replace(a, status=A.ABSENT_UNEXCUSED) if a.member_id == cell["an"] else a
            for a in detail.data.attendance
        )
        services.meetings.save_draft(
            detail.id,
            dataclasses.replace(
                detail.data, attendance=attendance, start=dt.time(8, 0), end=dt.time(9, 0)
            ),
        )
    rules = [(f.rule, f.subject) for f in services.checks.run()]
    assert ("meetings.unexcused_absence_months", "Lò Văn An") in rules
    assert ("meetings.regular_per_month", "") in rules  # September has no meeting
    assert ("meetings.thematic_per_quarter", "") in rules  # Q3 had no thematic meeting
    assert ("meetings.min_duration", "") in rules
    assert rules.count(("meetings.regular_per_month", "")) == 1  # June and earlier: not in the book
    overview = services.overview.get()
    assert [f.rule for f in overview.findings] == [f.rule for f in services.checks.run()]
    september = next(f for f in services.checks.run() if f.rule == "meetings.regular_per_month")
    assert render(september.message).startswith(
        "Chưa có biên bản sinh hoạt thường kỳ tháng 09/2026"
    )


def test_upcoming_meeting_and_its_reminder(services: Services, cell: dict[str, int]) -> None:
    empty = services.meetings.upcoming(dt.date(2026, 11, 23))
    assert (empty.date, empty.from_previous) == (dt.date(2026, 12, 3), False)
    assert (empty.days_left, empty.remind, empty.overdue) == (10, False, False)
    detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 11, 3))
    services.meetings.save_draft(
        detail.id,
        dataclasses.replace(detail.data, next_date=dt.date(2026, 12, 5), next_topic="Tổng kết năm"),
    )
    planned = services.meetings.upcoming(dt.date(2026, 11, 30))
    assert (planned.date, planned.topic, planned.from_previous) == (
        dt.date(2026, 12, 5),
        "Tổng kết năm",
        True,
    )
    assert (planned.days_left, planned.remind) == (5, True)
    late = services.meetings.upcoming(dt.date(2026, 12, 8))
    assert late.overdue and late.remind


def test_a_draft_prepared_for_a_coming_day_is_the_next_meeting(
    services: Services, cell: dict[str, int]
) -> None:
    held = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 11, 3))
    services.meetings.save_draft(
        held.id,
        dataclasses.replace(held.data, next_date=dt.date(2026, 12, 3), next_topic="Tháng 12"),
    )
    # The December meeting is prepared before it is held: it stays the next one, with a
    # reminder, instead of being taken for a meeting already held.
    prepared = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 12, 3))
    upcoming = services.meetings.upcoming(dt.date(2026, 12, 2))
    assert (upcoming.date, upcoming.topic, upcoming.meeting_id) == (
        dt.date(2026, 12, 3),
        "Tháng 12",
        prepared.id,
    )
    assert (upcoming.days_left, upcoming.remind, upcoming.from_previous) == (1, True, True)
    # Once its day has passed it counts as held: the next one is January's default day.
    after = services.meetings.upcoming(dt.date(2026, 12, 4))
    assert (after.date, after.meeting_id, after.remind) == (dt.date(2027, 1, 3), None, False)


def test_the_reminder_joins_the_overview_and_the_checks(
    services: Services, cell: dict[str, int]
) -> None:
    services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 11, 3))
    findings = services.checks.run(dt.date(2026, 11, 28))
    reminder = next(f for f in findings if f.rule == "meetings.reminder_days")
    assert reminder.severity is Severity.INFO
    assert render(reminder.message).startswith("Kỳ sinh hoạt thường kỳ tới vào ngày 03/12/2026")
    assert reminder.citation == "Điều lệ Đảng 2011, Điều 24.2"
    assert "meetings.reminder_days" not in [f.rule for f in services.checks.run(TODAY)]
    overdue = services.checks.run(dt.date(2026, 12, 6))
    assert any(
        render(f.message).startswith("Buổi sinh hoạt thường kỳ dự kiến ngày 03/12/2026 chưa")
        for f in overdue
    )
    # The meetings screen shows the reminder in its banner, not twice.
    screen = services.meetings.findings(dt.date(2026, 11, 28))
    assert "meetings.reminder_days" not in [f.rule for f in screen]


def test_the_meetings_screen_warns_of_a_cell_too_small_to_decide(data_dir: Path) -> None:
    small = Services.open(data_dir, today=lambda: TODAY)
    try:
        small.members.create(person("Vàng Seo Dính"))
        small.members.create(person("Lò Văn An"))
        detail = small.meetings.start(MeetingKind.REGULAR, dt.date(2026, 11, 3))
        rules = [f.rule for f in small.meetings.findings()]
        assert "members.min_full_members" in rules
        warning = next(p for p in detail.problems if p.field == "attendance")
        assert warning.severity is Severity.WARN
        assert render(warning.message).startswith(
            "Danh sách điểm danh có 2 đảng viên chính thức; chi bộ cần ít nhất 3"
        )
    finally:
        small.close()
