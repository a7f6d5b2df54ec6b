"""A secretary exports the signed report of a period through the wizard (issue #4, the cell's
side), by keyboard and mouse, over a copy of the demo cell: the file verifies, the history
shows it, a period not begun is refused, and a failed write keeps every choice for a retry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.services.keys import KeyService
from app.services.report_verify import check_report
from app.settings import UserSettings
from app.ui.printing.preview import PrintPreviewDialog
from app.ui.screens.reports import ReportsScreen
from app.ui.screens.reports.texts import unbroken
from app.ui.screens.reports.wizard import ExportWizard
from app.ui.shell import MainWindow
from tests.integration.desk_world import PASSPHRASE, DeskWorld, build_desk_world, copy_folder
from tests.ui.conftest import type_text
from tests.ui.reports_helpers import (
    ENTER,
    OFFSCREEN_ONLY,
    modals,
    open_reports,
    reports_row,
    reports_window,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> DeskWorld:
    return build_desk_world(tmp_path_factory.mktemp("desk-ui"))


def _history(screen: ReportsScreen) -> list[list[str]]:
    model = screen.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _open_wizard(qtbot: QtBot, window: MainWindow, screen: ReportsScreen) -> ExportWizard:
    # Alt+X: "Xuất báo cáo…", as the underlined letter says; shortcuts need the window active.
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(screen.export_button, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.wizard is not None and screen.wizard.isVisible())
    assert screen.wizard is not None
    return screen.wizard


def _enter(qtbot: QtBot, wizard: ExportWizard) -> None:
    """Enter where the wizard's focus is: its default button (Next, Sign and export).

    A window manager gives the focus back to the wizard when a dialog above it closes;
    offscreen, do it."""
    if QApplication.activeWindow() is not wizard:
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard.focusWidget() or wizard, ENTER)


def _next_page(qtbot: QtBot, window: MainWindow, wizard: ExportWizard) -> None:
    page = wizard.currentPage()
    _enter(qtbot, wizard)
    assert window.ctx.jobs.wait_idle(60_000)
    qtbot.waitUntil(lambda: wizard.currentPage() is not page)


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_the_area_sits_after_meetings_and_before_settings(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    with reports_window(qtbot, copy_folder(world.cell, tmp_path / "cell")) as window:
        titles = [area.title for area in window.areas]
        row = reports_row(window)
        assert titles[row - 1] == "Sinh hoạt" and titles.index("Cài đặt") > row
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier
        )
        screen = window.stack.currentWidget()
        assert isinstance(screen, ReportsScreen)
        assert window.ctx.jobs.wait_idle()
        assert screen.empty.isVisible() and screen.model.rowCount() == 0
        assert screen.keys.key_text.text().startswith("Chi bộ chưa có khóa ký số.")
        assert not screen.keys.write_button.isEnabled()
        assert screen.keys.superior_text.text().startswith("Chưa đăng ký.")


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_the_first_export_makes_the_key_and_explains_enrolment(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    folder = copy_folder(world.cell, tmp_path / "cell")
    settings = UserSettings(report_folder=str(usb))
    with reports_window(qtbot, folder, settings) as window, modals(qtbot) as answers:
        screen = open_reports(window)
        wizard = _open_wizard(qtbot, window, screen)
        page = wizard.period_page
        # The previous month is proposed; one step down in the list gives November.
        assert page.month.isChecked() and page.number.currentText() == "Tháng 10"
        assert page.year.value() == 2026
        page.number.setFocus()
        qtbot.keyClick(page.number, Qt.Key.Key_Down)
        assert page.span.text() == "Báo cáo tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)."
        _next_page(qtbot, window, wizard)
        # No superior certificate: encryption is explained, not offered.
        assert wizard.currentPage() is wizard.encrypt_page
        assert not wizard.encrypt_page.encrypt.isEnabled()
        assert wizard.encrypt_page.register_button.isVisible()
        _next_page(qtbot, window, wizard)
        files = wizard.file_page
        assert files.path.text() == str(usb / "bao-cao-2026-11.scb")
        target = usb / "báo cáo tháng 11.scb"
        files.path.clear()
        type_text(qtbot, files.path, str(target))
        _next_page(qtbot, window, wizard)
        summary = wizard.summary_page.summary.text()
        assert "Kỳ báo cáo: Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)" in summary
        assert f"Tệp: {target}" in summary and "Mã hóa: không" in summary
        assert "khóa sẽ được tạo ngay bây giờ" in wizard.summary_page.key_note.text()
        assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Ký và xuất báo cáo"
        answers.passphrase(PASSPHRASE)  # typed twice: a new key is made
        _next_page(qtbot, window, wizard)
        assert answers.seen == ["Mật khẩu của khóa ký số"]
        done = wizard.done_page
        assert wizard.currentPage() is done
        assert done.serial.text() == "Số thứ tự: 1"
        assert done.number.text().startswith("Báo cáo số ") and "-BC/CB" in done.number.text()
        assert done.file.text() == f"Tệp: {target}"
        key = KeyService(folder).info()
        assert key is not None and done.fingerprint.text() == key.short_fingerprint
        assert done.enrolment.isVisible()
        assert unbroken(key.short_fingerprint) in done.enrolment_text.text()
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(lambda: screen.wizard is None)
        rows = _history(screen)
        assert rows == [["1", "Tháng 11/2026", rows[0][2], "Đã ghi", target.name, "Không", "Chưa"]]
        assert screen.message.label.text() == (
            f"Đã ghi báo cáo {rows[0][2][:1].lower()}{rows[0][2][1:]} (số thứ tự 1) ra tệp "
            f"{target}."
        )
        assert screen.keys.fingerprint.text() == key.short_fingerprint
        saved = json.loads(window.ctx.paths.settings.read_text(encoding="utf-8"))
        assert saved["report_folder"] == str(usb)
    certificate = KeyService(folder).certificate()
    assert certificate is not None
    check = check_report(target.read_bytes(), [certificate])
    assert check.valid and check.period_label == "2026-11" and check.serial == 1
    assert check.document_number == rows[0][2]


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_a_period_not_begun_is_refused_on_the_first_step(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    with reports_window(qtbot, copy_folder(world.cell_with_key, tmp_path / "cell")) as window:
        screen = open_reports(window)
        wizard = _open_wizard(qtbot, window, screen)
        page = wizard.period_page
        page.number.setCurrentIndex(11)  # December 2026; today is 23/11/2026
        _enter(qtbot, wizard)
        assert window.ctx.jobs.wait_idle()
        qtbot.waitUntil(page.error.isVisible)
        assert page.error.text() == "⚠ Kỳ 2026-12 chưa bắt đầu. Hãy chọn một kỳ đã bắt đầu."
        assert wizard.currentPage() is page
        qtbot.mouseClick(page.quarter, Qt.MouseButton.LeftButton)  # Quý IV has begun
        assert not page.error.isVisible()
        assert page.number.currentText() == "Quý IV"
        _next_page(qtbot, window, wizard)
        assert wizard.currentPage() is wizard.encrypt_page
        wizard.reject()


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_a_failed_write_keeps_the_choices_and_the_retry_succeeds(
    qtbot: QtBot, world: DeskWorld, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "bao-cao-2026-Q3.scb"
    with (
        reports_window(qtbot, copy_folder(world.cell_with_key, tmp_path / "cell")) as window,
        modals(qtbot) as answers,
    ):
        screen = open_reports(window)
        wizard = _open_wizard(qtbot, window, screen)
        qtbot.mouseClick(wizard.period_page.quarter, Qt.MouseButton.LeftButton)
        wizard.period_page.number.setCurrentIndex(2)
        _next_page(qtbot, window, wizard)
        _next_page(qtbot, window, wizard)
        wizard.file_page.path.setText(str(target))
        _next_page(qtbot, window, wizard)
        summary = wizard.summary_page
        assert "Ký bằng khóa của Sùng Mí Páo" in summary.key_note.text()

        # A wrong passphrase: the key's sentence, nothing written, still on the summary.
        answers.passphrase("không phải mật khẩu")
        _enter(qtbot, wizard)
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(summary.error.isVisible)
        assert "Mật khẩu của tệp khóa không đúng" in summary.error.text()
        assert "Các lựa chọn vẫn được giữ nguyên" in summary.error.text()
        assert wizard.currentPage() is summary

        # The USB stick is pulled: the service's sentence, and the failed serial is kept.
        shutil.rmtree(usb)
        answers.passphrase(PASSPHRASE)
        _enter(qtbot, wizard)
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(lambda: "Không lưu được tệp" in summary.error.text())
        assert wizard.currentPage() is summary
        assert wizard.period_page.number.currentText() == "Quý III"
        assert wizard.file_page.path.text() == str(target)
        assert _history(screen)[0][:4] == ["1", "Quý III/2026", "—", "Không thành"]

        # The stick is back: the same button again, the same choices, and it is written.
        usb.mkdir()
        answers.passphrase(PASSPHRASE)
        _next_page(qtbot, window, wizard)
        assert wizard.currentPage() is wizard.done_page
        assert wizard.done_page.serial.text() == "Số thứ tự: 2"
        assert not wizard.done_page.enrolment.isVisible()  # the key was not new
        wizard.accept()
        assert window.ctx.jobs.wait_idle()
        assert [row[:4] for row in _history(screen)] == [
            ["2", "Quý III/2026", _history(screen)[0][2], "Đã ghi"],
            ["1", "Quý III/2026", "—", "Không thành"],
        ]
    assert target.is_file()


@pytest.mark.qt_log_ignore(OFFSCREEN_ONLY)
def test_the_draft_preview_reserves_nothing(qtbot: QtBot, world: DeskWorld, tmp_path: Path) -> None:
    with reports_window(qtbot, copy_folder(world.cell_with_key, tmp_path / "cell")) as window:
        screen = open_reports(window)
        wizard = _open_wizard(qtbot, window, screen)
        for _step in range(3):
            _next_page(qtbot, window, wizard)
        qtbot.mouseClick(wizard.summary_page.preview_button, Qt.MouseButton.LeftButton)
        assert window.ctx.jobs.wait_idle(60_000)
        qtbot.waitUntil(lambda: _preview() is not None)
        preview = _preview()
        assert preview is not None
        assert preview.windowTitle() == "Xem trước: Dự thảo báo cáo tháng 10/2026"
        preview.close()
        wizard.reject()
        screen.refresh()
        assert window.ctx.jobs.wait_idle()
        assert screen.model.rowCount() == 0


def _preview() -> PrintPreviewDialog | None:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PrintPreviewDialog) and w.isVisible()
    ]
    return found[0] if found else None
