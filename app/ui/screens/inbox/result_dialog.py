"""The result of an import: every file, imported or refused with its reason in full, and the
serials still missing per cell."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.services.inbox_dto import ImportOutcome
from app.ui.screens.inbox.presenter import file_line, gap_line, outcome_summary
from app.ui.widgets.text import Heading


def outcome_html(outcome: ImportOutcome) -> str:
    """One paragraph per file (its name bold, the verdict in words), then the gaps."""
    parts = []
    for item in outcome.files:
        verdict, detail = file_line(item)
        mark = "✓" if item.accepted else "✗"
        parts.append(
            f"<p><b>{html.escape(item.file_name)}</b><br>"
            f"{mark} <b>{html.escape(verdict)}:</b> {html.escape(detail)}</p>"
        )
    if outcome.gaps:
        heading = html.escape(_("Serials not received yet"))
        parts.append(f"<p><b>{heading}</b></p>")
        parts.append(
            "<ul>"
            + "".join(f"<li>{html.escape(gap_line(gap))}</li>" for gap in outcome.gaps)
            + "</ul>"
        )
        parts.append(
            "<p>"
            + html.escape(
                _(
                    "A missing serial is a report still on its way, or an export that failed "
                    "at the cell: only the cell can say which. Call it."
                )
            )
            + "</p>"
        )
    return "".join(parts)


class ImportResultDialog(QDialog):
    """Shows the outcome of an import; the text can be selected and copied."""

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.setWindowTitle(_("Result of the import"))
        self.summary = Heading(outcome_summary(outcome), scale=1.15)
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml(outcome_html(outcome))
        self.details.setVisible(bool(outcome.files))
        note = QLabel(
            _(
                "Refused files were not imported and are listed under “Files received” › "
                "“Files refused”. Imported files are in the table of their period."
            )
        )
        note.setWordWrap(True)
        note.setVisible(outcome.rejected > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(720, 520 if outcome.files else 160)

    def text(self) -> str:
        """Everything the dialog says, as plain text."""
        return f"{self.summary.text()}\n{self.details.toPlainText()}"
