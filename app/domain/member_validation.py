"""Validation of a member's record and of a status-history entry (biến động).

Pure rules: thresholds (age at admission, probation months) come from the regulation profile.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.domain.dates import age_in_months
from app.domain.findings import Problem, Severity
from app.domain.members import (
    PERIOD_EVENTS,
    PERIOD_START_OF,
    TERMINAL_EVENTS,
    CellRole,
    EventKind,
    HistoryState,
    MemberRecord,
    MembershipStatus,
    StatusEvent,
    probation_end,
    replay_history,
)
from app.domain.messages import N_, Message
from app.domain.text import fold, nfc

if TYPE_CHECKING:
    from app.domain.profile import MemberRules

# --- Validation -----------------------------------------------------------------------------

_COMMITTEE_ROLES = frozenset({CellRole.SECRETARY, CellRole.DEPUTY, CellRole.COMMITTEE})
_PHONE_SEPARATORS = re.compile(r"[\s.\-]")
_PHONE_DIGITS = (9, 11)  # a Vietnamese number written from its leading 0: 10 (mobile) or 11


def _block(field_name: str, text: str, **params: dt.date | str | int) -> Problem:
    return Problem(field_name, Message(text, params))


def _warn(field_name: str, text: str, **params: dt.date | str | int) -> Problem:
    return Problem(field_name, Message(text, params), Severity.WARN)


def _looks_like_phone(phone: str) -> bool:
    compact = _PHONE_SEPARATORS.sub("", phone)
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    return compact.isdigit() and _PHONE_DIGITS[0] <= len(compact) <= _PHONE_DIGITS[1]


# Per date field: (message when in the future, message when before the date of birth).
_DATE_MESSAGES = {
    "admission_date": (
        N_("The admission decision date {date} is in the future. Check this date."),
        N_(
            "The admission decision date {date} is before the date of birth {birth}. "
            "Check both dates."
        ),
    ),
    "ceremony_date": (
        N_("The admission ceremony date {date} is in the future. Check this date."),
        N_(
            "The admission ceremony date {date} is before the date of birth {birth}. "
            "Check both dates."
        ),
    ),
    "recognition_date": (
        N_("The recognition date {date} is in the future. Check this date."),
        N_("The recognition date {date} is before the date of birth {birth}. Check both dates."),
    ),
}


def _date_problems(record: MemberRecord, today: dt.date) -> list[Problem]:
    """Dates in the future or before the date of birth."""
    problems: list[Problem] = []
    if record.birth_date > today:
        problems.append(
            _block(
                "birth_date",
                N_("The date of birth {date} is in the future. Enter the real date of birth."),
                date=record.birth_date,
            )
        )
    for name, (future, before_birth) in _DATE_MESSAGES.items():
        value: dt.date | None = getattr(record, name)
        if value is not None and value > today:
            problems.append(_block(name, future, date=value))
        if value is not None and value < record.birth_date:
            problems.append(_block(name, before_birth, date=value, birth=record.birth_date))
    return problems


def _admission_problems(record: MemberRecord, rules: MemberRules) -> list[Problem]:
    """Age at the admission decision (rule 25) and the order admission -> ceremony."""
    problems: list[Problem] = []
    admission = record.admission_date
    if admission is not None:
        months = age_in_months(record.birth_date, admission)
        if months < rules.min_admission_age_years.value * 12:
            problems.append(
                _block(
                    "admission_date",
                    N_(
                        "On the admission decision date {date} the member was not yet "
                        "{years} years old. Check the date of birth and the admission date."
                    ),
                    date=admission,
                    years=rules.min_admission_age_years.value,
                )
            )
        elif months > rules.max_admission_age_years.value * 12:
            problems.append(
                _warn(
                    "admission_date",
                    N_(
                        "On the admission decision date {date} the member was over {years} "
                        "years old: the admission needed the consent of the province-level "
                        "party committee."
                    ),
                    date=admission,
                    years=rules.max_admission_age_years.value,
                )
            )
    if admission is not None and record.ceremony_date and record.ceremony_date < admission:
        problems.append(
            _block(
                "ceremony_date",
                N_(
                    "The admission ceremony date {date} is before the admission decision "
                    "date {admission}. Check both dates."
                ),
                date=record.ceremony_date,
                admission=admission,
            )
        )
    return problems


def _status_problems(record: MemberRecord, rules: MemberRules, today: dt.date) -> list[Problem]:
    """Probation, recognition and status must agree (rules 32-33; Điều lệ Điều 3)."""
    problems: list[Problem] = []
    end = probation_end(record, rules)
    probationary = record.status is MembershipStatus.PROBATIONARY
    if end is not None and record.recognition_date is not None and record.recognition_date < end:
        problems.append(
            _block(
                "recognition_date",
                N_(
                    "The recognition date {date} is before the end of probation {end}. "
                    "A member is recognised only once the probation has ended."
                ),
                date=record.recognition_date,
                end=end,
            )
        )
    if not probationary and end is not None and end > today:
        problems.append(
            _block(
                "status",
                N_(
                    "The probation lasts until {end}: the member cannot be a full member yet. "
                    "Set the status to probationary member or check the ceremony date."
                ),
                end=end,
            )
        )
    if probationary and record.recognition_date is not None:
        problems.append(
            _block(
                "status",
                N_(
                    "A recognition date is entered but the status is probationary member. "
                    "Set the status to full member or clear the recognition date."
                ),
            )
        )
    if probationary and record.role in _COMMITTEE_ROLES:
        problems.append(
            _block(
                "role",
                N_(
                    "A probationary member cannot be secretary, deputy secretary or committee "
                    'member. Choose "party member" as the role.'
                ),
            )
        )
    if probationary and end is not None and end <= today and record.recognition_date is None:
        problems.append(
            _warn(
                "status",
                N_(
                    "The probation ended on {end}: the cell must consider recognising this "
                    "member as a full member."
                ),
                end=end,
            )
        )
    return problems


def validate_record(record: MemberRecord, rules: MemberRules, today: dt.date) -> list[Problem]:
    """Check one register entry; BLOCK problems stop the save, WARN ones are shown."""
    problems: list[Problem] = []
    if not nfc(record.full_name):
        problems.append(
            _block("full_name", N_("The full name is empty. Enter the member's full name."))
        )
    problems += _date_problems(record, today)
    problems += _admission_problems(record, rules)
    problems += _status_problems(record, rules, today)
    if record.status is MembershipStatus.FULL and record.admission_date is None:
        problems.append(
            _warn(
                "admission_date",
                N_(
                    "The admission decision date is missing: party seniority counts from it. "
                    "Enter the date written in the admission decision."
                ),
            )
        )
    if record.phone.strip() and not _looks_like_phone(record.phone):
        problems.append(
            _warn(
                "phone",
                N_(
                    "The phone number {phone} does not look like a Vietnamese number. "
                    "Enter 10 digits such as 0912 345 678, or +84 912 345 678."
                ),
                phone=record.phone,
            )
        )
    return problems


def find_duplicates(
    record: MemberRecord,
    others: Iterable[tuple[int, MemberRecord]],
    exclude_id: int | None = None,
) -> list[Problem]:
    """BLOCK when another entry has the same name (ignoring accents and case) and birth date."""
    key = fold(record.full_name)
    return [
        _block(
            "full_name",
            N_(
                "{name}, born {birth}, is already on the register. Open that entry "
                "instead of adding the member twice."
            ),
            name=other.full_name,
            birth=other.birth_date,
        )
        for other_id, other in others
        if other_id != exclude_id
        and other.birth_date == record.birth_date
        and fold(other.full_name) == key
    ]


def validate_event(record: MemberRecord, event: StatusEvent, today: dt.date) -> list[Problem]:
    """Check a new or edited status event against the member's existing history."""
    problems: list[Problem] = []
    if event.date > today:
        problems.append(
            _block(
                "date",
                N_("The date of the change {date} is in the future. Check this date."),
                date=event.date,
            )
        )
    if event.date < record.birth_date:
        problems.append(
            _block(
                "date",
                N_(
                    "The date of the change {date} is before the date of birth {birth}. "
                    "Check both dates."
                ),
                date=event.date,
                birth=record.birth_date,
            )
        )
    history = [e for e in record.events if event.id is None or e.id != event.id]
    deaths = [e.date for e in history if e.kind is EventKind.DEATH]
    if deaths and (event.kind is EventKind.DEATH or event.date > min(deaths)):
        problems.append(
            _block(
                "kind",
                N_("The member died on {date}: no change can be recorded after that."),
                date=min(deaths),
            )
        )
        return problems
    problems += _period_problems(replay_history(history, event.date), event)
    return problems


def _period_problems(state: HistoryState, event: StatusEvent) -> list[Problem]:
    if event.kind in PERIOD_START_OF and PERIOD_START_OF[event.kind] not in state.open_periods:
        return [
            _block(
                "kind",
                N_(
                    "On {date} there is no open period for this change to end. "
                    "Record the start first, or check the date."
                ),
                date=event.date,
            )
        ]
    if event.kind in PERIOD_EVENTS and event.kind in state.open_periods:
        return [
            _block(
                "kind",
                N_(
                    "On {date} the same kind of period is already open. "
                    "Record its end first, or check the date."
                ),
                date=event.date,
            )
        ]
    if event.kind in TERMINAL_EVENTS and state.terminal is not None:
        return [
            _block(
                "kind",
                N_(
                    "On {date} the member has already left the cell's register. "
                    "Record a transfer in first, or check the date."
                ),
                date=event.date,
            )
        ]
    return []
