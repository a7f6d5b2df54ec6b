"""A signed file opened on its own (`sochibo FILE.scb`, a double-click in Windows): verified and
its verdict shown; at a receiver, "Nhập vào" imports it through the usual import.

At a receiver the file is checked against the registered certificates. At a cell only its
integrity can be checked: the dialog says whose key signed it when it is the cell's own or the
superior committee's, and otherwise asks to compare the short fingerprint by phone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, format_date
from app.services.errors import UserError
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.import_flow import ImportFlow
from app.ui.screens.inbox.presenter import period_text
from app.ui.screens.inbox.widgets import FingerprintLabel
from app.ui.widgets.passphrase import ask_passphrase
from app.ui.widgets.text import Heading

if TYPE_CHECKING:
    from app.crypto.identity import SigningIdentity


def verdict_lines(found: calls.FileCheck, receiver_mode: bool) -> list[str]:
    """What the file is (as far as it could be read) and, for an unchecked signer, what to do."""
    check = found.check
    lines = []
    if check.cell_name:
        lines.append(_("Sender: {name}").format(name=check.cell_name))
    if check.period_label:
        lines.append(_("Period: {period}").format(period=period_text(check.period_label)))
    if check.serial is not None:
        lines.append(_("Serial: {serial}").format(serial=check.serial))
    if check.document_number:
        lines.append(_("Document number: {number}").format(number=check.document_number))
    if check.signer_name:
        lines.append(_("Signed by: {name}").format(name=check.signer_name))
    if check.signed_at is not None:
        local = check.signed_at.astimezone()
        lines.append(
            _("Signed on: {date} {time}").format(
                date=format_date(local.date()), time=f"{local:%H:%M}"
            )
        )
    if check.encrypted:
        lines.append(_("The file was encrypted for the committee."))
    if check.valid and not check.trust_checked and not receiver_mode:
        lines.append(
            _("Signed with {whose}.").format(whose=found.known_signer)
            if found.known_signer
            else _(
                "Only the integrity could be checked: compare the short fingerprint below "
                "with the one the sender reads out by phone."
            )
        )
    return lines


class FileCheckDialog(QDialog):
    """Verifies `path` when shown; offers "Nhập vào" at a receiver for a valid report."""

    def __init__(
        self, ctx: UiContext, path: Path, receiver_mode: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.receiver_mode = receiver_mode
        self.found: calls.FileCheck | None = None
        self._identity: SigningIdentity | None = None
        self.setWindowTitle(_("Check a report file"))
        self.file_label = QLabel(_("File: {name}").format(name=path.name))
        self.file_label.setWordWrap(True)
        self.verdict = Heading(_("Checking the file…"), scale=1.2)
        self.verdict.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.fingerprint_caption = QLabel(_("Short fingerprint of the signer's key:"))
        self.fingerprint = FingerprintLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(_("&Import it"))
        self.import_button.clicked.connect(self.import_file)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setVisible(False)  # after addButton, which shows it: once checked
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.file_label,
            self.verdict,
            self.reason,
            self.details,
            self.fingerprint_caption,
            self.fingerprint,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.flow = ImportFlow(ctx, parent or self)
        self.flow.finished.connect(lambda _outcome: self.accept())
        self._show_fingerprint("")
        self.resize(620, 420)

    def start(self) -> None:
        """Ask for the key when the file is encrypted and there is one, then check."""
        if not calls.is_encrypted_file(self.path):
            self._check(None)
            return
        root = self.ctx.services_data_dir
        self.ctx.jobs.run(
            lambda: calls.has_key(root), self._ask_key, on_error=lambda _e: self._check(None)
        )

    def _ask_key(self, has_key: bool) -> None:
        passphrase = None
        if has_key:
            passphrase = ask_passphrase(
                self,
                new=False,
                purpose=_("The file is encrypted: the key of this data folder opens it."),
            )
        if passphrase is None:
            self._check(None)  # refused with the reason: no key to open it
            return
        root = self.ctx.services_data_dir
        self.ctx.jobs.run(
            lambda: calls.open_key(root, passphrase),
            self._check,
            label=_("Opening the key…"),
            on_error=self._key_failed,
        )

    def _key_failed(self, error: BaseException) -> None:
        show_error(self, error)
        self._check(None)

    def _check(self, identity: SigningIdentity | None) -> None:
        self._identity = identity
        path, receiver_mode = self.path, self.receiver_mode
        self.ctx.jobs.read(
            lambda s: calls.check_file(s, path, identity, receiver_mode),
            self.show_check,
            label=_("Checking the file…"),
            on_error=self._check_failed,
        )

    def _check_failed(self, error: BaseException) -> None:
        self.verdict.setText(_("The file cannot be checked."))
        if isinstance(error, UserError):
            self.reason.setText(error.message)
        else:
            show_error(self, error)  # logged, with details to copy

    def show_check(self, found: calls.FileCheck) -> None:
        self.found = found
        check = found.check
        if check.valid:
            self.verdict.setText(_("✓ The file is valid: signed and unchanged."))
            self.reason.setText(
                _("The signer's certificate is one of the registered ones.")
                if check.trust_checked
                else ""
            )
        else:
            self.verdict.setText(_("✗ The file is refused."))
            self.reason.setText(check.reason)
        self.reason.setVisible(bool(self.reason.text()))
        self.details.setText("\n".join(verdict_lines(found, self.receiver_mode)))
        self._show_fingerprint(check.short_fingerprint)
        self.import_button.setVisible(self.receiver_mode and check.valid)

    def _show_fingerprint(self, short: str) -> None:
        self.fingerprint.setText(short)
        self.fingerprint_caption.setVisible(bool(short))
        self.fingerprint.setVisible(bool(short))

    def import_file(self) -> None:
        """ "Nhập vào": the same import as from a USB stick, for this one file."""
        self.import_button.setEnabled(False)
        self.flow.import_opened([self.path], self._identity)


def open_signed_file(
    ctx: UiContext, path: Path, receiver_mode: bool, parent: QWidget
) -> FileCheckDialog:
    """Show the verification of `path` over `parent` (the main window)."""
    dialog = FileCheckDialog(ctx, path, receiver_mode, parent)
    dialog.open()
    dialog.start()
    return dialog
