"""First-run wizard: filled by keyboard it saves the cell; cancel writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.services.dto import CellType
from app.services.facade import Services
from app.ui.jobs import JobRunner
from app.ui.wizard import LANGUAGE_CHANGED, FirstRunWizard
from tests.ui.conftest import ModalAnswers, type_text


@pytest.fixture
def wizard(qtbot: QtBot, jobs: JobRunner) -> Iterator[FirstRunWizard]:
    shown = FirstRunWizard(jobs, "vi")
    qtbot.addWidget(shown)
    shown.show()
    yield shown


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    type_text(qtbot, widget, text)


def _next(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Return)


def _fill(qtbot: QtBot, wizard: FirstRunWizard, superior: str) -> None:
    _next(qtbot, wizard)
    _type(qtbot, wizard.fields.name, "Chi bộ thôn Lũng Cú")
    _type(qtbot, wizard.fields.place_name, "Lũng Cú")
    _next(qtbot, wizard)
    _type(qtbot, wizard.fields.superior_committee, superior)
    _type(qtbot, wizard.fields.superior_body, "ĐẢNG BỘ XÃ LŨNG CÚ")
    _type(qtbot, wizard.fields.term_start, "1/10/2025")
    _type(qtbot, wizard.fields.term_end, "30/9/2030")
    _next(qtbot, wizard)
    wizard.fields.indicators["village_head_is_member"].setCurrentIndex(1)


def test_buttons_are_vietnamese(wizard: FirstRunWizard) -> None:
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Tiếp theo >"
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< &Quay lại"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Hoàn tất"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"


def test_filled_by_keyboard_the_cell_is_saved(
    qtbot: QtBot, wizard: FirstRunWizard, jobs: JobRunner, services: Services
) -> None:
    _fill(qtbot, wizard, "Đảng ủy xã Lũng Cú")
    assert wizard.currentId() == 3
    with qtbot.waitSignal(wizard.finished) as finished:
        _next(qtbot, wizard)  # Enter on the last page is Finish
    assert finished.args == [QWizard.DialogCode.Accepted.value]
    info = services.cell.get()
    assert info is not None
    assert info.name == "Chi bộ thôn Lũng Cú"
    assert info.superior_committee == "Đảng ủy xã Lũng Cú"
    assert info.cell_type == CellType.VILLAGE
    assert info.term_start == dt.date(2025, 10, 1)
    assert info.term_end == dt.date(2030, 9, 30)
    assert info.village_head_is_member is True
    assert info.front_head_is_member is None


def test_a_refused_field_sends_the_user_back_to_its_page(
    qtbot: QtBot, wizard: FirstRunWizard, services: Services, modal_answers: ModalAnswers
) -> None:
    _fill(qtbot, wizard, "Đảng ủy huyện Đồng Văn")
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == 2 and bool(modal_answers.texts))
    error = wizard.fields.errors["superior_committee"]
    assert error.isVisible()
    assert "huyện" in error.text()
    assert "Dữ liệu chưa được lưu" in modal_answers.texts[0]
    # What was typed is still there, and nothing was written.
    assert wizard.fields.superior_committee.text() == "Đảng ủy huyện Đồng Văn"
    assert wizard.fields.name.text() == "Chi bộ thôn Lũng Cú"
    assert wizard.isVisible()
    assert services.cell.get() is None


def test_an_unreadable_date_keeps_the_user_on_the_page(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _type(qtbot, wizard.fields.term_start, "31/02/2025")
    _next(qtbot, wizard)
    assert wizard.currentId() == 2
    assert "ngày/tháng/năm" in wizard.fields.errors["term_start"].text()
    assert wizard.fields.term_start.text() == "31/02/2025"


def test_cancel_on_an_untouched_wizard_writes_nothing(
    qtbot: QtBot, wizard: FirstRunWizard, services: Services
) -> None:
    with qtbot.waitSignal(wizard.finished) as finished:
        qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)
    assert finished.args == [QWizard.DialogCode.Rejected.value]
    assert services.cell.get() is None
    assert not services.has_data()


def test_cancel_after_typing_asks_first(
    qtbot: QtBot, wizard: FirstRunWizard, services: Services, modal_answers: ModalAnswers
) -> None:
    _next(qtbot, wizard)
    _type(qtbot, wizard.fields.name, "Chi bộ thôn Lũng Cú")
    wizard.reject()  # the dialog catcher answers "Continue setting up" (Esc)
    assert "Chương trình sẽ đóng" in modal_answers.texts[0]
    assert wizard.isVisible()
    assert wizard.fields.name.text() == "Chi bộ thôn Lũng Cú"
    assert services.cell.get() is None


def test_choosing_english_asks_to_rebuild_in_english(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    with qtbot.waitSignal(wizard.finished) as finished:
        wizard.language.setCurrentIndex(wizard.language.findData("en"))
    assert finished.args == [LANGUAGE_CHANGED]
    assert wizard.chosen_language == "en"
