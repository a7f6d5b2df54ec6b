"""Where things live: the user's data folder and the bundled resources.

The data folder comes from platformdirs unless `--data-dir` overrides it. Resources are found
next to the package in a source checkout or a wheel, and under `sys._MEIPASS` in a frozen build.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME

DB_FILENAME = "sochibo.sqlite3"
BACKUP_DIRNAME = "backups"
LOG_FILENAME = "sochibo.log"
SETTINGS_FILENAME = "settings.json"


def default_data_dir() -> Path:
    """The per-user data folder (e.g. %LOCALAPPDATA%\\SoChiBo on Windows)."""
    # Imported here for start-up speed: platformdirs costs ~15 ms to import and only this
    # function needs it, while every start imports this module for the resource folders.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The folder holding fonts, icons, rule profiles and calendars."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def program_icon_file() -> Path:
    """The program's icon as a 256-pixel PNG (the .ico beside it is for Windows shortcuts)."""
    return resources_dir() / "icons" / "sochibo.png"


def i18n_dir() -> Path:
    """The folder holding the gettext catalogs (vi/, en/)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "i18n"
    return Path(__file__).resolve().parent.parent / "i18n"


@dataclass(frozen=True)
class DataPaths:
    """The files inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUP_DIRNAME

    @property
    def log(self) -> Path:
        return self.root / LOG_FILENAME

    @property
    def settings(self) -> Path:
        return self.root / SETTINGS_FILENAME

    @property
    def inbox(self) -> Path:
        """The receiver's copies of the signed files it accepted, one folder per sender."""
        return self.root / "inbox"

    @property
    def user_profile(self) -> Path:
        """A regulation profile replacing the bundled one (e.g. a province's copy with its own
        meeting-quality criteria), when the user puts one here."""
        return self.root / "rules.toml"

    @property
    def user_holidays(self) -> Path:
        """Holidays the user adds (e.g. a compensatory day off announced late)."""
        return self.root / "holidays.toml"

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(exist_ok=True)
