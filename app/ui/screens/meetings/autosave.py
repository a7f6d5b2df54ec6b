"""Autosave of a meeting draft: nothing typed is ever lost.

Every edit restarts a short idle timer; when it fires (or when the secretary changes tab,
leaves the editor or closes the window) the draft is saved through the job runner. One save
runs at a time; edits made while it runs are saved right after it. A failed save keeps
everything on screen, says so on the status line, and is retried on the next edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.l10n import _
from app.services.errors import UserError
from app.services.meeting_dto import MeetingDetail, MeetingInput
from app.ui.dialogs import log_unexpected
from app.ui.jobs import JobRunner

#: Idle time after the last keystroke before the draft is saved.
IDLE_MS = 1000


class Autosave(QObject):
    """Saves `collect()` for `meeting_id` after edits; reports through its signals."""

    #: The service's answer after a save, and the keys of the tasks that were sent.
    saved = Signal(object, object)
    #: The status line's text ("Đã lưu lúc 10:32", or why the save failed).
    status = Signal(str, bool)

    def __init__(
        self,
        jobs: JobRunner,
        collect: Callable[[], tuple[MeetingInput, list[int]]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._collect = collect
        self.meeting_id: int | None = None
        self.dirty = False
        self.saving = False
        self.saved_any = False
        self.failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.flush)

    def start(self, meeting_id: int) -> None:
        """Follow a newly opened meeting (nothing to save yet)."""
        self._timer.stop()
        self.meeting_id = meeting_id
        self.dirty = self.failed = self.saved_any = False

    def stop(self) -> None:
        """Stop following the meeting (after a last `flush`)."""
        self._timer.stop()
        self.meeting_id = None

    def touch(self) -> None:
        """Something was typed: save after the idle time."""
        if self.meeting_id is None:
            return
        self.dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save now if anything changed since the last save."""
        self._timer.stop()
        if self.meeting_id is None or not self.dirty or self.saving:
            return
        meeting_id = self.meeting_id
        data, keys = self._collect()
        self.dirty = False
        self.saving = True
        self._jobs.write(
            lambda s: s.meetings.save_draft(meeting_id, data),
            lambda detail: self._done(meeting_id, detail, keys),
            label=_("Saving the meeting…"),
            on_error=lambda error: self._failed(meeting_id, error),
        )

    def _done(self, meeting_id: int, detail: MeetingDetail, keys: list[int]) -> None:
        self.saving = False
        self.failed = False
        self.saved_any = True
        if meeting_id != self.meeting_id:
            return
        now = dt.datetime.now().strftime("%H:%M")
        self.status.emit(_("Saved at {time}").format(time=now), False)
        self.saved.emit(detail, keys)
        if self.dirty:
            self.flush()

    def _failed(self, meeting_id: int, error: BaseException) -> None:
        self.saving = False
        if meeting_id != self.meeting_id:
            return
        # Everything typed is still on screen; the next edit (or leaving) saves it again.
        self.dirty = True
        self.failed = True
        if isinstance(error, UserError):
            reason = error.message
        else:
            log_unexpected(error)
            reason = _("An unexpected error occurred.")
        self.status.emit(
            _(
                "Not saved: {reason} What you typed is kept on screen and will be saved again "
                "with your next change."
            ).format(reason=reason),
            True,
        )
