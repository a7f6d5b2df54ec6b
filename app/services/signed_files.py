"""Writing a signed file of Sổ Chi bộ (a report, a committee's summary, an acknowledgement).

Every signed file is made and written the same way: embed the JSON, sign the whole PDF
(PAdES), optionally encrypt it for the receiver's certificate (CMS, ".p7m" added to the
name), write it beside the target (temporary file, fsync, rename, fsync of the folder), then
read it back and check it. A full disk or a pulled USB stick gives a clear sentence and never
leaves a file that looks valid.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cryptography import x509

from app.crypto.envelope import encrypt_for
from app.crypto.errors import CryptoError
from app.crypto.identity import SigningIdentity
from app.crypto.pdfsign import sign_pdf
from app.crypto.verify import verify_pdf
from app.l10n import _, render
from app.services.errors import UserError
from app.services.exports import write_bytes_atomic

ENCRYPTED_SUFFIX = ".p7m"


def encrypted_path(path: Path) -> Path:
    """Where an encrypted file goes: the chosen name with ".p7m" added ("x.scb.p7m")."""
    return path if path.suffix.lower() == ENCRYPTED_SUFFIX else path.with_name(path.name + ".p7m")


def refuse_folder(path: Path, example_name: str) -> None:
    """A folder is not a file name: say so, with an example of a name inside it."""
    if path.is_dir():
        raise UserError(
            _("{path} is a folder. Choose a file name inside it, e.g. {example}.").format(
                path=path, example=path / example_name
            )
        )


class ReadBackError(Exception):
    """The file read back differs from what was written, or does not verify."""


def check_signed_bytes(
    data: bytes, identity: SigningIdentity, attachment: str, payload: bytes
) -> None:
    """Raise `ReadBackError` unless `data` is validly signed by `identity` and carries
    `payload` as `attachment`."""
    result = verify_pdf(data, [identity.certificate])
    if not result.valid or result.attachments.get(attachment) != payload:
        raise ReadBackError


def sign_and_seal(
    pdf: bytes,
    attachment: str,
    payload: bytes,
    identity: SigningIdentity,
    *,
    reason: str,
    location: str,
    encrypt_to: x509.Certificate | None,
) -> bytes:
    """The signed file's bytes: `payload` embedded as `attachment`, signed, then encrypted
    for `encrypt_to` when given (checked before, since it cannot be read back after)."""
    signed = sign_pdf(pdf, {attachment: payload}, identity, reason=reason, location=location)
    if encrypt_to is None:
        return signed
    check_signed_bytes(signed, identity, attachment, payload)
    try:
        return encrypt_for(signed, encrypt_to)
    except CryptoError as exc:
        raise UserError(render(exc.message)) from exc


def write_checked(
    path: Path,
    data: bytes,
    identity: SigningIdentity,
    attachment: str,
    payload: bytes,
    *,
    encrypted: bool,
) -> None:
    """Write `data` safely to `path`, read it back and check it; on any mismatch the file is
    deleted and `UserError` says what to do."""
    write_bytes_atomic(path, data)
    sync_folder(path.parent)
    try:
        written = path.read_bytes()
        if written != data:
            raise ReadBackError
        if not encrypted:
            check_signed_bytes(written, identity, attachment, payload)
    except (OSError, ReadBackError) as exc:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        raise UserError(
            _(
                "The file {path} was written but reading it back gave different content "
                "(was the USB stick removed?). It was deleted; check the disk and export "
                "again."
            ).format(path=path)
        ) from exc


def sync_folder(folder: Path) -> None:
    """Make a rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
