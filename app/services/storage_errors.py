"""Storage failures worded for the user.

Kept apart from app.services.errors so the UI can import the error classes without loading
app.storage (the desktop program's cold start imports the database stack only after showing
the window).
"""

from __future__ import annotations

from app.l10n import _
from app.paths import DB_FILENAME
from app.services.errors import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    DataFolderError,
    UserError,
)
from app.storage.errors import (
    DataFolderUnavailableError,
    NotADatabaseError,
    SchemaTooNewError,
    StorageError,
)


def user_error_from(error: StorageError) -> UserError:
    """Word a storage failure for the user, in the current language."""
    if isinstance(error, SchemaTooNewError):
        return DatabaseTooNewError(
            _(
                "This data was written by a newer version of Sổ Chi bộ. "
                "Install the newer version; your data has not been changed."
            )
        )
    if isinstance(error, NotADatabaseError):
        return DatabaseCorruptError(
            _(
                "Sổ Chi bộ cannot read the data file {path}: it is damaged or is not a "
                "Sổ Chi bộ data file. Copies made each time the program started are in the "
                "folder {backups}. Close the program, put the newest copy in place of the "
                "damaged file with the name {name}, then start again."
            ).format(path=str(error.path), backups=str(error.backups), name=DB_FILENAME)
        )
    if isinstance(error, DataFolderUnavailableError):
        return DataFolderError(
            _(
                "Sổ Chi bộ cannot write to the data folder {folder}: the disk may be full or "
                "the folder may be read-only. Free some disk space or check the folder, then "
                "try again. Nothing has been changed."
            ).format(folder=str(error.path.parent))
        )
    return DataFolderError(
        _(
            "Sổ Chi bộ cannot use the data file {path}. Check the data folder, then try again."
        ).format(path=str(error.path))
    )
