"""The register of party members (đảng viên): list, read, validate and change entries.

Every write is one transaction. Blocking problems raise `ValidationError` and nothing is saved;
warnings come back in `SaveResult.warnings`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.domain.findings import Problem, Severity
from app.domain.member_validation import find_duplicates, validate_event, validate_record
from app.domain.members import (
    ON_REGISTER,
    MemberRecord,
    StatusEvent,
    normalize_record,
)
from app.domain.text import matches_query, nfc, nfc_multiline
from app.l10n import _
from app.services.base import (
    ServiceContext,
    apply_record,
    audit,
    detail_of,
    event_row,
    get_member,
    live_records,
    load_members,
    record_of,
    sorted_summaries,
    summary_of,
    unit_of_work,
)
from app.services.dto import Changes, MemberDetail, MemberSummary, SaveResult
from app.services.errors import NotFoundError, ValidationError, blocking, raise_if_blocked
from app.storage.models import Member, MemberEvent, utc_now

AREA = "members"

# The service has a method named `list`, so annotations inside the class use these aliases.
Problems = list[Problem]
Summaries = list[MemberSummary]
Records = list[tuple[int, MemberRecord]]


def _not_found(member_id: int) -> NotFoundError:
    return NotFoundError(
        _("Member number {id} was not found; it may have been deleted. Reload the list.").format(
            id=member_id
        )
    )


class MemberService:
    """Use cases of the member register (danh sách đảng viên)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading -----------------------------------------------------------------------------

    def list(self, *, query: str = "", include_former: bool = False) -> Summaries:
        """The register in Vietnamese name order, filtered by a diacritic-free `query`.

        Only members on the register unless `include_former` (transferred out, struck off,
        expelled, deceased); soft-deleted members never appear.
        """
        day = self._ctx.today()
        with unit_of_work(self._ctx) as session:
            records = live_records(session)
        rows = [summary_of(member_id, record, day) for member_id, record in records]
        return sorted_summaries(
            [
                row
                for row in rows
                if (include_former or row.standing in ON_REGISTER)
                and matches_query(row.search_key, query)
            ]
        )

    def list_deleted(self) -> Summaries:
        """Soft-deleted members, which `restore` can bring back."""
        day = self._ctx.today()
        with unit_of_work(self._ctx) as session:
            rows = [
                summary_of(r.id, record_of(r), day) for r in load_members(session, deleted=True)
            ]
        return sorted_summaries(rows)

    def get(self, member_id: int) -> MemberDetail:
        """A member's whole record; raises `NotFoundError` when there is no such member."""
        with unit_of_work(self._ctx) as session:
            row = get_member(session, member_id)
            if row is None:
                raise _not_found(member_id)
            return detail_of(row, self._ctx.today())

    def all_records(self) -> Records:
        """(id, record) of every member not deleted, on the register or former, with events."""
        with unit_of_work(self._ctx) as session:
            return live_records(session)

    # -- validation --------------------------------------------------------------------------

    def validate(self, record: MemberRecord, member_id: int | None = None) -> Problems:
        """Every problem with `record` (blocking and warnings) without writing anything.

        `member_id` is the entry being edited, so it is not reported as its own duplicate.
        """
        with unit_of_work(self._ctx) as session:
            others = live_records(session)
            return self._problems(
                normalize_record(record), others, member_id, with_history=member_id is None
            )

    def _problems(
        self,
        record: MemberRecord,
        others: Sequence[tuple[int, MemberRecord]],
        member_id: int | None,
        *,
        with_history: bool = True,
    ) -> Problems:
        today = self._ctx.today()
        problems = validate_record(record, self._ctx.profile.members, today)
        problems += find_duplicates(record, others, exclude_id=member_id)
        if with_history:
            problems += _history_problems(record, today)
        return problems

    # -- writing -----------------------------------------------------------------------------

    def create(self, record: MemberRecord) -> SaveResult:
        """Add a member to the register; `record.events` (status history) are saved too."""
        record = normalize_record(record)
        with unit_of_work(self._ctx) as session:
            problems = self._problems(record, live_records(session), None)
            raise_if_blocked(problems)
            member_id = _insert(session, record)
            audit(session, "create", AREA, member_id, f"events={len(record.events)}")
        return _result(member_id, problems)

    def update(self, member_id: int, record: MemberRecord) -> SaveResult:
        """Change a member's record. The status history is kept as stored (see add_event)."""
        record = normalize_record(record)
        with unit_of_work(self._ctx) as session:
            row = _live_row(session, member_id)
            record = dataclasses.replace(record, events=record_of(row).events)
            # The stored history was checked when each entry was added.
            others = live_records(session)
            problems = self._problems(record, others, member_id, with_history=False)
            raise_if_blocked(problems)
            apply_record(row, record)
            audit(session, "update", AREA, member_id)
        return _result(member_id, problems)

    def add_event(self, member_id: int, event: StatusEvent) -> Changes:
        """Record a change of standing (biến động), e.g. a transfer out, checked against the
        member's history."""
        event = _normalize_event(event)
        with unit_of_work(self._ctx) as session:
            row = _live_row(session, member_id)
            raise_if_blocked(validate_event(record_of(row), event, self._ctx.today()))
            row.events.append(event_row(event))
            audit(session, "add_event", AREA, member_id, f"kind={event.kind.value}")
        return Changes.of(AREA, ids=(member_id,))

    def remove_event(self, member_id: int, event_id: int) -> Changes:
        """Remove one entry of a member's status history (recorded in the audit trail)."""
        with unit_of_work(self._ctx) as session:
            row = _live_row(session, member_id)
            event = session.get(MemberEvent, event_id)
            if event is None or event.member_id != member_id:
                raise NotFoundError(
                    _("This entry of the status history was not found. Reload the member.")
                )
            kind = event.kind.value
            row.events.remove(event)
            audit(session, "remove_event", AREA, member_id, f"event={event_id} kind={kind}")
        return Changes.of(AREA, ids=(member_id,))

    def delete(self, member_id: int) -> Changes:
        """Delete a member softly: the entry leaves every list but `restore` brings it back."""
        with unit_of_work(self._ctx) as session:
            row = _live_row(session, member_id)
            row.deleted_at = utc_now()
            audit(session, "delete", AREA, member_id)
        return Changes.of(AREA, ids=(member_id,))

    def restore(self, member_id: int) -> Changes:
        """Bring back a soft-deleted member, unless an equal entry has been added since."""
        with unit_of_work(self._ctx) as session:
            row = get_member(session, member_id)
            if row is None or row.deleted_at is None:
                raise _not_found(member_id)
            raise_if_blocked(find_duplicates(record_of(row), live_records(session)))
            row.deleted_at = None
            audit(session, "restore", AREA, member_id)
        return Changes.of(AREA, ids=(member_id,))

    def create_many(self, records: Sequence[MemberRecord]) -> Changes:
        """Add many members at once (the import): all of them or, on any blocking problem,
        none. Duplicates are checked against the register and within the batch."""
        normalized = [normalize_record(r) for r in records]
        with unit_of_work(self._ctx) as session:
            known = live_records(session)
            row_problems: dict[int, Problems] = {}
            for index, record in enumerate(normalized):
                # Earlier records of the batch get negative ids: they are not in the table yet.
                batch = [(-(i + 1), r) for i, r in enumerate(normalized[:index])]
                found = blocking(self._problems(record, [*known, *batch], None))
                if found:
                    row_problems[index] = found
            if row_problems:
                flat = [p for found in row_problems.values() for p in found]
                raise ValidationError(flat, row_problems)
            ids = tuple(_insert(session, record) for record in normalized)
            audit(session, "create_many", AREA, None, f"count={len(ids)}")
        return Changes.of(AREA, ids=ids)


def _normalize_event(event: StatusEvent) -> StatusEvent:
    return dataclasses.replace(
        event, decision_ref=nfc(event.decision_ref), note=nfc_multiline(event.note)
    )


def _history_problems(record: MemberRecord, today: dt.date) -> list[Problem]:
    """Check a new member's status history entry by entry, oldest first, as if each were
    added in turn."""
    problems: list[Problem] = []
    history: tuple[StatusEvent, ...] = ()
    for event in sorted(record.events, key=lambda e: e.date):
        problems += validate_event(dataclasses.replace(record, events=history), event, today)
        history = (*history, event)
    return problems


def _live_row(session: Session, member_id: int) -> Member:
    row = get_member(session, member_id)
    if row is None or row.deleted_at is not None:
        raise _not_found(member_id)
    return row


def _insert(session: Session, record: MemberRecord) -> int:
    row = Member()
    apply_record(row, record)
    row.events = [event_row(e) for e in record.events]
    session.add(row)
    session.flush()
    return row.id


def _result(member_id: int, problems: list[Problem]) -> SaveResult:
    warnings = tuple(p for p in problems if p.severity != Severity.BLOCK)
    return SaveResult(id=member_id, warnings=warnings, changes=Changes.of(AREA, ids=(member_id,)))
