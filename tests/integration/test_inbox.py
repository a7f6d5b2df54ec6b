"""The receiver at the superior committee, on real data folders and real signed files: register
cells, import a USB folder, refuse what must be refused (with the reason), show the table of a
period, report missing serials."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.crypto.identity import certificate_pem, generate_identity
from app.domain.periods import parse_period
from app.services.errors import UserError, ValidationError
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_dto import ImportOutcome, Refusal
from app.services.inbox_import import InboxImporter
from app.storage.models import Cell
from tests.integration.inbox_world import (
    COMMUNE,
    World,
    build_world,
    certificate_bytes,
    copy_folder,
    export,
    identity_of,
    open_services,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("world"))


@pytest.fixture
def receiver(world: World, tmp_path: Path) -> Iterator[Services]:
    """A fresh copy of the commune's data folder with cells A and B registered."""
    folder = copy_folder(world.commune, tmp_path / "commune")
    services = open_services(folder)
    inbox = InboxService(services.context)
    inbox.add_sender(certificate_bytes(world.cell_a))
    inbox.add_sender(certificate_bytes(world.cell_b))
    yield services
    services.close()


def usb(tmp_path: Path, world: World, *names: str) -> Path:
    """A USB-stick folder holding copies of the named files."""
    stick = tmp_path / "usb"
    stick.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(world.files[name], stick / world.files[name].name)
    return stick


def run_import(services: Services, world: World, *sources: Path, key: bool = True) -> ImportOutcome:
    folder = services.paths.root
    return InboxImporter(services.context, services.paths).import_files(
        list(sources), (lambda: identity_of(folder)) if key else (lambda: None)
    )


def by_file(outcome: ImportOutcome) -> dict[str, tuple[Refusal | None, str]]:
    return {f.file_name: (f.code, f.reason) for f in outcome.files}


