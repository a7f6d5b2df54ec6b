"""The meeting editor: one meeting's record (biên bản) in tabs, with the problems panel,
autosave, "make final" and printing.

Widgets show what the secretary typed and are never overwritten by a save's answer: only the
computed parts (problems, numbers, the ids of new tasks) are taken from it, so typing on while
a save runs loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_record import DecisionOutcome, DecisionRecord, decision_outcome
from app.domain.profile import RuleProfile
from app.l10n import _, format_date
from app.meeting_labels import meeting_kind_label, meeting_state_label
from app.services.dto import Changes
from app.services.meeting_dto import MeetingDetail, MeetingInput, TaskInput
from app.ui.context import UiContext
from app.ui.dialogs import confirm
from app.ui.screens.meetings.autosave import Autosave
from app.ui.screens.meetings.editor_actions import EditorActions
from app.ui.screens.meetings.problems import ProblemsPanel
from app.ui.screens.meetings.tab_attendance import STATUS, AttendanceTab
from app.ui.screens.meetings.tab_content import ContentTab
from app.ui.screens.meetings.tab_general import GeneralTab, NextTab
from app.ui.screens.meetings.tab_quality import SCORE, QualityTab
from app.ui.screens.meetings.tab_votes import FOR, TasksTab, VotesTab
from app.ui.widgets.text import Heading

AREA = "meetings"


class MeetingEditor(QWidget):
    """Edits one meeting; `closed` asks the screen to show the list again."""

    closed = Signal()

    def __init__(self, ctx: UiContext, profile: RuleProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.profile = profile
        self.detail: MeetingDetail | None = None
        self._loading = False
        self._watched: QWidget | None = None
        self.autosave = Autosave(ctx.jobs, self._collect, self)
        self.general = GeneralTab()
        self.general.rules = profile.meetings
        self.attendance = AttendanceTab()
        self.content = ContentTab(self.attendance.members)
        self.votes = VotesTab(self._outcome, self._denominator)
        self.tasks = TasksTab(self.attendance.members)
        self.quality = QualityTab()
        self.next = NextTab()
        self.problems = ProblemsPanel()
        self.editor_actions = EditorActions(self)
        self._build()
        self._connect()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(_("← &Back to the list"))
        self.heading = Heading()
        self.state_label = QLabel()
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.input_warning = QLabel()
        self.input_warning.setWordWrap(True)
        self.input_warning.setStyleSheet("color: #b00020;")
        self.input_warning.hide()
        self.tabs = QTabWidget()
        for widget, title in (
            (self.general, _("&General")),
            (self.attendance, _("Roll &call")),
            (self.content, _("C&ontent")),
            (self.votes, _("&Votes")),
            (self.tasks, _("&Assignments")),
            (self.quality, _("&Quality score")),
            (self.next, _("&Next meeting")),
        ):
            self.tabs.addTab(widget, title)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.problems)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.state_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.editor_actions.print_button)
        bottom.addWidget(self.editor_actions.finalize_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.input_warning)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for tab in (
            self.general,
            self.content,
            self.votes,
            self.tasks,
            self.quality,
            self.next,
        ):
            tab.edited.connect(self._on_edited)
        self.attendance.edited.connect(self._on_attendance_edited)
        self.tasks.unreadable_changed.connect(self._show_unreadable)
        self.tabs.currentChanged.connect(lambda _index: self.autosave.flush())
        self.autosave.saved.connect(self._on_saved)
        self.autosave.status.connect(self._show_status)
        self.problems.field_requested.connect(self.focus_field)
        self.back_button.clicked.connect(self.close_editor)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_editor, context=scope)
        QShortcut(QKeySequence.StandardKey.Save, self, self.autosave.flush, context=scope)

    # -- loading -----------------------------------------------------------------------------

    def open_meeting(self, detail: MeetingDetail) -> None:
        """Show a meeting (a draft editable, final minutes read-only)."""
        self._loading = True
        try:
            self.detail = detail
            data = detail.data
            self.attendance.load(detail.attendance)
            self.general.set_members(self.attendance.members())
            self.general.load(data)
            self.content.load(data)
            self.votes.load(data)
            self.tasks.load(data)
            self.quality.load(data, detail.quality_table)
            self.next.load(data)
        finally:
            self._loading = False
        self.autosave.start(detail.id)
        self._show_status("", False)
        self._show_computed(detail)
        self.set_read_only(detail.is_final)
        self.tabs.setCurrentIndex(0)
        self.general.date.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_computed(self, detail: MeetingDetail) -> None:
        data = detail.data
        title = meeting_kind_label(data.kind)
        if data.date is not None:
            title = _("Meeting of {date} ({kind})").format(kind=title, date=format_date(data.date))
        self.heading.setText(title)
        numbers = [n.text for n in (detail.minutes_number, detail.resolution_number) if n]
        state = meeting_state_label(detail.state)
        self.state_label.setText(" · ".join([state, *numbers]))
        if detail.is_final:
            self.problems.show_final()
        else:
            self.problems.show_problems(detail.problems)
        self.editor_actions.update(detail)

    def set_read_only(self, read_only: bool) -> None:
        """Final minutes can be read, printed and copied, no longer changed."""
        for tab in (
            self.general,
            self.attendance,
            self.content,
            self.votes,
            self.tasks,
            self.quality,
            self.next,
        ):
            tab.set_read_only(read_only)

    # -- autosave ----------------------------------------------------------------------------

    def _collect(self) -> tuple[MeetingInput, list[int]]:
        assert self.detail is not None
        data = self.detail.data
        for tab in (self.general, self.content, self.votes, self.tasks, self.quality, self.next):
            data = tab.apply(data)
        data = replace(data, attendance=self.attendance.entries())
        return data, self.tasks.sent_keys()

    def collect(self) -> MeetingInput:
        """The meeting as typed now."""
        return self._collect()[0]

    def _on_edited(self) -> None:
        if not self._loading:
            self.autosave.touch()
        self._show_unreadable()

    def unreadable(self) -> list[tuple[str, QWidget]]:
        """Dates and times typed that cannot be read: they stay on screen, unsaved."""
        return self.general.unreadable() + self.tasks.unreadable() + self.next.unreadable()

    def _show_unreadable(self) -> None:
        found = [text for text, _widget in self.unreadable()]
        # The sign and the words carry the warning, not the colour alone.
        self.input_warning.setText(
            "⚠ "
            + _(
                "Not saved until corrected: {fields}. Type dates as day/month/year and times "
                "as hour:minute."
            ).format(fields="; ".join(found))
            if found
            else ""
        )
        self.input_warning.setVisible(bool(found))

    def _on_attendance_edited(self) -> None:
        self.votes.update_denominator()
        self._on_edited()

    def _on_saved(self, detail: MeetingDetail, keys: list[int]) -> None:
        self.detail = detail
        # New tasks got ids: keep them, so the next save updates instead of re-creating.
        for key, task in zip(keys, detail.data.tasks, strict=False):
            self.tasks.model.replace_by_key(key, _give_id(task.id))
        self._show_computed(detail)

    def _show_status(self, text: str, failed: bool) -> None:
        # The warning sign carries the meaning for those who cannot tell red from black.
        self.status_label.setText(f"⚠ {text}" if failed else text)
        self.status_label.setStyleSheet("color: #b00020;" if failed else "")

    def flush(self) -> None:
        """Save now what was typed (tab change, leaving, closing the window)."""
        self.autosave.flush()

    def close_editor(self) -> None:
        """Save what is left and go back to the list; first offer to correct a date or time
        that cannot be read, which would otherwise be left behind."""
        found = self.unreadable()
        if found and confirm(
            self,
            _("Some entries cannot be read"),
            _(
                "These cannot be read, so they are not saved: {fields}. Go back and correct them?"
            ).format(fields="; ".join(text for text, _widget in found)),
            yes=_("&Correct them"),
            no=_("&Leave without them"),
        ):
            self.correct_unreadable()
            return
        self.flush()
        meeting_id = self.detail.id if self.detail else None
        touched = self.autosave.saved_any or self.autosave.saving
        self.autosave.stop()
        if meeting_id is not None and touched:
            # Draft saves return the meeting, not a `Changes`: tell the open screens (the
            # list, the overview's findings) once, when the secretary leaves the meeting.
            self.ctx.jobs.read(
                lambda _s: None,
                lambda _none: self.ctx.jobs.changed.emit(Changes.of(AREA, ids=(meeting_id,))),
            )
        self.closed.emit()

    def correct_unreadable(self) -> None:
        """Show the first entry that cannot be read, ready to be corrected."""
        found = self.unreadable()
        if not found:
            return
        widget = found[0][1]
        tabs = [self.general, self.tasks, self.next]
        tab = next(t for t in tabs if t.isAncestorOf(widget))
        self.tabs.setCurrentWidget(tab)
        if tab is self.tasks:
            self.tasks.correct_unreadable()
        else:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- live computations -------------------------------------------------------------------

    def _denominator(self) -> int:
        return self.attendance.denominator()

    def _outcome(self, decision: DecisionRecord) -> DecisionOutcome:
        return decision_outcome(decision, self._denominator(), self.profile.votes)

    # -- moving to a field -------------------------------------------------------------------

    def focus_field(self, field: str) -> None:
        """Show the tab and cell of a problem's field ("chair", "decision.0", ...)."""
        widget = self.general.field_widget(field)
        name, _dot, rest = field.partition(".")
        if widget is not None:
            self.tabs.setCurrentWidget(self.general)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name == "attendance":
            self.tabs.setCurrentWidget(self.attendance)
            rows = self.attendance.model.rows
            row = next((i for i, r in enumerate(rows) if r.status is None), 0)
            self._focus_cell(self.attendance.table, row, STATUS)
        elif name == "decision" and rest.isdigit():
            self.tabs.setCurrentWidget(self.votes)
            self._focus_cell(self.votes.decisions.table, int(rest), FOR)
        elif name == "quality":
            self.tabs.setCurrentWidget(self.quality)
            found = self.quality.row_of(rest) if rest else None
            self._focus_cell(self.quality.table, found or 0, SCORE)

    @staticmethod
    def _focus_cell(table: QTableView, row: int, column: int) -> None:
        table.setCurrentIndex(table.model().index(row, column))
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- leaving -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._watched:
            # Closing the window saves first: this filter runs before the window's own close.
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def hideEvent(self, event: QHideEvent) -> None:
        # Another area was chosen in the sidebar: keep what was typed.
        self.flush()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Close:
            self.flush()
        return False


def _give_id(task_id: int | None) -> Callable[[TaskInput], TaskInput]:
    def give(row: TaskInput) -> TaskInput:
        return row if row.id is not None else replace(row, id=task_id)

    return give
