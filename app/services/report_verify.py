"""Checking a signed file of Sổ Chi bộ (.scb, or .scb.p7m when encrypted) before trusting it.

Three kinds of signed file travel between the levels, each a PDF with one JSON attachment:
a cell's report (report.json, schema "sochibo.report"), a committee's summary of its cells
(summary.json, "sochibo.summary") and the receiver's acknowledgement (ack.json, "sochibo.ack").

With registered certificates (`trusted`), a file is valid when its signature is intact, covers
the whole file and was made by one of them. Without any, only the integrity is checked and the
signer's fingerprint is shown for the user to compare with the one read out by phone. In both
cases the file must carry the attachment of one of the kinds asked for, in a version this
program reads. The receiver (inbox) and the acknowledgement import build on `check_signed`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from app.crypto.envelope import decrypt, is_encrypted
from app.crypto.errors import CryptoError
from app.crypto.identity import SigningIdentity, may_sign, valid_at
from app.crypto.verify import Failure, Verification, verify_pdf
from app.l10n import _, render
from app.services.report_data import SCHEMA_NAME, SCHEMA_VERSION
from app.services.report_export import REPORT_ATTACHMENT


@dataclass(frozen=True)
class SignedKind:
    """One kind of signed file: its attachment's name, schema and the newest version read."""

    attachment: str
    schema: str
    version: int


REPORT = SignedKind(REPORT_ATTACHMENT, SCHEMA_NAME, SCHEMA_VERSION)
SUMMARY = SignedKind("summary.json", "sochibo.summary", 1)
ACK = SignedKind("ack.json", "sochibo.ack", 1)
#: What a receiver imports: reports of cells and summaries of committees.
RECEIVED_KINDS = (REPORT, SUMMARY)


@dataclass(frozen=True)
class ReportCheck:
    """The verdict on one report file. `reason` (translated) says why it is refused; the
    other fields are filled as far as the file could be read. `trust_checked` is False when no
    certificate was given to compare the signer with."""

    valid: bool
    reason: str
    trust_checked: bool
    encrypted: bool = False
    signer_name: str = ""
    fingerprint: str = ""
    short_fingerprint: str = ""
    signed_at: dt.datetime | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)
    payload_bytes: bytes = b""
    #: The kind found (None when refused before the data could be read).
    kind: SignedKind | None = None
    #: The signed PDF (decrypted when the file was encrypted); b"" when refused.
    signed: bytes = b""
    #: Why the signature check failed (None when it passed or was not reached).
    failure: Failure | None = None

    def _sender(self) -> Mapping[str, Any]:
        sender = self.payload.get("cell") or self.payload.get("committee") or {}
        return sender if isinstance(sender, Mapping) else {}

    @property
    def cell_name(self) -> str:
        """The sender's name: the cell's, or the committee's for a summary."""
        return str(self._sender().get("name", ""))

    @property
    def sender_uid(self) -> str:
        return str(self._sender().get("uid", ""))

    @property
    def period_label(self) -> str:
        return str(self.payload.get("period", {}).get("label", ""))

    @property
    def serial(self) -> int | None:
        value = self.payload.get("serial")
        return value if isinstance(value, int) else None

    @property
    def document_number(self) -> str:
        return str(self.payload.get("document_number", ""))


def _refused(reason: str, trust_checked: bool, **known: Any) -> ReportCheck:
    return ReportCheck(valid=False, reason=reason, trust_checked=trust_checked, **known)


def not_a_report_reason() -> str:
    """Why a signed PDF without report data is refused."""
    return _(
        "The file is a signed PDF but not a report of Sổ Chi bộ: it carries no report data. "
        "Ask the cell to export the report again."
    )


def not_an_ack_reason() -> str:
    """Why a signed PDF without acknowledgement data is refused."""
    return _(
        "The file is a signed PDF but not an acknowledgement of Sổ Chi bộ: it carries no "
        "acknowledgement data. Ask the superior committee for the acknowledgement file again."
    )


def check_report(
    data: bytes,
    trusted: Sequence[x509.Certificate],
    open_key: Callable[[], SigningIdentity | None] | None = None,
) -> ReportCheck:
    """Verify a cell's report file. `open_key` gives the key that opens an encrypted file
    (called only for one; None when there is no key), e.g. the receiver's key."""
    return check_signed(data, trusted, open_key, (REPORT,))


def check_signed(
    data: bytes,
    trusted: Sequence[x509.Certificate],
    open_key: Callable[[], SigningIdentity | None] | None,
    kinds: Sequence[SignedKind],
) -> ReportCheck:
    """Verify a signed file that must be one of `kinds` (see `check_report`)."""
    checked = bool(trusted)
    encrypted = is_encrypted(data)
    if encrypted:
        identity = open_key() if open_key is not None else None
        if identity is None:
            return _refused(_encrypted_reason(), checked, encrypted=True)
        try:
            data = decrypt(data, identity)
        except CryptoError as exc:
            return _refused(render(exc.message), checked, encrypted=True)
    result = verify_pdf(data, trusted)
    known: dict[str, Any] = {
        "encrypted": encrypted,
        "signer_name": result.signer_name,
        "fingerprint": result.fingerprint,
        "short_fingerprint": result.short_fingerprint,
        "signed_at": result.signed_at,
        "failure": result.failure,
    }
    problem = _signature_problem(result, checked)
    if problem:
        return _refused(problem, checked, **known)
    kind = next((k for k in kinds if k.attachment in result.attachments), None)
    raw = result.attachments.get(kind.attachment) if kind else None
    payload, problem = _read_payload(raw, kind or kinds[0])
    if problem:
        return _refused(problem, checked, **known)
    return ReportCheck(
        valid=True,
        reason="",
        trust_checked=checked,
        payload=payload,
        payload_bytes=raw or b"",
        kind=kind,
        signed=data,
        **known,
    )


def _encrypted_reason() -> str:
    return _(
        "The file is encrypted for its receiver and this data folder has no key to open it. "
        "Only the superior committee that holds the receiver's key can open it."
    )


def _signature_problem(result: Verification, trust_checked: bool) -> str:
    """The reason the signature is refused, or ""; without trusted certificates an unknown
    signer is expected, but the certificate must still have been usable for signing."""
    if result.valid:
        return ""
    if trust_checked or result.failure is not Failure.UNKNOWN_SIGNER:
        return render(result.reason) if result.reason else ""
    certificate = result.certificate
    if (
        certificate is None
        or result.signed_at is None
        or not valid_at(certificate, result.signed_at)
    ):
        return _(
            "The signer's certificate was not valid when the file was signed. Ask the cell "
            "to check its key and export the report again."
        )
    if not may_sign(certificate):
        return _(
            "The signer's certificate does not allow signing documents. Ask the cell to "
            "export the report again with a signing key."
        )
    return ""


def _read_payload(raw: bytes | None, kind: SignedKind) -> tuple[dict[str, Any], str]:
    missing = not_an_ack_reason() if kind is ACK else not_a_report_reason()
    if raw is None:
        return {}, missing
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}, missing
    if not isinstance(payload, dict) or payload.get("schema") != kind.schema:
        return {}, missing
    version = payload.get("version")
    if not isinstance(version, int) or version > kind.version:
        return {}, _(
            "The report was made by a newer version of Sổ Chi bộ (data version {version}). "
            "Update the program to read it."
        ).format(version=version)
    return payload, ""
