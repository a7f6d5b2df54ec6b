"""Cell meetings (domain.md §3, §11 rules 1-4, 7, 8, 11): the rules read from the profile."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.findings import Severity
from app.domain.meetings import (
    AttendanceStatus,
    MeetingKind,
    count_attendance,
    decision_denominator,
    duration_problems,
    missing_regular_months,
    next_meeting_date,
    quality_band,
    quarters_without_thematic,
    score_quality,
    unexcused_absence_strikes,
)
from app.domain.members import MembershipStatus
from app.domain.messages import DomainError
from app.domain.profile import QualityCriterion, Rule, load_profile
from app.l10n import render

PROFILE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
RULES = load_profile(PROFILE).meetings
SCHEME = RULES.quality.value
FULL_MARKS = {criterion.code: criterion.max_points for criterion in SCHEME.criteria}
FULL, PROB = MembershipStatus.FULL, MembershipStatus.PROBATIONARY
A = AttendanceStatus


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


# --- Rule 3: duration (42-HD/BTCTW: 90 min, 120 min for a combined session) ----------------


@pytest.mark.parametrize(
    ("kind", "start", "end", "expected"),
    [
        (MeetingKind.REGULAR, "08:00", "09:30", None),
        (
            MeetingKind.REGULAR,
            "08:00",
            "09:29",
            "Buổi sinh hoạt kéo dài 89 phút; thời lượng phải ít nhất 90 phút. Hãy kiểm tra lại "
            "giờ bắt đầu và giờ kết thúc.",
        ),
        (
            MeetingKind.THEMATIC,
            "14:00",
            "15:00",
            "Buổi sinh hoạt kéo dài 60 phút; thời lượng phải ít nhất 90 phút. Hãy kiểm tra lại "
            "giờ bắt đầu và giờ kết thúc.",
        ),
        (MeetingKind.COMBINED, "07:30", "09:30", None),
        (
            MeetingKind.COMBINED,
            "07:30",
            "09:15",
            "Buổi sinh hoạt thường kỳ kết hợp sinh hoạt chuyên đề kéo dài 105 phút; thời lượng "
            "phải ít nhất 120 phút. Hãy kiểm tra lại giờ bắt đầu và giờ kết thúc.",
        ),
        (MeetingKind.EXTRAORDINARY, "19:00", "19:30", None),
        (MeetingKind.YEAR_END_REVIEW, "08:00", "08:45", None),
    ],
)
def test_duration_minimum_is_a_warning(
    kind: MeetingKind, start: str, end: str, expected: str | None
) -> None:
    problems = duration_problems(kind, _t(start), _t(end), RULES)
    if expected is None:
        assert problems == []
    else:
        assert [(p.field, p.severity, render(p.message)) for p in problems] == [
            ("end_time", Severity.WARN, expected)
        ]


@pytest.mark.parametrize("kind", list(MeetingKind))
@pytest.mark.parametrize(("start", "end"), [("09:30", "08:00"), ("08:00", "08:00")])
def test_end_not_after_start_blocks(kind: MeetingKind, start: str, end: str) -> None:
    problems = duration_problems(kind, _t(start), _t(end), RULES)
    assert [(p.field, p.severity, render(p.message)) for p in problems] == [
        (
            "end_time",
            Severity.BLOCK,
            f"Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}). Hãy kiểm tra lại giờ bắt đầu "
            "và giờ kết thúc.",
        )
    ]


def test_duration_minimum_comes_from_the_profile() -> None:
    small_cell = dataclasses.replace(RULES, min_duration_minutes=Rule(60, "Quyết định tỉnh", "P"))
    assert duration_problems(MeetingKind.REGULAR, _t("08:00"), _t("09:00"), small_cell) == []
    assert duration_problems(MeetingKind.REGULAR, _t("08:00"), _t("09:00"), RULES) != []


# --- Attendance and the vote denominator (rule 6, rule 11) ---------------------------------


def test_attendance_counts_as_written_in_the_minutes() -> None:
    entries = [
        (FULL, A.PRESENT),
        (FULL, A.PRESENT),
        (FULL, A.ABSENT_EXCUSED),
        (FULL, A.ABSENT_UNEXCUSED),
        (FULL, A.EXEMPT),
        (FULL, A.ATTACHED_ELSEWHERE),
        (PROB, A.PRESENT),
        (PROB, A.ATTACHED_ELSEWHERE),
        (PROB, A.EXEMPT),
    ]
    counts = count_attendance(entries)
    assert (counts.total, counts.full, counts.probationary) == (9, 6, 3)
    assert (counts.present, counts.absent_excused, counts.absent_unexcused) == (3, 1, 1)
    assert (counts.exempt, counts.attached_elsewhere) == (2, 2)
    assert (counts.full_exempt, counts.full_attached_elsewhere) == (1, 1)
    # 6 full members, minus 1 attached elsewhere, minus 1 exempted and absent (294-QĐ/TW 9.3.2);
    # probationers neither vote nor reduce the count (Điều lệ Điều 3).
    assert decision_denominator(counts) == 4


def test_an_exempted_member_who_attends_counts_for_the_vote() -> None:
    counts = count_attendance([(FULL, A.PRESENT), (FULL, A.PRESENT), (FULL, A.PRESENT)])
    assert decision_denominator(counts) == 3


def test_empty_roll_call() -> None:
    counts = count_attendance([])
    assert counts.total == 0
    assert decision_denominator(counts) == 0


def test_impossible_counts_are_refused() -> None:
    counts = count_attendance([(FULL, A.EXEMPT)])
    broken = dataclasses.replace(counts, full=0)
    with pytest.raises(DomainError):
        decision_denominator(broken)


roll_calls = st.lists(st.tuples(st.sampled_from(MembershipStatus), st.sampled_from(A)))


@given(roll_calls)
def test_attendance_arithmetic(entries: list[tuple[MembershipStatus, AttendanceStatus]]) -> None:
    counts = count_attendance(entries)
    assert counts.total == len(entries) == counts.full + counts.probationary
    parts = (
        counts.present,
        counts.absent_excused,
        counts.absent_unexcused,
        counts.exempt,
        counts.attached_elsewhere,
    )
    assert sum(parts) == counts.total
    assert counts.full_exempt <= counts.exempt
    assert counts.full_attached_elsewhere <= counts.attached_elsewhere
    voters = sum(
        1
        for status, seen in entries
        if status is FULL and seen not in (A.EXEMPT, A.ATTACHED_ELSEWHERE)
    )
    assert decision_denominator(counts) == voters


# --- Rule 7: quality score (42-HD framework) ------------------------------------------------


def test_the_bundled_table_has_the_reference_points() -> None:
    assert [c.max_points for c in SCHEME.criteria] == [5, 5, 10, 40, 5, 30, 5]
    assert [(b.name, b.min_points) for b in SCHEME.bands] == [
        ("Tốt", 90),
        ("Khá", 70),
        ("Trung bình", 50),
        ("Kém", 0),
    ]


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (100, "Tốt"),
        (90, "Tốt"),  # Tốt ≥ 90
        (89, "Khá"),
        (70, "Khá"),  # Khá 70 – < 90
        (69, "Trung bình"),
        (50, "Trung bình"),  # Trung bình 50 – < 70
        (49, "Kém"),
        (0, "Kém"),
    ],
)
def test_bands(total: int, band: str) -> None:
    assert quality_band(total, SCHEME).name == band


def test_a_full_score() -> None:
    result = score_quality(FULL_MARKS, SCHEME)
    assert (result.total, result.problems) == (100, ())
    assert result.band is not None and result.band.code == "good"


def test_a_realistic_score_is_rated_fair() -> None:
    scores = {**FULL_MARKS, "conduct": 30, "results": 22}  # 100 - 10 - 8
    result = score_quality(scores, SCHEME)
    assert result.total == 82
    assert result.band is not None and result.band.name == "Khá"


@pytest.mark.parametrize(
    ("scores", "field", "expected"),
    [
        (
            {"conduct": 41},
            "conduct",
            "Điểm của tiêu chí “Tổ chức sinh hoạt” là 41; điểm phải từ 0 đến 40.",
        ),
        (
            {"time": -1},
            "time",
            "Điểm của tiêu chí “Chấp hành thời gian, thời lượng” là -1; điểm phải từ 0 đến 5.",
        ),
        (
            {"bonus": 3},
            "bonus",
            "Khung tiêu chí chấm điểm chất lượng sinh hoạt không có tiêu chí bonus. Hãy bỏ điểm "
            "này.",
        ),
    ],
)
def test_impossible_scores_block(scores: dict[str, int], field: str, expected: str) -> None:
    result = score_quality({**FULL_MARKS, **scores}, SCHEME)
    assert (result.total, result.band) == (None, None)
    assert [(p.field, p.severity, render(p.message)) for p in result.problems] == [
        (field, Severity.BLOCK, expected)
    ]


def test_a_missing_criterion_counts_zero_with_a_warning() -> None:
    scores = {code: points for code, points in FULL_MARKS.items() if code != "results"}
    result = score_quality(scores, SCHEME)
    assert result.total == 70
    assert result.band is not None and result.band.name == "Khá"
    assert [(p.field, p.severity, render(p.message)) for p in result.problems] == [
        (
            "results",
            Severity.WARN,
            "Tiêu chí “Kết quả lãnh đạo thực hiện nghị quyết, kết luận kỳ trước” chưa được chấm "
            "điểm; tiêu chí này được tính 0 điểm.",
        )
    ]


def test_a_province_table_replaces_the_criteria() -> None:
    province = dataclasses.replace(
        SCHEME,
        criteria=(QualityCriterion("a", "Chuẩn bị", 60), QualityCriterion("b", "Kết quả", 40)),
    )
    result = score_quality({"a": 50, "b": 30}, province)
    assert result.total == 80
    assert score_quality({"conduct": 40, "a": 1, "b": 1}, province).total is None


def test_band_of_an_impossible_total_is_refused() -> None:
    with pytest.raises(ValueError):
        quality_band(101, SCHEME)


@given(st.fixed_dictionaries({c.code: st.integers(0, c.max_points) for c in SCHEME.criteria}))
def test_score_arithmetic(scores: dict[str, int]) -> None:
    result = score_quality(scores, SCHEME)
    assert result.problems == ()
    assert result.total == sum(scores.values())
    assert result.band is not None
    assert result.band.min_points <= result.total
    higher = [b for b in SCHEME.bands if b.min_points > result.band.min_points]
    assert all(result.total < b.min_points for b in higher)


@given(st.sampled_from(SCHEME.criteria), st.integers(-1000, 1000))
def test_any_out_of_range_score_blocks(criterion: QualityCriterion, score: int) -> None:
    result = score_quality({**FULL_MARKS, criterion.code: score}, SCHEME)
    blocked = not 0 <= score <= criterion.max_points
    assert (result.total is None) == blocked
    assert len(result.problems) == int(blocked)


# --- Rule 1: a month without a regular meeting (Điều lệ Điều 24.2) -------------------------


@pytest.mark.parametrize(
    ("dates", "up_to", "missing"),
    [
        ([], dt.date(2026, 1, 31), []),  # January is not over yet
        ([], dt.date(2026, 2, 1), [1]),
        ([dt.date(2026, 1, 3)], dt.date(2026, 4, 10), [2, 3]),
        ([dt.date(2025, 2, 3), dt.date(2026, 3, 3)], dt.date(2026, 4, 1), [1, 2]),
        ([dt.date(2026, m, 3) for m in range(1, 12)], dt.date(2027, 1, 5), [12]),
        ([dt.date(2026, 5, 3)], dt.date(2025, 12, 31), []),  # the year has not begun
    ],
)
def test_missing_regular_months(dates: list[dt.date], up_to: dt.date, missing: list[int]) -> None:
    assert missing_regular_months(dates, 2026, up_to) == missing


# --- Rule 4: a quarter without a thematic meeting (42-HD/BTCTW) ----------------------------


@pytest.mark.parametrize(
    ("meetings", "up_to", "quarters"),
    [
        ([], dt.date(2026, 3, 31), []),  # Q1 ends today: not over yet
        ([], dt.date(2026, 4, 1), [1]),
        ([(dt.date(2026, 2, 10), MeetingKind.THEMATIC)], dt.date(2026, 7, 1), [2]),
        ([(dt.date(2026, 3, 3), MeetingKind.COMBINED)], dt.date(2026, 4, 1), []),
        ([(dt.date(2026, 3, 3), MeetingKind.REGULAR)], dt.date(2026, 4, 1), [1]),
        ([(dt.date(2025, 12, 3), MeetingKind.THEMATIC)], dt.date(2027, 1, 1), [1, 2, 3, 4]),
    ],
)
def test_quarters_without_thematic(
    meetings: list[tuple[dt.date, MeetingKind]], up_to: dt.date, quarters: list[int]
) -> None:
    assert quarters_without_thematic(meetings, 2026, up_to, RULES) == quarters


def test_thematic_quota_comes_from_the_profile() -> None:
    twice = dataclasses.replace(RULES, thematic_per_quarter=Rule(2, "Quy định tỉnh", "P"))
    meetings = [(dt.date(2026, 1, 20), MeetingKind.THEMATIC)]
    assert quarters_without_thematic(meetings, 2026, dt.date(2026, 4, 1), twice) == [1]
    meetings.append((dt.date(2026, 3, 3), MeetingKind.COMBINED))
    assert quarters_without_thematic(meetings, 2026, dt.date(2026, 4, 1), twice) == []


# --- Rule 8: unexcused absence in 3 months of a year (Điều lệ Điều 8.1) --------------------


def test_unexcused_absence_strikes() -> None:
    absences = [
        (7, dt.date(2026, 1, 3)),
        (7, dt.date(2026, 1, 20)),  # same month twice: still one month
        (7, dt.date(2026, 4, 3)),
        (5, dt.date(2026, 2, 3)),
        (5, dt.date(2026, 6, 3)),
        (5, dt.date(2026, 11, 3)),
        (7, dt.date(2025, 12, 3)),  # another year
        (9, dt.date(2026, 3, 3)),
    ]
    assert unexcused_absence_strikes(absences, RULES, 2026) == [5]
    absences.append((7, dt.date(2026, 9, 3)))
    assert unexcused_absence_strikes(absences, RULES, 2026) == [5, 7]
    assert unexcused_absence_strikes(absences, RULES, 2025) == []


@given(st.lists(st.tuples(st.integers(1, 5), st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))))
def test_strikes_match_distinct_months(absences: list[tuple[int, dt.date]]) -> None:
    struck = unexcused_absence_strikes(absences, RULES, 2026)
    for member in range(1, 6):
        months = {day.month for who, day in absences if who == member}
        assert (member in struck) == (len(months) >= RULES.unexcused_absence_months.value)


# --- Rule 2: the next meeting on the default day (37-HD/BTGDVTW III.1) ---------------------


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (dt.date(2026, 1, 3), dt.date(2026, 2, 3)),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 3)),
        (dt.date(2026, 12, 5), dt.date(2027, 1, 3)),
    ],
)
def test_next_meeting_date(after: dt.date, expected: dt.date) -> None:
    assert next_meeting_date(after, RULES) == expected


def test_next_meeting_day_comes_from_the_profile() -> None:
    local = dataclasses.replace(RULES, default_day=Rule(28, "Quy định của đảng ủy xã", "P"))
    assert next_meeting_date(dt.date(2026, 1, 31), local) == dt.date(2026, 2, 28)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_next_meeting_is_in_the_following_month(after: dt.date) -> None:
    proposed = next_meeting_date(after, RULES)
    assert proposed > after
    assert proposed.day == RULES.default_day.value
    assert (proposed.year * 12 + proposed.month) - (after.year * 12 + after.month) == 1
