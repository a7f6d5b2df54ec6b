"""Reporting periods: the three accepted forms, their dates, and the Vietnamese mistakes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.messages import DomainError
from app.domain.periods import PeriodKind, parse_period
from app.l10n import render

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2026", PeriodKind.YEAR, D(2026, 1, 1), D(2026, 12, 31), "2026"),
        ("2026-Q1", PeriodKind.QUARTER, D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"),
        (" 2026-q3 ", PeriodKind.QUARTER, D(2026, 7, 1), D(2026, 9, 30), "2026-Q3"),
        ("2026-11", PeriodKind.MONTH, D(2026, 11, 1), D(2026, 11, 30), "2026-11"),
        ("2028-2", PeriodKind.MONTH, D(2028, 2, 1), D(2028, 2, 29), "2028-02"),
        ("２０２６", PeriodKind.YEAR, D(2026, 1, 1), D(2026, 12, 31), "2026"),
    ],
)
def test_accepted_forms(
    text: str, kind: PeriodKind, start: dt.date, end: dt.date, label: str
) -> None:
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert period.contains(start) and period.contains(end)
    assert not period.contains(start - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "“” không phải là kỳ báo cáo. Hãy gõ năm (2026), quý (2026-Q3) hoặc tháng (2026-11)."),
        (
            "11/2026",
            "“11/2026” không phải là kỳ báo cáo. Hãy gõ năm (2026), quý (2026-Q3) hoặc "
            "tháng (2026-11).",
        ),
        ("2026-Q5", "“2026-Q5”: một năm chỉ có quý 1 đến quý 4. Hãy gõ, ví dụ, 2026-Q3."),
        ("2026-13", "“2026-13”: một năm chỉ có tháng 1 đến tháng 12. Hãy gõ, ví dụ, 2026-11."),
        ("2026-00", "“2026-00”: một năm chỉ có tháng 1 đến tháng 12. Hãy gõ, ví dụ, 2026-11."),
        ("0999", "“0999”: năm phải nằm trong khoảng từ 1930 đến 2200."),
    ],
)
def test_mistakes_are_explained_in_vietnamese(text: str, expected: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_period(text)
    assert caught.value.field_name == "period"
    assert render(caught.value.message) == expected
