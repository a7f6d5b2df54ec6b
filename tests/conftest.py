"""Shared test set-up: Qt offscreen before PySide6 loads, Vietnamese as the user sees it."""

from __future__ import annotations

import os
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
