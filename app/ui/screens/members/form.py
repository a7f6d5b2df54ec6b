"""The member form (phiếu đảng viên): add or edit one entry of the register.

Enter saves, Esc cancels (asking first when something was typed). The service validates; its
blocking problems appear next to the fields and in a message, and the dialog stays open with
everything typed. Warnings are shown after the save.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, render
from app.services.dto import MemberDetail, SaveResult
from app.services.errors import ValidationError
from app.ui.context import UiContext
from app.ui.dialogs import confirm, show_error
from app.ui.screens.members.form_fields import MemberFields


class MemberFormDialog(QDialog):
    """Add a member (`detail` None) or edit one; `saved` carries the member's id."""

    saved = Signal(int)

    def __init__(
        self, ctx: UiContext, detail: MemberDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.problem_box: QMessageBox | None = None
        self.warning_box: QMessageBox | None = None
        self._saving = False
        self.setWindowTitle(
            _("Edit party member — {name}").format(name=detail.record.full_name)
            if detail
            else _("Add a party member")
        )
        self.fields = MemberFields()
        if detail is not None:
            self.fields.set_record(detail.record)
        self._initial = self.fields.snapshot()
        scroll = QScrollArea()
        scroll.setWidget(self.fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Fields shrink to the width; only a short screen needs scrolling (vertically).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 680)
        self.fields.full_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_dirty(self) -> bool:
        """Whether anything differs from what was loaded."""
        return self.fields.snapshot() != self._initial

    def save(self) -> None:
        """Check locally what a record needs, then create or update through the job runner."""
        if self._saving:
            return
        base = self.detail.record if self.detail else None
        record, local = self.fields.read(base)
        if record is None:
            self._show_problems({name: [text] for name, text in local.items()})
            return
        self._saving = True
        self.save_button.setEnabled(False)
        member_id = self.detail.id if self.detail else None
        self.ctx.jobs.write(
            lambda s: (
                s.members.create(record)
                if member_id is None
                else s.members.update(member_id, record)
            ),
            self._on_saved,
            label=_("Saving the member…"),
            on_error=self._on_error,
        )

    def reject(self) -> None:
        """Esc / Cancel: ask before throwing away what was typed."""
        if self._saving:
            return
        if self.is_dirty() and not confirm(
            self,
            _("Discard changes?"),
            _("You have changed this member's information. Close without saving?"),
            yes=_("&Discard changes"),
            no=_("&Keep editing"),
            destructive=True,
        ):
            return
        super().reject()

    def _on_saved(self, result: SaveResult) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.fields.show_problems({})
        if result.warnings:
            self.warning_box = _message(
                self.parentWidget(),
                QMessageBox.Icon.Information,
                _("Saved, with notes"),
                _("The member was saved. Please note:"),
                [render(p.message) for p in result.warnings],
            )
            self.warning_box.open()
        self.saved.emit(result.id)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(error, ValidationError):
            show_error(self, error)
            return
        grouped: dict[str, list[str]] = defaultdict(list)
        for problem in error.problems:
            grouped[problem.field].append(render(problem.message))
        self._show_problems(dict(grouped))

    def _show_problems(self, grouped: dict[str, list[str]]) -> None:
        self.fields.show_problems(grouped)
        first = self.fields.first_problem_field(grouped)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        lines = [text for texts in grouped.values() for text in texts]
        self.problem_box = _message(
            self,
            QMessageBox.Icon.Warning,
            _("Please check the input"),
            _("The member was not saved. Please correct the following:"),
            lines,
        )
        # Window-modal and non-blocking: the form stays as typed behind the message.
        self.problem_box.open()


def _message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    lines: list[str],
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText("\n".join(f"• {line}" for line in lines))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
