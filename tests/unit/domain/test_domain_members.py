"""Members (đảng viên): ages, probation, standing from the status history, validation."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.findings import Severity
from app.domain.member_validation import find_duplicates, validate_event, validate_record
from app.domain.members import (
    CellRole,
    EventKind,
    Gender,
    MemberRecord,
    MembershipStatus,
    Standing,
    StatusEvent,
    add_months,
    age_in_months,
    normalize_record,
    probation_end,
    seniority_years,
    standing_on,
)
from app.domain.profile import MemberRules, load_profile
from app.l10n import render

PROFILE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "vn-2025.toml"
RULES: MemberRules = load_profile(PROFILE).members
TODAY = dt.date(2026, 6, 15)
D = dt.date
K = EventKind


def member(**changes: object) -> MemberRecord:
    """A valid full member: born 1980, admitted 2010, ceremony 2010, recognised 2011."""
    base = MemberRecord(
        full_name="Nguyễn Văn An",
        gender=Gender.MALE,
        birth_date=D(1980, 5, 20),
        admission_date=D(2010, 3, 1),
        ceremony_date=D(2010, 3, 15),
        recognition_date=D(2011, 3, 15),
        phone="0912 345 678",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def probationer(**changes: object) -> MemberRecord:
    """A probationary member whose ceremony was on 20/9/2025 (probation ends 20/9/2026)."""
    fields: dict[str, object] = {
        "status": MembershipStatus.PROBATIONARY,
        "birth_date": D(2000, 1, 10),
        "admission_date": D(2025, 9, 1),
        "ceremony_date": D(2025, 9, 20),
        "recognition_date": None,
    }
    return member(**(fields | changes))


def events(*items: tuple[EventKind, dt.date]) -> tuple[StatusEvent, ...]:
    return tuple(StatusEvent(kind, day, id=i) for i, (kind, day) in enumerate(items, start=1))


# --- Ages and periods counted in months ---------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "months"),
    [
        (D(2008, 6, 15), D(2026, 6, 15), 216),  # full 18 years on the birthday
        (D(2008, 6, 15), D(2026, 6, 14), 215),
        (D(2008, 1, 31), D(2008, 2, 29), 1),  # the last day of a shorter month completes it
        (D(2008, 1, 31), D(2008, 2, 28), 0),
        (D(2008, 2, 29), D(2026, 2, 28), 216),  # born on 29 February
        (D(2008, 2, 29), D(2026, 2, 27), 215),
    ],
)
def test_age_in_months_counts_full_months(birth: D, on: D, months: int) -> None:
    assert age_in_months(birth, on) == months


@given(st.dates(D(1900, 1, 1), D(2100, 12, 31)), st.integers(0, 1200))
def test_adding_months_and_counting_them_agree(start: D, months: int) -> None:
    end = add_months(start, months)
    assert age_in_months(start, end) == months
    assert age_in_months(start, end - dt.timedelta(days=1)) == months - 1 or months == 0


@given(st.dates(D(1900, 1, 1), D(2100, 12, 31)), st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_age_is_monotonic(birth: D, on: D) -> None:
    assert age_in_months(birth, on + dt.timedelta(days=1)) >= age_in_months(birth, on)


@pytest.mark.parametrize(
    ("ceremony", "end"),
    [
        (D(2025, 3, 15), D(2026, 3, 15)),  # Điều lệ 5.1: 12 months from the ceremony
        (D(2024, 2, 29), D(2025, 2, 28)),
        (D(2025, 12, 31), D(2026, 12, 31)),
    ],
)
def test_probation_end(ceremony: D, end: D) -> None:
    assert probation_end(member(ceremony_date=ceremony), RULES) == end
    assert probation_end(member(ceremony_date=None), RULES) is None


def test_seniority_counts_from_the_admission_decision() -> None:
    record = member(admission_date=D(2010, 3, 1), ceremony_date=D(2010, 4, 1))
    assert seniority_years(record, D(2026, 2, 28)) == 15
    assert seniority_years(record, D(2026, 3, 1)) == 16  # rule 33, Điều lệ 5.4
    assert seniority_years(member(admission_date=None), TODAY) is None


# --- Standing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "day", "standing"),
    [
        ((), TODAY, Standing.ACTIVE),
        (((K.EXEMPT, D(2026, 1, 1)),), D(2025, 12, 31), Standing.ACTIVE),
        (((K.EXEMPT, D(2026, 1, 1)),), D(2026, 1, 1), Standing.EXEMPT),  # inclusive
        (((K.EXEMPT, D(2026, 1, 1)), (K.EXEMPT_END, D(2026, 3, 1))), TODAY, Standing.ACTIVE),
        (((K.ATTACH_ELSEWHERE, D(2026, 1, 1)),), TODAY, Standing.ATTACHED_ELSEWHERE),
        (
            ((K.ATTACH_ELSEWHERE, D(2026, 1, 1)), (K.EXEMPT, D(2026, 2, 1))),
            TODAY,
            Standing.EXEMPT,
        ),
        (((K.EXEMPT, D(2026, 1, 1)), (K.SUSPEND, D(2026, 2, 1))), TODAY, Standing.SUSPENDED),
        (((K.SUSPEND, D(2026, 1, 1)), (K.SUSPEND_END, D(2026, 2, 1))), TODAY, Standing.ACTIVE),
        (
            ((K.SUSPEND, D(2026, 1, 1)), (K.TRANSFER_OUT, D(2026, 2, 1))),
            TODAY,
            Standing.TRANSFERRED_OUT,
        ),
        (((K.TRANSFER_OUT, D(2025, 1, 1)), (K.TRANSFER_IN, D(2026, 1, 1))), TODAY, Standing.ACTIVE),
        (((K.STRIKE_OFF, D(2025, 1, 1)),), TODAY, Standing.STRUCK_OFF),
        (((K.EXPEL, D(2025, 1, 1)),), TODAY, Standing.EXPELLED),
        (((K.DEATH, D(2025, 1, 1)), (K.TRANSFER_IN, D(2026, 1, 1))), TODAY, Standing.DECEASED),
        # Given out of order: replayed by date.
        (((K.EXEMPT_END, D(2026, 3, 1)), (K.EXEMPT, D(2026, 1, 1))), TODAY, Standing.ACTIVE),
    ],
)
def test_standing_on(history: tuple[tuple[EventKind, D], ...], day: D, standing: Standing) -> None:
    assert standing_on(events(*history), day) is standing


# --- Record validation -------------------------------------------------------------------


def _problems(record: MemberRecord) -> dict[str, list[tuple[Severity, str]]]:
    found: dict[str, list[tuple[Severity, str]]] = {}
    for problem in validate_record(record, RULES, TODAY):
        found.setdefault(problem.field, []).append((problem.severity, render(problem.message)))
    return found


def test_a_correct_record_has_no_problem() -> None:
    assert validate_record(member(), RULES, TODAY) == []
    assert validate_record(probationer(), RULES, TODAY) == []


B, W = Severity.BLOCK, Severity.WARN


@pytest.mark.parametrize(
    ("record", "field", "severity", "text"),
    [
        (
            member(full_name="  "),
            "full_name",
            B,
            "Chưa nhập họ và tên. Hãy nhập họ và tên của đảng viên.",
        ),
        (
            member(
                birth_date=D(2027, 1, 1),
                admission_date=None,
                ceremony_date=None,
                recognition_date=None,
            ),
            "birth_date",
            B,
            "Ngày sinh 01/01/2027 là ngày trong tương lai. Hãy nhập đúng ngày sinh.",
        ),
        (
            member(recognition_date=D(2026, 7, 1)),
            "recognition_date",
            B,
            "Ngày công nhận đảng viên chính thức 01/07/2026 là ngày trong tương lai. Hãy kiểm tra "
            "lại ngày này.",
        ),
        (
            member(birth_date=D(2010, 6, 1)),
            "admission_date",
            B,
            "Ngày quyết định kết nạp 01/03/2010 trước ngày sinh 01/06/2010. Hãy kiểm tra lại hai "
            "ngày này.",
        ),
        (
            member(ceremony_date=D(2010, 2, 1)),
            "ceremony_date",
            B,
            "Ngày lễ kết nạp 01/02/2010 trước ngày quyết định kết nạp 01/03/2010. Hãy kiểm tra "
            "lại hai ngày này.",
        ),
        # Rule 32: recognition only once the 12 months have ended.
        (
            member(recognition_date=D(2011, 3, 14)),
            "recognition_date",
            B,
            "Ngày công nhận đảng viên chính thức 14/03/2011 trước ngày hết thời kỳ dự bị "
            "15/03/2011. Chỉ công nhận đảng viên chính thức khi đã hết thời kỳ dự bị.",
        ),
        # Rule 25: full 18 years counted by months at the admission decision.
        (
            member(birth_date=D(1992, 3, 2)),
            "admission_date",
            B,
            "Vào ngày quyết định kết nạp 01/03/2010, đảng viên chưa đủ 18 tuổi. Hãy kiểm tra "
            "lại ngày sinh và ngày quyết định kết nạp.",
        ),
        (
            member(birth_date=D(1949, 2, 28)),
            "admission_date",
            W,
            "Vào ngày quyết định kết nạp 01/03/2010, đảng viên đã trên 60 tuổi: việc kết nạp "
            "phải có ý kiến đồng ý của cấp ủy cấp tỉnh.",
        ),
        (
            probationer(status=MembershipStatus.FULL),
            "status",
            B,
            "Thời kỳ dự bị kéo dài đến ngày 20/09/2026: đảng viên chưa thể là đảng viên chính "
            "thức. Hãy chọn tình trạng đảng viên dự bị hoặc kiểm tra lại ngày lễ kết nạp.",
        ),
        (
            member(status=MembershipStatus.PROBATIONARY),
            "status",
            B,
            "Đã nhập ngày công nhận đảng viên chính thức nhưng tình trạng vẫn là đảng viên dự bị. "
            "Hãy chọn tình trạng đảng viên chính thức hoặc xóa ngày công nhận.",
        ),
        (
            probationer(role=CellRole.DEPUTY),
            "role",
            B,
            "Đảng viên dự bị không thể là bí thư, phó bí thư hay chi ủy viên. Hãy chọn chức vụ "
            "“Đảng viên”.",
        ),
        (
            member(admission_date=None),
            "admission_date",
            W,
            "Chưa có ngày quyết định kết nạp: tuổi đảng được tính từ ngày này. Hãy nhập ngày ghi "
            "trong quyết định kết nạp.",
        ),
        (
            member(phone="091234"),
            "phone",
            W,
            "Số điện thoại 091234 không giống số điện thoại Việt Nam. Hãy nhập 10 chữ số, ví dụ "
            "0912 345 678 hoặc +84 912 345 678.",
        ),
        (
            probationer(ceremony_date=D(2025, 6, 15)),
            "status",
            W,
            "Thời kỳ dự bị đã kết thúc ngày 15/06/2026: chi bộ cần xét công nhận đảng viên chính "
            "thức cho đảng viên này.",
        ),
    ],
)
def test_record_problems(record: MemberRecord, field: str, severity: Severity, text: str) -> None:
    assert (severity, text) in _problems(record).get(field, [])


@pytest.mark.parametrize(
    ("birth", "blocked"),
    [(D(1992, 3, 1), False), (D(1992, 3, 2), True)],  # 18 years exactly on 01/03/2010
)
def test_admission_age_boundary(birth: D, blocked: bool) -> None:
    problems = _problems(member(birth_date=birth)).get("admission_date", [])
    assert any(severity is B for severity, _ in problems) is blocked


@pytest.mark.parametrize(
    "phone", ["", "0912345678", "0912.345.678", "+84 912 345 678", "024 3825 1234"]
)
def test_phone_numbers_accepted(phone: str) -> None:
    assert "phone" not in _problems(member(phone=phone))


def test_find_duplicates_ignores_accents_case_and_the_entry_itself() -> None:
    others = [(7, member(full_name="NGUYEN VAN AN")), (8, member(birth_date=D(1981, 1, 1)))]
    problems = find_duplicates(member(), others)
    assert [p.severity for p in problems] == [B]
    assert render(problems[0].message) == (
        "Đảng viên NGUYEN VAN AN, sinh ngày 20/05/1980, đã có trong danh sách. Hãy mở hồ sơ "
        "đó thay vì thêm đảng viên này lần nữa."
    )
    assert find_duplicates(member(), others, exclude_id=7) == []


def test_normalize_record_composes_text_and_keeps_note_lines() -> None:
    nfd = unicodedata.normalize("NFD", "  Trần   Thị Ước ")
    record = member(
        full_name=nfd,
        note="Dòng 1  \nDòng 2",
        events=(StatusEvent(K.EXEMPT, D(2026, 1, 1), decision_ref=" Số 12-QĐ/ĐU ", note=nfd),),
    )
    clean = normalize_record(record)
    assert clean.full_name == "Trần Thị Ước"
    assert clean.note == "Dòng 1\nDòng 2"
    assert clean.events[0].decision_ref == "Số 12-QĐ/ĐU"
    assert unicodedata.is_normalized("NFC", clean.events[0].note)
    assert clean.birth_date == record.birth_date
    assert clean.gender is Gender.MALE  # enums stay enums
    assert clean.status is MembershipStatus.FULL


# --- Event validation --------------------------------------------------------------------


def _event_messages(record: MemberRecord, event: StatusEvent) -> list[str]:
    return [render(p.message) for p in validate_event(record, event, TODAY)]


@pytest.mark.parametrize(
    ("history", "new", "text"),
    [
        (
            (),
            (K.EXEMPT, D(2026, 7, 1)),
            "Ngày biến động 01/07/2026 là ngày trong tương lai. Hãy kiểm tra lại ngày này.",
        ),
        (
            (),
            (K.EXEMPT, D(1979, 1, 1)),
            "Ngày biến động 01/01/1979 trước ngày sinh 20/05/1980. Hãy kiểm tra lại hai ngày này.",
        ),
        (
            ((K.DEATH, D(2026, 1, 1)),),
            (K.EXEMPT, D(2026, 2, 1)),
            "Đảng viên đã từ trần ngày 01/01/2026: không thể ghi thêm biến động sau ngày đó.",
        ),
        (
            (),
            (K.EXEMPT_END, D(2026, 2, 1)),
            "Vào ngày 01/02/2026 không có giai đoạn nào đang diễn ra để biến động này kết thúc. "
            "Hãy ghi biến động bắt đầu trước, hoặc kiểm tra lại ngày.",
        ),
        (
            ((K.EXEMPT, D(2026, 1, 1)),),
            (K.EXEMPT, D(2026, 2, 1)),
            "Vào ngày 01/02/2026 đảng viên đang trong một giai đoạn cùng loại. Hãy ghi biến động "
            "kết thúc giai đoạn đó trước, hoặc kiểm tra lại ngày.",
        ),
        (
            ((K.TRANSFER_OUT, D(2026, 1, 1)),),
            (K.STRIKE_OFF, D(2026, 2, 1)),
            "Vào ngày 01/02/2026 đảng viên đã ra khỏi danh sách của chi bộ. Hãy ghi biến động "
            "chuyển sinh hoạt đến trước, hoặc kiểm tra lại ngày.",
        ),
    ],
)
def test_event_problems(
    history: tuple[tuple[EventKind, D], ...], new: tuple[EventKind, D], text: str
) -> None:
    record = member(events=events(*history))
    assert _event_messages(record, StatusEvent(*new)) == [text]


@pytest.mark.parametrize(
    ("history", "new"),
    [
        (((K.EXEMPT, D(2026, 1, 1)),), (K.EXEMPT_END, D(2026, 2, 1))),
        (((K.EXEMPT, D(2026, 1, 1)), (K.EXEMPT_END, D(2026, 2, 1))), (K.EXEMPT, D(2026, 3, 1))),
        (((K.ATTACH_ELSEWHERE, D(2026, 1, 1)),), (K.EXEMPT, D(2026, 2, 1))),
        (((K.TRANSFER_OUT, D(2025, 1, 1)),), (K.TRANSFER_IN, D(2026, 1, 1))),
        (((K.DEATH, D(2026, 3, 1)),), (K.EXEMPT, D(2026, 1, 1))),  # back-filled history
    ],
)
def test_valid_events(history: tuple[tuple[EventKind, D], ...], new: tuple[EventKind, D]) -> None:
    assert validate_event(member(events=events(*history)), StatusEvent(*new), TODAY) == []


def test_editing_an_event_does_not_conflict_with_itself() -> None:
    record = member(events=events((K.EXEMPT, D(2026, 1, 1))))
    edited = replace(record.events[0], date=D(2026, 1, 5))
    assert validate_event(record, edited, TODAY) == []
