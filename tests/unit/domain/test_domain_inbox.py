"""The receiver's rules: which arriving report is accepted, which serials are missing, and the
figures a table across cells adds up (from a cell's report or a committee's summary)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.inbox import (
    Arrival,
    PayloadError,
    PeriodFigures,
    Share,
    Verdict,
    current_reports,
    figures_json,
    figures_of_report,
    figures_of_summary,
    judge,
    missing_serials,
    not_reported,
    read_figures,
    total,
)
from app.domain.text import title_sort_key
from app.l10n import render

CELL_A, CELL_B = "aaaaaaaa-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002"
HELD = (
    Arrival(CELL_A, 1, "2026-09", "sha-1"),
    Arrival(CELL_A, 2, "2026-10", "sha-2"),
    Arrival(CELL_A, 4, "2026-11", "sha-4"),
    Arrival(CELL_B, 1, "2026-11", "sha-b1"),
)


@pytest.mark.parametrize(
    ("arrival", "verdict", "conflict"),
    [
        # A new serial of a new period: accepted.
        (Arrival(CELL_A, 5, "2026-12", "sha-5"), Verdict.ACCEPT, None),
        # The gap filled later (serial 3, another period): accepted, order does not matter.
        (Arrival(CELL_A, 3, "2026-Q3", "sha-3"), Verdict.ACCEPT, None),
        # A correction of November sent after it (higher serial): accepted, it replaces it.
        (Arrival(CELL_A, 5, "2026-11", "sha-5b"), Verdict.ACCEPT, None),
        # The same content again: a duplicate.
        (Arrival(CELL_A, 2, "2026-10", "sha-2"), Verdict.DUPLICATE, HELD[1]),
        # Same serial, other content: two files cannot carry one serial.
        (Arrival(CELL_A, 2, "2026-10", "sha-x"), Verdict.SERIAL_REUSED, HELD[1]),
        # An older November report arriving after the newer one: out of order.
        (Arrival(CELL_A, 3, "2026-11", "sha-3b"), Verdict.SUPERSEDED, HELD[2]),
        # Another cell's serial 2 is its own business.
        (Arrival(CELL_B, 2, "2026-12", "sha-b2"), Verdict.ACCEPT, None),
    ],
)
def test_judge_an_arrival(arrival: Arrival, verdict: Verdict, conflict: Arrival | None) -> None:
    assert judge(arrival, HELD) == (verdict, conflict)


def test_missing_serials_are_the_gaps_up_to_the_highest() -> None:
    assert missing_serials([]) == ()
    assert missing_serials([1, 2, 3]) == ()
    assert missing_serials([4, 1]) == (2, 3)
    assert missing_serials([5]) == (1, 2, 3, 4)


@given(st.sets(st.integers(min_value=1, max_value=200)))
def test_gaps_and_arrivals_make_every_serial_once(serials: set[int]) -> None:
    gaps = missing_serials(serials)
    assert not set(gaps) & serials
    if serials:
        assert set(gaps) | serials == set(range(1, max(serials) + 1))


def test_the_newest_serial_of_a_period_counts() -> None:
    arrivals = [*HELD, Arrival(CELL_A, 5, "2026-11", "sha-5")]
    current = current_reports(arrivals)
    assert current[(CELL_A, "2026-11")].serial == 5
    assert current[(CELL_B, "2026-11")].serial == 1


def _report(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "members": {"at_end": {"total": 27, "full": 24, "probationary": 3}},
        "meetings": [
            {"kind": "regular", "thematic": False, "quality_total": 95, "quality_band": "good"},
            {"kind": "combined", "thematic": True, "quality_total": 80, "quality_band": "fair"},
            {"kind": "thematic", "thematic": True, "quality_total": None, "quality_band": None},
        ],
        "indicators": {
            "good_meetings": {"part": 1, "whole": 2},
            "members_with_tasks": {"part": 9, "whole": 24},
            "admissions": {"in_period": 1},
            "village_head_is_member": True,
            "front_head_is_member": None,
        },
    }
    payload.update(changes)
    return payload


def test_figures_of_a_cell_report() -> None:
    figures = figures_of_report(_report())
    assert figures == PeriodFigures(
        senders=1,
        reporting=1,
        members=27,
        full=24,
        probationary=3,
        meetings=3,
        regular=2,  # the combined meeting is a regular one too
        thematic=2,
        bands={"good": 1, "fair": 1},
        good_meetings=Share(1, 2),
        members_with_tasks=Share(9, 24),
        admissions=1,
        village_head_members=Share(1, 1),
        front_head_members=Share(0, 0),  # not stated: not counted
    )


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda p: p.pop("meetings"), "meetings"),
        (lambda p: p["members"]["at_end"].update(total="27"), "members.at_end.total"),
        (lambda p: p["members"]["at_end"].update(full=True), "members.at_end.full"),
        (lambda p: p["members"]["at_end"].update(full=-1), "members.at_end.full"),
        (lambda p: p["indicators"]["good_meetings"].update(part=3), "indicators.good_meetings"),
        (lambda p: p["meetings"][0].update(quality_band=None), "meetings.0.quality_band"),
        (
            lambda p: p["indicators"].update(village_head_is_member="yes"),
            "indicators.village_head_is_member",
        ),
    ],
)
def test_damaged_report_data_names_the_key(mutate: Any, key: str) -> None:
    payload = copy.deepcopy(_report())
    mutate(payload)
    with pytest.raises(PayloadError) as caught:
        figures_of_report(payload)
    assert caught.value.key == key
    assert render(caught.value.message).startswith(
        f"Dữ liệu của báo cáo không đầy đủ hoặc bị hỏng ({key})."
    )


def test_a_summary_carries_its_totals_and_they_add_up() -> None:
    one = figures_of_report(_report())
    silent = not_reported()
    commune = total([one, one, silent])
    assert commune.senders == 3 and commune.reporting == 2
    assert commune.bands == {"good": 2, "fair": 2}
    assert commune.good_meetings == Share(2, 4)
    summary = {"totals": figures_json(commune)}
    assert figures_of_summary(summary) == commune
    broken = copy.deepcopy(summary)
    broken["totals"]["meetings"]["bands"]["good"] = -2
    with pytest.raises(PayloadError) as caught:
        figures_of_summary(broken)
    assert caught.value.key == "totals.meetings.bands.good"


counts = st.integers(min_value=0, max_value=500)


@st.composite
def figures(draw: st.DrawFn) -> PeriodFigures:
    def share() -> Share:
        whole = draw(counts)
        return Share(draw(st.integers(min_value=0, max_value=whole)), whole)

    return PeriodFigures(
        senders=draw(counts),
        reporting=draw(counts),
        members=draw(counts),
        full=draw(counts),
        probationary=draw(counts),
        meetings=draw(counts),
        regular=draw(counts),
        thematic=draw(counts),
        bands=draw(st.dictionaries(st.sampled_from(["good", "fair", "average", "poor"]), counts)),
        good_meetings=share(),
        members_with_tasks=share(),
        admissions=draw(counts),
        village_head_members=share(),
        front_head_members=share(),
    )


@given(st.lists(figures(), max_size=6))
def test_totals_survive_the_json_and_do_not_depend_on_order(items: list[PeriodFigures]) -> None:
    summed = total(items)
    assert _normalised(read_figures(figures_json(summed), "totals")) == _normalised(summed)
    assert _normalised(total(list(reversed(items)))) == _normalised(summed)


def _normalised(figures: PeriodFigures) -> PeriodFigures:
    # A band counted zero times and one never counted are the same figure.
    bands = {code: n for code, n in figures.bands.items() if n}
    return PeriodFigures(**{**figures.__dict__, "bands": bands})


def test_share_percent() -> None:
    assert Share(0, 0).percent is None
    assert Share(1, 4).percent == 25.0


def test_cells_sort_by_name_with_numbers_by_value() -> None:
    names = ["Chi bộ thôn 10", "Chi bộ thôn 2", "Chi bộ thôn Đông", "Chi bộ thôn Dương"]
    assert sorted(names, key=title_sort_key) == [
        "Chi bộ thôn 2",
        "Chi bộ thôn 10",
        "Chi bộ thôn Dương",
        "Chi bộ thôn Đông",
    ]
