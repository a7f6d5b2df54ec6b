"""The data of the periodic report (báo cáo định kỳ), read inside one transaction.

Members and their changes come from the register and the status history (biến động); meetings
and tasks from the final minutes dated in the period (drafts do not count: they are not
documents yet); the indicators are decided by app.domain.report_indicators.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.domain.meetings import THEMATIC_KINDS, MeetingKind
from app.domain.members import (
    ON_REGISTER,
    EventKind,
    MemberRecord,
    MembershipStatus,
    Standing,
    standing_on,
)
from app.domain.periods import Period
from app.domain.profile import RuleProfile
from app.domain.report_indicators import IndicatorInput, compute_indicators
from app.reports.report_snapshots import (
    GivenTask,
    HeldMeeting,
    MemberChange,
    MemberCounts,
    ReportSnapshot,
)
from app.reports.snapshots import DocumentHeader
from app.services.base import live_records
from app.services.document_register import number_info
from app.services.exports import issuing_body
from app.services.meeting_dto import MeetingState, TaskStatus
from app.services.meeting_rows import (
    RESOLUTION_DOCUMENT,
    load_meetings,
    member_names,
    quality_of,
    record_of_meeting,
)
from app.services.meetings import membership_on
from app.storage.models import Cell, DocumentNumber, Meeting

# Party documents are Vietnamese whatever the language of the screens.
CHANGE_LABELS: Mapping[str, str] = {
    "admitted": "Kết nạp",
    "recognised": "Công nhận đảng viên chính thức",
    EventKind.TRANSFER_IN: "Chuyển sinh hoạt đến",
    EventKind.TRANSFER_OUT: "Chuyển sinh hoạt đi",
    EventKind.ATTACH_ELSEWHERE: "Sinh hoạt tạm thời nơi khác",
    EventKind.ATTACH_RETURN: "Trở về sinh hoạt tại chi bộ",
    EventKind.EXEMPT: "Miễn công tác và sinh hoạt đảng",
    EventKind.EXEMPT_END: "Thôi miễn sinh hoạt đảng",
    EventKind.SUSPEND: "Đình chỉ sinh hoạt đảng",
    EventKind.SUSPEND_END: "Hết đình chỉ sinh hoạt đảng",
    EventKind.STRIKE_OFF: "Xóa tên",
    EventKind.EXPEL: "Khai trừ",
    EventKind.DEATH: "Từ trần",
}
MEETING_KIND_LABELS: Mapping[MeetingKind, str] = {
    MeetingKind.REGULAR: "Sinh hoạt thường kỳ",
    MeetingKind.THEMATIC: "Sinh hoạt chuyên đề",
    MeetingKind.COMBINED: "Sinh hoạt thường kỳ kết hợp chuyên đề",
    MeetingKind.EXTRAORDINARY: "Sinh hoạt bất thường",
    MeetingKind.YEAR_END_REVIEW: "Hội nghị kiểm điểm cuối năm",
}


@dataclass(frozen=True)
class ReportHeading:
    """What the export adds to the data: the number, the issue date, the signature note."""

    number: str
    issued_on: dt.date
    signature_note: str


def on_register(record: MemberRecord, day: dt.date) -> bool:
    """Whether the member was on the cell's register on `day` (admitted, not left, and not
    yet to arrive by a later transfer in)."""
    if record.admission_date is not None and record.admission_date > day:
        return False
    events = sorted(record.events, key=lambda e: e.date)
    if events and events[0].kind is EventKind.TRANSFER_IN and events[0].date > day:
        return False
    return standing_on(record.events, day) in ON_REGISTER


def member_counts(records: Sequence[MemberRecord], day: dt.date) -> MemberCounts:
    """The register on `day`: all members, full and probationary."""
    present = [r for r in records if on_register(r, day)]
    probationary = sum(membership_on(r, day) is MembershipStatus.PROBATIONARY for r in present)
    return MemberCounts(len(present), len(present) - probationary, probationary)


def member_changes(records: Sequence[MemberRecord], period: Period) -> list[MemberChange]:
    """Admissions, recognitions and status-history events dated in the period, by date."""
    changes: list[MemberChange] = []
    for record in records:
        dated = [
            ("admitted", record.admission_date, ""),
            ("recognised", record.recognition_date, ""),
        ]
        dated += [(str(e.kind), e.date, e.decision_ref) for e in record.events]
        changes += [
            MemberChange(kind, CHANGE_LABELS[kind], day, record.full_name, ref)
            for kind, day, ref in dated
            if day is not None and period.contains(day)
        ]
    return sorted(changes, key=lambda c: (c.date, c.full_name, c.kind))


def _resolution_text(row: DocumentNumber | None, profile: RuleProfile) -> tuple[str, str]:
    """(number, written-out title) of a meeting's resolution or conclusion, or ("", "")."""
    if row is None:
        return "", ""
    number = number_info(row, profile.documents).text
    names = {t.code: t.name for t in profile.documents.types.value}
    return number, f"{names.get(row.type_code, row.type_code)} {number[:1].lower()}{number[1:]}"


