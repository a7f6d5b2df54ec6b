"""The register's rule findings (cảnh báo / nhắc việc) for the overview and `sochibo check`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.domain.calendar import WorkingCalendar
from app.domain.findings import Finding, Severity, sort_findings
from app.domain.member_validation import validate_record
from app.domain.members import (
    ON_REGISTER,
    MemberRecord,
    MembershipStatus,
    probation_end,
    standing_on,
)
from app.domain.messages import N_, Message
from app.domain.profile import RuleProfile

Members = Sequence[tuple[int, MemberRecord]]


def check_register(
    members: Members, profile: RuleProfile, calendar: WorkingCalendar, today: dt.date
) -> list[Finding]:
    """All findings about the cell's register on `today`, most urgent first."""
    on_register = [
        (member_id, record)
        for member_id, record in members
        if standing_on(record.events, today) in ON_REGISTER
    ]
    findings = _cell_size(on_register, profile)
    findings += _recognition_due(on_register, profile, calendar, today)
    findings += _record_update(profile, today)
    findings += _record_problems(members, profile, today)
    return sort_findings(findings)


def _cell_size(on_register: Members, profile: RuleProfile) -> list[Finding]:
    """Rule 9 (at least 3 full members) and Điều lệ 24.4 (9 or more elect a chi ủy)."""
    rules = profile.members
    full = sum(1 for _id, record in on_register if record.status is MembershipStatus.FULL)
    findings: list[Finding] = []
    if full < rules.min_full_members.value:
        findings.append(
            Finding(
                "members.min_full_members",
                Severity.WARN,
                "",
                Message(
                    N_(
                        "The cell has {count} full members on its register; a cell needs at "
                        "least {minimum} to decide validly. Ask the superior committee to add "
                        "members or merge the cell."
                    ),
                    {"count": full, "minimum": rules.min_full_members.value},
                ),
                rules.min_full_members.citation,
            )
        )
    if full >= rules.chi_uy_min_full_members.value:
        findings.append(
            Finding(
                "members.chi_uy_min_full_members",
                Severity.INFO,
                "",
                Message(
                    N_(
                        "The cell has {count} full members (at least {minimum}): it elects a "
                        "cell committee, and the secretary and deputy from among its members."
                    ),
                    {"count": full, "minimum": rules.chi_uy_min_full_members.value},
                ),
                rules.chi_uy_min_full_members.citation,
            )
        )
    return findings


def _recognition_due(
    on_register: Members, profile: RuleProfile, calendar: WorkingCalendar, today: dt.date
) -> list[Finding]:
    """Rule 32: consider recognition within the deadline in working days after probation."""
    rules = profile.members
    days = rules.recognition_deadline_working_days.value
    findings: list[Finding] = []
    for member_id, record in on_register:
        end = probation_end(record, rules)
        if record.status is not MembershipStatus.PROBATIONARY or end is None:
            continue
        if (end - today).days > rules.recognition_reminder_days.value:
            continue
        deadline = calendar.add_working_days(end, days)
        late = today > deadline
        text = (
            N_(
                "The probation ended on {end}; the deadline to consider recognition was "
                "{deadline}. Hold the cell's vote without delay."
            )
            if late
            else N_(
                "The probation ends on {end}; the cell must consider recognition as a full "
                "member by {deadline}."
            )
        )
        findings.append(
            Finding(
                "members.recognition_due",
                Severity.WARN if late else Severity.INFO,
                record.full_name,
                Message(text, {"end": end, "deadline": deadline}),
                rules.recognition_deadline_working_days.citation,
                member_id,
            )
        )
    return findings


def _record_update(profile: RuleProfile, today: dt.date) -> list[Finding]:
    """Rule 45: the yearly reminder to collect record-update slips."""
    rule = profile.members.record_update_month
    if today.month != rule.value:
        return []
    message = Message(
        N_(
            "Collect the members' record-update slips for {year} and send them to the "
            "superior committee."
        ),
        {"year": str(today.year)},
    )
    return [Finding("members.record_update", Severity.INFO, "", message, rule.citation)]


def _record_problems(members: Members, profile: RuleProfile, today: dt.date) -> list[Finding]:
    """Entries that could not be saved by hand (e.g. imported) are shown as warnings."""
    return [
        Finding(
            "members.record_problem",
            Severity.WARN,
            record.full_name,
            problem.message,
            "",
            member_id,
        )
        for member_id, record in members
        for problem in validate_record(record, profile.members, today)
        if problem.severity is Severity.BLOCK
    ]
