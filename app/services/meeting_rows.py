"""Meeting rows <-> meeting DTOs and domain records, for the meeting services only.

ORM objects never leave the service layer: these functions read a stored `Meeting` into a
`MeetingInput`, `MeetingRecord`, `MeetingDetail` or `MeetingSummary`, and write a typed
`MeetingInput` back onto the rows (children matched by key, so ids of tasks stay stable).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.findings import Severity
from app.domain.meeting_record import (
    AttendanceEntry,
    DecisionRecord,
    MeetingRecord,
    attendance_counts,
    decision_outcome,
    meeting_denominator,
    minutes_problems,
)
from app.domain.meetings import QualityResult, score_quality
from app.domain.members import MembershipStatus
from app.domain.profile import RuleProfile
from app.domain.text import nfc, nfc_multiline
from app.services.document_register import number_info
from app.services.meeting_dto import (
    AttendanceInput,
    AttendanceRow,
    DecisionResult,
    FollowUpInput,
    GuestInput,
    MeetingDetail,
    MeetingInput,
    MeetingState,
    MeetingSummary,
    ResolutionKind,
    SpeechInput,
    TaskInput,
    TaskStatus,
)
from app.services.meeting_quality import stored_table, table_of
from app.storage.models import (
    DocumentNumber,
    Meeting,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingDecision,
    MeetingFollowUp,
    MeetingGuest,
    MeetingQualityScore,
    MeetingSpeech,
    MeetingTask,
    Member,
)

#: Document kinds a meeting issues, as stored in the document register.
MINUTES_DOCUMENT = "minutes"
RESOLUTION_DOCUMENT = "resolution"

_CHILDREN = (
    Meeting.attendance,
    Meeting.guests,
    Meeting.agenda,
    Meeting.follow_ups,
    Meeting.speeches,
    Meeting.decisions,
    Meeting.tasks,
    Meeting.quality_scores,
)
# Scalar fields copied as they are between MeetingInput and the meeting row.
_SCALARS = (
    "kind",
    "date",
    "place",
    "topic",
    "chair_id",
    "chair_name",
    "minute_taker_id",
    "minute_taker_name",
    "presenter_id",
    "presenter_name",
    "report_summary",
    "conclusion",
    "fee_note",
    "shortcomings",
    "next_date",
    "next_topic",
)
_MULTILINE = ("report_summary", "conclusion", "fee_note", "shortcomings", "topic", "next_topic")


def _load_options() -> list[Any]:
    # The follow-ups' source tasks come with them: their status is part of the follow-up.
    return [
        *(selectinload(child) for child in _CHILDREN),
        selectinload(Meeting.follow_ups).selectinload(MeetingFollowUp.source_task),
    ]


def load_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting with all its parts, deleted or not, or None."""
    return session.get(Meeting, meeting_id, options=_load_options())


def load_meetings(session: Session, *, deleted: bool = False) -> list[Meeting]:
    """The live (or only the soft-deleted) meetings with their parts, oldest first."""
    condition = Meeting.deleted_at.is_not(None) if deleted else Meeting.deleted_at.is_(None)
    query = (
        select(Meeting)
        .where(condition)
        .options(*_load_options())
        .order_by(Meeting.date, Meeting.id)
    )
    return list(session.scalars(query))


def member_names(session: Session) -> dict[int, str]:
    """Every member's name by id, deleted members included (old minutes still name them)."""
    return {
        member_id: name for member_id, name in session.execute(select(Member.id, Member.full_name))
    }


def normalize_input(data: MeetingInput) -> MeetingInput:
    """NFC-normalise every text the secretary typed (single lines trimmed, notes keep lines)."""
    changes: dict[str, object] = {
        name: nfc_multiline(getattr(data, name)) if name in _MULTILINE else nfc(getattr(data, name))
        for name in ("place", "chair_name", "minute_taker_name", "presenter_name", *_MULTILINE)
    }
    return dataclasses.replace(
        data,
        **changes,  # type: ignore[arg-type]
        attendance=tuple(dataclasses.replace(a, reason=nfc(a.reason)) for a in data.attendance),
        guests=tuple(GuestInput(nfc(g.name), nfc(g.title)) for g in data.guests),
        agenda=tuple(nfc_multiline(item) for item in data.agenda),
        follow_ups=tuple(
            dataclasses.replace(
                f, task_text=nfc_multiline(f.task_text), result=nfc_multiline(f.result)
            )
            for f in data.follow_ups
        ),
        speeches=tuple(
            SpeechInput(nfc(s.speaker_name), nfc_multiline(s.opinion), s.speaker_id)
            for s in data.speeches
        ),
        decisions=tuple(dataclasses.replace(d, text=nfc_multiline(d.text)) for d in data.decisions),
        tasks=tuple(
            dataclasses.replace(
                t, description=nfc_multiline(t.description), assignee_name=nfc(t.assignee_name)
            )
            for t in data.tasks
        ),
    )