def held_meetings(
    rows: Sequence[Meeting], numbers: Mapping[tuple[int, str], DocumentNumber], profile: RuleProfile
) -> list[HeldMeeting]:
    """The final meetings among `rows`, in date order, with counts, score and documents."""
    held: list[HeldMeeting] = []
    for row in rows:
        if row.state != MeetingState.FINAL or row.date is None:
            continue
        record = record_of_meeting(row, {})
        quality = quality_of(record, profile)
        minutes = numbers.get((row.id, "minutes"))
        number, resolution = _resolution_text(numbers.get((row.id, RESOLUTION_DOCUMENT)), profile)
        held.append(
            HeldMeeting(
                date=row.date,
                kind=str(row.kind),
                kind_label=MEETING_KIND_LABELS[row.kind],
                thematic=row.kind in THEMATIC_KINDS,
                topic=row.topic,
                present=sum(a.status == "present" for a in row.attendance),
                total=len(row.attendance),
                quality_total=quality.total,
                quality_band=quality.band.name if quality.band else "",
                quality_band_code=quality.band.code if quality.band else "",
                minutes_number=number_info(minutes, profile.documents).text if minutes else "",
                resolution_number=number,
                resolution=resolution,
            )
        )
    return held


def given_tasks(rows: Sequence[Meeting], names: Mapping[int, str]) -> list[GivenTask]:
    """The tasks assigned at the final meetings among `rows`."""
    return [
        GivenTask(
            assigned_on=row.date,
            assignee=task.assignee_name or names.get(task.assignee_id or 0, ""),
            description=task.description,
            deadline=task.deadline,
            done=task.status == TaskStatus.DONE,
        )
        for row in rows
        if row.state == MeetingState.FINAL and row.date is not None
        for task in row.tasks
    ]


def _indicator_input(
    members: Sequence[tuple[int, MemberRecord]],
    final_rows: Sequence[Meeting],
    meetings: Sequence[HeldMeeting],
    cell: Cell,
    period: Period,
    as_of: dt.date,
    profile: RuleProfile,
) -> IndicatorInput:
    records = [record for _id, record in members]
    year_start = dt.date(period.end.year, 1, 1)
    year_end = dt.date(period.end.year, 12, 31)
    admitted = [r.admission_date for r in records if r.admission_date is not None]
    return IndicatorInput(
        meeting_bands=[m.quality_band_code or None for m in meetings],
        band_order=[b.code for b in profile.meetings.quality.value.bands],
        task_members={t.assignee_id for r in final_rows for t in r.tasks if t.assignee_id},
        active_members={
            member_id
            for member_id, record in members
            if on_register(record, as_of) and standing_on(record.events, as_of) is Standing.ACTIVE
        },
        admitted_in_period=sum(period.contains(day) for day in admitted),
        admitted_in_year=sum(year_start <= day <= period.end for day in admitted),
        members_at_year_start=member_counts(records, year_start - dt.timedelta(days=1)).total,
        year_complete=period.end == year_end and as_of >= year_end,
        village_head_is_member=cell.village_head_is_member,
        front_head_is_member=cell.front_head_is_member,
    )


def _numbers(session: Session, rows: Sequence[Meeting]) -> dict[tuple[int, str], DocumentNumber]:
    query = select(DocumentNumber).where(DocumentNumber.meeting_id.in_([r.id for r in rows]))
    return {
        (n.meeting_id, n.document_kind): n
        for n in session.scalars(query)
        if n.meeting_id is not None
    }


def report_snapshot(
    session: Session, profile: RuleProfile, cell: Cell, period: Period, heading: ReportHeading
) -> ReportSnapshot:
    """Everything the report of `period` shows, read in the caller's transaction."""
    members = live_records(session)
    records = [record for _id, record in members]
    rows = [r for r in load_meetings(session) if r.date is not None and period.contains(r.date)]
    final_rows = [r for r in rows if r.state == MeetingState.FINAL]
    meetings = held_meetings(final_rows, _numbers(session, final_rows), profile)
    names = member_names(session)
    as_of = min(period.end, heading.issued_on)
    indicators = _indicator_input(members, final_rows, meetings, cell, period, as_of, profile)
    return ReportSnapshot(
        header=DocumentHeader(
            superior_body=cell.superior_body,
            issuing_body=issuing_body(cell.name),
            number=heading.number,
            place=cell.place_name,
            date=heading.issued_on,
        ),
        cell_name=cell.name,
        period=period,
        as_of=as_of,
        members_at_start=member_counts(records, period.start - dt.timedelta(days=1)),
        members_at_end=member_counts(records, as_of),
        changes=tuple(member_changes(records, period)),
        meetings=tuple(meetings),
        tasks=tuple(given_tasks(final_rows, names)),
        indicators=compute_indicators(indicators, profile.indicators),
        secretary_name=names.get(cell.secretary_id or 0, ""),
        recipients=(cell.superior_committee,),
        signature_note=heading.signature_note,
    )


