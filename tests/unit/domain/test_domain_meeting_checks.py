"""Meeting findings for the overview: rules 1, 2 (the reminder), 3, 4 and 8 of domain.md §11."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain.findings import Finding, Severity
from app.domain.meeting_checks import check_meetings, upcoming_reminder
from app.domain.meeting_record import AttendanceEntry, MeetingRecord
from app.domain.meetings import AttendanceStatus as A
from app.domain.meetings import MeetingKind
from app.domain.members import Gender, MemberRecord, MembershipStatus
from app.domain.profile import load_profile
from app.l10n import render

PROFILE = load_profile(Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml")
AN = MemberRecord("Lò Văn An", Gender.MALE, dt.date(1980, 1, 1))
BINH = MemberRecord("Sùng Thị Bình", Gender.FEMALE, dt.date(1982, 1, 1))
REGISTER = [(1, AN), (2, BINH)]


def _meeting(
    day: dt.date,
    kind: MeetingKind = MeetingKind.REGULAR,
    absent: tuple[int, ...] = (),
    hours: tuple[int, int] = (8, 10),
) -> MeetingRecord:
    attendance = tuple(
        AttendanceEntry(
            member_id,
            record.full_name,
            MembershipStatus.FULL,
            A.ABSENT_UNEXCUSED if member_id in absent else A.PRESENT,
        )
        for member_id, record in REGISTER
    )
    return MeetingRecord(kind, day, dt.time(hours[0]), dt.time(hours[1]), attendance=attendance)


def _rules(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, render(f.message)) for f in findings]


def test_nothing_recorded_reports_nothing() -> None:
    assert check_meetings([], REGISTER, PROFILE, dt.date(2026, 11, 23)) == []


def test_a_month_without_a_regular_meeting_since_the_first_record() -> None:
    meetings = [
        _meeting(dt.date(2026, 7, 3)),
        _meeting(dt.date(2026, 8, 15), MeetingKind.COMBINED),
        _meeting(dt.date(2026, 10, 3)),
    ]
    findings = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 11, 23))
    regular = [f for f in findings if f.rule == "meetings.regular_per_month"]
    # July, August (combined counts) and October held; September missing; November not over;
    # months before July are before the book started.
    assert [render(f.message) for f in regular] == [
        "Chưa có biên bản sinh hoạt thường kỳ tháng 09/2026. Chi bộ sinh hoạt mỗi tháng một "
        "lần: hãy ghi biên bản buổi sinh hoạt, hoặc tổ chức sinh hoạt ngay."
    ]
    assert regular[0].severity is Severity.WARN
    assert regular[0].citation == "Điều lệ Đảng 2011, Điều 24.2"
    # Q3 had the combined session, so no thematic warning.
    assert not [f for f in findings if f.rule == "meetings.thematic_per_quarter"]


def test_a_quarter_without_a_thematic_meeting() -> None:
    meetings = [_meeting(dt.date(2026, m, 3)) for m in range(4, 11)]
    findings = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 11, 23))
    assert [render(f.message) for f in findings if f.rule == "meetings.thematic_per_quarter"] == [
        f"Quý {q}/2026 đã hết mà chưa có buổi sinh hoạt chuyên đề; mỗi quý chi bộ sinh hoạt "
        "chuyên đề ít nhất 1 lần. Hãy lên kế hoạch cho quý tới."
        for q in (2, 3)
    ]


def test_a_short_meeting_is_named_by_its_date() -> None:
    meetings = [_meeting(dt.date(2026, 11, 3), hours=(8, 9))]
    findings = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 11, 23))
    assert _rules(findings) == [
        (
            "meetings.min_duration",
            "Buổi sinh hoạt ngày 03/11/2026 kéo dài 60 phút; thời lượng phải ít nhất 90 phút.",
        )
    ]


def test_unexcused_absence_in_three_months_names_the_member() -> None:
    meetings = [
        _meeting(dt.date(2026, m, 3), MeetingKind.COMBINED, absent=(1,) if m in (2, 5, 9) else ())
        for m in range(1, 12)
    ]
    findings = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 11, 23))
    (strike,) = [f for f in findings if f.rule == "meetings.unexcused_absence_months"]
    assert (strike.subject, strike.member_id, strike.severity) == ("Lò Văn An", 1, Severity.WARN)
    assert render(strike.message) == (
        "Vắng sinh hoạt chi bộ không có lý do trong ít nhất 3 tháng của năm 2026; chi bộ xem xét "
        "xóa tên đảng viên này trong danh sách đảng viên."
    )
    assert strike.citation == "Điều lệ Đảng 2011, Điều 8.1"


def test_in_january_last_year_is_still_checked() -> None:
    meetings = [
        _meeting(dt.date(2025, 10, 3), MeetingKind.COMBINED),
        _meeting(dt.date(2025, 11, 3)),
    ]
    january = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 1, 10))
    assert [render(f.message)[:50] for f in january if f.rule == "meetings.regular_per_month"] == [
        "Chưa có biên bản sinh hoạt thường kỳ tháng 12/2025"
    ]
    february = check_meetings(meetings, REGISTER, PROFILE, dt.date(2026, 2, 10))
    assert [f.rule for f in february] == ["meetings.regular_per_month"]  # January 2026 only


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 25), None),  # 8 days before: further than the profile's 7
        (dt.date(2026, 11, 26), "Kỳ sinh hoạt thường kỳ tới vào ngày 03/12/2026: hãy thông báo"),
        (dt.date(2026, 12, 3), "Hôm nay, 03/12/2026, chi bộ sinh hoạt thường kỳ."),
        (dt.date(2026, 12, 4), "Buổi sinh hoạt thường kỳ dự kiến ngày 03/12/2026 chưa được ghi"),
    ],
)
def test_the_next_meeting_is_reminded_within_the_profile_days(
    today: dt.date, expected: str | None
) -> None:
    finding = upcoming_reminder(dt.date(2026, 12, 3), today, PROFILE.meetings)
    if expected is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity) == ("meetings.reminder_days", Severity.INFO)
    assert render(finding.message).startswith(expected)
