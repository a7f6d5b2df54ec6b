"""The meeting list's columns and the upcoming-meeting banner's words (no widgets here)."""

from __future__ import annotations

import datetime as dt

from app.l10n import _, format_date, ngettext, pgettext
from app.meeting_labels import meeting_kind_label, meeting_state_label
from app.services.meeting_dto import MeetingSummary, UpcomingMeeting
from app.ui.screens.meetings.rows_model import Column


def weekday_name(day: dt.date) -> str:
    """ "thứ Hai" … "Chủ nhật"."""
    names = (
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    )
    return names[day.weekday()]


def quality_text(summary: MeetingSummary) -> str:
    """ "92 — Tốt", empty while unscored: the band is a word, never a colour."""
    if summary.quality_total is None:
        return ""
    return _("{total} — {band}").format(total=summary.quality_total, band=summary.quality_band)


def state_text(summary: MeetingSummary) -> str:
    """ "Dự thảo", or "Chính thức · Số 01-BB/CB · Số 01-NQ/CB"."""
    numbers = [n for n in (summary.minutes_number, summary.resolution_number) if n]
    return " · ".join([meeting_state_label(summary.state), *numbers])


def meeting_columns() -> list[Column[MeetingSummary]]:
    """Date, kind, topic, present/total, quality, state with numbers (read-only)."""
    return [
        Column(lambda: _("Date"), lambda m: format_date(m.date)),
        Column(lambda: _("Kind"), lambda m: meeting_kind_label(m.kind)),
        Column(lambda: _("Topic"), lambda m: m.topic),
        Column(
            lambda: _("Present"),
            lambda m: _("{present}/{total}").format(present=m.present, total=m.total),
            align_right=True,
        ),
        Column(lambda: _("Quality"), quality_text),
        Column(lambda: _("State"), state_text),
    ]


def upcoming_text(upcoming: UpcomingMeeting) -> str:
    """ "Kỳ sinh hoạt tới: thứ Năm, 03/12/2026 — còn 2 ngày" (or today, or overdue)."""
    day = _("{weekday}, {date}").format(
        weekday=weekday_name(upcoming.date), date=format_date(upcoming.date)
    )
    if upcoming.overdue:
        left = ngettext("{n} day overdue", "{n} days overdue", -upcoming.days_left).format(
            n=-upcoming.days_left
        )
    elif upcoming.days_left == 0:
        left = _("today")
    else:
        left = ngettext("{n} day left", "{n} days left", upcoming.days_left).format(
            n=upcoming.days_left
        )
    text = _("Next meeting: {day} — {left}").format(day=day, left=left)
    if upcoming.topic:
        text += "\n" + _("Topic: {topic}").format(topic=upcoming.topic)
    return text


def reminder_text(upcoming: UpcomingMeeting) -> str:
    """The reminder flag beside the banner (shown with an icon), empty when not due."""
    if upcoming.overdue:
        return _("Reminder: the meeting date has passed; record the meeting.")
    if upcoming.remind and upcoming.meeting_id is not None:
        return _("Reminder: the meeting is near; its draft is in the list, ready to complete.")
    if upcoming.remind:
        return _("Reminder: the meeting is near; prepare it.")
    return ""
