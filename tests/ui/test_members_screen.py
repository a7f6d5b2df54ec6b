"""The member register screen driven as a secretary would: search, add, edit, delete, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.ui.screens.members import MembersScreen
from app.ui.screens.members.form import MemberFormDialog
from app.ui.screens.members.presenter import Column


def answer_box(button_text: str) -> list[str]:
    """Press `button_text` in the next message box that appears; returns the texts it showed."""
    seen: list[str] = []

    def attempt(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            for button in box.buttons():
                if button.text() == button_text:
                    button.click()
                    return
        if tries < 200:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)
    return seen


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard with a Vietnamese input method: one key event per character.

    (QTest.keyClicks only handles ASCII.)
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def names(view: MembersScreen) -> list[str]:
    return [m.full_name for m in view.model.presenter.rows]


def wait_form(qtbot: QtBot, view: MembersScreen) -> MemberFormDialog:
    qtbot.waitUntil(lambda: view.form is not None and view.form.isVisible())
    assert view.form is not None
    return view.form


def select(qtbot: QtBot, view: MembersScreen, query: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, query)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    view.table.setFocus()


def test_lists_the_register_in_vietnamese_order(screen: MembersScreen) -> None:
    assert screen.title == "Đảng viên"
    assert screen.count.text() == "27 đảng viên"
    rows = names(screen)
    assert len(rows) == 27
    # Vietnamese order sorts by given name: Bình is a former member, so the list starts at Chá.
    assert rows[0] == "Lý Mí Chá"
    assert "Đỗ Văn Bình" not in rows  # transferred out
    header = screen.model.headerData(Column.STANDING, Qt.Orientation.Horizontal)
    assert header == "Tình trạng"


def test_search_ignores_diacritics_and_case(qtbot: QtBot, screen: MembersScreen) -> None:
    qtbot.keyClicks(screen.search, "nguyen")
    assert names(screen) == ["Nguyễn Văn Hùng"]
    assert screen.count.text() == "Tìm thấy 1 trong 27 đảng viên"
    screen.search.clear()
    qtbot.keyClicks(screen.search, "SUNG MI")
    assert names(screen) == ["Sùng Mí Páo"]
    screen.search.clear()
    assert len(names(screen)) == 27


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, screen: MembersScreen) -> None:
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.search.hasFocus()


def test_include_former_shows_members_who_left(qtbot: QtBot, screen: MembersScreen) -> None:
    screen.include_former.click()
    rows = names(screen)
    assert "Đỗ Văn Bình" in rows and "Vàng Mí Lềnh" in rows
    row = rows.index("Vàng Mí Lềnh")
    standing = screen.model.index(row, Column.STANDING).data()
    assert standing == "Đã từ trần"
    assert screen.count.text() == "29 đảng viên"


def test_header_click_sorts_by_birth_date(qtbot: QtBot, screen: MembersScreen) -> None:
    before = [m.birth_date for m in screen.model.presenter.rows]
    assert before != sorted(before)  # name order is not birth order
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.BIRTH_DATE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    births = [m.birth_date for m in screen.model.presenter.rows]
    assert births == sorted(before)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [m.birth_date for m in screen.model.presenter.rows] == sorted(before, reverse=True)


def test_add_member_by_keyboard(qtbot: QtBot, screen: MembersScreen) -> None:
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = wait_form(qtbot, screen)
    assert form.windowTitle() == "Thêm đảng viên"
    assert form.fields.combo("role").currentText() == "Đảng viên"
    assert form.fields.combo("status").currentText() == "Chính thức"
    type_text(form.fields.full_name, "Lò Văn Páo")
    qtbot.keyClick(form.fields.full_name, Qt.Key.Key_Tab)
    gender = form.fields.combo("gender")
    assert form.focusWidget() is gender
    qtbot.keyClick(gender, Qt.Key.Key_Down)
    assert gender.currentText() == "Nam"
    qtbot.keyClick(gender, Qt.Key.Key_Tab)
    birth = form.fields.dates["birth_date"]
    assert form.focusWidget() is birth
    qtbot.keyClicks(birth, "5/2/1980")
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    ethnicity = form.fields.combo("ethnicity")
    assert form.focusWidget() in (ethnicity, ethnicity.lineEdit())
    ethnicity.lineEdit().selectAll()
    type_text(ethnicity.lineEdit(), "Giáy")
    qtbot.keyClick(ethnicity.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: "Lò Văn Páo" in names(screen))
    stored = screen.ctx.jobs.services.members.list(query="lo van pao")
    assert [(m.full_name, m.ethnicity, m.birth_date.isoformat()) for m in stored] == [
        ("Lò Văn Páo", "Giáy", "1980-02-05")
    ]
    selected = screen.selected_member()
    assert selected is not None and selected.full_name == "Lò Văn Páo"
    # A full member without an admission date is saved with a visible warning.
    box = form.warning_box
    assert box is not None and box.isVisible()
    assert box.text() == "Đã lưu thông tin đảng viên. Xin lưu ý:"
    assert "Chưa có ngày quyết định kết nạp" in box.informativeText()
    box.accept()


def test_invalid_birth_date_keeps_the_dialog_open(qtbot: QtBot, screen: MembersScreen) -> None:
    screen.add_button.click()
    form = wait_form(qtbot, screen)
    type_text(form.fields.full_name, "Hà Thị Lan")
    qtbot.keyClick(form.fields.full_name, Qt.Key.Key_Tab)
    qtbot.keyClick(form.fields.combo("gender"), Qt.Key.Key_Down)
    qtbot.keyClick(form.fields.combo("gender"), Qt.Key.Key_Down)
    birth = form.fields.dates["birth_date"]
    qtbot.keyClicks(birth, "31/02/1980")
    qtbot.keyClick(birth, Qt.Key.Key_Return)
    assert form.problem_box is not None and form.problem_box.isVisible()
    message = form.fields.errors["birth_date"]
    assert message.isVisibleTo(form)
    assert "“31/02/1980” không phải là ngày hợp lệ" in message.text()
    assert "31/02/1980" in form.problem_box.informativeText()
    form.problem_box.accept()
    assert form.isVisible()
    assert form.fields.full_name.text() == "Hà Thị Lan"
    assert birth.text() == "31/02/1980"
    assert form.fields.combo("gender").currentText() == "Nữ"


def test_admission_before_birth_is_refused_by_the_service(
    qtbot: QtBot, screen: MembersScreen
) -> None:
    screen.add_button.click()
    form = wait_form(qtbot, screen)
    fields = form.fields
    type_text(fields.full_name, "Hà Thị Lan")
    fields.combo("gender").setCurrentIndex(1)
    qtbot.keyClicks(fields.dates["birth_date"], "05/02/1980")
    qtbot.keyClicks(fields.dates["admission_date"], "01/01/1979")
    qtbot.keyClick(fields.dates["admission_date"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.problem_box is not None and form.problem_box.isVisible())
    error = fields.errors["admission_date"]
    assert error.isVisibleTo(form)
    assert "Ngày quyết định kết nạp 01/01/1979 trước ngày sinh 05/02/1980" in error.text()
    assert form.problem_box is not None
    assert "trước ngày sinh" in form.problem_box.informativeText()
    form.problem_box.accept()
    assert form.isVisible()
    assert fields.full_name.text() == "Hà Thị Lan"
    assert fields.dates["admission_date"].text() == "01/01/1979"
    assert screen.ctx.jobs.services.members.list(query="ha thi lan") == []


def test_edit_member_with_enter(qtbot: QtBot, screen: MembersScreen) -> None:
    select(qtbot, screen, "nguyen van hung")
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    form = wait_form(qtbot, screen)
    assert form.fields.full_name.text() == "Nguyễn Văn Hùng"
    assert form.fields.seniority.text().startswith("Tuổi đảng: ")
    phone = form.fields.line("phone")
    phone.clear()
    qtbot.keyClicks(phone, "0912 345 678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert screen.ctx.jobs.wait_idle()
    stored = screen.ctx.jobs.services.members.list(query="nguyen van hung")
    assert [m.phone for m in stored] == ["0912 345 678"]


def test_escape_asks_before_discarding(qtbot: QtBot, screen: MembersScreen) -> None:
    screen.add_button.click()
    form = wait_form(qtbot, screen)
    type_text(form.fields.full_name, "Vừa gõ")
    texts = answer_box("&Tiếp tục sửa")
    qtbot.keyClick(form.fields.full_name, Qt.Key.Key_Escape)
    assert texts == ["Bạn đã sửa thông tin của đảng viên này. Đóng mà không lưu?"]
    assert form.isVisible()
    assert form.fields.full_name.text() == "Vừa gõ"
    answer_box("&Bỏ thay đổi")
    qtbot.keyClick(form.fields.full_name, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_delete_then_undo(qtbot: QtBot, screen: MembersScreen) -> None:
    select(qtbot, screen, "tran thi huong")
    texts = answer_box("&Xóa")
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert texts and "Trần Thị Hương" in texts[0]
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.message.isVisible()
    assert screen.message.label.text() == "Đã xóa Trần Thị Hương khỏi danh sách đảng viên."
    assert screen.ctx.jobs.services.members.list(query="tran thi huong") == []
    screen.message.undo_button.click()
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: names(screen) == ["Trần Thị Hương"])
    assert screen.message.label.text() == "Trần Thị Hương đã trở lại danh sách đảng viên."
    assert len(screen.ctx.jobs.services.members.list(query="tran thi huong")) == 1


def test_open_member_by_id(qtbot: QtBot, screen: MembersScreen) -> None:
    member = next(m for m in screen.model.presenter.rows if m.full_name == "Sùng Mí Páo")
    screen.open_member(member.id)
    form = wait_form(qtbot, screen)
    assert form.fields.full_name.text() == "Sùng Mí Páo"
    assert form.fields.combo("role").currentText() == "Bí thư"
    form.reject()


def test_export_xlsx_and_pdf(qtbot: QtBot, screen: MembersScreen, tmp_path: Path) -> None:
    for name in ("ds.xlsx", "ds.pdf"):
        target = tmp_path / name
        screen.export_to(target)
        assert screen.ctx.jobs.wait_idle(20000)
        assert target.exists() and target.stat().st_size > 0
        assert screen.message.label.text() == f"Đã xuất 27 đảng viên ra tệp {target}."
