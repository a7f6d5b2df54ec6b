"""Party members (đảng viên) of the cell: their record and status history.

Validation of a record or an event is in app.domain.member_validation.

Pure rules. Every threshold (minimum age at admission, probation months, minimum full members)
comes from the regulation profile passed in.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

# Re-exported: callers find the member date rules here (members.age_in_months).
from app.domain.dates import add_months as add_months
from app.domain.dates import age_in_months as age_in_months

# Re-exported: the enumerations live in their own light module (see its docstring).
from app.domain.member_enums import ON_REGISTER as ON_REGISTER
from app.domain.member_enums import CellRole as CellRole
from app.domain.member_enums import EventKind as EventKind
from app.domain.member_enums import Gender as Gender
from app.domain.member_enums import MembershipStatus as MembershipStatus
from app.domain.member_enums import Standing as Standing
from app.domain.text import nfc, nfc_multiline

if TYPE_CHECKING:
    # Type hints only: the profile module loads tomllib, which the window's start-up (which
    # imports these records through the service DTOs) does not need.
    from app.domain.profile import MemberRules


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

TERMINAL_EVENTS = {
    EventKind.TRANSFER_OUT: Standing.TRANSFERRED_OUT,
    EventKind.STRIKE_OFF: Standing.STRUCK_OFF,
    EventKind.EXPEL: Standing.EXPELLED,
    EventKind.DEATH: Standing.DECEASED,
}
# Start event -> (its end event, the standing while open).
PERIOD_EVENTS = {
    EventKind.SUSPEND: (EventKind.SUSPEND_END, Standing.SUSPENDED),
    EventKind.EXEMPT: (EventKind.EXEMPT_END, Standing.EXEMPT),
    EventKind.ATTACH_ELSEWHERE: (EventKind.ATTACH_RETURN, Standing.ATTACHED_ELSEWHERE),
}
PERIOD_START_OF = {end: start for start, (end, _standing) in PERIOD_EVENTS.items()}


@dataclass
class HistoryState:
    """The status history replayed up to a day: left the register, and periods still open."""

    terminal: Standing | None = None
    open_periods: set[EventKind] = field(default_factory=set)

    def apply(self, kind: EventKind) -> None:
        if self.terminal is Standing.DECEASED:
            return
        if kind in TERMINAL_EVENTS:
            self.terminal = TERMINAL_EVENTS[kind]
        elif kind is EventKind.TRANSFER_IN:
            # Back on this cell's register: a fresh start, earlier periods no longer apply here.
            if self.terminal is not None:
                self.open_periods.clear()
            self.terminal = None
        elif kind in PERIOD_EVENTS:
            self.open_periods.add(kind)
        elif kind in PERIOD_START_OF:
            self.open_periods.discard(PERIOD_START_OF[kind])

    def standing(self) -> Standing:
        if self.terminal is not None:
            return self.terminal
        for start, (_end, standing) in PERIOD_EVENTS.items():  # in order of precedence
            if start in self.open_periods:
                return standing
        return Standing.ACTIVE


def replay_history(events: Iterable[StatusEvent], day: dt.date) -> HistoryState:
    """Apply the events dated on or before `day`, oldest first."""
    state = HistoryState()
    for event in sorted((e for e in events if e.date <= day), key=lambda e: e.date):
        state.apply(event.kind)
    return state


def standing_on(events: Sequence[StatusEvent], day: dt.date) -> Standing:
    """Where the member stands on `day` (inclusive), replaying the status history (biến động).

    Leaving the register (transfer out, striking off, expulsion) lasts until a later transfer
    in; death is final. Precedence: left the register > suspended > exempt > attached > active.
    """
    return replay_history(events, day).standing()
