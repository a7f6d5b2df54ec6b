"""The regulation profile (bộ quy định): every number of the Party's rules, with its source.

The rules changed in 2025 and 2026 and will change again, so thresholds, deadlines and quotas
are data in resources/rules/*.toml. Each rule is a TOML table holding the value (or a
`numerator`/`denominator` pair), the `citation` of the legal text and the `confidence` tag
(P: seen in the text itself, S: secondary source, R: recalled, to be verified).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.domain.messages import N_, Message

T = TypeVar("T")

CONFIDENCE_TAGS = ("P", "S", "R")


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


@dataclass(frozen=True)
class MemberRules:
    """Rules about party members (đảng viên): cell size, admission age, probation, deadlines."""

    min_full_members: Rule[int]
    chi_uy_min_full_members: Rule[int]
    min_admission_age_years: Rule[int]
    max_admission_age_years: Rule[int]
    probation_months: Rule[int]
    recognition_deadline_working_days: Rule[int]
    transfer_deadline_working_days: Rule[int]
    record_update_month: Rule[int]
    recognition_reminder_days: Rule[int]


@dataclass(frozen=True)
class VoteRules:
    """Rules for cell votes (biểu quyết) on admission and recognition."""

    admission_fraction: Rule[Fraction]


@dataclass(frozen=True)
class QualityCriterion:
    """One group of the meeting-quality score (tiêu chí đánh giá chất lượng sinh hoạt)."""

    code: str
    name: str
    max_points: int


@dataclass(frozen=True)
class QualityBand:
    """A rating band of the meeting-quality score (Tốt, Khá, ...): from `min_points` up."""

    code: str
    name: str
    min_points: int


@dataclass(frozen=True)
class QualityScheme:
    """The meeting-quality scoring table (khung tiêu chí): criteria summing to `total`, and
    bands ordered from the highest `min_points` down to a band starting at 0."""

    total: int
    criteria: tuple[QualityCriterion, ...]
    bands: tuple[QualityBand, ...]


@dataclass(frozen=True)
class MeetingRules:
    """Rules for cell meetings (sinh hoạt chi bộ): the regular monthly meeting (sinh hoạt
    thường kỳ), the thematic meeting (sinh hoạt chuyên đề), attendance and quality score."""

    default_day: Rule[int]
    min_duration_minutes: Rule[int]
    min_duration_combined_minutes: Rule[int]
    thematic_per_quarter: Rule[int]
    unexcused_absence_months: Rule[int]
    quality: Rule[QualityScheme]


@dataclass(frozen=True)
class RuleProfile:
    """A complete, validated regulation profile."""

    id: str
    title: str
    effective_from: dt.date
    members: MemberRules
    votes: VoteRules
    meetings: MeetingRules
    source: str


# Allowed range of every integer rule: a value outside it is a typing mistake in the file.
_MEMBER_RANGES: Mapping[str, tuple[int, int]] = {
    "min_full_members": (1, 100),
    "chi_uy_min_full_members": (2, 1000),
    "min_admission_age_years": (14, 100),
    "max_admission_age_years": (14, 120),
    "probation_months": (1, 60),
    "recognition_deadline_working_days": (1, 365),
    "transfer_deadline_working_days": (1, 365),
    "record_update_month": (1, 12),
    "recognition_reminder_days": (0, 366),
}
# Day 1-28 exists in every month, so a meeting date can always be proposed.
_MEETING_RANGES: Mapping[str, tuple[int, int]] = {
    "default_day": (1, 28),
    "min_duration_minutes": (1, 600),
    "min_duration_combined_minutes": (1, 600),
    "thematic_per_quarter": (1, 13),
    "unexcused_absence_months": (1, 12),
}
_QUALITY_TOTAL_RANGE = (1, 1000)


class _Reader:
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
            raise self.fail(full_key, _KIND_MESSAGES[kind])
        if isinstance(value, str) and not value.strip():
            raise self.fail(full_key, N_("In the regulation profile {file}, {key} is empty."))
        return value

    def source_of(self, key: str, table: Mapping[str, Any]) -> tuple[str, str]:
        citation = table.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            raise self.fail(
                key,
                N_("In the regulation profile {file}, the rule {key} has no citation."),
            )
        confidence = table.get("confidence")
        if confidence not in CONFIDENCE_TAGS:
            raise self.fail(
                f"{key}.confidence",
                N_("In the regulation profile {file}, {key} must be P, S or R."),
            )
        return citation.strip(), str(confidence)

    def int_rule(self, key: str, low: int, high: int) -> Rule[int]:
        table = self.table(key)
        value = self.bounded_int(table, key, "value", low, high)
        return Rule(value, *self.source_of(key, table))

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


_KIND_MESSAGES: Mapping[type, str] = {
    int: N_("In the regulation profile {file}, {key} must be a whole number."),
    str: N_("In the regulation profile {file}, {key} must be a text."),
    dt.date: N_("In the regulation profile {file}, {key} must be a date (YYYY-MM-DD)."),
}


def parse_profile(text: str, source: str) -> RuleProfile:
    """Parse and validate the TOML text of a profile; `source` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            Message(
                N_("The regulation profile {file} is not valid TOML: {detail}"),
                {"file": source, "detail": str(exc)},
            )
        ) from exc
    reader = _Reader(data, source)
    head = reader.table("profile")
    profile_id = reader.value(head, "profile", "id", str)
    title = reader.value(head, "profile", "title", str)
    effective_from = reader.value(head, "profile", "effective_from", dt.date)
    if isinstance(effective_from, dt.datetime):
        raise reader.fail("profile.effective_from", _KIND_MESSAGES[dt.date])
    members = _member_rules(reader)
    return RuleProfile(
        id=profile_id,
        title=title,
        effective_from=effective_from,
        members=members,
        votes=VoteRules(admission_fraction=reader.fraction_rule("votes.admission_fraction")),
        meetings=_meeting_rules(reader),
        source=source,
    )


