"""The signed report file: export on the demo cell, read it back, verify it with pyHanko and
poppler's pdfsig, tamper with it, encrypt it, and keep serials unique through failures."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader
from sqlalchemy import select

from app.crypto.envelope import decrypt
from app.crypto.identity import SigningIdentity, certificate_pem, generate_identity
from app.crypto.verify import verify_pdf
from app.domain.periods import parse_period
from app.paths import DataPaths
from app.services.demo import fill_demo
from app.services.errors import UserError
from app.services.facade import Services
from app.services.report_export import REPORT_ATTACHMENT, ReportExportService
from app.services.report_verify import check_report
from app.storage.models import Cell, DocumentNumber, Export
from tests.schema_check import validate

TODAY = dt.date(2026, 11, 23)
PASSPHRASE = "Chi bộ vững mạnh 2026"
SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema" / "report-v1.schema.json"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data folder with its key, made once: key generation is slow."""
    data = tmp_path_factory.mktemp("demo") / "data"
    services = Services.open(data, today=lambda: TODAY)
    try:
        fill_demo(services)
        ReportExportService(services).signing_identity(PASSPHRASE)
    finally:
        services.close()
    return data


@pytest.fixture
def services(folder: Path) -> Iterator[Services]:
    opened = Services.open(folder, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def exporter(services: Services) -> ReportExportService:
    return ReportExportService(services)


@pytest.fixture
def identity(exporter: ReportExportService) -> SigningIdentity:
    return exporter.signing_identity(PASSPHRASE)


@pytest.fixture(scope="module")
def annual(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The annual report, exported once for the read-only checks."""
    services = Services.open(folder, today=lambda: TODAY)
    try:
        exporter = ReportExportService(services)
        target = tmp_path_factory.mktemp("out") / "bao-cao-2026.scb"
        exporter.export(parse_period("2026"), target, exporter.signing_identity(PASSPHRASE))
    finally:
        services.close()
    return target


def _pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def test_export_verifies_and_round_trips_the_json(annual: Path, identity: SigningIdentity) -> None:
    data = annual.read_bytes()
    result = verify_pdf(data, [identity.certificate])
    assert result.valid
    raw = result.attachments[REPORT_ATTACHMENT]
    payload = json.loads(raw)
    # Byte-identical: serialising the parsed JSON the way the exporter does gives the bytes.
    assert (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode() == raw
    assert payload["schema"] == "sochibo.report" and payload["version"] == 1
    assert payload["period"] == {
        "kind": "year",
        "label": "2026",
        "start": "2026-01-01",
        "end": "2026-12-31",
    }
    assert payload["cell"]["name"] == "Chi bộ thôn Lũng Cú"
    assert len(payload["cell"]["uid"]) == 36
    assert payload["signer"]["name"] == "Sùng Mí Páo"
    check = check_report(data, [identity.certificate])
    assert check.valid and check.trust_checked and check.payload_bytes == raw
    assert (check.cell_name, check.period_label) == ("Chi bộ thôn Lũng Cú", "2026")


def test_pdfsig_says_valid_and_whole_document(annual: Path) -> None:
    report = _pdfsig(annual)
    assert "Signature is Valid" in report
    assert "Total document signed" in report


def test_report_text_has_header_number_parts_and_signature_note(
    annual: Path, identity: SigningIdentity
) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(annual).pages)
    payload = json.loads(
        verify_pdf(annual.read_bytes(), [identity.certificate]).attachments[REPORT_ATTACHMENT]
    )
    for expected in (
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "CHI BỘ THÔN LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        payload["document_number"],
        "BÁO CÁO",
        "Tình hình hoạt động của chi bộ năm 2026",
        "I. TÌNH HÌNH ĐẢNG VIÊN",
        "II. SINH HOẠT CHI BỘ",
        "III. PHÂN CÔNG NHIỆM VỤ",
        "IV. CÁC CHỈ TIÊU",
        "Đến ngày 23/11/2026",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng Mí Páo",
        "Đã ký số: Sùng Mí Páo — 23/11/2026",
        "Đảng ủy xã Lũng Cú",
        "Lưu Chi bộ.",
    ):
        assert expected in text, expected
    assert payload["signer"]["fingerprint"][:24] in " ".join(text.split())


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]


def _offsets(data: bytes) -> dict[str, int]:
    embedded = data.index(b"/Type /EmbeddedFile")
    contents = data.index(b"/Contents <")
    return {
        "header": 5,  # "%PDF-1.x": the version digit
        "body": len(data) // 3,  # inside the first page's content stream
        "attachment": data.index(b"stream\n", embedded) + 20,
        "signature": contents + len(b"/Contents <") + 40,  # inside the DER, not the padding
    }


@pytest.mark.parametrize("where", ["header", "body", "attachment", "signature"])
def test_one_flipped_byte_fails_pyhanko_and_pdfsig(
    where: str, annual: Path, identity: SigningIdentity, tmp_path: Path
) -> None:
    data = annual.read_bytes()
    tampered = tmp_path / "tampered.scb"
    tampered.write_bytes(_flip(data, _offsets(data)[where]))
    assert not verify_pdf(tampered.read_bytes(), [identity.certificate]).valid
    assert not check_report(tampered.read_bytes(), []).valid
    assert "Signature is Valid" not in _pdfsig(tampered)


def _serials(services: Services) -> list[tuple[int, str]]:
    with services.context.db.unit_of_work() as session:
        return [(r.serial, r.state) for r in session.scalars(select(Export).order_by(Export.id))]


def _report_numbers(services: Services) -> list[int]:
    with services.context.db.unit_of_work() as session:
        query = select(DocumentNumber.seq).where(DocumentNumber.type_code == "BC")
        return sorted(session.scalars(query))


def test_serials_increase_and_a_failed_write_keeps_its_serial(
    services: Services,
    exporter: ReportExportService,
    identity: SigningIdentity,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _serials(services)
    first = exporter.export(parse_period("2026-10"), tmp_path / "a.scb", identity)
    numbers = _report_numbers(services)

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "b.scb"
    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", disk_full)
        with pytest.raises(UserError) as caught:
            exporter.export(parse_period("2026-11"), target, identity)
    assert caught.value.message == (
        f"Không lưu được tệp {target}: Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng hoặc chọn "
        "ổ đĩa khác. Chưa có gì được lưu."
    )
    assert not target.exists() and list(tmp_path.iterdir()) == [tmp_path / "a.scb"]
    # The report's number is given back (nothing was issued), the serial is not.
    assert _report_numbers(services) == numbers
    third = exporter.export(parse_period("2026-11"), target, identity)
    assert third.serial == first.serial + 2
    assert _serials(services)[len(before) :] == [
        (first.serial, "done"),
        (first.serial + 1, "failed"),
        (first.serial + 2, "done"),
    ]
    assert third.number != first.number and _report_numbers(services)[-1] == numbers[-1] + 1
    assert [r.serial for r in exporter.history()][:3] == [
        third.serial,
        first.serial + 1,
        first.serial,
    ]


def test_a_folder_removed_before_writing_leaves_nothing(
    services: Services, exporter: ReportExportService, identity: SigningIdentity, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    with pytest.raises(UserError) as caught:
        exporter.export(parse_period("2026-Q3"), usb / "bc.scb", identity)
    assert "Không lưu được tệp" in caught.value.message
    assert not usb.exists()
    assert _serials(services)[-1][1] == "failed"


def test_encrypted_export_opens_with_the_receiver_key_and_openssl(
    exporter: ReportExportService, identity: SigningIdentity, tmp_path: Path
) -> None:
    receiver = generate_identity("Nguyễn Văn Nhận", "Đảng ủy xã Lũng Cú", "")
    result = exporter.export(
        parse_period("2026-Q3"), tmp_path / "q3.scb", identity, receiver.certificate
    )
    assert result.path == tmp_path / "q3.scb.p7m" and result.encrypted
    data = result.path.read_bytes()
    assert b"%PDF" not in data[:64]
    opened = decrypt(data, receiver)
    assert verify_pdf(opened, [identity.certificate]).valid
    assert check_report(data, [identity.certificate], lambda: receiver).valid
    stranger = generate_identity("Người lạ", "", "")
    refused = check_report(data, [identity.certificate], lambda: stranger)
    assert not refused.valid and "mã hóa cho nơi nhận khác" in refused.reason
    key = tmp_path / "key.pem"
    key.write_bytes(
        receiver.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert = tmp_path / "cert.pem"
    cert.write_bytes(certificate_pem(receiver.certificate))
    out = tmp_path / "opened.scb"
    subprocess.run(
        ["openssl", "cms", "-decrypt", "-inform", "DER", "-in", str(result.path),
         "-inkey", str(key), "-recip", str(cert), "-binary", "-out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert out.read_bytes() == opened


def test_a_period_not_yet_begun_is_refused(
    exporter: ReportExportService, identity: SigningIdentity, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as caught:
        exporter.export(parse_period("2026-12"), tmp_path / "x.scb", identity)
    assert caught.value.message == "Kỳ 2026-12 chưa bắt đầu. Hãy chọn một kỳ đã bắt đầu."
    assert not (tmp_path / "x.scb").exists()


def test_the_payload_follows_the_published_schema(annual: Path, identity: SigningIdentity) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    raw = verify_pdf(annual.read_bytes(), [identity.certificate]).attachments[REPORT_ATTACHMENT]
    payload = json.loads(raw)
    assert payload["meetings"] and payload["tasks"] and payload["members"]["changes"]
    validate(payload, schema, schema["$defs"], "report")
    # The validator is not toothless: a missing key and a wrong type are caught.
    del payload["serial"]
    with pytest.raises(AssertionError):
        validate(payload, schema, schema["$defs"], "report")
    payload["serial"] = "1"
    with pytest.raises(AssertionError):
        validate(payload, schema, schema["$defs"], "report")


def test_a_0_1_0_file_gets_a_cell_uid_and_exports_from_serial_1(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "sochibo-0.1.0.sqlite3"
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(fixture, DataPaths(data).database)
    services = Services.open(data, today=lambda: TODAY)
    try:
        with services.context.db.unit_of_work() as session:
            uid = session.scalars(select(Cell.uid)).one()
        assert len(uid) == 36 and str(uuid.UUID(uid)) == uid
        exporter = ReportExportService(services)
        identity = exporter.signing_identity(PASSPHRASE)
        result = exporter.export(parse_period("2026-11"), tmp_path / "bc.scb", identity)
        assert (result.serial, result.number) == (1, "Số 01-BC/CB")
        check = check_report(result.path.read_bytes(), [identity.certificate])
        assert check.valid and check.payload["cell"]["uid"] == uid
        assert check.payload["members"]["at_end"] == {"total": 4, "full": 3, "probationary": 1}
    finally:
        services.close()
