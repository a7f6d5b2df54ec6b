"""The cell's signing key (khóa ký số) in the data folder: create, import, show, export.

Keys live in <data folder>/keys/: the private key and certificate as a PKCS#12 file under the
secretary's passphrase (cell-signing.p12) and the certificate alone (cell.crt), which the
program reads without the passphrase. A replaced key is moved to keys/old/<date>/, never
deleted: files signed with it must stay verifiable, and a mistake must be recoverable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import (
    SigningIdentity,
    certificate_names,
    certificate_pem,
    fingerprint,
    generate_identity,
    identity_to_pkcs12,
    is_self_signed,
    load_certificate,
    load_pkcs12,
    short_fingerprint,
)
from app.l10n import _, render
from app.services.errors import UserError
from app.services.exports import write_bytes_atomic

KEYS_DIRNAME = "keys"
OLD_KEYS_DIRNAME = "old"
KEY_FILENAME = "cell-signing.p12"
CERTIFICATE_FILENAME = "cell.crt"
#: The superior committee's certificate, registered by the cell: it signs acknowledgements
#: and reports are encrypted for it.
SUPERIOR_FILENAME = "superior.crt"
#: Shorter passphrases fall to guessing within hours once the key file is copied.
MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True)
class KeyInfo:
    """What the secretary and the receiver need to know about the cell's key.

    `self_made` is True for the certificate the program made (self-signed), False for one
    issued by a certificate authority and imported from a .p12/.pfx file.
    """

    subject: str
    cell: str
    superior: str
    fingerprint: str
    short_fingerprint: str
    valid_from: dt.date
    valid_to: dt.date
    self_made: bool


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def key_info(certificate: x509.Certificate) -> KeyInfo:
    """The `KeyInfo` of a certificate (the cell's own, or one a receiver registers)."""
    names = certificate_names(certificate)
    return KeyInfo(
        subject=names.person,
        cell=names.organisation,
        superior=names.unit,
        fingerprint=fingerprint(certificate),
        short_fingerprint=short_fingerprint(certificate),
        valid_from=certificate.not_valid_before_utc.date(),
        valid_to=certificate.not_valid_after_utc.date(),
        self_made=is_self_signed(certificate),
    )


class KeyService:
    """The signing key of the cell whose data folder is `data_folder`."""

    def __init__(self, data_folder: Path, *, now: Callable[[], dt.datetime] = _utc_now) -> None:
        self.keys_dir = data_folder / KEYS_DIRNAME
        self._now = now

    @property
    def key_path(self) -> Path:
        return self.keys_dir / KEY_FILENAME

    @property
    def certificate_path(self) -> Path:
        return self.keys_dir / CERTIFICATE_FILENAME

    def has_key(self) -> bool:
        """Whether the cell has a signing key yet (made on the first signed export)."""
        return self.key_path.is_file() and self.certificate_path.is_file()

    def certificate(self) -> x509.Certificate | None:
        """The cell's certificate, or None when there is no key yet."""
        if not self.has_key():
            return None
        try:
            return load_certificate(self.certificate_path.read_bytes())
        except (OSError, CryptoError) as exc:
            raise UserError(
                _(
                    "The certificate file {path} cannot be read. Import the key again "
                    "(sochibo keys import-p12) or create a new one."
                ).format(path=self.certificate_path)
            ) from exc

    def info(self) -> KeyInfo | None:
        """The cell's key as shown to the secretary, or None when there is none yet."""
        certificate = self.certificate()
        return None if certificate is None else key_info(certificate)

    def create(
        self, passphrase: str, secretary_name: str, cell_name: str, superior: str
    ) -> KeyInfo:
        """Make a new key and certificate in the names of the secretary and the cell.

        An existing key is moved to keys/old/ first. The passphrase must have at least
        `MIN_PASSPHRASE_LENGTH` characters.
        """
        check_new_passphrase(passphrase)
        if not secretary_name.strip():
            raise UserError(
                _(
                    "The cell profile names no secretary. Choose the secretary in the cell "
                    "profile first: the certificate is made in the secretary's name."
                )
            )
        identity = generate_identity(secretary_name, cell_name, superior, now=self._now())
        self._store(identity, passphrase)
        return key_info(identity.certificate)

    def import_p12(self, path: Path, passphrase: str) -> KeyInfo:
        """Use a key from a certificate authority (.p12/.pfx) as the cell's key.

        The key is stored re-encrypted (AES-256) under the same passphrase; an existing key
        is moved to keys/old/ first.
        """
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(
                _("The key file {path} cannot be read. Check the name and the folder.").format(
                    path=path
                )
            ) from exc
        identity = _user_error(lambda: load_pkcs12(data, passphrase, now=self._now()))
        self._store(identity, passphrase)
        return key_info(identity.certificate)

    def export_certificate(self, path: Path) -> KeyInfo:
        """Write the cell's certificate (PEM) to `path` for enrolment at the receiver."""
        certificate = self._require_certificate()
        write_bytes_atomic(path, certificate_pem(certificate))
        return key_info(certificate)

    @property
    def superior_path(self) -> Path:
        return self.keys_dir / SUPERIOR_FILENAME

    def superior_certificate(self) -> x509.Certificate | None:
        """The superior committee's registered certificate, or None."""
        if not self.superior_path.is_file():
            return None
        try:
            return load_certificate(self.superior_path.read_bytes())
        except (OSError, CryptoError) as exc:
            raise UserError(
                _(
                    "The superior committee's certificate {path} cannot be read. Register it "
                    "again from the file the committee gave you."
                ).format(path=self.superior_path)
            ) from exc

    def register_superior(self, data: bytes) -> KeyInfo:
        """Keep the superior committee's certificate (after comparing its fingerprint by
        phone): acknowledgements must be signed with it, reports may be encrypted for it.
        A replaced one is moved to keys/old/."""
        try:
            certificate = load_certificate(data)
        except CryptoError as exc:
            raise UserError(render(exc.message)) from exc
        self.keys_dir.mkdir(parents=True, exist_ok=True)
        if self.superior_path.exists():
            self._retire([self.superior_path])
        write_bytes_atomic(self.superior_path, certificate_pem(certificate))
        return key_info(certificate)

    def identity(self, passphrase: str) -> SigningIdentity:
        """Open the cell's key with its passphrase, ready to sign or decrypt."""
        self._require_certificate()
        try:
            data = self.key_path.read_bytes()
        except OSError as exc:
            raise UserError(
                _("The key file {path} cannot be read. Check the data folder.").format(
                    path=self.key_path
                )
            ) from exc
        try:
            return load_pkcs12(data, passphrase, now=self._now())
        except CryptoError as exc:
            message = render(exc.message)
            if exc.problem == CryptoProblem.WRONG_PASSPHRASE:
                message = f"{message} {forgotten_passphrase_hint()}"
            raise UserError(message) from exc

    def _require_certificate(self) -> x509.Certificate:
        certificate = self.certificate()
        if certificate is None:
            raise UserError(no_key_message())
        return certificate

    def _store(self, identity: SigningIdentity, passphrase: str) -> None:
        self.keys_dir.mkdir(parents=True, exist_ok=True)
        self._retire_current()
        write_bytes_atomic(self.key_path, identity_to_pkcs12(identity, passphrase))
        # Best effort: other accounts on a shared computer have no business reading it.
        with contextlib.suppress(OSError):
            os.chmod(self.key_path, 0o600)
        write_bytes_atomic(self.certificate_path, certificate_pem(identity.certificate))

    def _retire_current(self) -> None:
        self._retire([p for p in (self.key_path, self.certificate_path) if p.exists()])

    def _retire(self, current: list[Path]) -> None:
        if not current:
            return
        stamp = self._now().astimezone().strftime("%Y-%m-%d_%H%M%S")
        target = self.keys_dir / OLD_KEYS_DIRNAME / stamp
        # Two replacements within one second must not share a folder: the second move would
        # overwrite the first old key, which is never to be lost.
        count = 1
        while any((target / path.name).exists() for path in current):
            count += 1
            target = self.keys_dir / OLD_KEYS_DIRNAME / f"{stamp}-{count}"
        target.mkdir(parents=True, exist_ok=True)
        for path in current:
            shutil.move(path, target / path.name)


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase shorter than `MIN_PASSPHRASE_LENGTH` characters."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            _(
                "The passphrase must have at least {count} characters. Choose a longer one, "
                "for example a short sentence you will remember."
            ).format(count=MIN_PASSPHRASE_LENGTH)
        )


def no_key_message() -> str:
    """The sentence shown when the cell has no signing key yet."""
    return _(
        "The cell has no signing key yet. It is created on the first signed export, or with "
        "“sochibo keys create”; a key from a certificate authority can be loaded with "
        "“sochibo keys import-p12”."
    )


def forgotten_passphrase_hint() -> str:
    """What to do when the passphrase is forgotten: it cannot be recovered."""
    return _(
        "A forgotten passphrase cannot be recovered: create a new key (the old one is kept in "
        "the keys/old folder) and send the new certificate to the superior committee to "
        "register again."
    )


def _user_error(load: Callable[[], SigningIdentity]) -> SigningIdentity:
    try:
        return load()
    except CryptoError as exc:
        raise UserError(render(exc.message)) from exc
