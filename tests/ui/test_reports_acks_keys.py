"""The Reports screen with the superior committee: its acknowledgement (made by the receiver's
services) is imported and the row says received; its certificate is registered from the
wizard after the fingerprint check and the report is encrypted for it; and the key panel
makes a new key, writes the certificate for enrolment and loads a key from a .p12 file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.crypto.identity import generate_identity, identity_to_pkcs12
from app.domain.periods import parse_period
from app.l10n import format_date
from app.services.keys import KeyService
from app.services.report_desk import ReportDesk
from app.services.report_verify import check_report
from app.ui.screens.reports import ReportsScreen
from app.ui.screens.reports.texts import local_date, unbroken
from tests.integration.desk_world import (
    PASSPHRASE,
    DeskWorld,
    acknowledgement,
    build_desk_world,
    copy_folder,
)
from tests.integration.inbox_world import certificate_bytes, open_services
from tests.ui.reports_helpers import OFFSCREEN_ONLY, modals, open_reports, reports_window


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> DeskWorld:
    return build_desk_world(tmp_path_factory.mktemp("desk-acks"))


def _last_row(screen: ReportsScreen) -> list[str]:
    """The newest export's row, as shown."""
    model = screen.model
    return [model.index(0, column).data() for column in range(model.columnCount())]


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_an_acknowledgement_is_imported_and_the_row_says_received(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    folder = copy_folder(world.cell_with_key, tmp_path / "cell")
    KeyService(folder).register_superior(certificate_bytes(world.commune))
    services = open_services(folder)
    try:
        usb = tmp_path / "usb"
        usb.mkdir()
        report = ReportDesk(services).export(
            parse_period("2026-11"), usb / "bao-cao-2026-11.scb", True, PASSPHRASE
        )
    finally:
        services.close()
    (tmp_path / "back").mkdir()
    ack = acknowledgement(world, folder, report.path, tmp_path / "back" / "bien-nhan.scb")
    tampered = ack.with_name("bien-nhan-hong.scb")
    data = bytearray(ack.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))

    with reports_window(qtbot, folder) as window, modals(qtbot) as answers:
        screen = open_reports(window)
        assert _last_row(screen)[-2:] == ["Có", "Chưa"]
        answers.file(ack)
        qtbot.mouseClick(screen.ack_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle(60_000)
        assert answers.seen == ["Chọn tệp giấy biên nhận"]
        received = _last_row(screen)[-1]
        assert received != "Chưa" and received.count("/") == 2
        assert screen.message.label.text() == (
            f"Đảng ủy xã Lũng Cú đã nhận báo cáo số 01-BC/CB (kỳ tháng 11/2026) ngày {received}."
        )
        # Twice is harmless, and said so.
        screen.import_ack(ack)
        assert window.ctx.jobs.wait_idle(60_000)
        assert screen.message.label.text() == (
            "Báo cáo số thứ tự 1 đã được ghi nhận là cấp trên đã nhận; không có gì thay đổi."
        )
        # A damaged acknowledgement: the reason, and the row is unchanged.
        answers.button("Đồng ý")
        screen.import_ack(tampered)
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(lambda: len(answers.seen) == 2)
        assert "sửa đổi sau khi ký" in answers.seen[1]
        assert _last_row(screen)[-1] == received
    assert received == format_date(received_date(folder))


def received_date(folder: Path) -> dt.date:
    services = open_services(folder)
    try:
        moment = ReportDesk(services).state().history[0].received_at
    finally:
        services.close()
    assert moment is not None
    return local_date(moment)


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_the_superior_certificate_is_registered_from_the_wizard_and_the_file_encrypted(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    folder = copy_folder(world.cell_with_key, tmp_path / "cell")
    usb = tmp_path / "usb"
    usb.mkdir()
    commune_certificate = KeyService(world.commune).certificate_path
    commune = KeyService(world.commune).info()
    assert commune is not None
    with reports_window(qtbot, folder) as window, modals(qtbot) as answers:
        screen = open_reports(window)
        screen.open_wizard()
        wizard = screen.wizard
        assert wizard is not None
        wizard.next()
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.encrypt_page)
        page = wizard.encrypt_page
        assert not page.encrypt.isEnabled()
        answers.file(commune_certificate)
        answers.button("Đã khớp, đăng ký")
        qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(page.encrypt.isEnabled)
        assert answers.seen[0] == "Chọn chứng thư số của cấp ủy cấp trên"
        assert f"Dấu vân tay rút gọn: {unbroken(commune.short_fingerprint)}" in answers.seen[1]
        assert "Cấp ủy: Đảng ủy xã Lũng Cú" in answers.seen[1]
        assert page.encrypt.isChecked() and not page.register_button.isVisible()
        assert unbroken(commune.short_fingerprint) in page.explain.text()
        wizard.next()
        wizard.file_page.path.setText(str(usb / "bao-cao-2026-10.scb"))
        assert wizard.file_page.written_as.text() == (
            f"Tệp sẽ được ghi thành {usb / 'bao-cao-2026-10.scb.p7m'}."
        )
        wizard.next()
        assert "Mã hóa: có, cho Đảng ủy xã Lũng Cú" in wizard.summary_page.summary.text()
        answers.passphrase(PASSPHRASE)
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton
        )
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
        assert wizard.done_page.encrypted.text() == "Đã mã hóa cho: Đảng ủy xã Lũng Cú"
        wizard.accept()
        assert window.ctx.jobs.wait_idle()
        assert screen.keys.superior_fingerprint.text() == commune.short_fingerprint
        assert _last_row(screen)[4:] == ["bao-cao-2026-10.scb.p7m", "Có", "Chưa"]
    certificate = KeyService(folder).certificate()
    assert certificate is not None
    written = usb / "bao-cao-2026-10.scb.p7m"
    assert written.is_file() and b"%PDF" not in written.read_bytes()[:64]
    check = check_report(
        written.read_bytes(), [certificate], lambda: KeyService(world.commune).identity(PASSPHRASE)
    )
    assert check.valid and check.period_label == "2026-10"


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_the_key_panel_makes_writes_and_loads_keys(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    folder = copy_folder(world.cell_with_key, tmp_path / "cell")
    keys = KeyService(folder)
    old = keys.info()
    assert old is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    authority = generate_identity("Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "Đảng ủy xã Lũng Cú")
    p12 = usb / "khoa-ca.p12"
    p12.write_bytes(identity_to_pkcs12(authority, "mật khẩu của CA"))
    with reports_window(qtbot, folder) as window, modals(qtbot) as answers:
        screen = open_reports(window)
        panel = screen.keys
        assert panel.fingerprint.text() == old.short_fingerprint
        assert "Người đứng tên: Sùng Mí Páo" in panel.key_text.text()

        # A new key: the warning first (the safe answer is the default), then twice the
        # passphrase, then how enrolment goes on.
        answers.button("Tạo khóa mới")
        answers.passphrase("Một câu mật khẩu mới")
        answers.button("Đồng ý")
        qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(lambda: len(answers.seen) == 3)
        assert "keys/old" in answers.seen[0]
        assert answers.seen[2].startswith("Đã tạo khóa ký số mới.")
        new = keys.info()
        assert new is not None and new.fingerprint != old.fingerprint
        qtbot.waitUntil(lambda: panel.fingerprint.text() == new.short_fingerprint)
        assert unbroken(new.short_fingerprint) in answers.seen[2]
        assert len(list((keys.keys_dir / "old").iterdir())) == 1

        # The certificate for the superior committee, written where she chooses.
        target = usb / "chung-thu-so-chi-bo.crt"
        answers.file(target)
        answers.button("Đồng ý")
        qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(lambda: len(answers.seen) == 5)
        assert target.read_bytes() == keys.certificate_path.read_bytes()
        assert answers.seen[4].startswith(f"Đã ghi chứng thư số vào {target}.")

        # A key from a certificate authority's .p12 file.
        answers.button("Nạp khóa")
        answers.file(p12)
        answers.passphrase("mật khẩu của CA")
        answers.button("Đồng ý")
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(lambda: len(answers.seen) == 9)
        loaded = keys.info()
        assert loaded is not None and loaded.fingerprint not in (old.fingerprint, new.fingerprint)
        qtbot.waitUntil(lambda: panel.fingerprint.text() == loaded.short_fingerprint)
        assert answers.seen[8].startswith("Đã nạp khóa; từ nay đây là khóa ký số của chi bộ.")
        assert len(list((keys.keys_dir / "old").iterdir())) == 2
