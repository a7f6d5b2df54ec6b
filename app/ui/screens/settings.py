"""Settings (Cài đặt): the cell profile, language, text size and where the data lives."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import MembershipStatus
from app.l10n import LANGUAGES, _
from app.services.dto import CellInfo, Changes, MemberSummary
from app.services.errors import ValidationError
from app.settings import MAX_ZOOM, MIN_ZOOM
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.base import Screen
from app.ui.widgets.cell_fields import INDICATOR_FIELDS, TEXT_FIELDS, CellFields
from app.ui.widgets.text import Heading
from app.ui.zoom import ZOOM_STEP, ZoomController

if TYPE_CHECKING:
    # Type hints only: the facade loads the database stack, which start-up must not wait for.
    from app.services.facade import Services

_PROFILE_FIELDS = (*TEXT_FIELDS[:1], "cell_type", *TEXT_FIELDS[1:], "term_start", "term_end")
_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def _load(services: Services) -> tuple[CellInfo | None, list[MemberSummary]]:
    return services.cell.get(), services.members.list()


class SettingsScreen(Screen):
    """The cell profile form and the user's preferences."""

    areas = frozenset({"cell", "members"})

    def __init__(self, ctx: UiContext, zoom: ZoomController, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = _("Settings")
        self.zoom = zoom
        self.fields = CellFields()
        self.secretary = QComboBox()
        self.deputy = QComboBox()
        self.save_button = QPushButton(_("Save cell pr&ofile"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(ctx.settings.language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.zoom_spin = QSpinBox()
        self.zoom_spin.setRange(MIN_ZOOM, MAX_ZOOM)
        self.zoom_spin.setSingleStep(ZOOM_STEP)
        self.zoom_spin.setSuffix(" %")
        self.zoom_spin.setValue(zoom.percent)
        self.zoom_spin.valueChanged.connect(zoom.set_percent)
        zoom.zoom_changed.connect(self.zoom_spin.setValue)
        self._dirty = False
        self._lay_out()
        self._watch_edits()

    def _lay_out(self) -> None:
        profile = QGroupBox(_("Cell profile"))
        form = QFormLayout(profile)
        self.fields.add_rows(form, _PROFILE_FIELDS)
        self.fields.add_row(form, "secretary_id", self.secretary)
        self.fields.add_row(form, "deputy_id", self.deputy)
        self.fields.add_rows(form, INDICATOR_FIELDS)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        display = QGroupBox(_("Display"))
        display_form = QFormLayout(display)
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language)
        display_form.addRow(language_label, self.language)
        display_form.addRow(self.language_note)
        zoom_label = QLabel(_("Text si&ze (Ctrl + / Ctrl -):"))
        zoom_label.setBuddy(self.zoom_spin)
        display_form.addRow(zoom_label, self.zoom_spin)
        layout_inner = QVBoxLayout()
        layout_inner.addWidget(Heading(_("Settings")))
        layout_inner.addWidget(profile)
        layout_inner.addWidget(display)
        layout_inner.addWidget(self._data_box())
        layout_inner.addStretch(1)
        content = QWidget()
        content.setLayout(layout_inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(_("Data"))
        form = QFormLayout(box)
        path = QLineEdit(str(self.ctx.services_data_dir))
        path.setReadOnly(True)
        path_label = QLabel(_("D&ata folder:"))
        path_label.setBuddy(path)
        form.addRow(path_label, path)
        backups = QPushButton(_("Open the &backups folder"))
        backups.clicked.connect(self.open_backups)
        note = QLabel(_("A copy of the data is made each time the program starts."))
        note.setWordWrap(True)
        form.addRow(note, backups)
        return box

    def _watch_edits(self) -> None:
        for field in (*TEXT_FIELDS, "term_start", "term_end"):
            line = self.fields.widget(field)
            assert isinstance(line, QLineEdit)
            line.textEdited.connect(self._mark_dirty)
            line.returnPressed.connect(self.save)  # Enter saves, as in a dialog
        for combo in (self.fields.cell_type, self.secretary, self.deputy):
            combo.activated.connect(self._mark_dirty)
        for combo in self.fields.indicators.values():
            combo.activated.connect(self._mark_dirty)

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True
        self.saved_label.clear()

    def refresh(self) -> None:
        """Reload the profile and the full members who can be secretary or deputy."""
        self.ctx.jobs.read(_load, self._show_loaded, label=_("Loading the cell profile…"))

    def _show_loaded(self, loaded: tuple[CellInfo | None, list[MemberSummary]]) -> None:
        info, members = loaded
        full = [m for m in members if m.status == MembershipStatus.FULL]
        # Never overwrite what the user is typing; only the people lists follow the register.
        chosen = (self.secretary.currentData(), self.deputy.currentData())
        if not self._dirty and info is not None:
            chosen = (info.secretary_id, info.deputy_id)
        for combo, member_id in zip((self.secretary, self.deputy), chosen, strict=True):
            combo.clear()
            combo.addItem(_("— Not chosen —"), None)
            for member in full:
                combo.addItem(member.full_name, member.id)
            combo.setCurrentIndex(max(0, combo.findData(member_id)))
        if not self._dirty:
            self.fields.load(info)

    def save(self) -> None:
        """Validate the typed dates, then save the profile through the job runner."""
        self.fields.clear_errors()
        self.saved_label.clear()
        date_errors = self.fields.date_errors()
        if date_errors:
            self.fields.show_errors(date_errors)
            return
        command = self.fields.read(self.secretary.currentData(), self.deputy.currentData())
        self.save_button.setEnabled(False)
        self.ctx.jobs.write(
            lambda services: services.cell.save(command),
            self._saved,
            label=_("Saving the cell profile…"),
            on_error=self._save_failed,
        )

    def _saved(self, _changes: Changes) -> None:
        self.save_button.setEnabled(True)
        self._dirty = False
        self.saved_label.setText(_("✓ Saved."))

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            fields = self.fields.show_problems(error.problems)
            if fields:
                self.fields.widget(fields[0]).setFocus()
        show_error(self, error)

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if not isinstance(code, str) or code == self.ctx.settings.language:
            return
        self.ctx.save_settings(replace(self.ctx.settings, language=code))
        self.language_note.setText(
            _("The new language takes effect the next time you start Sổ Chi bộ.")
        )

    def open_backups(self) -> None:
        """Open the backups folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.backups)))
