"""The one place where the SQLite engine is made (SQLCipher will slot in here later)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

#: How long a statement waits for another connection's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    # FULL: a power cut on a laptop must not lose the last committed write.
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 driver (it would skip BEGIN before
    # SELECT and DDL); the "begin" listener below emits BEGIN itself, so every unit of work,
    # migrations included, is one real SQLite transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_engine_for(path: Path) -> Engine:
    """Create the engine for the database file at `path` with the pragmas set on every
    connection (WAL, foreign keys, synchronous=FULL, busy timeout).

    `check_same_thread=False`: the UI's single worker thread owns all database work, but the
    engine may be created on another thread.
    """
    url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
