"""Qt's own texts (OK, Cancel, Yes, No, the line-edit context menu, ...) through our catalog.

Qt ships no Vietnamese catalog, so without this the secretary would see English buttons in
every dialog. The translator answers Qt's `translate(context, text)` calls with the catalog's
`pgettext(context, text)`; the Vietnamese lives in i18n/vi/LC_MESSAGES/ui_a.po with the Qt
context as msgctxt. `QT_STRINGS` lists what we translate (a test checks each one).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from app.l10n import pgettext

_STANDARD_BUTTONS = (
    "OK", "Save", "Save All", "Open", "&Yes", "Yes to &All", "&No", "N&o to All", "Abort",
    "Retry", "Ignore", "Close", "Cancel", "Discard", "Help", "Apply", "Reset",
    "Restore Defaults",
)  # fmt: skip
_EDIT_MENU = ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All")
_FILE_DIALOG = (
    "&Look in:", "File &name:", "Files of &type:", "&Open", "&Save", "Open", "Save As",
    "All Files (*)", "Back", "Forward", "Parent Directory", "Create New Folder",
    "Create a New Folder", "&New Folder", "Detail View", "List View", "&Delete", "&Rename",
    "Show &hidden files", "Go back", "Go forward", "Go to the parent directory",
    "Change to detail view mode", "Change to list view mode", "Files", "Sidebar",
    "List of places and bookmarks", "&Choose", "Directory:", "New Folder",
    "Recent Places", "My Computer",
)  # fmt: skip
_FILE_MODEL = ("Name", "Size", "Type", "Date Modified", "Computer")

#: (Qt context, Qt source text) pairs that the catalog translates.
QT_STRINGS: tuple[tuple[str, str], ...] = (
    *(("QPlatformTheme", text) for text in _STANDARD_BUTTONS),
    *(("QLineEdit", text) for text in _EDIT_MENU),
    *(("QWidgetTextControl", text) for text in _EDIT_MENU),
    ("QAbstractSpinBox", "&Step up"),
    ("QAbstractSpinBox", "Step &down"),
    ("QMessageBox", "Show Details..."),
    ("QMessageBox", "Hide Details..."),
    ("QProgressDialog", "Cancel"),
    ("QWizard", "< &Back"),
    ("QWizard", "&Next >"),
    ("QWizard", "&Next"),
    ("QWizard", "&Finish"),
    ("QWizard", "Cancel"),
    ("QWizard", "&Help"),
    ("QWizard", "Go Back"),
    ("QWizard", "Continue"),
    ("QWizard", "Commit"),
    ("QWizard", "Done"),
    *(("QFileDialog", text) for text in _FILE_DIALOG),
    *(("QFileSystemModel", text) for text in _FILE_MODEL),
    ("QAbstractFileIconProvider", "Folder"),
    ("QAbstractFileIconProvider", "Drive"),
    ("QAbstractFileIconProvider", "File"),
)


#: Calls made to detect the PySide6 reference-count bug (see `install_translator`).
_PROBE_CALLS = 50


class CatalogTranslator(QTranslator):
    """A QTranslator that reads our gettext catalog instead of a .qm file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Set by `install_translator` where PySide6's None bug shows: gives None a reference.
        self.give_back_none: Callable[[], object] | None = None

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        """Our translation of Qt's text, or Qt's own (English) text when we have none.

        Returning None ("no translation") from a Python override is not safe in PySide6, and
        "" would blank the text out; the source text is what Qt would show anyway.
        """
        if disambiguation is None and self.give_back_none is not None:
            # PySide6 6.12 hands a null disambiguation over as None without taking a
            # reference, then releases one: give it back, or None is freed and Python aborts.
            self.give_back_none()
        return pgettext(context, source_text)

    def isEmpty(self) -> bool:
        return False


def install_translator(app: QCoreApplication) -> CatalogTranslator:
    """Install the catalog translator on `app`, guarding against PySide6's None bug.

    The bug is measured rather than assumed, so a fixed PySide6 needs no change here.
    """
    translator = CatalogTranslator(app)
    app.installTranslator(translator)
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        QCoreApplication.translate("SoChiBo", "probe")
    lost = before - sys.getrefcount(None)
    if lost >= _PROBE_CALLS:
        # Imported only where the bug shows (None is immortal from Python 3.12 on, so the
        # count cannot drop there): ctypes costs about 4 ms of start-up.
        import ctypes

        give_back = functools.partial(ctypes.pythonapi.Py_IncRef, ctypes.py_object(None))
        translator.give_back_none = give_back
        for _ in range(lost):
            give_back()
    return translator
