"""The indicators (chỉ tiêu) of the cell's periodic report, compared with the profile's targets.

Pure: the service counts, this module decides. The targets and the band that counts as "Tốt"
come from the regulation profile (`IndicatorRules`).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from app.domain.profile_indicators import IndicatorRules, PercentRange, PercentTarget


class RangeStatus(enum.StrEnum):
    """Where a yearly figure stands against a target range."""

    BELOW = "below"  # chưa đạt
    WITHIN = "within"  # đạt
    ABOVE = "above"  # vượt


@dataclass(frozen=True)
class ShareIndicator:
    """`part` of `whole` against a target; `met` is None when `whole` is 0 (nothing to count)."""

    part: int
    whole: int
    target: PercentTarget
    met: bool | None


@dataclass(frozen=True)
class AdmissionIndicator:
    """Members admitted (kết nạp) in the period and from 1 January to the period's end, against
    the yearly target range as a share of `base` (the members on the register on 1 January).

    `status` is set only when the period ends on 31 December: before the year is over the
    figure is an interim one.
    """

    in_period: int
    in_year: int
    base: int
    target: PercentRange
    status: RangeStatus | None


@dataclass(frozen=True)
class Indicators:
    """The report's part IV. `village_head_is_member` and `front_head_is_member` say whether
    the village head (trưởng thôn) and the head of the Front work committee (trưởng ban công
    tác Mặt trận) are party members; None while the cell profile does not say."""

    good_meetings: ShareIndicator
    members_with_tasks: ShareIndicator
    admissions: AdmissionIndicator
    village_head_is_member: bool | None
    front_head_is_member: bool | None


@dataclass(frozen=True)
class IndicatorInput:
    """What the service counted for the period.

    `meeting_bands`: the quality band code of each held meeting (None while unscored);
    `band_order`: the profile's band codes from the highest down; `task_members`: ids of the
    members given a task in the period; `active_members`: ids of the members who could be
    given tasks at the period's end; admissions as in `AdmissionIndicator`.
    """

    meeting_bands: Sequence[str | None]
    band_order: Sequence[str]
    task_members: Collection[int]
    active_members: Collection[int]
    admitted_in_period: int
    admitted_in_year: int
    members_at_year_start: int
    year_complete: bool
    village_head_is_member: bool | None
    front_head_is_member: bool | None


def good_or_better(band: str | None, good_band: str, band_order: Sequence[str]) -> bool:
    """Whether a meeting's band is the "good" band (Tốt) or one above it."""
    if band is None or band not in band_order or good_band not in band_order:
        return False
    return band_order.index(band) <= band_order.index(good_band)


def admission_status(admitted: int, base: int, target: PercentRange) -> RangeStatus:
    """Below, within or above the yearly range: `admitted` as a share of `base` members."""
    if admitted * 100 < target.low * base:
        return RangeStatus.BELOW
    if admitted * 100 > target.high * base:
        return RangeStatus.ABOVE
    return RangeStatus.WITHIN


def compute_indicators(data: IndicatorInput, rules: IndicatorRules) -> Indicators:
    """The indicators of part IV of the report from the counted `data`."""
    scored = [band for band in data.meeting_bands if band is not None]
    good = sum(good_or_better(band, rules.good_band, data.band_order) for band in scored)
    good_target = rules.good_meetings.value
    active = set(data.active_members)
    with_tasks = len(active & set(data.task_members))
    task_target = rules.members_with_tasks.value
    yearly = rules.yearly_admissions.value
    status = (
        admission_status(data.admitted_in_year, data.members_at_year_start, yearly)
        if data.year_complete and data.members_at_year_start > 0
        else None
    )
    return Indicators(
        good_meetings=ShareIndicator(
            good, len(scored), good_target, good_target.met_by(good, len(scored))
        ),
        members_with_tasks=ShareIndicator(
            with_tasks, len(active), task_target, task_target.met_by(with_tasks, len(active))
        ),
        admissions=AdmissionIndicator(
            in_period=data.admitted_in_period,
            in_year=data.admitted_in_year,
            base=data.members_at_year_start,
            target=yearly,
            status=status,
        ),
        village_head_is_member=data.village_head_is_member,
        front_head_is_member=data.front_head_is_member,
    )
