"""Importing report files at the receiver (nhập báo cáo từ USB hoặc thư mục).

Two passes. First every file is read, decrypted when it came encrypted, verified against the
registered certificates and its data checked; a verified file is copied into a staging folder
inside the data folder, so a USB stick pulled halfway loses nothing already read. Then the
verified reports are decided in serial order per sender — the order the files lie on the
stick does not matter — and the accepted ones are stored in one transaction. A refused file
gets its reason (tampered, unknown signer, duplicate, serial reused, out of order, damaged)
and is kept in the refusal log. Stopping during the first pass imports nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.identity import SigningIdentity, load_certificate
from app.domain.dates import utc_instant
from app.domain.inbox import Arrival, Verdict, judge, missing_serials
from app.l10n import _
from app.paths import DataPaths
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.errors import UserError
from app.services.inbox import AREA, arrived_serials, sender_name_of
from app.services.inbox_checks import (
    VERDICT_CODES,
    InboxSenderView,
    Refused,
    arrival_of,
    data_folder_full,
    duplicate_reason,
    read_report_file,
    verdict_reason,
)
from app.services.inbox_dto import FileOutcome, ImportOutcome, Refusal, SenderGap
from app.services.report_verify import RECEIVED_KINDS, ReportCheck, check_signed
from app.storage.models import utc_now
from app.storage.models_inbox import InboxRejection, InboxReport, InboxSender

#: File names a folder scan picks up (a file named on the command line is taken whatever its
#: name): signed reports, and the same encrypted for the receiver.
REPORT_SUFFIXES = (".scb", ".p7m")
STAGING_DIRNAME = ".staging"
#: Folders of a USB stick that never hold reports (Windows' own, hidden ones).
_SKIPPED_FOLDERS = {"system volume information", "$recycle.bin"}

Progress = Callable[[int, int], None]
KeyOpener = Callable[[], SigningIdentity | None]


@dataclass
class _Candidate:
    """A verified file waiting for the decision in serial order."""

    path: Path
    file_sha256: str
    content_sha256: str
    staged: Path
    sender_id: int
    check: ReportCheck
    arrival: Arrival


def report_files(sources: Sequence[Path]) -> list[Path]:
    """The files to import: each file given, and the report files inside each folder given
    (sub-folders included, hidden and system folders left out), in a stable order."""
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found += sorted(_scan(source))
        else:
            found.append(source)
    return found


def _scan(folder: Path) -> Iterator[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name.lower()
        if entry.is_dir():
            if not name.startswith(".") and name not in _SKIPPED_FOLDERS:
                yield from _scan(entry)
        elif name.endswith(REPORT_SUFFIXES) and not name.startswith("."):
            yield entry


class InboxImporter:
    """Imports report files into the receiver's data folder."""

    def __init__(self, ctx: ServiceContext, paths: DataPaths) -> None:
        self._ctx = ctx
        self._paths = paths

    def import_files(
        self,
        sources: Sequence[Path],
        open_key: KeyOpener,
        *,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ImportOutcome:
        """Import the report files in `sources` (files or folders). `open_key` gives the
        receiver's key for encrypted files (asked once, only if one is met); `progress(done,
        total)` is called after each file; `should_stop()` true stops before anything is
        stored."""
        files = report_files(sources)
        staging = self._paths.inbox / STAGING_DIRNAME
        shutil.rmtree(staging, ignore_errors=True)  # left by an import that crashed
        key = _OnceKey(open_key)
        senders, trusted, held = self._known()
        by_file = {h.file_sha256: h for h in held}
        candidates: list[_Candidate] = []
        refusals: dict[Path, Refused] = {}
        digests: dict[Path, str] = {}
        try:
            for number, path in enumerate(files, start=1):
                if should_stop is not None and should_stop():
                    return ImportOutcome(files=(), gaps=(), stopped=True)
                try:
                    data = read_report_file(path)
                    digests[path] = hashlib.sha256(data).hexdigest()
                    if digests[path] in by_file:
                        duplicate = by_file[digests[path]]
                        raise Refused(
                            Refusal.DUPLICATE,
                            duplicate_reason(
                                duplicate.imported_at.date(), duplicate.arrival.serial
                            ),
                        )
                    candidates.append(self._verify(path, data, trusted, senders, key, staging))
                except Refused as refused:
                    refusals[path] = refused
                if progress is not None:
                    progress(number, len(files))
            accepted = self._decide(candidates, held, refusals)
            self._store(accepted, refusals, digests)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        outcomes = {c.path: _accepted(c) for c in accepted}
        outcomes.update({path: _refusal(path, refused) for path, refused in refusals.items()})
        touched = {c.arrival.sender_uid for c in candidates}
        return ImportOutcome(
            files=tuple(outcomes[path] for path in files if path in outcomes),
            gaps=self._gaps(touched),
        )

    # -- pass 1: read and verify ---------------------------------------------------------

    def _known(self) -> tuple[dict[str, InboxSenderView], list[x509.Certificate], list[_Held]]:
        with unit_of_work(self._ctx) as session:
            rows = session.scalars(
                select(InboxSender).where(InboxSender.removed_at.is_(None))
            ).all()
            senders = {
                r.fingerprint: InboxSenderView(r.id, r.uid, r.organisation or r.holder)
                for r in rows
            }
            trusted = [load_certificate(r.certificate.encode("ascii")) for r in rows]
            # Only the columns the decisions need: the data itself may be megabytes in all.
            columns = select(
                InboxReport.sender_uid,
                InboxReport.serial,
                InboxReport.period_label,
                InboxReport.content_sha256,
                InboxReport.sha256,
                InboxReport.imported_at,
            )
            held = [
                _Held(Arrival(uid, serial, period, content), file_sha, imported)
                for uid, serial, period, content, file_sha, imported in session.execute(columns)
            ]
        return senders, trusted, held

    def _verify(
        self,
        path: Path,
        data: bytes,
        trusted: list[x509.Certificate],
        senders: dict[str, InboxSenderView],
        key: _OnceKey,
        staging: Path,
    ) -> _Candidate:
        if not trusted:
            raise Refused(
                Refusal.NO_CERTIFICATES,
                _(
                    "No cell's certificate is registered yet, so no report can be trusted. "
                    "Register the cells' certificates first."
                ),
            )
        check = check_signed(data, trusted, key, RECEIVED_KINDS)
        if not check.valid:
            raise Refused(Refusal.INVALID, check.reason, check)
        sender = senders[check.fingerprint.replace(" ", "")]
        arrival = arrival_of(check, sender)
        content_sha = hashlib.sha256(check.signed).hexdigest()
        staging.mkdir(parents=True, exist_ok=True)
        staged = staging / f"{content_sha}.scb"
        try:
            staged.write_bytes(check.signed)
        except OSError as exc:
            raise Refused(Refusal.DISK_FULL, data_folder_full(), check) from exc
        return _Candidate(
            path=path,
            file_sha256=hashlib.sha256(data).hexdigest(),
            content_sha256=content_sha,
            staged=staged,
            sender_id=sender.id,
            check=check,
            arrival=Arrival(arrival.sender_uid, arrival.serial, arrival.period_label, content_sha),
        )

    # -- pass 2: decide in serial order and store ------------------------------------------

    def _decide(
        self,
        candidates: list[_Candidate],
        held: list[_Held],
        refusals: dict[Path, Refused],
    ) -> list[_Candidate]:
        known = [h.arrival for h in held]
        accepted: list[_Candidate] = []
        for candidate in sorted(candidates, key=lambda c: (c.arrival.sender_uid, c.arrival.serial)):
            verdict, other = judge(candidate.arrival, known)
            if verdict is Verdict.ACCEPT:
                accepted.append(candidate)
                known.append(candidate.arrival)
                continue
            assert other is not None
            reason = verdict_reason(
                verdict, candidate.arrival.serial, candidate.check.cell_name, other
            )
            refusals[candidate.path] = Refused(
                VERDICT_CODES[verdict], reason, candidate.check, candidate.arrival
            )
        return accepted

    def _store(
        self,
        accepted: list[_Candidate],
        refusals: dict[Path, Refused],
        digests: dict[Path, str],
    ) -> None:
        moved: list[Path] = []
        try:
            with unit_of_work(self._ctx) as session:
                for candidate in accepted:
                    moved.append(self._keep_file(candidate))
                    _add_report(session, candidate, moved[-1].relative_to(self._paths.root))
                    sender = session.get(InboxSender, candidate.sender_id)
                    if sender is not None and sender.uid is None:
                        sender.uid = candidate.arrival.sender_uid
                for path, refused in refusals.items():
                    _log_refusal(session, path, digests.get(path, ""), refused)
                if accepted:
                    audit(session, "import", AREA, None, detail=f"{len(accepted)} files")
        except BaseException:
            for path in moved:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise

    def _keep_file(self, candidate: _Candidate) -> Path:
        arrival = candidate.arrival
        folder = self._paths.inbox / arrival.sender_uid
        target = folder / f"{arrival.serial:05d}-{arrival.period_label}.scb"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            candidate.staged.replace(target)
        except OSError as exc:
            raise UserError(data_folder_full()) from exc
        return target

    def _gaps(self, uids: set[str]) -> tuple[SenderGap, ...]:
        with unit_of_work(self._ctx) as session:
            gaps = [
                SenderGap(
                    sender_name_of(session, uid), missing_serials(arrived_serials(session, uid))
                )
                for uid in uids
            ]
        return tuple(sorted((g for g in gaps if g.missing), key=lambda g: g.sender_name))


@dataclass(frozen=True)
class _Held:
    """An accepted report already in the database."""

    arrival: Arrival
    file_sha256: str
    imported_at: dt.datetime


class _OnceKey:
    """Asks for the receiver's key the first time an encrypted file needs it, then keeps it."""

    def __init__(self, open_key: KeyOpener) -> None:
        self._open = open_key
        self._asked = False
        self._identity: SigningIdentity | None = None

    def __call__(self) -> SigningIdentity | None:
        if not self._asked:
            self._identity = self._open()
            self._asked = True
        return self._identity


def _add_report(session: Session, candidate: _Candidate, stored: Path) -> None:
    check, payload = candidate.check, candidate.check.payload
    assert check.kind is not None
    session.add(
        InboxReport(
            sender_id=candidate.sender_id,
            sender_uid=candidate.arrival.sender_uid,
            sender_name=check.cell_name,
            schema=check.kind.schema,
            period_kind=str(payload["period"].get("kind", "")),
            period_label=candidate.arrival.period_label,
            serial=candidate.arrival.serial,
            document_number=str(payload["document_number"]),
            issued_on=dt.date.fromisoformat(payload["issued_on"]),
            created_at=utc_instant(payload["created_at"]),
            signed_at=None
            if check.signed_at is None
            else check.signed_at.astimezone(dt.UTC).replace(tzinfo=None),
            sha256=candidate.file_sha256,
            content_sha256=candidate.content_sha256,
            file_name=candidate.path.name,
            stored_name=stored.as_posix(),
            encrypted=check.encrypted,
            payload=check.payload_bytes.decode("utf-8"),
        )
    )


def _log_refusal(session: Session, path: Path, digest: str, refused: Refused) -> None:
    row = session.scalar(
        select(InboxRejection).where(
            InboxRejection.sha256 == digest,
            InboxRejection.code == refused.code.value,
            InboxRejection.file_name == path.name,
        )
    )
    if row is not None and digest:
        row.times += 1
        row.last_seen = utc_now()
        row.reason = refused.reason
        return
    check, arrival = refused.check, refused.arrival
    session.add(
        InboxRejection(
            file_name=path.name,
            sha256=digest,
            code=refused.code.value,
            reason=refused.reason,
            sender_uid=arrival.sender_uid if arrival is not None else "",
            sender_name=check.cell_name if check is not None else "",
            period_label=arrival.period_label if arrival is not None else "",
            serial=arrival.serial if arrival is not None else None,
        )
    )


def _accepted(candidate: _Candidate) -> FileOutcome:
    return FileOutcome(
        file_name=candidate.path.name,
        code=None,
        reason="",
        sender_name=candidate.check.cell_name,
        period_label=candidate.arrival.period_label,
        serial=candidate.arrival.serial,
    )


def _refusal(path: Path, refused: Refused) -> FileOutcome:
    check = refused.check
    serial = check.serial if check is not None else None
    return FileOutcome(
        file_name=path.name,
        code=refused.code,
        reason=refused.reason,
        sender_name=check.cell_name if check is not None else "",
        period_label=check.period_label if check is not None else "",
        serial=serial,
    )
