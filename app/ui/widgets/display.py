"""The display preferences (language, text size) and where the data lives, as group boxes
for a settings screen (the cell's and the receiver's)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

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


class DataBox(QGroupBox):
    """ "Dữ liệu": the data folder, and a button opening the start-up backups."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Data"), parent)
        self.ctx = ctx
        form = QFormLayout(self)
        path = QLineEdit(str(ctx.services_data_dir))
        path.setReadOnly(True)
        path_label = QLabel(_("D&ata folder:"))
        path_label.setBuddy(path)
        form.addRow(path_label, path)
        backups = QPushButton(_("Open the &backups folder"))
        backups.clicked.connect(self.open_backups)
        note = QLabel(_("A copy of the data is made each time the program starts."))
        note.setWordWrap(True)
        form.addRow(note, backups)

    def open_backups(self) -> None:
        """Open the backups folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.backups)))
