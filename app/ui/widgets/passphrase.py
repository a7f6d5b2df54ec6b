"""The passphrase (mật khẩu) of the signing key, asked in a small dialog.

For a new key it is typed twice and the dialog says plainly that a forgotten passphrase cannot
be recovered; to open the key it is typed once. "Show" reveals what was typed, for those who
find hidden typing hard. Nothing typed leaves the dialog except through `passphrase`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _


class PassphraseDialog(QDialog):
    """Asks the key's passphrase; `new` asks it twice for a key about to be made."""

    def __init__(self, parent: QWidget | None, *, new: bool, purpose: str = "") -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(_("Passphrase of the signing key"))
        intro = QLabel(
            _(
                "A new signing key is made now. Choose a passphrase of at least 8 characters "
                "(a short sentence is best) and type it twice. A forgotten passphrase cannot "
                "be recovered: a new key would have to be made and registered again."
            )
            if new
            else _("Type the passphrase of the signing key.")
        )
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(_("&Show what I type"))
        self.show_text.toggled.connect(self._toggle)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Passphrase:"), self.first)
        if new:
            form.addRow(_("&Again:"), self.second)
        else:
            self.second.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if purpose:
            heading = QLabel(purpose)
            heading.setWordWrap(True)
            layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.show_text)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.first.setFocus()
        self.resize(480, self.sizeHint().height())

    @property
    def passphrase(self) -> str:
        """What was typed (valid after the dialog was accepted)."""
        return self.first.text()

    def _toggle(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _accept(self) -> None:
        if not self.first.text():
            self._refuse(_("Type the passphrase."), self.first)
        elif self.new and self.first.text() != self.second.text():
            # The warning sign carries the meaning for those who cannot tell red from black.
            self._refuse(_("The two passphrases differ. Type them again."), self.second)
        else:
            self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.problem.setText(f"⚠ {text}")
        field.selectAll()
        field.setFocus()


def ask_passphrase(parent: QWidget | None, *, new: bool, purpose: str = "") -> str | None:
    """The passphrase typed, or None when the user cancelled."""
    dialog = PassphraseDialog(parent, new=new, purpose=purpose)
    try:
        return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
