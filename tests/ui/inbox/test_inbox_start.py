"""Starting as a receiver: the first-run wizard's receiver branch, the role kept in
settings.json and corrected by the database, a signed file given on the command line, the
receiver's settings, and a cold start that loads neither the database nor the signing stack."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from app.services.facade import Services
from app.services.inbox import InboxService
from app.settings import CELL_ROLE, RECEIVER_ROLE, UserSettings, load_settings, save_settings
from app.ui.app import Startup
from app.ui.screens.inbox.open_file import FileCheckDialog
from app.ui.screens.inbox.settings_screen import ReceiverSettingsScreen
from tests.integration.inbox_world import certificate_bytes, copy_folder, open_services
from tests.ui.conftest import type_text
from tests.ui.inbox.conftest import Modals, Receiver, UiWorld, passphrase

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def startups(qapp: QApplication) -> Iterator[list[Startup]]:
    made: list[Startup] = []
    yield made
    for started in made:
        for widget in (started.wizard, started.window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        started.jobs.shutdown()


def start(
    startups: list[Startup],
    services: Services,
    folder: Path,
    role: str = CELL_ROLE,
    open_file: Path | None = None,
) -> Startup:
    started = Startup(QApplication.instance(), services, UserSettings(role=role), folder, open_file)  # type: ignore[arg-type]
    startups.append(started)
    started.start()
    return started


def test_the_wizards_receiver_branch_sets_up_a_receiver(
    qtbot: QtBot, startups: list[Startup], data_dir: Path, modals: Modals
) -> None:
    services = Services.open(data_dir)
    try:
        started = start(startups, services, data_dir)
        qtbot.waitUntil(lambda: started.wizard is not None and started.wizard.isVisible())
        wizard = started.wizard
        assert wizard is not None
        assert wizard.cell_role.isChecked()  # the existing flow stays the default
        assert wizard.receiver_role.text() == (
            "Cấ&p ủy cấp trên: nhận, kiểm tra và tổng hợp báo cáo của các chi bộ"
        )
        wizard.receiver_role.setChecked(True)
        qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Return)
        assert wizard.currentId() == 4
        fields = wizard.receiver.fields
        type_text(qtbot, fields.committee_name, "Đảng ủy xã Lũng Cú")
        type_text(qtbot, fields.superior_body, "ĐẢNG BỘ HUYỆN ĐỒNG VĂN")
        type_text(qtbot, fields.place_name, "Lũng Cú")
        qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Return)
        assert wizard.currentId() == 5
        type_text(qtbot, fields.superior_committee, "Ban Thường vụ Tỉnh ủy Tuyên Quang")
        type_text(qtbot, fields.signer_name, "Nguyễn Văn Bình")
        type_text(qtbot, fields.term_start, "1/10/2025")
        # Refused: a district-level body. The wizard goes back to its page and says why there.
        modals.expect(lambda box: box.close())
        wizard.accept()
        qtbot.waitUntil(lambda: modals.done and wizard.currentId() == 4)
        assert "Dữ liệu chưa được lưu" in modals.seen[0]
        assert "huyện" in fields.errors["superior_body"].text()
        assert fields.signer_name.text() == "Nguyễn Văn Bình"  # nothing typed is lost
        fields.superior_body.clear()
        type_text(qtbot, fields.superior_body, "ĐẢNG BỘ TỈNH TUYÊN QUANG")
        wizard.next()
        with qtbot.waitSignal(wizard.finished) as finished:
            wizard.accept()
        assert finished.args == [QWizard.DialogCode.Accepted.value]
        qtbot.waitUntil(lambda: started.window is not None and started.window.isVisible())
        started.jobs.wait_idle()
        info = InboxService(services.context).receiver()
        assert info is not None
        assert (info.committee_name, info.superior_body, info.signer_title) == (
            "Đảng ủy xã Lũng Cú",
            "ĐẢNG BỘ TỈNH TUYÊN QUANG",
            "BÍ THƯ",
        )
        assert info.term_start == dt.date(2025, 10, 1)
        assert services.cell.get() is None
        # The window now shows the receiver's areas, and the role is remembered.
        window = started.window
        assert window is not None
        assert [a.title for a in window.areas] == ["Tiếp nhận báo cáo", "Cài đặt"]
        qtbot.waitUntil(lambda: window.windowTitle() == "Sổ Chi bộ — Đảng ủy xã Lũng Cú")
        assert load_settings(DataPaths(data_dir).settings).role == RECEIVER_ROLE
    finally:
        started.jobs.shutdown()
        services.close()


def test_a_receivers_folder_opened_as_a_cell_is_corrected(
    qtbot: QtBot, startups: list[Startup], ui_world: UiWorld, tmp_path: Path
) -> None:
    folder = copy_folder(ui_world.commune, tmp_path / "commune")
    services = open_services(folder)
    try:
        started = start(startups, services, folder, role=CELL_ROLE)
        first = started.window
        qtbot.waitUntil(lambda: started.window is not first)
        window = started.window
        assert window is not None and window.isVisible()
        assert [a.title for a in window.areas] == ["Tiếp nhận báo cáo", "Cài đặt"]
        assert started.wizard is None
        saved = json.loads(DataPaths(folder).settings.read_text(encoding="utf-8"))
        assert saved["role"] == RECEIVER_ROLE
        started.jobs.wait_idle()
    finally:
        started.jobs.shutdown()
        services.close()


def test_a_cells_folder_remembered_as_a_receiver_opens_the_register(
    qtbot: QtBot, startups: list[Startup], demo_dir: Path
) -> None:
    save_settings(DataPaths(demo_dir).settings, UserSettings(role=RECEIVER_ROLE))
    services = Services.open(demo_dir)
    try:
        started = start(startups, services, demo_dir, role=RECEIVER_ROLE)
        first = started.window
        qtbot.waitUntil(lambda: started.window is not first)
        window = started.window
        assert window is not None
        assert [a.title for a in window.areas][:3] == ["Tổng quan", "Đảng viên", "Sinh hoạt"]
        assert load_settings(DataPaths(demo_dir).settings).role == CELL_ROLE
        started.jobs.wait_idle()
    finally:
        started.jobs.shutdown()
        services.close()


def test_a_file_given_at_start_is_checked_and_can_be_imported(
    qtbot: QtBot, startups: list[Startup], ui_world: UiWorld, tmp_path: Path, modals: Modals
) -> None:
    folder = copy_folder(ui_world.commune, tmp_path / "commune")
    services = open_services(folder)
    try:
        InboxService(services.context).add_sender(certificate_bytes(ui_world.cell_b))
        modals.expect(passphrase())  # the file is encrypted for the commune
        started = start(startups, services, folder, RECEIVER_ROLE, ui_world.files["b1-nov"])
        dialog = None

        def shown() -> bool:
            nonlocal dialog
            assert started.window is not None
            dialog = started.window.findChild(FileCheckDialog)
            return dialog is not None and dialog.found is not None

        qtbot.waitUntil(shown, timeout=60_000)
        assert dialog is not None
        assert dialog.verdict.text() == "✓ Tệp hợp lệ: có chữ ký số và không bị sửa đổi."
        details = dialog.details.text()
        assert "Đơn vị gửi: Chi bộ thôn Thèn Pả" in details
        assert "Kỳ báo cáo: tháng 11/2026" in details and "Số thứ tự: 1" in details
        assert dialog.fingerprint.text() == dialog.found.check.short_fingerprint  # type: ignore[union-attr]
        assert dialog.import_button.isVisible()
        with qtbot.waitSignal(dialog.flow.finished, timeout=120_000) as finished:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert finished.args[0].accepted == 1
        started.jobs.wait_idle()
        reports = InboxService(services.context).reports()
        assert [(r.sender_name, r.serial) for r in reports] == [("Chi bộ thôn Thèn Pả", 1)]
    finally:
        started.jobs.shutdown()
        services.close()


def test_import_is_offered_only_once_the_file_is_found_valid(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld
) -> None:
    window = registered.window
    dialog = FileCheckDialog(window.ctx, ui_world.files["a2-nov"], True, window)
    dialog.show()
    assert dialog.verdict.text() == "Đang kiểm tra tệp…"
    assert not dialog.import_button.isVisible()
    dialog.start()  # a plain .scb: no passphrase
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=60_000)
    assert dialog.import_button.isVisible()
    dialog.close()


def test_at_a_cell_a_file_is_only_verified(
    qtbot: QtBot, startups: list[Startup], ui_world: UiWorld, tmp_path: Path
) -> None:
    folder = copy_folder(ui_world.cell_a, tmp_path / "cell-a")
    services = open_services(folder)
    try:
        started = start(startups, services, folder, CELL_ROLE, ui_world.files["a2-nov"])
        dialog = None

        def shown() -> bool:
            nonlocal dialog
            assert started.window is not None
            dialog = started.window.findChild(FileCheckDialog)
            return dialog is not None and dialog.found is not None

        qtbot.waitUntil(shown, timeout=60_000)
        assert dialog is not None
        assert dialog.found is not None and dialog.found.check.valid
        assert "Ký bằng khóa của chính chi bộ này." in dialog.details.text()
        assert not dialog.import_button.isVisible()
        started.jobs.wait_idle()
    finally:
        started.jobs.shutdown()
        services.close()


def test_the_receivers_settings_save_the_profile(
    qtbot: QtBot, registered: Receiver, modals: Modals
) -> None:
    window = registered.window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    screen = window.stack.currentWidget()
    assert isinstance(screen, ReceiverSettingsScreen)
    registered.idle()
    fields = screen.fields
    assert fields.committee_name.text() == "Đảng ủy xã Lũng Cú"
    assert fields.signer_title.currentText() == "BÍ THƯ"
    fields.place_name.selectAll()
    type_text(qtbot, fields.place_name, "Xã Lũng Cú")
    fields.signer_title.setCurrentText("PHÓ BÍ THƯ")
    qtbot.keyClick(fields.place_name, Qt.Key.Key_Return)
    registered.idle()
    assert screen.saved_label.text() == "✓ Đã lưu."
    info = registered.inbox.receiver()
    assert info is not None and (info.place_name, info.signer_title) == ("Xã Lũng Cú", "PHÓ BÍ THƯ")
    # An empty name is refused under its field; the text typed elsewhere stays.
    fields.committee_name.clear()
    modals.expect(lambda box: box.close())
    screen.save()
    qtbot.waitUntil(lambda: modals.done)
    registered.idle()
    assert fields.errors["committee_name"].text().startswith("⚠ Chưa nhập tên cấp ủy.")
    assert fields.place_name.text() == "Xã Lũng Cú"


def test_the_receivers_screens_load_neither_the_database_nor_the_signing_stack() -> None:
    # The receiver's first screen is built before the window shows: it must be as light as
    # the cell's overview (the services it calls are imported by its jobs).
    probe = (
        "import json, sys\n"
        "import app.ui.app, app.ui.screens.inbox.view, app.ui.screens.inbox.settings_screen\n"
        "heavy = ('sqlalchemy', 'alembic', 'pyhanko', 'cryptography', 'reportlab', 'app.storage')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(done.stdout) == []
