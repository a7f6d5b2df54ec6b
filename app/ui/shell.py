"""The main window: a sidebar of areas, the current area's screen, and a status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.l10n import _
from app.ui.context import UiContext
from app.ui.screens.base import Screen
from app.ui.zoom import ZoomController

if TYPE_CHECKING:
    # Type hints only (start-up speed): the window shows before any service DTO is needed, and
    # importing a QEvent class makes PySide build all of them (~3 ms).
    from PySide6.QtGui import QCloseEvent

    from app.services.dto_base import Changes
    from app.services.facade import Services

ScreenFactory = Callable[[UiContext], Screen]
#: Areas reachable with Ctrl+1 ... Ctrl+9.
MAX_AREA_SHORTCUTS = 9
APP_TITLE = "Sổ Chi bộ"


class Area(NamedTuple):
    """One entry of the sidebar: its translated title and how to build its screen.

    The screen (and its module) is built the first time the area is shown or asked for, so the
    window appears without importing every screen. `opens_members` marks the area that can
    open one member's record (`open_member(member_id)`), asked for from other screens.
    """

    title: str
    build: ScreenFactory
    opens_members: bool = False


class TitleSource(NamedTuple):
    """The name the title and status bar show: `read` runs as a database job, again after a
    write to one of `areas`. A cell's window shows the cell; a receiver's, its committee."""

    read: Callable[[Services], str]
    areas: frozenset[str]


def _cell_name(services: Services) -> str:
    info = services.cell.get()
    return info.name if info is not None else ""


CELL_TITLE = TitleSource(_cell_name, frozenset({"cell"}))


class MainWindow(QMainWindow):
    """Sidebar + stacked screens; broadcasts each write's `Changes` to every built screen."""

    def __init__(
        self,
        ctx: UiContext,
        zoom: ZoomController,
        areas: Sequence[Area],
        parent: QWidget | None = None,
        *,
        title: TitleSource = CELL_TITLE,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zoom = zoom
        self.title_source = title
        self.setWindowTitle(APP_TITLE)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setSpacing(4)
        self.stack = QStackedWidget()
        self.areas: list[Area] = []
        self._built: dict[int, Screen] = {}
        for area in areas:
            self.add_area(area)
        self.sidebar.currentRowChanged.connect(self._show_area)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.cell_label = QLabel()
        folder = QLabel(_("Data folder: {path}").format(path=str(ctx.services_data_dir)))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.cell_label)
        self.statusBar().addPermanentWidget(folder)
        self._build_menus()
        ctx.jobs.changed.connect(self.broadcast)
        ctx.jobs.set_dialog_parent(self)
        zoom.zoom_changed.connect(lambda _percent: self._fit_sidebar())
        self._fit_sidebar()
        self.resize(1180, 760)
        if self.areas:
            self.sidebar.setCurrentRow(0)
        self.load_cell()

    def add_area(self, area: Area) -> None:
        """Add an area to the sidebar; its screen is built when first shown."""
        self.areas.append(area)
        item = QListWidgetItem(area.title)
        number = len(self.areas)
        if number <= MAX_AREA_SHORTCUTS:
            item.setToolTip(_("Ctrl+{number}").format(number=number))
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.show_row(row))
            self.addAction(action)
        self.sidebar.addItem(item)

    @property
    def screens(self) -> list[Screen]:
        """The screens built so far, in sidebar order."""
        return [self._built[row] for row in sorted(self._built)]

    def screen_at(self, row: int) -> Screen:
        """The screen of sidebar row `row`, built (not shown) if it was not yet."""
        screen = self._built.get(row)
        if screen is None:
            screen = self.areas[row].build(self.ctx)
            self._built[row] = screen
            self.stack.addWidget(screen)
            screen.open_member_requested.connect(self.open_member)
        return screen

    def show_row(self, row: int) -> None:
        """Switch to the area in sidebar row `row`."""
        if 0 <= row < self.sidebar.count():
            self.sidebar.setCurrentRow(row)

    def open_member(self, member_id: int) -> None:
        """Switch to the members area and open one member (from a finding)."""
        row = next((r for r, a in enumerate(self.areas) if a.opens_members), None)
        if row is None:
            return
        screen = self.screen_at(row)
        opener = getattr(screen, "open_member", None)
        if callable(opener):
            self.show_row(row)
            opener(member_id)

    def broadcast(self, changes: Changes) -> None:
        """Tell every built screen what a write changed; reload the window title for the cell.

        Screens not built yet load fresh data when first shown.
        """
        for screen in self.screens:
            screen.on_changes(changes)
        if self.title_source.areas & changes.areas:
            self.load_cell()

    def load_cell(self) -> None:
        """Read the name (the cell's, or the receiving committee's) for the title and status."""
        self.ctx.jobs.read(self.title_source.read, self.show_name)

    def show_name(self, name: str) -> None:
        self.setWindowTitle(f"{APP_TITLE} — {name}" if name else APP_TITLE)
        self.cell_label.setText(name)

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            screen = self.screen_at(row)
            self.stack.setCurrentWidget(screen)
            screen.ensure_loaded()

    def _fit_sidebar(self) -> None:
        # Big targets for unsteady hands; recomputed on zoom (no style sheet: it would pin
        # the font and stop the sidebar from following the zoom).
        metrics = self.sidebar.fontMetrics()
        widths = [metrics.horizontalAdvance(a.title) for a in self.areas]
        width = max([*widths, 120]) + 60
        for row in range(self.sidebar.count()):
            self.sidebar.item(row).setSizeHint(QSize(width - 20, int(metrics.height() * 2.2)))
        self.sidebar.setFixedWidth(width)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("File"))
        quit_action = file_menu.addAction(_("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        view = self.menuBar().addMenu(_("View"))
        bigger = view.addAction(_("&Larger text"))
        bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        bigger.triggered.connect(self.zoom.zoom_in)
        smaller = view.addAction(_("&Smaller text"))
        smaller.setShortcut(QKeySequence("Ctrl+-"))
        smaller.triggered.connect(self.zoom.zoom_out)
        normal = view.addAction(_("&Normal text size"))
        normal.setShortcut(QKeySequence("Ctrl+0"))
        normal.triggered.connect(self.zoom.reset)
        help_menu = self.menuBar().addMenu(_("Help"))
        keys = help_menu.addAction(_("&Keyboard shortcuts"))
        keys.setShortcut(QKeySequence(Qt.Key.Key_F1))
        keys.triggered.connect(self.show_keyboard_help)

    def show_keyboard_help(self) -> None:
        """F1: the keys that work everywhere in the window."""
        areas = "\n".join(
            _("Ctrl+{number}: {area}").format(number=n, area=a.title)
            for n, a in enumerate(self.areas[:MAX_AREA_SHORTCUTS], start=1)
        )
        text = "\n".join(
            [
                areas,
                _("Ctrl + / Ctrl -: larger / smaller text; Ctrl 0: normal size"),
                _("Tab / Shift+Tab: next / previous field"),
                _("Enter: save; Esc: cancel or close"),
                _("Alt + the underlined letter: go to that field or button"),
                _("Ctrl+Q: quit"),
            ]
        )
        from app.ui.dialogs import show_info  # first use only: keeps start-up light

        show_info(self, _("Keyboard shortcuts"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Let a running save finish before the window (and then the database) closes.
        self.ctx.jobs.wait_idle(30_000)
        super().closeEvent(event)
