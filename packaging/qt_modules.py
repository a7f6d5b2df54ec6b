"""The Qt modules the program imports, read from its source: what every build must ship.

Both builds cut Qt down to what the program uses (PyInstaller's excludes in sochibo.spec, the
pruning of the Windows image in prune_windows.py). A fixed list there went stale once: the print
preview started importing QtPrintSupport and the frozen builds silently lost it. Reading the
imports from app/ keeps the two in step with the code.
"""

from __future__ import annotations

import re
from pathlib import Path

#: `from PySide6.QtX import ...` and `import PySide6.QtX`.
_DOTTED = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)", re.MULTILINE)
#: `from PySide6 import QtX, QtY` (one line).
_FROM_PACKAGE = re.compile(r"^\s*from\s+PySide6\s+import\s+([\w ,]+)$", re.MULTILINE)


def used_qt_modules(app_dir: Path) -> set[str]:
    """The names of the Qt modules (e.g. "QtWidgets") imported anywhere under `app_dir`."""
    used: set[str] = set()
    for path in app_dir.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used.update(_DOTTED.findall(text))
        for names in _FROM_PACKAGE.findall(text):
            used.update(n.strip() for n in names.split(",") if n.strip().startswith("Qt"))
    if not {"QtCore", "QtGui", "QtWidgets"} <= used:
        raise SystemExit(f"{app_dir}: found no Qt imports, is this the program's folder?")
    return used
