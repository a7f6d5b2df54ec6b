"""The Reports desk on real data folders: a draft preview reserves nothing, an export can be
encrypted only for a registered superior committee, the key's life, the superior committee's
certificate, and acknowledgements taken in."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.domain.periods import parse_period
from app.services.errors import UserError
from app.services.facade import Services
from app.services.keys import KeyService
from app.services.report_desk import ReportDesk
from app.services.report_verify import check_report
from app.storage.models import DocumentNumber, Export
from tests.integration.desk_world import (
    PASSPHRASE,
    DeskWorld,
    acknowledgement,
    build_desk_world,
    copy_folder,
)
from tests.integration.inbox_world import certificate_bytes, open_services


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> DeskWorld:
    return build_desk_world(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def services(world: DeskWorld, tmp_path: Path) -> Iterator[Services]:
    opened = open_services(copy_folder(world.cell_with_key, tmp_path / "cell"))
    yield opened
    opened.close()


@pytest.fixture
def desk(services: Services) -> ReportDesk:
    return ReportDesk(services)


def _counts(services: Services) -> tuple[int, int]:
    with services.context.db.unit_of_work() as session:
        exports = session.scalar(select(func.count()).select_from(Export)) or 0
        numbers = session.scalar(select(func.count()).select_from(DocumentNumber)) or 0
    return exports, numbers


def test_the_preview_is_a_draft_without_number_and_reserves_nothing(
    services: Services, desk: ReportDesk
) -> None:
    before = _counts(services)
    data = desk.preview(parse_period("2026-11"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "DỰ THẢO" in text
    assert "BÁO CÁO" in text
    assert "Tình hình hoạt động của chi bộ tháng 11 năm 2026" in text
    assert "-BC/CB" in text and "Số 0" not in text  # the number is left blank
    assert "Đã ký số" not in text  # not signed
    assert _counts(services) == before


def test_check_and_preview_refuse_a_period_not_begun(desk: ReportDesk) -> None:
    with pytest.raises(UserError, match="Kỳ 2026-12 chưa bắt đầu"):
        desk.check(parse_period("2026-12"))
    with pytest.raises(UserError, match="Kỳ 2027 chưa bắt đầu"):
        desk.preview(parse_period("2027"))
    desk.check(parse_period("2026-Q4"))  # begun, not over: allowed


def test_state_shows_the_key_and_no_superior_until_registered(
    world: DeskWorld, desk: ReportDesk
) -> None:
    state = desk.state()
    assert state.key is not None and state.key.subject == "Sùng Mí Páo"
    assert state.superior is None and state.history == () and state.problems == ()
    assert state.superior_committee == "Đảng ủy xã Lũng Cú"
    found = desk.read_certificate(KeyService(world.commune).certificate_path)
    assert found.info.cell == "Đảng ủy xã Lũng Cú"
    desk.register_superior(found.data)
    superior = desk.state().superior
    assert superior is not None and superior.fingerprint == found.info.fingerprint


def test_the_cells_own_certificate_is_not_the_superior_committees(
    desk: ReportDesk, services: Services
) -> None:
    with pytest.raises(UserError, match="chứng thư số của chính chi bộ"):
        desk.read_certificate(KeyService(services.paths.root).certificate_path)


def test_a_damaged_superior_certificate_does_not_hide_the_history(
    desk: ReportDesk, services: Services
) -> None:
    superior = KeyService(services.paths.root).superior_path
    superior.write_text("not a certificate", encoding="utf-8")
    state = desk.state()
    assert state.superior is None and state.key is not None
    assert len(state.problems) == 1 and "cấp ủy cấp trên" in state.problems[0]


def test_encrypting_needs_the_registered_certificate(
    world: DeskWorld, desk: ReportDesk, tmp_path: Path
) -> None:
    period = parse_period("2026-11")
    with pytest.raises(UserError, match="chưa được đăng ký nên không thể mã hóa"):
        desk.export(period, tmp_path / "bc.scb", True, PASSPHRASE)
    assert not list(tmp_path.glob("bc*"))
    desk.register_superior(certificate_bytes(world.commune))
    result = desk.export(period, tmp_path / "bc.scb", True, PASSPHRASE)
    assert result.path == tmp_path / "bc.scb.p7m" and result.encrypted
    assert [(h.serial, h.state, h.encrypted) for h in desk.state().history] == [(1, "done", True)]


def test_a_new_key_keeps_the_old_one_and_signs_from_then_on(
    desk: ReportDesk, services: Services, tmp_path: Path
) -> None:
    keys = KeyService(services.paths.root)
    old = keys.info()
    with pytest.raises(UserError, match="ít nhất 8 ký tự"):
        desk.new_key("ngắn")
    passphrase = "Một mật khẩu mới dài"
    new = desk.new_key(passphrase)
    assert old is not None and new.fingerprint != old.fingerprint
    assert new.subject == "Sùng Mí Páo" and new.cell == "Chi bộ thôn Lũng Cú"
    assert len(list((keys.keys_dir / "old").iterdir())) == 1
    written = desk.write_certificate(tmp_path / "chung-thu.crt")
    assert written.fingerprint == new.fingerprint
    assert (tmp_path / "chung-thu.crt").read_bytes() == keys.certificate_path.read_bytes()
    result = desk.export(parse_period("2026-10"), tmp_path / "t10.scb", False, passphrase)
    assert result.short_fingerprint == new.short_fingerprint
    certificate = keys.certificate()
    assert certificate is not None
    assert check_report(result.path.read_bytes(), [certificate]).valid


def test_an_acknowledgement_marks_the_export_received(
    world: DeskWorld, desk: ReportDesk, services: Services, tmp_path: Path
) -> None:
    report = desk.export(parse_period("2026-11"), tmp_path / "t11.scb", False, PASSPHRASE)
    ack = acknowledgement(world, services.paths.root, report.path, tmp_path / "bien-nhan.scb")
    with pytest.raises(UserError, match="Chưa đăng ký chứng thư số của cấp ủy cấp trên"):
        desk.import_ack(ack)
    desk.register_superior(certificate_bytes(world.commune))
    taken = desk.import_ack(ack)
    assert (taken.serial, taken.period_label, taken.already) == (1, "2026-11", False)
    assert taken.receiver_name == "Đảng ủy xã Lũng Cú"
    assert desk.state().history[0].received_at is not None
    assert desk.import_ack(ack).already
    with pytest.raises(UserError, match="Không đọc được tệp"):
        desk.import_ack(tmp_path / "missing.scb")
