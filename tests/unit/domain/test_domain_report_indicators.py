"""The report's indicators against the profile's targets (30-CTr/TU Hà Giang in vn-2025)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.profile import load_profile, parse_profile
from app.domain.profile_indicators import PercentRange, PercentTarget
from app.domain.profile_reader import ProfileError
from app.domain.report_indicators import (
    IndicatorInput,
    RangeStatus,
    admission_status,
    compute_indicators,
    good_or_better,
)
from app.l10n import render

PROFILE_PATH = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
PROFILE = load_profile(PROFILE_PATH)
BANDS = ("good", "fair", "average", "poor")

BASE = IndicatorInput(
    meeting_bands=(),
    band_order=BANDS,
    task_members=(),
    active_members=(),
    admitted_in_period=0,
    admitted_in_year=0,
    members_at_year_start=0,
    year_complete=False,
    village_head_is_member=None,
    front_head_is_member=None,
)


def test_the_bundled_targets_and_their_source() -> None:
    rules = PROFILE.indicators
    assert rules.good_meetings.value == PercentTarget(95, strict=True)
    assert rules.good_band == "good"
    assert rules.members_with_tasks.value == PercentTarget(100, strict=False)
    assert rules.yearly_admissions.value == PercentRange(3, 4)
    assert "30-CTr/TU" in rules.yearly_admissions.citation
    assert rules.yearly_admissions.confidence == "P"


@pytest.mark.parametrize(
    ("bands", "part", "whole", "met"),
    [
        ((), 0, 0, None),  # no scored meeting: nothing to judge
        ((None, None), 0, 0, None),
        (("good",) * 19 + ("fair",), 19, 20, False),  # exactly 95 % is not "more than 95 %"
        (("good",) * 20 + (None,), 20, 20, True),  # unscored meetings do not count
        (("fair", "poor"), 0, 2, False),
    ],
)
def test_share_of_good_meetings(
    bands: tuple[str | None, ...], part: int, whole: int, met: bool | None
) -> None:
    found = compute_indicators(replace(BASE, meeting_bands=bands), PROFILE.indicators)
    assert (found.good_meetings.part, found.good_meetings.whole) == (part, whole)
    assert found.good_meetings.met is met


def test_good_or_better_follows_the_band_order() -> None:
    assert good_or_better("good", "fair", BANDS)
    assert good_or_better("fair", "fair", BANDS)
    assert not good_or_better("average", "fair", BANDS)
    assert not good_or_better("unknown", "good", BANDS)
    assert not good_or_better(None, "good", BANDS)


def test_members_with_tasks_counts_only_active_members() -> None:
    data = replace(BASE, active_members={1, 2, 3, 4}, task_members={1, 2, 9})
    found = compute_indicators(data, PROFILE.indicators).members_with_tasks
    assert (found.part, found.whole, found.met) == (2, 4, False)
    everyone = replace(BASE, active_members={1, 2}, task_members={1, 2})
    assert compute_indicators(everyone, PROFILE.indicators).members_with_tasks.met is True


@pytest.mark.parametrize(
    ("admitted", "base", "status"),
    [(0, 50, RangeStatus.BELOW), (1, 50, RangeStatus.BELOW), (2, 50, RangeStatus.WITHIN),
     (3, 75, RangeStatus.WITHIN), (3, 100, RangeStatus.WITHIN), (5, 100, RangeStatus.ABOVE)],
)  # fmt: skip
def test_admissions_against_3_to_4_percent(admitted: int, base: int, status: RangeStatus) -> None:
    assert admission_status(admitted, base, PercentRange(3, 4)) is status


def test_admission_status_only_once_the_year_is_over() -> None:
    data = replace(BASE, admitted_in_period=1, admitted_in_year=2, members_at_year_start=50)
    interim = compute_indicators(data, PROFILE.indicators).admissions
    assert (interim.in_period, interim.in_year, interim.base, interim.status) == (1, 2, 50, None)
    final = compute_indicators(replace(data, year_complete=True), PROFILE.indicators)
    assert final.admissions.status is RangeStatus.WITHIN


def test_a_good_band_missing_from_the_quality_table_is_refused() -> None:
    text = PROFILE_PATH.read_text(encoding="utf-8").replace(
        "percent = 95\n", 'percent = 95\nband = "tot"\n'
    )
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "tinh.toml")
    assert render(caught.value.message) == (
        "Trong bộ quy định tinh.toml, mục indicators.good_meetings.band có giá trị tot; "
        "giá trị này phải là một trong các mã mức xếp loại của meetings.quality "
        "(good, fair, average, poor)."
    )


def test_a_named_band_counts_with_the_bands_above_it() -> None:
    text = PROFILE_PATH.read_text(encoding="utf-8").replace(
        "percent = 95\n", 'percent = 95\nband = "fair"\n'
    )
    assert parse_profile(text, "tinh.toml").indicators.good_band == "fair"


def test_a_range_upside_down_is_refused() -> None:
    text = PROFILE_PATH.read_text(encoding="utf-8").replace("low_percent = 3", "low_percent = 5")
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "tinh.toml")
    assert "indicators.yearly_admissions.high_percent" in render(caught.value.message)
