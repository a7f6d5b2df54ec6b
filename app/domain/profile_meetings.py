"""The meeting and document parts of the regulation profile (bộ quy định).

Meetings (sinh hoạt chi bộ): durations, quotas, the quality scoring table and the program's
reminder delay. Documents (văn bản): the cell's body code, digits of a number, and the table of
document types with what a cell may issue. See app.domain.profile for the whole profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.documents import DocumentRules, DocumentType
from app.domain.messages import N_
from app.domain.profile_reader import KIND_MESSAGES, ProfileReader, Rule


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
    regular_per_month: Rule[int]
    quality: Rule[QualityScheme]
    reminder_days: Rule[int]


# Day 1-28 exists in every month, so a meeting date can always be proposed.
_MEETING_RANGES: Mapping[str, tuple[int, int]] = {
    "default_day": (1, 28),
    "min_duration_minutes": (1, 600),
    "min_duration_combined_minutes": (1, 600),
    "thematic_per_quarter": (1, 13),
    "unexcused_absence_months": (1, 12),
    "regular_per_month": (1, 4),
}
# How many days ahead the program reminds of the next meeting: a choice of the program.
_REMINDER_DAYS_RANGE = (0, 31)
_DIGITS_RANGE = (1, 4)
_QUALITY_TOTAL_RANGE = (1, 1000)


def meeting_rules(reader: ProfileReader) -> MeetingRules:
    """The `[meetings]` tables: durations, quotas, the quality scoring table, the reminder."""
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
    reminder = reader.int_rule("meetings.reminder_days", *_REMINDER_DAYS_RANGE, program_value=True)
    return MeetingRules(**rules, quality=_quality_rule(reader), reminder_days=reminder)


def _quality_rule(reader: ProfileReader) -> Rule[QualityScheme]:
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
    reader.check_unique_codes(f"{key}.criteria", [c.code for c in criteria])
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
    reader: ProfileReader, table: Mapping[str, Any], key: str, total: int
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
    reader.check_unique_codes(f"{key}.bands", [b.code for b in bands])
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


def document_rules(reader: ProfileReader) -> DocumentRules:
    """The `[documents]` tables: the cell's and the committee's body codes, digits of a
    number, the type table."""
    body = reader.table("documents.body_code")
    body_code = reader.value(body, "documents.body_code", "value", str).strip()
    digits = reader.int_rule("documents.number_digits", *_DIGITS_RANGE)
    key = "documents.types"
    table = reader.table(key)
    types = tuple(
        _document_type(reader, item, f"{key}.items[{number}]")
        for number, item in enumerate(reader.table_list(table, key, "items"), start=1)
    )
    reader.check_unique_codes(f"{key}.items", [t.code for t in types])
    committee = reader.table("documents.committee_body_code")
    committee_code = reader.value(committee, "documents.committee_body_code", "value", str)
    return DocumentRules(
        body_code=Rule(body_code, *reader.source_of("documents.body_code", body)),
        number_digits=digits,
        types=Rule(types, *reader.source_of(key, table)),
        committee_body_code=Rule(
            committee_code.strip(),
            *reader.source_of("documents.committee_body_code", committee),
        ),
    )


def _document_type(reader: ProfileReader, item: Mapping[str, Any], key: str) -> DocumentType:
    allowed = item.get("allowed_for_cell")
    if not isinstance(allowed, bool):
        raise reader.fail(
            f"{key}.allowed_for_cell",
            N_("In the regulation profile {file}, {key} must be true or false."),
        )
    printed = item.get("printed_name", "")
    if not isinstance(printed, str):
        raise reader.fail(f"{key}.printed_name", KIND_MESSAGES[str])
    return DocumentType(
        code=reader.value(item, key, "code", str).strip(),
        name=reader.value(item, key, "name", str).strip(),
        printed_name=printed.strip(),
        allowed_for_cell=allowed,
    )
