"""Item model of the import preview: one row per data line of the file, with its problems.

A row with a blocking problem is marked with the word "Có lỗi" and an icon, not colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyle, QWidget

from app.domain.findings import Problem, Severity
from app.l10n import _, ngettext, render
from app.services.dto import ImportPreview, ImportRow

_Index = QModelIndex | QPersistentModelIndex

LINE, NAME, STATE, PROBLEMS = range(4)


def row_state(row: ImportRow) -> Severity | None:
    """BLOCK for a row that cannot be imported, WARN for one with notes, None when clean."""
    if not row.ok:
        return Severity.BLOCK
    return Severity.WARN if row.problems else None


def state_word(state: Severity | None) -> str:
    """The word that marks a row: "Có lỗi", "Hợp lệ, có lưu ý" or "Hợp lệ"."""
    if state is Severity.BLOCK:
        return _("Has errors")
    if state is Severity.WARN:
        return _("Valid, with notes")
    return _("Valid")


def preview_counts(preview: ImportPreview) -> str:
    """ "25 dòng hợp lệ, 2 dòng có lỗi"."""
    bad = sum(1 for row in preview.rows if not row.ok)
    good = len(preview.rows) - bad
    return _("{valid}, {invalid}").format(
        valid=ngettext("{count} valid row", "{count} valid rows", good).format(count=good),
        invalid=ngettext("{count} row with errors", "{count} rows with errors", bad).format(
            count=bad
        ),
    )


class ImportPreviewModel(QAbstractTableModel):
    """The rows of an ImportPreview: line, name, state word + icon, problems as text."""

    def __init__(self, icon_source: QWidget) -> None:
        super().__init__(icon_source)
        self._icon_source = icon_source
        self.preview: ImportPreview | None = None

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show another preview."""
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [_("Line"), _("Full name"), _("Check"), _("Problems")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        preview = self.preview
        if preview is None or not index.isValid() or not 0 <= index.row() < len(preview.rows):
            return None
        row = preview.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(preview, index.row(), row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return self._icon(row_state(row))
        return None

    def _text(self, preview: ImportPreview, position: int, row: ImportRow, column: int) -> str:
        if column == LINE:
            return str(row.line)
        if column == NAME:
            return row.record.full_name if row.record else _raw_name(preview, position)
        if column == STATE:
            return state_word(row_state(row))
        return "\n".join(problem_text(preview, p) for p in row.problems)

    def _icon(self, state: Severity | None) -> Any:
        pixmap = QStyle.StandardPixmap.SP_DialogApplyButton
        if state is Severity.BLOCK:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical
        elif state is Severity.WARN:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxWarning
        return self._icon_source.style().standardIcon(pixmap)


def _raw_name(preview: ImportPreview, position: int) -> str:
    column = next((i for i, f in preview.source.mapping.items() if f == "full_name"), None)
    cells = preview.source.rows[position] if position < len(preview.source.rows) else ()
    return cells[column] if column is not None and column < len(cells) else ""


def problem_text(preview: ImportPreview, problem: Problem) -> str:
    """A problem with the file column it concerns: "Cột “Ngày sinh”: …"."""
    headers = preview.source.headers
    column = next(
        (
            headers[i]
            for i, name in preview.source.mapping.items()
            if name == problem.field and i < len(headers)
        ),
        "",
    )
    message = render(problem.message)
    if not column:
        return message
    return _("Column “{column}”: {message}").format(column=column, message=message)
