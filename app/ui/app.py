"""Start the desktop application: Qt, language, font and zoom, window, data, first-run wizard.

Kept lean for a quick cold start: the window shows before the database stack (SQLAlchemy,
Alembic) is imported; the data folder is opened (backup + migrations) as the first job on the
database thread, and screens load their data after it. Nothing here imports reportlab or
openpyxl either (exports import them when used).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME
from app.l10n import _, pgettext, set_language
from app.paths import DataPaths, program_icon_file
from app.settings import CELL_ROLE, RECEIVER_ROLE, UserSettings, load_settings, save_settings
from app.ui.context import UiContext
from app.ui.jobs import JobRunner, ServicesOpener
from app.ui.qt_strings import CatalogTranslator, install_translator
from app.ui.role import folder_role
from app.ui.screens.base import Screen
from app.ui.screens.overview import OverviewScreen
from app.ui.shell import CELL_TITLE, Area, MainWindow, TitleSource
from app.ui.zoom import ZoomController, apply_zoom, choose_base_font

if TYPE_CHECKING:
    # Type hints only: the facade loads SQLAlchemy and Alembic, which the window must not wait for;
    # the service DTOs are not needed before the data arrives.
    from app.services.facade import Services
    from app.ui.wizard import FirstRunWizard

ORGANISATION = "SoChiBo"
DISPLAY_NAME = "Sổ Chi bộ"


def configure_logging(paths: DataPaths) -> None:
    """Send warnings and errors (never personal data) to the log file in the data folder."""
    try:
        paths.ensure()
    except OSError:
        return  # Services.open reports an unwritable folder in words the user understands.
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(paths.log) for h in root.handlers):
        return
    handler = logging.FileHandler(paths.log, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)


def program_icon() -> QIcon:
    """The red book with the yellow star, for the windows and the taskbar.

    Cheap enough for the start-up path: about a millisecond to make.
    """
    return QIcon(str(program_icon_file()))


def prepare_application(app: QApplication, settings: UserSettings) -> CatalogTranslator:
    """Language, Qt's own strings, a Vietnamese-capable font and the saved zoom."""
    set_language(settings.language)
    translator = install_translator(app)
    apply_zoom(app, settings.zoom_percent, choose_base_font(app))
    return translator