def input_of(row: Meeting) -> MeetingInput:
    """What the secretary typed, as stored."""
    return MeetingInput(
        **{name: getattr(row, name) for name in _SCALARS},
        start=row.start_time,
        end=row.end_time,
        resolution_kind=ResolutionKind(row.resolution_kind),
        attendance=tuple(AttendanceInput(a.member_id, a.status, a.reason) for a in row.attendance),
        guests=tuple(GuestInput(g.name, g.title) for g in row.guests),
        agenda=tuple(item.text for item in row.agenda),
        follow_ups=tuple(
            FollowUpInput(f.task_text, f.result, f.source_task_id, _task_status(f.source_task))
            for f in row.follow_ups
        ),
        speeches=tuple(SpeechInput(s.speaker_name, s.opinion, s.speaker_id) for s in row.speeches),
        decisions=tuple(
            DecisionRecord(d.text, d.kind, d.votes_for, d.votes_against, d.votes_abstain)
            for d in row.decisions
        ),
        tasks=tuple(
            TaskInput(
                t.description,
                t.assignee_id,
                t.assignee_name,
                t.deadline,
                TaskStatus(t.status),
                t.id,
            )
            for t in row.tasks
        ),
        quality_scores={score.code: score.points for score in row.quality_scores},
    )


def _task_status(task: MeetingTask | None) -> TaskStatus | None:
    return TaskStatus(task.status) if task is not None else None


def apply_input(
    row: Meeting, data: MeetingInput, memberships: Mapping[int, MembershipStatus]
) -> None:
    """Write `data` onto the meeting row and its parts. `memberships` gives the status on the
    meeting day of members who were not in the stored roll call yet."""
    for name in _SCALARS:
        setattr(row, name, getattr(data, name))
    row.start_time, row.end_time = data.start, data.end
    row.resolution_kind = data.resolution_kind.value
    _apply_attendance(row, data.attendance, memberships)
    row.guests = [
        MeetingGuest(position=i, name=g.name, title=g.title) for i, g in enumerate(data.guests)
    ]
    row.agenda = [MeetingAgendaItem(position=i, text=t) for i, t in enumerate(data.agenda)]
    row.follow_ups = [
        MeetingFollowUp(
            position=i, task_text=f.task_text, result=f.result, source_task_id=f.source_task_id
        )
        for i, f in enumerate(data.follow_ups)
    ]
    row.speeches = [
        MeetingSpeech(
            position=i, speaker_id=s.speaker_id, speaker_name=s.speaker_name, opinion=s.opinion
        )
        for i, s in enumerate(data.speeches)
    ]
    row.decisions = [
        MeetingDecision(
            position=i,
            text=d.text,
            kind=d.kind,
            votes_for=d.votes_for,
            votes_against=d.votes_against,
            votes_abstain=d.votes_abstain,
        )
        for i, d in enumerate(data.decisions)
    ]
    _apply_tasks(row, data.tasks)
    _apply_scores(row, data.quality_scores)


def _apply_attendance(
    row: Meeting,
    entries: tuple[AttendanceInput, ...],
    memberships: Mapping[int, MembershipStatus],
) -> None:
    # Matched by member: the UNIQUE(meeting, member) row is updated, never deleted and re-added.
    stored = {a.member_id: a for a in row.attendance}
    kept: list[MeetingAttendance] = []
    for entry in entries:
        current = stored.get(entry.member_id)
        if current is None:
            membership = memberships.get(entry.member_id, MembershipStatus.FULL)
            current = MeetingAttendance(member_id=entry.member_id, membership=membership)
        current.status = entry.status
        current.reason = entry.reason
        kept.append(current)
    row.attendance = kept


def _apply_tasks(row: Meeting, tasks: tuple[TaskInput, ...]) -> None:
    # Matched by id so that follow-ups of later meetings keep pointing at the same task.
    stored = {t.id: t for t in row.tasks}
    kept: list[MeetingTask] = []
    for position, task in enumerate(tasks):
        current = stored.get(task.id) if task.id is not None else None
        current = current or MeetingTask()
        current.position = position
        current.assignee_id = task.assignee_id
        current.assignee_name = task.assignee_name
        current.description = task.description
        current.deadline = task.deadline
        current.status = task.status.value
        kept.append(current)
    row.tasks = kept


