"""Why the database could not be opened, without wording: the service layer words it.

Storage sits below the services and does not translate; each error carries the paths the
user-facing message needs (the database file, the backups folder).
"""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """The database file at `path` cannot be used; `backups` is where copies are kept."""

    def __init__(self, path: Path, backups: Path, detail: str = "") -> None:
        super().__init__(detail or str(path))
        self.path = path
        self.backups = backups
        self.detail = detail


class SchemaTooNewError(StorageError):
    """The file was written by a newer program: its schema revision is unknown here."""

    def __init__(self, path: Path, backups: Path, revision: str) -> None:
        super().__init__(path, backups, f"unknown schema revision {revision!r}")
        self.revision = revision


class NotADatabaseError(StorageError):
    """The file exists but is not a readable SQLite database (damaged or something else)."""


class DataFolderUnavailableError(StorageError):
    """The data folder cannot be written: disk full, read-only, or missing permissions."""
