"""The passphrase dialog: typed twice for a new key, refused when the two differ, shown on
request, Enter accepts and Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.ui.widgets.passphrase import PassphraseDialog
from tests.ui.conftest import type_text


def test_a_new_key_needs_the_same_passphrase_twice(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.first, "Chi bộ vững mạnh")
    type_text(qtbot, dialog.second, "Chi bộ vững mạnk")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "⚠ Hai mật khẩu khác nhau. Hãy gõ lại."
    dialog.second.selectAll()
    type_text(qtbot, dialog.second, "Chi bộ vững mạnh")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase == "Chi bộ vững mạnh"


def test_opening_a_key_asks_once_and_can_show_the_text(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, new=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.second.isVisible()
    assert dialog.first.echoMode() is QLineEdit.EchoMode.Password
    dialog.show_text.setChecked(True)
    assert dialog.first.echoMode() is QLineEdit.EchoMode.Normal
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.problem.text() == "⚠ Hãy gõ mật khẩu."
    qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
