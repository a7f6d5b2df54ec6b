"""The documents of a cell meeting (văn bản của buổi sinh hoạt chi bộ), printed from the services.

A stored meeting (`MeetingDetail`) and the cell profile become a frozen report snapshot: the
Party header with the superior body and "CHI BỘ …", the number from the document register for a
final document, or a blank number and the "DỰ THẢO" mark for a draft; names, head counts,
absentees with their reasons, every decision with its denominator, required yes votes and
verdict as the domain computed them; tasks; the quality table with the profile's criteria.

Drafts always print (marked DỰ THẢO) once they have a date and a start time. A final document
whose meeting has blocking problems is refused with `ValidationError`. Documents are Vietnamese
whatever the language of the screens, so their words are not translated.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable, Mapping

from app.domain.documents import names_district_level
from app.domain.findings import Problem, Severity
from app.domain.meetings import AttendanceStatus, MeetingKind
from app.domain.messages import N_, Message
from app.l10n import _
from app.reports.meeting_snapshots import (
    AbsentMember,
    AttendanceSummary,
    DecisionVote,
    FollowUpItem,
    Guest,
    MeetingSession,
    MeetingSnapshot,
    QualityAssessment,
    QualityRow,
    Speech,
    TaskAssignment,
    ThematicRecordSnapshot,
    quality_sheet_of,
)
from app.reports.minutes import render_minutes
from app.reports.quality_sheet import render_quality_sheet
from app.reports.resolution import render_conclusion, render_resolution
from app.reports.snapshots import DocumentHeader
from app.reports.thematic_record import render_thematic_record
from app.services.dto import CellInfo
from app.services.errors import UserError, ValidationError, blocking
from app.services.exports import issuing_body
from app.services.facade import Services
from app.services.meeting_dto import MeetingDetail, ResolutionKind
from app.services.meeting_planning import quarter_of
from app.services.meetings import MINUTES_TYPE, RESOLUTION_TYPES


class DocumentKind(enum.StrEnum):
    """A document printed from one meeting."""

    MINUTES = "minutes"  # biên bản sinh hoạt chi bộ
    RESOLUTION = "resolution"  # nghị quyết (or kết luận, as the meeting chose)
    QUALITY_SHEET = "quality_sheet"  # bảng tự chấm điểm chất lượng sinh hoạt
    THEMATIC_RECORD = "thematic_record"  # biên bản sinh hoạt chuyên đề


#: Names of district-level bodies. The district level (cấp huyện) was abolished on 01/07/2025
#: (294-QĐ/TW; domain.md rule 44): no document may be addressed to such a body any more.
_ROMAN_QUARTERS = ("I", "II", "III", "IV")
# A draft's number is left blank for the hand to fill in once issued: "Số      -BB/CB".
_BLANK = "\u00a0" * 6
# Characters Windows refuses in file names, and control characters.
_UNSAFE_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_FILE_LABELS = {
    DocumentKind.MINUTES: "Biên bản sinh hoạt chi bộ",
    DocumentKind.RESOLUTION: "Nghị quyết",
    DocumentKind.QUALITY_SHEET: "Bảng tự chấm điểm",
    DocumentKind.THEMATIC_RECORD: "Biên bản sinh hoạt chuyên đề",
}


def available_documents(detail: MeetingDetail) -> list[DocumentKind]:
    """The documents this meeting can print, in the order they are usually printed.

    None before the meeting has a date and a start time (the record opens with them). A
    thematic meeting prints its thematic record instead of the minutes; the resolution only
    when the meeting issues one (or a conclusion); the score sheet once the quality score adds
    up.
    """
    data = detail.data
    if data.date is None or data.start is None:
        return []
    kinds = [
        DocumentKind.THEMATIC_RECORD if data.kind is MeetingKind.THEMATIC else DocumentKind.MINUTES
    ]
    if data.resolution_kind is not ResolutionKind.NONE:
        kinds.append(DocumentKind.RESOLUTION)
    if detail.quality.total is not None:
        kinds.append(DocumentKind.QUALITY_SHEET)
    return kinds


def document_file_name(detail: MeetingDetail, kind: DocumentKind) -> str:
    """A file name a secretary recognises, safe on Windows and USB sticks, e.g.
    "Biên bản sinh hoạt chi bộ 2026-11-03 Số 05-BB-CB.pdf" or "Nghị quyết 2026-11-03 dự thảo.pdf".
    """
    label = _FILE_LABELS[kind]
    if kind is DocumentKind.RESOLUTION and detail.data.resolution_kind is ResolutionKind.CONCLUSION:
        label = "Kết luận"
    day = detail.data.date.isoformat() if detail.data.date else "chưa có ngày"
    suffix = _number_info_text(detail, kind) if detail.is_final else "dự thảo"
    name = " ".join(part for part in (label, day, suffix) if part)
    name = _UNSAFE_FILE_CHARS.sub("-", unicodedata.normalize("NFC", name))
    return f"{name.strip(' .')}.pdf"


def recipient_problems(cell: CellInfo) -> list[Problem]:
    """Rule 44: a WARN when the superior committee names a district-level body (no such level
    since 01/07/2025); the documents then leave it out of "Nơi nhận"."""
    if not names_district_level(cell.superior_committee):
        return []
    text = N_(
        "The superior committee “{value}” is a district-level body, which no longer exists "
        "since 01/07/2025, so it is left out of the recipients. Enter the commune or ward "
        "party committee in Settings."
    )
    return [
        Problem(
            "superior_committee", Message(text, {"value": cell.superior_committee}), Severity.WARN
        )
    ]


def render_meeting_document(services: Services, meeting_id: int, kind: DocumentKind) -> bytes:
    """The PDF bytes of one document of a meeting.

    Raises `NotFoundError` for an unknown meeting, `UserError` when the cell profile is missing
    or the meeting has no such document (see `available_documents`), and `ValidationError`
    listing the problems when a final document has blocking problems or a draft lacks its date
    or start time.
    """
    detail = services.meetings.get(meeting_id)
    cell = services.cell.get()
    if cell is None:
        raise UserError(
            _(
                "Set up the cell profile first (name of the cell, superior committee, place): "
                "the meeting documents need them for their heading."
            )
        )
    day, start = _check_printable(detail, kind)
    builder = _Builder(detail, cell, _member_names(services, detail), services, (day, start))
    renderers: Mapping[DocumentKind, Callable[[], bytes]] = {
        DocumentKind.MINUTES: lambda: render_minutes(builder.meeting(DocumentKind.MINUTES)),
        DocumentKind.RESOLUTION: builder.render_resolution,
        DocumentKind.QUALITY_SHEET: builder.render_quality_sheet,
        DocumentKind.THEMATIC_RECORD: lambda: render_thematic_record(builder.thematic()),
    }
    return renderers[kind]()


def _check_printable(detail: MeetingDetail, kind: DocumentKind) -> tuple[dt.date, dt.time]:
    """The meeting's date and start time once the document may print; raises otherwise."""
    if detail.is_final:
        blocked = blocking(detail.problems)
        if blocked:
            raise ValidationError(blocked)
    day, start = detail.data.date, detail.data.start
    if day is None or start is None:
        # A record opens with the day and hour of the meeting: even a draft needs them.
        raise ValidationError([p for p in detail.problems if p.field in ("date", "start_time")])
    if kind not in available_documents(detail):
        raise UserError(_missing_document_message(kind))
    return day, start


