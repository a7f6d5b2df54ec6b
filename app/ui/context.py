"""What every screen is given: the job runner, the data folder and the user's preferences."""

from __future__ import annotations

from pathlib import Path

from app.paths import DataPaths
from app.settings import UserSettings, save_settings
from app.ui.jobs import JobRunner


class UiContext:
    """Shared state of one main window; screens reach the data only through `jobs`.

    A plain class, not a dataclass: making one costs ~0.5 ms, before the window's first paint.
    """

    def __init__(self, services_data_dir: Path, jobs: JobRunner, settings: UserSettings) -> None:
        self.services_data_dir = services_data_dir
        self.jobs = jobs
        self.settings = settings

    @property
    def paths(self) -> DataPaths:
        return DataPaths(self.services_data_dir)

    def save_settings(self, settings: UserSettings) -> None:
        """Remember new preferences and write them to settings.json in the data folder."""
        save_settings(self.paths.settings, settings)
        self.settings = settings
