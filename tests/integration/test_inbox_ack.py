"""Acknowledgements back to the cell and the committee's own summary to the province, on real
data folders: signed, checked at the other end, tampering and mix-ups refused."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from pypdf import PdfReader

from app.domain.periods import parse_period
from app.services.acks import AckImporter
from app.services.errors import UserError
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_ack import AckService
from app.services.inbox_dto import ReceiverInput
from app.services.inbox_import import InboxImporter
from app.services.inbox_summary import SummaryExportService
from app.services.keys import KeyService
from app.services.report_export import ReportExportService
from app.services.report_verify import ACK, SUMMARY, check_signed
from app.storage.models import Export
from tests.integration.inbox_world import (
    World,
    build_world,
    certificate_bytes,
    copy_folder,
    identity_of,
    make_receiver,
    open_services,
)
from tests.schema_check import validate

PROVINCE = ReceiverInput(
    committee_name="Ban Thường vụ Tỉnh ủy Tuyên Quang",
    superior_body="BAN CHẤP HÀNH TRUNG ƯƠNG",
    superior_committee="Ban Tổ chức Trung ương",
    place_name="Tuyên Quang",
    signer_name="Trần Văn Cường",
    signer_title="PHÓ BÍ THƯ",
    term_start=dt.date(2025, 10, 15),
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("world"))


@pytest.fixture
def commune(world: World, tmp_path: Path) -> Iterator[Services]:
    """The commune with cells A and B registered and their November reports imported."""
    services = open_services(copy_folder(world.commune, tmp_path / "commune"))
    inbox = InboxService(services.context)
    inbox.add_sender(certificate_bytes(world.cell_a))
    inbox.add_sender(certificate_bytes(world.cell_b))
    outcome = InboxImporter(services.context, services.paths).import_files(
        [world.files["a3-nov"], world.files["b1-nov"]], lambda: identity_of(world.commune)
    )
    assert outcome.accepted == 2
    yield services
    services.close()


@pytest.fixture
def cell_a(world: World, tmp_path: Path) -> Iterator[Services]:
    """Cell A (its exports already in its history) with the commune's certificate registered."""
    folder = copy_folder(world.cell_a, tmp_path / "cell-a")
    KeyService(folder).register_superior(certificate_bytes(world.commune))
    services = open_services(folder)
    yield services
    services.close()


def acknowledge(commune: Services, world: World, name: str, target: Path) -> Path:
    acks = AckService(commune.context)
    report_id = acks.report_of_file(world.files[name].read_bytes())
    return acks.acknowledge(report_id, identity_of(commune.paths.root), target).path


def superior(services: Services) -> list[x509.Certificate]:
    found = KeyService(services.paths.root).superior_certificate()
    return [found] if found is not None else []


def test_the_acknowledgement_marks_the_export_received_at_the_cell(
    commune: Services, cell_a: Services, world: World, tmp_path: Path
) -> None:
    ack = acknowledge(commune, world, "a3-nov", tmp_path / "bien-nhan.scb")
    text = "".join(p.extract_text() for p in PdfReader(ack).pages)
    for line in (
        "ĐẢNG BỘ TỈNH TUYÊN QUANG",
        "ĐẢNG ỦY XÃ LŨNG CÚ",
        "GIẤY BIÊN NHẬN",
        "Đã nhận báo cáo của Chi bộ thôn Lũng Cú tháng 11 năm 2026",
        "đã nhận báo cáo số 03-BC/CB",
        "T/M ĐẢNG ỦY",
        "Lưu Văn phòng Đảng ủy.",
    ):
        assert line in text
    acked = [r for r in InboxService(commune.context).reports() if r.acked_at is not None]
    assert [(r.sender_name, r.serial) for r in acked] == [("Chi bộ thôn Lũng Cú", 3)]

    importer = AckImporter(cell_a.context)
    result = importer.import_ack(ack.read_bytes(), superior(cell_a))
    assert (result.serial, result.period_label, result.already) == (3, "2026-11", False)
    assert result.receiver_name == "Đảng ủy xã Lũng Cú"
    history = {e.serial: e for e in ReportExportService(cell_a).history()}
    assert history[3].received_at is not None and history[2].received_at is None
    # Twice is harmless.
    assert importer.import_ack(ack.read_bytes(), superior(cell_a)).already


