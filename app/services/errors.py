"""Errors a user can act on. Each carries `message`, already translated into the UI language.

Anything that is not a `UserError` is a bug: the UI logs it and shows a generic error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.domain.findings import Problem, Severity
from app.l10n import _, render
from app.paths import DB_FILENAME
from app.storage.errors import (
    DataFolderUnavailableError,
    NotADatabaseError,
    SchemaTooNewError,
    StorageError,
)


class UserError(Exception):
    """An error to show the user as is: `message` is a translated, complete sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """The input breaks a rule; nothing was saved.

    `problems` lists every blocking problem (field + message). For a batch (`create_many`)
    `row_problems` maps the 0-based index of each refused record to its problems.
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        row_problems: Mapping[int, list[Problem]] | None = None,
    ) -> None:
        self.problems = list(problems)
        self.row_problems: dict[int, list[Problem]] = dict(row_problems or {})
        super().__init__(_summary(self.problems, self.row_problems))


def _summary(problems: list[Problem], row_problems: dict[int, list[Problem]]) -> str:
    if row_problems:
        lines = [
            _("Record {number}: {problem}").format(number=index + 1, problem=render(p.message))
            for index, found in sorted(row_problems.items())
            for p in found
        ]
        head = _("Nothing was saved. Correct these records and try again:")
        return "\n".join([head, *lines])
    return "\n".join(render(p.message) for p in problems)


class NotFoundError(UserError):
    """The record asked for does not exist (or no longer exists)."""


class DatabaseTooNewError(UserError):
    """The data file was written by a newer version of the program."""


class DatabaseCorruptError(UserError):
    """The data file is damaged or is not a Sổ Chi bộ data file."""


class DataFolderError(UserError):
    """The data folder cannot be written (disk full, read-only folder, no permission)."""


def blocking(problems: Sequence[Problem]) -> list[Problem]:
    """The problems that stop a save."""
    return [p for p in problems if p.severity == Severity.BLOCK]


def raise_if_blocked(problems: Sequence[Problem]) -> None:
    """Raise `ValidationError` when any problem blocks the save."""
    blocked = blocking(problems)
    if blocked:
        raise ValidationError(blocked)


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
