"""Translatable messages that the domain produces without knowing the language.

The domain cannot import the translation layer (it is stdlib-only), so it returns a `Message`:
an English msgid marked with `N_` for extraction, and named parameters. The edges (CLI, UI)
render it with `app.l10n.render`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

ParamValue = str | int | float | dt.date | None


def N_(text: str) -> str:
    """Mark a string for extraction into the catalogs; translation happens when rendered."""
    return text


@dataclass(frozen=True)
class Message:
    """An English msgid with `{name}` placeholders and their values."""

    text: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)

    def english(self) -> str:
        """The untranslated text with parameters filled in (for logs and tests)."""
        return self.text.format(**{k: _plain(v) for k, v in self.params.items()})


def _plain(value: ParamValue) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


class DomainError(Exception):
    """A rule was broken by the user's input; `field` names the input to fix (may be empty)."""

    def __init__(self, message: Message, field_name: str = "") -> None:
        super().__init__(message.english())
        self.message = message
        self.field_name = field_name
