"""Translated labels of the meetings' enumerations, shared by the meeting screens and the CLI.

Apart from app.labels on purpose: the meeting enumerations live in modules (the meeting rules,
the meeting DTOs) that the window's start-up does not need.
"""

from __future__ import annotations

from app.domain.meeting_record import DecisionKind
from app.domain.meetings import AttendanceStatus, MeetingKind
from app.l10n import pgettext
from app.services.meeting_dto import MeetingState, ResolutionKind, TaskStatus


def meeting_kind_label(value: MeetingKind) -> str:
    """Kind of a cell meeting: thường kỳ, chuyên đề, kết hợp, bất thường, kiểm điểm cuối năm."""
    labels = {
        MeetingKind.REGULAR: pgettext("meeting kind", "Regular"),
        MeetingKind.THEMATIC: pgettext("meeting kind", "Thematic"),
        MeetingKind.COMBINED: pgettext("meeting kind", "Regular with a thematic part"),
        MeetingKind.EXTRAORDINARY: pgettext("meeting kind", "Extraordinary"),
        MeetingKind.YEAR_END_REVIEW: pgettext("meeting kind", "Year-end review"),
    }
    return labels[value]


def attendance_label(value: AttendanceStatus) -> str:
    """A member's attendance at a meeting (điểm danh)."""
    labels = {
        AttendanceStatus.PRESENT: pgettext("attendance", "Present"),
        AttendanceStatus.ABSENT_EXCUSED: pgettext("attendance", "Absent with reason"),
        AttendanceStatus.ABSENT_UNEXCUSED: pgettext("attendance", "Absent without reason"),
        AttendanceStatus.EXEMPT: pgettext("attendance", "Exempt"),
        AttendanceStatus.ATTACHED_ELSEWHERE: pgettext("attendance", "Attached elsewhere"),
    }
    return labels[value]


def meeting_state_label(value: MeetingState) -> str:
    """A meeting's minutes: draft (dự thảo) or final (chính thức)."""
    labels = {
        MeetingState.DRAFT: pgettext("meeting state", "Draft"),
        MeetingState.FINAL: pgettext("meeting state", "Final"),
    }
    return labels[value]


def decision_kind_label(value: DecisionKind) -> str:
    """What a decision put to the vote (biểu quyết) is about."""
    labels = {
        DecisionKind.ORDINARY: pgettext("decision kind", "Ordinary"),
        DecisionKind.ADMISSION: pgettext("decision kind", "Admission of a member"),
        DecisionKind.RECOGNITION: pgettext("decision kind", "Recognition as full member"),
        DecisionKind.STRIKE_OFF_PROBATIONER: pgettext(
            "decision kind", "Striking off a probationary member"
        ),
    }
    return labels[value]


def resolution_kind_label(value: ResolutionKind) -> str:
    """What the meeting issues beside its minutes: nghị quyết, kết luận or nothing."""
    labels = {
        ResolutionKind.RESOLUTION: pgettext("resolution kind", "Resolution"),
        ResolutionKind.CONCLUSION: pgettext("resolution kind", "Conclusion"),
        ResolutionKind.NONE: pgettext("resolution kind", "Minutes only"),
    }
    return labels[value]


def task_status_label(value: TaskStatus) -> str:
    """The progress of a task assigned at a meeting: in progress or done."""
    labels = {
        TaskStatus.OPEN: pgettext("task status", "In progress"),
        TaskStatus.DONE: pgettext("task status", "Done"),
    }
    return labels[value]
