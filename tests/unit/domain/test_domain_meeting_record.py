"""Final minutes (rule 6), quality (rule 7) and vote outcomes (rule 11) of one meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.findings import Severity
from app.domain.meeting_record import (
    AttendanceEntry,
    DecisionKind,
    DecisionRecord,
    MeetingRecord,
    decision_outcome,
    meeting_denominator,
    minutes_problems,
    required_yes_for,
)
from app.domain.meetings import AttendanceStatus as A
from app.domain.meetings import MeetingKind
from app.domain.members import MembershipStatus
from app.domain.profile import Fraction, Majority, load_profile
from app.l10n import render

PROFILE = load_profile(Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml")
FULL, PROB = MembershipStatus.FULL, MembershipStatus.PROBATIONARY
SCORES = {
    "time": 5,
    "attendance": 5,
    "preparation": 10,
    "conduct": 40,
    "principles": 5,
    "results": 30,
    "closing": 5,
}


def _entry(name: str, status: A | None, membership: MembershipStatus = FULL) -> AttendanceEntry:
    return AttendanceEntry(None, name, membership, status)


COMPLETE = MeetingRecord(
    kind=MeetingKind.REGULAR,
    date=dt.date(2026, 3, 3),
    start=dt.time(8, 0),
    end=dt.time(10, 0),
    place="Nhà văn hóa thôn",
    chair="Vàng Seo Dính",
    minute_taker="Lò Văn An",
    attendance=(
        _entry("A", A.PRESENT),
        _entry("B", A.PRESENT),
        _entry("C", A.ABSENT_EXCUSED),
        _entry("D", A.ATTACHED_ELSEWHERE),
        _entry("E", A.EXEMPT),
        _entry("F", A.PRESENT, PROB),
    ),
    decisions=(DecisionRecord("Nghị quyết tháng 3", DecisionKind.ORDINARY, 3, 0, 0),),
    quality_scores=SCORES,
)


def _blocking(record: MeetingRecord) -> list[tuple[str, str]]:
    return [
        (p.field, render(p.message))
        for p in minutes_problems(record, PROFILE)
        if p.severity is Severity.BLOCK
    ]


def test_complete_minutes_have_no_problem() -> None:
    assert minutes_problems(COMPLETE, PROFILE) == []


def test_every_missing_field_blocks_the_final_minutes() -> None:
    empty = MeetingRecord(
        kind=MeetingKind.REGULAR,
        date=None,
        attendance=(_entry("Lò Văn An", None),),
        decisions=(DecisionRecord("", DecisionKind.ORDINARY, 2, None, 0),),
    )
    assert _blocking(empty) == [
        ("date", "Chưa có ngày sinh hoạt. Hãy nhập ngày tổ chức buổi sinh hoạt."),
        ("chair", "Chưa có người chủ trì. Hãy chọn người chủ trì buổi sinh hoạt."),
        (
            "minute_taker",
            "Chưa có thư ký hội nghị. Hãy chọn người ghi biên bản của buổi sinh hoạt.",
        ),
        ("start_time", "Chưa có giờ bắt đầu. Hãy nhập giờ bắt đầu buổi sinh hoạt."),
        ("end_time", "Chưa có giờ kết thúc. Hãy nhập giờ kết thúc buổi sinh hoạt."),
        (
            "attendance",
            "Chưa ghi điểm danh của Lò Văn An. Hãy chọn có mặt, vắng mặt hoặc miễn sinh hoạt.",
        ),
        ("decision.0", "Nội dung biểu quyết thứ 1 còn trống. Hãy ghi nội dung được quyết định."),
        (
            "decision.0",
            "Nội dung biểu quyết thứ 1 chưa có kết quả. Hãy nhập số phiếu tán thành, "
            "không tán thành và không biểu quyết.",
        ),
    ]


def test_an_empty_roll_call_blocks() -> None:
    record = dataclasses.replace(COMPLETE, attendance=(), decisions=())
    assert [f for f, _m in _blocking(record)] == ["attendance"]


def test_a_short_meeting_and_an_unscored_quality_only_warn() -> None:
    record = dataclasses.replace(COMPLETE, end=dt.time(9, 0), quality_scores={})
    problems = minutes_problems(record, PROFILE)
    assert [(p.field, p.severity) for p in problems] == [
        ("end_time", Severity.WARN),
        ("quality", Severity.WARN),
    ]
    assert render(problems[1].message) == "Chưa chấm điểm chất lượng buổi sinh hoạt."


def test_an_impossible_quality_score_blocks() -> None:
    record = dataclasses.replace(COMPLETE, quality_scores={**SCORES, "conduct": 45})
    assert _blocking(record) == [
        ("quality.conduct", "Điểm của tiêu chí “Tổ chức sinh hoạt” là 45; điểm phải từ 0 đến 40.")
    ]


def test_more_votes_than_members_who_count_blocks() -> None:
    record = dataclasses.replace(
        COMPLETE, decisions=(DecisionRecord("Nghị quyết", DecisionKind.ORDINARY, 3, 1, 0),)
    )
    ((field, text),) = _blocking(record)
    assert field == "decision.0"
    assert "4 phiếu" in text and "3 đảng viên chính thức" in text


def test_the_denominator_leaves_out_probationers_attached_and_exempt_absent() -> None:
    # 5 full members; D attached elsewhere and E exempted-absent are left out; F is probationary.
    assert meeting_denominator(COMPLETE) == 3
    unrecorded = dataclasses.replace(COMPLETE, attendance=(*COMPLETE.attendance, _entry("G", None)))
    assert meeting_denominator(unrecorded) == 4


@pytest.mark.parametrize(
    ("kind", "votes", "denominator", "needed", "passed"),
    [
        # Ordinary resolution: more than half (strict), Điều lệ 10.5.
        (DecisionKind.ORDINARY, (4, 3, 0), 7, 4, True),
        (DecisionKind.ORDINARY, (4, 4, 0), 8, 5, False),
        (DecisionKind.ORDINARY, (5, 3, 0), 8, 5, True),
        # Admission, recognition, striking off a probationer: at least 2/3 (Điều lệ 4.3, 5.2).
        (DecisionKind.ADMISSION, (6, 3, 0), 9, 6, True),
        (DecisionKind.RECOGNITION, (5, 2, 0), 8, 6, False),
        (DecisionKind.STRIKE_OFF_PROBATIONER, (6, 0, 2), 8, 6, True),
        (DecisionKind.ORDINARY, (0, 0, 0), 0, 1, False),
    ],
)
def test_decision_outcomes(
    kind: DecisionKind, votes: tuple[int, int, int], denominator: int, needed: int, passed: bool
) -> None:
    outcome = decision_outcome(DecisionRecord("x", kind, *votes), denominator, PROFILE.votes)
    assert (outcome.required_yes, outcome.passed, outcome.denominator) == (
        needed,
        passed,
        denominator,
    )


def test_an_incomplete_vote_has_no_outcome_yet() -> None:
    outcome = decision_outcome(DecisionRecord("x", votes_for=5), 7, PROFILE.votes)
    assert outcome.passed is None and outcome.required_yes == 4
    assert outcome.citation == "Điều lệ Đảng 2011, Điều 10.5"


@given(st.integers(min_value=0, max_value=500))
def test_strict_majority_is_more_than_half(denominator: int) -> None:
    needed = required_yes_for(denominator, Majority(Fraction(1, 2), strict=True))
    assert 2 * needed > denominator >= 2 * (needed - 1)
    at_least = required_yes_for(denominator, Majority(Fraction(1, 2), strict=False))
    assert 2 * at_least >= denominator and (at_least == 0 or 2 * (at_least - 1) < denominator)


def test_a_roll_call_with_too_few_full_members_warns() -> None:
    record = dataclasses.replace(
        COMPLETE,
        attendance=(_entry("A", A.PRESENT), _entry("B", A.PRESENT), _entry("F", A.PRESENT, PROB)),
        decisions=(DecisionRecord("Nghị quyết tháng 3", DecisionKind.ORDINARY, 2, 0, 0),),
    )
    problems = minutes_problems(record, PROFILE)
    assert [(p.field, p.severity) for p in problems] == [("attendance", Severity.WARN)]
    assert render(problems[0].message) == (
        "Danh sách điểm danh có 2 đảng viên chính thức; chi bộ cần ít nhất 3 đảng viên chính "
        "thức để biểu quyết hợp lệ. Đề nghị cấp ủy cấp trên bổ sung đảng viên hoặc sáp nhập "
        "chi bộ."
    )
