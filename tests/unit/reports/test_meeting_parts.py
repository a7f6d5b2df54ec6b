"""Small formatting rules of the meeting documents: percentages, times, names, vote lines."""

from __future__ import annotations

import datetime as dt
import unicodedata

import meeting_samples as samples
import pytest

from app.reports import meeting_parts as parts
from app.reports.layout import HeadingBlock


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (25, 25, "100%"),
        (24, 25, "96%"),
        (2, 3, "66,7%"),  # 66.666… rounds up
        (1, 3, "33,3%"),
        (1, 8, "12,5%"),
        (1, 16, "6,3%"),  # 6.25 rounds half up, the same on every machine
        (0, 27, "0%"),
        (5, 0, "0%"),  # no member can vote: no division by zero
    ],
)
def test_percent(part: int, whole: int, expected: str) -> None:
    assert parts.percent(part, whole) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("thôn Lũng Cú", "Chi bộ thôn Lũng Cú"),
        ("Chi bộ thôn Lũng Cú", "Chi bộ thôn Lũng Cú"),
        ("  chi bộ thôn Lũng Cú ", "Chi bộ thôn Lũng Cú"),
    ],
)
def test_cell_title_names_the_cell_once(name: str, expected: str) -> None:
    assert parts.cell_title(name) == expected


def test_clock_and_short_date() -> None:
    assert parts.clock(dt.time(7, 5)) == "07 giờ 05 phút"
    assert parts.clock(dt.time(14, 30)) == "14 giờ 30 phút"
    assert parts.short_date(dt.date(2026, 2, 5)) == "05/02/2026"
    assert parts.short_date(None) == "Thường xuyên"


def test_vote_and_result_lines() -> None:
    vote = samples.decision("Kết nạp", 18, 27, 18)
    assert parts.vote_line(vote) == (
        "Tán thành 18/27 đồng chí, đạt 66,7%; không tán thành 8 đồng chí; "
        "không biểu quyết 1 đồng chí."
    )
    assert parts.result_line(vote) == "Kết quả: thông qua (cần ít nhất 18/27 đồng chí tán thành)."
    failed = samples.decision("Kết nạp", 17, 27, 18)
    assert parts.result_line(failed).startswith("Kết quả: không thông qua (")


def test_numbered_skips_empty_parts() -> None:
    blocks = parts.numbered(
        [("A", []), ("B", parts.bullets(["x"])), ("C", []), ("D", parts.bullets(["y"]))]
    )
    headings = [block.text for block in blocks if isinstance(block, HeadingBlock)]
    assert headings == ["I. B", "II. D"]


def test_capitalised_composes_first() -> None:
    assert parts.capitalised("  sinh hoạt chuyên đề ") == "Sinh hoạt chuyên đề"
    assert parts.capitalised(unicodedata.normalize("NFD", "ủy ban")) == "Ủy ban"
