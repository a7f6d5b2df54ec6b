"""Document numbers and types (domain.md §9.2-9.3, rules 40-41)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.documents import (
    IssuedNumber,
    authority_problems,
    duplicate_problems,
    format_number,
    in_term,
    next_sequence,
)
from app.domain.findings import Severity
from app.domain.profile import load_profile
from app.l10n import render

PROFILE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
RULES = load_profile(PROFILE).documents
TERM = dt.date(2025, 10, 1)


@pytest.mark.parametrize(
    ("seq", "code", "expected"),
    [
        (5, "BB", "Số 05-BB/CB"),
        (1, "NQ", "Số 01-NQ/CB"),
        (10, "BC", "Số 10-BC/CB"),
        (127, "KL", "Số 127-KL/CB"),
    ],
)
def test_format_number_has_a_leading_zero_and_no_colon(seq: int, code: str, expected: str) -> None:
    assert format_number(seq, code, RULES.body_code.value, RULES.number_digits.value) == expected


def test_format_number_refuses_zero() -> None:
    with pytest.raises(ValueError):
        format_number(0, "BB", "CB", 2)


def test_bundled_document_rules() -> None:
    assert (RULES.body_code.value, RULES.number_digits.value) == ("CB", 2)
    minutes = RULES.type_of("BB")
    assert minutes is not None and minutes.printed_name == "BIÊN BẢN" and minutes.allowed_for_cell
    letter = RULES.type_of("CV")
    assert letter is not None and letter.printed_name == ""
    assert RULES.types.citation.startswith("05-HD/VPTW")


def test_numbers_run_through_the_term_not_the_year() -> None:
    issued = [
        IssuedNumber("BB", TERM, 1),
        IssuedNumber("BB", TERM, 2),  # issued in December
        IssuedNumber("NQ", TERM, 1),
        IssuedNumber("BB", dt.date(2020, 10, 1), 40),  # the previous term
    ]
    assert next_sequence(issued, "BB", TERM) == 3  # January continues the term's count
    assert next_sequence(issued, "NQ", TERM) == 2  # per type
    assert next_sequence(issued, "KL", TERM) == 1
    assert next_sequence(issued, "BB", dt.date(2030, 10, 1)) == 1  # a new term starts at 1


def test_a_cancelled_number_is_never_given_again() -> None:
    issued = [IssuedNumber("BB", TERM, 1), IssuedNumber("BB", TERM, 3)]
    assert next_sequence(issued, "BB", TERM) == 4


@given(st.sets(st.integers(min_value=1, max_value=500), max_size=30))
def test_the_next_number_is_always_free(taken: set[int]) -> None:
    issued = [IssuedNumber("BB", TERM, seq) for seq in taken]
    seq = next_sequence(issued, "BB", TERM)
    assert seq not in taken
    assert duplicate_problems(issued, IssuedNumber("BB", TERM, seq)) == []


def test_a_duplicate_blocks() -> None:
    issued = [IssuedNumber("BB", TERM, 1)]
    (problem,) = duplicate_problems(issued, IssuedNumber("BB", TERM, 1))
    assert problem.severity is Severity.BLOCK
    assert render(problem.message) == (
        "Số 1 của loại văn bản BB đã được dùng trong nhiệm kỳ này. Hãy lấy số kế tiếp còn trống."
    )


def test_authority_of_a_cell() -> None:
    assert authority_problems("NQ", RULES) == []
    (warning,) = authority_problems("HD", RULES)
    assert warning.severity is Severity.WARN
    assert render(warning.message) == (
        "Chi bộ không được ban hành văn bản loại “Hướng dẫn” (HD). Hãy kiểm tra lại loại văn bản."
    )
    (unknown,) = authority_problems("XX", RULES)
    assert unknown.severity is Severity.BLOCK
    assert render(unknown.message) == "Ký hiệu loại văn bản XX không có trong bảng loại văn bản."


def test_in_term() -> None:
    assert in_term(dt.date(2026, 1, 1), TERM, dt.date(2030, 9, 30))
    assert not in_term(dt.date(2025, 9, 30), TERM, None)
    assert not in_term(dt.date(2030, 10, 1), TERM, dt.date(2030, 9, 30))
    assert in_term(dt.date(2040, 1, 1), TERM, None)
