"""The Reports desk, reached from jobs on the database thread only.

The desk loads reportlab, pyHanko and cryptography (about a second on the target laptops), so
it is imported inside the job that first needs it, on the worker thread, never on the UI
thread, which would freeze.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.facade import Services
    from app.services.report_desk import ReportDesk


def desk(services: Services) -> ReportDesk:
    """The Reports desk over the open data folder (call on the database thread)."""
    from app.services.report_desk import ReportDesk  # on the worker: see the module docstring

    return ReportDesk(services)
