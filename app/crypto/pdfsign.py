"""Signing a report PDF (ký số báo cáo): embedded data files, then a PAdES signature.

The attachments (the machine-readable JSON of the report) are embedded in the same
incremental update as the signature, so the signature covers them. The signature field is
invisible: the visible signature block is drawn by the document layout, because pyHanko's
stamp mis-spaces the Tinos font the documents use.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import SigningIdentity

#: The name of the (invisible) signature field: "digital signature of the cell".
SIGNATURE_FIELD = "ChuKySoChiBo"
JSON_MIME_TYPE = "application/json"


def _asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def pyhanko_signer(identity: SigningIdentity) -> signers.Signer:
    """A pyHanko signer holding the identity's key in memory (a PKCS#11 token would give
    another `Signer` with the same use)."""
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    certificate = _asn1_certificate(identity.certificate)
    chain = [_asn1_certificate(c) for c in identity.chain]
    return signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        # The signer's certificate is embedded by pyHanko anyway; listing it here too would
        # embed a second, unused copy whose bytes could then be changed unnoticed.
        cert_registry=SimpleCertificateStore.from_certs(chain),  # type: ignore[no-untyped-call]
    )


def sign_pdf(
    pdf: bytes,
    attachments: Mapping[str, bytes],
    identity: SigningIdentity,
    reason: str,
    location: str,
) -> bytes:
    """Embed `attachments` ({file name: content}, JSON) and sign the whole file.

    The signature is PAdES (SubFilter ETSI.CAdES.detached) with SHA-256, in an invisible
    field; it covers every byte of the result, attachments included. Raises `CryptoError`
    when `pdf` is not a PDF.
    """
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise CryptoError(CryptoProblem.NOT_A_PDF) from exc
    for name, content in attachments.items():
        _embed(writer, name, content)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    output = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=pyhanko_signer(identity), output=output)
    return output.getvalue()


def _embed(writer: IncrementalPdfFileWriter, name: str, content: bytes) -> None:
    mime = JSON_MIME_TYPE if name.lower().endswith(".json") else None
    stream = embed.EmbeddedFileObject.from_file_data(writer, data=content, mime_type=mime)
    # /F must be PDFDocEncoding; the Unicode name goes into /UF.
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_")
    spec = embed.FileSpec(
        file_spec_string=ascii_name,
        file_name=name,
        embedded_data=stream,
        af_relationship=generic.pdf_name("/Data"),
    )
    embed.embed_file(writer, spec)
