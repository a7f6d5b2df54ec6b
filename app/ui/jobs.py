"""The one job runner: database work on one worker thread, heavy work on a small pool.

Screens never call services on the UI thread. They hand a function to the runner; it runs off
the UI thread and its result comes back to the main thread through a queued signal, where
`on_done` (or `on_error`) runs. Jobs never touch widgets. After every successful write the
runner emits `changed` with the service's `Changes`, so open screens reload what changed
(the change broadcast Anki uses). A busy dialog appears only when work lasts over 0.5 s.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import (
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.l10n import _
from app.services import Services
from app.services.dto import Changes
from app.ui.dialogs import show_error

T = TypeVar("T")

#: Work shorter than this shows no busy dialog (ui-common contract).
PROGRESS_DELAY_MS = 500
#: Threads for non-database work such as PDF rendering (the target laptops have 2 cores).
HEAVY_THREADS = 2

ErrorHandler = Callable[[BaseException], None]


@dataclass
class _Job:
    on_done: Callable[[Any], None]
    on_error: ErrorHandler | None
    label: str
    is_write: bool
    timer: QTimer | None = None
    started: float = field(default_factory=time.monotonic)


class _Task(QRunnable):
    """Runs one function on a pool thread and reports back through the runner's signal."""

    def __init__(self, job_id: int, fn: Callable[[], Any], report: SignalInstance) -> None:
        super().__init__()
        self._job_id = job_id
        self._fn = fn
        self._report = report
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # every failure must reach the user, not die in a thread
            self._report.emit(self._job_id, None, error)
        else:
            self._report.emit(self._job_id, result, None)


class JobRunner(QObject):
    """Runs service calls off the UI thread; see the module docstring."""

    changed = Signal(object)
    # job id, result, error: emitted from a worker thread, delivered queued on the main thread.
    _finished = Signal(int, object, object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        # SQLite likes one writer: every database job runs on this single, never-expiring thread.
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)
        self._heavy_pool = QThreadPool(self)
        self._heavy_pool.setMaxThreadCount(HEAVY_THREADS)
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._progress: QProgressDialog | None = None
        self._dialog_parent: QWidget | None = None
        self._closed = False
        self._finished.connect(self._on_finished)

    @property
    def services(self) -> Services:
        """The services object (for shutdown by the application; screens go through jobs)."""
        return self._services

    def set_dialog_parent(self, widget: QWidget | None) -> None:
        """The window the busy dialog and default error dialogs are centred on."""
        self._dialog_parent = widget

    def read(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        *,
        label: str = "",
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run a database read on the worker thread; `on_done(result)` runs on the main thread."""
        self._submit(self._db_pool, lambda: fn(self._services), on_done, label, on_error, False)

    def write(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        *,
        label: str = "",
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run a database write; on success `changed` is emitted with the `Changes` it returns."""
        self._submit(self._db_pool, lambda: fn(self._services), on_done, label, on_error, True)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        label: str = "",
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run heavy work that needs no database (e.g. rendering a PDF) on the small pool."""
        self._submit(self._heavy_pool, fn, on_done, label, on_error, False)

    def is_idle(self) -> bool:
        return not self._jobs

    def progress_dialog(self) -> QProgressDialog | None:
        """The busy dialog while one is shown (work lasting over half a second)."""
        return self._progress

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every job has finished and reported (for tests and shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        # QEventLoop.processEvents, not the static QCoreApplication one: in PySide6 6.12 the
        # static call drops a reference to None on each call and Python aborts after a few
        # thousand of them.
        loop = QEventLoop()
        while self._jobs:
            if time.monotonic() > deadline:
                return False
            loop.processEvents()
            self._db_pool.waitForDone(10)
        return True

    def shutdown(self) -> None:
        """Let running jobs finish, drop their callbacks and close the progress dialog."""
        self._closed = True
        self._db_pool.waitForDone()
        self._heavy_pool.waitForDone()
        for job in self._jobs.values():
            if job.timer is not None:
                job.timer.stop()
        self._jobs.clear()
        self._hide_progress()

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        label: str,
        on_error: ErrorHandler | None,
        is_write: bool,
    ) -> None:
        if self._closed:
            return
        job_id = next(self._ids)
        job = _Job(on_done=on_done, on_error=on_error, label=label, is_write=is_write)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._show_progress(job_id))
        job.timer = timer
        self._jobs[job_id] = job
        timer.start(PROGRESS_DELAY_MS)
        pool.start(_Task(job_id, fn, self._finished))

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:  # dropped by shutdown
            return
        if job.timer is not None:
            job.timer.stop()
            job.timer.deleteLater()
        if not any(j.timer is None or not j.timer.isActive() for j in self._jobs.values()):
            self._hide_progress()
        if isinstance(error, BaseException):
            self._report_error(job, error)
            return
        try:
            job.on_done(result)
        except Exception as callback_error:
            self._report_error(job, callback_error)
        if job.is_write:
            changes = _changes_of(result)
            if changes is not None:
                self.changed.emit(changes)

    def _report_error(self, job: _Job, error: BaseException) -> None:
        if job.on_error is not None:
            job.on_error(error)
        else:
            show_error(self._parent_widget(), error)

    def _parent_widget(self) -> QWidget | None:
        return self._dialog_parent or QApplication.activeWindow()

    def _show_progress(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None or self._closed:
            return
        if self._progress is None:
            dialog = QProgressDialog(self._parent_widget())
            dialog.setRange(0, 0)  # busy indicator: service calls report no steps
            dialog.setCancelButton(None)  # a half-run transaction cannot be cancelled safely
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            self._progress = dialog
        self._progress.setLabelText(job.label or _("Working…"))
        self._progress.show()

    def _hide_progress(self) -> None:
        if self._progress is not None:
            self._progress.hide()
            self._progress.deleteLater()
            self._progress = None


def _changes_of(result: object) -> Changes | None:
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None
