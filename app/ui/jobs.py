"""The one job runner: database work on one worker thread, heavy work on a small pool.

Screens never call services on the UI thread. They hand a function to the runner; it runs off
the UI thread and its result comes back to the main thread through a queued signal, where
`on_done` (or `on_error`) runs. Jobs never touch widgets. After every successful write the
runner emits `changed` with the service's `Changes`, so open screens reload what changed
(the change broadcast Anki uses). A busy dialog appears only when work lasts over 0.5 s.

At start-up the runner may be given an opener instead of open services: the opener runs as the
first job on the database thread (backup, migrations), so the window shows before the database
stack is even imported. Jobs queued meanwhile wait behind it on the same FIFO thread. Built with
`held=True`, the runner keeps database jobs (opener first) until `release()`: the program
releases them once the window is shown, so importing SQLAlchemy on the worker does not compete
with building the window for the laptop's two cores.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

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
from PySide6.QtWidgets import QApplication, QWidget

from app.l10n import _

if TYPE_CHECKING:
    # Type hints only: importing the facade loads SQLAlchemy and Alembic (about a second).
    from PySide6.QtWidgets import QProgressDialog

    from app.services.dto_base import Changes
    from app.services.facade import Services

T = TypeVar("T")

#: Work shorter than this shows no busy dialog (ui-common contract).
PROGRESS_DELAY_MS = 500
#: Threads for non-database work such as PDF rendering (the target laptops have 2 cores).
HEAVY_THREADS = 2

ErrorHandler = Callable[[BaseException], None]
#: Opens the services on the database thread (backup + migrations); see `JobRunner`.
ServicesOpener = Callable[[], "Services"]


class ServicesUnavailableError(RuntimeError):
    """A database job ran although the services could not be opened (the program is quitting)."""


class _Job:
    """A submitted job's callbacks and kind. (A plain class: a dataclass costs ~0.5 ms to make
    at start-up, and the window's first paint waits for this module.)"""

    __slots__ = ("is_write", "label", "on_db", "on_done", "on_error", "timer")

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: ErrorHandler | None,
        label: str,
        is_write: bool,
        on_db: bool,
    ) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.label = label
        self.is_write = is_write
        self.on_db = on_db
        #: Shows the busy dialog when it fires; None for a quiet job (the start-up opener,
        #: which the window's status bar announces instead).
        self.timer: QTimer | None = None


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
    #: The opener succeeded: carries the open `Services` (only when built with an opener).
    opened = Signal(object)
    #: The opener failed: carries the error; queued database jobs are dropped unreported.
    open_failed = Signal(object)
    # job id, result, error: emitted from a worker thread, delivered queued on the main thread.
    _finished = Signal(int, object, object)

    def __init__(
        self,
        services: Services | ServicesOpener,
        parent: QObject | None = None,
        *,
        held: bool = False,
    ) -> None:
        super().__init__(parent)
        # Set on the database thread by the opener, read there by every later job; the main
        # thread reads it only after `opened` (delivered through the event queue).
        self._services: Services | None = None
        self._opening = False  # main thread only: the opener's result has not arrived yet
        self._open_failed = False
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
        # Database tasks waiting for `release()`, in the order they were asked for.
        self._held = held
        self._pending: list[tuple[int, Callable[[], Any]]] = []
        self._finished.connect(self._on_finished)
        if callable(services):
            self._start_opening(services)
        else:
            self._services = services

    @property
    def services(self) -> Services | None:
        """The open services, None until the opener has run (screens go through jobs)."""
        return self._services

    @property
    def is_opening(self) -> bool:
        """True from construction with an opener until its result reaches the main thread."""
        return self._opening

    @property
    def is_held(self) -> bool:
        """True while database jobs wait for `release()` (built with `held=True`)."""
        return self._held

    def release(self) -> None:
        """Start the held database jobs in the order they were asked for (the opener first)."""
        if not self._held:
            return
        self._held = False
        pending, self._pending = self._pending, []
        if self._closed:
            return
        for job_id, fn in pending:
            self._db_pool.start(_Task(job_id, fn, self._finished))

    def _start_opening(self, opener: ServicesOpener) -> None:
        def open_on_worker() -> Services:
            self._services = opener()
            return self._services

        self._opening = True
        self._submit(
            self._db_pool, open_on_worker, self._opening_done, "", self._opening_failed, False, True
        )

    def _opening_done(self, services: Services) -> None:
        self._opening = False
        self.opened.emit(services)

    def _opening_failed(self, error: BaseException) -> None:
        self._opening = False
        self._open_failed = True
        # The jobs queued behind the opener fail without services; nobody should hear of it.
        for job_id in [i for i, job in self._jobs.items() if job.on_db]:
            self._drop(job_id)
        self.open_failed.emit(error)

    def _current_services(self) -> Services:
        if self._services is None:
            raise ServicesUnavailableError("the data folder could not be opened")
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
        self._submit(
            self._db_pool, lambda: fn(self._current_services()), on_done, label, on_error, False
        )

    def write(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        *,
        label: str = "",
        on_error: ErrorHandler | None = None,
        busy_dialog: bool = True,
    ) -> None:
        """Run a database write; on success `changed` is emitted with the `Changes` it returns.

        `busy_dialog=False` is for work that shows its own progress (with a count and Cancel).
        """
        self._submit(
            self._db_pool,
            lambda: fn(self._current_services()),
            on_done,
            label,
            on_error,
            True,
            quiet=not busy_dialog,
        )

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
        self._pending.clear()  # held jobs never started: nothing to wait for
        self._db_pool.waitForDone()
        self._heavy_pool.waitForDone()
        for job_id in list(self._jobs):
            self._drop(job_id)
        self._hide_progress()

    def _drop(self, job_id: int) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None and job.timer is not None:
            job.timer.stop()
            # Deleted now, not later: a deferred delete outliving the runner crashed the next
            # event loop (seen when a runner was shut down with jobs still queued).
            job.timer.setParent(None)

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        label: str,
        on_error: ErrorHandler | None,
        is_write: bool,
        quiet: bool = False,
    ) -> None:
        on_db = pool is self._db_pool
        if self._closed or (on_db and self._open_failed):
            return
        job_id = next(self._ids)
        job = _Job(on_done, on_error, label, is_write, on_db)
        if not quiet:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._show_progress(job_id))
            job.timer = timer
            timer.start(PROGRESS_DELAY_MS)
        self._jobs[job_id] = job
        if on_db and self._held:
            self._pending.append((job_id, fn))
        else:
            pool.start(_Task(job_id, fn, self._finished))

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:  # dropped by shutdown
            return
        if job.timer is not None:
            job.timer.stop()
            job.timer.deleteLater()
        if not any(_past_delay(j) for j in self._jobs.values()):
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
            # Imported on first use: the message-box classes cost ~8 ms at start-up.
            from app.ui.dialogs import show_error

            show_error(self._parent_widget(), error)

    def _parent_widget(self) -> QWidget | None:
        return self._dialog_parent or QApplication.activeWindow()

    def _show_progress(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None or self._closed:
            return
        if self._progress is None:
            from PySide6.QtWidgets import QProgressDialog  # first use only, like dialogs

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


def _past_delay(job: _Job) -> bool:
    """True when the job has run long enough to keep the busy dialog up."""
    return job.timer is not None and not job.timer.isActive()


def _changes_of(result: object) -> Changes | None:
    # Imported on the first write, not with the window: no DTO is needed for its first paint.
    from app.services.dto_base import Changes

    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None
