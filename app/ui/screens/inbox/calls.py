"""The receiver's service calls, as the inbox screens hand them to the job runner (no Qt here).

Each function runs on a worker thread. The receiver's services import the signing stack
(pyHanko, cryptography: about as long to load as the database stack), so they are imported in
these functions, on the worker, and never while the window is being built (start-up speed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from app.domain.periods import Period
from app.l10n import _
from app.services.dto_base import Changes
from app.services.errors import UserError
from app.services.inbox_dto import (
    ImportOutcome,
    PeriodTable,
    ReceivedReport,
    ReceiverInfo,
    ReceiverInput,
    Rejection,
    SenderInfo,
    SenderPreview,
)

if TYPE_CHECKING:
    from app.crypto.identity import SigningIdentity
    from app.services.facade import Services
    from app.services.inbox_ack import AckResult
    from app.services.inbox_summary import SummaryResult
    from app.services.keys import KeyInfo
    from app.services.report_verify import ReportCheck

T = TypeVar("T")
AREA = "inbox"
#: The name of a report file encrypted for the receiver ends so (bao-cao.scb.p7m).
ENCRYPTED_SUFFIX = ".p7m"


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result with the `Changes` the job runner broadcasts to the open screens."""

    value: T
    changes: Changes


@dataclass(frozen=True)
class InboxLists:
    """What the three lists of the receiver show, read in one job."""

    receiver: ReceiverInfo | None
    reports: list[ReceivedReport]
    rejections: list[Rejection]
    senders: list[SenderInfo]
    key: KeyInfo | None


@dataclass(frozen=True)
class Scan:
    """The report files found in the folders or files chosen for an import."""

    files: list[Path]
    encrypted: int
    has_key: bool


@dataclass(frozen=True)
class FileCheck:
    """The verdict on one file opened on its own (e.g. double-clicked), not imported."""

    path: Path
    check: ReportCheck
    #: Whose registered key signed it when only integrity could be checked ("" if unknown).
    known_signer: str = ""


def changed() -> Changes:
    return Changes.of(AREA)


def receiver(s: Services) -> ReceiverInfo | None:
    """The committee's profile (read without the signing stack: every start asks)."""
    from app.services.inbox_profile import read_receiver

    return read_receiver(s.context)


def receiver_name(s: Services) -> str:
    """The committee's name for the window title ("" until the profile is saved)."""
    info = receiver(s)
    return info.committee_name if info is not None else ""


def save_receiver(s: Services, data: ReceiverInput) -> Changes:
    from app.services.inbox import InboxService

    return InboxService(s.context).save_receiver(data)


def lists(s: Services) -> InboxLists:
    from app.services.inbox import InboxService
    from app.services.keys import KeyService

    inbox = InboxService(s.context)
    return InboxLists(
        receiver=inbox.receiver(),
        reports=inbox.reports(),
        rejections=inbox.rejections(),
        senders=inbox.senders(),
        key=KeyService(s.paths.root).info(),
    )


def period_table(s: Services, period: Period) -> PeriodTable:
    from app.services.inbox import InboxService

    return InboxService(s.context).period_table(period)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            _(
                "The file {path} cannot be read. Check that the USB stick is still plugged in."
            ).format(path=str(path))
        ) from exc


def preview_sender(s: Services, path: Path) -> tuple[SenderPreview, bytes]:
    """The certificate in `path` as it would be registered, and its bytes."""
    from app.services.inbox import InboxService

    data = _read(path)
    return InboxService(s.context).preview_sender(data), data


def add_sender(s: Services, data: bytes) -> Done[SenderInfo]:
    from app.services.inbox import InboxService

    return Done(InboxService(s.context).add_sender(data), changed())


def remove_sender(s: Services, sender_id: int) -> Done[bytes]:
    """Remove a certificate; the value is the certificate, to register it again on undo."""
    from app.services.inbox import InboxService

    inbox = InboxService(s.context)
    certificate = inbox.sender_certificate(sender_id)
    return Done(certificate, inbox.remove_sender(sender_id))


