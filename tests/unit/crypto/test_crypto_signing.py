"""Signing a report PDF and checking it: valid, tampered, extended, unknown or expired signer."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader

from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import SigningIdentity, fingerprint, short_fingerprint
from app.crypto.pdfsign import sign_pdf
from app.crypto.verify import Failure, verify_pdf
from app.l10n import render

DATA = {"schema": 1, "cell": "Chi bộ thôn Lũng Cú", "members": 27, "note": "Đảng viên mới: 2"}
ATTACHMENT = json.dumps(DATA, ensure_ascii=False, indent=2).encode("utf-8")


@pytest.fixture(scope="module")
def signed(report_pdf: bytes, cell_identity: SigningIdentity) -> bytes:
    return sign_pdf(
        report_pdf,
        {"bao-cao.json": ATTACHMENT},
        cell_identity,
        reason="Báo cáo tình hình chi bộ",
        location="Lũng Cú",
    )


def _flip(data: bytes, index: int) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


def test_signed_report_verifies_as_valid_and_trusted(
    signed: bytes, cell_identity: SigningIdentity, report_pdf: bytes
) -> None:
    result = verify_pdf(signed, [cell_identity.certificate])
    assert result.valid and result.failure is None and result.reason is None
    assert result.intact and result.covers_whole_file and result.trusted
    assert result.signer_name == "Sùng Mí Páo"
    assert result.signer_organisation == "Chi bộ thôn Lũng Cú"
    assert result.fingerprint == fingerprint(cell_identity.certificate)
    assert result.short_fingerprint == short_fingerprint(cell_identity.certificate)
    assert result.signed_at is not None
    assert json.loads(result.attachments["bao-cao.json"]) == DATA
    assert result.attachments["bao-cao.json"] == ATTACHMENT  # byte for byte
    # PAdES baseline: CAdES detached, SHA-256, an invisible field; the page still reads.
    assert b"/SubFilter /ETSI.CAdES.detached" in signed
    assert signed.startswith(report_pdf)  # an incremental update of the rendered document
    reader = PdfReader(io.BytesIO(signed))
    widget = next(a.get_object() for a in reader.pages[0]["/Annots"])
    assert [float(v) for v in widget["/Rect"]] == [0, 0, 0, 0]
    assert "Tình hình chi bộ quý III năm 2026" in reader.pages[0].extract_text()


def test_poppler_agrees_that_the_whole_file_is_signed(signed: bytes, tmp_path: Path) -> None:
    good, bad = tmp_path / "bao-cao.pdf", tmp_path / "sua.pdf"
    good.write_bytes(signed)
    bad.write_bytes(_flip(signed, len(signed) // 3))
    out = subprocess.run(["pdfsig", good], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    assert "ETSI.CAdES.detached" in out
    tampered = subprocess.run(["pdfsig", bad], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in tampered


def test_one_flipped_byte_anywhere_is_refused(
    signed: bytes, cell_identity: SigningIdentity
) -> None:
    contents = re.search(rb"/Contents <([0-9a-fA-F]+)>", signed)
    assert contents is not None
    hex_digits = contents.group(1)
    padding = contents.start(1) + len(hex_digits.rstrip(b"0")) + 20
    attachment = re.search(rb"/EmbeddedFile(?!s).*?stream\r?\n", signed, re.DOTALL)
    assert attachment is not None
    places = {
        "header": 3,
        "page content": len(signed) // 4,
        "attachment": attachment.end() + 2,
        "signature": contents.start(1) + 200,
        "signature padding": padding,
    }
    for place, index in places.items():
        result = verify_pdf(_flip(signed, index), [cell_identity.certificate])
        assert not result.valid, place
        assert result.failure in (Failure.TAMPERED, Failure.DAMAGED), place
        assert not result.attachments, place
    # Across the signature container too (its certificate, versions and algorithm lists are
    # outside what the RSA signature covers, so the verifier checks them itself).
    for index in range(contents.start(1), contents.end(1), 23):
        assert verify_pdf(_flip(signed, index), [cell_identity.certificate]).failure in (
            Failure.TAMPERED,
            Failure.DAMAGED,
        ), index - contents.start(1)
    tampered = verify_pdf(_flip(signed, places["page content"]), [cell_identity.certificate])
    assert tampered.failure == Failure.TAMPERED
    assert render(tampered.reason).startswith("Tệp đã bị sửa đổi sau khi ký")  # type: ignore[arg-type]


def test_content_appended_after_signing_is_refused(
    signed: bytes, cell_identity: SigningIdentity
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    extended = io.BytesIO()
    writer.write(extended)
    result = verify_pdf(extended.getvalue(), [cell_identity.certificate])
    assert result.failure == Failure.NOT_COVERED
    assert result.intact and not result.covers_whole_file and not result.attachments
    assert "chữ ký không bao trùm toàn bộ tệp" in render(result.reason)  # type: ignore[arg-type]


def test_unknown_signer_is_refused(
    signed: bytes, cell_identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    for trusted in ([other_identity.certificate], []):
        result = verify_pdf(signed, trusted)
        assert result.failure == Failure.UNKNOWN_SIGNER and not result.trusted
        assert result.intact and result.signer_name == "Sùng Mí Páo"
        text = render(result.reason)  # type: ignore[arg-type]
        assert "khóa chưa được đăng ký" in text
        assert short_fingerprint(cell_identity.certificate) in text


def test_certificate_expired_at_signing_time_is_refused(
    report_pdf: bytes, expired_identity: SigningIdentity
) -> None:
    late = sign_pdf(report_pdf, {}, expired_identity, reason="", location="")
    result = verify_pdf(late, [expired_identity.certificate])
    assert result.failure == Failure.EXPIRED and result.intact and result.trusted
    text = render(result.reason)  # type: ignore[arg-type]
    assert "không còn hiệu lực vào lúc ký" in text
    assert expired_identity.certificate.not_valid_after_utc.strftime("%d/%m/%Y") in text


def test_unsigned_and_non_pdf_files(report_pdf: bytes, cell_identity: SigningIdentity) -> None:
    unsigned = verify_pdf(report_pdf, [cell_identity.certificate])
    assert unsigned.failure == Failure.NO_SIGNATURE
    assert render(unsigned.reason) == "Tệp không có chữ ký số."  # type: ignore[arg-type]
    for junk in (b"", b"PK\x03\x04 not a pdf", report_pdf[:200]):
        damaged = verify_pdf(junk, [cell_identity.certificate])
        assert damaged.failure == Failure.DAMAGED
        assert "không đọc được" in render(damaged.reason)  # type: ignore[arg-type]
    with pytest.raises(CryptoError) as error:
        sign_pdf(b"not a pdf", {}, cell_identity, reason="", location="")
    assert error.value.problem == CryptoProblem.NOT_A_PDF