def _missing_document_message(kind: DocumentKind) -> str:
    if kind is DocumentKind.RESOLUTION:
        return _(
            "This meeting issues no resolution or conclusion. Choose a resolution or a "
            "conclusion in the meeting, then print it."
        )
    if kind is DocumentKind.QUALITY_SHEET:
        return _(
            "The meeting quality is not scored yet, or a score is above its maximum. Score "
            "every criterion of the meeting, then print the score sheet."
        )
    if kind is DocumentKind.THEMATIC_RECORD:
        return _("This is not a thematic meeting. Print its minutes instead.")
    return _("This is a thematic meeting. Print its thematic record instead.")


def _member_names(services: Services, detail: MeetingDetail) -> dict[int, str]:
    """Names by member id: the roll call's, then everyone in the records (former members too)."""
    names = {m.id: m.full_name for m in services.members.list(include_former=True)}
    names.update({row.member_id: row.full_name for row in detail.attendance})
    return names


def _number_info_text(detail: MeetingDetail, kind: DocumentKind) -> str:
    if kind is DocumentKind.RESOLUTION:
        info = detail.resolution_number
    elif kind is DocumentKind.QUALITY_SHEET:
        return ""
    else:
        info = detail.minutes_number
    return info.text if info else ""


def kind_label(kind: MeetingKind, day: dt.date) -> str:
    """The meeting's name as it reads inside a sentence: "sinh hoạt chi bộ thường kỳ tháng 11
    năm 2026", "sinh hoạt chuyên đề quý IV năm 2026"."""
    # Months 1 and 2 take a leading zero, as in the Party's date line (05-HD/VPTW).
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    quarter = _ROMAN_QUARTERS[quarter_of(day) - 1]
    labels = {
        MeetingKind.REGULAR: f"sinh hoạt chi bộ thường kỳ tháng {month} năm {day.year}",
        MeetingKind.THEMATIC: f"sinh hoạt chuyên đề quý {quarter} năm {day.year}",
        MeetingKind.COMBINED: (
            f"sinh hoạt chi bộ thường kỳ kết hợp chuyên đề tháng {month} năm {day.year}"
        ),
        MeetingKind.EXTRAORDINARY: f"sinh hoạt chi bộ bất thường tháng {month} năm {day.year}",
        MeetingKind.YEAR_END_REVIEW: f"hội nghị chi bộ kiểm điểm cuối năm {day.year}",
    }
    return labels[kind]


