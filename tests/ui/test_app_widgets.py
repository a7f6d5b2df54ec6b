"""Shared widgets: the dd/mm/yyyy date field, severity words, headings that follow zoom."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.findings import Severity
from app.ui.widgets.dates import DateField, parse_date
from app.ui.widgets.severity import severity_word
from app.ui.widgets.text import Heading
from app.ui.zoom import apply_zoom


@pytest.mark.parametrize(
    "text",
    ["5/2/1980", "05/02/1980", "05-02-1980", "05.02.1980", " 5 / 2 / 1980 ", "05021980"],
)
def test_day_first_dates_are_read(text: str) -> None:
    assert parse_date(text) == dt.date(1980, 2, 5)


@pytest.mark.parametrize("text", ["31/02/1980", "5/2/80", "1980-02-05", "abc", "5/13/1980"])
def test_unreadable_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_empty_means_no_date() -> None:
    assert parse_date("   ") is None


def test_typing_a_date_gives_the_date_and_tidies_the_text(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    assert field.placeholderText() == "ngày/tháng/năm"
    qtbot.keyClicks(field, "5/2/1980")
    assert field.date() == dt.date(1980, 2, 5)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "05/02/1980"
    assert field.is_valid()


def test_an_unreadable_date_is_kept_and_marked_with_text(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field, "31/02/1980")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "31/02/1980"
    assert field.date() is None
    assert not field.is_valid()
    assert field.error_text() == "Ngày không hợp lệ"
    assert field.accessibleDescription() == "Ngày không hợp lệ"
    # Correcting the text clears the mark at once.
    field.setText("28/02/1980")
    assert field.is_valid()
    assert field.accessibleDescription() == ""


def test_set_date_and_clear(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    changes: list[object] = []
    field.date_changed.connect(changes.append)
    field.setDate(dt.date(2025, 7, 1))
    assert field.text() == "01/07/2025"
    field.setDate(None)
    assert field.text() == ""
    assert field.date() is None
    assert changes == [dt.date(2025, 7, 1), None]


def test_severity_words_are_the_glossary_words() -> None:
    assert [severity_word(s) for s in Severity] == ["Chặn", "Cảnh báo", "Nhắc việc"]


def test_headings_follow_the_zoom(qtbot: QtBot, qapp: QApplication) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    heading = Heading("Tổng quan", scale=2.0, parent=parent)
    apply_zoom(qapp, 100)
    before = heading.font().pointSizeF()
    apply_zoom(qapp, 150)
    assert heading.font().pointSizeF() == pytest.approx(before * 1.5)
    assert heading.font().bold()
