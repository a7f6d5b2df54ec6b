"""Errors a user can act on. Each carries `message`, already translated into the UI language.

Anything that is not a `UserError` is a bug: the UI logs it and shows a generic error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.domain.findings import Problem, Severity
from app.l10n import _, render


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
