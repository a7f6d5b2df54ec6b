"""Cell meetings (sinh hoạt chi bộ): start from the previous one, autosave drafts, finalize
with numbers from the document register, plan the thematic topics, remind of the next one.

Every write is one transaction with an audit entry that holds no personal data. A draft is
never refused for being incomplete; final minutes are read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.domain.findings import Finding, Problem
from app.domain.meeting_record import minutes_problems
from app.domain.meetings import REGULAR_KINDS, AttendanceStatus, MeetingKind
from app.domain.members import (
    ON_REGISTER,
    MemberRecord,
    MembershipStatus,
    Standing,
    standing_on,
)
from app.domain.messages import N_, Message
from app.domain.text import name_sort_key, nfc_multiline
from app.l10n import _, format_date
from app.services.base import ServiceContext, audit, live_records, unit_of_work
from app.services.document_register import issue_number, numbers_of_meeting
from app.services.dto import Changes
from app.services.errors import NotFoundError, UserError, ValidationError, raise_if_blocked
from app.services.meeting_carry import (
    apply_follow_up_progress,
    carried_follow_ups,
    known_members,
)
from app.services.meeting_dto import (
    AttendanceInput,
    MeetingDetail,
    MeetingInput,
    MeetingState,
    MeetingSummary,
    ResolutionKind,
    ThematicPlan,
    UpcomingMeeting,
)
from app.services.meeting_planning import (
    QUARTERS,
    findings_for_meetings,
    load_plan,
    quarter_of,
    store_topic,
    upcoming_of,
)
from app.services.meeting_quality import table_json
from app.services.meeting_rows import (
    MINUTES_DOCUMENT,
    RESOLUTION_DOCUMENT,
    apply_input,
    detail_of_meeting,
    load_meeting,
    load_meetings,
    member_names,
    normalize_input,
    record_of_meeting,
    summary_of_meeting,
)
from app.storage.models import Cell, Meeting, utc_now

AREA = "meetings"
CELL_ROW_ID = 1

#: Type codes of the profile's document table that a meeting takes numbers of (rule 40).
MINUTES_TYPE = "BB"  # biên bản
RESOLUTION_TYPES = {ResolutionKind.RESOLUTION: "NQ", ResolutionKind.CONCLUSION: "KL"}

# Default attendance for members who do not meet with the cell (rule 11 leaves them out).
_DEFAULT_STATUS = {
    Standing.EXEMPT: AttendanceStatus.EXEMPT,
    Standing.ATTACHED_ELSEWHERE: AttendanceStatus.ATTACHED_ELSEWHERE,
    Standing.SUSPENDED: AttendanceStatus.ABSENT_EXCUSED,
}

# The service has a method named `list`, so annotations inside the class use these aliases.
Summaries = list[MeetingSummary]
Problems = list[Problem]
Findings = list[Finding]


def _not_found(meeting_id: int) -> NotFoundError:
    return NotFoundError(
        _("Meeting number {id} was not found; it may have been deleted. Reload the list.").format(
            id=meeting_id
        )
    )


def _final_error() -> UserError:
    return UserError(_("These minutes are final and can no longer be changed or deleted."))


def membership_on(record: MemberRecord, day: dt.date) -> MembershipStatus:
    """Full or probationary on `day`: a member recognised after `day` was still a
    probationer then (đảng viên dự bị), and did not vote."""
    if record.status is MembershipStatus.PROBATIONARY:
        return MembershipStatus.PROBATIONARY
    if record.recognition_date is not None and day < record.recognition_date:
        return MembershipStatus.PROBATIONARY
    return MembershipStatus.FULL


def default_resolution_kind(kind: MeetingKind) -> ResolutionKind:
    """A thematic meeting issues only its minutes by default; the others a resolution."""
    return ResolutionKind.NONE if kind is MeetingKind.THEMATIC else ResolutionKind.RESOLUTION


class MeetingService:
    """Use cases of the cell's meetings and their minutes (biên bản)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading -----------------------------------------------------------------------------

    def list(self, year: int | None = None) -> Summaries:
        """The live meetings (of `year` when given), oldest first."""
        with unit_of_work(self._ctx) as session:
            rows = [
                r
                for r in load_meetings(session)
                if year is None or (r.date is not None and r.date.year == year)
            ]
            return [
                summary_of_meeting(r, self._ctx.profile, numbers_of_meeting(session, r.id))
                for r in rows
            ]

    def list_deleted(self) -> Summaries:
        """Soft-deleted drafts, which `restore` can bring back."""
        with unit_of_work(self._ctx) as session:
            return [
                summary_of_meeting(r, self._ctx.profile, {})
                for r in load_meetings(session, deleted=True)
            ]

    def get(self, meeting_id: int) -> MeetingDetail:
        """A meeting with everything computed; raises `NotFoundError` when there is none."""
        with unit_of_work(self._ctx) as session:
            return self._detail(session, _row(session, meeting_id, deleted_ok=True))

    def problems(self, meeting_id: int) -> Problems:
        """What blocks the final minutes of a meeting, and the warnings (rule 6)."""
        return list(self.get(meeting_id).problems)

    # -- writing -----------------------------------------------------------------------------

    def start(self, kind: MeetingKind, day: dt.date) -> MeetingDetail:
        """A new draft that starts from the previous meeting (`_previous_meeting`: for a
        regular meeting the last one with a regular part, skipping thematic meetings between):
        the roll call of everyone on the register on `day`, the previous agenda, the previous
        tasks as follow-up items, the secretary as chair, the planned thematic topic."""
        with unit_of_work(self._ctx) as session:
            records = live_records(session)
            data, memberships = self._new_input(session, kind, day, records)
            row = Meeting(state=MeetingState.DRAFT.value)
            apply_input(row, data, memberships)
            session.add(row)
            session.flush()
            audit(session, "start", AREA, row.id, f"kind={kind.value}")
            return self._detail(session, row)

    def save_draft(self, meeting_id: int, data: MeetingInput) -> MeetingDetail:
        """Autosave what was typed, complete or not. Only final minutes refuse a change."""
        data = normalize_input(data)
        with unit_of_work(self._ctx) as session:
            row = _row(session, meeting_id)
            if row.state == MeetingState.FINAL:
                raise _final_error()
            names = member_names(session)
            data = known_members(data, names)
            day = data.date or self._ctx.today()
            memberships = {
                member_id: membership_on(record, day) for member_id, record in live_records(session)
            }
            apply_input(row, data, memberships)
            apply_follow_up_progress(session, data.follow_ups)
            session.flush()
            audit(session, "save_draft", AREA, meeting_id)
            return self._detail(session, row)

    def finalize(self, meeting_id: int, on: dt.date) -> MeetingDetail:
        """Make the minutes final on `on`: refused with `ValidationError` listing every
        blocking problem; otherwise take the minutes number (BB) and the resolution (NQ) or
        conclusion (KL) number for the cell's current term. Read-only afterwards."""
        with unit_of_work(self._ctx) as session:
            row = _row(session, meeting_id)
            if row.state == MeetingState.FINAL:
                raise _final_error()
            record = record_of_meeting(row, member_names(session))
            raise_if_blocked(minutes_problems(record, self._ctx.profile))
            term_start = _term_start(session, on, record.date)
            for kind, type_code in _documents_of(row):
                issue_number(
                    session,
                    self._ctx.profile.documents,
                    type_code=type_code,
                    term_start=term_start,
                    issued_on=on,
                    document_kind=kind,
                    meeting_id=row.id,
                )
            row.state = MeetingState.FINAL.value
            row.finalized_at = utc_now()
            # Judged by today's table from now on, whatever profile is installed later.
            row.quality_table = table_json(self._ctx.profile.meetings.quality)
            session.flush()
            audit(session, "finalize", AREA, meeting_id)
            return self._detail(session, row)

    def delete(self, meeting_id: int) -> Changes:
        """Delete a draft softly: it leaves the list but `restore` brings it back."""
        with unit_of_work(self._ctx) as session:
            row = _row(session, meeting_id)
            if row.state == MeetingState.FINAL:
                raise _final_error()
            row.deleted_at = utc_now()
            audit(session, "delete", AREA, meeting_id)
        return Changes.of(AREA, ids=(meeting_id,))

    def restore(self, meeting_id: int) -> Changes:
        """Bring back a soft-deleted draft (undo of `delete`)."""
        with unit_of_work(self._ctx) as session:
            row = load_meeting(session, meeting_id)
            if row is None or row.deleted_at is None:
                raise _not_found(meeting_id)
            row.deleted_at = None
            audit(session, "restore", AREA, meeting_id)
        return Changes.of(AREA, ids=(meeting_id,))

    # -- planning ----------------------------------------------------------------------------

    def plan(self, year: int) -> ThematicPlan:
        """The thematic topics planned for each quarter of `year`."""
        with unit_of_work(self._ctx) as session:
            return load_plan(session, year)

    def set_plan(self, year: int, quarter: int, topic: str) -> ThematicPlan:
        """Plan the thematic topic of one quarter (1-4); an empty topic clears it."""
        if quarter not in QUARTERS:
            text = N_("The quarter must be 1, 2, 3 or 4, not {quarter}.")
            raise ValidationError([Problem("quarter", Message(text, {"quarter": quarter}))])
        topic = nfc_multiline(topic)
        with unit_of_work(self._ctx) as session:
            store_topic(session, year, quarter, topic)
            session.flush()
            audit(session, "set_plan", AREA, None, f"year={year} quarter={quarter}")
            return load_plan(session, year)

    def upcoming(self, today: dt.date | None = None) -> UpcomingMeeting:
        """The next regular meeting and whether to remind of it (see `upcoming_of`)."""
        today = today or self._ctx.today()
        with unit_of_work(self._ctx) as session:
            return upcoming_of(load_meetings(session), today, self._ctx.profile.meetings)

    def findings(self, today: dt.date | None = None) -> Findings:
        """The findings the meetings screen shows (rules 1-4, 8, 9), most urgent first."""
        with unit_of_work(self._ctx) as session:
            return findings_for_meetings(session, self._ctx, today or self._ctx.today())

    # -- helpers -----------------------------------------------------------------------------

    def _detail(self, session: Session, row: Meeting) -> MeetingDetail:
        numbers = numbers_of_meeting(session, row.id)
        return detail_of_meeting(row, member_names(session), self._ctx.profile, numbers)

    def _new_input(
        self,
        session: Session,
        kind: MeetingKind,
        day: dt.date,
        records: Sequence[tuple[int, MemberRecord]],
    ) -> tuple[MeetingInput, dict[int, MembershipStatus]]:
        cell = session.get(Cell, CELL_ROW_ID)
        previous = _previous_meeting(session, kind, day)
        on_register = sorted(
            (
                (member_id, record, standing_on(record.events, day))
                for member_id, record in records
                if standing_on(record.events, day) in ON_REGISTER
            ),
            key=lambda item: (name_sort_key(item[1].full_name), item[0]),
        )
        attendance = tuple(
            AttendanceInput(
                member_id,
                _DEFAULT_STATUS.get(standing, AttendanceStatus.PRESENT),
                _("suspended from party activity") if standing is Standing.SUSPENDED else "",
            )
            for member_id, _record, standing in on_register
        )
        topic = ""
        if kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED):
            topic = load_plan(session, day.year).topic(quarter_of(day))
        data = MeetingInput(
            kind=kind,
            date=day,
            start=previous.start_time if previous else None,
            place=(previous.place if previous else "") or (cell.place_name if cell else ""),
            topic=topic,
            chair_id=cell.secretary_id if cell else None,
            resolution_kind=default_resolution_kind(kind),
            attendance=attendance,
            agenda=tuple(item.text for item in previous.agenda) if previous else (),
            follow_ups=carried_follow_ups(session, previous),
        )
        memberships = {
            member_id: membership_on(record, day) for member_id, record, _s in on_register
        }
        return data, memberships


