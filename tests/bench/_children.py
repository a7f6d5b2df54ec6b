"""Child processes for the start-up and memory benchmarks.

Run as `python _children.py app|bare DATA_DIR T0`: builds a window, shows it, waits until it is
interactive (shown, and the event loop has turned), then prints one JSON line: seconds since T0
(the parent's clock just before it started this process) and memory. The app also reports
`loaded_seconds`: until the data folder is open and the first screen's data has loaded.

The app starts the way the Start-menu shortcut starts it: `sochibo` with no arguments, through
`app.cli.main`, on the default data folder (the parent points XDG_DATA_HOME at the folder that
holds DATA_DIR, which is named like the program's folder).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _rss_mb() -> tuple[float, float]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def bare(t0: float) -> None:
    """A bare PySide6 window with the same widgets as the main window's first paint.

    Same tree as the shell and the overview screen (menus and shortcuts, sidebar, stacked
    area, five count cards, the ethnicity and findings tables, status bar), with no app code.
    The widgets are configured as the app configures them (alignments, the selectable status
    text, the F1 key), so the baseline pays for Qt's enumerations as any such window does.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QFrame,
        QGridLayout,
        QHBoxLayout,
        QLabel,
        QListWidget,
        QMainWindow,
        QStackedWidget,
        QTableView,
        QTableWidget,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(["bare"])
    app.setFont(QFont(app.font().family(), 11))
    window = QMainWindow()
    menus = [
        ("Tệp", ["Thoát"]),
        ("Hiển thị", ["Phóng to", "Thu nhỏ", "Cỡ chữ mặc định"]),
        ("Trợ giúp", ["Phím tắt"]),
    ]
    for title, actions in menus:
        menu = window.menuBar().addMenu(title)
        for text in actions:
            action = QAction(text, window)
            action.setShortcut(QKeySequence("Ctrl+Q"))
            menu.addAction(action)
    sidebar = QListWidget()
    areas = ["Tổng quan", "Đảng viên", "Sinh hoạt", "Báo cáo", "Cài đặt"]
    sidebar.addItems(areas)
    for number in range(1, len(areas) + 1):
        action = QAction(window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        window.addAction(action)
    stack = QStackedWidget()
    page = QWidget()
    col = QVBoxLayout(page)
    col.addWidget(QLabel("Tổng quan"))
    cards = QHBoxLayout()
    for caption in [
        "Đảng viên trong danh sách",
        "Đảng viên chính thức",
        "Đảng viên dự bị",
        "Miễn công tác và sinh hoạt đảng",
        "Sinh hoạt tạm thời nơi khác",
    ]:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        for text in ("27", caption):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        cards.addWidget(card)
    col.addLayout(cards)
    details = QGridLayout()
    top = Qt.AlignmentFlag.AlignTop
    details.addWidget(QLabel("Theo giới tính:"), 0, 0, top)
    details.addWidget(QLabel("Nam: 15\nNữ: 12"), 0, 1, top)
    details.addWidget(QLabel("Theo dân tộc:"), 0, 3, top)
    details.addWidget(QTableWidget(0, 2), 0, 4)
    col.addLayout(details)
    col.addWidget(QLabel("Cảnh báo và nhắc việc"))
    col.addWidget(QLabel("Không có cảnh báo nào."))
    findings = QTableView()
    findings.setModel(QStandardItemModel(0, 4))
    col.addWidget(findings)
    stack.addWidget(page)
    central = QWidget()
    row = QHBoxLayout(central)
    row.addWidget(sidebar)
    row.addWidget(stack, 1)
    window.setCentralWidget(central)
    window.statusBar().addWidget(QLabel("Chi bộ thôn Lũng Cú"))
    folder = QLabel("Thư mục dữ liệu: /tmp")
    folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.statusBar().addPermanentWidget(folder)
    keys = QAction(window)
    keys.setShortcut(QKeySequence(Qt.Key.Key_F1))
    window.addAction(keys)
    window.resize(1180, 760)
    window.show()
    QTimer.singleShot(0, lambda: _report(app, t0))
    app.exec()


def real(data_dir: Path, t0: float) -> None:
    """The real start path: the `sochibo` entry point with no arguments; window first, then data.

    Modules are imported in the program's own order (the window's after the command line is
    read): PySide reads the source of every module imported after it, so the order matters.
    """
    import app.cli  # what the `sochibo` launcher imports first, before any Qt module

    open_window = app.cli._run_gui
    times: dict[str, float] = {}

    def watched_open_window(folder: Path, lang: str | None, signed_file: Path | None) -> int:
        assert folder == data_dir, "XDG_DATA_HOME does not lead to the fixture"
        import app.ui.app as gui  # as `_run_gui` is about to

        launch = gui.launch
        timer = sys.modules["PySide6.QtCore"].QTimer

        def watched_launch(
            folder: Path, lang: str | None, open_file: Path | None = None
        ) -> gui.Startup:
            startup = launch(folder, lang, open_file)
            # Queued now, it runs on the event loop's first turn: the window is shown and
            # answering.
            timer.singleShot(0, lambda: interactive(startup))
            return startup

        def interactive(startup: gui.Startup) -> None:
            times["seconds"] = time.time() - t0
            wait_loaded(startup)

        def wait_loaded(startup: gui.Startup) -> None:
            jobs = startup.jobs
            if jobs.is_opening or not jobs.is_idle():
                timer.singleShot(1, lambda: wait_loaded(startup))
                return
            rss, peak = _rss_mb()
            loaded = time.time() - t0
            print(json.dumps({**times, "loaded_seconds": loaded, "rss_mb": rss, "peak_mb": peak}))
            startup.app.quit()

        gui.launch = watched_launch  # type: ignore[assignment]
        return open_window(folder, lang, signed_file)

    app.cli._run_gui = watched_open_window  # type: ignore[assignment]
    app.cli.main([])


def _report(app: object, t0: float) -> None:
    elapsed = time.time() - t0
    rss, peak = _rss_mb()
    print(json.dumps({"seconds": elapsed, "rss_mb": rss, "peak_mb": peak}), flush=True)
    app.quit()  # type: ignore[attr-defined]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kind, folder, start = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    if kind == "bare":
        bare(start)
    else:
        real(folder, start)