def _apply_scores(row: Meeting, scores: Mapping[str, int]) -> None:
    stored = {s.code: s for s in row.quality_scores}
    kept: list[MeetingQualityScore] = []
    for code, points in scores.items():
        current = stored.get(code) or MeetingQualityScore(code=code)
        current.points = points
        kept.append(current)
    row.quality_scores = kept


def _name(names: Mapping[int, str], member_id: int | None, typed: str) -> str:
    if typed:
        return typed
    return names.get(member_id, "") if member_id is not None else ""


def record_of_meeting(row: Meeting, names: Mapping[int, str]) -> MeetingRecord:
    """The domain form of a stored meeting, for the rules."""
    return MeetingRecord(
        kind=row.kind,
        date=row.date,
        start=row.start_time,
        end=row.end_time,
        place=row.place,
        chair=_name(names, row.chair_id, row.chair_name),
        minute_taker=_name(names, row.minute_taker_id, row.minute_taker_name),
        attendance=tuple(
            AttendanceEntry(a.member_id, names.get(a.member_id, ""), a.membership, a.status)
            for a in row.attendance
        ),
        decisions=tuple(
            DecisionRecord(d.text, d.kind, d.votes_for, d.votes_against, d.votes_abstain)
            for d in row.decisions
        ),
        quality_scores={score.code: score.points for score in row.quality_scores},
        quality_scheme=stored.value if (stored := stored_table(row)) is not None else None,
    )


def quality_of(record: MeetingRecord, profile: RuleProfile) -> QualityResult:
    """The quality score; total and band None while nothing is scored."""
    if not record.quality_scores:
        return QualityResult(None, None, ())
    scheme = record.quality_scheme or profile.meetings.quality.value
    return score_quality(record.quality_scores, scheme)


def detail_of_meeting(
    row: Meeting,
    names: Mapping[int, str],
    profile: RuleProfile,
    numbers: Mapping[str, DocumentNumber],
) -> MeetingDetail:
    """The meeting with its counts, vote outcomes, quality, problems and numbers."""
    record = record_of_meeting(row, names)
    denominator = meeting_denominator(record)
    problems = tuple(minutes_problems(record, profile))
    rules = profile.documents
    minutes = numbers.get(MINUTES_DOCUMENT)
    resolution = numbers.get(RESOLUTION_DOCUMENT)
    return MeetingDetail(
        id=row.id,
        state=MeetingState(row.state),
        data=input_of(row),
        attendance=tuple(
            AttendanceRow(a.member_id, names.get(a.member_id, ""), a.membership, a.status, a.reason)
            for a in row.attendance
        ),
        counts=attendance_counts(record),
        denominator=denominator,
        decisions=tuple(
            DecisionResult(d, decision_outcome(d, denominator, profile.votes))
            for d in record.decisions
        ),
        quality=quality_of(record, profile),
        quality_table=table_of(row, profile),
        problems=problems,
        can_finalize=not any(p.severity is Severity.BLOCK for p in problems),
        minutes_number=number_info(minutes, rules) if minutes else None,
        resolution_number=number_info(resolution, rules) if resolution else None,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finalized_at=row.finalized_at,
        deleted=row.deleted_at is not None,
        member_names=_referenced_names(row, names),
    )


def _referenced_names(row: Meeting, names: Mapping[int, str]) -> dict[int, str]:
    ids: set[int | None] = {a.member_id for a in row.attendance}
    ids |= {row.chair_id, row.minute_taker_id, row.presenter_id}
    ids |= {s.speaker_id for s in row.speeches} | {t.assignee_id for t in row.tasks}
    return {i: names[i] for i in ids if i is not None and i in names}


def summary_of_meeting(
    row: Meeting,
    profile: RuleProfile,
    numbers: Mapping[str, DocumentNumber],
) -> MeetingSummary:
    """One row of the meeting list."""
    record = record_of_meeting(row, {})
    counts = attendance_counts(record)
    quality = quality_of(record, profile)
    rules = profile.documents
    minutes = numbers.get(MINUTES_DOCUMENT)
    resolution = numbers.get(RESOLUTION_DOCUMENT)
    return MeetingSummary(
        id=row.id,
        kind=row.kind,
        date=row.date,
        topic=row.topic,
        state=MeetingState(row.state),
        present=counts.present,
        total=len(row.attendance),
        quality_total=quality.total,
        quality_band=quality.band.name if quality.band else "",
        minutes_number=number_info(minutes, rules).text if minutes else "",
        resolution_number=number_info(resolution, rules).text if resolution else "",
    )
