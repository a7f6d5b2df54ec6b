"""Qt's own buttons and menus speak Vietnamese through our catalog (Qt ships none)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app import l10n
from app.ui.qt_strings import QT_STRINGS, CatalogTranslator

Buttons = QDialogButtonBox.StandardButton


def _texts(box: QDialogButtonBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def test_standard_buttons_are_vietnamese(qtbot: QtBot) -> None:
    box = QDialogButtonBox(Buttons.Ok | Buttons.Cancel | Buttons.Save | Buttons.Close)
    qtbot.addWidget(box)
    assert _texts(box) == {"Đồng ý", "Hủy", "Lưu", "Đóng"}


def test_yes_no_keep_their_mnemonics(qtbot: QtBot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {button.text() for button in box.buttons()}
    assert texts == {"&Có", "&Không"}


def test_line_edit_context_menu_is_vietnamese(qtbot: QtBot) -> None:
    line = QLineEdit("Sùng Mí Páo")
    qtbot.addWidget(line)
    menu = line.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    assert "&Sao chép" in texts
    assert "&Dán" in texts
    assert "Chọn tất cả" in texts
    assert not any("Copy" in text or "Paste" in text for text in texts)


@pytest.fixture
def english() -> Iterator[None]:
    l10n.set_language("en")
    yield
    l10n.set_language("vi")


def test_in_english_qt_keeps_its_own_texts(qtbot: QtBot, english: None) -> None:
    box = QDialogButtonBox(Buttons.Ok | Buttons.Cancel)
    qtbot.addWidget(box)
    assert _texts(box) == {"OK", "Cancel"}


def test_every_listed_qt_text_is_translated() -> None:
    translator = CatalogTranslator()
    missing = [pair for pair in QT_STRINGS if translator.translate(*pair) == pair[1]]
    assert missing == []


def test_qt_texts_we_do_not_translate_stay_as_qt_wrote_them() -> None:
    # Qt asks for its layout direction this way; "RTL" would mirror every window.
    translator = CatalogTranslator()
    assert translator.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "QT_LAYOUT_DIRECTION"
    assert translator.translate("QShortcut", "Ctrl") == "Ctrl"


def test_many_qt_lookups_do_not_free_none(qtbot: QtBot) -> None:
    # PySide6 6.12 drops a reference to None on each lookup without a disambiguation; the
    # translator gives it back. Without that, Python aborts after a few thousand lookups.
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.translate("QPlatformTheme", "OK")
    assert sys.getrefcount(None) >= before - 50