# --- The machine-readable payload (report.json, schema "sochibo.report" version 1) ----------

SCHEMA_NAME = "sochibo.report"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class PayloadMeta:
    """What the JSON carries beside the snapshot: who, which export, when, signed by whom."""

    cell_uid: str
    superior_committee: str
    serial: int
    created_at: dt.datetime
    program_version: str
    signer_name: str
    signer_fingerprint: str


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _counts_json(counts: MemberCounts) -> dict[str, int]:
    return {"total": counts.total, "full": counts.full, "probationary": counts.probationary}


def _change_json(c: MemberChange) -> dict[str, object]:
    return {
        "kind": c.kind,
        "date": c.date.isoformat(),
        "name": c.full_name,
        "decision_ref": c.decision_ref,
    }


def _task_json(t: GivenTask) -> dict[str, object]:
    return {
        "assigned_on": t.assigned_on.isoformat(),
        "assignee": t.assignee,
        "description": t.description,
        "deadline": _iso(t.deadline),
        "status": "done" if t.done else "open",
    }


def _meeting_json(m: HeldMeeting) -> dict[str, object]:
    return {
        "date": m.date.isoformat(),
        "kind": m.kind,
        "thematic": m.thematic,
        "topic": m.topic,
        "present": m.present,
        "total": m.total,
        "quality_total": m.quality_total,
        "quality_band": m.quality_band_code or None,
        "minutes_number": m.minutes_number or None,
        "resolution_number": m.resolution_number or None,
    }


def _indicators_json(snapshot: ReportSnapshot) -> dict[str, object]:
    found = snapshot.indicators
    admissions = found.admissions

    def share(part: int, whole: int, percent: int, strict: bool, met: bool | None) -> object:
        target = {"percent": percent, "strict": strict}
        return {"part": part, "whole": whole, "target": target, "met": met}

    good, tasks = found.good_meetings, found.members_with_tasks
    return {
        "good_meetings": share(
            good.part, good.whole, good.target.percent, good.target.strict, good.met
        ),
        "members_with_tasks": share(
            tasks.part, tasks.whole, tasks.target.percent, tasks.target.strict, tasks.met
        ),
        "admissions": {
            "in_period": admissions.in_period,
            "in_year": admissions.in_year,
            "base": admissions.base,
            "target": {
                "low_percent": admissions.target.low,
                "high_percent": admissions.target.high,
            },
            "status": None if admissions.status is None else str(admissions.status),
        },
        "village_head_is_member": found.village_head_is_member,
        "front_head_is_member": found.front_head_is_member,
    }


def report_payload(snapshot: ReportSnapshot, meta: PayloadMeta) -> dict[str, object]:
    """The report as JSON-ready data: stable keys, ISO dates, codes rather than labels."""
    period = snapshot.period
    created = meta.created_at.astimezone(dt.UTC).replace(microsecond=0)
    return {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "program": program_json(meta.program_version),
        "cell": {
            "uid": meta.cell_uid,
            "name": snapshot.cell_name,
            "superior_committee": meta.superior_committee,
            "superior_body": snapshot.header.superior_body,
        },
        "period": {
            "kind": str(period.kind),
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "serial": meta.serial,
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "document_number": snapshot.header.number,
        "issued_on": snapshot.header.date.isoformat(),
        "signer": {"name": meta.signer_name, "fingerprint": meta.signer_fingerprint},
        "members": {
            "as_of": snapshot.as_of.isoformat(),
            "at_start": _counts_json(snapshot.members_at_start),
            "at_end": _counts_json(snapshot.members_at_end),
            "changes": [_change_json(c) for c in snapshot.changes],
        },
        "meetings": [_meeting_json(m) for m in snapshot.meetings],
        "tasks": [_task_json(t) for t in snapshot.tasks],
        "indicators": _indicators_json(snapshot),
    }


def program_json(version: str = __version__) -> dict[str, str]:
    """The "program" entry of every signed file's JSON: which program and version wrote it."""
    return {"name": "Sổ Chi bộ", "version": version}


def payload_bytes(payload: Mapping[str, object]) -> bytes:
    """The JSON text embedded as report.json: UTF-8, NFC as stored, keys in a fixed order."""
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
