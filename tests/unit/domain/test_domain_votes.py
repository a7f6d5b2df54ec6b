"""Cell votes (rule 11): at least 2/3 of the full members who count, not of those present."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.messages import DomainError
from app.domain.profile import Fraction
from app.domain.votes import required_yes, validate_vote, vote_denominator, vote_passes
from app.l10n import render

TWO_THIRDS = Fraction(2, 3)  # Điều lệ Điều 4.3, 5.2


@pytest.mark.parametrize(
    ("full", "attached", "exempt_absent", "denominator"),
    [(10, 0, 0, 10), (10, 2, 1, 7), (3, 0, 0, 3), (3, 3, 0, 0)],  # 294-QĐ/TW 9.3.2
)
def test_denominator(full: int, attached: int, exempt_absent: int, denominator: int) -> None:
    assert vote_denominator(full, attached, exempt_absent) == denominator


def test_denominator_refuses_impossible_counts() -> None:
    with pytest.raises(DomainError) as caught:
        vote_denominator(3, 2, 2)
    assert render(caught.value.message) == (
        "Có 4 đảng viên sinh hoạt tạm thời nơi khác hoặc được miễn sinh hoạt và vắng mặt, nhưng "
        "chi bộ chỉ có 3 đảng viên chính thức. Hãy kiểm tra lại các số này."
    )
    with pytest.raises(DomainError):
        vote_denominator(3, -1, 0)


@pytest.mark.parametrize(
    ("denominator", "needed"),
    [(3, 2), (4, 3), (5, 4), (6, 4), (7, 5), (9, 6), (10, 7), (1, 1), (0, 0)],
)
def test_required_yes_rounds_up(denominator: int, needed: int) -> None:
    assert required_yes(denominator, TWO_THIRDS) == needed


@pytest.mark.parametrize(
    ("yes", "denominator", "passes"),
    [(7, 10, True), (6, 10, False), (2, 3, True), (1, 3, False), (0, 0, False)],
)
def test_vote_passes(yes: int, denominator: int, passes: bool) -> None:
    assert vote_passes(yes, denominator, TWO_THIRDS) is passes


fractions = st.integers(1, 10).flatmap(lambda d: st.integers(1, d).map(lambda n: Fraction(n, d)))


@given(st.integers(0, 500), fractions)
def test_required_yes_is_the_smallest_reaching_the_fraction(den: int, fraction: Fraction) -> None:
    needed = required_yes(den, fraction)
    assert needed == math.ceil(den * fraction.numerator / fraction.denominator)
    assert needed * fraction.denominator >= den * fraction.numerator
    assert needed <= den
    if needed > 0:
        assert (needed - 1) * fraction.denominator < den * fraction.numerator


@given(st.integers(1, 500), st.integers(0, 500), fractions)
def test_passing_is_monotonic_in_yes(den: int, yes: int, fraction: Fraction) -> None:
    if vote_passes(yes, den, fraction):
        assert vote_passes(yes + 1, den, fraction)


def test_validate_vote() -> None:
    assert validate_vote(7, 2, 1, 10) == []
    messages = {p.field: render(p.message) for p in validate_vote(8, 2, 1, 10)}
    assert messages == {
        "yes": "Đã ghi 11 phiếu nhưng chỉ có 10 đảng viên chính thức được biểu quyết. Hãy kiểm "
        "tra lại số phiếu tán thành, không tán thành và không biểu quyết."
    }
    negative = validate_vote(1, -1, 0, 3)
    assert [(p.field, render(p.message)) for p in negative] == [
        ("no", "Số phiếu không được là số âm (-1).")
    ]
    assert [p.field for p in validate_vote(0, 0, 0, 0)] == ["denominator"]


@given(st.integers(0, 20), st.integers(0, 20), st.integers(0, 20), st.integers(1, 60))
def test_valid_votes_have_no_problem(yes: int, no: int, abstain: int, den: int) -> None:
    assert (validate_vote(yes, no, abstain, den) == []) is (yes + no + abstain <= den)
