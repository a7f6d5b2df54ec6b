"""Start the desktop application: Qt, language, font and zoom, data, first-run wizard, window.

Kept lean for a quick cold start: nothing here imports reportlab or openpyxl (exports import
them when used), and screens load their data after the window shows.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME
from app.l10n import _, set_language
from app.paths import DataPaths
from app.services import Services
from app.services.dto import CellInfo
from app.services.errors import UserError
from app.settings import UserSettings, load_settings, save_settings
from app.ui.context import UiContext
from app.ui.jobs import JobRunner
from app.ui.qt_strings import CatalogTranslator, install_translator
from app.ui.screens.members import MembersScreen
from app.ui.screens.overview import OverviewScreen
from app.ui.screens.settings import SettingsScreen
from app.ui.shell import MainWindow, ScreenFactory
from app.ui.wizard import LANGUAGE_CHANGED, FirstRunWizard
from app.ui.zoom import ZoomController, apply_zoom, choose_base_font

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


def prepare_application(app: QApplication, settings: UserSettings) -> CatalogTranslator:
    """Language, Qt's own strings, a Vietnamese-capable font and the saved zoom."""
    set_language(settings.language)
    translator = install_translator(app)
    apply_zoom(app, settings.zoom_percent, choose_base_font(app))
    return translator


def build_main_window(
    services: Services,
    settings: UserSettings,
    data_dir: Path,
    *,
    jobs: JobRunner | None = None,
) -> MainWindow:
    """The main window over opened services (also used by tests and the start-up benchmark)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = jobs if jobs is not None else JobRunner(services)
    ctx = UiContext(services_data_dir=data_dir, jobs=runner, settings=settings)
    zoom = ZoomController(
        app, settings.zoom_percent, lambda p: ctx.save_settings(ctx.settings.with_zoom(p))
    )
    factories: list[ScreenFactory] = [
        OverviewScreen,
        MembersScreen,
        lambda c: SettingsScreen(c, zoom),
    ]
    window = MainWindow(ctx, zoom, factories)
    runner.setParent(window)
    zoom.setParent(window)
    return window


class Startup:
    """Decides, once the cell profile is read, between the first-run wizard and the window."""

    def __init__(self, app: QApplication, services: Services, settings: UserSettings) -> None:
        self.app = app
        self.services = services
        self.settings = settings
        self.jobs = JobRunner(services)
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None

    def start(self) -> None:
        self.jobs.read(lambda s: s.cell.get(), self._cell_read, on_error=self._fatal)

    def _cell_read(self, info: CellInfo | None) -> None:
        if info is None:
            self.show_wizard()
        else:
            self.show_window()

    def show_wizard(self) -> None:
        self.wizard = FirstRunWizard(self.jobs, self.settings.language)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        wizard.deleteLater()
        if result == LANGUAGE_CHANGED:
            self.settings = replace(self.settings, language=wizard.chosen_language)
            save_settings(self.services.paths.settings, self.settings)
            set_language(self.settings.language)
            self.show_wizard()
        elif result:
            self.show_window()
        else:
            self.app.quit()

    def show_window(self) -> None:
        self.window = build_main_window(
            self.services, self.settings, self.services.paths.root, jobs=self.jobs
        )
        self.window.show()

    def _fatal(self, error: BaseException) -> None:
        _show_start_error(None, error)
        self.app.exit(1)


def _show_start_error(parent: QWidget | None, error: BaseException) -> None:
    text = error.message if isinstance(error, UserError) else _("Sổ Chi bộ could not start.")
    QMessageBox.critical(parent, DISPLAY_NAME, text)


def run_gui(data_dir: Path, lang: str | None) -> int:
    """Run the desktop application on `data_dir`; returns the process exit code."""
    app = QApplication.instance() or QApplication([DISPLAY_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setOrganizationName(ORGANISATION)
    paths = DataPaths(data_dir)
    settings = load_settings(paths.settings)
    if lang is not None:
        settings = replace(settings, language=lang)
    prepare_application(app, settings)
    configure_logging(paths)
    try:
        services = Services.open(data_dir)
    except UserError as error:
        # Database too new, damaged, or the folder cannot be written: say so, touch nothing.
        _show_start_error(None, error)
        return 1
    startup = Startup(app, services, settings)
    startup.start()
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    startup.jobs.shutdown()
    services.close()
    return code
