"""The meetings list's findings: what the Party rules say about the cell's meetings (a month
without a regular meeting, a quarter without a thematic one, a short meeting, repeated absence
without reason, too few full members, the next meeting's reminder), as on the overview."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.findings import Finding
from app.l10n import _, render
from app.ui.widgets.severity import severity_colour, severity_icon, severity_word

#: Lines shown before the list scrolls; the meetings table keeps the rest of the screen.
VISIBLE_LINES = 4


def finding_text(finding: Finding) -> str:
    """ "Cảnh báo: Lý Mí Chá — Vắng sinh hoạt … (Điều lệ Đảng 2011, Điều 8.1)"."""
    message = render(finding.message)
    if finding.subject.strip():
        message = _("{subject} — {message}").format(subject=finding.subject, message=message)
    text = _("{severity}: {message}").format(
        severity=severity_word(finding.severity), message=message
    )
    if finding.citation.strip():
        text = _("{text} ({citation})").format(text=text, citation=finding.citation)
    return text


class FindingsPanel(QWidget):
    """The findings in a short list with a heading; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(_("Warnings and reminders about the meetings:"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.setVisible(False)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the lines (most urgent first, as the service sorts them)."""
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(severity_icon(finding.severity, self), finding_text(finding))
            item.setForeground(severity_colour(finding.severity))
            self.list.addItem(item)
        line = self.fontMetrics().lineSpacing()
        lines = min(max(len(findings), 1), VISIBLE_LINES)
        self.list.setFixedHeight(lines * (line + 6) + 2 * self.list.frameWidth() + 4)
        self.setVisible(bool(findings))

    def texts(self) -> list[str]:
        """The lines shown, in order (tests and screen readers read them)."""
        return [self.list.item(row).text() for row in range(self.list.count())]
