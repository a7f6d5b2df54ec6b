"""Frozen snapshots of a cell meeting (sinh hoạt chi bộ) for its documents.

A service builds these from its meeting record, with every label already in Vietnamese, and
hands them to `render_minutes`, `render_resolution`, `render_quality_sheet` or
`render_thematic_record`. Nothing here is computed from Party rules: counts, vote denominators,
required yes votes, pass or fail and the quality band come from the domain layer, so a document
prints exactly what the program decided. Only the standard library is used.

Each rendered document has its own number, so `header` is the header of the document being
printed: build the minutes with "Số 05-BB/CB" and the resolution with "Số 05-NQ/CB"
(`dataclasses.replace(snapshot, header=...)`). Empty text and empty tuples are allowed in
drafts: the renderers leave out what is missing instead of printing empty parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.reports.snapshots import DocumentHeader

__all__ = [
    "AbsentMember",
    "AttendanceSummary",
    "DecisionVote",
    "DocumentHeader",
    "FollowUpItem",
    "Guest",
    "MeetingSession",
    "MeetingSnapshot",
    "QualityAssessment",
    "QualityRow",
    "QualitySheetSnapshot",
    "Speech",
    "TaskAssignment",
    "ThematicRecordSnapshot",
    "quality_sheet_of",
]


@dataclass(frozen=True)
class Guest:
    """An invited guest (khách mời), e.g. the superior committee's member following the cell.

    `title` is the guest's position as it should be printed ("Đảng ủy viên, phụ trách chi
    bộ"); "" prints the name alone.
    """

    name: str
    title: str = ""


@dataclass(frozen=True)
class AbsentMember:
    """A member absent with a reason (vắng có lý do) and that reason ("ốm", "đi công tác")."""

    name: str
    reason: str = ""


@dataclass(frozen=True)
class AttendanceSummary:
    """The head counts of the roll call (điểm danh), as in `app.domain.meetings.AttendanceCounts`.

    `total` is every member on the register, `full` + `probationary` == `total`;
    `present` + `absent_excused` + `absent_unexcused` + `exempt` + `attached_elsewhere` ==
    `total`. `exempt` counts exempted members (miễn sinh hoạt) who did not attend and
    `attached_elsewhere` those attending temporarily in another cell (sinh hoạt tạm thời nơi
    khác).
    """

    total: int
    full: int
    probationary: int
    present: int
    absent_excused: int
    absent_unexcused: int
    exempt: int
    attached_elsewhere: int


@dataclass(frozen=True)
class MeetingSession:
    """Who met, when and where: the part every meeting record (biên bản) opens with.

    `kind_label` is the lower-case name of the meeting as it reads inside a sentence:
    "sinh hoạt chi bộ thường kỳ tháng 11 năm 2026" or "sinh hoạt chuyên đề quý IV năm 2026";
    documents capitalise it for their subject line. `end_time` is None while the meeting is
    not finished (drafts); the closing sentence is then left out. `chair` (chủ trì) and
    `minute_taker` (thư ký hội nghị) are names; `chair_title` is an optional position
    printed after the chair's name ("Bí thư Chi bộ"). `absent_excused` lists the members
    absent with a reason, `absent_unexcused` the names of those absent without one.
    """

    kind_label: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time | None
    place: str
    chair: str
    minute_taker: str
    attendance: AttendanceSummary
    chair_title: str = ""
    guests: tuple[Guest, ...] = ()
    absent_excused: tuple[AbsentMember, ...] = ()
    absent_unexcused: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUpItem:
    """One task set by last month's resolution and its result (kết quả thực hiện)."""

    task: str
    result: str


@dataclass(frozen=True)
class Speech:
    """One opinion in the discussion (ý kiến thảo luận): who spoke and what was said."""

    speaker: str
    opinion: str


@dataclass(frozen=True)
class DecisionVote:
    """A matter put to the vote (biểu quyết) and its result.

    `denominator` is the number of members who count for the vote (domain rule 11: full
    members, minus those attached elsewhere and exempted members who are absent);
    `required_yes` the fewest yes votes that pass it and `passed` the domain's verdict. In a
    draft a count not typed yet is None (and so is `passed`): the vote then prints as not
    recorded yet.
    """

    text: str
    yes: int | None
    no: int | None
    abstain: int | None
    denominator: int
    required_yes: int
    passed: bool | None

    @property
    def recorded(self) -> bool:
        """True when the three counts and the verdict are known."""
        return None not in (self.yes, self.no, self.abstain, self.passed)


@dataclass(frozen=True)
class TaskAssignment:
    """A task assigned at the meeting (phân công nhiệm vụ): who, what, by when.

    `deadline` None prints "Thường xuyên" (an ongoing task).
    """

    assignee: str
    task: str
    deadline: dt.date | None


@dataclass(frozen=True)
class QualityRow:
    """One criterion of the meeting-quality score: its name, maximum and the points given."""

    name: str
    max_points: int
    points: int


