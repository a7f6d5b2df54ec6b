"""The officer of the commune committee at work (issue #4, receiver side): register the cells'
certificates after the phone check, import a USB stick with good, tampered and duplicate files,
read the table of the period, write an acknowledgement the cell accepts, export the summary."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.domain.periods import month_period
from app.services.acks import AckImporter
from app.services.keys import KeyService
from app.services.report_verify import SUMMARY, check_signed
from tests.integration.inbox_world import PASSPHRASE, certificate_bytes, copy_folder, open_services
from tests.ui.inbox.conftest import (
    Modals,
    Receiver,
    UiWorld,
    button,
    choose_path,
    passphrase,
    stick,
    tampered,
)

COMPARED = "Đã đối chiếu, đăng ký"
NOT_YET = "Chưa, không đăng ký"
OK = "Đồng ý"


def import_and_wait(qtbot: QtBot, receiver: Receiver, *sources: Path) -> None:
    with qtbot.waitSignal(receiver.screen.flow.finished, timeout=180_000):
        receiver.screen.import_sources(list(sources))
    receiver.idle()


def test_the_window_shows_only_the_receivers_areas(receiver: Receiver) -> None:
    window = receiver.window
    assert [a.title for a in window.areas] == ["Tiếp nhận báo cáo", "Cài đặt"]
    assert window.windowTitle() == "Sổ Chi bộ — Đảng ủy xã Lũng Cú"
    screen = receiver.screen
    assert [screen.tabs.tabText(i) for i in range(3)] == [
        "&Bảng tổng hợp",
        "Tệ&p đã nhận",
        "&Chi bộ đã đăng ký",
    ]
    assert screen.import_button.text() == "&Nhập báo cáo…"
    # No certificate yet: the table says so, and the committee has its key (made with it).
    assert screen.table_tab.count.text() == "Chưa đăng ký chứng thư số của chi bộ nào."
    tab = screen.senders_tab
    assert tab.key_fingerprint.isVisibleTo(tab) and tab.key_fingerprint.text()


def test_a_certificate_is_registered_only_after_the_phone_check(
    qtbot: QtBot, receiver: Receiver, ui_world: UiWorld, modals: Modals
) -> None:
    tab = receiver.screen.senders_tab
    receiver.screen.tabs.setCurrentWidget(tab)
    certificate = ui_world.cell_a / "keys" / "cell.crt"
    modals.expect(choose_path(certificate), button(NOT_YET))
    qtbot.mouseClick(tab.register_button, Qt.MouseButton.LeftButton)
    receiver.idle()
    qtbot.waitUntil(lambda: modals.done)
    receiver.idle()
    question = modals.seen[-1]
    short = KeyService(ui_world.cell_a).info()
    assert short is not None
    assert "Chứng thư số của: Chi bộ thôn Lũng Cú" in question
    assert f"Người đứng tên: {short.subject}" in question
    assert "Đã đối chiếu dấu vân tay qua điện thoại với chi bộ chưa?" in question
    assert "&nbsp;&nbsp;".join(short.short_fingerprint.split()) in question
    assert receiver.inbox.senders() == []
    assert tab.message.label.text().startswith("Chưa đăng ký chứng thư số của Chi bộ thôn Lũng Cú.")

    modals.expect(button(COMPARED))
    tab.preview(certificate)
    qtbot.waitUntil(lambda: modals.done)
    receiver.idle()
    assert [s.name for s in receiver.inbox.senders()] == ["Chi bộ thôn Lũng Cú"]
    assert tab.model.rows[0].short_fingerprint == short.short_fingerprint
    assert tab.message.label.text() == "Đã đăng ký chứng thư số của Chi bộ thôn Lũng Cú."


def test_registering_the_same_certificate_twice_is_refused_before_the_question(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, modals: Modals
) -> None:
    modals.expect(button(OK))
    registered.screen.senders_tab.preview(ui_world.cell_a / "keys" / "cell.crt")
    qtbot.waitUntil(lambda: modals.done)
    assert "đã được đăng ký" in modals.seen[0]


def test_removing_a_certificate_asks_and_can_be_undone(
    qtbot: QtBot, registered: Receiver, modals: Modals
) -> None:
    tab = registered.screen.senders_tab
    tab.table.selectRow(0)
    modals.expect(button("Gỡ"))
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    registered.idle()
    assert "sẽ bị từ chối" in modals.seen[0]
    assert [s.name for s in registered.inbox.senders()] == ["Chi bộ thôn Thèn Pả"]
    assert tab.message.undo_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.message.undo_button, Qt.MouseButton.LeftButton)
    registered.idle()
    names = [s.name for s in registered.inbox.senders()]
    assert names == ["Chi bộ thôn Lũng Cú", "Chi bộ thôn Thèn Pả"]


def test_a_usb_stick_is_imported_and_every_file_gets_its_verdict(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, modals: Modals, tmp_path: Path
) -> None:
    usb = stick(tmp_path, ui_world, "a1-oct", "a3-nov", "b1-nov")
    tampered(ui_world.files["a2-nov"], usb / "sua-doi.scb")
    shutil.copy(ui_world.files["b1-nov"], usb / "c-ban-sao-b1.scb.p7m")
    screen = registered.screen
    # The folder dialog, then the passphrase (three files are encrypted for the commune).
    modals.expect(choose_path(usb), passphrase())
    with qtbot.waitSignal(screen.flow.finished, timeout=180_000) as finished:
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    registered.idle()
    outcome = finished.args[0]
    assert (outcome.accepted, outcome.rejected) == (3, 2)
    dialog = screen.flow.result_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert text.startswith("Đã nhập 3 tệp, từ chối 2 tệp.")
    for line in (
        "a1-oct.scb.p7m\n✓ Đã nhập: Chi bộ thôn Lũng Cú, tháng 10/2026, số thứ tự 1",
        "a3-nov.scb.p7m\n✓ Đã nhập: Chi bộ thôn Lũng Cú, tháng 11/2026, số thứ tự 3",
        "b1-nov.scb.p7m\n✓ Đã nhập: Chi bộ thôn Thèn Pả, tháng 11/2026, số thứ tự 1",
        "sua-doi.scb\n✗ Bị từ chối: Tệp đã bị sửa đổi sau khi ký",
        "c-ban-sao-b1.scb.p7m\n✗ Bị từ chối: Báo cáo này (số thứ tự 1) đã được nhập",
        "Chưa nhận được của Chi bộ thôn Lũng Cú: các số thứ tự 2",
    ):
        assert line in text, line
    dialog.accept()
    # The lists followed: three files received, two refused with their reasons.
    files = screen.files_tab
    assert len(files.reports.rows) == 3
    assert {r.file_name for r in files.rejections.rows} == {"sua-doi.scb", "c-ban-sao-b1.scb.p7m"}
    files.rejections_table.selectRow(0)
    assert files.reason.text().startswith("Lý do từ chối tệp ")
    senders = {s.name: s for s in screen.senders_tab.model.rows}
    assert senders["Chi bộ thôn Lũng Cú"].missing == (2,)

    # The table of November: both cells, the newest report of cell A, a bold total.
    table = screen.table_tab
    table.chooser.set_period(month_period(2026, 11))
    registered.idle()
    model = table.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:3] == ["Chi bộ", "Báo cáo", "Đảng viên"]
    assert titles[5:9] == ["Tốt", "Khá", "Trung bình", "Kém"]
    cells = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert cells == [
        ["Chi bộ thôn Lũng Cú", "Số 03-BC/CB", "27", cells[0][3]],
        ["Chi bộ thôn Thèn Pả", "Số 01-BC/CB", "27", cells[1][3]],
        ["Tổng cộng", "2/2 đã báo cáo", "54", cells[2][3]],
    ]
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, model.columnCount() - 1).data() == "Chưa"
    assert table.count.text() == "2/2 đã báo cáo"
    # October: cell B has not reported, in words.
    table.chooser.set_period(month_period(2026, 10))
    registered.idle()
    october = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    # Cell A held one regular meeting in October, scored Khá; its report is not acknowledged.
    assert october[0] == [
        "Chi bộ thôn Lũng Cú", "Số 01-BC/CB", "27", "1", "0", "0", "1", "0", "0", "0/1 (0 %)",
        "Chưa",
    ]  # fmt: skip
    assert october[1] == ["Chi bộ thôn Thèn Pả", "Chưa báo cáo", *[""] * 9]
    assert october[2][:4] == ["Tổng cộng", "1/2 đã báo cáo", "27", "1"]

    # The same stick again: every file was seen before; the refusals count the times.
    modals.expect(passphrase())
    import_and_wait(qtbot, registered, usb)
    again = screen.flow.result_dialog
    assert again is not None and again.text().startswith("Đã nhập 0 tệp, từ chối 5 tệp.")
    assert "a1-oct.scb.p7m\n✗ Bị từ chối: Tệp này đã được nhập ngày" in again.text()
    times = {r.file_name: r.times for r in files.rejections.rows}
    assert times["sua-doi.scb"] == 2


def test_stopping_an_import_imports_nothing(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, tmp_path: Path
) -> None:
    usb = stick(tmp_path, ui_world, "a2-nov")
    flow = registered.screen.flow
    gate = threading.Event()
    # Keep the database thread busy, so that Stop is pressed before the import reads a file.
    registered.window.ctx.jobs.read(lambda s: gate.wait(60), lambda _r: None)
    with qtbot.waitSignal(flow.finished, timeout=120_000) as finished:
        registered.screen.import_sources([usb])
        qtbot.waitUntil(lambda: flow.progress is not None)
        assert flow.progress is not None
        (stop,) = flow.progress.findChildren(QPushButton)
        assert stop.text() == "&Dừng"
        stop.click()
        gate.set()
    registered.idle()
    assert finished.args[0].stopped
    assert flow.result_dialog is not None
    assert flow.result_dialog.text().startswith("Đã dừng nhập: chưa nhập tệp nào.")
    assert registered.inbox.reports() == [] and registered.inbox.rejections() == []


def test_the_acknowledgement_is_accepted_by_the_cell(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, modals: Modals, tmp_path: Path
) -> None:
    import_and_wait(qtbot, registered, ui_world.files["a2-nov"])
    files = registered.screen.files_tab
    files.reports_table.selectRow(0)
    target = tmp_path / "bien-nhan.scb"
    modals.expect(passphrase(), choose_path(target), button(OK))
    qtbot.mouseClick(files.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: modals.done, timeout=60_000)
    registered.idle()
    assert modals.seen[-1].startswith(
        f"Đã ghi giấy biên nhận báo cáo của Chi bộ thôn Lũng Cú (kỳ tháng 11/2026, số thứ tự 2) "
        f"ra tệp {target}."
    )
    assert files.reports.rows[0].acked_at is not None
    assert files.reports.index(0, 5).data() != "Chưa lập"

    cell = copy_folder(ui_world.cell_a, tmp_path / "cell-a")
    KeyService(cell).register_superior(certificate_bytes(ui_world.commune))
    services = open_services(cell)
    try:
        superior = KeyService(cell).superior_certificate()
        assert superior is not None
        result = AckImporter(services.context).import_ack(target.read_bytes(), [superior])
    finally:
        services.close()
    assert (result.serial, result.period_label, result.already) == (2, "2026-11", False)


def test_the_summary_is_signed_and_written(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, modals: Modals, tmp_path: Path
) -> None:
    import_and_wait(qtbot, registered, ui_world.files["a2-nov"])
    table = registered.screen.table_tab
    table.chooser.set_period(month_period(2026, 11))
    registered.idle()
    qtbot.mouseClick(table.export_button, Qt.MouseButton.LeftButton)
    dialog = table.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.target_line.text().endswith("tong-hop-2026-11.scb")
    target = tmp_path / "tong-hop.scb"
    dialog.target_line.setText(str(target))
    dialog.encrypt.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "chứng thư số của cấp ủy cấp trên" in dialog.problem.text()
    dialog.encrypt.setChecked(False)
    modals.expect(passphrase(), button(OK))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: modals.done, timeout=60_000)
    registered.idle()
    said = modals.seen[-1]
    assert "Số thứ tự: 1" in said and "Số văn bản: Số 01-BC/ĐU" in said
    certificate = KeyService(registered.folder).certificate()
    assert certificate is not None
    check = check_signed(target.read_bytes(), [certificate], None, (SUMMARY,))
    assert check.valid and check.period_label == "2026-11"


def test_the_committees_certificate_is_written_for_the_cells(
    qtbot: QtBot, receiver: Receiver, modals: Modals, tmp_path: Path
) -> None:
    tab = receiver.screen.senders_tab
    key = KeyService(receiver.folder).info()
    assert key is not None and tab.key is not None
    assert tab.key_fingerprint.text() == key.short_fingerprint
    target = tmp_path / "chung-thu.crt"
    modals.expect(choose_path(target), button(OK))
    qtbot.mouseClick(tab.write_certificate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: modals.done, timeout=60_000)
    assert key.short_fingerprint in modals.seen[-1]
    assert target.read_bytes() == KeyService(receiver.folder).certificate_path.read_bytes()


def test_a_wrong_passphrase_is_asked_again_and_cancel_imports_nothing(
    qtbot: QtBot, registered: Receiver, ui_world: UiWorld, modals: Modals
) -> None:
    flow = registered.screen.flow
    modals.expect(passphrase("không phải mật khẩu"), button(OK), lambda w: w.reject())
    registered.screen.import_sources([ui_world.files["a1-oct"]])
    qtbot.waitUntil(lambda: modals.done, timeout=60_000)
    qtbot.waitUntil(lambda: not flow.running)
    assert "mật khẩu" in modals.seen[1].lower()
    assert registered.inbox.reports() == []
    assert PASSPHRASE  # the right one was never typed
