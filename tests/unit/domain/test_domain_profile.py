"""The regulation profile: the bundled file loads, and every kind of mistake is named."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from app.domain.profile import Fraction, ProfileError, load_profile, parse_profile
from app.l10n import render

PROFILE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
TEXT = PROFILE.read_text(encoding="utf-8")


def _edit(pattern: str, replacement: str) -> str:
    """The bundled profile with one regex substitution (which must apply exactly once)."""
    edited, count = re.subn(pattern, replacement, TEXT, count=1, flags=re.MULTILINE | re.DOTALL)
    assert count == 1, pattern
    return edited


def _error(text: str) -> str:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "thu.toml")
    return render(caught.value.message)


def test_bundled_profile_has_the_rules_with_their_sources() -> None:
    profile = load_profile(PROFILE)
    members = profile.members
    assert profile.id == "vn-2025"
    assert profile.effective_from == dt.date(2025, 7, 1)
    assert members.min_full_members.value == 3  # Điều lệ 24.1
    assert members.min_full_members.citation == "Điều lệ Đảng 2011, Điều 24.1"
    assert members.min_full_members.confidence == "P"
    assert members.chi_uy_min_full_members.value == 9  # Điều lệ 24.4
    assert members.min_admission_age_years.value == 18
    assert members.max_admission_age_years.value == 60
    assert members.probation_months.value == 12  # Điều lệ 5.1
    assert members.recognition_deadline_working_days.value == 30
    assert members.transfer_deadline_working_days.value == 60
    assert members.record_update_month.value == 12
    assert members.record_update_month.confidence == "S"
    assert profile.votes.admission_fraction.value == Fraction(2, 3)
    assert profile.meetings.default_day.value == 3
    assert profile.source == str(PROFILE)


def test_bundled_profile_has_the_meeting_rules() -> None:
    meetings = load_profile(PROFILE).meetings
    assert meetings.min_duration_minutes.value == 90  # 42-HD/BTCTW
    assert meetings.min_duration_minutes.confidence == "S"
    assert meetings.min_duration_combined_minutes.value == 120
    assert meetings.thematic_per_quarter.value == 1
    assert meetings.unexcused_absence_months.value == 3  # Điều lệ 8.1
    assert meetings.unexcused_absence_months.citation == "Điều lệ Đảng 2011, Điều 8.1"
    assert meetings.unexcused_absence_months.confidence == "P"
    quality = meetings.quality
    assert quality.citation.startswith("42-HD/BTCTW")
    assert quality.confidence == "S"
    assert quality.value.total == 100
    assert [(c.code, c.max_points) for c in quality.value.criteria] == [
        ("time", 5),
        ("attendance", 5),
        ("preparation", 10),
        ("conduct", 40),
        ("principles", 5),
        ("results", 30),
        ("closing", 5),
    ]
    assert quality.value.criteria[0].name == "Chấp hành thời gian, thời lượng"
    assert [(b.code, b.name, b.min_points) for b in quality.value.bands] == [
        ("good", "Tốt", 90),
        ("fair", "Khá", 70),
        ("average", "Trung bình", 50),
        ("poor", "Kém", 0),
    ]


def test_a_province_file_can_replace_the_criteria_and_bands() -> None:
    head, _sep, _tail = TEXT.partition("[[meetings.quality.criteria]]")
    province = head + (
        '[[meetings.quality.criteria]]\ncode = "prep"\nname = "Chuẩn bị"\nmax_points = 30\n'
        '[[meetings.quality.criteria]]\ncode = "run"\nname = "Tổ chức"\nmax_points = 70\n'
        '[[meetings.quality.bands]]\ncode = "pass"\nname = "Đạt"\nmin_points = 60\n'
        '[[meetings.quality.bands]]\ncode = "fail"\nname = "Chưa đạt"\nmin_points = 0\n'
    )
    scheme = parse_profile(province, "tinh.toml").meetings.quality.value
    assert [c.code for c in scheme.criteria] == ["prep", "run"]
    assert [b.name for b in scheme.bands] == ["Đạt", "Chưa đạt"]


def test_criteria_that_are_not_a_list_of_tables() -> None:
    text = TEXT.replace("[[meetings.quality.criteria]]", "[[meetings.quality.criterion]]")
    assert _error(text) == (
        "Trong bộ quy định thu.toml, mục meetings.quality.criteria phải là một danh sách các "
        "bảng và không được để trống."
    )


@pytest.mark.parametrize(
    ("pattern", "replacement", "expected"),
    [
        (
            r"\[members\.probation_months\].*?confidence = \"P\"\n",
            "",
            "Bộ quy định thu.toml thiếu mục members.probation_months.",
        ),
        (
            r"^value = 12\n(citation = \"Điều lệ Đảng 2011, Điều 5.1\")",
            r"\1",
            "Bộ quy định thu.toml thiếu mục members.probation_months.value.",
        ),
        (
            r"^value = 12\n(citation = \"Điều lệ Đảng 2011, Điều 5.1\")",
            'value = "12"\n\\1',
            "Trong bộ quy định thu.toml, mục members.probation_months.value phải là một số nguyên.",
        ),
        (
            r"^value = 12\n(citation = \"Điều lệ Đảng 2011, Điều 5.1\")",
            "value = true\n\\1",
            "Trong bộ quy định thu.toml, mục members.probation_months.value phải là một số nguyên.",
        ),
        (
            r"citation = \"Điều lệ Đảng 2011, Điều 5.1\"\n",
            "",
            "Trong bộ quy định thu.toml, quy định members.probation_months chưa ghi căn cứ "
            "(citation).",
        ),
        (
            r"citation = \"Điều lệ Đảng 2011, Điều 5.1\"\n",
            'citation = "  "\n',
            "Trong bộ quy định thu.toml, quy định members.probation_months chưa ghi căn cứ "
            "(citation).",
        ),
        (
            r"(citation = \"Điều lệ Đảng 2011, Điều 5.1\"\n)confidence = \"P\"",
            '\\1confidence = "X"',
            "Trong bộ quy định thu.toml, mục members.probation_months.confidence phải là P, S "
            "hoặc R.",
        ),
        (
            r"^value = 12\n(citation = \"Điều lệ Đảng 2011, Điều 5.1\")",
            "value = 0\n\\1",
            "Trong bộ quy định thu.toml, mục members.probation_months.value có giá trị 0; giá "
            "trị phải từ 1 đến 60.",
        ),
        (
            r"^value = 12\n(citation = \"06-HD)",
            "value = 13\n\\1",
            "Trong bộ quy định thu.toml, mục members.record_update_month.value có giá trị 13; "
            "giá trị phải từ 1 đến 12.",
        ),
        (
            r"^value = 3\n(citation = \"37-HD)",
            "value = 31\n\\1",
            "Trong bộ quy định thu.toml, mục meetings.default_day.value có giá trị 31; giá "
            "trị phải từ 1 đến 28.",
        ),
        (
            r"^numerator = 2\ndenominator = 3",
            "numerator = 4\ndenominator = 3",
            "Trong bộ quy định thu.toml, mục votes.admission_fraction có giá trị 4/3; giá trị "
            "phải là phân số lớn hơn 0 và không quá 1.",
        ),
        (
            r"^denominator = 3\n",
            "",
            "Bộ quy định thu.toml thiếu mục votes.admission_fraction.denominator.",
        ),
        (
            r"^value = 60\n",
            "value = 17\n",
            "Trong bộ quy định thu.toml, mục members.max_admission_age_years.value có giá trị "
            "17; giá trị phải lớn hơn members.min_admission_age_years (18).",
        ),
        (
            r"^effective_from = 2025-07-01",
            'effective_from = "01/07/2025"',
            "Trong bộ quy định thu.toml, mục profile.effective_from phải là một ngày (YYYY-MM-DD).",
        ),
        (
            r"^effective_from = 2025-07-01",
            "effective_from = 2025-07-01T08:00:00",
            "Trong bộ quy định thu.toml, mục profile.effective_from phải là một ngày (YYYY-MM-DD).",
        ),
        (
            r"^value = 120\n",
            "value = 60\n",
            "Trong bộ quy định thu.toml, mục meetings.min_duration_combined_minutes.value có giá "
            "trị 60; giá trị phải lớn hơn hoặc bằng meetings.min_duration_minutes (90).",
        ),
        (
            r"^value = 3\n(citation = \"Điều lệ Đảng 2011, Điều 8.1\")",
            "value = 13\n\\1",
            "Trong bộ quy định thu.toml, mục meetings.unexcused_absence_months.value có giá trị "
            "13; giá trị phải từ 1 đến 12.",
        ),
        (
            r"(^total = 100\n)citation = [^\n]*\n",
            r"\1",
            "Trong bộ quy định thu.toml, quy định meetings.quality chưa ghi căn cứ (citation).",
        ),
        (
            r"^total = 100\n",
            "",
            "Bộ quy định thu.toml thiếu mục meetings.quality.total.",
        ),
        (
            r"^max_points = 40\n",
            "max_points = 45\n",
            "Trong bộ quy định thu.toml, tổng điểm các tiêu chí trong mục "
            "meetings.quality.criteria là 105; tổng này phải bằng tổng điểm đã khai báo là 100.",
        ),
        (
            r"^total = 100\n",
            "total = 90\n",
            "Trong bộ quy định thu.toml, tổng điểm các tiêu chí trong mục "
            "meetings.quality.criteria là 100; tổng này phải bằng tổng điểm đã khai báo là 90.",
        ),
        (
            r"^max_points = 40\n",
            "max_points = 0\n",
            "Trong bộ quy định thu.toml, mục meetings.quality.criteria[4].max_points có giá trị "
            "0; giá trị phải từ 1 đến 100.",
        ),
        (
            r'^code = "closing"',
            'code = "time"',
            "Trong bộ quy định thu.toml, mã time xuất hiện hai lần trong mục "
            "meetings.quality.criteria.",
        ),
        (
            r'^name = "Tốt"\n',
            "",
            "Bộ quy định thu.toml thiếu mục meetings.quality.bands[1].name.",
        ),
        (
            r"^min_points = 70\n",
            "min_points = 95\n",
            "Trong bộ quy định thu.toml, mục meetings.quality.bands[2].min_points có giá trị 95; "
            "giá trị phải nhỏ hơn mức điểm của loại xếp ngay trên (90).",
        ),
        (
            r"^min_points = 90\n",
            "min_points = 101\n",
            "Trong bộ quy định thu.toml, mục meetings.quality.bands[1].min_points có giá trị "
            "101; giá trị phải từ 0 đến 100.",
        ),
        (
            r"^min_points = 0\n",
            "min_points = 10\n",
            "Trong bộ quy định thu.toml, loại thấp nhất (mục meetings.quality.bands[4].min_points) "
            "bắt đầu từ 10 điểm; loại này phải bắt đầu từ 0 điểm để mọi số điểm đều được xếp loại.",
        ),
        (
            r'^code = "poor"',
            'code = "good"',
            "Trong bộ quy định thu.toml, mã good xuất hiện hai lần trong mục "
            "meetings.quality.bands.",
        ),
        (
            r'^id = "vn-2025"',
            'id = ""',
            "Trong bộ quy định thu.toml, mục profile.id đang để trống.",
        ),
    ],
)
def test_each_mistake_is_named_in_vietnamese(pattern: str, replacement: str, expected: str) -> None:
    assert _error(_edit(pattern, replacement)) == expected


def test_a_value_where_a_table_belongs() -> None:
    text = "meetings = 3\n" + _edit(r"^\[meetings\.default_day\].*\Z", "")
    assert _error(text) == "Trong bộ quy định thu.toml, mục meetings phải là một bảng."


def test_invalid_toml_is_reported_with_the_parser_detail() -> None:
    message = _error(TEXT + "\n[members\n")
    assert message.startswith("Bộ quy định thu.toml không đúng định dạng TOML: ")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "khong-co.toml")
    assert render(caught.value.message).startswith("Không đọc được bộ quy định ")


def test_fraction_refuses_impossible_values() -> None:
    with pytest.raises(ValueError):
        Fraction(0, 3)
    with pytest.raises(ValueError):
        Fraction(3, 2)
