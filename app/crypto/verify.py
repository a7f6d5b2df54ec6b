"""Checking a signed report PDF (kiểm tra chữ ký số) at the receiving party committee.

pyHanko checks the integrity of the signature and how much of the file it covers. Trust is
decided here, by pinning: the cell's certificate is self-signed, so the receiver registers it
once (comparing the fingerprint read out by phone) and a file is trusted only when its
signer's certificate is one of those registered.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from app.crypto.identity import (
    certificate_names,
    fingerprint,
    fingerprint_bytes,
    may_sign,
    short_fingerprint,
    valid_at,
)
from app.domain.messages import N_, Message

# pyHanko logs the tracebacks of damaged signatures, quoting certificate subjects (names are
# personal data); the verdict is returned in `Verification`, so its log stays silent.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).propagate = False
    logging.getLogger(_name).addHandler(logging.NullHandler())


class Failure(StrEnum):
    """Why a signed file is refused, most serious first."""

    DAMAGED = "damaged"
    NO_SIGNATURE = "no_signature"
    TAMPERED = "tampered"
    NOT_COVERED = "not_covered"
    UNKNOWN_SIGNER = "unknown_signer"
    EXPIRED = "expired"
    NOT_FOR_SIGNING = "not_for_signing"


_REASONS: dict[Failure, str] = {
    Failure.DAMAGED: N_("The file is not a PDF file or it is damaged and cannot be read."),
    Failure.NO_SIGNATURE: N_("The file has no digital signature."),
    Failure.TAMPERED: N_(
        "The file was modified after it was signed: its content no longer matches the "
        "signature. Do not use it; ask the cell to send it again."
    ),
    Failure.NOT_COVERED: N_(
        "Content was added to the file after it was signed: the signature does not cover the "
        "whole file. Do not use it; ask the cell to send it again."
    ),
    Failure.UNKNOWN_SIGNER: N_(
        "The file was signed by a key that is not registered (fingerprint {fingerprint}). "
        "Register the cell's certificate after checking its fingerprint by phone."
    ),
    Failure.EXPIRED: N_(
        "The signer's certificate was not valid when the file was signed ({signed_at}); it is "
        "valid from {valid_from} to {valid_to}."
    ),
    Failure.NOT_FOR_SIGNING: N_("The signer's certificate does not allow signing documents."),
}


@dataclass(frozen=True)
class Verification:
    """The outcome of checking one signed file.

    `attachments` holds the embedded files only when the signature is intact and covers the
    whole file; otherwise it is empty, so unverified data cannot be imported by mistake.
    """

    failure: Failure | None
    reason: Message | None
    signer_name: str = ""
    signer_organisation: str = ""
    fingerprint: str = ""
    short_fingerprint: str = ""
    signed_at: dt.datetime | None = None
    intact: bool = False
    covers_whole_file: bool = False
    trusted: bool = False
    certificate: x509.Certificate | None = None
    attachments: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        """Intact, covering the whole file, signed by a registered, then-valid certificate."""
        return self.failure is None


def _refused(failure: Failure, **params: str) -> Verification:
    return Verification(failure=failure, reason=Message(_REASONS[failure], params))


def verify_pdf(data: bytes, trusted: Sequence[x509.Certificate]) -> Verification:
    """Check the (first) signature of a PDF against the registered certificates `trusted`."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # pyHanko raises many kinds of error on a damaged file
        return _refused(Failure.DAMAGED)
    if not signatures:
        return _refused(Failure.NO_SIGNATURE)
    embedded = signatures[0]
    try:
        certificate = x509.load_der_x509_certificate(embedded.signer_cert.dump())
        signed_at = embedded.self_reported_timestamp
        intact, coverage = _integrity(embedded, certificate, signed_at)
    except Exception:  # an unreadable signature container is a modified one
        return _refused(Failure.TAMPERED)
    covers = coverage == SignatureCoverageLevel.ENTIRE_FILE
    pinned = fingerprint_bytes(certificate) in {fingerprint_bytes(c) for c in trusted}
    # A registered key inside a certificate that is not the registered one: the certificate
    # in the signature was altered (the signature itself does not cover it).
    intact = intact and (pinned or not _same_key_as_any(certificate, trusted))
    names = certificate_names(certificate)
    failure = _first_failure(intact, covers, pinned, certificate, signed_at)
    params = _reason_params(certificate, signed_at)
    return Verification(
        failure=failure,
        reason=Message(_REASONS[failure], params) if failure else None,
        signer_name=names.person,
        signer_organisation=names.organisation,
        fingerprint=fingerprint(certificate),
        short_fingerprint=short_fingerprint(certificate),
        signed_at=signed_at,
        intact=intact,
        covers_whole_file=covers,
        trusted=pinned,
        certificate=certificate,
        attachments=_attachments(reader) if intact and covers else {},
    )


