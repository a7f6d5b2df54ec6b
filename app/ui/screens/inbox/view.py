"""The receiver's area (Tiếp nhận báo cáo) at the superior committee: import the cells' report
files, the table across cells for a period, the files received and refused, the registered
certificates and the committee's own key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.services.dto_base import Changes
from app.ui.context import UiContext
from app.ui.screens.base import Screen
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.files_tab import FilesTab
from app.ui.screens.inbox.import_flow import ImportFlow
from app.ui.screens.inbox.senders_tab import SendersTab
from app.ui.screens.inbox.table_tab import TableTab
from app.ui.screens.inbox.widgets import BigButton
from app.ui.widgets.text import Heading


def inbox_title() -> str:
    """The area's name in the sidebar (and on the screen)."""
    return _("Receive reports")


class InboxScreen(Screen):
    """Tiếp nhận báo cáo: "Nhập báo cáo…", then three tabs."""

    areas = frozenset({calls.AREA})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = inbox_title()
        self.committee = QLabel()
        self.committee.setWordWrap(True)
        self.import_button = BigButton(_("&Import reports…"))
        self.import_button.setToolTip(
            _("Choose the USB stick or the folder holding the cells' report files.")
        )
        self.import_button.clicked.connect(self.choose_folder)
        self.files_button = QPushButton(_("Import chosen &files…"))
        self.files_button.clicked.connect(self.choose_files)
        self.flow = ImportFlow(ctx, self)
        self.table_tab = TableTab(ctx)
        self.files_tab = FilesTab(ctx)
        self.senders_tab = SendersTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table_tab, _("&Summary table"))
        self.tabs.addTab(self.files_tab, _("Files &received"))
        self.tabs.addTab(self.senders_tab, _("Registered &cells"))
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.files_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(self.title))
        layout.addWidget(self.committee)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Reload the lists and the table of the chosen period."""
        self.ctx.jobs.read(calls.lists, self.show_lists, label=_("Loading the reports…"))
        self.table_tab.refresh()

    def on_changes(self, changes: Changes) -> None:
        if self.areas & changes.areas:
            self.loaded = True
            self.ctx.jobs.read(calls.lists, self.show_lists)
            self.table_tab.load()

    def show_lists(self, lists: calls.InboxLists) -> None:
        receiver = lists.receiver
        self.committee.setText(
            receiver.committee_name
            if receiver is not None
            else _(
                "This data folder is not set up as a receiver yet. Enter the committee's "
                "profile first (name, the body above it, place, signer, term)."
            )
        )
        has_key = lists.key is not None
        self.table_tab.has_key = self.files_tab.has_key = has_key
        self.files_tab.show_lists(lists.reports, lists.rejections)
        name = receiver.committee_name if receiver is not None else ""
        self.senders_tab.show_senders(lists.senders, lists.key, name)

    # -- import ------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """ "Nhập báo cáo…": the USB stick or folder; every report file in it is imported."""
        folder = QFileDialog.getExistingDirectory(
            self, _("Choose the USB stick or folder holding the reports"), str(Path.home())
        )
        if folder:
            self.import_sources([Path(folder)])

    def choose_files(self) -> None:
        paths, _chosen = QFileDialog.getOpenFileNames(
            self,
            _("Choose the report files"),
            str(Path.home()),
            _("Report files (*.scb *.p7m)"),
        )
        if paths:
            self.import_sources([Path(p) for p in paths])

    def import_sources(self, sources: list[Path]) -> None:
        """Import the report files in `sources` (folders or files)."""
        self.flow.start(sources)