def scan(root: Path, sources: Sequence[Path]) -> Scan:
    """The report files in `sources`, how many are encrypted, and whether there is a key."""
    from app.services.inbox_import import report_files
    from app.services.keys import KeyService

    files = report_files(sources)
    encrypted = sum(p.name.lower().endswith(ENCRYPTED_SUFFIX) for p in files)
    return Scan(files, encrypted, KeyService(root).has_key())


def open_key(root: Path, passphrase: str) -> SigningIdentity:
    """The committee's existing key, opened (refuses a wrong passphrase)."""
    from app.services.keys import KeyService

    return KeyService(root).identity(passphrase)


def receiver_key(s: Services, passphrase: str) -> SigningIdentity:
    """The committee's key, made first (in the signer's and committee's names) if none."""
    from app.services.inbox_ack import receiver_identity
    from app.services.keys import KeyService

    return receiver_identity(s.context, KeyService(s.paths.root), passphrase)


def import_files(
    s: Services,
    sources: Sequence[Path],
    identity: SigningIdentity | None,
    progress: Callable[[int, int], None],
    stop: threading.Event,
) -> Done[ImportOutcome]:
    from app.services.inbox_import import InboxImporter

    outcome = InboxImporter(s.context, s.paths).import_files(
        sources, lambda: identity, progress=progress, should_stop=stop.is_set
    )
    return Done(outcome, changed())


def acknowledge(s: Services, report_id: int, passphrase: str, target: Path) -> Done[AckResult]:
    from app.services.inbox_ack import AckService

    identity = receiver_key(s, passphrase)
    return Done(AckService(s.context).acknowledge(report_id, identity, target), changed())


def export_summary(
    s: Services, period: Period, target: Path, passphrase: str, recipient: Path | None
) -> Done[SummaryResult]:
    from app.services.inbox_summary import SummaryExportService
    from app.services.inbox_validation import read_certificate

    certificate = read_certificate(_read(recipient)) if recipient is not None else None
    identity = receiver_key(s, passphrase)
    result = SummaryExportService(s.context).export(period, target, identity, certificate)
    return Done(result, changed())


def export_certificate(s: Services, passphrase: str | None, target: Path) -> Done[KeyInfo]:
    """Write the committee's certificate for the cells; the key is made first when there is
    none yet (`passphrase` is then the new key's)."""
    from app.services.keys import KeyService

    keys = KeyService(s.paths.root)
    if not keys.has_key():
        if passphrase is None:
            raise UserError(_("The committee has no signing key yet."))
        receiver_key(s, passphrase)
    return Done(keys.export_certificate(target), changed())


def has_key(root: Path) -> bool:
    from app.services.keys import KeyService

    return KeyService(root).has_key()


def check_file(
    s: Services, path: Path, identity: SigningIdentity | None, receiver_mode: bool
) -> FileCheck:
    """Verify one signed file without importing it: against the registered certificates at a
    receiver; at a cell, its integrity, naming the cell's own or the superior's key."""
    from app.services.keys import KeyService, key_info
    from app.services.report_verify import ACK, RECEIVED_KINDS, check_signed

    data = _read(path)
    if receiver_mode:
        from app.services.inbox import InboxService

        trusted = InboxService(s.context).trusted_certificates()
        return FileCheck(path, check_signed(data, trusted, lambda: identity, RECEIVED_KINDS))
    check = check_signed(data, [], lambda: identity, (*RECEIVED_KINDS, ACK))
    keys = KeyService(s.paths.root)
    known: dict[str, str] = {}
    own, superior = keys.certificate(), keys.superior_certificate()
    if own is not None:
        known[key_info(own).fingerprint] = _("this cell's own key")
    if superior is not None:
        known[key_info(superior).fingerprint] = _("the superior committee's registered key")
    return FileCheck(path, check, known.get(check.fingerprint, ""))


def is_encrypted_file(path: Path) -> bool:
    return path.name.lower().endswith(ENCRYPTED_SUFFIX)
