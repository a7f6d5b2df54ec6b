"""What the receiver refuses before it writes anything: an incomplete committee profile, and a
certificate that no report could be trusted with (not a certificate, cannot sign, expired)."""

from __future__ import annotations

from cryptography import x509

from app.crypto.errors import CryptoError
from app.crypto.identity import load_certificate, may_sign
from app.domain.documents import names_district_level
from app.domain.findings import Problem
from app.domain.messages import N_, Message
from app.l10n import _, render
from app.services.errors import UserError
from app.services.inbox_dto import ReceiverInput
from app.storage.models import utc_now

_REQUIRED = {
    "committee_name": N_(
        "The committee's name is empty. Enter the committee that receives the reports, e.g. "
        "“Đảng ủy xã Lũng Cú”."
    ),
    "superior_body": N_(
        "The body above the committee is empty. Enter it as the document header prints it, "
        "e.g. “ĐẢNG BỘ TỈNH TUYÊN QUANG”."
    ),
    "superior_committee": N_(
        "The receiver of the committee's summary is empty. Enter it, e.g. “Ban Thường vụ "
        "Tỉnh ủy Tuyên Quang”."
    ),
    "place_name": N_(
        "The place name is empty. Enter the place written before the date on documents, "
        "e.g. “Lũng Cú”."
    ),
    "signer_name": N_("The signer's name is empty. Enter who signs the committee's documents."),
    "signer_title": N_("The signer's title is empty. Enter it, e.g. “BÍ THƯ”."),
}
_DISTRICT = N_(
    "“{value}” names a district-level body, but there has been no district level since "
    "01/07/2025. Enter the commune, ward or grassroots party committee instead."
)


def receiver_problems(data: ReceiverInput) -> list[Problem]:
    """Every problem of the committee's profile as typed: an empty field, a district-level
    body, a term that ends before it starts."""
    problems = [
        Problem(name, Message(text)) for name, text in _REQUIRED.items() if not getattr(data, name)
    ]
    for name in ("superior_body", "superior_committee"):
        value = getattr(data, name)
        if names_district_level(value):
            problems.append(Problem(name, Message(_DISTRICT, {"value": value})))
    if data.term_start is None:
        message = N_("The start of the committee's term is empty: documents are numbered by term.")
        problems.append(Problem("term_start", Message(message)))
    elif data.term_end is not None and data.term_end <= data.term_start:
        message = N_(
            "The term ends on {end}, which is not after its start {start}. Check both dates."
        )
        problems.append(
            Problem("term_end", Message(message, {"end": data.term_end, "start": data.term_start}))
        )
    return problems


def read_certificate(data: bytes) -> x509.Certificate:
    """A certificate file's content (PEM or DER); `UserError` saying why it is not one."""
    try:
        return load_certificate(data)
    except CryptoError as exc:
        raise UserError(render(exc.message)) from exc


def registrable_certificate(data: bytes) -> x509.Certificate:
    """The certificate in `data` if a report signed with it could be trusted."""
    certificate = read_certificate(data)
    if not may_sign(certificate):
        raise UserError(
            _(
                "This certificate does not allow signing documents, so no report signed "
                "with it could be trusted. Ask the cell for its signing certificate."
            )
        )
    if certificate.not_valid_after_utc.replace(tzinfo=None) < utc_now():
        raise UserError(
            _(
                "This certificate expired on {date}. Ask the cell to make a new key and "
                "send its new certificate."
            ).format(date=certificate.not_valid_after_utc.strftime("%d/%m/%Y"))
        )
    return certificate
