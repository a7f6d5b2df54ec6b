"""Checking a signed report file (.scb, or .scb.p7m when encrypted) before trusting it.

With registered certificates (`trusted`), a file is valid when its signature is intact, covers
the whole file and was made by one of them. Without any, only the integrity is checked and the
signer's fingerprint is shown for the user to compare with the one read out by phone. In both
cases the file must carry a report.json of schema "sochibo.report" that this version reads.
The receiver (inbox) builds on this function.
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

    @property
    def cell_name(self) -> str:
        return str(self.payload.get("cell", {}).get("name", ""))

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


def check_report(
    data: bytes,
    trusted: Sequence[x509.Certificate],
    open_key: Callable[[], SigningIdentity | None] | None = None,
) -> ReportCheck:
    """Verify a report file. `open_key` gives the key that opens an encrypted file (called
    only for one; None when there is no key), e.g. the receiver's key after its passphrase."""
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
    }
    problem = _signature_problem(result, checked)
    if problem:
        return _refused(problem, checked, **known)
    raw = result.attachments.get(REPORT_ATTACHMENT)
    payload, problem = _read_payload(raw)
    if problem:
        return _refused(problem, checked, **known)
    return ReportCheck(
        valid=True,
        reason="",
        trust_checked=checked,
        payload=payload,
        payload_bytes=raw or b"",
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


def _read_payload(raw: bytes | None) -> tuple[dict[str, Any], str]:
    if raw is None:
        return {}, not_a_report_reason()
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}, not_a_report_reason()
    if not isinstance(payload, dict) or payload.get("schema") != SCHEMA_NAME:
        return {}, not_a_report_reason()
    version = payload.get("version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        return {}, _(
            "The report was made by a newer version of Sổ Chi bộ (data version {version}). "
            "Update the program to read it."
        ).format(version=version)
    return payload, ""
