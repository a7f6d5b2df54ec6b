"""Copies of the database taken at start-up with the SQLite online backup API.

The copies are named after the moment they were taken (sochibo-20261123-180501.sqlite3);
a second copy within the same second gets a counter (sochibo-20261123-180501-2.sqlite3).
Only the newest `KEEP_BACKUPS` are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from pathlib import Path

#: How many start-up copies to keep (older ones are removed).
KEEP_BACKUPS = 10

_PREFIX = "sochibo"
_SUFFIX = ".sqlite3"
_NAME = re.compile(r"^sochibo-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$")


def _order_key(path: Path) -> tuple[str, str, int]:
    match = _NAME.match(path.name)
    if match is None:
        return ("", "", 0)
    return (match.group(1), match.group(2), int(match.group(3) or 1))


def list_backups(folder: Path) -> list[Path]:
    """The start-up copies in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=_order_key)


def _free_name(folder: Path, moment: dt.datetime) -> Path:
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{_PREFIX}-{stamp}{_SUFFIX}"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{_PREFIX}-{stamp}-{counter}{_SUFFIX}"
    return candidate


def backup_database(source: Path, folder: Path, moment: dt.datetime) -> Path:
    """Copy the database `source` into `folder` and return the copy's path.

    The copy is written under a temporary name and renamed when complete, so a crash or a
    full disk never leaves a half copy that looks like a good one. Raises `sqlite3.Error` or
    `OSError` when the copy cannot be made.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, moment)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        src.close()
    partial.replace(target)
    return target


def prune_backups(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` copies; return the deleted paths."""
    backups = list_backups(folder)
    excess = backups[: max(0, len(backups) - keep)]
    for path in excess:
        path.unlink()
    return excess
