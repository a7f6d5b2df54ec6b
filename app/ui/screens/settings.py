"""Settings (Cài đặt): the cell profile, language, text size and where the data lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import MembershipStatus
from app.l10n import _
from app.services.dto import CellInfo, Changes, MemberSummary
from app.services.errors import ValidationError
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.base import Screen
from app.ui.widgets.cell_fields import INDICATOR_FIELDS, TEXT_FIELDS, CellFields
from app.ui.widgets.display import DataBox, DisplayBox
from app.ui.widgets.text import Heading
from app.ui.zoom import ZoomController

if TYPE_CHECKING:
    # Type hints only: the facade loads the database stack, which start-up must not wait for.
    from app.services.facade import Services

_PROFILE_FIELDS = (*TEXT_FIELDS[:1], "cell_type", *TEXT_FIELDS[1:], "term_start", "term_end")


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
        self.display = DisplayBox(ctx, zoom)
        self.data = DataBox(ctx)
        self.language = self.display.language
        self.language_note = self.display.language_note
        self.zoom_spin = self.display.zoom_spin
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
        layout_inner = QVBoxLayout()
        layout_inner.addWidget(Heading(_("Settings")))
        layout_inner.addWidget(profile)
        layout_inner.addWidget(self.display)
        layout_inner.addWidget(self.data)
        layout_inner.addStretch(1)
        content = QWidget()
        content.setLayout(layout_inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

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
