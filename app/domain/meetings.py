"""Cell meetings (sinh hoạt chi bộ): kinds, duration, attendance, quality score, calendar checks.

Pure rules (reference: domain.md §3 and §11 rules 1-8, 11). Every number — minimum duration,
thematic meetings per quarter, months of unexcused absence, the scoring table and its bands —
comes from the regulation profile's `MeetingRules`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.domain.dates import add_months
from app.domain.findings import Problem, Severity
from app.domain.members import MembershipStatus
from app.domain.messages import N_, Message, ParamValue
from app.domain.profile import MeetingRules, QualityBand, QualityCriterion, QualityScheme
from app.domain.votes import vote_denominator

_MONTHS_PER_QUARTER = 3  # calendar arithmetic, not a Party rule


class MeetingKind(enum.StrEnum):
    """The kind of a cell meeting, as written in the minutes (biên bản)."""

    REGULAR = "regular"  # sinh hoạt thường kỳ
    THEMATIC = "thematic"  # sinh hoạt chuyên đề
    COMBINED = "combined"  # thường kỳ kết hợp chuyên đề trong cùng buổi
    EXTRAORDINARY = "extraordinary"  # sinh hoạt bất thường
    YEAR_END_REVIEW = "year_end_review"  # hội nghị kiểm điểm cuối năm


#: Kinds that hold a thematic part: a combined session counts for the quarterly rule (rule 4).
THEMATIC_KINDS = frozenset({MeetingKind.THEMATIC, MeetingKind.COMBINED})
#: Kinds that hold the regular monthly part (rule 1).
REGULAR_KINDS = frozenset({MeetingKind.REGULAR, MeetingKind.COMBINED})


class AttendanceStatus(enum.StrEnum):
    """How one member on the register stands at a meeting (điểm danh).

    `EXEMPT` is an exempted member (miễn sinh hoạt) who did not attend; an exempted member who
    attends is recorded as `PRESENT` and then counts for votes like any full member.
    """

    PRESENT = "present"  # có mặt
    ABSENT_EXCUSED = "absent_excused"  # vắng có lý do
    ABSENT_UNEXCUSED = "absent_unexcused"  # vắng không có lý do
    EXEMPT = "exempt"  # miễn sinh hoạt, không dự
    ATTACHED_ELSEWHERE = "attached_elsewhere"  # sinh hoạt tạm thời nơi khác


def duration_minutes(start: dt.time, end: dt.time) -> int:
    """Minutes from `start` to `end` on the same day (zero or less when the end is not after)."""
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def minimum_duration(kind: MeetingKind, rules: MeetingRules) -> int | None:
    """The shortest a meeting of `kind` may last (rule 3): `min_duration_combined_minutes` for
    a combined session, `min_duration_minutes` for a regular or thematic one; None for an
    extraordinary meeting or the year-end review, which have no minimum."""
    if kind is MeetingKind.COMBINED:
        return rules.min_duration_combined_minutes.value
    if kind in (MeetingKind.REGULAR, MeetingKind.THEMATIC):
        return rules.min_duration_minutes.value
    return None


def duration_problems(
    kind: MeetingKind, start: dt.time, end: dt.time, rules: MeetingRules
) -> list[Problem]:
    """Problems with a meeting's start and end time (rule 3, 42-HD/BTCTW).

    An end not after the start is a typing mistake (BLOCK). A meeting shorter than its
    `minimum_duration` is a warning.
    """
    minutes = duration_minutes(start, end)
    if minutes <= 0:
        text = N_("The end time ({end}) must be after the start time ({start}). Check both times.")
        times = {"end": end.strftime("%H:%M"), "start": start.strftime("%H:%M")}
        return [Problem("end_time", Message(text, times))]
    minimum = minimum_duration(kind, rules)
    if minimum is None or minutes >= minimum:
        return []
    if kind is MeetingKind.COMBINED:
        text = N_(
            "The combined regular and thematic meeting lasted {minutes} minutes; it should last "
            "at least {minimum} minutes. Check the start and end times."
        )
    else:
        text = N_(
            "The meeting lasted {minutes} minutes; it should last at least {minimum} minutes. "
            "Check the start and end times."
        )
    message = Message(text, {"minutes": minutes, "minimum": minimum})
    return [Problem("end_time", message, Severity.WARN)]


@dataclass(frozen=True)
class AttendanceCounts:
    """The head counts written in the minutes (rule 6).

    `total` is every member on the register; `present + absent_excused + absent_unexcused +
    exempt + attached_elsewhere == total` and `full + probationary == total`. The `full_*`
    counts are the full members (đảng viên chính thức) among `exempt` and `attached_elsewhere`,
    which the vote denominator leaves out.
    """

    total: int
    full: int
    probationary: int
    present: int
    absent_excused: int
    absent_unexcused: int
    exempt: int
    attached_elsewhere: int
    full_exempt: int
    full_attached_elsewhere: int


def count_attendance(
    entries: Sequence[tuple[MembershipStatus, AttendanceStatus]],
) -> AttendanceCounts:
    """Count the roll call: one (membership status, attendance) pair per member on the register."""
    by_status = {status: 0 for status in AttendanceStatus}
    full_by_status = {status: 0 for status in AttendanceStatus}
    for membership, attendance in entries:
        by_status[attendance] += 1
        if membership is MembershipStatus.FULL:
            full_by_status[attendance] += 1
    full = sum(full_by_status.values())
    return AttendanceCounts(
        total=len(entries),
        full=full,
        probationary=len(entries) - full,
        present=by_status[AttendanceStatus.PRESENT],
        absent_excused=by_status[AttendanceStatus.ABSENT_EXCUSED],
        absent_unexcused=by_status[AttendanceStatus.ABSENT_UNEXCUSED],
        exempt=by_status[AttendanceStatus.EXEMPT],
        attached_elsewhere=by_status[AttendanceStatus.ATTACHED_ELSEWHERE],
        full_exempt=full_by_status[AttendanceStatus.EXEMPT],
        full_attached_elsewhere=full_by_status[AttendanceStatus.ATTACHED_ELSEWHERE],
    )


def decision_denominator(counts: AttendanceCounts) -> int:
    """Members who count for a cell vote (rule 11): all full members, minus full members
    attached elsewhere and exempted full members who are absent; probationers never vote."""
    return vote_denominator(counts.full, counts.full_attached_elsewhere, counts.full_exempt)


@dataclass(frozen=True)
class QualityResult:
    """A meeting's quality score (chấm điểm chất lượng sinh hoạt).

    With any BLOCK problem the score cannot be trusted: `total` and `band` are then None.
    """

    total: int | None
    band: QualityBand | None
    problems: tuple[Problem, ...]


def score_quality(scores: Mapping[str, int], scheme: QualityScheme) -> QualityResult:
    """Add up the points per criterion code and find the band (rule 7).

    BLOCK: a code not in the scheme, or a score below 0 or above the criterion's maximum.
    WARN: a criterion left without a score (counted as 0).
    """
    problems: list[Problem] = []
    known = {criterion.code for criterion in scheme.criteria}
    for code in scores:
        if code not in known:
            text = N_("The quality scoring table has no criterion {code}. Remove this score.")
            problems.append(Problem(code, Message(text, {"code": code})))
    problems.extend(
        problem
        for criterion in scheme.criteria
        if (problem := _criterion_problem(criterion, scores)) is not None
    )
    if any(problem.severity is Severity.BLOCK for problem in problems):
        return QualityResult(None, None, tuple(problems))
    total = sum(scores.get(criterion.code, 0) for criterion in scheme.criteria)
    return QualityResult(total, quality_band(total, scheme), tuple(problems))


def _criterion_problem(criterion: QualityCriterion, scores: Mapping[str, int]) -> Problem | None:
    if criterion.code not in scores:
        text = N_("The criterion “{criterion}” has no score; it is counted as 0.")
        return Problem(criterion.code, Message(text, {"criterion": criterion.name}), Severity.WARN)
    score = scores[criterion.code]
    if 0 <= score <= criterion.max_points:
        return None
    text = N_(
        "The score of the criterion “{criterion}” is {score}; it must be between 0 and {maximum}."
    )
    params: dict[str, ParamValue] = {
        "criterion": criterion.name,
        "score": score,
        "maximum": criterion.max_points,
    }
    return Problem(criterion.code, Message(text, params))


def quality_band(total: int, scheme: QualityScheme) -> QualityBand:
    """The band (Tốt, Khá, Trung bình, Kém) of a total between 0 and the scheme's total."""
    if not 0 <= total <= scheme.total:
        raise ValueError(f"quality total {total} outside 0..{scheme.total}")
    # The profile guarantees bands descend and the last starts at 0.
    return next(band for band in scheme.bands if total >= band.min_points)


