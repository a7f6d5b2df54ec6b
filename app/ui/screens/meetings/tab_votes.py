"""The meeting editor's "Biểu quyết" tab (decisions and their votes, passed or not over the
Charter's denominator) and "Phân công" tab (who does what by when)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from app.domain.meeting_record import DecisionKind, DecisionOutcome, DecisionRecord
from app.l10n import _, format_date
from app.meeting_labels import decision_kind_label, task_status_label
from app.services.meeting_dto import MeetingInput, TaskInput, TaskStatus
from app.ui.screens.meetings.delegates import (
    ChoiceDelegate,
    DateDelegate,
    NumberDelegate,
    PersonDelegate,
)
from app.ui.screens.meetings.fields import clean
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.meetings.table import RowsEditor

TEXT, KIND, FOR, AGAINST, ABSTAIN, RESULT = range(6)
#: Columns of the assignments table.
DEADLINE = 2
Outcome = Callable[[DecisionRecord], DecisionOutcome]


def outcome_text(outcome: DecisionOutcome) -> str:
    """ "Thông qua (6/8 tán thành, cần ít nhất 5)" — the word carries the result, not a colour."""
    if outcome.passed is None:
        return _("Votes incomplete (needs at least {required} of {total} for)").format(
            required=outcome.required_yes, total=outcome.denominator
        )
    word = _("Passed") if outcome.passed else _("Not passed")
    return _("{result} (needs at least {required} of {total} for)").format(
        result=word, required=outcome.required_yes, total=outcome.denominator
    )


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _vote_column(
    title: Callable[[], str], field: str, limit: Callable[[], int]
) -> Column[DecisionRecord]:
    return Column(
        title,
        lambda d: _count(getattr(d, field)),
        value=lambda d: getattr(d, field),
        update=lambda d, v: replace(d, **{field: int(v)}),
        limit=lambda _d: limit(),
        align_right=True,
    )


def decision_columns(outcome: Outcome, limit: Callable[[], int]) -> list[Column[DecisionRecord]]:
    """Text, kind, for, against, abstain, and the computed result."""
    return [
        Column(
            lambda: _("Decision"),
            lambda d: d.text,
            update=lambda d, v: replace(d, text=clean(str(v))),
        ),
        Column(
            lambda: _("Kind"),
            lambda d: decision_kind_label(d.kind),
            value=lambda d: d.kind.value,
            update=lambda d, v: replace(d, kind=DecisionKind(v)),
        ),
        _vote_column(lambda: _("For"), "votes_for", limit),
        _vote_column(lambda: _("Against"), "votes_against", limit),
        _vote_column(lambda: _("Abstain"), "votes_abstain", limit),
        Column(lambda: _("Result"), lambda d: outcome_text(outcome(d))),
    ]


class VotesTab(QWidget):
    """Decisions put to the vote; `denominator` gives the members who count now."""

    edited = Signal()

    def __init__(
        self, outcome: Outcome, denominator: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._denominator = denominator
        self.model: RowsModel[DecisionRecord] = RowsModel(
            decision_columns(outcome, denominator), self
        )
        self.decisions = RowsEditor(
            self.model, DecisionRecord(""), add_text=_("Add a &decision"), stretch=TEXT
        )
        kinds = [(k.value, decision_kind_label(k)) for k in DecisionKind]
        table = self.decisions.table
        # The decision and its result share the width; the numbers take what they need.
        table.horizontalHeader().setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        table.setItemDelegateForColumn(KIND, ChoiceDelegate(lambda: kinds, table))
        numbers = NumberDelegate(table)
        for column in (FOR, AGAINST, ABSTAIN):
            table.setItemDelegateForColumn(column, numbers)
        self.denominator_label = QLabel()
        self.denominator_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.denominator_label)
        layout.addWidget(self.decisions, 1)
        self.model.edited.connect(self.edited.emit)
        self.update_denominator()

    def update_denominator(self) -> None:
        """The roll call changed: show the new denominator and recompute every result."""
        self.denominator_label.setText(
            _(
                "Members who count for a vote: {n} (full members only; probationary members do "
                "not vote; members attached elsewhere and exempt members who are absent are "
                "left out)."
            ).format(n=self._denominator())
        )
        self.model.refresh()

    def load(self, data: MeetingInput) -> None:
        self.model.set_rows(data.decisions)
        self.update_denominator()

    def apply(self, data: MeetingInput) -> MeetingInput:
        return replace(data, decisions=tuple(self.model.rows))

    def set_read_only(self, read_only: bool) -> None:
        self.decisions.set_read_only(read_only)


def _set_assignee(task: TaskInput, value: object) -> TaskInput:
    if isinstance(value, tuple):
        return replace(task, assignee_id=value[0], assignee_name=str(value[1]))
    return task


def task_columns(
    members: Callable[[], Sequence[tuple[int, str]]] = lambda: (),
) -> list[Column[TaskInput]]:
    """Who (a typed name, else the member's name), what, by when, and whether it is done."""
    return [
        Column(
            lambda: _("Assigned to"),
            lambda t: t.assignee_name or dict(members()).get(t.assignee_id or 0, ""),
            value=lambda t: (t.assignee_id, t.assignee_name),
            update=_set_assignee,
        ),
        Column(
            lambda: _("Task"),
            lambda t: t.description,
            update=lambda t, v: replace(t, description=clean(str(v))),
        ),
        Column(
            lambda: _("Deadline"),
            lambda t: format_date(t.deadline),
            value=lambda t: t.deadline,
            update=lambda t, v: replace(t, deadline=v),
        ),
        Column(
            lambda: _("Progress"),
            lambda t: task_status_label(t.status),
            value=lambda t: t.status.value,
            update=lambda t, v: replace(t, status=TaskStatus(v)),
        ),
    ]


class TasksTab(QWidget):
    """Next month's tasks (phân công nhiệm vụ): member, task, deadline."""

    edited = Signal()
    #: A deadline that cannot be read was left in its cell, or was corrected.
    unreadable_changed = Signal()

    def __init__(
        self, members: Callable[[], Sequence[tuple[int, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model: RowsModel[TaskInput] = RowsModel(task_columns(members), self)
        self.tasks = RowsEditor(self.model, TaskInput(""), add_text=_("Add a &task"), stretch=1)
        table = self.tasks.table
        table.setItemDelegateForColumn(0, PersonDelegate(members, table))
        self.deadlines = DateDelegate(table)
        self.deadlines.pending_changed.connect(self.unreadable_changed.emit)
        table.setItemDelegateForColumn(DEADLINE, self.deadlines)
        statuses = [(s.value, task_status_label(s)) for s in TaskStatus]
        table.setItemDelegateForColumn(3, ChoiceDelegate(lambda: statuses, table))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tasks)
        self.model.edited.connect(self.edited.emit)

    def load(self, data: MeetingInput) -> None:
        self.deadlines.clear_pending()
        self.model.set_rows(data.tasks)

    def unreadable(self) -> list[tuple[str, QWidget]]:
        """Deadlines typed that cannot be read (so are not saved): a description and the table."""
        return [
            (_("deadline of task {row} “{text}”").format(row=row + 1, text=text), self.tasks.table)
            for row, text in self.deadlines.pending()
        ]

    def correct_unreadable(self) -> None:
        """Open the first unreadable deadline's cell again, on the text as typed."""
        pending = self.deadlines.pending()
        if pending:
            table = self.tasks.table
            index = self.model.index(pending[0][0], DEADLINE)
            table.setCurrentIndex(index)
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            table.edit(index)

    def apply(self, data: MeetingInput) -> MeetingInput:
        return replace(
            data,
            tasks=tuple(t for t in self.model.rows if t.description or t.assignee_name),
        )

    def sent_keys(self) -> list[int]:
        """Keys of the rows `apply` sends, in order (to give new tasks their saved ids)."""
        return [
            key
            for key, t in zip(self.model.keys, self.model.rows, strict=True)
            if t.description or t.assignee_name
        ]

    def set_read_only(self, read_only: bool) -> None:
        self.tasks.set_read_only(read_only)
