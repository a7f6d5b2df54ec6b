"""Error and confirmation dialogs shared by every screen.

A user error (a rule broken, a field to fix) is shown as a plain Vietnamese sentence. Anything
else is a bug: its stack is logged to the data folder's log file (type and frames only, never
the message, which may quote personal data) and the user sees a short apology with a way to copy
the details for whoever helps them.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Problem
from app.l10n import _, render
from app.services.errors import UserError, ValidationError

log = logging.getLogger("sochibo.ui")


def problems_text(problems: Sequence[Problem]) -> str:
    """One line per problem, rendered in the current language, each starting with a bullet."""
    return "\n".join(f"• {render(problem.message)}" for problem in problems)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show `error` to the user: user errors plainly, unexpected ones logged with details."""
    if isinstance(error, ValidationError):
        box = _message_box(parent, QMessageBox.Icon.Warning, _("Please check the input"))
        box.setText(_("The data was not saved. Please correct the following:"))
        # A batch (import) lists its problems per record in the message itself.
        box.setInformativeText(problems_text(error.problems) if error.problems else error.message)
        box.exec()
    elif isinstance(error, UserError):
        box = _message_box(parent, QMessageBox.Icon.Warning, _("Cannot continue"))
        box.setText(error.message)
        box.exec()
    else:
        log_unexpected(error)
        UnexpectedErrorDialog(parent, error).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """A plain information message with one OK button."""
    box = _message_box(parent, QMessageBox.Icon.Information, title)
    box.setText(text)
    box.exec()


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str,
    no: str,
    destructive: bool = False,
) -> bool:
    """Ask a yes/no question with explicit button words; Esc always answers `no`.

    For a destructive action the safe answer (`no`) is the default button, so a reflexive
    Enter does not delete anything.
    """
    box = _message_box(
        parent, QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title
    )
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button if destructive else yes_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def log_unexpected(error: BaseException) -> None:
    """Log the type and stack of an unexpected error, never its message (personal data)."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("Unexpected error %s\n%s", type(error).__qualname__, frames)


def error_details(error: BaseException) -> str:
    """The full technical text the user may copy (they decide whom to send it to)."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


class UnexpectedErrorDialog(QDialog):
    """ "An unexpected error occurred", with the details and a copy button."""

    def __init__(self, parent: QWidget | None, error: BaseException) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unexpected error"))
        self._details = error_details(error)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        text = QLabel(
            _(
                "An unexpected error occurred. Your saved data is safe. "
                "Please copy the details and send them to the person who supports you."
            )
        )
        text.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        self.details_view = QPlainTextEdit(self._details)
        self.details_view.setReadOnly(True)
        self.copy_button = QPushButton(_("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_details(self) -> None:
        """Put the technical details on the clipboard."""
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(_("Copied"))


def _message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    return box
