"""Error dialogs: user errors in plain words; unexpected ones logged without personal data."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.findings import Problem
from app.domain.messages import Message
from app.services.errors import UserError, ValidationError
from app.ui.dialogs import UnexpectedErrorDialog, confirm, problems_text, show_error
from tests.ui.conftest import ModalAnswers


def _raised(name: str) -> RuntimeError:
    try:
        raise RuntimeError(f"could not save {name}")
    except RuntimeError as error:
        return error


def test_validation_problems_are_listed(modal_answers: ModalAnswers) -> None:
    problem = Problem("name", Message("The cell name is empty."))
    show_error(None, ValidationError([problem]))
    assert "Dữ liệu chưa được lưu" in modal_answers.texts[0]
    assert problems_text([problem]).startswith("• ")


def test_a_user_error_is_shown_as_is(modal_answers: ModalAnswers) -> None:
    show_error(None, UserError("Không ghi được vào thư mục dữ liệu."))
    assert modal_answers.texts[0].startswith("Không ghi được vào thư mục dữ liệu.")


def test_an_unexpected_error_is_logged_without_its_message(
    caplog: pytest.LogCaptureFixture, modal_answers: ModalAnswers
) -> None:
    with caplog.at_level(logging.ERROR, logger="sochibo.ui"):
        show_error(None, _raised("Sùng Mí Páo"))
    assert "RuntimeError" in caplog.text
    assert "Sùng Mí Páo" not in caplog.text
    assert modal_answers.texts == ["Lỗi không mong muốn"]


def test_the_details_can_be_copied(qtbot: QtBot, qapp: QApplication) -> None:
    dialog = UnexpectedErrorDialog(None, _raised("x"))
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "&Sao chép chi tiết"
    dialog.copy_button.click()
    assert "RuntimeError: could not save x" in QApplication.clipboard().text()
    assert dialog.copy_button.text() == "Đã sao chép"


def test_confirm_returns_the_answer(modal_answers: ModalAnswers) -> None:
    def press_enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        QTest.keyClick(box, Qt.Key.Key_Return)

    modal_answers.answer = press_enter
    assert confirm(None, "Xóa?", "Xóa đảng viên?", yes="&Xóa", no="&Không") is True
    # A destructive question defaults to the safe answer.
    assert (
        confirm(None, "Xóa?", "Xóa đảng viên?", yes="&Xóa", no="&Không", destructive=True) is False
    )
