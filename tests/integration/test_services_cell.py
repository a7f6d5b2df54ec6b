"""The cell profile, the overview counts, the rule checks and Services.open's own errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.findings import Severity
from app.domain.members import (
    EventKind,
    Gender,
    MemberRecord,
    MembershipStatus,
    StatusEvent,
)
from app.paths import resources_dir
from app.services.dto import CellInput, CellType, Changes
from app.services.errors import UserError, ValidationError
from app.services.facade import Services
from tests.integration.records import person

TODAY = dt.date(2026, 11, 23)


def probationer(full_name: str) -> MemberRecord:
    return person(
        full_name,
        status=MembershipStatus.PROBATIONARY,
        admission_date=dt.date(2026, 5, 4),
        ceremony_date=dt.date(2026, 5, 19),
        recognition_date=None,
    )


def cell(**changes: Any) -> CellInput:
    base = CellInput(
        name="Chi bộ thôn Lô Lô Chải",
        superior_committee="Đảng ủy xã Lũng Cú",
        superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
        place_name="Lũng Cú",
        cell_type=CellType.VILLAGE,
        term_start=dt.date(2025, 10, 1),
        term_end=dt.date(2030, 9, 30),
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


def _refused(services: Services, cmd: CellInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        services.cell.save(cmd)
    return {p.field: caught.value.message for p in caught.value.problems}


def test_no_cell_at_first_run(services: Services) -> None:
    assert services.cell.get() is None


def test_save_and_get_with_secretary_and_deputy(services: Services) -> None:
    secretary = services.members.create(person("Vàng Seo Dính")).id
    deputy = services.members.create(person("Lò Thị Mai", gender=Gender.FEMALE)).id
    typed = cell(
        name=unicodedata.normalize("NFD", " Chi bộ thôn  Lô Lô Chải "),
        secretary_id=secretary,
        deputy_id=deputy,
        village_head_is_member=True,
    )
    assert services.cell.save(typed) == Changes.of("cell")
    info = services.cell.get()
    assert info is not None
    assert info.name == "Chi bộ thôn Lô Lô Chải"
    assert (info.secretary_name, info.deputy_name) == ("Vàng Seo Dính", "Lò Thị Mai")
    assert (info.cell_type, info.village_head_is_member, info.front_head_is_member) == (
        CellType.VILLAGE,
        True,
        None,
    )
    services.cell.save(cell(place_name="Đồng Văn"))
    info = services.cell.get()
    assert info is not None
    assert (info.place_name, info.secretary_id, info.secretary_name) == ("Đồng Văn", None, "")


def test_required_fields_are_named_in_vietnamese(services: Services) -> None:
    problems = _refused(services, cell(name=" ", superior_committee="", place_name="\t"))
    assert set(problems) == {"name", "superior_committee", "place_name"}
    message = problems["name"]
    assert "Tên chi bộ đang để trống. Hãy nhập tên chi bộ, ví dụ “Chi bộ thôn 1”." in message
    assert "Cấp ủy cấp trên đang để trống." in message
    assert "Địa danh đang để trống." in message
    assert services.cell.get() is None


@pytest.mark.parametrize(
    "superior",
    [
        "Đảng ủy huyện Đồng Văn",
        "Huyện ủy Mèo Vạc",
        "ĐẢNG BỘ QUẬN BA ĐÌNH",
        "Thị ủy Sa Pa",
        unicodedata.normalize("NFD", "Đảng bộ thị xã Phú Thọ"),
    ],
)
def test_district_level_superior_is_refused(services: Services, superior: str) -> None:
    problems = _refused(services, cell(superior_committee=superior))
    assert set(problems) == {"superior_committee"}
    expected = unicodedata.normalize("NFC", superior)
    assert problems["superior_committee"] == (
        f"“{expected}” là tên một tổ chức cấp huyện, nhưng từ ngày 01/07/2025 không còn cấp "
        "huyện. Hãy nhập đảng ủy xã, phường hoặc đảng ủy cơ sở thay thế."
    )


@pytest.mark.parametrize(
    "superior",
    ["Đảng ủy xã Lũng Cú", "Đảng ủy Quân sự tỉnh", "Đảng bộ Khối các cơ quan tỉnh"],
)
def test_commune_and_other_bodies_are_accepted(services: Services, superior: str) -> None:
    services.cell.save(cell(superior_committee=superior, superior_body=superior.upper()))
    info = services.cell.get()
    assert info is not None
    assert info.superior_committee == superior


def test_district_level_body_in_the_header_is_refused(services: Services) -> None:
    assert set(_refused(services, cell(superior_body="ĐẢNG BỘ HUYỆN ĐỒNG VĂN"))) == {
        "superior_body"
    }


def test_term_must_end_after_it_starts(services: Services) -> None:
    problems = _refused(
        services, cell(term_start=dt.date(2025, 10, 1), term_end=dt.date(2025, 10, 1))
    )
    assert problems == {
        "term_end": "Nhiệm kỳ kết thúc ngày 01/10/2025, không sau ngày bắt đầu 01/10/2025. "
        "Hãy kiểm tra lại hai ngày này."
    }


def test_secretary_and_deputy_must_be_full_members_on_the_register(services: Services) -> None:
    full = services.members.create(person("Vàng Seo Dính")).id
    young = services.members.create(probationer("Sùng Thị Dợ")).id
    moved = services.members.create(person("Lù Văn Sáng")).id
    services.members.add_event(moved, StatusEvent(EventKind.TRANSFER_OUT, dt.date(2026, 6, 1)))
    gone = services.members.create(person("Cháng Thị Mỷ")).id
    services.members.delete(gone)

    problems = _refused(services, cell(secretary_id=young, deputy_id=moved))
    assert set(problems) == {"secretary_id", "deputy_id"}
    assert (
        "Sùng Thị Dợ là đảng viên dự bị nên không thể làm bí thư. "
        "Hãy chọn một đảng viên chính thức." in problems["secretary_id"]
    )
    assert (
        "Lù Văn Sáng không còn trong danh sách đảng viên của chi bộ nên không thể làm phó bí "
        "thư. Hãy chọn đảng viên khác." in problems["deputy_id"]
    )
    assert set(_refused(services, cell(secretary_id=gone))) == {"secretary_id"}
    assert set(_refused(services, cell(secretary_id=9999))) == {"secretary_id"}
    same = _refused(services, cell(secretary_id=full, deputy_id=full))
    assert same == {"deputy_id": "Bí thư và phó bí thư phải là hai đảng viên khác nhau."}
    services.cell.save(cell(secretary_id=full))


def test_overview_counts_members_on_the_register(services: Services) -> None:
    services.members.create(person("Vàng Seo Dính", ethnicity="Mông"))
    services.members.create(person("Lò Thị Mai", gender=Gender.FEMALE, ethnicity="Lô Lô"))
    exempt = services.members.create(person("Giàng A Pháo", ethnicity="Mông")).id
    services.members.add_event(exempt, StatusEvent(EventKind.EXEMPT, dt.date(2026, 1, 1)))
    away = services.members.create(person("Nguyễn Văn Đức")).id
    services.members.add_event(away, StatusEvent(EventKind.ATTACH_ELSEWHERE, dt.date(2026, 3, 1)))
    services.members.create(probationer("Sùng Thị Dợ"))
    dead = services.members.create(person("Hoàng Văn Tư")).id
    services.members.add_event(dead, StatusEvent(EventKind.DEATH, dt.date(2026, 2, 2)))
    deleted = services.members.create(person("Trần Thị Hoa", gender=Gender.FEMALE)).id
    services.members.delete(deleted)

    overview = services.overview.get()
    assert (overview.on_register, overview.full, overview.probationary) == (5, 4, 1)
    assert overview.by_gender == {"male": 4, "female": 1}
    assert overview.by_ethnicity == {"Mông": 2, "Lô Lô": 1, "Kinh": 2}
    assert (overview.exempt, overview.attached_elsewhere) == (1, 1)
    assert "members.min_full_members" not in {f.rule for f in overview.findings}


def test_fewer_than_three_full_members_is_a_finding(services: Services) -> None:
    services.members.create(person("Vàng Seo Dính"))
    services.members.create(person("Lò Thị Mai", gender=Gender.FEMALE))
    services.members.create(probationer("Sùng Thị Dợ"))
    findings = services.checks.run()
    (size,) = [f for f in findings if f.rule == "members.min_full_members"]
    assert (size.severity, size.subject, size.member_id) == (Severity.WARN, "", None)
    assert size.message.params["count"] == 2
    assert size.citation == services.profile.members.min_full_members.citation
    assert size in services.overview.get().findings
    services.members.create(person("Nguyễn Văn Đức"))
    assert "members.min_full_members" not in {f.rule for f in services.checks.run()}


def test_checks_run_on_another_day(services: Services) -> None:
    services.members.create(person("Vàng Seo Dính"))
    # December is the month of the yearly record-update reminder (rule 45).
    december = services.checks.run(as_of=dt.date(2026, 12, 10))
    assert "members.record_update" in {f.rule for f in december}
    assert "members.record_update" not in {f.rule for f in services.checks.run()}


def test_broken_profile_is_a_user_error(data_dir: Path, tmp_path: Path) -> None:
    profile = tmp_path / "broken.toml"
    source = (resources_dir() / "rules" / "vn-2025.toml").read_text(encoding="utf-8")
    profile.write_text(source.replace("[members.probation_months]", "[members.x]"), "utf-8")
    with pytest.raises(UserError) as caught:
        Services.open(data_dir, profile_path=profile)
    assert "broken.toml" in caught.value.message
    # The database was not even created: a broken rule file is reported first.
    assert not (data_dir / "sochibo.sqlite3").exists()


def test_user_holidays_are_added_to_the_calendar(data_dir: Path) -> None:
    (data_dir / "holidays.toml").write_text(
        '[years.2026]\ndates = [2026-11-24]\nnames = ["Nghỉ bù"]\n', encoding="utf-8"
    )
    services = Services.open(data_dir, today=lambda: TODAY)
    try:
        assert not services.calendar.is_working_day(dt.date(2026, 11, 24))
        assert services.calendar.is_working_day(dt.date(2026, 11, 25))
    finally:
        services.close()