def build_main_window(
    jobs: JobRunner | Services, settings: UserSettings, data_dir: Path
) -> MainWindow:
    """The main window over a job runner (owned by the caller) or open services.

    Given services, the window creates its own runner (tests and the filter benchmark do this).
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = jobs if isinstance(jobs, JobRunner) else JobRunner(jobs)
    ctx = UiContext(services_data_dir=data_dir, jobs=runner, settings=settings)
    zoom = ZoomController(
        app, settings.zoom_percent, lambda p: ctx.save_settings(ctx.settings.with_zoom(p))
    )
    receiver = settings.role == RECEIVER_ROLE
    title = RECEIVER_TITLE if receiver else CELL_TITLE
    window = MainWindow(ctx, zoom, main_areas(zoom, settings.role), title=title)
    if runner is not jobs:
        runner.setParent(window)
    zoom.setParent(window)
    return window


def main_areas(zoom: ZoomController, role: str = CELL_ROLE) -> list[Area]:
    """The sidebar's areas in order; only the first (Tổng quan) is built before the window shows.

    The titles are the same msgids the screens use, so no screen module is needed to show them.
    A receiver (the superior committee) has its own two areas and none of the cell's register.
    """
    if role == RECEIVER_ROLE:
        return [
            Area(_("Receive reports"), _build_inbox),
            Area(_("Settings"), lambda ctx: _build_receiver_settings(ctx, zoom)),
        ]
    return [
        Area(_("Overview"), OverviewScreen),
        Area(pgettext("area", "Members"), _build_members, opens_members=True),
        Area(pgettext("area", "Meetings"), _build_meetings),
        Area(pgettext("area", "Reports"), _build_reports),
        Area(_("Settings"), lambda ctx: _build_settings(ctx, zoom)),
    ]


def _build_members(ctx: UiContext) -> Screen:
    # Imported on first use for start-up speed: the members screen (table, forms, dialogs) is
    # the heaviest module of the window and is not shown first.
    from app.ui.screens.members import MembersScreen

    return MembersScreen(ctx)


def _build_meetings(ctx: UiContext) -> Screen:
    # Imported on first use for start-up speed, like the members screen.
    from app.ui.screens.meetings import MeetingsScreen

    return MeetingsScreen(ctx)


def _build_reports(ctx: UiContext) -> Screen:
    # Imported on first use for start-up speed, like the members screen.
    from app.ui.screens.reports import ReportsScreen

    return ReportsScreen(ctx)


def _build_settings(ctx: UiContext, zoom: ZoomController) -> Screen:
    # Imported on first use for start-up speed: the settings screen is not shown first.
    from app.ui.screens.settings import SettingsScreen

    return SettingsScreen(ctx, zoom)


def _build_inbox(ctx: UiContext) -> Screen:
    # Imported on first use, like the cell's screens; its services (and the signing stack
    # they load) are imported by its jobs, on the worker thread.
    from app.ui.screens.inbox.view import InboxScreen

    return InboxScreen(ctx)


def _build_receiver_settings(ctx: UiContext, zoom: ZoomController) -> Screen:
    # Imported on first use for start-up speed: the settings screen is not shown first.
    from app.ui.screens.inbox.settings_screen import ReceiverSettingsScreen

    return ReceiverSettingsScreen(ctx, zoom)


def _receiver_name(services: Services) -> str:
    # Runs on the database thread.
    from app.ui.screens.inbox.calls import receiver_name

    return receiver_name(services)


RECEIVER_TITLE = TitleSource(_receiver_name, frozenset({"inbox"}))


def open_services(data_dir: Path) -> ServicesOpener:
    """The opener the job runner calls first on its database thread: backup, migrate, load rules."""

    def opener() -> Services:
        # Imported here, on the database thread, on purpose: the facade loads SQLAlchemy and
        # Alembic (about a second on the target laptops), which the window must not wait for.
        from app.services.facade import Services

        return Services.open(data_dir)

    return opener


class Startup:
    """Shows the window at once, then — once the data is open — the first-run wizard if needed.

    `services` is an opener (the program) or already open services (tests). If opening fails
    (database too new or damaged, folder not writable) the message is shown and the program
    quits with exit code 1, touching nothing. Once the data is open, the role it holds (cell or
    receiver) corrects the one remembered in the settings, and `open_file` (a signed file given
    on the command line) is verified in a dialog.
    """

    def __init__(
        self,
        app: QApplication,
        services: Services | ServicesOpener,
        settings: UserSettings,
        data_dir: Path,
        open_file: Path | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.data_dir = data_dir
        self.open_file = open_file
        # Held until the window is shown: see `start`.
        self.jobs = JobRunner(services, held=True)
        self.jobs.open_failed.connect(self._fatal)
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self._first_paint: AfterFirstPaint | None = None

    def start(self) -> None:
        """Show the window (data still loading), then read the folder's role behind the opener.

        The database jobs (the opener first) start once the window has painted itself: the
        worker importing SQLAlchemy holds Python's interpreter lock for long stretches, and
        started earlier it delayed the window's first paint by about 45 ms.
        """
        self.show_window()
        # Queued after the opener on the same single database thread, so it runs once open.
        remembered = self.settings.role
        self.jobs.read(lambda s: folder_role(s, remembered), self._role_read, on_error=self._fatal)
        assert self.window is not None
        self._first_paint = AfterFirstPaint(self.window, self.jobs.release)

    def show_window(self) -> None:
        """Build and show the main window; its screens queue their first reads."""
        self.window = build_main_window(self.jobs, self.settings, self.data_dir)
        self.window.show()
        if self.jobs.is_opening:
            self.window.statusBar().showMessage(_("Opening the data…"))

    def _role_read(self, role: str | None) -> None:
        if self.window is not None:
            self.window.statusBar().clearMessage()
        if role is None:
            self.show_wizard()
            return
        if role != self.settings.role:
            self._switch_role(role)
        self._open_given_file()

    def _switch_role(self, role: str) -> None:
        # The areas were chosen when the window was built: build it again for this role.
        self.settings = self.settings.with_role(role)
        save_settings(DataPaths(self.data_dir).settings, self.settings)
        self._rebuild_window()

    def _open_given_file(self) -> None:
        path, self.open_file = self.open_file, None
        if path is None or self.window is None:
            return
        # Imported on first use: only a file given on the command line needs the dialog.
        from app.ui.screens.inbox.open_file import open_signed_file

        receiver = self.settings.role == RECEIVER_ROLE
        open_signed_file(self.window.ctx, path, receiver, self.window)

    def show_wizard(self, role: str | None = None) -> None:
        """The first-run wizard, modal over the window; Cancel ends the program."""
        # Imported on first use for start-up speed: only a first run needs the wizard.
        from app.ui.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(
            self.jobs, self.settings.language, self.window, role=role or self.settings.role
        )
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.open()

    def _wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        wizard.deleteLater()
        # Already loaded by `show_wizard`; imported here because the wizard is loaded lazily.
        from app.ui.wizard import LANGUAGE_CHANGED

        if result == LANGUAGE_CHANGED:
            self.settings = replace(self.settings, language=wizard.chosen_language)
            save_settings(DataPaths(self.data_dir).settings, self.settings)
            set_language(self.settings.language)
            self._rebuild_window()
            self.show_wizard(wizard.chosen_role)
        elif not result:
            self.app.quit()
        else:
            if wizard.chosen_role != self.settings.role:
                self._switch_role(wizard.chosen_role)
            self._open_given_file()

    def _rebuild_window(self) -> None:
        # The window's words were fixed when it was built; build it again in the new language.
        # The new one is shown before the old one closes, so the program does not quit.
        old = self.window
        self.show_window()
        if old is not None:
            old.close()
            old.deleteLater()

    def stop(self) -> None:
        """After the event loop: let database work finish, close the windows, then the data."""
        self.jobs.shutdown()
        if self.window is not None:
            self.window.close()  # hides the wizard too: it is the window's child
        if self.jobs.services is not None:
            self.jobs.services.close()

    def _fatal(self, error: BaseException) -> None:
        _show_start_error(self.window, error)
        self.app.exit(1)


class AfterFirstPaint(QObject):
    """Calls `action` once `widget`'s window has painted itself for the first time.

    Qt paints a widget window while it handles the window system's first expose, so a window
    found exposed on a timer tick has painted. Polled, not watched with an event filter: the
    first Python event handler makes PySide build its QEvent classes, ~3 ms of start-up.
    A window that never shows (started minimised) gets the action after `FALLBACK_MS`.
    """

    FALLBACK_MS = 300
    POLL_MS = 1

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action = action
        self._deadline = time.monotonic() + self.FALLBACK_MS / 1000
        self._timer = QTimer(self)
        # Precise: a coarse 1 ms timer ticks only every ~16 ms on Windows.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._poll)
        self._timer.start(self.POLL_MS)

    def _poll(self) -> None:
        window = self._widget.windowHandle()
        exposed = window is not None and window.isExposed()
        if not exposed and time.monotonic() < self._deadline:
            return
        self._timer.stop()
        self._action()


def _show_start_error(parent: QWidget | None, error: BaseException) -> None:
    # Only on this error path: keeps start-up light.
    from PySide6.QtWidgets import QMessageBox

    from app.services.errors import UserError

    text = error.message if isinstance(error, UserError) else _("Sổ Chi bộ could not start.")

    QMessageBox.critical(parent, DISPLAY_NAME, text)


def launch(data_dir: Path, lang: str | None, open_file: Path | None = None) -> Startup:
    """Everything before the event loop: Qt, settings, language, font, zoom, the window shown.

    The data folder opens on the database thread once the event loop runs (see `Startup`);
    `open_file` is a signed file to verify then (given on the command line).
    """
    app = QApplication.instance() or QApplication([DISPLAY_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(program_icon())
    paths = DataPaths(data_dir)
    settings = load_settings(paths.settings)
    if lang is not None:
        settings = replace(settings, language=lang)
    prepare_application(app, settings)
    configure_logging(paths)
    startup = Startup(app, open_services(data_dir), settings, data_dir, open_file)
    startup.start()
    app.setQuitOnLastWindowClosed(True)
    return startup


def run_gui(data_dir: Path, lang: str | None, open_file: Path | None = None) -> int:
    """Run the desktop application on `data_dir`; returns the process exit code."""
    startup = launch(data_dir, lang, open_file)
    code = startup.app.exec()
    startup.stop()
    return code