def test_an_acknowledgement_for_another_cell_or_a_changed_file_is_refused(
    commune: Services, world: World, tmp_path: Path
) -> None:
    ack = acknowledge(commune, world, "b1-nov", tmp_path / "bien-nhan-b.scb").read_bytes()
    folder = copy_folder(world.cell_a, tmp_path / "cell-a")
    KeyService(folder).register_superior(certificate_bytes(world.commune))
    services = open_services(folder)
    try:
        with pytest.raises(UserError, match="là của chi bộ khác"):
            AckImporter(services.context).import_ack(ack, superior(services))
    finally:
        services.close()
    # At cell B, its export record says another digest: the committee got another file.
    folder_b = copy_folder(world.cell_b, tmp_path / "cell-b")
    KeyService(folder_b).register_superior(certificate_bytes(world.commune))
    services = open_services(folder_b)
    try:
        with services.context.db.unit_of_work() as session:
            for row in session.query(Export):
                row.sha256 = "0" * 64
        with pytest.raises(UserError, match="xác nhận một tệp khác"):
            AckImporter(services.context).import_ack(ack, superior(services))
    finally:
        services.close()


def test_a_tampered_or_foreign_acknowledgement_is_refused(
    commune: Services, cell_a: Services, world: World, tmp_path: Path
) -> None:
    ack = bytearray(acknowledge(commune, world, "a3-nov", tmp_path / "bn.scb").read_bytes())
    ack[len(ack) // 2] ^= 0x01
    with pytest.raises(UserError) as caught:
        AckImporter(cell_a.context).import_ack(bytes(ack), superior(cell_a))
    assert "hãy đề nghị cấp ủy cấp trên gửi lại" in caught.value.message
    # Signed by another committee's key than the registered one.
    other = open_services(copy_folder(world.other, tmp_path / "other"))
    try:
        inbox = InboxService(other.context)
        inbox.add_sender(certificate_bytes(world.cell_a))
        InboxImporter(other.context, other.paths).import_files(
            [world.files["a2-nov"]], lambda: None
        )
        acks = AckService(other.context)
        report = acks.report_of_file(world.files["a2-nov"].read_bytes())
        foreign = acks.acknowledge(report, identity_of(world.other), tmp_path / "f.scb").path
    finally:
        other.close()
    with pytest.raises(UserError, match="chưa được đăng ký"):
        AckImporter(cell_a.context).import_ack(foreign.read_bytes(), superior(cell_a))
    # No registered certificate at all: said plainly.
    with pytest.raises(UserError, match="Chưa đăng ký chứng thư số của cấp ủy cấp trên"):
        AckImporter(cell_a.context).import_ack(foreign.read_bytes(), [])
    # A report is not an acknowledgement.
    with pytest.raises(UserError, match="không phải giấy biên nhận"):
        signer = KeyService(world.cell_a).certificate()
        assert signer is not None
        AckImporter(cell_a.context).import_ack(world.files["a2-nov"].read_bytes(), [signer])


def test_a_file_that_was_not_imported_gets_no_acknowledgement(
    commune: Services, world: World
) -> None:
    with pytest.raises(UserError, match="chưa được nhập"):
        AckService(commune.context).report_of_file(world.files["a1-oct"].read_bytes())


def test_the_commune_summary_goes_to_the_province_and_is_imported_there(
    commune: Services, world: World, tmp_path: Path
) -> None:
    exporter = SummaryExportService(commune.context)
    province = tmp_path / "province"
    make_receiver(province, PROVINCE)
    result = exporter.export(
        parse_period("2026-11"),
        tmp_path / "tong-hop.scb",
        identity_of(commune.paths.root),
        KeyService(province).certificate(),
    )
    assert result.path.name == "tong-hop.scb.p7m" and result.number == "Số 01-BC/ĐU"
    assert [(h.serial, h.state) for h in exporter.history()] == [(1, "done")]

    services = open_services(province)
    try:
        InboxService(services.context).add_sender(certificate_bytes(world.commune))
        outcome = InboxImporter(services.context, services.paths).import_files(
            [result.path], lambda: identity_of(province)
        )
        assert outcome.accepted == 1, outcome.files
        table = InboxService(services.context).period_table(parse_period("2026-11"))
        # The province acknowledges the summary; the commune marks its export received.
        acks = AckService(services.context)
        report_id = acks.report_of_file(result.path.read_bytes())
        ack = acks.acknowledge(report_id, identity_of(province), tmp_path / "bn-tinh.scb").path
    finally:
        services.close()
    KeyService(commune.paths.root).register_superior(certificate_bytes(province))
    taken = AckImporter(commune.context).import_ack(ack.read_bytes(), superior(commune))
    assert (taken.serial, taken.receiver_name) == (1, "Ban Thường vụ Tỉnh ủy Tuyên Quang")
    assert not taken.already
    assert exporter.history()[0].received_at is not None
    (row,) = table.rows
    assert (row.sender_name, row.kind, row.document_number) == (
        "Đảng ủy xã Lũng Cú",
        "committee",
        "Số 01-BC/ĐU",
    )
    # The commune's two cells, both reporting, counted through.
    assert (row.figures.senders, row.figures.reporting) == (2, 2)
    assert row.figures.members == 54


def test_the_summary_document_and_its_data(commune: Services, world: World, tmp_path: Path) -> None:
    result = SummaryExportService(commune.context).export(
        parse_period("2026-11"), tmp_path / "tong-hop.scb", identity_of(commune.paths.root)
    )
    data = result.path.read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for line in (
        "Số 01-BC/ĐU",
        "BÁO CÁO",
        "Tổng hợp tình hình hoạt động của các chi bộ tháng 11 năm 2026",
        "Đã nhận báo cáo của 2/2 chi bộ.",
        "Chi bộ thôn Thèn Pả",
        "T/M ĐẢNG ỦY",
        "Ban Thường vụ Tỉnh ủy Tuyên Quang;",
    ):
        assert line in text, line
    certificate = KeyService(commune.paths.root).certificate()
    assert certificate is not None
    check = check_signed(data, [certificate], None, (SUMMARY,))
    assert check.valid and check.kind is SUMMARY
    payload = json.loads(check.payload_bytes)
    assert payload["committee"]["name"] == "Đảng ủy xã Lũng Cú"
    assert payload["totals"]["senders"] == 2 and payload["totals"]["members"]["total"] == 54
    assert [s["name"] for s in payload["senders"]] == ["Chi bộ thôn Lũng Cú", "Chi bộ thôn Thèn Pả"]


def test_poppler_validates_the_acknowledgement(
    commune: Services, world: World, tmp_path: Path
) -> None:
    ack = acknowledge(commune, world, "a3-nov", tmp_path / "bn.scb")
    pdf = tmp_path / "bn.pdf"
    shutil.copy(ack, pdf)
    out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in out.stdout and "Total document signed" in out.stdout


SCHEMAS = Path(__file__).resolve().parents[2] / "resources" / "schema"


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def test_summary_and_acknowledgement_data_follow_their_published_schemas(
    commune: Services, world: World, tmp_path: Path
) -> None:
    certificate = KeyService(commune.paths.root).certificate()
    assert certificate is not None
    summary = SummaryExportService(commune.context).export(
        parse_period("2026-11"), tmp_path / "th.scb", identity_of(commune.paths.root)
    )
    ack = acknowledge(commune, world, "a3-nov", tmp_path / "bn.scb")
    for path, kind, name in ((summary.path, SUMMARY, "summary-v1.schema.json"),
                             (ack, ACK, "ack-v1.schema.json")):  # fmt: skip
        check = check_signed(path.read_bytes(), [certificate], None, (kind,))
        assert check.valid, check.reason
        schema = _schema(name)
        payload = json.loads(check.payload_bytes)
        validate(payload, schema, schema.get("$defs", {}), kind.schema)
        payload["unexpected"] = 1
        with pytest.raises(AssertionError):
            validate(payload, schema, schema.get("$defs", {}), kind.schema)
