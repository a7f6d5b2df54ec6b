"""Which role the open data folder plays: a cell's record book or the superior committee's
receiver (no Qt here; runs on the database thread).

The window is built before the data opens, from the role remembered in settings.json; once the
database is open it says which profile it holds, and the window is rebuilt if they differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.settings import CELL_ROLE, RECEIVER_ROLE

if TYPE_CHECKING:
    from app.services.facade import Services


def has_receiver(services: Services) -> bool:
    # Imported here, on the database thread, with the rest of the database stack.
    from app.services.inbox_profile import read_receiver

    return read_receiver(services.context) is not None


def folder_role(services: Services, remembered: str) -> str | None:
    """The role the database holds a profile for, or None on a first run (no profile).

    A folder holding both profiles keeps the remembered role.
    """
    if remembered == RECEIVER_ROLE:
        if has_receiver(services):
            return RECEIVER_ROLE
        return CELL_ROLE if services.cell.get() is not None else None
    if services.cell.get() is not None:
        return CELL_ROLE
    return RECEIVER_ROLE if has_receiver(services) else None
