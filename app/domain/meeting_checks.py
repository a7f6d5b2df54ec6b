"""The meeting findings (cảnh báo về sinh hoạt chi bộ) for the overview and `sochibo check`.

Rules 1, 3, 4 and 8 of domain.md §11 over the current calendar year, and over last year too in
January (so that December's gaps still show); the reminder of the next regular meeting (rule
2). The program knows only the meetings recorded in it: months and quarters before the first
recorded meeting are not reported, so a cell that just started using the book is not flooded
with warnings about months it kept on paper.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from app.domain.findings import Finding, Severity, sort_findings
from app.domain.meeting_record import MeetingRecord
from app.domain.meetings import (
    REGULAR_KINDS,
    AttendanceStatus,
    duration_problems,
    quarters_without_thematic,
    unexcused_absence_strikes,
)
from app.domain.members import MemberRecord
from app.domain.messages import N_, Message
from app.domain.profile import MeetingRules, RuleProfile

_MONTHS_PER_QUARTER = 3  # calendar arithmetic, not a Party rule
#: The rule id of the next meeting's reminder (rule 2), named after its profile key.
REMINDER_RULE = "meetings.reminder_days"


def check_meetings(
    meetings: Sequence[MeetingRecord],
    on_register: Sequence[tuple[int, MemberRecord]],
    profile: RuleProfile,
    today: dt.date,
) -> list[Finding]:
    """All meeting findings on `today`, most urgent first. `meetings` are the cell's recorded
    meetings (drafts included, deleted ones not); `on_register` the members on the register,
    whose names subject the absence findings (rule 8)."""
    dated = [m for m in meetings if m.date is not None]
    if not dated:
        return []
    first = min(m.date for m in dated if m.date is not None)
    years = [today.year - 1, today.year] if today.month == 1 else [today.year]
    findings: list[Finding] = []
    for year in years:
        if year < first.year:
            continue
        of_year = [m for m in dated if m.date is not None and m.date.year == year]
        findings += _missing_regular(of_year, year, first, today, profile)
        findings += _missing_thematic(of_year, year, first, today, profile)
        findings += _absence_strikes(of_year, year, on_register, profile)
    findings += _short_meetings(dated, years, profile)
    return sort_findings(findings)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _missing_regular(
    meetings: Sequence[MeetingRecord],
    year: int,
    first: dt.date,
    today: dt.date,
    profile: RuleProfile,
) -> list[Finding]:
    """Rule 1: every month that is over needs `regular_per_month` regular meetings."""
    rule = profile.meetings.regular_per_month
    held: dict[int, int] = {}
    for meeting in meetings:
        if meeting.kind in REGULAR_KINDS and meeting.date is not None:
            held[meeting.date.month] = held.get(meeting.date.month, 0) + 1
    text = N_(
        "No regular meeting of the cell is recorded for {month}/{year}. The cell meets every "
        "month: record the meeting, or hold it without delay."
    )
    return [
        Finding(
            "meetings.regular_per_month",
            Severity.WARN,
            "",
            Message(text, {"month": f"{month:02d}", "year": str(year)}),
            rule.citation,
        )
        for month in range(1, 13)
        if held.get(month, 0) < rule.value
        and _month_end(year, month) < today
        and _month_end(year, month) >= first
    ]


def _missing_thematic(
    meetings: Sequence[MeetingRecord],
    year: int,
    first: dt.date,
    today: dt.date,
    profile: RuleProfile,
) -> list[Finding]:
    """Rule 4: each quarter that is over needs a thematic meeting (sinh hoạt chuyên đề)."""
    rule = profile.meetings.thematic_per_quarter
    pairs = [(m.date, m.kind) for m in meetings if m.date is not None]
    quarters = quarters_without_thematic(pairs, year, today, profile.meetings)
    text = N_(
        "Quarter {quarter}/{year} ended without a thematic meeting; the cell holds at least "
        "{minimum} each quarter. Plan one in the coming quarter."
    )
    return [
        Finding(
            "meetings.thematic_per_quarter",
            Severity.WARN,
            "",
            Message(text, {"quarter": quarter, "year": str(year), "minimum": rule.value}),
            rule.citation,
        )
        for quarter in quarters
        if _month_end(year, quarter * _MONTHS_PER_QUARTER) >= first
    ]


def _short_meetings(
    meetings: Sequence[MeetingRecord], years: Sequence[int], profile: RuleProfile
) -> list[Finding]:
    """Rule 3: a meeting shorter than the minimum duration, named by its date."""
    findings: list[Finding] = []
    for meeting in meetings:
        if meeting.date is None or meeting.date.year not in years:
            continue
        if meeting.start is None or meeting.end is None:
            continue
        for problem in duration_problems(
            meeting.kind, meeting.start, meeting.end, profile.meetings
        ):
            if problem.severity is not Severity.WARN:
                continue
            text = N_(
                "The meeting of {date} lasted {minutes} minutes; it should last at least "
                "{minimum} minutes."
            )
            params = {"date": meeting.date, **problem.message.params}
            findings.append(
                Finding(
                    "meetings.min_duration",
                    Severity.WARN,
                    "",
                    Message(text, params),
                    profile.meetings.min_duration_minutes.citation,
                )
            )
    return findings


def _absence_strikes(
    meetings: Sequence[MeetingRecord],
    year: int,
    on_register: Sequence[tuple[int, MemberRecord]],
    profile: RuleProfile,
) -> list[Finding]:
    """Rule 8: absent without reason in `unexcused_absence_months` months of one year."""
    rule = profile.meetings.unexcused_absence_months
    absences = [
        (entry.member_id, meeting.date)
        for meeting in meetings
        if meeting.date is not None
        for entry in meeting.attendance
        if entry.status is AttendanceStatus.ABSENT_UNEXCUSED and entry.member_id is not None
    ]
    names = dict(on_register)
    text = N_(
        "Absent from cell meetings without reason in at least {count} months of {year}; the "
        "cell considers striking this member off the list."
    )
    return [
        Finding(
            "meetings.unexcused_absence_months",
            Severity.WARN,
            names[member_id].full_name,
            Message(text, {"count": rule.value, "year": str(year)}),
            rule.citation,
            member_id,
        )
        for member_id in unexcused_absence_strikes(absences, profile.meetings, year)
        if member_id in names
    ]


def upcoming_reminder(day: dt.date, today: dt.date, rules: MeetingRules) -> Finding | None:
    """Rule 2 (info): the next regular meeting, planned for `day`, is at most `reminder_days`
    away, or its day has passed without the meeting being recorded. None when it is further."""
    days_left = (day - today).days
    if days_left > rules.reminder_days.value:
        return None
    if days_left < 0:
        text = N_(
            "The regular meeting planned for {date} is not recorded yet. Record it, or hold it "
            "without delay."
        )
    elif days_left == 0:
        text = N_("The regular meeting of the cell is today, {date}.")
    else:
        text = N_(
            "The next regular meeting is on {date}: notify the members and the superior "
            "committee, and prepare its documents."
        )
    return Finding(
        REMINDER_RULE,
        Severity.INFO,
        "",
        Message(text, {"date": day}),
        rules.regular_per_month.citation,
    )
