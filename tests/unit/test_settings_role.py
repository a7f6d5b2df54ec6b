"""The role kept in settings.json: read back, and anything unknown taken as a cell."""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import CELL_ROLE, RECEIVER_ROLE, UserSettings, load_settings, save_settings


def test_the_role_is_saved_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, UserSettings().with_role(RECEIVER_ROLE))
    assert json.loads(path.read_text(encoding="utf-8"))["role"] == RECEIVER_ROLE
    assert load_settings(path).role == RECEIVER_ROLE


def test_an_old_or_strange_file_means_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"language": "vi", "zoom_percent": 120}', encoding="utf-8")
    assert load_settings(path) == UserSettings(zoom_percent=120, role=CELL_ROLE)
    path.write_text('{"role": "province"}', encoding="utf-8")
    assert load_settings(path).role == CELL_ROLE
    assert UserSettings().with_role("province").role == CELL_ROLE
