"""The display preferences (language, text size) as a group box, for a settings screen."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from app.l10n import LANGUAGES, _
from app.settings import MAX_ZOOM, MIN_ZOOM
from app.ui.context import UiContext
from app.ui.zoom import ZOOM_STEP, ZoomController

_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class DisplayBox(QGroupBox):
    """ "Hiển thị": the language (from the next start) and the zoom (at once, Ctrl + / -)."""

    def __init__(self, ctx: UiContext, zoom: ZoomController, parent: QWidget | None = None) -> None:
        super().__init__(_("Display"), parent)
        self.ctx = ctx
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(ctx.settings.language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.hide()  # an empty wrapped label would still take a line
        self.zoom_spin = QSpinBox()
        self.zoom_spin.setRange(MIN_ZOOM, MAX_ZOOM)
        self.zoom_spin.setSingleStep(ZOOM_STEP)
        self.zoom_spin.setSuffix(" %")
        self.zoom_spin.setValue(zoom.percent)
        self.zoom_spin.valueChanged.connect(zoom.set_percent)
        zoom.zoom_changed.connect(self.zoom_spin.setValue)
        form = QFormLayout(self)
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        form.addRow(self.language_note)
        zoom_label = QLabel(_("Text si&ze (Ctrl + / Ctrl -):"))
        zoom_label.setBuddy(self.zoom_spin)
        form.addRow(zoom_label, self.zoom_spin)

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if not isinstance(code, str) or code == self.ctx.settings.language:
            return
        self.ctx.save_settings(replace(self.ctx.settings, language=code))
        self.language_note.setText(
            _("The new language takes effect the next time you start Sổ Chi bộ.")
        )
        self.language_note.show()
