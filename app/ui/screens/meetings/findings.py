"""The meetings list's findings: what the Party rules say about the cell's meetings (a month
without a regular meeting, a quarter without a thematic one, a short meeting, repeated absence
without reason, too few full members, the next meeting's reminder), as on the overview."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.findings import Finding
from app.l10n import _, render
from app.ui.widgets.severity import severity_colour, severity_icon, severity_word

#: Findings listed here; the meetings table keeps the rest of the screen, the overview all.
VISIBLE_LINES = 3


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


class FindingsPanel(QFrame):
    """The findings, one wrapped line each with its severity's icon and word; hidden while
    there is none. At most `VISIBLE_LINES` are listed, then how many more the overview has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(_("Warnings and reminders about the meetings:"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.lines = QVBoxLayout()
        self.lines.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.lines)
        self._texts: list[str] = []
        self.setVisible(False)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the lines (most urgent first, as the service sorts them)."""
        while (item := self.lines.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self._texts = [finding_text(f) for f in findings]
        for finding, text in zip(findings[:VISIBLE_LINES], self._texts, strict=False):
            self.lines.addWidget(self._line(finding, text))
        hidden = len(findings) - VISIBLE_LINES
        if hidden > 0:
            more = QLabel(
                _("… and {count} more: see all of them in the overview.").format(count=hidden)
            )
            self.lines.addWidget(more)
        self.setVisible(bool(findings))

    def _line(self, finding: Finding, text: str) -> QWidget:
        row = QWidget()
        icon = QLabel()
        size = self.fontMetrics().height()
        icon.setPixmap(severity_icon(finding.severity, self).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"color: {severity_colour(finding.severity).name()};")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(label, 1)
        return row

    def texts(self) -> list[str]:
        """Every finding's line, shown or not (tests and screen readers read them)."""
        return list(self._texts)
