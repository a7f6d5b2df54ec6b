"""The import wizard on a real .xlsx: a bad row blocks the import, the fixed file imports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.ui.screens.members import MembersScreen
from app.ui.screens.members.import_model import ImportPreviewModel
from app.ui.screens.members.import_wizard import ImportWizard

HEADERS = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Ngày vào Đảng"]
GOOD_ROWS = [
    [1, "Lò Văn Tỉnh", "Nam", "12/03/1975", "Giáy", "02/09/2001"],
    [2, "Hầu Thị Dính", "Nữ", "01/07/1990", "Mông", "19/05/2015"],
    [3, "Vương Văn Chẩn", "Nam", "20/11/1968", "Lô Lô", "03/02/1995"],
]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def start(qtbot: QtBot, view: MembersScreen, path: Path) -> ImportWizard:
    view.import_button.click()
    wizard = view.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.set_path(path)
    return wizard


def press(qtbot: QtBot, wizard: ImportWizard, which: QWizard.WizardButton, page: int) -> None:
    button = wizard.button(which)
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == page)


def test_bad_row_blocks_then_fixed_file_imports(
    qtbot: QtBot, screen: MembersScreen, tmp_path: Path
) -> None:
    bad = [*GOOD_ROWS[:2], [3, "Vương Văn Chẩn", "Nam", "31/02/1968", "Lô Lô", "03/02/1995"]]
    path = write_xlsx(tmp_path / "danh sach.xlsx", bad)
    wizard = start(qtbot, screen, path)
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 1)

    mapping = wizard.mapping_page
    assert [c.currentText() for c in mapping.combos] == [
        "— Bỏ qua —",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Dân tộc",
        "Ngày quyết định kết nạp (ngày vào Đảng)",
    ]
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 2)

    page = wizard.preview_page
    assert page.counts.text() == "2 dòng hợp lệ, 1 dòng có lỗi"
    model = page.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
    assert model.index(2, 1).data() == "Vương Văn Chẩn"
    assert model.index(2, 2).data() == "Có lỗi"
    assert model.index(0, 2).data() == "Hợp lệ"
    assert "Cột “Ngày sinh”" in model.index(2, 3).data()
    assert "31/02/1968" in model.index(2, 3).data()
    commit_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit_button.text() == "&Nhập"
    assert not commit_button.isEnabled()
    assert page.reason.isVisibleTo(wizard)
    assert "Chưa thể nhập" in page.reason.text()

    write_xlsx(path, GOOD_ROWS)
    page.reload_button.click()
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(commit_button.isEnabled)
    assert page.counts.text() == "3 dòng hợp lệ, 0 dòng có lỗi"
    assert not page.reason.isVisibleTo(wizard)
    press(qtbot, wizard, QWizard.WizardButton.CommitButton, 3)
    assert wizard.done_page.summary.text() == "Đã thêm 3 đảng viên vào danh sách."
    assert screen.ctx.jobs.wait_idle()
    stored = screen.ctx.jobs.services.members.list(query="vuong van chan")
    assert [(m.full_name, m.ethnicity) for m in stored] == [("Vương Văn Chẩn", "Lô Lô")]
    qtbot.waitUntil(lambda: screen.count.text() == "30 đảng viên")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()


def test_nothing_is_written_while_rows_have_errors(
    qtbot: QtBot, screen: MembersScreen, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "dup.xlsx", [GOOD_ROWS[0], GOOD_ROWS[0]])
    wizard = start(qtbot, screen, path)
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 1)
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 2)
    model = wizard.preview_page.model
    assert model.index(1, 2).data() == "Có lỗi"
    assert "Dòng 2" in model.index(1, 3).data()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()
    assert screen.ctx.jobs.services.members.list(query="lo van tinh") == []


def test_unreadable_file_is_explained_on_the_first_page(
    qtbot: QtBot, screen: MembersScreen, tmp_path: Path
) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"this is not a workbook")
    wizard = start(qtbot, screen, path)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert screen.ctx.jobs.wait_idle()
    assert wizard.currentId() == 0
    assert wizard.file_page.error.isVisibleTo(wizard)
    assert wizard.file_page.error.text().startswith("⚠ ")
    assert wizard.file_page.path.text() == str(path)
    wizard.reject()


def test_a_field_chosen_twice_is_refused(
    qtbot: QtBot, screen: MembersScreen, tmp_path: Path
) -> None:
    wizard = start(qtbot, screen, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS))
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 1)
    combos = wizard.mapping_page.combos
    combos[0].setCurrentIndex(combos[0].findData("full_name"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert screen.ctx.jobs.wait_idle()
    assert wizard.currentId() == 1
    assert "Họ và tên" in wizard.mapping_page.error.text()
    wizard.reject()


def test_preview_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, screen: MembersScreen, tmp_path: Path
) -> None:
    wizard = start(qtbot, screen, write_xlsx(tmp_path / "b.xlsx", GOOD_ROWS))
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 1)
    press(qtbot, wizard, QWizard.WizardButton.NextButton, 2)
    model = ImportPreviewModel(wizard)
    model.set_preview(wizard.preview)
    qtmodeltester.check(model)
    wizard.reject()