def _same_key_as_any(certificate: x509.Certificate, trusted: Sequence[x509.Certificate]) -> bool:
    key = certificate.public_key()
    return any(c.public_key() == key for c in trusted)


def _first_failure(
    intact: bool,
    covers: bool,
    pinned: bool,
    certificate: x509.Certificate,
    signed_at: dt.datetime | None,
) -> Failure | None:
    if not intact:
        return Failure.TAMPERED
    if not covers:
        return Failure.NOT_COVERED
    if not pinned:
        return Failure.UNKNOWN_SIGNER
    if signed_at is None or not valid_at(certificate, signed_at):
        return Failure.EXPIRED
    if not may_sign(certificate):
        return Failure.NOT_FOR_SIGNING
    return None


def _reason_params(certificate: x509.Certificate, signed_at: dt.datetime | None) -> dict[str, str]:
    def day(moment: dt.datetime) -> str:
        return moment.strftime("%d/%m/%Y")

    return {
        "fingerprint": short_fingerprint(certificate),
        "signed_at": day(signed_at) if signed_at else "?",
        "valid_from": day(certificate.not_valid_before_utc),
        "valid_to": day(certificate.not_valid_after_utc),
    }


def _integrity(
    embedded: EmbeddedPdfSignature,
    certificate: x509.Certificate,
    signed_at: dt.datetime | None,
) -> tuple[bool, SignatureCoverageLevel]:
    """(intact, coverage): the digest matches, the signature over it is sound, and the unused
    room of /Contents is still zeros (a changed byte there would otherwise go unnoticed)."""
    # Trust is decided by pinning, not by pyHanko: the signer's own certificate is the trust
    # root, checked at a moment inside its validity, so its path check never fails or logs.
    moment = min(
        max(signed_at or certificate.not_valid_before_utc, certificate.not_valid_before_utc),
        certificate.not_valid_after_utc,
    )
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(embedded.signer_cert.dump())],
        moment=moment,
        allow_fetching=False,
    )
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})
    status = validate_pdf_signature(embedded, context, key_usage_settings=usage, skip_diff=True)
    intact = bool(
        status.intact
        and status.valid
        and _padding_is_zero(embedded)
        and _digest_algorithms_match(embedded)
        and _container_is_exact(embedded)
    )
    return intact, status.coverage or SignatureCoverageLevel.UNCLEAR


def _digest_algorithms_match(embedded: EmbeddedPdfSignature) -> bool:
    """The container's list of digest algorithms is not signed; it must name exactly the one
    the signature uses, so that no byte of the container can change unnoticed."""
    listed = [algorithm.dump() for algorithm in embedded.signed_data["digest_algorithms"]]
    return listed == [embedded.signer_info["digest_algorithm"].dump()]


#: The DER identifier octet of each field pyHanko writes; its parser reads some fields
#: leniently or not at all, so a changed tag would otherwise go unnoticed.
_SIGNED_DATA_TAGS = {"version": 0x02, "digest_algorithms": 0x31, "signer_infos": 0x31}
_SIGNER_INFO_TAGS = {
    "version": 0x02,
    "sid": 0x30,
    "digest_algorithm": 0x30,
    "signed_attrs": 0xA0,
    "signature_algorithm": 0x30,
    "signature": 0x04,
}


