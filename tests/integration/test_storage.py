"""Storage: the engine's pragmas, start-up backups, refusal of unusable files (real SQLite)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import __version__
from app.domain.members import CellRole, EventKind, Gender, MemberRecord, MembershipStatus
from app.paths import DataPaths
from app.services.errors import DatabaseCorruptError, DatabaseTooNewError, DataFolderError
from app.services.facade import Services
from app.storage.backup import KEEP_BACKUPS, list_backups
from app.storage.database import head_revision, open_database
from app.storage.engine import create_engine_for
from app.storage.errors import NotADatabaseError, SchemaTooNewError
from app.storage.models import Member, MemberEvent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Clock:
    """A start-up clock that moves on by `step` at each call."""

    def __init__(self, start: dt.datetime, step: dt.timedelta) -> None:
        self.moment = start
        self.step = step

    def __call__(self) -> dt.datetime:
        self.moment += self.step
        return self.moment


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return DataPaths(data_dir)


@pytest.fixture
def created(paths: DataPaths) -> Iterator[DataPaths]:
    """A data folder whose database was created and closed once."""
    open_database(paths).close()
    yield paths


def test_fresh_folder_gets_tables_wal_and_foreign_keys(paths: DataPaths) -> None:
    db = open_database(paths)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            tables = set(
                conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
            )
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        db.close()
    assert {"cell", "member", "member_event", "audit_log", "app_meta"} <= tables
    assert version == head_revision()
    # A new database has nothing to back up.
    assert list_backups(paths.backups) == []


def test_every_new_connection_gets_the_pragmas(created: DataPaths) -> None:
    engine = create_engine_for(created.database)
    try:
        with engine.connect() as conn:
            pragmas = [
                conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            ]
    finally:
        engine.dispose()
    assert pragmas == ["wal", 1, 2, 5000]


def test_foreign_keys_are_enforced(created: DataPaths) -> None:
    db = open_database(created)
    try:
        # A fresh pooled connection, not the one the migration used.
        db.engine.dispose()
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.unit_of_work() as session:
            session.add(MemberEvent(member_id=999, kind=EventKind.EXEMPT, date=dt.date(2026, 1, 1)))
    finally:
        db.close()


def test_unit_of_work_rolls_back_on_error(created: DataPaths) -> None:
    db = open_database(created)
    try:
        with pytest.raises(RuntimeError), db.unit_of_work() as session:
            session.add(
                Member(
                    full_name="Lò Văn Páo",
                    gender=Gender.MALE,
                    birth_date=dt.date(1970, 1, 1),
                    status=MembershipStatus.FULL,
                    role=CellRole.MEMBER,
                )
            )
            session.flush()
            raise RuntimeError("the user action failed half-way")
        with db.unit_of_work() as session:
            assert session.execute(text("SELECT count(*) FROM member")).scalar() == 0
    finally:
        db.close()


def test_reopen_backs_up_first_and_keeps_the_newest_ten(created: DataPaths) -> None:
    clock = _Clock(dt.datetime(2026, 11, 23, 18, 0, 0), dt.timedelta(minutes=1))
    for _ in range(KEEP_BACKUPS + 1):
        open_database(created, now=clock).close()
    backups = list_backups(created.backups)
    assert len(backups) == KEEP_BACKUPS
    # The oldest copy (18:01) was removed; the newest (18:11) is kept.
    assert backups[0].name == "sochibo-20261123-180200.sqlite3"
    assert backups[-1].name == "sochibo-20261123-181100.sqlite3"
    with sqlite3.connect(backups[-1]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )


def test_backups_in_the_same_second_do_not_overwrite_each_other(created: DataPaths) -> None:
    clock = _Clock(dt.datetime(2026, 11, 23, 18, 5, 1), dt.timedelta(0))
    for _ in range(3):
        open_database(created, now=clock).close()
    names = [p.name for p in list_backups(created.backups)]
    assert names == [
        "sochibo-20261123-180501.sqlite3",
        "sochibo-20261123-180501-2.sqlite3",
        "sochibo-20261123-180501-3.sqlite3",
    ]


def test_eleven_opens_through_services_keep_ten_backups(data_dir: Path) -> None:
    for _ in range(KEEP_BACKUPS + 2):
        Services.open(data_dir).close()
    assert len(list_backups(DataPaths(data_dir).backups)) == KEEP_BACKUPS


def test_newer_database_is_refused_untouched(created: DataPaths) -> None:
    with sqlite3.connect(created.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = _digest(created.database)
    with pytest.raises(SchemaTooNewError):
        open_database(created)
    with pytest.raises(DatabaseTooNewError) as caught:
        Services.open(created.root)
    assert caught.value.message == (
        "Dữ liệu này được ghi bởi một phiên bản Sổ Chi bộ mới hơn. Hãy cài phiên bản mới hơn; "
        "dữ liệu của bạn chưa bị thay đổi."
    )
    assert _digest(created.database) == before
    assert list_backups(created.backups) == []


@pytest.mark.parametrize(
    "content",
    [os.urandom(8192), b"SQLite format 3\x00" + os.urandom(8192)],
    ids=["random-bytes", "sqlite-header-then-garbage"],
)
def test_corrupt_file_is_refused_with_the_backup_folder(paths: DataPaths, content: bytes) -> None:
    paths.ensure()
    paths.database.write_bytes(content)
    with pytest.raises(NotADatabaseError):
        open_database(paths)
    with pytest.raises(DatabaseCorruptError) as caught:
        Services.open(paths.root)
    message = caught.value.message
    assert message.startswith("Sổ Chi bộ không đọc được tệp dữ liệu")
    assert str(paths.backups) in message
    assert "sochibo.sqlite3" in message
    assert paths.database.read_bytes() == content


def test_another_programs_database_is_refused_untouched(paths: DataPaths) -> None:
    paths.ensure()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    before = _digest(paths.database)
    with pytest.raises(DatabaseCorruptError):
        Services.open(paths.root)
    assert _digest(paths.database) == before


def test_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("this is a file, not a folder", encoding="utf-8")
    with pytest.raises(DataFolderError) as caught:
        Services.open(not_a_folder)
    assert caught.value.message.startswith("Sổ Chi bộ không ghi được vào thư mục dữ liệu")


def test_app_meta_notes_the_program_version(created: DataPaths) -> None:
    with sqlite3.connect(created.database) as conn:
        rows = dict(conn.execute("SELECT key, value FROM app_meta").fetchall())
    conn.close()
    assert rows == {"created_with": __version__, "last_opened_with": __version__}


def test_disk_full_during_a_write_is_a_data_folder_error(data_dir: Path) -> None:
    services = Services.open(data_dir, today=lambda: dt.date(2026, 11, 23))
    try:
        engine = services.context.db.engine
        with engine.connect() as conn:
            # Stand-in for a full disk: this connection may not grow the file any more.
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        record = MemberRecord(
            full_name="Lò Văn Páo",
            gender=Gender.MALE,
            birth_date=dt.date(1970, 1, 1),
            admission_date=dt.date(2000, 1, 1),
            note="Ghi chú rất dài. " * 20000,
        )
        with pytest.raises(DataFolderError) as caught:
            services.members.create(record)
        assert caught.value.message.startswith(
            f"Sổ Chi bộ không ghi được vào thư mục dữ liệu {data_dir}:"
        )
        assert caught.value.message.endswith("Chưa có gì bị thay đổi.")
    finally:
        services.close()
    reopened = Services.open(data_dir)
    try:
        assert reopened.members.list(include_former=True) == []
    finally:
        reopened.close()