@dataclass(frozen=True)
class QualityAssessment:
    """The meeting's quality self-score (tự chấm điểm chất lượng sinh hoạt chi bộ).

    `rows` follow the regulation profile's criteria table; `band` is the band's name from
    the profile ("Tốt", "Khá", "Trung bình", "Kém"); `shortcomings` are the points to fix
    next time (hạn chế cần khắc phục), one per entry. The total is computed from the rows, so
    it always adds up; a row above its maximum is refused.
    """

    rows: tuple[QualityRow, ...]
    band: str
    shortcomings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for row in self.rows:
            if not 0 <= row.points <= row.max_points:
                raise ValueError("a quality score must lie between 0 and its criterion's maximum")

    @property
    def total(self) -> int:
        """The points given, added up."""
        return sum(row.points for row in self.rows)

    @property
    def maximum(self) -> int:
        """The most points the table allows (100 with the national table)."""
        return sum(row.max_points for row in self.rows)


@dataclass(frozen=True)
class MeetingSnapshot:
    """A regular (or combined, extraordinary) meeting, for its minutes, resolution and score.

    - `header`: the header of the document being printed (see the module docstring).
    - `cell_name`: "thôn Lũng Cú" or "Chi bộ thôn Lũng Cú" (never doubled when printed).
    - `agenda`: the agenda items (chương trình) in order.
    - `follow_up`: last month's resolution, item by item, with results.
    - `report_summary`: the summary of the cell committee's report (may hold newlines).
    - `speeches`: the discussion in the order people spoke.
    - `decisions`: matters voted on, in order.
    - `tasks`: next month's assignments; `next_month_tasks` the cell's tasks for next month
      as written in part II of the resolution (when empty, the assigned tasks are listed).
    - `fee_note`: the party-fee (đảng phí) status announced at the opening.
    - `quality`: the self-score, or None when the meeting was not scored (yet).
    - `next_meeting_date` / `next_meeting_topic`: the next meeting (kỳ sinh hoạt tới).
    - `conclusion`: the chair's conclusion (kết luận của chủ trì).
    - `topic` / `presenter`: the theme of a combined meeting's thematic part and who presented
      it (both empty for a regular meeting).
    - `secretary_name`: the cell secretary (bí thư) who signs the resolution.
    - `recipients`: "Nơi nhận" of the resolution and score sheet, without the archive line
      ("Lưu Chi bộ." is always added).
    """

    header: DocumentHeader
    cell_name: str
    session: MeetingSession
    secretary_name: str
    agenda: tuple[str, ...] = ()
    follow_up: tuple[FollowUpItem, ...] = ()
    report_summary: str = ""
    speeches: tuple[Speech, ...] = ()
    decisions: tuple[DecisionVote, ...] = ()
    tasks: tuple[TaskAssignment, ...] = ()
    next_month_tasks: tuple[str, ...] = ()
    fee_note: str = ""
    quality: QualityAssessment | None = None
    next_meeting_date: dt.date | None = None
    next_meeting_topic: str = ""
    conclusion: str = ""
    recipients: tuple[str, ...] = ()
    topic: str = ""
    presenter: str = ""


@dataclass(frozen=True)
class ThematicRecordSnapshot:
    """A thematic meeting (sinh hoạt chuyên đề), for its record (biên bản sinh hoạt chuyên đề).

    `topic` is the theme (chuyên đề), `presenter` who presented it, `content_summary` the
    summary of the presentation, `discussion` the opinions in order and `conclusion` the
    chair's conclusion. `decisions`, `quality` and `next_meeting_*` are as in
    `MeetingSnapshot` and are left out when empty.
    """

    header: DocumentHeader
    cell_name: str
    session: MeetingSession
    topic: str
    presenter: str
    content_summary: str = ""
    discussion: tuple[Speech, ...] = ()
    decisions: tuple[DecisionVote, ...] = ()
    conclusion: str = ""
    quality: QualityAssessment | None = None
    next_meeting_date: dt.date | None = None
    next_meeting_topic: str = ""


@dataclass(frozen=True)
class QualitySheetSnapshot:
    """The quality score sheet (bảng tự chấm điểm chất lượng sinh hoạt chi bộ) of a meeting."""

    header: DocumentHeader
    cell_name: str
    kind_label: str
    meeting_date: dt.date
    quality: QualityAssessment
    secretary_name: str
    recipients: tuple[str, ...] = ()


def quality_sheet_of(
    meeting: MeetingSnapshot | ThematicRecordSnapshot,
    header: DocumentHeader,
    secretary_name: str = "",
    recipients: tuple[str, ...] = (),
) -> QualitySheetSnapshot:
    """The score sheet of a scored meeting, printed under `header`.

    The secretary and recipients default to the meeting's own (a thematic record has none).
    Raises ValueError when the meeting has no quality score.
    """
    if meeting.quality is None:
        raise ValueError("the meeting has no quality score to print")
    own_secretary = meeting.secretary_name if isinstance(meeting, MeetingSnapshot) else ""
    own_recipients = meeting.recipients if isinstance(meeting, MeetingSnapshot) else ()
    return QualitySheetSnapshot(
        header=header,
        cell_name=meeting.cell_name,
        kind_label=meeting.session.kind_label,
        meeting_date=meeting.session.date,
        quality=meeting.quality,
        secretary_name=secretary_name or own_secretary,
        recipients=recipients or own_recipients,
    )
