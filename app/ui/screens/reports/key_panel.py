"""The key panel: the cell's signing key (holder, cell, validity, short fingerprint) with its
three actions, and the superior committee's registered certificate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _
from app.ui.context import UiContext
from app.ui.screens.reports.key_actions import KeyActions
from app.ui.screens.reports.texts import key_lines, superior_lines
from app.ui.widgets.fingerprint import FingerprintLabel

if TYPE_CHECKING:
    from app.services.keys import KeyInfo
    from app.services.report_desk import DeskState


def _text(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KeyPanel(QWidget):
    """Shows the keys of a `DeskState`; its buttons run `KeyActions`."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_actions = KeyActions(ctx, self)
        self.key: KeyInfo | None = None
        self.superior: KeyInfo | None = None
        self.key_text = _text()
        self.fingerprint_title = _text(_("Short fingerprint (read out by phone):"))
        self.fingerprint = FingerprintLabel()
        self.write_button = QPushButton(_("Write the &certificate to a file…"))
        self.import_button = QPushButton(_("&Load a key from a .p12/.pfx file…"))
        self.new_button = QPushButton(_("Make a &new key…"))
        self.superior_text = _text()
        self.superior_fingerprint = FingerprintLabel(scale=1.3)
        self.superior_button = QPushButton(_("Certificate of the &superior committee…"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._own_box(), 3)
        row.addWidget(self._superior_box(), 2)
        actions = self.key_actions
        self.write_button.clicked.connect(actions.write_certificate)
        self.import_button.clicked.connect(lambda: actions.import_key(self.key is not None))
        self.new_button.clicked.connect(lambda: actions.new_key(self.key is not None))
        self.superior_button.clicked.connect(lambda: actions.register_superior(self.superior))
        self._show_key(None)
        self._show_superior(None)

    def _own_box(self) -> QGroupBox:
        # The fingerprint spans the box under the text and the buttons, so that the panel
        # stays narrow enough for a 1366-pixel screen at 140 % text size.
        box = QGroupBox(_("The cell's signing key"))
        buttons = QVBoxLayout()
        for button in (self.write_button, self.import_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid = QGridLayout(box)
        grid.addWidget(self.key_text, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.fingerprint_title, 1, 0, 1, 2)
        grid.addWidget(self.fingerprint, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return box

    def _superior_box(self) -> QGroupBox:
        box = QGroupBox(_("The superior committee's certificate"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.superior_text)
        layout.addWidget(self.superior_fingerprint)
        layout.addStretch(1)
        layout.addWidget(self.superior_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def show_state(self, state: DeskState) -> None:
        """Show the keys of `state`."""
        self.key_actions.superior_committee = state.superior_committee
        self._show_key(state.key)
        self._show_superior(state.superior)

    def _show_key(self, key: KeyInfo | None) -> None:
        self.key = key
        if key is None:
            self.key_text.setText(
                _(
                    "The cell has no signing key yet. It is made on the first export of a "
                    "report: you then choose its passphrase and type it twice. A key from a "
                    "certificate authority can be loaded from its .p12/.pfx file instead."
                )
            )
        else:
            self.key_text.setText(key_lines(key))
        self.fingerprint.setText(key.short_fingerprint if key else "")
        self.fingerprint.setVisible(key is not None)
        self.fingerprint_title.setVisible(key is not None)
        self.write_button.setEnabled(key is not None)

    def _show_superior(self, superior: KeyInfo | None) -> None:
        self.superior = superior
        if superior is None:
            self.superior_text.setText(
                _(
                    "Not registered yet. It is needed to check the committee's "
                    "acknowledgements and to encrypt reports for it: ask the committee for its "
                    "certificate file."
                )
            )
        else:
            self.superior_text.setText(superior_lines(superior))
        self.superior_fingerprint.setText(superior.short_fingerprint if superior else "")
        self.superior_fingerprint.setVisible(superior is not None)