def _row(session: Session, meeting_id: int, *, deleted_ok: bool = False) -> Meeting:
    row = load_meeting(session, meeting_id)
    if row is None or (row.deleted_at is not None and not deleted_ok):
        raise _not_found(meeting_id)
    return row


def _previous_meeting(session: Session, kind: MeetingKind, day: dt.date) -> Meeting | None:
    """The meeting a new one of `kind` starts from: for a meeting with a regular part, the
    last one with a regular part (whose resolution set the tasks to follow up), not a thematic
    meeting held in between; for the other kinds, the last meeting of the same kind."""
    family = REGULAR_KINDS if kind in REGULAR_KINDS else frozenset({kind})
    earlier = [
        r
        for r in load_meetings(session)
        if r.date is not None and r.date <= day and r.kind in family
    ]
    return earlier[-1] if earlier else None


def _term_start(session: Session, on: dt.date, meeting_day: dt.date | None) -> dt.date:
    cell = session.get(Cell, CELL_ROW_ID)
    if cell is None or cell.term_start is None:
        raise UserError(
            _(
                "The cell's term dates are missing, so the minutes cannot be numbered. Enter "
                "the start of the committee's term in Settings, then finalize again."
            )
        )
    if on < cell.term_start or (cell.term_end is not None and on > cell.term_end):
        raise UserError(
            _(
                "The issue date {date} is outside the cell's term. Check the issue date or the "
                "term dates in Settings."
            ).format(date=format_date(on))
        )
    if meeting_day is not None and on < meeting_day:
        raise UserError(
            _("The issue date {date} is before the meeting. Choose a date on or after it.").format(
                date=format_date(on)
            )
        )
    return cell.term_start


def _documents_of(row: Meeting) -> list[tuple[str, str]]:
    """(document kind, type code) of the documents a meeting issues when final."""
    documents = [(MINUTES_DOCUMENT, MINUTES_TYPE)]
    resolution = RESOLUTION_TYPES.get(ResolutionKind(row.resolution_kind))
    if resolution is not None:
        documents.append((RESOLUTION_DOCUMENT, resolution))
    return documents
