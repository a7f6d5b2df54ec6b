"""What every service shares: the context, the unit of work, and ORM <-> record mapping.

Services open one unit of work (one transaction) per user action, apply the domain rules and
return frozen DTOs; ORM objects never leave this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.calendar import WorkingCalendar
from app.domain.members import MemberRecord, StatusEvent, seniority_years, standing_on
from app.domain.profile import RuleProfile
from app.domain.text import fold, name_sort_key
from app.services.dto import MemberDetail, MemberSummary
from app.services.storage_errors import user_error_from
from app.storage.database import Database
from app.storage.errors import StorageError
from app.storage.models import AuditEntry, Member, MemberEvent

#: MemberRecord fields stored as columns of the member table (events live in member_event).
RECORD_COLUMNS = tuple(f.name for f in fields(MemberRecord) if f.name != "events")


@dataclass(frozen=True)
class ServiceContext:
    """What a service needs: the open database, the rules, the calendar and today's date."""

    db: Database
    profile: RuleProfile
    calendar: WorkingCalendar
    today: Callable[[], dt.date]


@contextmanager
def unit_of_work(ctx: ServiceContext) -> Iterator[Session]:
    """One transaction for one user action; storage failures become a worded `UserError`."""
    try:
        with ctx.db.unit_of_work() as session:
            yield session
    except StorageError as error:
        raise user_error_from(error) from error


def audit(
    session: Session, action: str, entity: str, entity_id: int | None, detail: str = ""
) -> None:
    """Add an audit-trail row. `detail` must never hold personal data (names, dates, ratings)."""
    session.add(AuditEntry(action=action, entity=entity, entity_id=entity_id, detail=detail))


def event_of(row: MemberEvent) -> StatusEvent:
    """The domain form of a stored status-history entry."""
    return StatusEvent(
        kind=row.kind, date=row.date, decision_ref=row.decision_ref, note=row.note, id=row.id
    )


def event_row(event: StatusEvent) -> MemberEvent:
    """A new row for a status-history entry (its id is assigned on insert)."""
    return MemberEvent(
        kind=event.kind, date=event.date, decision_ref=event.decision_ref, note=event.note
    )


def record_of(row: Member) -> MemberRecord:
    """The domain form of a stored member, status history included (oldest first)."""
    values = {name: getattr(row, name) for name in RECORD_COLUMNS}
    events = tuple(event_of(e) for e in sorted(row.events, key=lambda e: (e.date, e.id)))
    return MemberRecord(**values, events=events)


def apply_record(row: Member, record: MemberRecord) -> None:
    """Copy every column field of `record` onto `row` (the status history is not touched)."""
    for name in RECORD_COLUMNS:
        setattr(row, name, getattr(record, name))


def load_members(session: Session, *, deleted: bool = False) -> list[Member]:
    """Members with their status history: the live ones, or only the soft-deleted ones."""
    condition = Member.deleted_at.is_not(None) if deleted else Member.deleted_at.is_(None)
    query = select(Member).where(condition).options(selectinload(Member.events))
    return list(session.scalars(query))


def live_records(session: Session) -> list[tuple[int, MemberRecord]]:
    """(id, record) of every member that is not deleted, on the register or former."""
    return [(row.id, record_of(row)) for row in load_members(session)]


def get_member(session: Session, member_id: int) -> Member | None:
    """The member row with this id, deleted or not, or None."""
    return session.get(Member, member_id, options=[selectinload(Member.events)])


def search_key(record: MemberRecord) -> str:
    """What the list's search box matches: the folded name, phone and party card number."""
    parts = (fold(record.full_name), fold(record.phone), fold(record.card_number))
    return " ".join(part for part in parts if part)


def summary_of(member_id: int, record: MemberRecord, day: dt.date) -> MemberSummary:
    """One row of the register list, with the member's standing on `day`."""
    return MemberSummary(
        id=member_id,
        full_name=record.full_name,
        gender=record.gender,
        birth_date=record.birth_date,
        ethnicity=record.ethnicity,
        status=record.status,
        role=record.role,
        standing=standing_on(record.events, day),
        admission_date=record.admission_date,
        phone=record.phone,
        search_key=search_key(record),
        sort_key=name_sort_key(record.full_name),
    )


def detail_of(row: Member, day: dt.date) -> MemberDetail:
    """A member's whole record with standing and party seniority (tuổi đảng) on `day`."""
    record = record_of(row)
    return MemberDetail(
        id=row.id,
        record=record,
        standing=standing_on(record.events, day),
        seniority_years=seniority_years(record, day),
        deleted=row.deleted_at is not None,
    )


def sorted_summaries(summaries: Sequence[MemberSummary]) -> list[MemberSummary]:
    """Vietnamese list order: given name first, Vietnamese letter order; id breaks ties."""
    return sorted(summaries, key=lambda s: (s.sort_key, s.id))
