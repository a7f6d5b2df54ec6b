"""Working days (rule 34): weekends and Vietnamese public holidays from data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunar_calendar import lunar_to_solar

from app.domain.calendar import CalendarError, WorkingCalendar, load_calendar, parse_calendar
from app.l10n import render

HOLIDAYS = Path(__file__).resolve().parents[3] / "resources" / "calendar" / "vn-holidays.toml"
D = dt.date
ONE_DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def vn() -> WorkingCalendar:
    return load_calendar([HOLIDAYS])


# --- The lunar calendar used to check the table is itself right on published dates. ---


@pytest.mark.parametrize(
    ("year", "tet", "gio_to"),
    [
        (2023, D(2023, 1, 22), D(2023, 4, 29)),
        (2024, D(2024, 2, 10), D(2024, 4, 18)),
        (2025, D(2025, 1, 29), D(2025, 4, 7)),
        (2026, D(2026, 2, 17), D(2026, 4, 26)),
    ],
)
def test_lunar_algorithm_matches_published_dates(year: int, tet: D, gio_to: D) -> None:
    assert lunar_to_solar(year, 1, 1) == tet
    assert lunar_to_solar(year, 3, 10) == gio_to


@pytest.mark.parametrize("year", range(2024, 2036))
def test_table_has_tet_and_gio_to_of_every_year(vn: WorkingCalendar, year: int) -> None:
    new_year = lunar_to_solar(year, 1, 1)
    gio_to = lunar_to_solar(year, 3, 10)
    for day in (new_year, new_year + ONE_DAY, new_year + 2 * ONE_DAY):
        assert "Tết Nguyên đán" in (vn.holiday_name(day) or ""), day
    assert vn.holiday_name(gio_to) == "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    # Labour Code Điều 112: Tết is 5 days off; with compensation they are 5 weekdays.
    window = [new_year + i * ONE_DAY for i in range(-10, 14)]
    tet_weekdays = [
        d for d in window if d.weekday() < 5 and "Tết Nguyên đán" in (vn.holiday_name(d) or "")
    ]
    assert len(tet_weekdays) == 5


@pytest.mark.parametrize("year", range(2024, 2036))
def test_fixed_holidays_and_national_day_pair(vn: WorkingCalendar, year: int) -> None:
    for month, day in ((1, 1), (4, 30), (5, 1), (9, 2)):
        assert vn.holiday_name(D(year, month, day)) is not None
    adjacent = [vn.holiday_name(D(year, 9, d)) or "" for d in (1, 3)]
    assert any("Quốc khánh" in name for name in adjacent)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 1, 1), False),  # Tết Dương lịch
        (D(2026, 1, 2), False),  # swapped with Saturday 10/01 (12729/VPCP-KGVX)
        (D(2026, 1, 10), True),  # the Saturday worked in exchange
        (D(2026, 1, 11), False),  # an ordinary Sunday
        (D(2026, 2, 16), False),  # Tết Bính Ngọ, 16-20/02
        (D(2026, 2, 20), False),
        (D(2026, 2, 23), True),
        (D(2026, 4, 27), False),  # compensation for Giỗ Tổ on Sunday 26/4
        (D(2025, 5, 2), False),  # swapped with Saturday 26/4/2025
        (D(2025, 4, 26), True),
        (D(2024, 9, 3), False),  # Quốc khánh 2024: 02/9 and 03/9
        (D(2025, 9, 1), False),  # Quốc khánh 2025: 01/9 and 02/9
        (D(2026, 3, 4), True),
    ],
)
def test_announced_days(vn: WorkingCalendar, day: D, working: bool) -> None:
    assert vn.is_working_day(day) is working


def test_counting_across_tet(vn: WorkingCalendar) -> None:
    # Friday 13/02/2026 + 1 working day skips the weekend and the five Tết days.
    assert vn.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert vn.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert vn.add_working_days(D(2026, 2, 13), 0) == D(2026, 2, 13)
    # 30 working days after 16/3/2026 (recognition deadline, rule 32): the compensatory
    # Monday 27/4 for Giỗ Tổ is skipped.
    assert vn.add_working_days(D(2026, 3, 16), 30) == D(2026, 4, 28)
    assert vn.add_working_days(D(2026, 3, 20), 30) == D(2026, 5, 6)  # skips 27/4, 30/4, 1/5


def test_negative_count_is_refused(vn: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        vn.add_working_days(D(2026, 1, 5), -1)


def test_year_without_dates_still_has_fixed_holidays(vn: WorkingCalendar) -> None:
    assert vn.holiday_name(D(2040, 9, 2)) == "Quốc khánh (2/9)"
    assert vn.is_working_day(D(2040, 5, 1)) is False  # a Tuesday


def test_user_file_adds_days() -> None:
    base = HOLIDAYS.read_text(encoding="utf-8")
    user = '[years.2027]\ndates = [2027-03-08]\nnames = ["Nghỉ bù theo thông báo"]\n'
    cal = parse_calendar([(base, "vn-holidays.toml"), (user, "holidays.toml")])
    assert cal.holiday_name(D(2027, 3, 8)) == "Nghỉ bù theo thông báo"
    assert cal.holiday_name(D(2027, 2, 8)) == "Tết Nguyên đán (mùng 3)"  # still there


calendars = st.builds(
    WorkingCalendar,
    st.dictionaries(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.just("Nghỉ"), max_size=40),
)
days = st.dates(D(2024, 1, 1), D(2026, 12, 31))


@given(calendars, days, st.integers(0, 120))
def test_add_and_count_agree(cal: WorkingCalendar, start: D, n: int) -> None:
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start, end) == n
    if n:
        assert cal.is_working_day(end)


@given(calendars, days, days)
def test_count_is_additive(cal: WorkingCalendar, a: D, b: D) -> None:
    first, second = sorted((a, b))
    middle = first + (second - first) // 2
    total = cal.working_days_between(first, second)
    assert total == cal.working_days_between(first, middle) + cal.working_days_between(
        middle, second
    )
    assert cal.working_days_between(second, first) == (0 if first != second else total)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[fixed]\n", "Tệp ngày nghỉ thu.toml không đúng định dạng TOML: "),
        ("year = 1\n", "Tệp ngày nghỉ thu.toml có mục không hợp lệ: year."),
        ("fixed = 3\n", "Trong tệp ngày nghỉ thu.toml, mục fixed phải là một danh sách."),
        (
            '[[fixed]]\nmonth = 2\nday = 30\nname = "X"\n',
            "Trong tệp ngày nghỉ thu.toml, mục fixed #1 không phải là một ngày hợp lệ.",
        ),
        (
            '[[fixed]]\nmonth = "1"\nday = 1\nname = "X"\n',
            "Trong tệp ngày nghỉ thu.toml, mục fixed #1.month phải là một số.",
        ),
        (
            "[[fixed]]\nmonth = 1\nday = 1\n",
            "Trong tệp ngày nghỉ thu.toml, mục fixed #1.name cần có tên ngày nghỉ.",
        ),
        (
            "[years.20x6]\ndates = []\nnames = []\n",
            "Trong tệp ngày nghỉ thu.toml, mục years.20x6 không phải là một năm.",
        ),
        (
            '[years.2026]\ndates = ["2026-02-17"]\nnames = ["Tết"]\n',
            "Trong tệp ngày nghỉ thu.toml, mục years.2026.dates phải gồm các ngày viết theo "
            "dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ 2026-02-17.",
        ),
        (
            '[years.2026]\ndates = [2027-02-06]\nnames = ["Tết"]\n',
            "Trong tệp ngày nghỉ thu.toml, ngày ở mục years.2026.dates: 2027-02-06 không "
            "thuộc năm của bảng chứa nó.",
        ),
        (
            '[years.2026]\ndates = [2026-02-17, 2026-02-18]\nnames = ["Tết"]\n',
            "Trong tệp ngày nghỉ thu.toml, mục years.2026.names phải có đúng một tên cho mỗi ngày.",
        ),
        (
            '[years.2026]\ndates = [2026-02-17]\nnames = [""]\n',
            "Trong tệp ngày nghỉ thu.toml, mục years.2026.names cần có tên ngày nghỉ.",
        ),
    ],
)
def test_malformed_files_are_named(text: str, expected: str) -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar([(text, "thu.toml")])
    assert render(caught.value.message).startswith(expected)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(CalendarError) as caught:
        load_calendar([tmp_path / "holidays.toml"])
    assert render(caught.value.message).startswith("Không đọc được tệp ngày nghỉ ")
