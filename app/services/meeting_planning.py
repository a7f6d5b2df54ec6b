"""Planning the cell's meetings (kế hoạch sinh hoạt): the year's thematic topics by quarter, the
next regular meeting with its reminder, and the findings shown on the overview and beside the
meetings (domain.md §11 rules 1-4, 8 and 9).

Functions here run inside the caller's transaction; `MeetingService` exposes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.checks import check_register
from app.domain.findings import Finding, sort_findings
from app.domain.meeting_checks import REMINDER_RULE, check_meetings, upcoming_reminder
from app.domain.meetings import REGULAR_KINDS, next_meeting_date
from app.domain.members import ON_REGISTER, standing_on
from app.domain.profile import MeetingRules
from app.services.base import ServiceContext, live_records
from app.services.meeting_dto import MeetingState, PlannedTopic, ThematicPlan, UpcomingMeeting
from app.services.meeting_rows import load_meetings, member_names, record_of_meeting
from app.storage.models import Meeting
from app.storage.models import ThematicPlan as PlanRow

QUARTERS = (1, 2, 3, 4)
_MONTHS_PER_QUARTER = 3  # calendar arithmetic, not a Party rule
#: Register findings that concern the meetings too: a cell needs 3 full members to decide.
_REGISTER_RULES_FOR_MEETINGS = frozenset({"members.min_full_members"})


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) of `day`."""
    return (day.month - 1) // _MONTHS_PER_QUARTER + 1


def load_plan(session: Session, year: int) -> ThematicPlan:
    """The thematic topics planned for each quarter of `year` ("" where none is planned)."""
    rows = session.scalars(select(PlanRow).where(PlanRow.year == year))
    topics = {row.quarter: row.topic for row in rows}
    return ThematicPlan(year, tuple(PlannedTopic(q, topics.get(q, "")) for q in QUARTERS))


def store_topic(session: Session, year: int, quarter: int, topic: str) -> None:
    """Plan the topic of one quarter; an empty topic clears it."""
    query = select(PlanRow).where(PlanRow.year == year, PlanRow.quarter == quarter)
    row = session.scalars(query).first()
    if row is None and topic:
        session.add(PlanRow(year=year, quarter=quarter, topic=topic))
    elif row is not None and topic:
        row.topic = topic
    elif row is not None:
        session.delete(row)


def upcoming_of(rows: Sequence[Meeting], today: dt.date, rules: MeetingRules) -> UpcomingMeeting:
    """The next regular meeting on `today`, from the live meetings (oldest first).

    A draft dated today or later is a meeting being prepared: it is the next one. Otherwise the
    last meeting held (or a draft dated before today, held but not final yet) gives the date
    in its "next meeting" field, else the profile's default day of the following month; with
    nothing recorded, the default day of this month (or the next, once it has passed).
    """
    regular = [r for r in rows if r.date is not None and r.kind in REGULAR_KINDS]
    prepared = [r for r in regular if r.state == MeetingState.DRAFT and _on_or_after(r, today)]
    held = [r for r in regular if r not in prepared]
    last = held[-1] if held else None
    topic = ""
    if prepared:
        day = _day(prepared[0])
        from_previous = last is not None and last.next_date == day
        topic = prepared[0].topic or (last.next_topic if last is not None and from_previous else "")
    elif last is not None and last.next_date is not None:
        day, topic, from_previous = last.next_date, last.next_topic, True
    elif last is not None:
        day, from_previous = next_meeting_date(_day(last), rules), False
    else:
        this_month = today.replace(day=rules.default_day.value)
        day = this_month if this_month >= today else next_meeting_date(today, rules)
        from_previous = False
    days_left = (day - today).days
    return UpcomingMeeting(
        date=day,
        topic=topic,
        days_left=days_left,
        remind=days_left <= rules.reminder_days.value,
        overdue=days_left < 0,
        from_previous=from_previous,
        meeting_id=prepared[0].id if prepared else None,
    )


def _day(row: Meeting) -> dt.date:
    assert row.date is not None, "only dated meetings are planned"
    return row.date


def _on_or_after(row: Meeting, today: dt.date) -> bool:
    return row.date is not None and row.date >= today


def meeting_findings(session: Session, ctx: ServiceContext, day: dt.date) -> list[Finding]:
    """The meeting findings on `day` (rules 1, 3, 4, 8 and the reminder of rule 2), inside the
    caller's transaction; the overview and `sochibo check` show them."""
    rows = load_meetings(session)
    names = member_names(session)
    records = [record_of_meeting(row, names) for row in rows]
    on_register = [
        (member_id, record)
        for member_id, record in live_records(session)
        if standing_on(record.events, day) in ON_REGISTER
    ]
    findings = check_meetings(records, on_register, ctx.profile, day)
    upcoming = upcoming_of(rows, day, ctx.profile.meetings)
    reminder = upcoming_reminder(upcoming.date, day, ctx.profile.meetings)
    return sort_findings(findings + ([reminder] if reminder is not None else []))


def findings_for_meetings(session: Session, ctx: ServiceContext, day: dt.date) -> list[Finding]:
    """What the meetings screen lists: the meeting findings and, from the register's checks,
    a cell with too few full members to decide validly (rule 9). The reminder is left out:
    the screen's banner shows the next meeting with its reminder."""
    register = [
        finding
        for finding in check_register(live_records(session), ctx.profile, ctx.calendar, day)
        if finding.rule in _REGISTER_RULES_FOR_MEETINGS
    ]
    meetings = [f for f in meeting_findings(session, ctx, day) if f.rule != REMINDER_RULE]
    return sort_findings(register + meetings)
