"""Import members from a spreadsheet in four steps: file, columns, preview, result.

Reading the file, the preview and the import run through the job runner, so the window never
freezes on a large file. Nothing is written until the last step, and then all rows or none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.l10n import _, ngettext
from app.services.dto import Changes, ImportPreview, ImportSource
from app.services.errors import UserError, ValidationError
from app.services.facade import Services
from app.services.imports import IMPORT_FIELDS, commit, preview, read_source
from app.ui.context import UiContext
from app.ui.dialogs import show_error
from app.ui.screens.members.form_fields import ErrorLine
from app.ui.screens.members.import_model import ImportPreviewModel, preview_counts


class _AsyncPage(QWizardPage):
    """A page whose Next runs a job first and moves on only when it succeeds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.error = ErrorLine()
        self._ready = False
        self._busy = False

    def start(self) -> None:
        """Run the page's job (subclasses)."""
        raise NotImplementedError

    def validatePage(self) -> bool:
        if self._ready:
            self._ready = False
            return True
        if not self._busy:
            self.error.show_messages([])
            self._busy = True
            self.start()
        return False

    def finished(self) -> None:
        """The job succeeded: move on."""
        self._busy = False
        self._ready = True
        self.owner.next()

    def failed(self, error: BaseException) -> None:
        """User errors stay on the page, as text; anything else goes to the error dialog."""
        self._busy = False
        if isinstance(error, UserError) and not isinstance(error, ValidationError):
            self.error.show_messages([error.message])
        else:
            show_error(self, error)


class FilePage(_AsyncPage):
    """Step 1: the file to read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_("Step 1: choose the file"))
        self.setSubTitle(
            _("An Excel workbook (.xlsx) or a CSV file whose first row holds the column names.")
        )
        self.path = QLineEdit()
        label = QLabel(_("&File:"))
        label.setBuddy(self.path)
        browse = QPushButton(_("&Choose a file…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def browse(self) -> None:
        """Pick the file with the system dialog."""
        path, _chosen = QFileDialog.getOpenFileName(
            self,
            _("Choose the file to import"),
            self.path.text() or str(Path.home()),
            _("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.path.setText(path)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        self.owner.ctx.jobs.read(
            lambda _s: read_source(path),
            self._on_read,
            label=_("Reading the file…"),
            on_error=self.failed,
        )

    def _on_read(self, source: ImportSource) -> None:
        self.owner.source = source
        self.finished()


class MappingPage(_AsyncPage):
    """Step 2: which member field each column holds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_("Step 2: match the columns"))
        self.setSubTitle(_("For each column of the file, choose the member information it holds."))
        self.combos: list[QComboBox] = []
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.columns_area, 1)

    def initializePage(self) -> None:
        source = self.owner.source
        if source is not None:
            self.show_source(source, source.mapping)

    def show_source(self, source: ImportSource, mapping: dict[int, str]) -> None:
        """One row per column: its name in the file, a sample value and the field chosen."""
        holder = QWidget()
        grid = QGridLayout(holder)
        for column, title in enumerate((_("Column in the file"), _("Example"), _("Holds"))):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        self.combos = []
        for index, header in enumerate(source.headers):
            sample = next((r[index] for r in source.rows if index < len(r) and r[index]), "")
            combo = QComboBox()
            combo.addItem(_("— Skip —"), "")
            for name, label in IMPORT_FIELDS:
                combo.addItem(_(label), name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index, ""))))
            header_label = QLabel(header or _("(no name)"))
            header_label.setBuddy(combo)
            grid.addWidget(header_label, index + 1, 0)
            grid.addWidget(QLabel(sample[:40]), index + 1, 1)
            grid.addWidget(combo, index + 1, 2)
            self.combos.append(combo)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(source.headers) + 1, 1)
        # setWidget deletes the previous grid.
        self.columns_area.setWidget(holder)

    def mapping(self) -> dict[int, str]:
        """Column index -> member field, skipped columns left out."""
        chosen = {i: str(c.currentData()) for i, c in enumerate(self.combos)}
        return {i: name for i, name in chosen.items() if name}

    def start(self) -> None:
        source = self.owner.source
        assert source is not None
        mapping = self.mapping()
        self.owner.ctx.jobs.read(
            lambda s: preview(s, source, mapping),
            self._on_preview,
            label=_("Checking every row…"),
            on_error=self.failed,
        )

    def _on_preview(self, result: ImportPreview) -> None:
        self.owner.preview = result
        self.finished()


