"""The indicator targets of the regulation profile (chỉ tiêu): what the cell's report compares
its figures with.

The targets come from the provinces' programmes implementing Nghị quyết 21-NQ/TW (2022), e.g.
Chương trình 30-CTr/TU of Tỉnh ủy Hà Giang: more than 95 % of cell meetings rated Tốt, every
member given tasks, admissions of 3-4 % of the members each year. A province's file may set
its own values.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.messages import N_
from app.domain.profile_reader import ProfileReader, Rule

_PERCENT_RANGE = (0, 100)


@dataclass(frozen=True)
class PercentTarget:
    """A share to reach: at least `percent` %, or more than it when `strict` ("trên 95%")."""

    percent: int
    strict: bool

    def met_by(self, part: int, whole: int) -> bool | None:
        """Whether `part` of `whole` reaches the target; None when `whole` is 0 (no data)."""
        if whole <= 0:
            return None
        if self.strict:
            return part * 100 > self.percent * whole
        return part * 100 >= self.percent * whole


@dataclass(frozen=True)
class PercentRange:
    """A yearly share between `low` and `high` % (both included)."""

    low: int
    high: int


@dataclass(frozen=True)
class IndicatorRules:
    """Targets of the report's indicators (các chỉ tiêu): meetings rated Tốt (`good_band` is
    the code of that band in the quality table), members given tasks (đảng viên được phân công
    nhiệm vụ), members admitted in a year (kết nạp đảng viên mới) as a share of all members."""

    good_meetings: Rule[PercentTarget]
    good_band: str
    members_with_tasks: Rule[PercentTarget]
    yearly_admissions: Rule[PercentRange]


def indicator_rules(reader: ProfileReader, band_codes: list[str]) -> IndicatorRules:
    """The `[indicators]` tables; `band_codes` are the quality bands, highest first, among
    which the optional `band` of the good-meetings target must be."""
    key = "indicators.good_meetings"
    table = reader.table(key)
    # Without `band` the highest band counts (Tốt in the 42-HD table).
    band = reader.value(table, key, "band", str).strip() if "band" in table else band_codes[0]
    if band not in band_codes:
        raise reader.fail(
            f"{key}.band",
            N_(
                "In the regulation profile {file}, {key} is {value}; it must be one of the "
                "band codes of meetings.quality ({low})."
            ),
            value=band,
            low=", ".join(band_codes),
        )
    return IndicatorRules(
        good_meetings=_percent_target(reader, key),
        good_band=band,
        members_with_tasks=_percent_target(reader, "indicators.members_with_tasks"),
        yearly_admissions=_percent_range(reader, "indicators.yearly_admissions"),
    )


def _percent_target(reader: ProfileReader, key: str) -> Rule[PercentTarget]:
    table = reader.table(key)
    percent = reader.bounded_int(table, key, "percent", *_PERCENT_RANGE)
    strict = table.get("strict")
    if not isinstance(strict, bool):
        raise reader.fail(
            f"{key}.strict", N_("In the regulation profile {file}, {key} must be true or false.")
        )
    return Rule(PercentTarget(percent, strict), *reader.source_of(key, table))


def _percent_range(reader: ProfileReader, key: str) -> Rule[PercentRange]:
    table = reader.table(key)
    low = reader.bounded_int(table, key, "low_percent", *_PERCENT_RANGE)
    high = reader.bounded_int(table, key, "high_percent", *_PERCENT_RANGE)
    if high < low:
        raise reader.fail(
            f"{key}.high_percent",
            N_(
                "In the regulation profile {file}, {key} is {value}; "
                "it must be at least {other} ({low})."
            ),
            value=high,
            other=f"{key}.low_percent",
            low=low,
        )
    return Rule(PercentRange(low, high), *reader.source_of(key, table))
