"""How a finding's severity is shown: a word and an icon (and colour), never colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QWidget

from app.domain.findings import Severity
from app.l10n import _

# Names, resolved on first use: creating QStyle's Python type costs about 6 ms, which the
# window's start-up need not pay before a finding is shown.
_ICONS = {
    Severity.BLOCK: "SP_MessageBoxCritical",
    Severity.WARN: "SP_MessageBoxWarning",
    Severity.INFO: "SP_MessageBoxInformation",
}
_COLOURS = {
    Severity.BLOCK: QColor(176, 0, 32),
    Severity.WARN: QColor(138, 75, 0),
    Severity.INFO: QColor(0, 77, 153),
}


def severity_word(severity: Severity) -> str:
    """ "Chặn" / "Cảnh báo" / "Nhắc việc" (the glossary's words for block / warn / info)."""
    words = {
        Severity.BLOCK: _("Blocking"),
        Severity.WARN: _("Warning"),
        Severity.INFO: _("Reminder"),
    }
    return words[severity]


def severity_icon(severity: Severity, widget: QWidget) -> QIcon:
    """The standard message-box icon matching the severity, in the widget's style."""
    from PySide6.QtWidgets import QStyle  # first use only: see _ICONS

    return widget.style().standardIcon(getattr(QStyle.StandardPixmap, _ICONS[severity]))


def severity_colour(severity: Severity) -> QColor:
    """A dark, readable text colour for the severity word (an addition to word and icon)."""
    return QColor(_COLOURS[severity])
