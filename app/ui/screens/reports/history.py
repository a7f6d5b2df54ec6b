"""The export history table: one read-only row per export, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.l10n import _
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.reports.texts import (
    encrypted_text,
    label_words,
    number_text,
    received_text,
    state_text,
)

if TYPE_CHECKING:
    from app.services.report_export import ExportInfo


def history_columns() -> list[Column[ExportInfo]]:
    """Serial, period, number, state, file, encrypted, received by the superior committee."""
    return [
        Column(lambda: _("Serial"), lambda e: str(e.serial), align_right=True),
        Column(lambda: _("Period"), lambda e: label_words(e.period_label)),
        Column(lambda: _("Document number"), number_text),
        Column(lambda: _("State"), state_text),
        Column(lambda: _("File"), lambda e: e.file_name),
        Column(lambda: _("Encrypted"), encrypted_text),
        Column(lambda: _("Received by the superior committee"), received_text),
    ]


def history_model(parent: QObject | None = None) -> RowsModel[ExportInfo]:
    """A read-only model of the history; fill it with `set_rows`."""
    model: RowsModel[ExportInfo] = RowsModel(history_columns(), parent)
    model.read_only = True
    return model
