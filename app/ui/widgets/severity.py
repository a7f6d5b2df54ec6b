"""How a finding's severity is shown: a word and an icon (and colour), never colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QStyle, QWidget

from app.domain.findings import Severity
from app.l10n import _

_ICONS = {
    Severity.BLOCK: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
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
    return widget.style().standardIcon(_ICONS[severity])


def severity_colour(severity: Severity) -> QColor:
    """A dark, readable text colour for the severity word (an addition to word and icon)."""
    return QColor(_COLOURS[severity])
