"""The Reports area (Báo cáo): the signed reports sent to the superior committee, what it
acknowledged, the export wizard, the acknowledgement import and the signing key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, ngettext, pgettext
from app.services.dto_base import Changes
from app.ui.context import UiContext
from app.ui.screens.base import Screen
from app.ui.screens.members.view import MessageBar
from app.ui.screens.reports.history import history_model
from app.ui.screens.reports.key_actions import start_folder
from app.ui.screens.reports.key_panel import KeyPanel
from app.ui.screens.reports.texts import ack_message, lower_first
from app.ui.screens.reports.wizard import EXPORTS_AREA, ExportWizard
from app.ui.screens.reports.work import desk
from app.ui.widgets.text import Heading

if TYPE_CHECKING:
    from app.services.acks import AckImport
    from app.services.report_desk import DeskState


class ReportsScreen(Screen):
    """Báo cáo: history of exports, export wizard, acknowledgements, signing key."""

    areas = frozenset({EXPORTS_AREA, "keys"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = pgettext("area", "Reports")
        self.state: DeskState | None = None
        self.wizard: ExportWizard | None = None
        self.model = history_model(self)
        self.export_button = QPushButton(_("E&xport a report…"))
        self.ack_button = QPushButton(_("Import an &acknowledgement…"))
        self.export_button.setEnabled(False)  # until the state is loaded
        self.message = MessageBar()
        self.count = QLabel()
        self.empty = QLabel(
            _("No report has been exported yet. “Export a report…” makes the first one.")
        )
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.keys = KeyPanel(ctx)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(self.title))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(_("Reports sent to the superior committee, newest first:")))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keys)
        self.export_button.clicked.connect(self.open_wizard)
        self.ack_button.clicked.connect(self.choose_ack)

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the history, the key and the superior committee's certificate."""
        self.ctx.jobs.read(
            lambda s: desk(s).state(), self.show_state, label=_("Loading the reports…")
        )

    def show_state(self, state: DeskState) -> None:
        self.state = state
        self.model.set_rows(state.history)
        self.count.setText(
            ngettext("{count} export", "{count} exports", len(state.history)).format(
                count=len(state.history)
            )
            if state.history
            else ""
        )
        self.empty.setVisible(not state.history)
        self.keys.show_state(state)
        self.export_button.setEnabled(True)
        if state.problems:
            self.message.show_message("\n".join(f"⚠ {p}" for p in state.problems))
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.set_state(state)

    # -- export ------------------------------------------------------------------------------

    def open_wizard(self) -> None:
        """Open the export wizard over the current state."""
        if self.state is None:
            return
        wizard = ExportWizard(self.ctx, self.state, self)
        wizard.finished.connect(lambda _result: self._wizard_closed(wizard))
        self.wizard = wizard
        wizard.open()

    def _wizard_closed(self, wizard: ExportWizard) -> None:
        result = wizard.report
        if result is not None:
            self.message.show_message(
                _("The report {number} (serial {serial}) was written to {path}.").format(
                    number=lower_first(result.number), serial=result.serial, path=result.path
                )
            )
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()

    # -- acknowledgements --------------------------------------------------------------------

    def choose_ack(self) -> None:
        """Pick the acknowledgement file (giấy biên nhận) and import it."""
        path, _chosen = QFileDialog.getOpenFileName(
            self,
            _("Choose the acknowledgement file"),
            str(start_folder(self.ctx)),
            _("Acknowledgements (*.scb *.pdf);;All files (*)"),
        )
        if path:
            self.import_ack(Path(path))

    def import_ack(self, path: Path) -> None:
        """Check the acknowledgement in `path` and mark its export as received."""
        self.ctx.jobs.write(
            lambda s: desk(s).import_ack(path),
            self._ack_imported,
            label=_("Checking the acknowledgement…"),
        )

    def _ack_imported(self, result: AckImport) -> None:
        self.message.show_message(ack_message(result))
        if not result.already:
            self.ctx.jobs.changed.emit(Changes.of(EXPORTS_AREA))