def _member_rules(reader: _Reader) -> MemberRules:
    rules = {
        name: reader.int_rule(f"members.{name}", low, high)
        for name, (low, high) in _MEMBER_RANGES.items()
    }
    # Pairs that only make sense in one order; a swap is a typing mistake in the file.
    _check_order(reader, rules, "min_admission_age_years", "max_admission_age_years")
    _check_order(reader, rules, "min_full_members", "chi_uy_min_full_members")
    return MemberRules(**rules)


def _check_order(reader: _Reader, rules: Mapping[str, Rule[int]], lower: str, upper: str) -> None:
    if rules[lower].value >= rules[upper].value:
        raise reader.fail(
            f"members.{upper}.value",
            N_(
                "In the regulation profile {file}, {key} is {value}; "
                "it must be greater than {other} ({low})."
            ),
            value=rules[upper].value,
            other=f"members.{lower}",
            low=rules[lower].value,
        )


def _meeting_rules(reader: _Reader) -> MeetingRules:
    rules = {
        name: reader.int_rule(f"meetings.{name}", low, high)
        for name, (low, high) in _MEETING_RANGES.items()
    }
    regular = rules["min_duration_minutes"]
    combined = rules["min_duration_combined_minutes"]
    # A session holding both a regular and a thematic part cannot need less time than one part.
    if combined.value < regular.value:
        raise reader.fail(
            "meetings.min_duration_combined_minutes.value",
            N_(
                "In the regulation profile {file}, {key} is {value}; "
                "it must be at least {other} ({low})."
            ),
            value=combined.value,
            other="meetings.min_duration_minutes",
            low=regular.value,
        )
    return MeetingRules(**rules, quality=_quality_rule(reader))


def _quality_rule(reader: _Reader) -> Rule[QualityScheme]:
    key = "meetings.quality"
    table = reader.table(key)
    total = reader.bounded_int(table, key, "total", *_QUALITY_TOTAL_RANGE)
    criteria = tuple(
        QualityCriterion(
            code=reader.value(item, f"{key}.criteria[{number}]", "code", str).strip(),
            name=reader.value(item, f"{key}.criteria[{number}]", "name", str).strip(),
            max_points=reader.bounded_int(
                item, f"{key}.criteria[{number}]", "max_points", 1, total
            ),
        )
        for number, item in enumerate(reader.table_list(table, key, "criteria"), start=1)
    )
    _check_unique_codes(reader, f"{key}.criteria", [c.code for c in criteria])
    points = sum(c.max_points for c in criteria)
    if points != total:
        raise reader.fail(
            f"{key}.criteria",
            N_(
                "In the regulation profile {file}, the criteria in {key} add up to {value} "
                "points; they must add up to the total of {total} points."
            ),
            value=points,
            total=total,
        )
    bands = _quality_bands(reader, table, key, total)
    return Rule(QualityScheme(total, criteria, bands), *reader.source_of(key, table))


def _quality_bands(
    reader: _Reader, table: Mapping[str, Any], key: str, total: int
) -> tuple[QualityBand, ...]:
    bands: list[QualityBand] = []
    for number, item in enumerate(reader.table_list(table, key, "bands"), start=1):
        item_key = f"{key}.bands[{number}]"
        band = QualityBand(
            code=reader.value(item, item_key, "code", str).strip(),
            name=reader.value(item, item_key, "name", str).strip(),
            min_points=reader.bounded_int(item, item_key, "min_points", 0, total),
        )
        # Bands are read top-down; a score takes the first band it reaches.
        if bands and band.min_points >= bands[-1].min_points:
            raise reader.fail(
                f"{item_key}.min_points",
                N_(
                    "In the regulation profile {file}, {key} is {value}; "
                    "it must be lower than that of the band above ({low})."
                ),
                value=band.min_points,
                low=bands[-1].min_points,
            )
        bands.append(band)
    _check_unique_codes(reader, f"{key}.bands", [b.code for b in bands])
    if bands[-1].min_points != 0:
        raise reader.fail(
            f"{key}.bands[{len(bands)}].min_points",
            N_(
                "In the regulation profile {file}, the lowest band {key} starts at {value} "
                "points; it must start at 0 so that every score has a band."
            ),
            value=bands[-1].min_points,
        )
    return tuple(bands)


def _check_unique_codes(reader: _Reader, key: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise reader.fail(
                key,
                N_("In the regulation profile {file}, the code {value} appears twice in {key}."),
                value=code,
            )
        seen.add(code)


def load_profile(path: Path) -> RuleProfile:
    """Read and validate the profile file at `path` (UTF-8 TOML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            Message(
                N_("The regulation profile {file} cannot be read: {detail}"),
                {"file": str(path), "detail": str(exc)},
            )
        ) from exc
    return parse_profile(text, str(path))
