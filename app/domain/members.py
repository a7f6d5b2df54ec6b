"""Party members (đảng viên) of the cell: their record, status history and validation.

Pure rules. Every threshold (minimum age at admission, probation months, minimum full members)
comes from the regulation profile passed in.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

# Re-exported: callers find the member date rules here (members.age_in_months).
from app.domain.dates import add_months as add_months
from app.domain.dates import age_in_months as age_in_months
from app.domain.findings import Problem, Severity
from app.domain.messages import N_, Message
from app.domain.text import fold, nfc, nfc_multiline

if TYPE_CHECKING:
    # Type hints only: the profile module loads tomllib, which the window's start-up (which
    # imports these records through the service DTOs) does not need.
    from app.domain.profile import MemberRules


class Gender(enum.StrEnum):
    MALE = "male"  # Nam
    FEMALE = "female"  # Nữ


class MembershipStatus(enum.StrEnum):
    """Full member (đảng viên chính thức) or probationary member (đảng viên dự bị)."""

    FULL = "full"
    PROBATIONARY = "probationary"


class CellRole(enum.StrEnum):
    """Role in the cell: bí thư, phó bí thư, chi ủy viên, đảng viên."""

    SECRETARY = "secretary"
    DEPUTY = "deputy"
    COMMITTEE = "committee"
    MEMBER = "member"


class EventKind(enum.StrEnum):
    """A change in a member's standing (biến động), each with a date and a decision reference."""

    TRANSFER_IN = "transfer_in"  # chuyển sinh hoạt đến
    TRANSFER_OUT = "transfer_out"  # chuyển sinh hoạt đi
    ATTACH_ELSEWHERE = "attach_elsewhere"  # sinh hoạt tạm thời nơi khác
    ATTACH_RETURN = "attach_return"  # trở về sinh hoạt tại chi bộ
    EXEMPT = "exempt"  # miễn công tác và sinh hoạt đảng
    EXEMPT_END = "exempt_end"  # thôi miễn sinh hoạt
    SUSPEND = "suspend"  # đình chỉ sinh hoạt đảng
    SUSPEND_END = "suspend_end"  # hết đình chỉ
    STRIKE_OFF = "strike_off"  # xóa tên
    EXPEL = "expel"  # khai trừ
    DEATH = "death"  # từ trần


class Standing(enum.StrEnum):
    """Where a member stands on a given day, derived from the status history."""

    ACTIVE = "active"
    ATTACHED_ELSEWHERE = "attached_elsewhere"
    EXEMPT = "exempt"
    SUSPENDED = "suspended"
    TRANSFERRED_OUT = "transferred_out"
    STRUCK_OFF = "struck_off"
    EXPELLED = "expelled"
    DECEASED = "deceased"


#: Standings in which a person still belongs to the cell's register.
ON_REGISTER = frozenset(
    {Standing.ACTIVE, Standing.ATTACHED_ELSEWHERE, Standing.EXEMPT, Standing.SUSPENDED}
)


@dataclass(frozen=True)
class StatusEvent:
    """One entry of the status history (biến động)."""

    kind: EventKind
    date: dt.date
    decision_ref: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class MemberRecord:
    """The register entry of one member, as typed by the secretary (NFC-normalised).

    `admission_date` is the date written in the admission decision: party seniority (tuổi đảng)
    counts from it. `ceremony_date` starts the 12-month probation.
    """

    full_name: str
    gender: Gender
    birth_date: dt.date
    status: MembershipStatus = MembershipStatus.FULL
    role: CellRole = CellRole.MEMBER
    ethnicity: str = "Kinh"
    religion: str = ""
    hometown: str = ""
    residence: str = ""
    phone: str = ""
    education: str = ""
    theory_level: str = ""
    occupation: str = ""
    workplace: str = ""
    card_number: str = ""
    admission_date: dt.date | None = None
    ceremony_date: dt.date | None = None
    recognition_date: dt.date | None = None
    note: str = ""
    events: tuple[StatusEvent, ...] = field(default_factory=tuple)


# --- Normalisation --------------------------------------------------------------------------

_MULTILINE_FIELDS = frozenset({"note"})


