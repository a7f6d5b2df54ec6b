"""Date arithmetic the Party's rules need: periods counted in months, ages in full months."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "age_in_months"]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; when that month is shorter, its last day.

    This is how Vietnamese law ends a period counted in months (Bộ luật Dân sự 2015, Điều 148):
    31/01 + 1 month = 28/02 (29/02 in a leap year); 29/02 + 12 months = 28/02.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def age_in_months(birth: dt.date, on: dt.date) -> int:
    """Full months from `birth` to `on` (tuổi tính theo tháng): full 18 years = 216 months.

    A month is full on the same day of the month, or on the last day of a shorter month
    (born 31/01, full one month on 28/02). Negative when `on` is before `birth`.
    """
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if add_months(birth, months) > on:
        months -= 1
    return months


def utc_instant(text: str) -> dt.datetime:
    """A time written as "2026-11-23T08:00:00Z" (any offset) as naive UTC, the form every
    stored timestamp has. ValueError when it is not such a time or has no time zone."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
