"""The profile's vote majority, meeting reminder and document tables, and their mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain.profile import Fraction, Majority, ProfileError, load_profile, parse_profile
from app.l10n import render

PROFILE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
TEXT = PROFILE.read_text(encoding="utf-8")


def _edit(pattern: str, replacement: str) -> str:
    edited, count = re.subn(pattern, replacement, TEXT, count=1, flags=re.MULTILINE | re.DOTALL)
    assert count == 1, pattern
    return edited


def _error(text: str) -> str:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "thu.toml")
    return render(caught.value.message)


def test_bundled_profile_has_the_new_rules() -> None:
    profile = load_profile(PROFILE)
    majority = profile.votes.decision_majority
    assert majority.value == Majority(Fraction(1, 2), strict=True)
    assert (majority.citation, majority.confidence) == ("Điều lệ Đảng 2011, Điều 10.5", "R")
    reminder = profile.meetings.reminder_days
    assert (reminder.value, reminder.confidence) == (7, "app")
    assert reminder.citation == "Sổ Chi bộ (mặc định của chương trình)"
    assert profile.meetings.regular_per_month.value == 1
    codes = [t.code for t in profile.documents.types.value]
    assert codes[:3] == ["NQ", "QĐ", "KL"] and "BB" in codes
    not_for_cells = [t.code for t in profile.documents.types.value if not t.allowed_for_cell]
    assert not_for_cells == ["HD", "CT"]


@pytest.mark.parametrize(
    ("pattern", "replacement", "expected"),
    [
        (
            r"(\[votes\.decision_majority\].*?)^strict = true",
            r"\1strict = 1",
            "Trong bộ quy định thu.toml, mục votes.decision_majority.strict phải là true hoặc "
            "false.",
        ),
        (
            r"(\[votes\.decision_majority\].*?)numerator = 1",
            r"\1numerator = 3",
            "Trong bộ quy định thu.toml, mục votes.decision_majority có giá trị 3/2; giá trị phải "
            "là phân số lớn hơn 0 và không quá 1.",
        ),
        (
            r'(\[meetings\.reminder_days\].*?)confidence = "app"',
            r'\1confidence = "X"',
            "Trong bộ quy định thu.toml, mục meetings.reminder_days.confidence phải là P, S, R "
            "hoặc app.",
        ),
        (
            r"(\[meetings\.reminder_days\].*?)value = 7",
            r"\1value = 90",
            "Trong bộ quy định thu.toml, mục meetings.reminder_days.value có giá trị 90; giá trị "
            "phải từ 0 đến 31.",
        ),
        (
            r'(\[meetings\.regular_per_month\].*?)confidence = "P"',
            r'\1confidence = "app"',
            "Trong bộ quy định thu.toml, mục meetings.regular_per_month.confidence phải là P, S "
            "hoặc R.",
        ),
        (
            r'(\[documents\.body_code\].*?)value = "CB"',
            r'\1value = ""',
            "Trong bộ quy định thu.toml, mục documents.body_code.value đang để trống.",
        ),
        (
            r"(\[documents\.number_digits\].*?)value = 2",
            r"\1value = 0",
            "Trong bộ quy định thu.toml, mục documents.number_digits.value có giá trị 0; giá trị "
            "phải từ 1 đến 4.",
        ),
        (
            r'code = "QĐ"',
            r'code = "NQ"',
            "Trong bộ quy định thu.toml, mã NQ xuất hiện hai lần trong mục documents.types.items.",
        ),
        (
            r'(code = "BB".*?)allowed_for_cell = true',
            r'\1allowed_for_cell = "có"',
            "Trong bộ quy định thu.toml, mục documents.types.items[13].allowed_for_cell phải là "
            "true hoặc false.",
        ),
    ],
)
def test_mistakes_are_named_in_vietnamese(pattern: str, replacement: str, expected: str) -> None:
    assert _error(_edit(pattern, replacement)) == expected


def test_document_types_that_are_not_a_list_of_tables() -> None:
    text = TEXT.replace("[[documents.types.items]]", "[[documents.types.item]]")
    assert _error(text) == (
        "Trong bộ quy định thu.toml, mục documents.types.items phải là một danh sách các bảng "
        "và không được để trống."
    )
