"""The member register through the services, on a real SQLite file in a temp folder."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.domain.members import (
    CellRole,
    EventKind,
    Gender,
    MembershipStatus,
    Standing,
    StatusEvent,
)
from app.l10n import render
from app.services.dto import Changes
from app.services.errors import NotFoundError, ValidationError
from app.services.facade import Services
from tests.integration.records import person

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


def _audit(services: Services) -> list[tuple[str, str, int | None, str]]:
    with sqlite3.connect(services.paths.database) as conn:
        rows = conn.execute("SELECT action, entity, entity_id, detail FROM audit_log ORDER BY id")
        result = [tuple(r) for r in rows]
    conn.close()
    return result  # type: ignore[return-value]


def test_create_get_list_round_trip_stores_nfc(services: Services) -> None:
    typed = unicodedata.normalize("NFD", "  Nguyễn   Thị Hằng ")
    result = services.members.create(
        person(typed, gender=Gender.FEMALE, ethnicity=unicodedata.normalize("NFD", "Tày"))
    )
    assert result.changes == Changes.of("members", ids=(result.id,))
    assert result.warnings == ()
    detail = services.members.get(result.id)
    assert detail.record.full_name == "Nguyễn Thị Hằng"
    assert unicodedata.is_normalized("NFC", detail.record.full_name)
    assert detail.record.ethnicity == "Tày"
    assert detail.standing == Standing.ACTIVE
    assert detail.seniority_years == 16
    assert not detail.deleted
    with sqlite3.connect(services.paths.database) as conn:
        stored = conn.execute("SELECT full_name, gender, status FROM member").fetchone()
    conn.close()
    assert stored == ("Nguyễn Thị Hằng", "female", "full")
    (row,) = services.members.list()
    assert (row.id, row.full_name, row.gender, row.standing) == (
        result.id,
        "Nguyễn Thị Hằng",
        Gender.FEMALE,
        Standing.ACTIVE,
    )
    assert row.search_key == "nguyen thi hang"


def test_list_is_in_vietnamese_order_and_filters_without_accents(services: Services) -> None:
    for name in ("Trần Văn Bình", "Lê Thị Ân", "Phạm Văn An", "Đỗ Thị Ăn", "Hoàng Đức"):
        services.members.create(person(name))
    names = [m.full_name for m in services.members.list()]
    # Given name first, in Vietnamese letter order: An < Ăn < Ân < Bình < Đức.
    assert names == ["Phạm Văn An", "Đỗ Thị Ăn", "Lê Thị Ân", "Trần Văn Bình", "Hoàng Đức"]
    assert [m.full_name for m in services.members.list(query="thi AN")] == [
        "Đỗ Thị Ăn",
        "Lê Thị Ân",
    ]
    assert [m.full_name for m in services.members.list(query="duc")] == ["Hoàng Đức"]
    assert services.members.list(query="không có ai") == []


def test_update_changes_fields_but_keeps_the_history(services: Services) -> None:
    exempt = StatusEvent(EventKind.EXEMPT, dt.date(2024, 1, 10), "Số 03-QĐ/ĐU")
    created = services.members.create(person("Hà Văn Sơn", events=(exempt,)))
    result = services.members.update(
        created.id, person("Hà Văn Sơn", phone="0987 654 321", occupation="Nông dân")
    )
    assert result.id == created.id
    detail = services.members.get(created.id)
    assert (detail.record.phone, detail.record.occupation) == ("0987 654 321", "Nông dân")
    assert [(e.kind, e.decision_ref) for e in detail.record.events] == [
        (EventKind.EXEMPT, "Số 03-QĐ/ĐU")
    ]
    assert detail.standing == Standing.EXEMPT


def test_blocking_problem_raises_in_vietnamese_and_saves_nothing(services: Services) -> None:
    bad = person("   ", birth_date=dt.date(2030, 1, 1))
    with pytest.raises(ValidationError) as caught:
        services.members.create(bad)
    error = caught.value
    assert {p.field for p in error.problems} >= {"full_name", "birth_date"}
    assert all(p.severity == Severity.BLOCK for p in error.problems)
    rendered = [render(p.message) for p in error.problems]
    assert error.message == "\n".join(rendered)
    # Translated: the Vietnamese text differs from the English msgid and names the date.
    assert rendered != [p.message.english() for p in error.problems]
    assert "01/01/2030" in error.message
    assert services.members.list(include_former=True) == []
    assert services.members.list_deleted() == []


def test_warnings_are_returned_and_the_record_is_saved(services: Services) -> None:
    result = services.members.create(person("Lý Văn Páo", phone="12"))
    assert [(p.field, p.severity) for p in result.warnings] == [("phone", Severity.WARN)]
    assert services.members.get(result.id).record.phone == "12"


def test_validate_writes_nothing(services: Services) -> None:
    problems = services.members.validate(person("Lý Văn Páo", phone="12"))
    assert [p.field for p in problems] == ["phone"]
    assert services.members.list() == []


def test_duplicates_are_refused_but_not_against_itself(services: Services) -> None:
    first = services.members.create(person("Nguyễn Thị Hằng"))
    with pytest.raises(ValidationError) as caught:
        services.members.create(person("nguyen thi hang"))
    assert [p.field for p in caught.value.problems] == ["full_name"]
    assert "Nguyễn Thị Hằng" in caught.value.message
    assert "01/05/1980" in caught.value.message
    assert [p.field for p in services.members.validate(person("NGUYỄN THỊ HẰNG"))] == ["full_name"]
    # Editing the entry itself is not a duplicate; another birth date is another person.
    services.members.update(first.id, person("Nguyễn Thị Hằng", note="Tổ 3"))
    services.members.create(person("Nguyễn Thị Hằng", birth_date=dt.date(1990, 1, 1)))
    assert len(services.members.list()) == 2


def test_soft_delete_restore_and_audit(services: Services) -> None:
    kept = services.members.create(person("Mã Văn Lâm")).id
    gone = services.members.create(person("Hầu Thị Mỷ", gender=Gender.FEMALE)).id
    assert services.members.delete(gone) == Changes.of("members", ids=(gone,))
    assert [m.id for m in services.members.list(include_former=True)] == [kept]
    assert [m.id for m in services.members.list_deleted()] == [gone]
    assert [i for i, _r in services.members.all_records()] == [kept]
    assert services.members.get(gone).deleted
    with pytest.raises(NotFoundError):
        services.members.update(gone, person("Hầu Thị Mỷ"))
    with pytest.raises(NotFoundError):
        services.members.delete(gone)
    services.members.restore(gone)
    assert {m.id for m in services.members.list()} == {kept, gone}
    assert services.members.list_deleted() == []
    actions = [(a, e, i) for a, e, i, _d in _audit(services)]
    assert actions[-2:] == [("delete", "members", gone), ("restore", "members", gone)]
    # The audit trail holds no personal data.
    assert all("Mỷ" not in detail and "Lâm" not in detail for *_x, detail in _audit(services))


def test_restore_is_refused_when_the_member_was_added_again(services: Services) -> None:
    gone = services.members.create(person("Hầu Thị Mỷ")).id
    services.members.delete(gone)
    services.members.create(person("Hầu Thị Mỷ"))
    with pytest.raises(ValidationError):
        services.members.restore(gone)
    assert [m.id for m in services.members.list_deleted()] == [gone]


def test_missing_member_raises_not_found_in_vietnamese(services: Services) -> None:
    with pytest.raises(NotFoundError) as caught:
        services.members.get(4242)
    assert caught.value.message == (
        "Không tìm thấy đảng viên số 4242; có thể đã bị xóa. Hãy tải lại danh sách."
    )


def test_events_change_the_standing(services: Services) -> None:
    member_id = services.members.create(person("Vừ A Dính")).id
    exempt = StatusEvent(EventKind.EXEMPT, dt.date(2026, 2, 1), "Số 07-QĐ/ĐU")
    assert services.members.add_event(member_id, exempt) == Changes.of("members", ids=(member_id,))
    assert services.members.list()[0].standing == Standing.EXEMPT
    services.members.add_event(member_id, StatusEvent(EventKind.EXEMPT_END, dt.date(2026, 6, 1)))
    services.members.add_event(
        member_id, StatusEvent(EventKind.TRANSFER_OUT, dt.date(2026, 9, 1), note="Chuyển về\nxã")
    )
    assert services.members.list() == []
    (former,) = services.members.list(include_former=True)
    assert former.standing == Standing.TRANSFERRED_OUT
    events = services.members.get(member_id).record.events
    assert [e.kind for e in events] == [
        EventKind.EXEMPT,
        EventKind.EXEMPT_END,
        EventKind.TRANSFER_OUT,
    ]
    assert events[2].note == "Chuyển về\nxã"
    last_id = events[2].id
    assert last_id is not None
    services.members.remove_event(member_id, last_id)
    assert services.members.list()[0].standing == Standing.ACTIVE
    with pytest.raises(NotFoundError):
        services.members.remove_event(member_id, last_id)


def test_invalid_event_is_refused(services: Services) -> None:
    member_id = services.members.create(person("Vừ A Dính")).id
    with pytest.raises(ValidationError) as caught:
        services.members.add_event(
            member_id, StatusEvent(EventKind.SUSPEND_END, dt.date(2026, 2, 1))
        )
    assert [p.field for p in caught.value.problems] == ["kind"]
    with pytest.raises(ValidationError):
        services.members.add_event(member_id, StatusEvent(EventKind.EXEMPT, dt.date(2027, 1, 1)))
    assert services.members.get(member_id).record.events == ()


def test_create_with_a_history_checks_it(services: Services) -> None:
    bad_history = (StatusEvent(EventKind.ATTACH_RETURN, dt.date(2025, 1, 1)),)
    with pytest.raises(ValidationError):
        services.members.create(person("Vừ A Dính", events=bad_history))
    assert services.members.list(include_former=True) == []
    assert [p.field for p in services.members.validate(person("Vừ", events=bad_history))] == [
        "kind"
    ]


def test_create_many_is_all_or_nothing(services: Services) -> None:
    services.members.create(person("Lò Văn Hùng"))
    batch = [
        person("Cà Thị Xuân", gender=Gender.FEMALE),
        person("", status=MembershipStatus.FULL),  # no name
        person("Lò Văn Hùng"),  # already on the register
        person("Quàng Văn Inh"),
        person("quang van inh"),  # twice in the batch
    ]
    with pytest.raises(ValidationError) as caught:
        services.members.create_many(batch)
    error = caught.value
    assert sorted(error.row_problems) == [1, 2, 4]
    assert error.message.splitlines()[0] == "Chưa lưu gì cả. Hãy sửa các bản ghi sau rồi thử lại:"
    assert error.message.splitlines()[1].startswith("Bản ghi 2: ")
    assert [m.full_name for m in services.members.list()] == ["Lò Văn Hùng"]

    nfd = unicodedata.normalize("NFD", "Cà Thị Xuân")
    good = [person(nfd), person("Quàng Văn Inh", role=CellRole.COMMITTEE)]
    changes = services.members.create_many(good)
    assert changes.areas == frozenset({"members"})
    assert len(changes.ids) == 2
    assert {m.full_name for m in services.members.list()} == {
        "Lò Văn Hùng",
        "Cà Thị Xuân",
        "Quàng Văn Inh",
    }


def test_calls_from_a_worker_thread(services: Services) -> None:
    # The UI runs every database call on one worker thread, not the one that opened it.
    results: list[object] = []

    def work() -> None:
        try:
            created = services.members.create(person("Hoàng Thị Thu"))
            results.append(services.members.get(created.id).record.full_name)
        except Exception as error:  # the assertion below reports it
            results.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert results == ["Hoàng Thị Thu"]
    assert [m.full_name for m in services.members.list()] == ["Hoàng Thị Thu"]


def test_has_data_and_reset_all(services: Services) -> None:
    assert not services.has_data()
    member_id = services.members.create(person("Hoàng Thị Thu")).id
    services.members.add_event(member_id, StatusEvent(EventKind.EXEMPT, dt.date(2026, 1, 5)))
    services.members.delete(member_id)
    assert services.has_data()
    services.reset_all()
    assert not services.has_data()
    assert services.members.list_deleted() == []
    assert [a for a, *_rest in _audit(services)] == ["reset_all"]
