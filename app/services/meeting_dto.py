"""Plain frozen data of the meeting services (sinh hoạt chi bộ). Screens, the CLI and the
document renderers see these, never ORM objects.

A screen edits a meeting by taking `MeetingDetail.data` (a `MeetingInput`), replacing what the
secretary typed (`dataclasses.replace`) and handing it to `MeetingService.save_draft`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.findings import Problem
from app.domain.meeting_record import DecisionOutcome, DecisionRecord
from app.domain.meetings import AttendanceCounts, AttendanceStatus, MeetingKind, QualityResult
from app.domain.members import MembershipStatus
from app.domain.profile import QualityScheme, Rule


class MeetingState(enum.StrEnum):
    """A draft can be edited and deleted; final minutes are read-only and numbered."""

    DRAFT = "draft"  # dự thảo
    FINAL = "final"  # chính thức


class ResolutionKind(enum.StrEnum):
    """What the meeting issues beside its minutes: a resolution (nghị quyết, number NQ), a
    conclusion (kết luận, number KL), or nothing (a thematic meeting usually issues only its
    minutes)."""

    RESOLUTION = "resolution"
    CONCLUSION = "conclusion"
    NONE = "none"


class TaskStatus(enum.StrEnum):
    """A task assigned at a meeting: still open, or done."""

    OPEN = "open"
    DONE = "done"


@dataclass(frozen=True)
class AttendanceInput:
    """One member's roll-call entry as typed; `status` None means not recorded yet."""

    member_id: int
    status: AttendanceStatus | None = None
    reason: str = ""


@dataclass(frozen=True)
class GuestInput:
    """A guest (đại biểu), e.g. the superior committee's representative, and their title."""

    name: str
    title: str = ""


@dataclass(frozen=True)
class FollowUpInput:
    """One task of the previous resolution and its result (kết quả thực hiện).
    `source_task_id` is the task it comes from, when carried from an earlier meeting, and
    `status` that task's progress (None for an item typed without one): saving writes it to
    the task, and a task still open is carried on to the next meeting."""

    task_text: str
    result: str = ""
    source_task_id: int | None = None
    status: TaskStatus | None = None


@dataclass(frozen=True)
class SpeechInput:
    """One opinion in the discussion, in order; `speaker_id` when the speaker is a member."""

    speaker_name: str
    opinion: str = ""
    speaker_id: int | None = None


@dataclass(frozen=True)
class TaskInput:
    """A task assigned for next month (phân công): who, what, by when. `id` is None for a new
    task and the stored id for an existing one (ids stay stable across saves)."""

    description: str
    assignee_id: int | None = None
    assignee_name: str = ""
    deadline: dt.date | None = None
    status: TaskStatus = TaskStatus.OPEN
    id: int | None = None


@dataclass(frozen=True)
class MeetingInput:
    """Everything the secretary types about one meeting. Any field may be empty in a draft.

    `chair_id`/`minute_taker_id`/`presenter_id` name a member; `chair_name`/
    `minute_taker_name`/`presenter_name` are the printed names (filled from the member when
    left empty, typed for a non-member). The presenter (người trình bày chuyên đề) presents
    the theme of a thematic or combined meeting.
    `quality_scores` maps a criterion code of the profile's table to the points given.
    """

    kind: MeetingKind
    date: dt.date | None
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    topic: str = ""
    chair_id: int | None = None
    chair_name: str = ""
    minute_taker_id: int | None = None
    minute_taker_name: str = ""
    presenter_id: int | None = None
    presenter_name: str = ""
    report_summary: str = ""
    conclusion: str = ""
    resolution_kind: ResolutionKind = ResolutionKind.RESOLUTION
    fee_note: str = ""
    shortcomings: str = ""
    next_date: dt.date | None = None
    next_topic: str = ""
    attendance: tuple[AttendanceInput, ...] = ()
    guests: tuple[GuestInput, ...] = ()
    agenda: tuple[str, ...] = ()
    follow_ups: tuple[FollowUpInput, ...] = ()
    speeches: tuple[SpeechInput, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    tasks: tuple[TaskInput, ...] = ()
    quality_scores: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class AttendanceRow:
    """A roll-call entry with the member's name and status on the meeting day."""

    member_id: int
    full_name: str
    membership: MembershipStatus
    status: AttendanceStatus | None
    reason: str


@dataclass(frozen=True)
class DecisionResult:
    """A decision with its outcome over the members who count (rule 11)."""

    decision: DecisionRecord
    outcome: DecisionOutcome


@dataclass(frozen=True)
class DocumentNumberInfo:
    """A number of the document register, e.g. text "Số 05-BB/CB"."""

    type_code: str
    seq: int
    text: str
    term_start: dt.date
    issued_on: dt.date
    document_kind: str
    meeting_id: int | None


@dataclass(frozen=True)
class MeetingDetail:
    """A meeting with everything computed from it.

    `counts` are the head counts of the recorded roll call; `denominator` the members who
    count for votes; `quality` the score (total and band None while unscored or impossible)
    under `quality_table`, the criteria the meeting is scored with (the profile's for a draft,
    those stored with final minutes);
    `problems` what blocks the final minutes (BLOCK) and warnings; `can_finalize` is True when
    nothing blocks. `minutes_number`/`resolution_number` are set once final. `member_names`
    names every member the meeting refers to by id (roll call, chair, minute-taker, speakers,
    assignees), former members included.
    """

    id: int
    state: MeetingState
    data: MeetingInput
    attendance: tuple[AttendanceRow, ...]
    counts: AttendanceCounts
    denominator: int
    decisions: tuple[DecisionResult, ...]
    quality: QualityResult
    quality_table: Rule[QualityScheme]
    problems: tuple[Problem, ...]
    can_finalize: bool
    minutes_number: DocumentNumberInfo | None
    resolution_number: DocumentNumberInfo | None
    created_at: dt.datetime
    updated_at: dt.datetime
    finalized_at: dt.datetime | None = None
    deleted: bool = False
    member_names: Mapping[int, str] = field(default_factory=dict)

    @property
    def is_final(self) -> bool:
        """True when the minutes are final (read-only)."""
        return self.state is MeetingState.FINAL


@dataclass(frozen=True)
class MeetingSummary:
    """One row of the meeting list. `quality_band` is the band's name ("Tốt"), empty while
    unscored; the numbers are the printed texts, empty for a draft."""

    id: int
    kind: MeetingKind
    date: dt.date | None
    topic: str
    state: MeetingState
    present: int
    total: int
    quality_total: int | None
    quality_band: str
    minutes_number: str
    resolution_number: str


@dataclass(frozen=True)
class PlannedTopic:
    """The thematic topic planned for one quarter ("" when nothing is planned)."""

    quarter: int
    topic: str


@dataclass(frozen=True)
class ThematicPlan:
    """The year's plan of thematic meetings (kế hoạch sinh hoạt chuyên đề), quarters 1-4."""

    year: int
    quarters: tuple[PlannedTopic, ...]

    def topic(self, quarter: int) -> str:
        """The topic planned for `quarter` (1-4), or ""."""
        return next((p.topic for p in self.quarters if p.quarter == quarter), "")


@dataclass(frozen=True)
class UpcomingMeeting:
    """The next planned meeting. `from_previous` is True when the date comes from the last
    meeting's "next meeting" field, False when it is the profile's default day or a draft's own
    date. `remind` is True within the profile's reminder days and when the date has passed
    (`overdue`). `meeting_id` is the draft already prepared for it, if any."""

    date: dt.date
    topic: str
    days_left: int
    remind: bool
    overdue: bool
    from_previous: bool
    meeting_id: int | None = None
