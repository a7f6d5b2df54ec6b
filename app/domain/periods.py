"""Reporting periods (kỳ báo cáo): a month, a quarter or a year, typed as "2026-11",
"2026-Q3" or "2026".

Pure: parsing and calendar arithmetic only. A mistake raises `DomainError` with a message
that shows the three accepted forms.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass

from app.domain.messages import N_, DomainError, Message

_MONTHS_PER_QUARTER = 3  # calendar arithmetic, not a Party rule
_QUARTERS = 4
_MONTHS = 12
#: Years a cell could report on; outside them the input is a typing mistake.
_FIRST_YEAR = 1930  # the Party's founding year
_LAST_YEAR = 2200

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-[Qq](\d)")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")

_FORMS = N_(
    "“{value}” is not a reporting period. Type a year (2026), a quarter (2026-Q3) or a month "
    "(2026-11)."
)
_BAD_QUARTER = N_("“{value}”: a year has quarters 1 to 4 only. Type for example 2026-Q3.")
_BAD_MONTH = N_("“{value}”: a year has months 1 to 12 only. Type for example 2026-11.")
_BAD_YEAR = N_("“{value}”: the year must be between {first} and {last}.")


class PeriodKind(enum.StrEnum):
    """The length of a reporting period."""

    MONTH = "month"  # tháng
    QUARTER = "quarter"  # quý
    YEAR = "year"  # năm


@dataclass(frozen=True)
class Period:
    """A reporting period: `start` and `end` are its first and last days (both inside it);
    `label` is the canonical text ("2026", "2026-Q3", "2026-11")."""

    kind: PeriodKind
    start: dt.date
    end: dt.date
    label: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def quarter(self) -> int:
        """The quarter (1-4) the period starts in."""
        return (self.start.month - 1) // _MONTHS_PER_QUARTER + 1

    def contains(self, day: dt.date) -> bool:
        """Whether `day` lies within the period (both ends included)."""
        return self.start <= day <= self.end


def year_period(year: int) -> Period:
    """The calendar year `year`."""
    return Period(PeriodKind.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")


def quarter_period(year: int, quarter: int) -> Period:
    """Quarter `quarter` (1-4) of `year`."""
    first = (quarter - 1) * _MONTHS_PER_QUARTER + 1
    last = first + _MONTHS_PER_QUARTER - 1
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return Period(PeriodKind.QUARTER, dt.date(year, first, 1), end, f"{year:04d}-Q{quarter}")


def month_period(year: int, month: int) -> Period:
    """Month `month` (1-12) of `year`."""
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    return Period(PeriodKind.MONTH, dt.date(year, month, 1), end, f"{year:04d}-{month:02d}")


def parse_period(text: str) -> Period:
    """Read "2026", "2026-Q3" (or "2026-q3") or "2026-11" (or "2026-1").

    Raises `DomainError` (field "period") naming the accepted forms when the text is none of
    them, or when the quarter, month or year is out of range.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    for pattern, build in ((_YEAR, _year), (_QUARTER, _quarter), (_MONTH, _month)):
        match = pattern.fullmatch(value)
        if match:
            return build(value, *(int(group) for group in match.groups()))
    raise _error(_FORMS, value)


def _error(text: str, value: str, **params: int) -> DomainError:
    return DomainError(Message(text, {"value": value, **params}), "period")


def _check_year(value: str, year: int) -> None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _error(_BAD_YEAR, value, first=_FIRST_YEAR, last=_LAST_YEAR)


def _year(value: str, year: int) -> Period:
    _check_year(value, year)
    return year_period(year)


def _quarter(value: str, year: int, quarter: int) -> Period:
    _check_year(value, year)
    if not 1 <= quarter <= _QUARTERS:
        raise _error(_BAD_QUARTER, value)
    return quarter_period(year, quarter)


def _month(value: str, year: int, month: int) -> Period:
    _check_year(value, year)
    if not 1 <= month <= _MONTHS:
        raise _error(_BAD_MONTH, value)
    return month_period(year, month)