class _Builder:
    """Builds the snapshots of one meeting; every value comes from the detail and the cell."""

    def __init__(
        self,
        detail: MeetingDetail,
        cell: CellInfo,
        names: Mapping[int, str],
        services: Services,
        when: tuple[dt.date, dt.time],
    ) -> None:
        self._detail = detail
        self._data = detail.data
        self._cell = cell
        self._names = names
        self._profile = services.profile
        self._date, self._start = when

    # -- documents ---------------------------------------------------------------------------

    def render_resolution(self) -> bytes:
        snapshot = self.meeting(DocumentKind.RESOLUTION)
        if self._data.resolution_kind is ResolutionKind.CONCLUSION:
            return render_conclusion(snapshot)
        return render_resolution(snapshot)

    def render_quality_sheet(self) -> bytes:
        header = self._header(DocumentKind.QUALITY_SHEET)
        if self._data.kind is MeetingKind.THEMATIC:
            thematic = self.thematic()
            sheet = quality_sheet_of(thematic, header, self._secretary(), self._recipients())
        else:
            sheet = quality_sheet_of(self.meeting(DocumentKind.MINUTES), header)
        return render_quality_sheet(sheet)

    def meeting(self, kind: DocumentKind) -> MeetingSnapshot:
        """The snapshot of a regular (combined, extraordinary) meeting under `kind`'s header."""
        data = self._data
        return MeetingSnapshot(
            header=self._header(kind),
            cell_name=self._cell.name,
            session=self._session(),
            secretary_name=self._secretary(),
            agenda=tuple(item for item in data.agenda if item.strip()),
            follow_up=tuple(FollowUpItem(f.task_text, f.result) for f in data.follow_ups),
            report_summary=data.report_summary,
            speeches=self._speeches(),
            decisions=self._decisions(),
            tasks=self._tasks(),
            fee_note=data.fee_note,
            quality=self._quality(),
            next_meeting_date=data.next_date,
            next_meeting_topic=data.next_topic,
            conclusion=data.conclusion,
            recipients=self._recipients(),
        )

    def thematic(self) -> ThematicRecordSnapshot:
        """The snapshot of a thematic meeting (sinh hoạt chuyên đề) for its record."""
        data = self._data
        return ThematicRecordSnapshot(
            header=self._header(DocumentKind.THEMATIC_RECORD),
            cell_name=self._cell.name,
            session=self._session(),
            topic=data.topic,
            presenter="",
            content_summary=data.report_summary,
            discussion=self._speeches(),
            decisions=self._decisions(),
            conclusion=data.conclusion,
            quality=self._quality(),
            next_meeting_date=data.next_date,
            next_meeting_topic=data.next_topic,
        )

    # -- parts -------------------------------------------------------------------------------

    def _header(self, kind: DocumentKind) -> DocumentHeader:
        detail = self._detail
        date = self._date
        number = ""
        if kind is DocumentKind.RESOLUTION:
            info = detail.resolution_number
            type_code = RESOLUTION_TYPES.get(self._data.resolution_kind, "")
            # A resolution is dated the day it is issued, which may follow the meeting.
            date = info.issued_on if info else date
        elif kind is DocumentKind.QUALITY_SHEET:
            info, type_code = None, ""
        else:
            info, type_code = detail.minutes_number, MINUTES_TYPE
        if detail.is_final and info is not None:
            number = info.text
        elif type_code:
            body = self._profile.documents.body_code.value
            number = f"Số {_BLANK}-{type_code}/{body}"
        return DocumentHeader(
            superior_body=self._cell.superior_body,
            issuing_body=issuing_body(self._cell.name),
            number=number,
            place=self._cell.place_name,
            date=date,
            draft=not detail.is_final,
        )

    def _session(self) -> MeetingSession:
        data, counts = self._data, self._detail.counts
        rows = self._detail.attendance
        return MeetingSession(
            kind_label=kind_label(data.kind, self._date),
            date=self._date,
            start_time=self._start,
            end_time=data.end,
            place=data.place,
            chair=self._name(data.chair_id, data.chair_name),
            minute_taker=self._name(data.minute_taker_id, data.minute_taker_name),
            attendance=AttendanceSummary(
                total=counts.total,
                full=counts.full,
                probationary=counts.probationary,
                present=counts.present,
                absent_excused=counts.absent_excused,
                absent_unexcused=counts.absent_unexcused,
                exempt=counts.exempt,
                attached_elsewhere=counts.attached_elsewhere,
            ),
            chair_title=self._chair_title(),
            guests=tuple(Guest(g.name, g.title) for g in data.guests if g.name.strip()),
            absent_excused=tuple(
                AbsentMember(r.full_name, r.reason)
                for r in rows
                if r.status is AttendanceStatus.ABSENT_EXCUSED
            ),
            absent_unexcused=tuple(
                r.full_name for r in rows if r.status is AttendanceStatus.ABSENT_UNEXCUSED
            ),
        )

    def _chair_title(self) -> str:
        chair = self._data.chair_id
        if chair is not None and chair == self._cell.secretary_id:
            return "Bí thư Chi bộ"
        if chair is not None and chair == self._cell.deputy_id:
            return "Phó Bí thư Chi bộ"
        return ""

    def _speeches(self) -> tuple[Speech, ...]:
        return tuple(
            Speech(self._name(s.speaker_id, s.speaker_name), s.opinion)
            for s in self._data.speeches
            if s.opinion.strip()
        )

    def _decisions(self) -> tuple[DecisionVote, ...]:
        return tuple(
            DecisionVote(
                text=result.decision.text,
                yes=result.decision.votes_for,
                no=result.decision.votes_against,
                abstain=result.decision.votes_abstain,
                denominator=result.outcome.denominator,
                required_yes=result.outcome.required_yes,
                passed=result.outcome.passed,
            )
            for result in self._detail.decisions
        )

    def _tasks(self) -> tuple[TaskAssignment, ...]:
        return tuple(
            TaskAssignment(self._name(t.assignee_id, t.assignee_name), t.description, t.deadline)
            for t in self._data.tasks
            if t.description.strip()
        )

    def _quality(self) -> QualityAssessment | None:
        quality = self._detail.quality
        if quality.total is None or quality.band is None:
            return None
        scores = self._data.quality_scores
        rows = tuple(
            QualityRow(c.name, c.max_points, scores.get(c.code, 0))
            for c in self._detail.quality_table.value.criteria
        )
        shortcomings = tuple(
            line.strip().lstrip("-").strip()
            for line in self._data.shortcomings.splitlines()
            if line.strip()
        )
        return QualityAssessment(rows, quality.band.name, shortcomings)

    def _recipients(self) -> tuple[str, ...]:
        if recipient_problems(self._cell) or not self._cell.superior_committee.strip():
            return ()
        return (self._cell.superior_committee,)

    def _secretary(self) -> str:
        return self._cell.secretary_name or self._name(self._data.chair_id, self._data.chair_name)

    def _name(self, member_id: int | None, typed: str) -> str:
        if typed.strip():
            return typed
        return self._names.get(member_id, "") if member_id is not None else ""
