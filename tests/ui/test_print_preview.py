"""Print preview, printing and "Lưu PDF" on a real two-page member list."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QGroupBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.reports.member_list import render_member_list
from app.reports.snapshots import DocumentHeader, MemberListRow, MemberListSnapshot
from app.settings import UserSettings
from app.ui.context import UiContext
from app.ui.jobs import JobRunner
from app.ui.print_preview import PrintPreviewDialog, open_preview
from app.ui.printing.pages import read_pages
from app.ui.printing.printer import chosen_pages, prepare_printer
from app.ui.screens.members import MembersScreen
from tests.ui.conftest import OFFSCREEN_ONLY, ModalAnswers, type_text

TITLE = "Danh sách đảng viên"
A4_POINTS = (595.3, 841.9)


def _member_list(rows: int) -> bytes:
    member = MemberListRow(
        full_name="Nguyễn Thị Thu Hằng",
        gender="Nữ",
        birth_date=dt.date(1975, 3, 8),
        ethnicity="Tày",
        status="Chính thức",
        role="",
        admission_date=dt.date(2001, 5, 19),
        recognition_date=dt.date(2002, 5, 19),
        standing="",
        note="",
    )
    snapshot = MemberListSnapshot(
        header=DocumentHeader(
            "ĐẢNG BỘ XÃ LŨNG CÚ", "CHI BỘ THÔN LŨNG CÚ", "", "Lũng Cú", dt.date(2026, 2, 5)
        ),
        cell_name="thôn Lũng Cú",
        as_of=dt.date(2026, 2, 5),
        rows=(member,) * rows,
        counts=(("Tổng số đảng viên", rows),),
        secretary_name="Sùng Mí Páo",
        recipients=("Đảng ủy xã Lũng Cú",),
    )
    return render_member_list(snapshot)


@pytest.fixture(scope="module")
def two_pages() -> bytes:
    data = _member_list(30)
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    return data


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def preview(
    qtbot: QtBot, parent: QWidget, jobs: JobRunner, two_pages: bytes
) -> Iterator[PrintPreviewDialog]:
    """The preview of the two-page list, opened as a screen opens it, first page rendered."""
    open_preview(parent, jobs, TITLE, lambda: two_pages, "danh-sach-dang-vien.pdf")
    qtbot.waitUntil(lambda: parent.findChild(PrintPreviewDialog) is not None)
    dialog = parent.findChild(PrintPreviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())
    yield dialog
    assert jobs.wait_idle()


class DialogAnswers(ModalAnswers):
    """Answers the dialogs opened over the preview (which is itself modal), not the preview."""

    def handle(self) -> None:
        if not isinstance(QApplication.activeModalWidget(), PrintPreviewDialog):
            super().handle()


@pytest.fixture
def modal_answers(qtbot: QtBot) -> Iterator[DialogAnswers]:
    answers = DialogAnswers()
    timer = QTimer()
    timer.timeout.connect(answers.handle)
    timer.start(30)
    yield answers
    timer.stop()


def _pdf_printer(path: Path, pages_data: bytes) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, read_pages(pages_data), TITLE)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_preview_shows_every_page_and_where_the_reader_is(
    qtbot: QtBot, preview: PrintPreviewDialog
) -> None:
    assert preview.windowTitle() == "Xem trước: Danh sách đảng viên"
    assert preview.page_count == 2
    assert preview.page_label.text() == "Trang 1/2"
    assert preview.print_button.text() == "&In…"
    assert preview.save_button.text() == "&Lưu PDF…"
    bar = preview.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert preview.page_label.text() == "Trang 2/2"
    qtbot.waitUntil(lambda: 1 in preview.rendered_pages())


def test_zoom_keys_change_the_rendered_size(qtbot: QtBot, preview: PrintPreviewDialog) -> None:
    fitted = preview.page_pixel_size(0)
    margin = preview.strip.margin
    assert fitted.width() == pytest.approx(
        preview.scroll_area.viewport().width() - 2 * margin, abs=2
    )
    first = preview.strip.pages[0]
    fitted_dpi = first.image_dpi

    qtbot.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = preview.page_pixel_size(0)
    assert larger.width() > fitted.width()
    assert preview.zoom_label.text() == f"{round(preview.zoom_percent)} %"
    qtbot.waitUntil(lambda: first.image_dpi > fitted_dpi)

    qtbot.keyClick(preview, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.page_pixel_size(0).width() < fitted.width()
    qtbot.waitUntil(lambda: 0 < first.image_dpi < fitted_dpi)

    qtbot.keyClick(preview, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.page_pixel_size(0) == fitted


# Answered a second time before it closes (a busy machine), the file dialog's completer pops up;
# offscreen has no window manager to raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_save_as_pdf_writes_the_original_bytes(
    qtbot: QtBot,
    preview: PrintPreviewDialog,
    jobs: JobRunner,
    modal_answers: DialogAnswers,
    two_pages: bytes,
    tmp_path: Path,
) -> None:
    target = tmp_path / "danh sách.pdf"

    def choose(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        widget.setDirectory(str(tmp_path))
        name = widget.findChild(QLineEdit, "fileNameEdit")
        name.clear()
        type_text(qtbot, name, target.name)  # as the secretary types it, with "á"
        qtbot.keyClick(name, Qt.Key.Key_Return)

    modal_answers.answer = choose
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    # On a busy machine the dialog may be answered twice before it closes: same dialog.
    assert modal_answers.texts and set(modal_answers.texts) == {"Lưu thành tệp PDF"}
    assert jobs.wait_idle()
    assert target.read_bytes() == two_pages
    assert preview.status.text() == f"Đã lưu vào {target}."
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed, not left


def test_a_failed_save_says_why_and_keeps_the_preview(
    preview: PrintPreviewDialog, jobs: JobRunner, modal_answers: DialogAnswers, tmp_path: Path
) -> None:
    preview.save_to(tmp_path / "no such folder" / "danh-sach.pdf")
    assert jobs.wait_idle()
    assert len(modal_answers.texts) == 1
    assert "Không lưu được tệp" in modal_answers.texts[0]
    assert "Thư mục không tồn tại" in modal_answers.texts[0]
    assert "Chưa có gì được lưu" in modal_answers.texts[0]
    assert preview.isVisible()
    assert preview.save_button.isEnabled() and preview.close_button.isEnabled()


def test_printing_sends_every_page_at_a4(
    preview: PrintPreviewDialog, jobs: JobRunner, two_pages: bytes, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    preview.print_to(_pdf_printer(out, two_pages))
    assert not preview.close_button.isEnabled()  # closing mid-job would drop pages
    assert jobs.wait_idle()
    assert preview.status.text() == "Đã gửi 2 trang tới máy in."
    printed = PdfReader(out).pages
    assert len(printed) == 2
    box = printed[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
    assert preview.close_button.isEnabled()


def test_printing_honours_the_page_range(
    preview: PrintPreviewDialog, jobs: JobRunner, two_pages: bytes, tmp_path: Path
) -> None:
    out = tmp_path / "page-2.pdf"
    printer = _pdf_printer(out, two_pages)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    preview.print_to(printer)
    assert jobs.wait_idle()
    assert len(PdfReader(out).pages) == 1
    assert preview.status.text() == "Đã gửi 1 trang tới máy in."


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false", OFFSCREEN_ONLY)
def test_a_printer_that_cannot_start_gives_a_clear_message(
    preview: PrintPreviewDialog,
    modal_answers: DialogAnswers,
    two_pages: bytes,
    tmp_path: Path,
) -> None:
    printer = _pdf_printer(tmp_path / "missing folder" / "out.pdf", two_pages)
    preview.print_to(printer)
    assert len(modal_answers.texts) == 1
    assert "Máy in không in được" in modal_answers.texts[0]
    assert preview.isVisible() and preview.print_button.isEnabled()
    assert preview.pages.data == two_pages


def test_the_print_dialog_speaks_vietnamese(
    preview: PrintPreviewDialog, modal_answers: DialogAnswers
) -> None:
    seen: list[str] = []

    def look(widget: QWidget) -> None:
        assert isinstance(widget, QPrintDialog)
        seen.extend(button.text() for button in widget.findChildren(QPushButton))
        seen.extend(box.title() for box in widget.findChildren(QGroupBox))
        widget.reject()

    modal_answers.answer = look
    preview.print_document()
    assert modal_answers.texts == ["In"]
    assert "&In" in seen
    assert "Phạm vi in" in seen
    assert preview.status.text() == ""  # cancelled: nothing printed


def test_chosen_pages_follow_the_dialog(tmp_path: Path, two_pages: bytes) -> None:
    printer = _pdf_printer(tmp_path / "x.pdf", two_pages)
    assert chosen_pages(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 3, current=1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert chosen_pages(printer, 3) == [2, 1]
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    # A PDF file "printer" makes no copies itself: the program prints each copy.
    assert not printer.supportsMultipleCopies()
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert chosen_pages(printer, 3) == [1, 2, 1, 2]
    printer.setCollateCopies(False)
    assert chosen_pages(printer, 3) == [1, 1, 2, 2]


def test_a_damaged_pdf_shows_an_error_not_a_preview(
    qtbot: QtBot, parent: QWidget, jobs: JobRunner, modal_answers: DialogAnswers, two_pages: bytes
) -> None:
    broken: Callable[[], bytes] = lambda: two_pages[: len(two_pages) // 3]  # noqa: E731
    open_preview(parent, jobs, TITLE, broken, "x.pdf")
    assert jobs.wait_idle()
    assert len(modal_answers.texts) == 1
    assert "Không hiển thị được tài liệu: tệp PDF bị hỏng" in modal_answers.texts[0]
    assert parent.findChild(PrintPreviewDialog) is None


def test_escape_closes_and_releases_the_page_images(
    qtbot: QtBot, preview: PrintPreviewDialog, jobs: JobRunner, modal_answers: DialogAnswers
) -> None:
    held_on_close: list[list[int]] = []
    preview.finished.connect(lambda _result: held_on_close.append(preview.rendered_pages()))
    qtbot.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not jobs.is_idle())  # a page is rendering for the new zoom
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert held_on_close == [[]]
    assert not preview.isVisible()
    # The dialog is deleted before the render comes back: that must pass unnoticed.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert jobs.wait_idle()
    assert modal_answers.texts == []


def test_members_screen_previews_the_member_list(qtbot: QtBot, screen: MembersScreen) -> None:
    assert screen.preview_button.text() == "Xem trước và &in danh sách…"
    qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.findChild(PrintPreviewDialog) is not None)
    dialog = screen.findChild(PrintPreviewDialog)
    assert dialog is not None
    assert dialog.windowTitle() == "Xem trước: Danh sách đảng viên"
    text = PdfReader(io.BytesIO(dialog.pages.data)).pages[0].extract_text()
    assert "DANH SÁCH ĐẢNG VIÊN" in text
    assert dialog.page_label.text() == f"Trang 1/{dialog.page_count}"
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())
    dialog.reject()


def test_without_a_cell_profile_the_member_list_asks_for_it_first(
    qtbot: QtBot, data_dir: Path, jobs: JobRunner, modal_answers: DialogAnswers
) -> None:
    view = MembersScreen(UiContext(data_dir, jobs, UserSettings()))
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    assert jobs.wait_idle()
    assert len(modal_answers.texts) == 1
    assert "Hãy khai báo thông tin chi bộ trước" in modal_answers.texts[0]
    assert view.findChild(PrintPreviewDialog) is None
