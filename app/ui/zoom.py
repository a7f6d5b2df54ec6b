"""The application font: at least 11 pt for older eyes, scaled by the user's zoom.

Zoom changes the application font, which every widget inherits (widgets must not fix their own
point sizes; headings scale from the application font, see widgets.text.Heading).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir
from app.settings import MAX_ZOOM, MIN_ZOOM
from app.ui.widgets.text import Heading

#: Base size at 100 % zoom; the ui-common contract asks for at least 11 pt.
BASE_POINT_SIZE = 11.0
ZOOM_STEP = 10
#: A letter with a stacked diacritic: a font that has it covers Vietnamese.
VIETNAMESE_PROBE = "ộ"
BUNDLED_UI_FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def clamp_zoom(percent: int) -> int:
    """Keep the zoom within the range settings allow."""
    return max(MIN_ZOOM, min(MAX_ZOOM, percent))


def zoom_in(percent: int) -> int:
    return clamp_zoom(percent + ZOOM_STEP)


def zoom_out(percent: int) -> int:
    return clamp_zoom(percent - ZOOM_STEP)


def point_size(percent: int) -> float:
    """The application font size for a zoom percentage."""
    return BASE_POINT_SIZE * clamp_zoom(percent) / 100


def covers_vietnamese(font: QFont) -> bool:
    # QFontMetrics.inFont() is wrong for non-Latin-1 characters in PySide6; inFontUcs4 is not.
    return QFontMetrics(font).inFontUcs4(ord(VIETNAMESE_PROBE))


def choose_base_font(app: QApplication) -> QFont:
    """The system UI font, or the bundled Noto Sans when the system font lacks Vietnamese."""
    font = QFont(app.font())
    if covers_vietnamese(font):
        return font
    from PySide6.QtGui import QFontDatabase  # only where the system font lacks Vietnamese

    family = ""
    for name in BUNDLED_UI_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    if family:
        font = QFont(family)
    return font


def apply_zoom(app: QApplication, percent: int, base: QFont | None = None) -> None:
    """Set the application font for `percent` zoom; every widget follows."""
    font = QFont(base if base is not None else app.font())
    font.setPointSizeF(point_size(percent))
    app.setFont(font)
    for widget in app.allWidgets():
        if isinstance(widget, Heading):
            widget.follow_app_font()


class ZoomController(QObject):
    """Ctrl +/-/0 and the settings' spin box share this: apply the zoom and remember it."""

    zoom_changed = Signal(int)

    def __init__(
        self,
        app: QApplication,
        percent: int,
        save: Callable[[int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._percent = clamp_zoom(percent)
        self._save = save

    @property
    def percent(self) -> int:
        return self._percent

    def set_percent(self, percent: int) -> None:
        """Apply `percent` (clamped) to the application font and save it in settings.json."""
        percent = clamp_zoom(percent)
        if percent == self._percent:
            return
        self._percent = percent
        apply_zoom(self._app, percent)
        self._save(percent)
        self.zoom_changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_percent(zoom_in(self._percent))

    def zoom_out(self) -> None:
        self.set_percent(zoom_out(self._percent))

    def reset(self) -> None:
        self.set_percent(100)
