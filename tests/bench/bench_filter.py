"""Filtering the member list as the secretary types, against a bare Qt proxy-model filter."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERY = "nguyen van an"


def _time_keystrokes(type_prefix: object, app: object) -> list[float]:
    times = []
    for i in range(1, len(QUERY) + 1):
        start = time.perf_counter()
        type_prefix(QUERY[:i])  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
    type_prefix("")  # type: ignore[operator]
    return times


def measure_filter(data_dir: Path, rounds: int = 5) -> dict[str, float]:
    """Median and max milliseconds per keystroke, for the real screen and for a bare proxy."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app.services.facade import Services
    from app.settings import UserSettings
    from app.ui.app import build_main_window, prepare_application
    from app.ui.screens.members import MembersScreen

    app = QApplication.instance() or QApplication(["bench"])
    settings = UserSettings()
    prepare_application(app, settings)
    services = Services.open(data_dir)
    window = build_main_window(services, settings, data_dir)
    window.show()
    window.show_row(1)
    screen = window.screen_at(1)
    assert isinstance(screen, MembersScreen)
    screen.refresh()
    window.ctx.jobs.wait_idle(30000)
    members = services.members.list()
    assert len(members) >= 1000, len(members)

    model = QStandardItemModel(len(members), 8)
    for row, member in enumerate(members):
        for col, value in enumerate(
            [
                member.full_name,
                member.gender,
                str(member.birth_date),
                member.ethnicity,
                member.status,
                member.role,
                member.standing,
                str(member.admission_date),
            ]
        ):
            model.setItem(row, col, QStandardItem(str(value)))
    from PySide6.QtCore import QEventLoop, QSortFilterProxyModel

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(0)
    view = QTableView()
    view.setModel(proxy)
    view.resize(900, 600)
    view.show()

    # QEventLoop.processEvents, not the static QApplication.processEvents: PySide6 6.12's
    # static call drops a reference to None each time and aborts Python in a long loop.
    loop = QEventLoop()
    real: list[float] = []
    bare: list[float] = []
    for _ in range(rounds):
        real += _time_keystrokes(screen.search.setText, loop)
        bare += _time_keystrokes(proxy.setFilterFixedString, loop)
    window.close()
    window.ctx.jobs.shutdown()
    services.close()
    return {
        "app_median_ms": statistics.median(real),
        "app_max_ms": max(real),
        "bare_median_ms": statistics.median(bare),
        "bare_max_ms": max(bare),
    }
