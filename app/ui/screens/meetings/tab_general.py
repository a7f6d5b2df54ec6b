"""The meeting editor's "Chung" tab (kind, date, times, place, chair, minute-taker, guests,
topic) and "Kỳ tới" tab (next meeting's date and topic)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingKind, duration_minutes, minimum_duration
from app.domain.profile import MeetingRules
from app.l10n import _
from app.meeting_labels import meeting_kind_label, resolution_kind_label
from app.services.meeting_dto import GuestInput, MeetingInput, ResolutionKind
from app.ui.screens.meetings.fields import PersonCombo, TimeField, clean
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.meetings.table import RowsEditor
from app.ui.widgets.dates import DateField


def duration_text(kind: MeetingKind, data: MeetingInput, rules: MeetingRules | None) -> str:
    """ "120 phút" as the times are typed, with a warning sign and the minimum when shorter
    (rule 3); empty until both times are known."""
    if data.start is None or data.end is None:
        return ""
    minutes = duration_minutes(data.start, data.end)
    if minutes <= 0:
        return "⚠ " + _("The end time must be after the start time.")
    minimum = minimum_duration(kind, rules) if rules is not None else None
    if minimum is not None and minutes < minimum:
        return "⚠ " + _("{minutes} minutes — shorter than the minimum of {minimum} minutes").format(
            minutes=minutes, minimum=minimum
        )
    return _("{minutes} minutes").format(minutes=minutes)


def _guest_columns() -> list[Column[GuestInput]]:
    return [
        Column(
            lambda: _("Full name"),
            lambda g: g.name,
            update=lambda g, v: replace(g, name=clean(str(v))),
        ),
        Column(
            lambda: _("Title and unit"),
            lambda g: g.title,
            update=lambda g, v: replace(g, title=clean(str(v))),
        ),
    ]


class GeneralTab(QWidget):
    """Kind, date, start and end time, place, chair, minute-taker, topic, guests."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(meeting_kind_label(kind), kind.value)
        self.date = DateField()
        self.start = TimeField()
        self.end = TimeField()
        self.rules: MeetingRules | None = None
        self.duration = QLabel()
        self.place = QLineEdit()
        self.chair = PersonCombo()
        self.minute_taker = PersonCombo()
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(_("The topic of a thematic meeting"))
        self.presenter = PersonCombo()
        self.resolution_kind = QComboBox()
        for issued in ResolutionKind:
            self.resolution_kind.addItem(resolution_kind_label(issued), issued.value)
        self.guests_model: RowsModel[GuestInput] = RowsModel(_guest_columns(), self)
        self.guests = RowsEditor(
            self.guests_model, GuestInput(""), add_text=_("Add a &guest"), stretch=1
        )
        form = QFormLayout()
        for text, widget in (
            (_("&Kind of meeting:"), self.kind),
            (_("Meeting &date:"), self.date),
            (_("&Start time:"), self.start),
            (_("&End time:"), self.end),
            (_("Duration:"), self.duration),
            (_("&Venue:"), self.place),
            (_("&Chair:"), self.chair),
            (_("&Minute-taker:"), self.minute_taker),
            (_("&Topic:"), self.topic),
            (_("&Presented by:"), self.presenter),
            (_("&Issues:"), self.resolution_kind),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        guests_label = QLabel(_("Guests (e.g. the superior committee's representative):"))
        guests_label.setBuddy(self.guests.table)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(guests_label)
        layout.addWidget(self.guests, 1)
        for signal in (
            self.kind.currentIndexChanged,
            self.date.textChanged,
            self.start.time_changed,
            self.end.time_changed,
            self.place.textChanged,
            self.chair.person_changed,
            self.minute_taker.person_changed,
            self.topic.textChanged,
            self.presenter.person_changed,
            self.resolution_kind.currentIndexChanged,
            self.guests_model.edited,
        ):
            signal.connect(lambda *_args: self.edited.emit())
        for signal in (
            self.kind.currentIndexChanged,
            self.start.time_changed,
            self.end.time_changed,
        ):
            signal.connect(lambda *_args: self.update_duration())

    def set_members(self, members: Sequence[tuple[int, str]]) -> None:
        """The register's members offered as chair and minute-taker."""
        self.chair.set_members(members)
        self.minute_taker.set_members(members)
        self.presenter.set_members(members)

    def update_duration(self) -> None:
        """Show how long the meeting lasted with the times typed now."""
        start = self.start.time() if self.start.is_valid() else None
        end = self.end.time() if self.end.is_valid() else None
        kind = MeetingKind(self.kind.currentData())
        data = MeetingInput(kind=kind, date=None, start=start, end=end)
        self.duration.setText(duration_text(kind, data, self.rules))

    def load(self, data: MeetingInput) -> None:
        """Show a meeting's general data."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind.value)))
        self.date.setDate(data.date)
        self.start.set_time(data.start)
        self.end.set_time(data.end)
        self.place.setText(data.place)
        self.chair.set_person(data.chair_id, data.chair_name)
        self.minute_taker.set_person(data.minute_taker_id, data.minute_taker_name)
        self.topic.setText(data.topic)
        self.presenter.set_person(data.presenter_id, data.presenter_name)
        index = self.resolution_kind.findData(data.resolution_kind.value)
        self.resolution_kind.setCurrentIndex(max(0, index))
        self.guests_model.set_rows(data.guests)
        self.update_duration()

    def apply(self, data: MeetingInput) -> MeetingInput:
        """`data` with what is typed here; a date or time that cannot be read keeps the value
        saved before (the text stays in the field, marked, until it is corrected)."""
        chair_id, chair_name = self.chair.person()
        taker_id, taker_name = self.minute_taker.person()
        presenter_id, presenter_name = self.presenter.person()
        return replace(
            data,
            kind=MeetingKind(self.kind.currentData()),
            date=self.date.date() if self.date.is_valid() else data.date,
            start=self.start.time() if self.start.is_valid() else data.start,
            end=self.end.time() if self.end.is_valid() else data.end,
            place=clean(self.place.text()),
            chair_id=chair_id,
            chair_name="" if chair_id is not None else chair_name,
            minute_taker_id=taker_id,
            minute_taker_name="" if taker_id is not None else taker_name,
            topic=clean(self.topic.text()),
            presenter_id=presenter_id,
            presenter_name="" if presenter_id is not None else presenter_name,
            resolution_kind=ResolutionKind(self.resolution_kind.currentData()),
            guests=tuple(g for g in self.guests_model.rows if g.name or g.title),
        )

    def unreadable(self) -> list[tuple[str, QWidget]]:
        """What is typed but cannot be read (so is not saved): a description and the field."""
        found: list[tuple[str, QWidget]] = []
        if not self.date.is_valid():
            found.append((_("meeting date “{text}”").format(text=self.date.text()), self.date))
        for field, text in (
            (self.start, _("start time “{text}”")),
            (self.end, _("end time “{text}”")),
        ):
            if not field.is_valid():
                found.append((text.format(text=field.text()), field))
        return found

    def field_widget(self, field: str) -> QWidget | None:
        """The input of a problem's field ("date", "chair", "start_time", ...)."""
        widgets: dict[str, QWidget] = {
            "kind": self.kind,
            "date": self.date,
            "start_time": self.start,
            "end_time": self.end,
            "place": self.place,
            "chair": self.chair,
            "minute_taker": self.minute_taker,
            "topic": self.topic,
            "presenter": self.presenter,
        }
        return widgets.get(field)

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.date, self.start, self.end, self.place, self.topic):
            line.setReadOnly(read_only)
        for combo in (
            self.kind,
            self.chair,
            self.minute_taker,
            self.presenter,
            self.resolution_kind,
        ):
            combo.setEnabled(not read_only)
        self.guests.set_read_only(read_only)


