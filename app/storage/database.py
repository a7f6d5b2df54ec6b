"""Opening the database at start-up (probe, backup, migrate) and the unit of work.

`open_database` is the only way in: it checks that an existing file is a SQLite database this
program understands, copies it into backups/, and migrates it to the newest schema, all before
any screen touches it.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, exc
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.paths import DataPaths
from app.storage.backup import backup_database, prune_backups
from app.storage.engine import create_engine_for
from app.storage.errors import (
    DataFolderUnavailableError,
    NotADatabaseError,
    SchemaTooNewError,
    StorageError,
)
from app.storage.models import AppMeta

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite error texts that mean "the folder or disk cannot take a write", not a damaged file.
_FOLDER_ERRORS = ("readonly", "read-only", "disk is full", "unable to open", "disk i/o")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration built in code (no alembic.ini), so migrations run from a
    source checkout, a wheel or a frozen build alike."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> frozenset[str]:
    """Every schema revision this program knows how to read."""
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    """The newest schema revision of this program."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


class Database:
    """An open database: the engine and the sessions that services work in."""

    def __init__(self, engine: Engine, paths: DataPaths) -> None:
        self.engine = engine
        self.paths = paths
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction per user action: commit when the block ends, roll back on error.

        SQLite errors that mean the disk or folder refused the write become
        `DataFolderUnavailableError`.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except exc.OperationalError as error:
            if _is_folder_error(error):
                raise DataFolderUnavailableError(
                    self.paths.database, self.paths.backups, str(error.orig)
                ) from error
            raise

    def close(self) -> None:
        """Close every pooled connection (the WAL is checkpointed by SQLite on last close)."""
        self.engine.dispose()


def _is_folder_error(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error)).lower()
    return any(marker in text for marker in _FOLDER_ERRORS)


def stored_revision(path: Path, backups: Path) -> str | None:
    """Read the schema revision of an existing file without changing it.

    Raises `NotADatabaseError` when the file is not a healthy SQLite database, or is another
    program's database (tables but no schema revision).
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise DataFolderUnavailableError(path, backups, str(error)) from error
    if header != _SQLITE_HEADER:
        raise NotADatabaseError(path, backups, "no SQLite header")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise NotADatabaseError(path, backups, "quick_check failed")
            tables = {
                str(row[0])
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    # Another program's database: never add our tables to it.
                    raise NotADatabaseError(path, backups, "not a Sổ Chi bộ database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if row is None else str(row[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError) and _is_folder_error(error):
            raise DataFolderUnavailableError(path, backups, str(error)) from error
        raise NotADatabaseError(path, backups, str(error)) from error


def _migrate(engine: Engine) -> None:
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        # Batch migrations rebuild tables; with foreign keys on, dropping the old table would
        # cascade-delete child rows. The pragma only works outside a transaction.
        dbapi.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration broke {len(broken)} foreign keys")
                _note_version(conn)
        finally:
            dbapi.execute("PRAGMA foreign_keys=ON")


def _note_version(conn: Connection) -> None:
    with Session(conn) as session:
        if session.get(AppMeta, "created_with") is None:
            session.add(AppMeta(key="created_with", value=__version__))
        session.merge(AppMeta(key="last_opened_with", value=__version__))
        session.flush()


def _prepare_folder(paths: DataPaths) -> None:
    try:
        paths.ensure()
    except OSError as error:
        raise DataFolderUnavailableError(paths.database, paths.backups, str(error)) from error


def _back_up(paths: DataPaths, moment: dt.datetime) -> None:
    try:
        backup_database(paths.database, paths.backups, moment)
        prune_backups(paths.backups)
    except (OSError, sqlite3.OperationalError) as error:
        raise DataFolderUnavailableError(paths.database, paths.backups, str(error)) from error
    except sqlite3.DatabaseError as error:
        raise NotADatabaseError(paths.database, paths.backups, str(error)) from error


def open_database(
    paths: DataPaths, *, now: Callable[[], dt.datetime] = dt.datetime.now
) -> Database:
    """Open (or create) the database of a data folder, ready for the services.

    An existing file is probed first (refused untouched if it is not a SQLite database or was
    written by a newer program), then copied into backups/ (the newest 10 are kept), then
    migrated to the newest schema. Raises a `StorageError` subclass.
    """
    _prepare_folder(paths)
    path = paths.database
    if path.exists() and path.stat().st_size > 0:
        revision = stored_revision(path, paths.backups)
        if revision is not None and revision not in known_revisions():
            raise SchemaTooNewError(path, paths.backups, revision)
        _back_up(paths, now())
    engine = create_engine_for(path)
    try:
        _migrate(engine)
    except exc.DBAPIError as error:
        engine.dispose()
        if isinstance(error, exc.OperationalError) and _is_folder_error(error):
            raise DataFolderUnavailableError(path, paths.backups, str(error.orig)) from error
        raise NotADatabaseError(path, paths.backups, str(error.orig)) from error
    except BaseException:
        engine.dispose()
        raise
    log.info("database open, schema %s", head_revision())
    return Database(engine, paths)


__all__ = ["Database", "StorageError", "open_database"]
