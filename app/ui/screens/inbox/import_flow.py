"""Importing report files (nhập báo cáo) from a USB stick, a folder or chosen files.

The files are listed first; if any is encrypted, the committee's passphrase is asked on the UI
thread and the key opened before anything is read. The import then runs on the database
thread with its own progress dialog (a count and a Stop button: stopping imports nothing) and
ends with a dialog listing every file, imported or refused with its reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.l10n import _
from app.services.inbox_dto import ImportOutcome
from app.ui.context import UiContext
from app.ui.dialogs import show_error, show_info
from app.ui.jobs import PROGRESS_DELAY_MS
from app.ui.screens.inbox import calls
from app.ui.screens.inbox.result_dialog import ImportResultDialog
from app.ui.widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from app.crypto.identity import SigningIdentity


class _Progress(QObject):
    """Carries the worker's progress to the UI thread (a queued signal across threads)."""

    advanced = Signal(int, int)


class ImportFlow(QObject):
    """One import at a time, from the chosen sources to the result dialog."""

    #: Emitted with the outcome once the result is shown (tests and the screen listen).
    finished = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self.progress: QProgressDialog | None = None
        self.result_dialog: ImportResultDialog | None = None
        self.running = False
        self._stop = threading.Event()
        self._signals = _Progress(self)
        self._signals.advanced.connect(self._advanced)

    def start(self, sources: Sequence[Path]) -> None:
        """List the report files in `sources`, then ask for the key if one is encrypted."""
        if self.running:
            return
        self.running = True
        root = self.ctx.services_data_dir
        self.ctx.jobs.run(
            lambda: calls.scan(root, sources),
            lambda scan: self._scanned(sources, scan),
            label=_("Looking for report files…"),
            on_error=self._failed,
        )

    def import_opened(self, sources: Sequence[Path], identity: SigningIdentity | None) -> None:
        """Import files already checked, with the key already opened (None: not needed)."""
        if self.running:
            return
        self.running = True
        self._import(sources, identity)

    def _scanned(self, sources: Sequence[Path], scan: calls.Scan) -> None:
        if not scan.files:
            self.running = False
            show_info(
                self._parent,
                _("Import reports"),
                _("No report file (.scb, .p7m) was found.")
                + "\n"
                + _("Report files end in .scb, or .scb.p7m when they are encrypted."),
            )
            return
        if scan.encrypted and scan.has_key:
            self._ask_key(sources, scan)
        else:
            self._import(sources, None)

    def _ask_key(self, sources: Sequence[Path], scan: calls.Scan) -> None:
        passphrase = ask_passphrase(
            self._parent,
            new=False,
            purpose=_(
                "{count} of the files are encrypted for the committee: its key opens them."
            ).format(count=scan.encrypted),
        )
        if passphrase is None:
            self.running = False
            return
        root = self.ctx.services_data_dir

        def wrong(error: BaseException) -> None:
            show_error(self._parent, error)
            self._ask_key(sources, scan)  # asked again; Cancel stops

        self.ctx.jobs.run(
            lambda: calls.open_key(root, passphrase),
            lambda identity: self._import(sources, identity),
            label=_("Opening the committee's key…"),
            on_error=wrong,
        )

    def _import(self, sources: Sequence[Path], identity: SigningIdentity | None) -> None:
        self._stop.clear()
        dialog = QProgressDialog(_("Checking the report files…"), _("&Stop"), 0, 0, self._parent)
        dialog.setWindowTitle(_("Import reports"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown only if the import lasts over half a second, like every busy dialog.
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.stop)
        self.progress = dialog
        emit: Callable[[int, int], None] = self._signals.advanced.emit
        stop = self._stop
        self.ctx.jobs.write(
            lambda s: calls.import_files(s, sources, identity, emit, stop),
            lambda done: self._imported(done.value),
            label=_("Importing reports…"),
            on_error=self._failed,
            busy_dialog=False,
        )

    def stop(self) -> None:
        """Stop before anything is stored (the Stop button)."""
        self._stop.set()
        if self.progress is not None:
            self.progress.setLabelText(_("Stopping…"))

    def _advanced(self, done: int, total: int) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if not self._stop.is_set():
            self.progress.setLabelText(
                _("Checking file {done} of {total}…").format(done=done, total=total)
            )

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.stop)
            self.progress.cancel()  # also stops its timer from showing it later
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, outcome: ImportOutcome) -> None:
        self._close_progress()
        self.running = False
        dialog = ImportResultDialog(outcome, self._parent)
        self.result_dialog = dialog
        dialog.open()
        self.finished.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        self.running = False
        show_error(self._parent, error)
