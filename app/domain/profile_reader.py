"""Reading a regulation profile (bộ quy định) file: rules with their sources, and the reader
that names the file and key of every mistake.

Shared by app.domain.profile (members, votes) and app.domain.profile_meetings (meetings and
documents), which build the typed rules on top of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.domain.messages import N_, Message

T = TypeVar("T")

CONFIDENCE_TAGS = ("P", "S", "R")
#: The tag of a value the program chose itself (a reminder delay), not a Party rule.
APP_CONFIDENCE = "app"


class ProfileError(Exception):
    """The profile file is malformed or incomplete; `message` says where and what to fix."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message


@dataclass(frozen=True)
class Rule(Generic[T]):
    """One value of the profile with the legal text it comes from."""

    value: T
    citation: str
    confidence: str


@dataclass(frozen=True)
class Fraction:
    """A voting fraction such as 2/3 (numerator/denominator, 0 < numerator <= denominator)."""

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        if not 0 < self.numerator <= self.denominator:
            raise ValueError(f"invalid fraction {self.numerator}/{self.denominator}")


class ProfileReader:
    """Reads tables of one parsed file, raising ProfileError that names file and key."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self.data = data
        self.source = source

    def fail(self, key: str, text: str, **params: str | int) -> ProfileError:
        return ProfileError(Message(text, {"file": self.source, "key": key, **params}))

    def table(self, key: str) -> Mapping[str, Any]:
        node: Mapping[str, Any] = self.data
        path: list[str] = []
        for part in key.split("."):
            if part not in node:
                raise self.fail(key, N_("The regulation profile {file} has no entry {key}."))
            child = node[part]
            path.append(part)
            if not isinstance(child, Mapping):
                raise self.fail(
                    ".".join(path),
                    N_("In the regulation profile {file}, {key} must be a table."),
                )
            node = child
        return node

    def value(self, table: Mapping[str, Any], key: str, field: str, kind: type) -> Any:
        full_key = f"{key}.{field}"
        if field not in table:
            raise self.fail(full_key, N_("The regulation profile {file} has no entry {key}."))
        value = table[field]
        # bool is an int in Python; a true/false typed for a number is still a mistake.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(full_key, KIND_MESSAGES[kind])
        if isinstance(value, str) and not value.strip():
            raise self.fail(full_key, N_("In the regulation profile {file}, {key} is empty."))
        return value

    def source_of(
        self, key: str, table: Mapping[str, Any], *, program_value: bool = False
    ) -> tuple[str, str]:
        """The citation and confidence tag of a rule. A value the program chose itself (not a
        Party rule, e.g. how early to remind) may also carry the tag "app"."""
        citation = table.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            raise self.fail(
                key,
                N_("In the regulation profile {file}, the rule {key} has no citation."),
            )
        confidence = table.get("confidence")
        if program_value and confidence == APP_CONFIDENCE:
            return citation.strip(), APP_CONFIDENCE
        if confidence not in CONFIDENCE_TAGS:
            text = (
                N_("In the regulation profile {file}, {key} must be P, S, R or app.")
                if program_value
                else N_("In the regulation profile {file}, {key} must be P, S or R.")
            )
            raise self.fail(f"{key}.confidence", text)
        return citation.strip(), str(confidence)

    def int_rule(self, key: str, low: int, high: int, *, program_value: bool = False) -> Rule[int]:
        table = self.table(key)
        value = self.bounded_int(table, key, "value", low, high)
        return Rule(value, *self.source_of(key, table, program_value=program_value))

    def bounded_int(
        self, table: Mapping[str, Any], key: str, field: str, low: int, high: int
    ) -> int:
        value: int = self.value(table, key, field, int)
        if not low <= value <= high:
            raise self.fail(
                f"{key}.{field}",
                N_(
                    "In the regulation profile {file}, {key} is {value}; "
                    "it must be between {low} and {high}."
                ),
                value=value,
                low=low,
                high=high,
            )
        return value

    def table_list(self, table: Mapping[str, Any], key: str, field: str) -> list[Mapping[str, Any]]:
        """A non-empty array of tables (`[[key.field]]` in the file)."""
        items = table.get(field)
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(item, Mapping) for item in items)
        ):
            raise self.fail(
                f"{key}.{field}",
                N_("In the regulation profile {file}, {key} must be a non-empty list of tables."),
            )
        return items

    def fraction_rule(self, key: str) -> Rule[Fraction]:
        table = self.table(key)
        numerator = self.value(table, key, "numerator", int)
        denominator = self.value(table, key, "denominator", int)
        if not 0 < numerator <= denominator:
            raise self.fail(
                key,
                N_(
                    "In the regulation profile {file}, {key} is {value}; it must be a "
                    "fraction greater than 0 and at most 1."
                ),
                value=f"{numerator}/{denominator}",
            )
        return Rule(Fraction(numerator, denominator), *self.source_of(key, table))

    def check_unique_codes(self, key: str, codes: list[str]) -> None:
        """Fail when a code appears twice in the list at `key`."""
        seen: set[str] = set()
        for code in codes:
            if code in seen:
                raise self.fail(
                    key,
                    N_(
                        "In the regulation profile {file}, the code {value} appears twice in {key}."
                    ),
                    value=code,
                )
            seen.add(code)


KIND_MESSAGES: Mapping[type, str] = {
    int: N_("In the regulation profile {file}, {key} must be a whole number."),
    str: N_("In the regulation profile {file}, {key} must be a text."),
    dt.date: N_("In the regulation profile {file}, {key} must be a date (YYYY-MM-DD)."),
}
