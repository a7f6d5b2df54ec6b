"""Settings (Cài đặt) of a receiver: the committee's profile, language, text size, the data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.services.dto_base import Changes
from app.services.errors import ValidationError
from app.services.inbox_dto import ReceiverInfo
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.base import Screen
from app.ui.screens.inbox import calls
from app.ui.widgets.display import DataBox, DisplayBox
from app.ui.widgets.receiver_fields import RECEIVER_FIELDS, RECEIVER_TEXT_FIELDS, ReceiverFields
from app.ui.widgets.text import Heading
from app.ui.zoom import ZoomController


class ReceiverSettingsScreen(Screen):
    """The committee's profile form and the user's preferences."""

    areas = frozenset({calls.AREA})

    def __init__(self, ctx: UiContext, zoom: ZoomController, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = _("Settings")
        self.fields = ReceiverFields()
        self.save_button = QPushButton(_("Save the committee's pr&ofile"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.display = DisplayBox(ctx, zoom)
        self._dirty = False
        profile = QGroupBox(_("The committee's profile"))
        form = QFormLayout(profile)
        self.fields.add_rows(form, RECEIVER_FIELDS)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        inner = QVBoxLayout()
        inner.addWidget(Heading(_("Settings")))
        inner.addWidget(profile)
        inner.addWidget(self.display)
        inner.addWidget(DataBox(ctx))
        inner.addStretch(1)
        content = QWidget()
        content.setLayout(inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for field in (*RECEIVER_TEXT_FIELDS, "term_start", "term_end"):
            line = self.fields.line(field)
            line.textEdited.connect(self._mark_dirty)
            line.returnPressed.connect(self.save)
        self.fields.signer_title.editTextChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True
        self.saved_label.clear()

    def refresh(self) -> None:
        self.ctx.jobs.read(calls.receiver, self._show, label=_("Loading the committee's profile…"))

    def _show(self, info: ReceiverInfo | None) -> None:
        # Never overwrite what the user is typing.
        if not self._dirty:
            self.fields.load(info)

    def save(self) -> None:
        """Check the typed dates, then save the profile through the job runner."""
        self.fields.clear_errors()
        self.saved_label.clear()
        date_errors = self.fields.date_errors()
        if date_errors:
            self.fields.show_errors(date_errors)
            return
        command = self.fields.read()
        self.save_button.setEnabled(False)
        self.ctx.jobs.write(
            lambda s: calls.save_receiver(s, command),
            self._saved,
            label=_("Saving the committee's profile…"),
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
