"""One meeting's minutes (biên bản sinh hoạt chi bộ) as the rules see them, and its checks.

Pure rules (reference: domain.md §3.3, §11 rules 3, 6, 7, 11). The services build a frozen
`MeetingRecord` from storage; `minutes_problems` says what blocks the final version of the
minutes and what only deserves a warning; `decision_outcome` says whether a decision passed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.findings import Problem, Severity
from app.domain.meetings import (
    AttendanceCounts,
    AttendanceStatus,
    MeetingKind,
    count_attendance,
    decision_denominator,
    duration_problems,
    score_quality,
)
from app.domain.members import MembershipStatus
from app.domain.messages import N_, Message
from app.domain.profile import Majority, QualityScheme, RuleProfile, VoteRules
from app.domain.votes import required_yes, validate_vote


class DecisionKind(enum.StrEnum):
    """What a decision of the meeting is about; it sets how many yes votes it needs."""

    ORDINARY = "ordinary"  # nghị quyết, kết luận thông thường: quá một nửa
    ADMISSION = "admission"  # kết nạp đảng viên: 2/3
    RECOGNITION = "recognition"  # công nhận đảng viên chính thức: 2/3
    STRIKE_OFF_PROBATIONER = "strike_off_probationer"  # xóa tên đảng viên dự bị: 2/3


#: Decisions that need the admission fraction (2/3) of the members who count (rule 11).
TWO_THIRDS_KINDS = frozenset(
    {DecisionKind.ADMISSION, DecisionKind.RECOGNITION, DecisionKind.STRIKE_OFF_PROBATIONER}
)


@dataclass(frozen=True)
class AttendanceEntry:
    """One member in the roll call (điểm danh). `membership` is the member's status on the
    meeting day; `status` is None while the secretary has not recorded it."""

    member_id: int | None
    name: str
    membership: MembershipStatus
    status: AttendanceStatus | None


@dataclass(frozen=True)
class DecisionRecord:
    """A decision put to the vote (biểu quyết): its text, kind and the three vote counts
    (for, against, abstain), each None until typed."""

    text: str
    kind: DecisionKind = DecisionKind.ORDINARY
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None

    @property
    def votes_complete(self) -> bool:
        """True when all three counts are recorded."""
        return None not in (self.votes_for, self.votes_against, self.votes_abstain)


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting as written in the minutes; `chair` (chủ trì) and `minute_taker` (thư ký hội
    nghị) are names. `quality_scores` maps a criterion code to the points given, under
    `quality_scheme` (the table final minutes were scored with), else the profile's table."""

    kind: MeetingKind
    date: dt.date | None
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    chair: str = ""
    minute_taker: str = ""
    attendance: tuple[AttendanceEntry, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    quality_scores: Mapping[str, int] | None = None
    quality_scheme: QualityScheme | None = None


@dataclass(frozen=True)
class DecisionOutcome:
    """Whether a decision passed: `passed` is None while a vote count is missing.
    `required_yes` is the fewest yes votes out of `denominator` members who count."""

    denominator: int
    required_yes: int
    passed: bool | None
    citation: str


def attendance_counts(record: MeetingRecord) -> AttendanceCounts:
    """The head counts of the recorded roll call (entries without a status are left out)."""
    return count_attendance(
        [(e.membership, e.status) for e in record.attendance if e.status is not None]
    )


def meeting_denominator(record: MeetingRecord) -> int:
    """Members who count for the meeting's votes (rule 11). A member whose attendance is not
    recorded yet is counted, as a full member is unless attached elsewhere or exempt-absent."""
    entries = [(e.membership, e.status or AttendanceStatus.PRESENT) for e in record.attendance]
    return decision_denominator(count_attendance(entries))


def required_yes_for(denominator: int, majority: Majority) -> int:
    """The fewest yes votes an ordinary resolution needs: more than the fraction when
    `majority.strict` (more than half of 7 is 4, of 8 is 5), otherwise at least it."""
    fraction = majority.fraction
    if not majority.strict:
        return required_yes(denominator, fraction)
    return denominator * fraction.numerator // fraction.denominator + 1


def decision_outcome(
    decision: DecisionRecord, denominator: int, rules: VoteRules
) -> DecisionOutcome:
    """Pass or fail of a decision over `denominator` members who count (never those present):
    2/3 for admission, recognition and striking off a probationer (Điều lệ 4.3, 5.2), the
    profile's majority for an ordinary resolution."""
    if decision.kind in TWO_THIRDS_KINDS:
        needed = required_yes(denominator, rules.admission_fraction.value)
        citation = rules.admission_fraction.citation
    else:
        needed = required_yes_for(denominator, rules.decision_majority.value)
        citation = rules.decision_majority.citation
    passed: bool | None = None
    if decision.votes_for is not None and decision.votes_complete:
        passed = denominator > 0 and decision.votes_for >= needed
    return DecisionOutcome(denominator, needed, passed, citation)


_REQUIRED_TEXT = {
    "chair": N_("The chair of the meeting is missing. Choose who chaired the meeting."),
    "minute_taker": N_("The minute-taker is missing. Choose who took the minutes of the meeting."),
}


def minutes_problems(record: MeetingRecord, profile: RuleProfile) -> list[Problem]:
    """What stops the final minutes (BLOCK, rule 6 and 7) and what deserves a warning.

    BLOCK: no date, chair, minute-taker, start or end time; a member without a recorded
    attendance; a decision without text or without its three vote counts, or with impossible
    counts; an impossible quality score. WARN: a short meeting (rule 3), fewer full members
    than a cell needs to decide (rule 9), an unscored quality.
    Fields: "date", "chair", "minute_taker", "start_time", "end_time", "attendance",
    "decision.<index>" (0-based), "quality.<criterion code>".
    """
    problems: list[Problem] = []
    if record.date is None:
        text = N_("The meeting date is missing. Enter the day the meeting was held.")
        problems.append(Problem("date", Message(text)))
    for field, text in _REQUIRED_TEXT.items():
        if not getattr(record, field).strip():
            problems.append(Problem(field, Message(text)))
    problems += _time_problems(record, profile)
    problems += _attendance_problems(record)
    problems += _cell_size_problems(record, profile)
    problems += _decision_problems(record, profile.votes)
    problems += _quality_problems(record, profile)
    return problems


def _time_problems(record: MeetingRecord, profile: RuleProfile) -> list[Problem]:
    problems: list[Problem] = []
    if record.start is None:
        text = N_("The start time is missing. Enter the time the meeting began.")
        problems.append(Problem("start_time", Message(text)))
    if record.end is None:
        text = N_("The end time is missing. Enter the time the meeting ended.")
        problems.append(Problem("end_time", Message(text)))
    if record.start is not None and record.end is not None:
        problems += duration_problems(record.kind, record.start, record.end, profile.meetings)
    return problems


def _attendance_problems(record: MeetingRecord) -> list[Problem]:
    if not record.attendance:
        text = N_("The roll call is empty. Record the attendance of every member of the cell.")
        return [Problem("attendance", Message(text))]
    text = N_("The attendance of {name} is not recorded. Choose present, absent or exempt.")
    return [
        Problem("attendance", Message(text, {"name": entry.name}))
        for entry in record.attendance
        if entry.status is None
    ]


def _cell_size_problems(record: MeetingRecord, profile: RuleProfile) -> list[Problem]:
    """Rule 9 (warn): a cell with fewer full members than the minimum cannot decide validly."""
    if not record.attendance:
        return []
    full = sum(1 for e in record.attendance if e.membership is MembershipStatus.FULL)
    minimum = profile.members.min_full_members.value
    if full >= minimum:
        return []
    text = N_(
        "The roll call has {count} full members; a cell needs at least {minimum} to decide "
        "validly. Ask the superior committee to add members or merge the cell."
    )
    return [
        Problem("attendance", Message(text, {"count": full, "minimum": minimum}), Severity.WARN)
    ]


def _decision_problems(record: MeetingRecord, rules: VoteRules) -> list[Problem]:
    if not record.decisions:
        return []
    denominator = meeting_denominator(record)
    problems: list[Problem] = []
    for index, decision in enumerate(record.decisions):
        field = f"decision.{index}"
        number = index + 1
        if not decision.text.strip():
            text = N_("Decision {number} has no text. Write what was decided.")
            problems.append(Problem(field, Message(text, {"number": number})))
        if not decision.votes_complete:
            text = N_(
                "Decision {number} lacks its vote counts. Enter the votes for, against and "
                "abstaining."
            )
            problems.append(Problem(field, Message(text, {"number": number})))
            continue
        found = validate_vote(
            decision.votes_for or 0,
            decision.votes_against or 0,
            decision.votes_abstain or 0,
            denominator,
        )
        problems += [Problem(field, p.message, p.severity) for p in found]
    return problems


def _quality_problems(record: MeetingRecord, profile: RuleProfile) -> list[Problem]:
    scores = record.quality_scores or {}
    if not scores:
        text = N_("The meeting quality has not been scored yet.")
        return [Problem("quality", Message(text), Severity.WARN)]
    result = score_quality(scores, record.quality_scheme or profile.meetings.quality.value)
    return [Problem(f"quality.{p.field}", p.message, p.severity) for p in result.problems]
