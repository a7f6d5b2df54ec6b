"""The snapshots of a meeting's documents (văn bản của buổi sinh hoạt chi bộ), from the services.

A stored meeting (`MeetingDetail`) and the cell profile become a frozen report snapshot: the
Party header with the superior body and "CHI BỘ …", the number from the document register for a
final document, or a blank number and the "DỰ THẢO" mark for a draft; names, head counts,
absentees with their reasons, every decision with its denominator, required yes votes and
verdict as the domain computed them; tasks; the quality table the meeting is scored with.
Documents are Vietnamese whatever the language of the screens, so their words are not
translated. `app.services.meeting_documents` checks what may print and renders.
"""

from __future__ import annotations

import datetime as dt
import enum

from app.domain.documents import names_district_level
from app.domain.findings import Problem, Severity
from app.domain.meetings import AttendanceStatus, MeetingKind
from app.domain.messages import N_, Message
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
    QualitySheetSnapshot,
    Speech,
    TaskAssignment,
    ThematicRecordSnapshot,
    quality_sheet_of,
)
from app.reports.snapshots import DocumentHeader
from app.services.dto import CellInfo
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


_ROMAN_QUARTERS = ("I", "II", "III", "IV")
# A draft's number is left blank for the hand to fill in once issued: "Số      -BB/CB".
_BLANK = "\u00a0" * 6


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


class SnapshotBuilder:
    """Builds the snapshots of one meeting; every value comes from the detail and the cell.
    `when` is the meeting's date and start time, which a printable meeting has."""

    def __init__(
        self,
        detail: MeetingDetail,
        cell: CellInfo,
        services: Services,
        when: tuple[dt.date, dt.time],
    ) -> None:
        self._detail = detail
        self._data = detail.data
        self._cell = cell
        self._names = detail.member_names
        self._profile = services.profile
        self._date, self._start = when

    # -- documents ---------------------------------------------------------------------------

    @property
    def issues_conclusion(self) -> bool:
        """True when the meeting issues a conclusion (kết luận) instead of a resolution."""
        return self._data.resolution_kind is ResolutionKind.CONCLUSION

    def quality_sheet(self) -> QualitySheetSnapshot:
        """The score sheet: a thematic meeting's under its own secretary and recipients."""
        header = self._header(DocumentKind.QUALITY_SHEET)
        if self._data.kind is MeetingKind.THEMATIC:
            thematic = self.thematic()
            return quality_sheet_of(thematic, header, self._secretary(), self._recipients())
        return quality_sheet_of(self.meeting(DocumentKind.MINUTES), header)

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
            topic=data.topic if data.kind is MeetingKind.COMBINED else "",
            presenter=self._name(data.presenter_id, data.presenter_name),
        )

    def thematic(self) -> ThematicRecordSnapshot:
        """The snapshot of a thematic meeting (sinh hoạt chuyên đề) for its record."""
        data = self._data
        return ThematicRecordSnapshot(
            header=self._header(DocumentKind.THEMATIC_RECORD),
            cell_name=self._cell.name,
            session=self._session(),
            topic=data.topic,
            presenter=self._name(data.presenter_id, data.presenter_name),
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
