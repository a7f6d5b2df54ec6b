"""The cells' registered certificates (chi bộ đã đăng ký) and the committee's own key."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, format_date
from app.services.inbox_dto import SenderInfo, SenderPreview
from app.ui.context import UiContext
from app.ui.dialogs import confirm, show_info
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.model import TableModel
from app.ui.screens.inbox.presenter import file_slug, sender_columns
from app.ui.screens.inbox.summary_dialog import certificate_filter
from app.ui.screens.inbox.widgets import FingerprintLabel, read_only_table
from app.ui.screens.members.view import MessageBar
from app.ui.widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from app.services.keys import KeyInfo


def phone_check_text(preview: SenderPreview) -> str:
    """The question asked before a certificate is registered (rich text: a large fingerprint,
    kept on one line so that it reads group by group)."""
    lines = (
        _("Certificate of: {name}").format(name=html.escape(preview.name)),
        _("Holder: {name}").format(name=html.escape(preview.holder)),
        _("Valid until: {date}").format(date=format_date(preview.valid_to)),
    )
    caption = html.escape(_("Short fingerprint:"))
    groups = "&nbsp;&nbsp;".join(html.escape(g) for g in preview.short_fingerprint.split())
    question = html.escape(_("Have you compared the fingerprint with the cell by phone?"))
    advice = html.escape(
        _(
            "Call the cell's secretary and have them read out the short fingerprint "
            "(“sochibo keys show”, or the key panel of their program). Register only if every "
            "digit is the same: otherwise someone else may have made this file."
        )
    )
    return (
        f"<p>{'<br>'.join(lines)}</p><p>{caption}</p>"
        '<p style="font-family: monospace; font-size: x-large; font-weight: bold; '
        f'white-space: nowrap">{groups}</p><p><b>{question}</b></p><p>{advice}</p>'
    )


class SendersTab(QWidget):
    """Registered certificates, register and remove (with undo); the committee's key."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key: KeyInfo | None = None
        self.committee_name = ""
        self.model: TableModel[SenderInfo] = TableModel(sender_columns(), self)
        self.table = read_only_table(self.model)
        self.message = MessageBar()
        # Without a mnemonic: "Ẩ&n" would clash with "&Nhập báo cáo…" above the tabs.
        self.message.close_button.setText(_("Hide"))
        self.register_button = QPushButton(_("Re&gister a certificate…"))
        self.register_button.clicked.connect(self.choose_certificate)
        self.remove_button = QPushButton(_("Re&move the certificate"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.key_text = QLabel()
        self.key_text.setWordWrap(True)
        self.key_caption = QLabel(_("Short fingerprint (read it out to the cells by phone):"))
        self.key_caption.setWordWrap(True)
        self.key_fingerprint = FingerprintLabel(scale=1.3)
        self.write_certificate_button = QPushButton(
            _("&Write the committee's certificate to a file…")
        )
        self.write_certificate_button.clicked.connect(self.choose_certificate_target)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._key_box())
        self.table.selectionModel().selectionChanged.connect(self._update)
        self._update()

    def _key_box(self) -> QGroupBox:
        # Compact: the cells' table above needs the height more than this box does.
        box = QGroupBox(_("The committee's signing key"))
        column = QVBoxLayout(box)
        column.addWidget(self.key_text)
        column.addWidget(self.key_caption)
        row = QHBoxLayout()
        row.addWidget(self.key_fingerprint)
        row.addStretch(1)
        row.addWidget(self.write_certificate_button)
        column.addLayout(row)
        note = QLabel(
            _(
                "The cells need this certificate to encrypt their reports for the committee "
                "and to check its acknowledgements."
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        return box

    def show_senders(self, senders: list[SenderInfo], key: KeyInfo | None, name: str) -> None:
        self.committee_name = name
        self.model.set_rows(senders)
        self.key = key
        if key is None:
            self.key_text.setText(
                _(
                    "The committee has no signing key yet. It is made the first time it is "
                    "needed: when its certificate is written for the cells, or when an "
                    "acknowledgement or a summary report is signed."
                )
            )
        else:
            self.key_text.setText(
                _("Holder: {name}").format(name=key.subject)
                + " — "
                + _("Valid until: {date}").format(date=format_date(key.valid_to))
            )
            self.key_fingerprint.setText(key.short_fingerprint)
        self.key_caption.setVisible(key is not None)
        self.key_fingerprint.setVisible(key is not None)
        self._update()

    def selected(self) -> SenderInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    # -- register ----------------------------------------------------------------------------

    def choose_certificate(self) -> None:
        """ "Đăng ký chứng thư số…": the cell's certificate file."""
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("The cell's certificate"), str(Path.home()), certificate_filter()
        )
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        """Read the certificate, then ask whether its fingerprint was compared by phone."""
        self.ctx.jobs.read(
            lambda s: calls.preview_sender(s, path),
            lambda found: self.ask_phone_check(*found),
            label=_("Reading the certificate…"),
        )

    def ask_phone_check(self, preview: SenderPreview, data: bytes) -> None:
        if not confirm(
            self,
            _("Register the cell's certificate?"),
            phone_check_text(preview),
            yes=_("&Compared, register it"),
            no=_("&Not yet, do not register"),
        ):
            self.message.show_message(
                _(
                    "The certificate of {name} was not registered. Register it after "
                    "comparing the fingerprint by phone."
                ).format(name=preview.name)
            )
            return
        self.register(data)

    def register(self, data: bytes) -> None:
        self.ctx.jobs.write(
            lambda s: calls.add_sender(s, data),
            lambda done: self.message.show_message(
                _("The certificate of {name} was registered.").format(name=done.value.name)
            ),
            label=_("Registering the certificate…"),
        )

    # -- remove and undo ---------------------------------------------------------------------

    def remove_selected(self) -> None:
        sender = self.selected()
        if sender is None:
            return
        if not confirm(
            self,
            _("Remove the certificate?"),
            _(
                "Reports signed with the certificate of {name} will be refused from now on. "
                "The reports already received stay. You can undo this right after."
            ).format(name=sender.name),
            yes=_("Re&move"),
            no=_("&Keep"),
            destructive=True,
        ):
            return
        sender_id, name = sender.id, sender.name
        self.ctx.jobs.write(
            lambda s: calls.remove_sender(s, sender_id),
            lambda done: self.message.show_message(
                _("The certificate of {name} was removed.").format(name=name),
                undo=lambda: self.register(done.value),
            ),
            label=_("Removing the certificate…"),
        )

    # -- the committee's certificate for the cells -------------------------------------------

    def choose_certificate_target(self) -> None:
        """Make the key first if needed (a new passphrase, twice), then ask where to write."""
        passphrase: str | None = None
        if self.key is None:
            passphrase = ask_passphrase(
                self,
                new=True,
                purpose=_("The committee's signing key is made now, in the signer's name."),
            )
            if passphrase is None:
                return
        name = f"chung-thu-{file_slug(self.committee_name or 'cap-uy')}.crt"
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            _("Write the committee's certificate"),
            str(Path.home() / name),
            certificate_filter(),
        )
        if path:
            self.write_certificate(passphrase, Path(path))

    def write_certificate(self, passphrase: str | None, target: Path) -> None:
        self.ctx.jobs.write(
            lambda s: calls.export_certificate(s, passphrase, target),
            lambda done: self._certificate_written(done.value, target),
            label=_("Writing the certificate…"),
        )

    def _certificate_written(self, key: KeyInfo, target: Path) -> None:
        show_info(
            self,
            _("Certificate written"),
            _("The committee's certificate was written to {path}.").format(path=str(target))
            + "\n\n"
            + _(
                "Give it to the cells (USB stick or e-mail). When each cell registers it, read "
                "out the short fingerprint by phone: {short}"
            ).format(short=key.short_fingerprint),
        )
