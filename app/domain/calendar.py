"""Working days (ngày làm việc): not a Saturday or Sunday and not a public holiday.

Party deadlines are counted in working days (e.g. recognition within 30 working days after the
probation ends). The holidays are data: resources/calendar/vn-holidays.toml lists the fixed solar
holidays and, year by year, the days that follow the lunar calendar or the government's yearly
announcement. A user file in the data folder (same format) can add days, e.g. a compensatory
day off announced late. Format:

    [[fixed]]                      # every year, solar date
    month = 1
    day = 1
    name = "Tết Dương lịch"

    [years.2026]
    dates = [2026-02-16, 2026-02-17]        # days off that year
    names = ["Tết Nguyên đán", "Tết Nguyên đán"]
    workdays = [2026-01-10]                 # optional: a Saturday worked in exchange (hoán đổi)
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.domain.messages import N_, Message

_SATURDAY = 5
_ONE_DAY = dt.timedelta(days=1)
_YEAR_RANGE = (1900, 2200)


class CalendarError(Exception):
    """A holiday file is malformed; `message` names the file, the entry and the fix."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message


class WorkingCalendar:
    """Answers which days are working days, and counts working days for deadlines."""

    def __init__(
        self,
        holidays: Mapping[dt.date, str],
        fixed: Mapping[tuple[int, int], str] | None = None,
        workdays: Iterable[dt.date] = (),
    ) -> None:
        """`holidays`: dated days off; `fixed`: (month, day) off every year; `workdays`:
        weekend days worked in exchange for a day off (hoán đổi ngày làm việc)."""
        self._holidays = dict(holidays)
        self._fixed = dict(fixed or {})
        self._workdays = frozenset(workdays)

    def holiday_name(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day`, or None if it is not one."""
        name = self._holidays.get(day)
        if name is None:
            name = self._fixed.get((day.month, day.day))
        return name

    def is_working_day(self, day: dt.date) -> bool:
        """True for a day an office works: a weekday that is no holiday, or a swapped Saturday."""
        if self.holiday_name(day) is not None:
            return False
        if day in self._workdays:
            return True
        return day.weekday() < _SATURDAY

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (`start` itself is not counted; n=0 gives start)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in (start, end]; 0 when end is not after start."""
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count


class _Collected:
    """Holidays gathered from several files; later files add days (and may rename them)."""

    def __init__(self) -> None:
        self.holidays: dict[dt.date, str] = {}
        self.fixed: dict[tuple[int, int], str] = {}
        self.workdays: set[dt.date] = set()


def _fail(source: str, entry: str, text: str) -> CalendarError:
    return CalendarError(Message(text, {"file": source, "entry": entry}))


def _name(value: Any, source: str, entry: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, entry, N_("In the holiday file {file}, {entry} needs a name."))
    return " ".join(value.split())


def _int(value: Any, source: str, entry: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(source, entry, N_("In the holiday file {file}, {entry} must be a number."))
    return value


def _read_fixed(items: Any, source: str, into: _Collected) -> None:
    if not isinstance(items, list):
        raise _fail(source, "fixed", N_("In the holiday file {file}, {entry} must be a list."))
    for index, item in enumerate(items, start=1):
        entry = f"fixed #{index}"
        if not isinstance(item, Mapping):
            raise _fail(source, entry, N_("In the holiday file {file}, {entry} must be a table."))
        month = _int(item.get("month"), source, f"{entry}.month")
        day = _int(item.get("day"), source, f"{entry}.day")
        try:
            # 2000 is a leap year, so 29 February is accepted (it then applies in leap years).
            dt.date(2000, month, day)
        except ValueError as exc:
            raise _fail(
                source, entry, N_("In the holiday file {file}, {entry} is not a valid day.")
            ) from exc
        into.fixed[(month, day)] = _name(item.get("name"), source, f"{entry}.name")


def _dates(value: Any, year: int, source: str, entry: str) -> list[dt.date]:
    if not isinstance(value, list):
        raise _fail(source, entry, N_("In the holiday file {file}, {entry} must be a list."))
    out: list[dt.date] = []
    for item in value:
        if not isinstance(item, dt.date) or isinstance(item, dt.datetime):
            raise _fail(
                source,
                entry,
                N_("In the holiday file {file}, {entry} must hold dates written YYYY-MM-DD."),
            )
        if item.year != year:
            raise _fail(
                source,
                f"{entry}: {item.isoformat()}",
                N_("In the holiday file {file}, {entry} is not in the year of its table."),
            )
        out.append(item)
    return out


def _read_year(key: str, table: Any, source: str, into: _Collected) -> None:
    entry = f"years.{key}"
    if not key.isdigit() or not _YEAR_RANGE[0] <= int(key) <= _YEAR_RANGE[1]:
        raise _fail(source, entry, N_("In the holiday file {file}, {entry} is not a year."))
    if not isinstance(table, Mapping):
        raise _fail(source, entry, N_("In the holiday file {file}, {entry} must be a table."))
    year = int(key)
    dates = _dates(table.get("dates", []), year, source, f"{entry}.dates")
    names = table.get("names", [])
    if not isinstance(names, list) or len(names) != len(dates):
        raise _fail(
            source,
            f"{entry}.names",
            N_("In the holiday file {file}, {entry} must give one name for each date."),
        )
    for day, name in zip(dates, names, strict=True):
        into.holidays[day] = _name(name, source, f"{entry}.names")
    into.workdays.update(_dates(table.get("workdays", []), year, source, f"{entry}.workdays"))


def _read_file(text: str, source: str, into: _Collected) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(
            Message(
                N_("The holiday file {file} is not valid TOML: {detail}"),
                {"file": source, "detail": str(exc)},
            )
        ) from exc
    for key in data:
        if key not in ("fixed", "years"):
            raise _fail(source, key, N_("The holiday file {file} has an unknown entry {entry}."))
    _read_fixed(data.get("fixed", []), source, into)
    years = data.get("years", {})
    if not isinstance(years, Mapping):
        raise _fail(source, "years", N_("In the holiday file {file}, {entry} must be a table."))
    for key, table in years.items():
        _read_year(key, table, source, into)


def parse_calendar(texts: Sequence[tuple[str, str]]) -> WorkingCalendar:
    """Build the calendar from (TOML text, source name) pairs; later texts add days."""
    collected = _Collected()
    for text, source in texts:
        _read_file(text, source, collected)
    return WorkingCalendar(collected.holidays, collected.fixed, collected.workdays)


def load_calendar(paths: Sequence[Path]) -> WorkingCalendar:
    """Read the holiday files in order (the bundled table first, then the user's additions)."""
    texts: list[tuple[str, str]] = []
    for path in paths:
        try:
            texts.append((path.read_text(encoding="utf-8"), str(path)))
        except (OSError, UnicodeDecodeError) as exc:
            raise CalendarError(
                Message(
                    N_("The holiday file {file} cannot be read: {detail}"),
                    {"file": str(path), "detail": str(exc)},
                )
            ) from exc
    return parse_calendar(texts)
