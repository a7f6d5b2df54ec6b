"""The demo cell: realistic, consistent with the rules, deterministic, and never overwrites data
without being asked."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.domain.meetings import AttendanceStatus, MeetingKind
from app.domain.members import CellRole, EventKind, Gender, MembershipStatus, Standing
from app.services.demo import DemoRefusedError, demo_records, fill_demo
from app.services.demo_meetings import UNEXCUSED_MEMBER, quality_scores
from app.services.dto import CellType
from app.services.facade import Services
from app.services.meeting_documents import available_documents, render_meeting_document
from app.services.meeting_dto import MeetingState

TODAY = dt.date(2026, 11, 23)


def open_services(folder: Path, today: dt.date = TODAY) -> Services:
    return Services.open(folder, today=lambda: today)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = open_services(data_dir)
    yield opened
    opened.close()


def test_demo_fills_a_village_cell_with_27_members_on_the_register(services: Services) -> None:
    changes = fill_demo(services)
    assert changes.areas == frozenset({"members", "cell", "meetings"})
    cell = services.cell.get()
    assert cell is not None
    assert (cell.name, cell.superior_committee, cell.superior_body, cell.place_name) == (
        "Chi bộ thôn Lũng Cú",
        "Đảng ủy xã Lũng Cú",
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "Lũng Cú",
    )
    assert cell.cell_type == CellType.VILLAGE
    assert (cell.secretary_name, cell.deputy_name) == ("Sùng Mí Páo", "Hoàng Văn Thắng")
    on_register = services.members.list()
    everyone = services.members.list(include_former=True)
    assert len(on_register) == 27
    assert len(everyone) == 29


def test_demo_members_are_varied_like_a_highland_cell(services: Services) -> None:
    fill_demo(services)
    members = services.members.list()
    ethnicities = Counter(m.ethnicity for m in members)
    assert {"Mông", "Tày", "Dao", "Lô Lô", "Kinh", "Giáy", "Nùng"} <= set(ethnicities)
    assert ethnicities.most_common(1)[0][0] == "Mông"
    assert {m.gender for m in members} == {Gender.MALE, Gender.FEMALE}
    assert all(1950 <= m.birth_date.year <= 2003 for m in members)
    roles = Counter(m.role for m in members)
    assert roles[CellRole.SECRETARY] == roles[CellRole.DEPUTY] == 1
    assert 3 <= roles[CellRole.SECRETARY] + roles[CellRole.DEPUTY] + roles[CellRole.COMMITTEE] <= 5
    assert sum(m.status == MembershipStatus.PROBATIONARY for m in members) == 3
    standings = Counter(m.standing for m in services.members.list(include_former=True))
    assert standings[Standing.EXEMPT] == 2
    assert standings[Standing.ATTACHED_ELSEWHERE] == 1
    assert standings[Standing.TRANSFERRED_OUT] == 1
    assert standings[Standing.DECEASED] == 1


def test_demo_history_has_decision_references(services: Services) -> None:
    fill_demo(services)
    events = [e for _id, r in services.members.all_records() for e in r.events]
    kinds = Counter(e.kind for e in events)
    assert kinds[EventKind.EXEMPT] == 2
    assert kinds[EventKind.TRANSFER_IN] == 1
    exempt_refs = {e.decision_ref for e in events if e.kind == EventKind.EXEMPT}
    assert "Số 12-QĐ/ĐU" in exempt_refs


def test_demo_passes_validation_and_one_probationer_is_due_for_recognition(
    services: Services,
) -> None:
    fill_demo(services)
    for member_id, record in services.members.all_records():
        problems = services.members.validate(record, member_id)
        assert not [p for p in problems if p.severity == Severity.BLOCK], record.full_name
    findings = services.checks.run()
    assert not [f for f in findings if f.severity == Severity.BLOCK]
    due = [f.subject for f in findings if f.rule == "members.recognition_due"]
    assert due == ["Phạm Thị Thu Trang"]


def test_demo_is_deterministic(tmp_path: Path) -> None:
    assert demo_records(TODAY) == demo_records(TODAY)
    stored = []
    for name in ("a", "b"):
        opened = open_services(tmp_path / name)
        try:
            fill_demo(opened)
            stored.append(sorted(opened.members.all_records(), key=lambda item: item[0]))
        finally:
            opened.close()
    assert stored[0] == stored[1]


def test_demo_on_another_day_still_validates(tmp_path: Path) -> None:
    opened = open_services(tmp_path / "later", dt.date(2029, 2, 28))
    try:
        fill_demo(opened)
        assert len(opened.members.list()) == 27
    finally:
        opened.close()


def test_demo_refuses_to_overwrite_then_replaces_with_force(services: Services) -> None:
    fill_demo(services)
    with pytest.raises(DemoRefusedError) as caught:
        fill_demo(services)
    assert "Thư mục dữ liệu này đã có thông tin chi bộ hoặc đảng viên" in caught.value.message
    assert len(services.members.list()) == 27
    fill_demo(services, force=True)
    assert len(services.members.list()) == 27
    assert len(services.members.list(include_former=True)) == 29


# --- a year of meetings ------------------------------------------------------------------------


def test_demo_holds_a_year_of_meetings_up_to_today(services: Services) -> None:
    fill_demo(services)
    meetings = services.meetings.list()
    regular = [m for m in meetings if m.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED)]
    assert [(m.date.year, m.date.month) for m in regular if m.date] == [
        (2025, 12),
        *((2026, month) for month in range(1, 12)),
    ]
    finals = [m for m in regular if m.state is MeetingState.FINAL]
    assert len(finals) == 11
    draft = meetings[-1]
    assert (draft.state, draft.date, draft.minutes_number) == (
        MeetingState.DRAFT,
        dt.date(2026, 11, 3),
        "",
    )
    kinds = Counter(m.kind for m in meetings)
    assert (kinds[MeetingKind.THEMATIC], kinds[MeetingKind.COMBINED]) == (3, 1)
    themed = sorted(
        (m.date.year, (m.date.month - 1) // 3)
        for m in meetings
        if m.date and m.kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED)
    )
    assert themed == [(2025, 3), (2026, 0), (2026, 1), (2026, 2)]  # one per quarter
    # Numbers run through the term: minutes (BB) of every final meeting, resolutions (NQ) of
    # the regular ones.
    assert [m.minutes_number for m in meetings[:3]] == ["Số 01-BB/CB", "Số 02-BB/CB", "Số 03-BB/CB"]
    assert finals[-1].resolution_number == "Số 11-NQ/CB"
    bands = Counter(m.quality_band for m in meetings if m.state is MeetingState.FINAL)
    assert set(bands) == {"Tốt", "Khá"} and bands["Tốt"] > bands["Khá"]


def test_demo_meetings_follow_the_register_and_raise_no_blocking_finding(
    services: Services,
) -> None:
    fill_demo(services)
    findings = services.checks.run()
    assert not [f for f in findings if f.severity == Severity.BLOCK]
    meeting_rules = {f.rule for f in findings if f.rule.startswith("meetings.")}
    assert meeting_rules == set()  # every month and quarter held, no striking-off candidate
    details = [services.meetings.get(m.id) for m in services.meetings.list()]
    for detail in details:
        if detail.is_final:
            assert detail.can_finalize, detail.data.date
    unexcused = [
        detail.data.date
        for detail in details
        for row in detail.attendance
        if row.full_name == UNEXCUSED_MEMBER and row.status is AttendanceStatus.ABSENT_UNEXCUSED
    ]
    assert len(unexcused) == 2
    october = next(d for d in details if d.data.date == dt.date(2026, 10, 3))
    statuses = Counter(row.status for row in october.attendance)
    assert statuses[AttendanceStatus.EXEMPT] == 2
    assert statuses[AttendanceStatus.ATTACHED_ELSEWHERE] == 1
    assert october.counts.total == 27 and october.denominator == 21
    # Before her admission a probationer was not in the roll call.
    first = details[0]
    assert "Sùng A Dế" not in {row.full_name for row in first.attendance}


def test_every_demo_document_renders(services: Services) -> None:
    fill_demo(services)
    for summary in services.meetings.list():
        detail = services.meetings.get(summary.id)
        kinds = available_documents(detail)
        assert kinds, summary.date
        for kind in kinds:
            assert render_meeting_document(services, detail.id, kind).startswith(b"%PDF")


def test_quality_scores_add_up_within_each_maximum(services: Services) -> None:
    scheme = services.profile.meetings.quality.value
    for target in range(scheme.total - 30, scheme.total + 1):
        scores = quality_scores(scheme, target)
        assert sum(scores.values()) == target
        assert all(0 <= scores[c.code] <= c.max_points for c in scheme.criteria)
