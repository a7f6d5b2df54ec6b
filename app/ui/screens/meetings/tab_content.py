"""The meeting editor's "Nội dung" tab: the agenda, the follow-up of last month's resolution
(each task and its result), the report's summary, the discussion in order, the conclusion and
the party-fee note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from app.l10n import _
from app.meeting_labels import task_status_label
from app.services.meeting_dto import FollowUpInput, MeetingInput, SpeechInput, TaskStatus
from app.ui.screens.meetings.delegates import ChoiceDelegate, PersonDelegate
from app.ui.screens.meetings.fields import clean
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.meetings.table import RowsEditor

#: Rows of the tables shown before they scroll.
TABLE_MIN_HEIGHT = 150


def text_area(placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field that Tab leaves (the keyboard moves on instead of typing a tab)."""
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setPlaceholderText(placeholder)
    area.setMinimumHeight(80)
    return area


def _agenda_columns() -> list[Column[str]]:
    return [Column(lambda: _("Agenda item"), lambda t: t, update=lambda _t, v: clean(str(v)))]


#: The follow-up table's progress column (a choice, for items carried from a task).
PROGRESS = 2


def _progress_text(item: FollowUpInput) -> str:
    # An item typed by hand follows no recorded task: there is no progress to keep.
    return task_status_label(item.status) if item.status is not None else ""


def follow_up_columns() -> list[Column[FollowUpInput]]:
    """The task, its result, and its progress (done items are not carried on)."""
    return [
        Column(
            lambda: _("Task of the last resolution"),
            lambda f: f.task_text,
            update=lambda f, v: replace(f, task_text=clean(str(v))),
        ),
        Column(
            lambda: _("Result"),
            lambda f: f.result,
            update=lambda f, v: replace(f, result=clean(str(v))),
        ),
        Column(
            lambda: _("Progress"),
            _progress_text,
            value=lambda f: f.status.value if f.status is not None else None,
            update=lambda f, v: replace(f, status=TaskStatus(v)),
            editable=lambda f: f.status is not None,
        ),
    ]


def _set_speaker(speech: SpeechInput, value: object) -> SpeechInput:
    if isinstance(value, tuple):
        return replace(speech, speaker_id=value[0], speaker_name=str(value[1]))
    return speech


def _speech_columns(members: Callable[[], Sequence[tuple[int, str]]]) -> list[Column[SpeechInput]]:
    return [
        Column(
            lambda: _("Speaker"),
            lambda s: s.speaker_name or dict(members()).get(s.speaker_id or 0, ""),
            value=lambda s: (s.speaker_id, s.speaker_name),
            update=_set_speaker,
        ),
        Column(
            lambda: _("Opinion"),
            lambda s: s.opinion,
            update=lambda s, v: replace(s, opinion=clean(str(v))),
        ),
    ]


class ContentTab(QScrollArea):
    """Everything said at the meeting, in the order of the minutes."""

    edited = Signal()

    def __init__(
        self, members: Callable[[], Sequence[tuple[int, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.agenda_model: RowsModel[str] = RowsModel(_agenda_columns(), self)
        self.follow_model: RowsModel[FollowUpInput] = RowsModel(follow_up_columns(), self)
        self.speech_model: RowsModel[SpeechInput] = RowsModel(_speech_columns(members), self)
        self.agenda = RowsEditor(self.agenda_model, "", add_text=_("Add an &agenda item"))
        self.follow_ups = RowsEditor(
            self.follow_model, FollowUpInput(""), add_text=_("Add a &follow-up"), stretch=1
        )
        self.speeches = RowsEditor(
            self.speech_model,
            SpeechInput(""),
            add_text=_("Add a &speech"),
            stretch=1,
            movable=True,
        )
        self.speeches.table.setItemDelegateForColumn(
            0, PersonDelegate(members, self.speeches.table)
        )
        statuses = [(s.value, task_status_label(s)) for s in TaskStatus]
        self.follow_ups.table.setItemDelegateForColumn(
            PROGRESS, ChoiceDelegate(lambda: statuses, self.follow_ups.table)
        )
        self.report_summary = text_area(_("The main points of the report presented"))
        self.conclusion = text_area(_("What the chair concluded"))
        self.fee_note = text_area(_("e.g. 25 of 27 members have paid the party fee this month"))
        self._texts = (self.report_summary, self.conclusion, self.fee_note)
        page = QWidget()
        grid = QGridLayout(page)
        sections: list[tuple[str, QWidget]] = [
            (_("Agenda:"), self.agenda),
            (_("Follow-up of the last resolution:"), self.follow_ups),
            (_("Summary of the &report:"), self.report_summary),
            (_("Discussion (speakers in order):"), self.speeches),
            (_("C&onclusion of the chair:"), self.conclusion),
            (_("Party &fee payment:"), self.fee_note),
        ]
        for row, (text, widget) in enumerate(sections):
            label = QLabel(text)
            label.setBuddy(widget.table if isinstance(widget, RowsEditor) else widget)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(widget, row * 2 + 1, 0)
            if isinstance(widget, RowsEditor):
                widget.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        for model in (self.agenda_model, self.follow_model, self.speech_model):
            model.edited.connect(self.edited.emit)
        for area in self._texts:
            area.textChanged.connect(self.edited.emit)

    def load(self, data: MeetingInput) -> None:
        self.agenda_model.set_rows(data.agenda)
        self.follow_model.set_rows(data.follow_ups)
        self.speech_model.set_rows(data.speeches)
        self.report_summary.setPlainText(data.report_summary)
        self.conclusion.setPlainText(data.conclusion)
        self.fee_note.setPlainText(data.fee_note)

    def apply(self, data: MeetingInput) -> MeetingInput:
        return replace(
            data,
            agenda=tuple(t for t in self.agenda_model.rows if t),
            follow_ups=tuple(f for f in self.follow_model.rows if f.task_text or f.result),
            speeches=tuple(s for s in self.speech_model.rows if s.speaker_name or s.opinion),
            report_summary=clean(self.report_summary.toPlainText()),
            conclusion=clean(self.conclusion.toPlainText()),
            fee_note=clean(self.fee_note.toPlainText()),
        )

    def set_read_only(self, read_only: bool) -> None:
        for editor in (self.agenda, self.follow_ups, self.speeches):
            editor.set_read_only(read_only)
        for area in self._texts:
            area.setReadOnly(read_only)