class PreviewPage(_AsyncPage):
    """Step 3: every row and its problems; Import only when every row is valid."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_("Step 3: check the rows"))
        self.setSubTitle(_("Nothing is saved until you press “Import”."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Import"))
        self.counts = QLabel()
        self.reason = ErrorLine()
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.reload_button = QPushButton(_("&Read the file again"))
        self.reload_button.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.show_preview(self.owner.preview)

    def show_preview(self, result: ImportPreview | None) -> None:
        """Show the rows, the counts and, when Import is disabled, why."""
        self.model.set_preview(result)
        self.table.resizeRowsToContents()
        self.counts.setText(preview_counts(result) if result else "")
        reasons: list[str] = []
        if result is not None and not result.rows:
            reasons.append(_("The file has no data rows to import."))
        elif result is not None and not result.can_commit:
            reasons.append(
                _(
                    "Import is not possible yet: correct the rows marked “Has errors” in the "
                    "file, save it, then press “Read the file again”. No row is imported "
                    "until every row is valid."
                )
            )
        self.reason.show_messages(reasons)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        result = self.owner.preview
        return result is not None and result.can_commit and not self._busy

    def reload(self) -> None:
        """Read the corrected file again with the same column choice."""
        source, mapping = self.owner.source, self.owner.mapping_page.mapping()
        if source is None:
            return
        self.owner.ctx.jobs.read(
            lambda s: _reread(s, source, mapping),
            self._on_reread,
            label=_("Reading the file…"),
            on_error=self.failed,
        )

    def _on_reread(self, result: tuple[ImportSource, ImportPreview | None]) -> None:
        source, checked = result
        self.owner.source = source
        if checked is None:
            # The columns changed: the user must match them again.
            self.owner.mapping_page.show_source(source, source.mapping)
            self.owner.back()
            self.owner.mapping_page.error.show_messages(
                [_("The columns of the file have changed. Please match them again.")]
            )
            return
        self.owner.preview = checked
        self.show_preview(checked)

    def start(self) -> None:
        result = self.owner.preview
        assert result is not None
        self.owner.ctx.jobs.write(
            lambda s: commit(s, result),
            self._on_committed,
            label=_("Importing the members…"),
            on_error=self.failed,
        )

    def _on_committed(self, changes: Changes) -> None:
        self.owner.imported = len(changes.ids)
        self.finished()


def _reread(
    services: Services, old: ImportSource, mapping: dict[int, str]
) -> tuple[ImportSource, ImportPreview | None]:
    source = read_source(Path(old.path))
    if source.headers != old.headers:
        return source, None
    return source, preview(services, source, mapping)


class DonePage(QWizardPage):
    """Step 4: what was imported."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Import finished"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        count = self.owner.imported
        self.summary.setText(
            ngettext(
                "{count} member was added to the register.",
                "{count} members were added to the register.",
                count,
            ).format(count=count)
        )


class ImportWizard(QWizard):
    """The import wizard; `set_path` lets a caller (or a test) skip the file dialog."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source: ImportSource | None = None
        self.preview: ImportPreview | None = None
        self.imported = 0
        self.setWindowTitle(_("Import members from a file"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        texts: dict[QWizard.WizardButton, Callable[[], str]] = {
            QWizard.WizardButton.NextButton: lambda: _("&Next >"),
            QWizard.WizardButton.BackButton: lambda: _("< &Back"),
            QWizard.WizardButton.FinishButton: lambda: _("&Finish"),
            QWizard.WizardButton.CancelButton: lambda: _("Cancel"),
        }
        for button, text in texts.items():
            self.setButtonText(button, text())
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.addPage(page)
        self.resize(900, 620)

    def set_path(self, path: Path) -> None:
        """Put a file path in step 1."""
        self.file_page.path.setText(str(path))
