"""Migrations: the schema Alembic builds equals the models, and every released fixture
database upgrades to head with its data intact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app import __version__
from app.domain.meeting_record import DecisionRecord
from app.domain.meetings import MeetingKind
from app.domain.members import EventKind, Gender, MembershipStatus, Standing
from app.paths import DataPaths
from app.services.dto import CellType
from app.services.facade import Services
from app.storage.backup import list_backups
from app.storage.database import alembic_config, head_revision, open_database
from app.storage.engine import create_engine_for
from app.storage.models import Base

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE_TODAY = dt.date(2026, 11, 23)


def test_migrated_schema_matches_the_models(data_dir: Path) -> None:
    db = open_database(DataPaths(data_dir))
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    assert differences == []


def test_downgrade_to_nothing_and_upgrade_again(data_dir: Path) -> None:
    path = data_dir / "db.sqlite3"
    engine = create_engine_for(path)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
            tables = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            ).fetchall()
            assert tables == []
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    assert version == head_revision()


def test_this_release_has_its_fixture() -> None:
    # Made by tests/fixtures/make_fixture_db.py; each release adds its own.
    assert (FIXTURES / f"sochibo-{__version__}.sqlite3").is_file()


@pytest.fixture
def from_0_1_0(data_dir: Path) -> Services:
    shutil.copyfile(FIXTURES / "sochibo-0.1.0.sqlite3", DataPaths(data_dir).database)
    return Services.open(data_dir, today=lambda: FIXTURE_TODAY)


def test_fixture_0_1_0_upgrades_with_data_intact(from_0_1_0: Services) -> None:
    services = from_0_1_0
    try:
        assert len(list_backups(services.paths.backups)) == 1
        cell = services.cell.get()
        assert cell is not None
        assert (cell.name, cell.superior_committee, cell.place_name, cell.cell_type) == (
            "Chi bộ thôn Lô Lô Chải",
            "Đảng ủy xã Lũng Cú",
            "Lũng Cú",
            CellType.VILLAGE,
        )
        assert (cell.secretary_name, cell.deputy_name) == ("Vàng Seo Dính", "Lò Thị Mai")
        assert (cell.term_start, cell.term_end) == (dt.date(2025, 10, 1), dt.date(2030, 9, 30))
        on_register = services.members.list()
        assert [m.full_name for m in on_register] == [
            "Vàng Seo Dính",
            "Sùng Thị Dợ",
            "Nguyễn Văn Đức",
            "Lò Thị Mai",
        ]
        by_name = {m.full_name: m for m in services.members.list(include_former=True)}
        assert by_name["Giàng A Pháo"].standing == Standing.DECEASED
        assert by_name["Nguyễn Văn Đức"].standing == Standing.ATTACHED_ELSEWHERE
        assert by_name["Sùng Thị Dợ"].status == MembershipStatus.PROBATIONARY
        assert by_name["Lò Thị Mai"].gender == Gender.FEMALE
        duc = services.members.get(by_name["Nguyễn Văn Đức"].id)
        assert duc.record.note == "Giáo viên điểm trường.\nSinh hoạt tạm thời ở xã Ma Lé."
        assert [(e.kind, e.date, e.decision_ref) for e in duc.record.events] == [
            (EventKind.ATTACH_ELSEWHERE, dt.date(2026, 3, 1), "Số 12-QĐ/ĐU")
        ]
        assert [m.full_name for m in services.members.list_deleted()] == ["Trần Thị Hoa"]
    finally:
        services.close()


def test_fixture_0_1_0_upgrades_to_meetings_and_takes_a_meeting(from_0_1_0: Services) -> None:
    """0002 adds the meeting tables to a 0.1.0 file; the first meeting is numbered 01."""
    services = from_0_1_0
    try:
        assert services.meetings.list() == []
        detail = services.meetings.start(MeetingKind.REGULAR, dt.date(2026, 11, 3))
        assert [row.full_name for row in detail.attendance] == [
            "Vàng Seo Dính",
            "Sùng Thị Dợ",
            "Nguyễn Văn Đức",
            "Lò Thị Mai",
        ]
        assert detail.data.chair_name == "" and detail.data.chair_id is not None
        data = dataclasses.replace(
            detail.data,
            start=dt.time(8, 0),
            end=dt.time(10, 0),
            minute_taker_name="Lò Thị Mai",
            decisions=(
                DecisionRecord(
                    "Nghị quyết tháng 11", votes_for=2, votes_against=0, votes_abstain=0
                ),
            ),
        )
        services.meetings.save_draft(detail.id, data)
        final = services.meetings.finalize(detail.id, dt.date(2026, 11, 3))
        assert final.minutes_number is not None
        assert final.minutes_number.text == "Số 01-BB/CB"
    finally:
        services.close()


def test_meetings_migration_downgrades_and_keeps_the_register(data_dir: Path) -> None:
    path = data_dir / "db.sqlite3"
    shutil.copyfile(FIXTURES / "sochibo-0.1.0.sqlite3", path)
    engine = create_engine_for(path)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0001")
            tables = {
                row[0]
                for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
            members = conn.exec_driver_sql("SELECT count(*) FROM member").scalar()
    finally:
        engine.dispose()
    assert "meeting" not in tables and "document_number" not in tables
    assert {"member", "cell", "member_event"} <= tables
    assert members == 6
