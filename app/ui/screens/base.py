"""The base class of every area screen shown in the main window's sidebar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext

if TYPE_CHECKING:
    # Type hints only: the window shows before any service DTO is needed (start-up speed).
    from app.services.dto_base import Changes


class Screen(QWidget):
    """One area of the main window.

    Subclasses set `title` (the translated area name shown in the sidebar) in `__init__`,
    declare the data `areas` they show ("members", "cell", ...) and implement `refresh`, which
    reloads through `ctx.jobs.read`. Screens need not load in `__init__`: the shell calls
    `refresh()` the first time the screen is shown, so the window appears before any data loads.
    """

    areas: frozenset[str] = frozenset()
    #: Ask the shell to open one member's record (e.g. from a finding on the overview); the
    #: shell passes it to the screen that has an `open_member(member_id)` method.
    open_member_requested = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = ""
        self.loaded = False

    def refresh(self) -> None:
        """Reload the data shown (through ctx.jobs.read). The default shows nothing to load."""

    def ensure_loaded(self) -> None:
        """Load the data the first time the screen is shown."""
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Reload when a write touched one of this screen's areas."""
        if self.areas & changes.areas:
            self.loaded = True
            self.refresh()