def _container_is_exact(embedded: EmbeddedPdfSignature) -> bool:
    signed_data, signer_info = embedded.signed_data, embedded.signer_info
    try:
        tags_ok = all(
            signed_data[name].dump()[:1] == bytes([tag]) for name, tag in _SIGNED_DATA_TAGS.items()
        ) and all(
            signer_info[name].dump()[:1] == bytes([tag]) for name, tag in _SIGNER_INFO_TAGS.items()
        )
        # The version numbers follow from the rest (RFC 5652 §5.1, §5.3) and are not signed.
        sid = signer_info["sid"]
        by_serial = sid.name == "issuer_and_serial_number"
        versions_ok = signed_data["version"].native in ("v1", "v3") and (
            signer_info["version"].native == ("v1" if by_serial else "v3")
        )
        # pyHanko matches the signer's certificate by a normalised name comparison, which
        # forgives changed bytes; the identifier must name the certificate byte for byte.
        certificate = embedded.signer_cert
        sid_ok = not by_serial or (
            sid.chosen["issuer"].dump() == certificate.issuer.dump()
            and sid.chosen["serial_number"].native == certificate.serial_number
        )
    except ValueError:
        return False
    return tags_ok and versions_ok and sid_ok


def _der_exact(data: bytes, start: int, end: int) -> bool:
    """Whether `data[start:end]` is a run of DER elements whose lengths add up exactly, down
    through every constructed element (a changed length byte cannot hide in the padding)."""
    position = start
    while position < end:
        if end - position < 2:
            return False
        tag, first = data[position], data[position + 1]
        header = 2 if first < 0x80 else 2 + (first & 0x7F)
        # Tag 0 is BER's end-of-contents, never DER: zero padding must not pass as elements.
        if tag == 0 or first == 0x80 or header > 6 or position + header > end:
            return False
        length = first if first < 0x80 else int.from_bytes(data[position + 2 : position + header])
        content_end = position + header + length
        if content_end > end:
            return False
        if tag & 0x20 and not _der_exact(data, position + header, content_end):
            return False
        position = content_end
    return position == end


def _padding_is_zero(embedded: EmbeddedPdfSignature) -> bool:
    contents = bytes(embedded.sig_object["/Contents"])
    used = _der_length(contents)
    return (
        used is not None
        and used <= len(contents)
        and not any(contents[used:])
        and _der_exact(contents, 0, used)
    )


def _der_length(data: bytes) -> int | None:
    """The length of the DER element at the start of `data` (header included)."""
    if len(data) < 2:
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or len(data) < 2 + count:
        return None
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def _attachments(reader: PdfFileReader) -> dict[str, bytes]:
    """The embedded files, by their Unicode name (/UF, else /F)."""
    try:
        tree = reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return {}
    found: dict[str, bytes] = {}
    _walk_name_tree(tree, found)
    return found


def _walk_name_tree(node: generic.DictionaryObject, found: dict[str, bytes]) -> None:
    for kid in _entry(node, "/Kids", generic.ArrayObject()):
        _walk_name_tree(kid.get_object(), found)
    names = _entry(node, "/Names", generic.ArrayObject())
    for index in range(0, len(names) - 1, 2):
        spec = names[index + 1].get_object()
        files = spec["/EF"]
        name = str(_entry(spec, "/UF", _entry(spec, "/F", names[index])))
        stream = _entry(files, "/UF", files["/F"])
        found[name] = stream.data


def _entry(node: generic.DictionaryObject, key: str, default: Any) -> Any:
    """A dictionary entry with indirect references resolved (pyHanko's `get` keeps them)."""
    value = node.get(key)
    return default if value is None else value.get_object()
