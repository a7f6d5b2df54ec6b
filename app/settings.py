"""The user's preferences (language, zoom, last folders) and the data folder's role, kept
as JSON in the data folder.

They live outside the database so that the language is known before the database opens (its
error messages must already be translated), and so that the window is built with the right
areas at once: a cell's register, or the superior committee's receiver (the database says which
once it is open, and the role here is corrected if it was wrong).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.l10n import DEFAULT_LANGUAGE, LANGUAGES

MIN_ZOOM = 80
MAX_ZOOM = 200
#: What this data folder is for: a cell's record book (chi bộ), or the superior committee's
#: receiver of the cells' reports (cấp ủy cấp trên).
CELL_ROLE = "cell"
RECEIVER_ROLE = "receiver"
ROLES = (CELL_ROLE, RECEIVER_ROLE)


@dataclass(frozen=True)
class UserSettings:
    language: str = DEFAULT_LANGUAGE
    zoom_percent: int = 100
    #: The folder the last report was saved to (a USB stick, often); "" before the first.
    report_folder: str = ""
    role: str = CELL_ROLE

    def with_zoom(self, percent: int) -> UserSettings:
        return replace(self, zoom_percent=max(MIN_ZOOM, min(MAX_ZOOM, percent)))

    def with_role(self, role: str) -> UserSettings:
        return replace(self, role=role if role in ROLES else CELL_ROLE)


def load_settings(path: Path) -> UserSettings:
    """Read the settings; a missing or damaged file gives the defaults (it is only preferences)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserSettings()
    if not isinstance(raw, dict):
        return UserSettings()
    language = raw.get("language", DEFAULT_LANGUAGE)
    zoom = raw.get("zoom_percent", 100)
    folder = raw.get("report_folder", "")
    role = raw.get("role", CELL_ROLE)
    settings = UserSettings(
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        zoom_percent=zoom if isinstance(zoom, int) else 100,
        report_folder=folder if isinstance(folder, str) else "",
        role=role if role in ROLES else CELL_ROLE,
    )
    return settings.with_zoom(settings.zoom_percent)


def save_settings(path: Path, settings: UserSettings) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