def _normalized_text(name: str, value: str) -> str:
    return nfc_multiline(value) if name in _MULTILINE_FIELDS else nfc(value)


def normalize_record(record: MemberRecord) -> MemberRecord:
    """NFC-normalise every text field of the record and of its events (notes keep line breaks)."""
    changes: dict[str, Any] = {
        f.name: _normalized_text(f.name, value)
        for f in fields(record)
        # StrEnum fields (gender, status, role) are str too; they must stay enums.
        if isinstance(value := getattr(record, f.name), str) and not isinstance(value, enum.Enum)
    }
    events = tuple(
        replace(e, decision_ref=nfc(e.decision_ref), note=nfc_multiline(e.note))
        for e in record.events
    )
    return replace(record, **changes, events=events)


# --- Dates ----------------------------------------------------------------------------------


def probation_end(record: MemberRecord, rules: MemberRules) -> dt.date | None:
    """The day the probation (thời kỳ dự bị) ends: ceremony date + probation months.

    The member is recognised as of this day even if the cell decides later (rule 33); None
    without a ceremony date.
    """
    if record.ceremony_date is None:
        return None
    return add_months(record.ceremony_date, rules.probation_months.value)


def seniority_years(record: MemberRecord, day: dt.date) -> int | None:
    """Party seniority (tuổi đảng): full years since the date of the admission decision."""
    if record.admission_date is None:
        return None
    return max(0, age_in_months(record.admission_date, day) // 12)


# --- Standing -------------------------------------------------------------------------------

_TERMINAL = {
    EventKind.TRANSFER_OUT: Standing.TRANSFERRED_OUT,
    EventKind.STRIKE_OFF: Standing.STRUCK_OFF,
    EventKind.EXPEL: Standing.EXPELLED,
    EventKind.DEATH: Standing.DECEASED,
}
# Start event -> (its end event, the standing while open).
_PERIODS = {
    EventKind.SUSPEND: (EventKind.SUSPEND_END, Standing.SUSPENDED),
    EventKind.EXEMPT: (EventKind.EXEMPT_END, Standing.EXEMPT),
    EventKind.ATTACH_ELSEWHERE: (EventKind.ATTACH_RETURN, Standing.ATTACHED_ELSEWHERE),
}
_END_OF = {end: start for start, (end, _standing) in _PERIODS.items()}


@dataclass
class _Replay:
    terminal: Standing | None = None
    open_periods: set[EventKind] = field(default_factory=set)

    def apply(self, kind: EventKind) -> None:
        if self.terminal is Standing.DECEASED:
            return
        if kind in _TERMINAL:
            self.terminal = _TERMINAL[kind]
        elif kind is EventKind.TRANSFER_IN:
            # Back on this cell's register: a fresh start, earlier periods no longer apply here.
            if self.terminal is not None:
                self.open_periods.clear()
            self.terminal = None
        elif kind in _PERIODS:
            self.open_periods.add(kind)
        elif kind in _END_OF:
            self.open_periods.discard(_END_OF[kind])

    def standing(self) -> Standing:
        if self.terminal is not None:
            return self.terminal
        for start, (_end, standing) in _PERIODS.items():  # in order of precedence
            if start in self.open_periods:
                return standing
        return Standing.ACTIVE


def _replay(events: Iterable[StatusEvent], day: dt.date) -> _Replay:
    state = _Replay()
    for event in sorted((e for e in events if e.date <= day), key=lambda e: e.date):
        state.apply(event.kind)
    return state


def standing_on(events: Sequence[StatusEvent], day: dt.date) -> Standing:
    """Where the member stands on `day` (inclusive), replaying the status history (biến động).

    Leaving the register (transfer out, striking off, expulsion) lasts until a later transfer
    in; death is final. Precedence: left the register > suspended > exempt > attached > active.
    """
    return _replay(events, day).standing()


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
    problems += _period_problems(_replay(history, event.date), event)
    return problems


def _period_problems(state: _Replay, event: StatusEvent) -> list[Problem]:
    if event.kind in _END_OF and _END_OF[event.kind] not in state.open_periods:
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
    if event.kind in _PERIODS and event.kind in state.open_periods:
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
    if event.kind in _TERMINAL and state.terminal is not None:
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
