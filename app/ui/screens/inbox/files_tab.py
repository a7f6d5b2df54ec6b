"""The files received (tệp đã nhận) with their acknowledgements, and the files refused."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.services.inbox_dto import ReceivedReport, Rejection
from app.ui.context import UiContext
from app.ui.dialogs import show_info
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.model import TableModel
from app.ui.screens.inbox.presenter import (
    file_slug,
    period_text,
    rejection_columns,
    report_columns,
)
from app.ui.screens.inbox.widgets import read_only_table
from app.ui.widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from app.services.inbox_ack import AckResult


def ack_file_name(report: ReceivedReport) -> str:
    """ "bien-nhan-chi-bo-thon-lung-cu-2026-11-so-3.scb"."""
    return f"bien-nhan-{file_slug(report.sender_name)}-{report.period_label}-so-{report.serial}.scb"


class FilesTab(QWidget):
    """Accepted files (select one, "Lập giấy biên nhận…") above the refused ones."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.has_key = False
        self.reports: TableModel[ReceivedReport] = TableModel(report_columns(), self)
        self.rejections: TableModel[Rejection] = TableModel(rejection_columns(), self)
        self.reports_table = read_only_table(self.reports)
        self.rejections_table = read_only_table(self.rejections, stretch=1)
        self.ack_button = QPushButton(_("Write the &acknowledgement…"))
        self.ack_button.clicked.connect(self.ask_acknowledge)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        accepted = QGroupBox(_("Files received"))
        accepted_layout = QVBoxLayout(accepted)
        accepted_layout.addWidget(self.reports_table, 1)
        buttons = QHBoxLayout()
        note = QLabel(_("Select a file, then write its acknowledgement for the cell."))
        note.setWordWrap(True)
        buttons.addWidget(note, 1)
        buttons.addWidget(self.ack_button)
        accepted_layout.addLayout(buttons)
        refused = QGroupBox(_("Files refused"))
        refused_layout = QVBoxLayout(refused)
        refused_layout.addWidget(self.rejections_table, 1)
        refused_layout.addWidget(self.reason)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(accepted)
        splitter.addWidget(refused)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reports_table.selectionModel().selectionChanged.connect(self._update)
        self.rejections_table.selectionModel().selectionChanged.connect(self._show_reason)
        self._update()

    def show_lists(self, reports: list[ReceivedReport], rejections: list[Rejection]) -> None:
        keep = self.selected()
        self.reports.set_rows(reports)
        self.rejections.set_rows(rejections)
        if keep is not None:
            self.select_report(keep.id)
        self._update()
        self._show_reason()

    def selected(self) -> ReceivedReport | None:
        rows = self.reports_table.selectionModel().selectedRows()
        return self.reports.row(rows[0].row()) if rows else None

    def select_report(self, report_id: int) -> None:
        for row, report in enumerate(self.reports.rows):
            if report.id == report_id:
                self.reports_table.selectRow(row)

    def _update(self, *_args: object) -> None:
        self.ack_button.setEnabled(self.selected() is not None)

    def _show_reason(self, *_args: object) -> None:
        rows = self.rejections_table.selectionModel().selectedRows()
        rejection = self.rejections.row(rows[0].row()) if rows else None
        self.reason.setText(
            _("Why {file} was refused: {reason}").format(
                file=rejection.file_name, reason=rejection.reason
            )
            if rejection is not None
            else ""
        )
        self.reason.setVisible(rejection is not None)

    # -- acknowledgement (giấy biên nhận) ----------------------------------------------------

    def ask_acknowledge(self) -> None:
        """Passphrase, then where to write the acknowledgement of the selected file."""
        report = self.selected()
        if report is None:
            return
        passphrase = ask_passphrase(
            self,
            new=not self.has_key,
            purpose=_("Signing the acknowledgement of {sender}'s report ({period}).").format(
                sender=report.sender_name, period=period_text(report.period_label)
            ),
        )
        if passphrase is None:
            return
        default = str(Path.home() / ack_file_name(report))
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Write the acknowledgement"), default, _("Signed file (*.scb)")
        )
        if path:
            self.acknowledge(report, passphrase, Path(path))

    def acknowledge(self, report: ReceivedReport, passphrase: str, target: Path) -> None:
        """Sign and write the acknowledgement of `report` to `target`."""
        report_id = report.id
        self.ctx.jobs.write(
            lambda s: calls.acknowledge(s, report_id, passphrase, target),
            lambda done: self._acknowledged(done.value),
            label=_("Signing and writing the acknowledgement…"),
        )

    def _acknowledged(self, result: AckResult) -> None:
        self.has_key = True
        show_info(
            self,
            _("Acknowledgement written"),
            _(
                "The acknowledgement of {sender}'s report (period {period}, serial {serial}) was "
                "written to {path}."
            ).format(
                sender=result.sender_name,
                period=period_text(result.period_label),
                serial=result.serial,
                path=str(result.path),
            )
            + "\n"
            + _("Give or send this file to the cell: it imports it to mark the report received."),
        )
