"""What the key panel's buttons do, and registering the superior committee's certificate
(also offered by the export wizard): a file dialog, the passphrase when needed, one job, and a
sentence saying what happened and what to do next.

Every change to the keys is broadcast as `Changes.of("keys")`, so the screen shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from app.l10n import _, format_date
from app.services.dto_base import Changes
from app.ui.context import UiContext
from app.ui.dialogs import confirm, show_info
from app.ui.screens.reports.texts import enrolment_text, unbroken
from app.ui.screens.reports.work import desk
from app.ui.widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from app.services.keys import KeyInfo
    from app.services.report_desk import CertificateFile

KEYS_AREA = "keys"
#: ASCII, so that every USB stick and e-mail keeps the name.
CERTIFICATE_FILE_NAME = "chung-thu-so-chi-bo.crt"


def start_folder(ctx: UiContext) -> Path:
    """Where file dialogs open: the folder of the last report saved, else the home folder."""
    folder = Path(ctx.settings.report_folder) if ctx.settings.report_folder else Path.home()
    return folder if folder.is_dir() else Path.home()


def with_suffix(path: Path, suffix: str) -> Path:
    """`path`, with `suffix` added when the name typed has none."""
    if path.suffix or not path.name:  # "/" while a path is being typed has no name yet
        return path
    return path.with_name(path.name + suffix)


class KeyActions:
    """The flows behind the key panel; `superior_committee` names the receiver in texts."""

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        self.ctx = ctx
        self.parent = parent
        self.superior_committee = ""

    def _changed(self) -> None:
        self.ctx.jobs.changed.emit(Changes.of(KEYS_AREA))

    # -- the cell's certificate, for enrolment -----------------------------------------------

    def write_certificate(self) -> None:
        """Ask where, then write the cell's certificate and say how enrolment goes on."""
        path, _chosen = QFileDialog.getSaveFileName(
            self.parent,
            _("Write the certificate to a file"),
            str(start_folder(self.ctx) / CERTIFICATE_FILE_NAME),
            _("Certificates (*.crt)"),
        )
        if not path:
            return
        target = with_suffix(Path(path), ".crt")
        self.ctx.jobs.write(
            lambda s: desk(s).write_certificate(target),
            lambda info: self._certificate_written(target, info),
            label=_("Writing the certificate…"),
        )

    def _certificate_written(self, target: Path, info: KeyInfo) -> None:
        text = _("The certificate was written to {path}.").format(path=target)
        show_info(
            self.parent,
            _("Certificate written"),
            f"{text}\n\n{enrolment_text(self.superior_committee, info.short_fingerprint)}",
        )

    # -- replacing the key -------------------------------------------------------------------

    def new_key(self, has_key: bool) -> None:
        """Make a new key (after a warning when one exists), in the secretary's name."""
        if has_key and not confirm(
            self.parent,
            _("Make a new signing key?"),
            _(
                "The new key replaces the current one, which is kept in the keys/old folder; "
                "reports already sent stay valid. Until the superior committee registers the "
                "new certificate, it cannot trust reports signed with the new key: write the "
                "certificate to a file and read its fingerprint out by phone again."
            ),
            yes=_("&Make a new key"),
            no=_("&Keep the current key"),
            destructive=True,
        ):
            return
        passphrase = ask_passphrase(self.parent, new=True)
        if passphrase is None:
            return
        self.ctx.jobs.write(
            lambda s: desk(s).new_key(passphrase),
            self._key_made,
            label=_("Making the new key…"),
        )

    def _key_made(self, info: KeyInfo) -> None:
        self._changed()
        text = _("A new signing key was created.")
        show_info(
            self.parent,
            _("New signing key"),
            f"{text}\n\n{enrolment_text(self.superior_committee, info.short_fingerprint)}",
        )

    def import_key(self, has_key: bool) -> None:
        """Load a key from a .p12/.pfx file (from a certificate authority)."""
        if has_key and not confirm(
            self.parent,
            _("Load a key from a file?"),
            _(
                "The key from the file replaces the cell's current key, which is kept in the "
                "keys/old folder. The superior committee must register the new certificate "
                "before it trusts reports signed with it."
            ),
            yes=_("&Load the key"),
            no=_("&Keep the current key"),
            destructive=True,
        ):
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.parent,
            _("Choose the key file"),
            str(start_folder(self.ctx)),
            _("Key files (*.p12 *.pfx)"),
        )
        if not path:
            return
        source = Path(path)
        passphrase = ask_passphrase(
            self.parent,
            new=False,
            purpose=_(
                "The passphrase of the key file {name}. The key is kept under the same passphrase."
            ).format(name=source.name),
        )
        if passphrase is None:
            return
        self.ctx.jobs.write(
            lambda s: desk(s).import_key(source, passphrase),
            self._key_imported,
            label=_("Loading the key…"),
        )

    def _key_imported(self, info: KeyInfo) -> None:
        self._changed()
        text = _("The key was imported and is now the cell's signing key.")
        show_info(
            self.parent,
            _("Key loaded"),
            f"{text}\n\n{enrolment_text(self.superior_committee, info.short_fingerprint)}",
        )

    # -- the superior committee's certificate ------------------------------------------------

    def register_superior(
        self, current: KeyInfo | None, on_done: Callable[[KeyInfo], None] | None = None
    ) -> None:
        """Read the certificate the superior committee gave, show its fingerprint, and
        register it once the secretary says the digits matched by phone."""
        path, _chosen = QFileDialog.getOpenFileName(
            self.parent,
            _("Choose the superior committee's certificate"),
            str(start_folder(self.ctx)),
            _("Certificates (*.crt *.cer *.pem)"),
        )
        if not path:
            return
        source = Path(path)
        self.ctx.jobs.read(
            lambda s: desk(s).read_certificate(source),
            lambda found: self._confirm_superior(found, current, on_done),
            label=_("Reading the certificate…"),
        )

    def _confirm_superior(
        self,
        found: CertificateFile,
        current: KeyInfo | None,
        on_done: Callable[[KeyInfo], None] | None,
    ) -> None:
        info = found.info
        lines = [
            _("Committee: {name}").format(name=info.cell or info.subject),
            _("Holder: {name}").format(name=info.subject),
            _("Valid from {start} to {end}").format(
                start=format_date(info.valid_from), end=format_date(info.valid_to)
            ),
            _("Short fingerprint: {short}").format(short=unbroken(info.short_fingerprint)),
            "",
            _(
                "Call the office of the superior committee and ask them to read out the short "
                "fingerprint of their certificate. Register it only if every digit is the same "
                "as above: otherwise someone else may have made this file."
            ),
        ]
        if current is not None:
            lines += [
                "",
                _("It replaces the registered certificate of {name} ({short}).").format(
                    name=current.cell or current.subject, short=current.short_fingerprint
                ),
            ]
        if not confirm(
            self.parent,
            _("Register the superior committee's certificate?"),
            "\n".join(lines),
            yes=_("The digits match: &register"),
            no=_("&Do not register"),
            destructive=True,
        ):
            return
        data = found.data
        self.ctx.jobs.write(
            lambda s: desk(s).register_superior(data),
            lambda registered: self._superior_registered(registered, on_done),
            label=_("Registering the certificate…"),
        )

    def _superior_registered(
        self, info: KeyInfo, on_done: Callable[[KeyInfo], None] | None
    ) -> None:
        self._changed()
        if on_done is not None:
            on_done(info)
