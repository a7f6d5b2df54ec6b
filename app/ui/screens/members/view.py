"""The member register screen (Đảng viên): search, table, and the actions on members."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, ngettext, pgettext
from app.services.dto import Changes, MemberDetail, MemberSummary
from app.services.errors import UserError
from app.ui.context import UiContext
from app.ui.dialogs import confirm
from app.ui.screens.base import Screen
from app.ui.screens.members.events import StatusHistoryDialog
from app.ui.screens.members.form import MemberFormDialog
from app.ui.screens.members.model import MemberTableModel
from app.ui.screens.members.presenter import Column, MemberListPresenter
from app.ui.widgets.text import Heading

if TYPE_CHECKING:
    from app.reports.snapshots import MemberListSnapshot
    from app.services.facade import Services
    from app.ui.screens.members.import_wizard import ImportWizard


#: Rows measured when fitting column widths to their contents.
SIZE_SAMPLE_ROWS = 200


class MessageBar(QFrame):
    """A line of feedback above the table, with an optional undo button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(_("&Undo"))
        self.close_button = QPushButton(_("Hi&de"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self._undo: object = None
        self.undo_button.clicked.connect(self._run_undo)
        self.hide()

    def show_message(self, text: str, undo: object = None) -> None:
        """Show `text`; `undo` (a callable) adds the "Hoàn tác" button."""
        self.label.setText(text)
        self._undo = undo
        self.undo_button.setVisible(callable(undo))
        self.show()

    def _run_undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_button.hide()
        if callable(undo):
            undo()


class MembersScreen(Screen):
    """The register: find, add, edit, delete (with undo), history, import and export."""

    areas = frozenset({"members"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = pgettext("area", "Members")
        self.form: MemberFormDialog | None = None
        self.history: StatusHistoryDialog | None = None
        self.wizard: ImportWizard | None = None
        self._pending_select: int | None = None
        self.model = MemberTableModel(MemberListPresenter(), self)
        self._build()
        self._connect()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name…"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Find:"))
        search_label.setBuddy(self.search)
        self.include_former = QCheckBox(_("Show &former members too (transferred out, deceased…)"))
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Column widths are fitted once per load, from a sample of rows: ResizeToContents would
        # measure every cell of 1,000 rows again on each keystroke of the search (≈ 200 ms).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        header.setStretchLastSection(True)
        self.message = MessageBar()
        self.add_button = QPushButton(_("&Add"))
        self.edit_button = QPushButton(_("&Edit"))
        self.delete_button = QPushButton(_("&Delete"))
        self.history_button = QPushButton(_("Status &history"))
        self.import_button = QPushButton(_("&Import from file…"))
        self.export_button = QPushButton(_("E&xport to file…"))
        self.preview_button = QPushButton(_("Pre&view and print the list…"))
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.include_former)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(self.title))
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_query)
        self.include_former.toggled.connect(self._on_include_former)
        # Enter and double-click both arrive as `activated`.
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.import_button.clicked.connect(self.start_import)
        self.export_button.clicked.connect(self.choose_export_file)
        self.preview_button.clicked.connect(self.preview_list)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search, context=scope)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_member, context=scope)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load every member once (former ones too); search and the checkbox filter in memory."""
        self.ctx.jobs.read(
            lambda s: s.members.list(include_former=True),
            self._on_reloaded,
            label=_("Loading the members…"),
        )

    def _on_loaded(self, members: list[MemberSummary]) -> None:
        selected = self.selected_member()
        self.model.set_members(members)
        self.table.resizeColumnsToContents()
        self._after_reset(selected.id if selected else None)

    def _on_query(self, text: str) -> None:
        selected = self.selected_member()
        self.model.set_query(text)
        self._after_reset(selected.id if selected else None)

    def _on_include_former(self, include: bool) -> None:
        selected = self.selected_member()
        self.model.set_include_former(include)
        self._after_reset(selected.id if selected else None)

    def _after_reset(self, keep_id: int | None) -> None:
        self.count.setText(self.model.presenter.count_text())
        row = None if keep_id is None else self.model.presenter.row_of(keep_id)
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    def selected_member(self) -> MemberSummary | None:
        """The member of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_at(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        """Select a member's row (False when it is filtered out)."""
        row = self.model.presenter.row_of(member_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _update_actions(self) -> None:
        has = self.selected_member() is not None
        for button in (self.edit_button, self.delete_button, self.history_button):
            button.setEnabled(has)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- actions -----------------------------------------------------------------------------

    def add_member(self) -> None:
        """Open an empty member form."""
        self._open_form(None)

    def edit_selected(self) -> None:
        """Open the form of the selected member."""
        member = self.selected_member()
        if member is not None:
            self.open_member(member.id)

    def open_member(self, member_id: int) -> None:
        """Open the edit form of a member (also used by the overview's findings)."""
        self.ctx.jobs.read(lambda s: s.members.get(member_id), self._open_form)

    def _on_activated(self, index: QModelIndex) -> None:
        member = self.model.member_at(index.row())
        if member is not None:
            self.open_member(member.id)

    def _open_form(self, detail: MemberDetail | None) -> None:
        form = MemberFormDialog(self.ctx, detail, self)
        form.saved.connect(self._on_saved)
        self.form = form
        form.open()

    def _on_saved(self, member_id: int) -> None:
        self.message.show_message(_("The member was saved."))
        self._pending_select = member_id

    def on_changes(self, changes: Changes) -> None:
        """Reload after a write; keep the member just saved selected."""
        if self.areas & changes.areas:
            self.loaded = True
            self.refresh()

    def _on_reloaded(self, members: list[MemberSummary]) -> None:
        self._on_loaded(members)
        pending, self._pending_select = self._pending_select, None
        if pending is not None:
            self.select_member(pending)

    def delete_selected(self) -> None:
        """Delete the selected member after confirmation; the message bar offers undo."""
        member = self.selected_member()
        if member is None:
            return
        if not confirm(
            self,
            _("Delete the member?"),
            _(
                "Delete {name} from the register? You can undo this right after, "
                "with the “Undo” button."
            ).format(name=member.full_name),
            yes=_("&Delete"),
            no=_("&Keep"),
            destructive=True,
        ):
            return
        member_id, name = member.id, member.full_name
        self.ctx.jobs.write(
            lambda s: s.members.delete(member_id),
            lambda _changes: self.message.show_message(
                _("{name} was deleted from the register.").format(name=name),
                undo=lambda: self._restore(member_id, name),
            ),
            label=_("Deleting the member…"),
        )

    def _restore(self, member_id: int, name: str) -> None:
        self._pending_select = member_id
        self.ctx.jobs.write(
            lambda s: s.members.restore(member_id),
            lambda _changes: self.message.show_message(
                _("{name} is back on the register.").format(name=name)
            ),
            label=_("Restoring the member…"),
        )

    def show_history(self) -> None:
        """Open the status history (biến động) of the selected member."""
        member = self.selected_member()
        if member is not None:
            member_id = member.id
            self.ctx.jobs.read(lambda s: s.members.get(member_id), self._open_history)

    def _open_history(self, detail: MemberDetail) -> None:
        self.history = StatusHistoryDialog(self.ctx, detail, self)
        self.history.open()

    def start_import(self) -> None:
        """Open the import wizard."""
        # Loaded on first use: the spreadsheet reader (openpyxl) would slow the cold start.
        from app.ui.screens.members.import_wizard import ImportWizard

        self.wizard = ImportWizard(self.ctx, self)
        self.wizard.open()

    def choose_export_file(self) -> None:
        """Ask where to save, as Excel or PDF (by the file type chosen), then export."""
        xlsx, pdf = _("Excel workbook (*.xlsx)"), _("PDF document (*.pdf)")
        default = str(Path.home() / _("party-members.xlsx"))
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Export the member list"), default, f"{xlsx};;{pdf}"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".pdf"):
            target = target.with_suffix(".pdf" if chosen == pdf else ".xlsx")
        self.export_to(target)

    def export_to(self, path: Path) -> None:
        """Write the register to `path` (.pdf as a document, anything else as .xlsx)."""
        self.ctx.jobs.read(
            lambda s: _export(s, path),
            lambda count: self.message.show_message(_exported_text(count, path)),
            label=_("Exporting the member list…"),
        )

    def preview_list(self) -> None:
        """Show the member list (danh sách đảng viên) as a document to print or save as PDF."""
        self.ctx.jobs.read(
            _member_list_snapshot, self._open_preview, label=_("Preparing the member list…")
        )

    def _open_preview(self, snapshot: MemberListSnapshot) -> None:
        # Loaded on first use: PDFium (the page rasteriser) would slow the cold start.
        from app.ui.print_preview import open_preview

        open_preview(
            self,
            self.ctx.jobs,
            _("Member list"),
            lambda: _render_member_list(snapshot),
            _("party-member-list.pdf"),
        )


def _member_list_snapshot(services: Services) -> MemberListSnapshot:
    # On the database thread; the export module loads openpyxl, so it is imported at first use.
    from app.services import exports

    cell = services.cell.get()
    if cell is None:
        raise UserError(
            _(
                "Set up the cell profile first (name of the cell, superior committee, place): "
                "the member list needs them for its heading."
            )
        )
    return exports.member_list_snapshot(services, cell)


def _render_member_list(snapshot: MemberListSnapshot) -> bytes:
    # On a worker thread: reportlab takes a few tenths of a second to load the first time.
    from app.reports.member_list import render_member_list

    return render_member_list(snapshot)


def _exported_text(count: int, path: Path) -> str:
    return ngettext(
        "Exported {count} member to {path}.", "Exported {count} members to {path}.", count
    ).format(count=count, path=str(path))


def _export(services: Services, path: Path) -> int:
    # Imported on the worker thread at first use: openpyxl and reportlab take about half a
    # second to load, which the window's cold start must not pay.
    from app.services import exports

    if path.suffix.lower() == ".pdf":
        return exports.export_members_pdf(services, path)
    return exports.export_members_xlsx(services, path)
