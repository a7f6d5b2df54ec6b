"""The table across cells for one period (bảng tổng hợp) and the committee's summary export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.periods import Period
from app.l10n import _
from app.services.inbox_dto import PeriodTable, TableRow
from app.ui.context import UiContext
from app.ui.dialogs import show_info
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.model import TableModel
from app.ui.screens.inbox.presenter import (
    TOTAL,
    period_name,
    period_text,
    previous_month,
    table_columns,
    table_rows,
)
from app.ui.screens.inbox.summary_dialog import SummaryExportDialog
from app.ui.screens.inbox.widgets import PeriodChooser, read_only_table
from app.ui.widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from app.services.inbox_summary import SummaryResult


class TableTab(QWidget):
    """Period chooser, the table with its bold total row, and "Xuất báo cáo tổng hợp…"."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_data: PeriodTable | None = None
        self.has_key = False
        self.export_dialog: SummaryExportDialog | None = None
        self._default_set = False
        self.chooser = PeriodChooser()
        period_label = QLabel(_("Reporting &period:"))
        period_label.setBuddy(self.chooser.kind)
        self.count = QLabel()
        self.model: TableModel[TableRow] = TableModel([], self, bold=lambda r: r.kind == TOTAL)
        self.table = read_only_table(self.model)
        self.export_button = QPushButton(_("&Export the summary report…"))
        self.export_button.clicked.connect(self.ask_export)
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.chooser)
        top.addWidget(self.count, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.chooser.changed.connect(lambda _period: self.load())

    def refresh(self) -> None:
        """Load the table; the first time, choose the previous month of the data's today."""
        if not self._default_set:
            self._default_set = True
            self.ctx.jobs.read(lambda s: s.today(), self._set_default)
        else:
            self.load()

    def _set_default(self, today: dt.date) -> None:
        self.chooser.set_period(previous_month(today))

    def load(self) -> None:
        period = self.chooser.period()
        self.ctx.jobs.read(
            lambda s: calls.period_table(s, period),
            self.show_table,
            label=_("Loading the table…"),
        )

    def show_table(self, table: PeriodTable) -> None:
        self.table_data = table
        self.model.set_rows(table_rows(table), table_columns(table))
        totals = table.totals
        self.count.setText(
            _("{reporting} of {senders} reported").format(
                reporting=totals.reporting, senders=totals.senders
            )
            if totals.senders
            else _("No cell's certificate is registered yet.")
        )
        self.export_button.setEnabled(bool(table.rows))

    # -- the summary -------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Where to write the summary of the chosen period, and encrypted or not."""
        period = self.chooser.period()
        default = Path.home() / f"tong-hop-{period.label}.scb"
        dialog = SummaryExportDialog(period, default, self)
        dialog.accepted.connect(lambda: self._export_chosen(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _export_chosen(self, dialog: SummaryExportDialog) -> None:
        self.export(dialog.period, dialog.target(), dialog.recipient())

    def export(self, period: Period, target: Path, recipient: Path | None) -> None:
        """Ask the passphrase (twice for a new key), then sign and write the summary."""
        passphrase = ask_passphrase(
            self,
            new=not self.has_key,
            purpose=_("Signing the summary report of {period}.").format(period=period_name(period)),
        )
        if passphrase is None:
            return
        self.ctx.jobs.write(
            lambda s: calls.export_summary(s, period, target, passphrase, recipient),
            lambda done: self._exported(done.value),
            label=_("Signing and writing the summary report…"),
        )

    def _exported(self, result: SummaryResult) -> None:
        self.has_key = True
        show_info(
            self,
            _("Summary report written"),
            "\n".join(
                (
                    _("The summary of period {period} was written to {path}.").format(
                        period=period_text(result.period_label), path=str(result.path)
                    ),
                    _("Serial: {serial}").format(serial=result.serial),
                    _("Document number: {number}").format(number=result.number),
                )
            ),
        )
