"""The `Services` facade: everything the CLI and the UI may do with one data folder.

`Services.open` is the way in. It imports SQLAlchemy and Alembic, so the desktop program
imports this module on its database worker thread, after the window is shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import delete, exists, select

from app.domain.calendar import CalendarError, WorkingCalendar, load_calendar
from app.domain.profile import ProfileError, RuleProfile, load_profile
from app.l10n import render
from app.paths import DataPaths, resources_dir
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.cell import CellService
from app.services.checks import CheckService
from app.services.document_register import DocumentRegisterService
from app.services.errors import UserError
from app.services.meetings import MeetingService
from app.services.members import MemberService
from app.services.overview import OverviewService
from app.services.storage_errors import user_error_from
from app.storage.database import Database, open_database
from app.storage.errors import StorageError
from app.storage.models import (
    AuditEntry,
    Cell,
    DocumentNumber,
    Meeting,
    Member,
    MemberEvent,
    ThematicPlan,
)

log = logging.getLogger(__name__)

DEFAULT_PROFILE = "vn-2025.toml"
HOLIDAYS_FILE = "vn-holidays.toml"


def default_profile_path() -> Path:
    """The regulation profile (bộ quy định) bundled with the program."""
    return resources_dir() / "rules" / DEFAULT_PROFILE


def profile_path_of(paths: DataPaths) -> Path:
    """The regulation profile in force for a data folder: the folder's own `rules.toml` (a
    province's copy of the profile, e.g. with its meeting-quality criteria) if there is one,
    otherwise the bundled profile."""
    return paths.user_profile if paths.user_profile.exists() else default_profile_path()


def calendar_paths(paths: DataPaths) -> list[Path]:
    """The bundled public holidays, then the user's own additions if the file exists."""
    found = [resources_dir() / "calendar" / HOLIDAYS_FILE]
    if paths.user_holidays.exists():
        found.append(paths.user_holidays)
    return found


class Services:
    """Everything the CLI and the UI may do with one data folder."""

    def __init__(
        self,
        paths: DataPaths,
        db: Database,
        profile: RuleProfile,
        calendar: WorkingCalendar,
        today: Callable[[], dt.date],
    ) -> None:
        self.paths = paths
        self.profile = profile
        self.calendar = calendar
        self.today = today
        self._db = db
        self._ctx = ServiceContext(db=db, profile=profile, calendar=calendar, today=today)
        self.cell = CellService(self._ctx)
        self.members = MemberService(self._ctx)
        self.checks = CheckService(self._ctx)
        self.overview = OverviewService(self._ctx)
        self.meetings = MeetingService(self._ctx)
        self.documents = DocumentRegisterService(self._ctx)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        profile_path: Path | None = None,
    ) -> Services:
        """Open a data folder: back up and migrate the database, load the rules and calendar.

        Raises `UserError` (a subclass saying what is wrong) when the folder, the database,
        the regulation profile or the holiday calendar cannot be used. The profile is
        `profile_path`, else the one `profile_path_of` finds for the folder.
        """
        paths = DataPaths(data_dir)
        # Rules first: a broken profile should not cost a backup and a migration.
        profile, calendar = _load_rules(paths, profile_path or profile_path_of(paths))
        try:
            db = open_database(paths)
        except StorageError as error:
            raise user_error_from(error) from error
        return cls(paths, db, profile, calendar, today)

    @property
    def context(self) -> ServiceContext:
        """The shared context, for services written elsewhere (imports, exports, demo)."""
        return self._ctx

    def close(self) -> None:
        """Release the database (dispose the engine); the object is unusable afterwards."""
        self._db.close()

    def has_data(self) -> bool:
        """True when a cell profile or any member (even a deleted one) exists."""
        with unit_of_work(self._ctx) as session:
            return bool(
                session.scalar(select(exists().where(Cell.id.is_not(None))))
                or session.scalar(select(exists().where(Member.id.is_not(None))))
            )

    def reset_all(self) -> None:
        """Delete every cell, member, meeting and history row in one transaction
        (`demo --force`); a meeting's parts go with it (ON DELETE CASCADE).

        The audit trail is emptied too, except one row saying that the reset happened.
        """
        with unit_of_work(self._ctx) as session:
            for table in (
                DocumentNumber,
                Meeting,
                ThematicPlan,
                Cell,
                MemberEvent,
                Member,
                AuditEntry,
            ):
                session.execute(delete(table))
            audit(session, "reset_all", "database", None)
        log.info("all data reset")


def _load_rules(paths: DataPaths, profile_path: Path) -> tuple[RuleProfile, WorkingCalendar]:
    try:
        profile = load_profile(profile_path)
        calendar = load_calendar(calendar_paths(paths))
    except (ProfileError, CalendarError) as error:
        raise UserError(render(error.message)) from error
    return profile, calendar


__all__ = ["Services", "UserError"]
