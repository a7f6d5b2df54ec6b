"""The meetings area (Sinh hoạt): the year's meetings, the upcoming meeting, new meetings,
the thematic plan, and the editor of one meeting shown in place of the list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Finding
from app.domain.meetings import MeetingKind
from app.domain.profile import RuleProfile
from app.l10n import _, format_date, pgettext
from app.meeting_labels import meeting_kind_label
from app.services.meeting_dto import (
    MeetingDetail,
    MeetingState,
    MeetingSummary,
    ThematicPlan,
    UpcomingMeeting,
)
from app.ui.context import UiContext
from app.ui.dialogs import confirm
from app.ui.screens.base import Screen
from app.ui.screens.meetings.dialogs import NewMeetingDialog, PlanDialog
from app.ui.screens.meetings.editor import MeetingEditor
from app.ui.screens.meetings.findings import FindingsPanel
from app.ui.screens.meetings.list_model import (
    meeting_columns,
    reminder_text,
    upcoming_text,
)
from app.ui.screens.meetings.rows_model import RowsModel
from app.ui.screens.members.view import MessageBar
from app.ui.widgets.text import Heading

if TYPE_CHECKING:
    from app.services.facade import Services

#: Years offered before and after the current one in the year selector.
YEARS_AROUND = 10


class MeetingsScreen(Screen):
    """Sinh hoạt chi bộ: list, upcoming banner, new meetings, plan, editor."""

    areas = frozenset({"meetings", "members"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = pgettext("area", "Meetings")
        self.profile: RuleProfile | None = None
        self.upcoming: UpcomingMeeting | None = None
        self.editor: MeetingEditor | None = None
        self.new_dialog: NewMeetingDialog | None = None
        self.plan_dialog: PlanDialog | None = None
        self._select_id: int | None = None
        self.model: RowsModel[MeetingSummary] = RowsModel(meeting_columns(), self)
        self.stack = QStackedWidget()
        self.list_page = QWidget()
        self._build_list()
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect()

    # -- layout ------------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.reminder_icon = QLabel()
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 2)
        banner_row.addWidget(self.reminder_icon)
        banner_row.addWidget(self.reminder, 1)
        self.year = QSpinBox()
        this_year = dt.date.today().year
        self.year.setRange(this_year - YEARS_AROUND, this_year + YEARS_AROUND)
        self.year.setValue(this_year)
        year_label = QLabel(_("&Year:"))
        year_label.setBuddy(self.year)
        self.count = QLabel()
        self.findings = FindingsPanel()
        self.message = MessageBar()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.new_regular = QPushButton(_("New &regular meeting"))
        self.new_thematic = QPushButton(_("New t&hematic meeting"))
        self.open_button = QPushButton(_("&Open"))
        self.delete_button = QPushButton(_("&Delete the draft"))
        self.plan_button = QPushButton(_("Thematic &plan…"))
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.count, 1)
        buttons = QHBoxLayout()
        for button in (self.new_regular, self.new_thematic, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        layout = QVBoxLayout(self.list_page)
        layout.addWidget(Heading(self.title))
        layout.addWidget(self.banner)
        layout.addWidget(self.findings)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def _connect(self) -> None:
        self.year.valueChanged.connect(lambda _year: self.load_list())
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.new_regular.clicked.connect(lambda: self.ask_new(MeetingKind.REGULAR))
        self.new_thematic.clicked.connect(lambda: self.ask_new(MeetingKind.THEMATIC))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.plan_button.clicked.connect(self.edit_plan)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the rules (once), the upcoming meeting and the year's meetings."""
        if self.profile is None:
            self.ctx.jobs.read(lambda s: s.profile, self._on_profile)
        self.load_list()
        self.load_planning()

    def load_planning(self) -> None:
        """The upcoming meeting and the findings, which change with any meeting saved."""
        self.ctx.jobs.read(lambda s: s.meetings.upcoming(), self._on_upcoming)
        self.ctx.jobs.read(lambda s: s.meetings.findings(), self._on_findings)

    def load_list(self) -> None:
        year = self.year.value()
        self.ctx.jobs.read(
            lambda s: s.meetings.list(year), self._on_list, label=_("Loading the meetings…")
        )

    def _on_profile(self, profile: RuleProfile) -> None:
        self.profile = profile

    def _on_upcoming(self, upcoming: UpcomingMeeting) -> None:
        self.upcoming = upcoming
        self.banner_text.setText(upcoming_text(upcoming))
        flag = reminder_text(upcoming)
        self.reminder.setText(flag)
        icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.fontMetrics().height() * 2
        self.reminder_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.reminder_icon.setVisible(bool(flag))

    def _on_findings(self, findings: list[Finding]) -> None:
        self.findings.show_findings(findings)

    def _on_list(self, meetings: list[MeetingSummary]) -> None:
        keep = self._select_id or (s.id if (s := self.selected()) else None)
        self._select_id = None
        self.model.set_rows(meetings)
        self.count.setText(
            _("{count} meetings in {year}").format(count=len(meetings), year=self.year.value())
        )
        if keep is not None:
            for row, summary in enumerate(self.model.rows):
                if summary.id == keep:
                    self.table.selectRow(row)
        self._update_actions()

    def selected(self) -> MeetingSummary | None:
        """The meeting of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        items = self.model.rows
        return items[rows[0].row()] if rows and rows[0].row() < len(items) else None

    def _update_actions(self) -> None:
        summary = self.selected()
        self.open_button.setEnabled(summary is not None)
        self.delete_button.setEnabled(summary is not None and summary.state is MeetingState.DRAFT)

    # -- new, open, delete -------------------------------------------------------------------

    def ask_new(self, kind: MeetingKind) -> None:
        """Ask the date (proposed: the upcoming meeting's) and start a new meeting."""
        proposed = self.upcoming.date if self.upcoming else dt.date.today()
        dialog = NewMeetingDialog(kind, proposed, self)
        dialog.accepted.connect(lambda: self._start(dialog))
        self.new_dialog = dialog
        dialog.open()

    def _start(self, dialog: NewMeetingDialog) -> None:
        day, kind = dialog.chosen_date(), dialog.kind
        if day is None:
            return
        self.ctx.jobs.write(
            lambda s: s.meetings.start(kind, day),
            self.show_editor,
            label=_("Starting the meeting…"),
        )

    def open_selected(self) -> None:
        """Open the selected meeting in the editor."""
        summary = self.selected()
        if summary is not None:
            self.open_meeting(summary.id)

    def open_meeting(self, meeting_id: int) -> None:
        """Open one meeting in the editor (also from elsewhere, e.g. a finding)."""
        self.ctx.jobs.read(lambda s: s.meetings.get(meeting_id), self.show_editor)

    def _on_activated(self, index: QModelIndex) -> None:
        # Enter and double-click both arrive as `activated`.
        if index.isValid():
            self.open_meeting(self.model.rows[index.row()].id)

    def show_editor(self, detail: MeetingDetail) -> None:
        """Show the editor of `detail` in place of the list."""
        if self.editor is None:
            assert self.profile is not None, "refresh() loads the rules first"
            self.editor = MeetingEditor(self.ctx, self.profile)
            self.editor.closed.connect(self.show_list)
            self.stack.addWidget(self.editor)
        self._select_id = detail.id
        self.stack.setCurrentWidget(self.editor)
        self.editor.open_meeting(detail)

    def show_list(self) -> None:
        """Back from the editor: the list, reloaded, with the meeting just edited selected."""
        self.stack.setCurrentWidget(self.list_page)
        self.load_list()
        self.load_planning()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        """Delete the selected draft after confirmation; the message bar offers undo."""
        summary = self.selected()
        if summary is None or summary.state is not MeetingState.DRAFT:
            return
        what = _("the {kind} meeting of {date}").format(
            kind=meeting_kind_label(summary.kind).lower(), date=format_date(summary.date)
        )
        if not confirm(
            self,
            _("Delete the draft?"),
            _("Delete the draft minutes of {what}? You can undo this right after.").format(
                what=what
            ),
            yes=_("&Delete"),
            no=_("&Keep"),
            destructive=True,
        ):
            return
        meeting_id = summary.id
        self.ctx.jobs.write(
            lambda s: s.meetings.delete(meeting_id),
            lambda _changes: self.message.show_message(
                _("The draft of {what} was deleted.").format(what=what),
                undo=lambda: self._restore(meeting_id),
            ),
            label=_("Deleting the draft…"),
        )

    def _restore(self, meeting_id: int) -> None:
        self._select_id = meeting_id
        self.ctx.jobs.write(
            lambda s: s.meetings.restore(meeting_id),
            lambda _changes: self.message.show_message(_("The draft is back in the list.")),
            label=_("Restoring the draft…"),
        )

    # -- plan --------------------------------------------------------------------------------

    def edit_plan(self) -> None:
        """Open the year's plan of thematic topics."""
        year = self.year.value()
        self.ctx.jobs.read(lambda s: s.meetings.plan(year), self._open_plan)

    def _open_plan(self, plan: ThematicPlan) -> None:
        dialog = PlanDialog(plan, self)
        dialog.accepted.connect(lambda: self._save_plan(dialog))
        self.plan_dialog = dialog
        dialog.open()

    def _save_plan(self, dialog: PlanDialog) -> None:
        year, changed = dialog.plan.year, dialog.changed_topics()
        if not changed:
            return

        def save(s: Services) -> ThematicPlan:
            plan = s.meetings.plan(year)
            for quarter, topic in changed.items():
                plan = s.meetings.set_plan(year, quarter, topic)
            return plan

        self.ctx.jobs.write(
            save,
            lambda _plan: self.message.show_message(_("The thematic plan was saved.")),
            label=_("Saving the plan…"),
        )
