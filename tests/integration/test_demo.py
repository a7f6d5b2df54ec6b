"""The demo cell: realistic, consistent with the rules, deterministic, and never overwrites data
without being asked."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.domain.members import CellRole, EventKind, Gender, MembershipStatus, Standing
from app.services.demo import DemoRefusedError, demo_records, fill_demo
from app.services.dto import CellType
from app.services.facade import Services

TODAY = dt.date(2026, 11, 23)


def open_services(folder: Path, today: dt.date = TODAY) -> Services:
    return Services.open(folder, today=lambda: today)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = open_services(data_dir)
    yield opened
    opened.close()


def test_demo_fills_a_village_cell_with_27_members_on_the_register(services: Services) -> None:
    changes = fill_demo(services)
    assert changes.areas == frozenset({"members", "cell"})
    cell = services.cell.get()
    assert cell is not None
    assert (cell.name, cell.superior_committee, cell.superior_body, cell.place_name) == (
        "Chi bộ thôn Lũng Cú",
        "Đảng ủy xã Lũng Cú",
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "Lũng Cú",
    )
    assert cell.cell_type == CellType.VILLAGE
    assert (cell.secretary_name, cell.deputy_name) == ("Sùng Mí Páo", "Hoàng Văn Thắng")
    on_register = services.members.list()
    everyone = services.members.list(include_former=True)
    assert len(on_register) == 27
    assert len(everyone) == 29


def test_demo_members_are_varied_like_a_highland_cell(services: Services) -> None:
    fill_demo(services)
    members = services.members.list()
    ethnicities = Counter(m.ethnicity for m in members)
    assert {"Mông", "Tày", "Dao", "Lô Lô", "Kinh", "Giáy", "Nùng"} <= set(ethnicities)
    assert ethnicities.most_common(1)[0][0] == "Mông"
    assert {m.gender for m in members} == {Gender.MALE, Gender.FEMALE}
    assert all(1950 <= m.birth_date.year <= 2003 for m in members)
    roles = Counter(m.role for m in members)
    assert roles[CellRole.SECRETARY] == roles[CellRole.DEPUTY] == 1
    assert 3 <= roles[CellRole.SECRETARY] + roles[CellRole.DEPUTY] + roles[CellRole.COMMITTEE] <= 5
    assert sum(m.status == MembershipStatus.PROBATIONARY for m in members) == 3
    standings = Counter(m.standing for m in services.members.list(include_former=True))
    assert standings[Standing.EXEMPT] == 2
    assert standings[Standing.ATTACHED_ELSEWHERE] == 1
    assert standings[Standing.TRANSFERRED_OUT] == 1
    assert standings[Standing.DECEASED] == 1


def test_demo_history_has_decision_references(services: Services) -> None:
    fill_demo(services)
    events = [e for _id, r in services.members.all_records() for e in r.events]
    kinds = Counter(e.kind for e in events)
    assert kinds[EventKind.EXEMPT] == 2
    assert kinds[EventKind.TRANSFER_IN] == 1
    exempt_refs = {e.decision_ref for e in events if e.kind == EventKind.EXEMPT}
    assert "Số 12-QĐ/ĐU" in exempt_refs


def test_demo_passes_validation_and_one_probationer_is_due_for_recognition(
    services: Services,
) -> None:
    fill_demo(services)
    for member_id, record in services.members.all_records():
        problems = services.members.validate(record, member_id)
        assert not [p for p in problems if p.severity == Severity.BLOCK], record.full_name
    findings = services.checks.run()
    assert not [f for f in findings if f.severity == Severity.BLOCK]
    due = [f.subject for f in findings if f.rule == "members.recognition_due"]
    assert due == ["Phạm Thị Thu Trang"]


def test_demo_is_deterministic(tmp_path: Path) -> None:
    assert demo_records(TODAY) == demo_records(TODAY)
    stored = []
    for name in ("a", "b"):
        opened = open_services(tmp_path / name)
        try:
            fill_demo(opened)
            stored.append(sorted(opened.members.all_records(), key=lambda item: item[0]))
        finally:
            opened.close()
    assert stored[0] == stored[1]


def test_demo_on_another_day_still_validates(tmp_path: Path) -> None:
    opened = open_services(tmp_path / "later", dt.date(2029, 2, 28))
    try:
        fill_demo(opened)
        assert len(opened.members.list()) == 27
    finally:
        opened.close()


def test_demo_refuses_to_overwrite_then_replaces_with_force(services: Services) -> None:
    fill_demo(services)
    with pytest.raises(DemoRefusedError) as caught:
        fill_demo(services)
    assert "Thư mục dữ liệu này đã có thông tin chi bộ hoặc đảng viên" in caught.value.message
    assert len(services.members.list()) == 27
    fill_demo(services, force=True)
    assert len(services.members.list()) == 27
    assert len(services.members.list(include_former=True)) == 29