def _month_is_over(year: int, month: int, up_to: dt.date) -> bool:
    return dt.date(year, month, calendar.monthrange(year, month)[1]) < up_to


def missing_regular_months(
    meeting_dates: Iterable[dt.date], year: int, up_to: dt.date
) -> list[int]:
    """Months of `year` that are over before `up_to` (today) without a regular meeting (rule 1).

    `meeting_dates` are the dates of meetings holding a regular part (see `REGULAR_KINDS`);
    dates of other years are ignored. The current month is not reported: it is not over yet.
    """
    held = {day.month for day in meeting_dates if day.year == year}
    return [
        month for month in range(1, 13) if month not in held and _month_is_over(year, month, up_to)
    ]


def quarters_without_thematic(
    meetings: Iterable[tuple[dt.date, MeetingKind]], year: int, up_to: dt.date, rules: MeetingRules
) -> list[int]:
    """Quarters (1-4) of `year`, over before `up_to`, with fewer thematic meetings (sinh hoạt
    chuyên đề) than `thematic_per_quarter` (rule 4). A combined session counts as thematic."""
    held = dict.fromkeys(range(1, 5), 0)
    for day, kind in meetings:
        if day.year == year and kind in THEMATIC_KINDS:
            held[(day.month - 1) // _MONTHS_PER_QUARTER + 1] += 1
    required = rules.thematic_per_quarter.value
    return [
        quarter
        for quarter, count in held.items()
        if count < required and _month_is_over(year, quarter * _MONTHS_PER_QUARTER, up_to)
    ]


def unexcused_absence_strikes(
    absences: Iterable[tuple[int, dt.date]], rules: MeetingRules, year: int
) -> list[int]:
    """Ids of members absent without reason (vắng không lý do) in at least
    `unexcused_absence_months` distinct months of `year`: candidates for striking off the list
    (xóa tên), Điều lệ Điều 8.1 (rule 8). `absences` are (member id, meeting date) pairs."""
    months: dict[int, set[int]] = {}
    for member_id, day in absences:
        if day.year == year:
            months.setdefault(member_id, set()).add(day.month)
    threshold = rules.unexcused_absence_months.value
    return sorted(member_id for member_id, seen in months.items() if len(seen) >= threshold)


def next_meeting_date(after: dt.date, rules: MeetingRules) -> dt.date:
    """The proposed date of the next regular meeting after the one held on `after`: the
    profile's default day (ngày mồng 3) of the following month (rule 2)."""
    following = add_months(after.replace(day=1), 1)
    return following.replace(day=rules.default_day.value)
