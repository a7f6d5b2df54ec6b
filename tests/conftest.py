"""Shared test set-up: Qt offscreen before PySide6 loads, Vietnamese as the user sees it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import l10n


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    """Every test starts in Vietnamese, the product's default language."""
    l10n.set_language("vi")
    yield
    l10n.set_language("vi")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder, as on a fresh install."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


_exit_status: int | None = None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without the interpreter's teardown once pytest has reported everything.

    PySide6 6.12 on Python 3.11 drops references to True and False in some calls (as it does
    to None, see app/ui/qt_strings.py); after a whole run their count can reach zero while the
    interpreter tears Qt down, and Python aborts ("bool_dealloc"), turning a passed run into
    exit code 134. From Python 3.12 on these objects are immortal and this never happens.
    """
    if _exit_status is not None and "PySide6" in sys.modules and sys.version_info < (3, 12):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status)