class NextTab(QWidget):
    """The next meeting (kỳ sinh hoạt tới): its date and topic."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.next_date = DateField()
        self.next_topic = QLineEdit()
        form = QFormLayout(self)
        for text, widget in (
            (_("Date of the &next meeting:"), self.next_date),
            (_("Topic of the next meeting:"), self.next_topic),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(_("The list's reminder of the next meeting uses this date and topic."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.next_date.textChanged.connect(lambda _text: self.edited.emit())
        self.next_topic.textChanged.connect(lambda _text: self.edited.emit())

    def load(self, data: MeetingInput) -> None:
        self.next_date.setDate(data.next_date)
        self.next_topic.setText(data.next_topic)

    def apply(self, data: MeetingInput) -> MeetingInput:
        valid = self.next_date.is_valid()
        return replace(
            data,
            next_date=self.next_date.date() if valid else data.next_date,
            next_topic=clean(self.next_topic.text()),
        )

    def unreadable(self) -> list[tuple[str, QWidget]]:
        """The next meeting's date when it is typed but cannot be read."""
        if self.next_date.is_valid():
            return []
        text = _("date of the next meeting “{text}”").format(text=self.next_date.text())
        return [(text, self.next_date)]

    def set_read_only(self, read_only: bool) -> None:
        self.next_date.setReadOnly(read_only)
        self.next_topic.setReadOnly(read_only)
