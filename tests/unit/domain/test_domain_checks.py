"""The register's findings: cell size (rule 9), chi ủy (Điều lệ 24.4), recognition due
(rule 32), record-update reminder (rule 45) and records that break the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.calendar import WorkingCalendar, load_calendar
from app.domain.checks import check_register
from app.domain.findings import Finding, Severity
from app.domain.members import EventKind, Gender, MemberRecord, MembershipStatus, StatusEvent
from app.domain.profile import RuleProfile, load_profile
from app.l10n import render

ROOT = Path(__file__).resolve().parents[3]
PROFILE: RuleProfile = load_profile(ROOT / "resources" / "rules" / "vn-2025.toml")
CALENDAR: WorkingCalendar = load_calendar([ROOT / "resources" / "calendar" / "vn-holidays.toml"])
D = dt.date


def full(name: str, **changes: object) -> MemberRecord:
    record = MemberRecord(
        full_name=name,
        gender=Gender.FEMALE,
        birth_date=D(1975, 1, 1),
        admission_date=D(2000, 1, 1),
        ceremony_date=D(2000, 2, 1),
        recognition_date=D(2001, 2, 1),
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def probationer(name: str, ceremony: D) -> MemberRecord:
    return full(
        name,
        status=MembershipStatus.PROBATIONARY,
        birth_date=D(2000, 1, 1),
        admission_date=ceremony - dt.timedelta(days=10),
        ceremony_date=ceremony,
        recognition_date=None,
    )


def cell(*records: MemberRecord) -> list[tuple[int, MemberRecord]]:
    return list(enumerate(records, start=1))


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


THREE = (full("Lê Thị An"), full("Trần Văn Bình"), full("Phạm Thị Cúc"))


def test_small_cell_is_warned() -> None:
    left = full("Hà Văn Dũng", events=(StatusEvent(EventKind.TRANSFER_OUT, D(2026, 1, 5)),))
    findings = check_register(cell(*THREE[:2], left), PROFILE, CALENDAR, D(2026, 3, 4))
    (finding,) = by_rule(findings, "members.min_full_members")
    assert finding.severity is Severity.WARN
    assert finding.subject == ""
    assert finding.citation == "Điều lệ Đảng 2011, Điều 24.1"
    assert render(finding.message) == (
        "Chi bộ hiện có 2 đảng viên chính thức trong danh sách; chi bộ cần ít nhất 3 đảng viên "
        "chính thức để biểu quyết hợp lệ. Đề nghị cấp ủy cấp trên bổ sung đảng viên hoặc sáp "
        "nhập chi bộ."
    )


def test_probationers_do_not_count_as_full_members() -> None:
    records = (*THREE[:2], probationer("Võ Văn Em", D(2026, 1, 10)))
    findings = check_register(cell(*records), PROFILE, CALENDAR, D(2026, 3, 4))
    assert len(by_rule(findings, "members.min_full_members")) == 1
    assert (
        by_rule(
            check_register(cell(*THREE), PROFILE, CALENDAR, D(2026, 3, 4)),
            "members.min_full_members",
        )
        == []
    )


@pytest.mark.parametrize(("count", "expected"), [(8, 0), (9, 1)])
def test_chi_uy_from_nine_full_members(count: int, expected: int) -> None:
    records = [full(f"Đảng viên {i}") for i in range(count)]
    findings = check_register(cell(*records), PROFILE, CALENDAR, D(2026, 3, 4))
    found = by_rule(findings, "members.chi_uy_min_full_members")
    assert len(found) == expected
    assert all(f.severity is Severity.INFO for f in found)


@pytest.mark.parametrize(
    ("today", "severity"),
    [
        (D(2026, 2, 13), None),  # more than 30 days before the end
        (D(2026, 2, 14), Severity.INFO),  # 30 days before 16/3/2026
        (D(2026, 3, 16), Severity.INFO),
        (D(2026, 4, 28), Severity.INFO),  # the 30th working day (27/4 is a holiday)
        (D(2026, 4, 29), Severity.WARN),  # rule 32: late
    ],
)
def test_recognition_due(today: D, severity: Severity | None) -> None:
    records = (*THREE, probationer("Đỗ Thị Giang", D(2025, 3, 16)))
    found = by_rule(
        check_register(cell(*records), PROFILE, CALENDAR, today), "members.recognition_due"
    )
    if severity is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity is severity
    assert finding.subject == "Đỗ Thị Giang"
    assert finding.member_id == 4
    text = render(finding.message)
    if severity is Severity.INFO:
        assert text == (
            "Thời kỳ dự bị kết thúc ngày 16/03/2026; chi bộ phải xét công nhận đảng viên chính "
            "thức chậm nhất ngày 28/04/2026."
        )
    else:
        assert text == (
            "Thời kỳ dự bị đã kết thúc ngày 16/03/2026; hạn xét công nhận đảng viên chính thức "
            "là ngày 28/04/2026. Cần tổ chức chi bộ biểu quyết ngay."
        )


def test_record_update_reminder_in_december() -> None:
    assert (
        by_rule(
            check_register(cell(*THREE), PROFILE, CALENDAR, D(2026, 11, 30)),
            "members.record_update",
        )
        == []
    )
    (finding,) = by_rule(
        check_register(cell(*THREE), PROFILE, CALENDAR, D(2026, 12, 1)), "members.record_update"
    )
    assert finding.severity is Severity.INFO
    assert finding.citation == "06-HD/TW (2025) điểm 8.1c"
    assert render(finding.message) == (
        "Thu phiếu bổ sung hồ sơ đảng viên năm 2026 và gửi cấp ủy cấp trên."
    )


def test_imported_bad_records_are_shown_as_warnings_most_urgent_first() -> None:
    bad = full(
        "Ngô Văn Hải",
        birth_date=D(1990, 1, 1),
        admission_date=D(2005, 1, 1),
        ceremony_date=D(2005, 2, 1),
        recognition_date=D(2006, 2, 1),
    )
    findings = check_register(cell(*THREE, bad), PROFILE, CALENDAR, D(2026, 12, 1))
    (problem,) = by_rule(findings, "members.record_problem")
    assert problem.severity is Severity.WARN
    assert problem.subject == "Ngô Văn Hải"
    assert problem.member_id == 4
    assert "chưa đủ 18 tuổi" in render(problem.message)
    severities = [f.severity for f in findings]
    assert severities == sorted(
        severities, key=[Severity.BLOCK, Severity.WARN, Severity.INFO].index
    )