def test_a_usb_folder_is_imported_whatever_the_order_of_its_files(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    stick = usb(tmp_path, world, "a4-q3", "a1-oct", "b1-nov", "a3-nov")
    (stick / "ghi-chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    outcome = run_import(receiver, world, stick)
    assert outcome.accepted == 4 and outcome.rejected == 0
    assert {f.file_name for f in outcome.files} == {
        "a1-oct.scb.p7m",
        "a3-nov.scb.p7m",
        "a4-q3.scb",
        "b1-nov.scb.p7m",
    }
    # Serial 2 of cell A (its first November report) has not arrived: a gap.
    assert [(g.sender_name, g.missing) for g in outcome.gaps] == [("Chi bộ thôn Lũng Cú", (2,))]
    inbox = InboxService(receiver.context)
    reports = inbox.reports()
    assert {(r.sender_name, r.period_label, r.serial) for r in reports} == {
        ("Chi bộ thôn Lũng Cú", "2026-10", 1),
        ("Chi bộ thôn Lũng Cú", "2026-11", 3),
        ("Chi bộ thôn Lũng Cú", "2026-Q3", 4),
        ("Chi bộ thôn Thèn Pả", "2026-11", 1),
    }
    encrypted = {r.file_name: r.encrypted for r in reports}
    assert encrypted["a1-oct.scb.p7m"] and not encrypted["a4-q3.scb"]
    # The verified signed file itself is kept in the data folder, decrypted.
    kept = list((receiver.paths.inbox).rglob("*.scb"))
    assert len(kept) == 4 and all(p.read_bytes().startswith(b"%PDF") for p in kept)
    assert not (receiver.paths.inbox / ".staging").exists()


def test_the_table_of_a_period_shows_every_cell_and_the_newest_report(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    run_import(receiver, world, usb(tmp_path, world, "a2-nov", "a3-nov"))
    table = InboxService(receiver.context).period_table(parse_period("2026-11"))
    rows = {r.sender_name: r for r in table.rows}
    assert set(rows) == {"Chi bộ thôn Lũng Cú", "Chi bộ thôn Thèn Pả"}
    assert rows["Chi bộ thôn Lũng Cú"].reported and rows["Chi bộ thôn Lũng Cú"].serial == 3
    assert rows["Chi bộ thôn Lũng Cú"].document_number == "Số 03-BC/CB"
    silent = rows["Chi bộ thôn Thèn Pả"]
    assert not silent.reported and silent.serial is None
    assert table.totals.senders == 2 and table.totals.reporting == 1
    assert table.totals.members == rows["Chi bộ thôn Lũng Cú"].figures.members == 27
    assert [b.name for b in table.bands] == ["Tốt", "Khá", "Trung bình", "Kém"]


def test_the_same_file_or_the_same_report_again_is_refused_as_a_duplicate(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    stick = usb(tmp_path, world, "a1-oct", "a4-q3")
    run_import(receiver, world, stick)
    # The same files again, and cell A's serial 4 copied once more under another name.
    shutil.copy(world.files["a4-q3"], stick / "ban-sao.scb")
    outcome = by_file(run_import(receiver, world, stick))
    assert outcome["a1-oct.scb.p7m"][0] is Refusal.DUPLICATE
    assert "đã được nhập ngày" in outcome["a1-oct.scb.p7m"][1]
    assert outcome["ban-sao.scb"][0] is Refusal.DUPLICATE
    assert len(InboxService(receiver.context).reports()) == 2


def test_an_older_report_of_a_period_after_the_newer_one_is_refused_as_out_of_order(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    run_import(receiver, world, world.files["a3-nov"])
    outcome = run_import(receiver, world, world.files["a2-nov"])
    ((code, reason),) = by_file(outcome).values()
    assert code is Refusal.SUPERSEDED
    assert reason == (
        "Sai thứ tự: đã nhập báo cáo mới hơn cùng kỳ của Chi bộ thôn Lũng Cú (số thứ tự 3), "
        "nên báo cáo cũ hơn này (số thứ tự 2) không được nhập."
    )
    # It did arrive, so serial 2 is no gap; serial 1 still is.
    sender = next(s for s in InboxService(receiver.context).senders() if s.reports)
    assert sender.missing == (1,)
    assert [g.missing for g in outcome.gaps] == [(1,)]


def test_a_serial_carried_by_two_different_files_is_refused(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    # The cell restored an old copy of its data and exported again: serial 2 a second time.
    restored = copy_folder(world.cell_a_backup, tmp_path / "restored")
    again = export(restored, "2026-10", tmp_path / "a-again.scb")
    run_import(receiver, world, world.files["a2-nov"])
    ((code, reason),) = by_file(run_import(receiver, world, again)).values()
    assert code is Refusal.SERIAL_REUSED
    assert reason.startswith("Số thứ tự 2 của Chi bộ thôn Lũng Cú đã được dùng cho một tệp khác.")


@pytest.mark.parametrize("where", ["header", "middle", "attachment", "signature", "end"])
def test_a_changed_byte_anywhere_gets_the_file_refused(
    receiver: Services, world: World, tmp_path: Path, where: str
) -> None:
    data = bytearray(world.files["a4-q3"].read_bytes())
    offsets = {
        "header": 10,
        "middle": len(data) // 2,
        "attachment": data.index(b"/EmbeddedFile") + 40,
        "signature": data.index(b"/Contents <") + 200,
        "end": len(data) - 30,
    }
    data[offsets[where]] ^= 0x01
    target = tmp_path / "sua.scb"
    target.write_bytes(bytes(data))
    ((code, reason),) = by_file(run_import(receiver, world, target)).values()
    assert code in (Refusal.INVALID, Refusal.DAMAGED_DATA)
    assert reason
    assert not InboxService(receiver.context).reports()
    refused = InboxService(receiver.context).rejections()
    assert refused[0].file_name == "sua.scb" and refused[0].reason == reason


def test_a_changed_byte_in_an_encrypted_file_gets_it_refused(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    data = bytearray(world.files["b1-nov"].read_bytes())
    data[len(data) // 2] ^= 0x10
    target = tmp_path / "sua.scb.p7m"
    target.write_bytes(bytes(data))
    ((code, reason),) = by_file(run_import(receiver, world, target)).values()
    assert code is Refusal.INVALID and reason


def test_unknown_signer_other_receiver_and_missing_key_are_refused_with_reasons(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    outcome = by_file(run_import(receiver, world, world.files["stranger"]))
    code, reason = outcome["stranger.scb"]
    assert code is Refusal.INVALID and "chưa được đăng ký" in reason
    outcome = by_file(run_import(receiver, world, world.files["for-other"]))
    code, reason = outcome["b2-for-other.scb.p7m"]
    assert code is Refusal.INVALID and reason
    outcome = by_file(run_import(receiver, world, world.files["b1-nov"], key=False))
    code, reason = outcome["b1-nov.scb.p7m"]
    assert code is Refusal.INVALID and "được mã hóa" in reason


def test_nothing_registered_means_nothing_trusted(world: World, tmp_path: Path) -> None:
    services = open_services(copy_folder(world.commune, tmp_path / "empty"))
    try:
        ((code, reason),) = by_file(run_import(services, world, world.files["a4-q3"])).values()
    finally:
        services.close()
    assert code is Refusal.NO_CERTIFICATES
    assert reason.startswith("Chưa đăng ký chứng thư số của chi bộ nào")


def test_a_file_that_cannot_be_read_is_refused_and_the_rest_imported(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    stick = usb(tmp_path, world, "a4-q3")
    (stick / "rut-usb.scb").symlink_to(tmp_path / "gone.scb")  # vanished mid-way
    outcome = by_file(run_import(receiver, world, stick))
    assert outcome["a4-q3.scb"][0] is None
    assert outcome["rut-usb.scb"] == (
        Refusal.UNREADABLE,
        "Không đọc được tệp (USB đã bị rút ra?). Hãy cắm lại USB và nhập lại.",
    )


def test_stopping_during_the_import_imports_nothing(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    stick = usb(tmp_path, world, "a1-oct", "a4-q3", "b1-nov")
    seen: list[tuple[int, int]] = []
    outcome = InboxImporter(receiver.context, receiver.paths).import_files(
        [stick],
        lambda: identity_of(receiver.paths.root),
        progress=lambda done, total: seen.append((done, total)),
        should_stop=lambda: len(seen) >= 2,
    )
    assert outcome.stopped and not outcome.files
    assert seen == [(1, 3), (2, 3)]
    assert not InboxService(receiver.context).reports()
    assert not (receiver.paths.inbox / ".staging").exists()


def test_a_cell_claiming_another_identity_with_its_key_is_refused(
    receiver: Services, world: World, tmp_path: Path
) -> None:
    run_import(receiver, world, world.files["a4-q3"])  # binds cell A's key to its uid
    moved = copy_folder(world.cell_a, tmp_path / "cell-a-new-uid")
    services = open_services(moved)
    try:
        with services.context.db.unit_of_work() as session:
            cell = session.get(Cell, 1)
            assert cell is not None
            cell.uid = "12345678-1234-4234-8234-123456789abc"
    finally:
        services.close()
    claimed = export(moved, "2026-09", tmp_path / "claimed.scb")
    ((code, reason),) = by_file(run_import(receiver, world, claimed)).values()
    assert code is Refusal.WRONG_SENDER
    assert "được ký bằng khóa đã đăng ký cho Chi bộ thôn Lũng Cú" in reason


def test_certificates_are_checked_when_registered(receiver: Services, world: World) -> None:
    inbox = InboxService(receiver.context)
    with pytest.raises(UserError, match="đã được đăng ký"):
        inbox.add_sender(certificate_bytes(world.cell_a))
    with pytest.raises(UserError):
        inbox.add_sender(b"not a certificate")
    old = generate_identity("Người Cũ", "Chi bộ cũ", "", now=dt.datetime(2015, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(UserError, match="đã hết hạn"):
        inbox.add_sender(certificate_pem(old.certificate))
    sender = next(s for s in inbox.senders() if s.name == "Chi bộ thôn Thèn Pả")
    inbox.remove_sender(sender.id)
    assert "Chi bộ thôn Thèn Pả" not in {s.name for s in inbox.senders()}
    again = inbox.add_sender(certificate_bytes(world.cell_b))
    assert again.id == sender.id and not again.removed


def test_the_committee_profile_is_validated(receiver: Services) -> None:
    inbox = InboxService(receiver.context)
    bad = COMMUNE.__class__(
        committee_name="",
        superior_body="ĐẢNG BỘ HUYỆN ĐỒNG VĂN",
        superior_committee="Huyện ủy Đồng Văn",
        place_name="Lũng Cú",
        signer_name="Nguyễn Văn Bình",
        signer_title="BÍ THƯ",
        term_start=dt.date(2025, 10, 1),
        term_end=dt.date(2025, 9, 1),
    )
    with pytest.raises(ValidationError) as caught:
        inbox.save_receiver(bad)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"committee_name", "superior_body", "superior_committee", "term_end"}
    saved = inbox.receiver()
    assert saved is not None and saved.committee_name == "Đảng ủy xã Lũng Cú"
