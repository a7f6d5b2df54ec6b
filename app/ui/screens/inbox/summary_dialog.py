"""The dialog of the committee's summary to its superior (báo cáo tổng hợp): where to write it,
and whether to encrypt it for the superior's certificate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import Period
from app.l10n import _
from app.ui.screens.inbox.presenter import period_name


def certificate_filter() -> str:
    return _("Certificate (*.crt *.pem *.cer)")


def _path_row(line: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(line, 1)
    row.addWidget(button)
    return box


class SummaryExportDialog(QDialog):
    """Asks the target file and the optional encryption; `target()` / `recipient()` after OK."""

    def __init__(self, period: Period, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = period
        self.setWindowTitle(_("Export the summary report"))
        intro = QLabel(
            _(
                "The summary report of {period} is signed with the committee's key and written "
                "to a file for the superior committee."
            ).format(period=period_name(period))
        )
        intro.setWordWrap(True)
        self.target_line = QLineEdit(str(default))
        choose_target = QPushButton(_("C&hoose…"))
        choose_target.clicked.connect(self._choose_target)
        self.encrypt = QCheckBox(_("&Encrypt it for the superior committee's certificate"))
        self.certificate_line = QLineEdit()
        self.certificate_line.setPlaceholderText(_("the superior committee's certificate file"))
        self.choose_certificate = QPushButton(_("Choose the ce&rtificate…"))
        self.choose_certificate.clicked.connect(self._choose_certificate)
        self.encrypt.toggled.connect(self._update)
        note = QLabel(
            _(
                "Encrypted, only the holder of that certificate's key can open the file: a "
                "lost USB stick reveals nothing."
            )
        )
        note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        target_label = QLabel(_("&File:"))
        target_label.setBuddy(self.target_line)
        form.addRow(target_label, _path_row(self.target_line, choose_target))
        form.addRow(self.encrypt)
        form.addRow(_("Certificate:"), _path_row(self.certificate_line, self.choose_certificate))
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(_("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._update()
        self.resize(640, self.sizeHint().height())

    def target(self) -> Path:
        return Path(self.target_line.text().strip())

    def recipient(self) -> Path | None:
        """The certificate file to encrypt for, or None."""
        text = self.certificate_line.text().strip()
        return Path(text) if self.encrypt.isChecked() and text else None

    def _update(self) -> None:
        on = self.encrypt.isChecked()
        self.certificate_line.setEnabled(on)
        self.choose_certificate.setEnabled(on)

    def _choose_target(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export the summary report"), self.target_line.text(), _scb_filter()
        )
        if path:
            self.target_line.setText(path)

    def _choose_certificate(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("The superior committee's certificate"), "", certificate_filter()
        )
        if path:
            self.certificate_line.setText(path)

    def _accept(self) -> None:
        if not self.target_line.text().strip():
            self._refuse(_("Choose the file to write."), self.target_line)
        elif self.encrypt.isChecked() and not self.certificate_line.text().strip():
            self._refuse(
                _("Choose the superior committee's certificate, or do not encrypt."),
                self.certificate_line,
            )
        else:
            self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        # The warning sign carries the meaning for those who cannot tell red from black.
        self.problem.setText(f"⚠ {text}")
        field.setFocus()


def _scb_filter() -> str:
    return _("Signed report file (*.scb)")
