"""The print preview (xem trước khi in): every page of a document, zoom, print and save as PDF.

Pages are rasterised lazily, only those in view and their neighbours, and pages scrolled far
away are released, so a long document at a high zoom keeps a few page images in memory, not all
of them. Closing the dialog releases every image and deletes the dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPixmap, QShortcut, QWheelEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, ngettext
from app.ui.dialogs import show_error
from app.ui.jobs import JobRunner
from app.ui.printing.page_view import PageStrip
from app.ui.printing.pages import POINTS_PER_INCH, PdfPages, render_page
from app.ui.printing.printer import PagePrinter, PrinterError, chosen_pages, prepare_printer

#: Zoom steps in percent of the real size; 300 % keeps one page image under ~25 MB.
ZOOM_STEPS = (25, 33, 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300)
#: From a fitted zoom of 112 %, "zoom out" must not stop at 110 %: a step that small is unseen.
MIN_ZOOM_CHANGE = 0.05
#: Pages rendered beyond those in view, so scrolling on shows a page at once.
PRELOAD_PAGES = 1
#: Pages kept beyond those in view before their images are released.
KEEP_PAGES = 3
#: Coalesces the bursts of scroll events into one look at what is in view.
RENDER_DELAY_MS = 30


def _write_pdf(path: Path, data: bytes) -> None:
    # Imported on the worker at first use: the exports module loads openpyxl, which the
    # window's cold start must not pay for (the members screen does the same).
    from app.services.exports import write_bytes_atomic

    write_bytes_atomic(path, data)


class PrintPreviewDialog(QDialog):
    """Shows every page of a PDF, with zoom, "In…" (print) and "Lưu PDF…" (save as PDF)."""

    def __init__(
        self,
        parent: QWidget | None,
        jobs: JobRunner,
        title: str,
        pages: PdfPages,
        suggested_name: str,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Preview: {title}").format(title=title))
        self.pages = pages
        self._jobs = jobs
        self._title = title
        self._suggested_name = suggested_name
        self._percent = 100.0
        self._fit_width = True
        self._busy = False
        self._closed = False
        self._printing: PagePrinter | None = None
        self._pending: dict[int, float] = {}  # page -> dpi of the render on its way
        self._render_failed = False
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render_visible)
        self._build()
        self._connect()
        self._size_to_screen()
        self._set_zoom(100.0, fit=True)  # fitted to the width once the window has its size

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.zoom_out_button = QPushButton(_("Zoom o&ut"))
        self.zoom_label = QLabel()
        self.zoom_in_button = QPushButton(_("Zoom &in"))
        self.fit_button = QPushButton(_("Fit &width"))
        self.page_label = QLabel()
        self.strip = PageStrip(self.pages.sizes)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.strip)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setBackgroundRole(self.palette().ColorRole.Dark)
        # Always shown: a scroll bar appearing on a zoom change would change the fitted width.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(_("&Print…"))
        self.save_button = QPushButton(_("&Save as PDF…"))
        self.close_button = QPushButton(_("Close"))
        self.print_button.setDefault(True)
        top = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            top.addWidget(widget)
        top.addWidget(self.fit_button)
        top.addStretch(1)
        top.addWidget(self.page_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.choose_save_path)
        self.close_button.clicked.connect(self.reject)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.scroll_area.viewport().installEventFilter(self)
        shortcuts = (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width),
        )
        for key, slot in shortcuts:
            QShortcut(key, self, slot)

    def _size_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(960, screen.width() - 40), screen.height() - 80)

    # -- state for callers and tests ---------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.pages.count

    @property
    def zoom_percent(self) -> float:
        """The zoom in percent of the page's real size."""
        return self._percent

    def page_pixel_size(self, index: int) -> QSize:
        """The on-screen size of page `index` at the current zoom."""
        return self.strip.pages[index].size()

    def rendered_pages(self) -> list[int]:
        """The pages whose image is currently held in memory."""
        return [i for i, view in enumerate(self.strip.pages) if view.has_image()]

    def current_page(self) -> int:
        """The 0-based page in view (the one under the upper third of the viewport)."""
        bar = self.scroll_area.verticalScrollBar()
        return self.strip.page_at(bar.value() + self.scroll_area.viewport().height() // 3)

    # -- zoom --------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        """The next larger zoom step (Ctrl++)."""
        larger = [step for step in ZOOM_STEPS if step > self._percent * (1 + MIN_ZOOM_CHANGE)]
        self._set_zoom(larger[0] if larger else ZOOM_STEPS[-1], fit=False)

    def zoom_out(self) -> None:
        """The next smaller zoom step (Ctrl+−)."""
        smaller = [step for step in ZOOM_STEPS if step < self._percent * (1 - MIN_ZOOM_CHANGE)]
        self._set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0], fit=False)

    def fit_width(self) -> None:
        """Zoom so the widest page fills the window's width (Ctrl+0), also after resizing."""
        widest = max(size.width for size in self.pages.sizes)
        available = self.scroll_area.viewport().width() - 2 * self.strip.margin
        percent = available / (widest * self._pixels_per_point(100.0)) * 100
        self._set_zoom(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], percent)), fit=True)

    def _pixels_per_point(self, percent: float) -> float:
        return percent / 100 * self.logicalDpiX() / POINTS_PER_INCH

    def _set_zoom(self, percent: float, *, fit: bool) -> None:
        bar = self.scroll_area.verticalScrollBar()
        anchor = bar.value() / max(1, self.strip.height())
        self._fit_width = fit
        self._percent = percent
        self.strip.set_scale(self._pixels_per_point(percent))
        bar.setValue(round(anchor * self.strip.height()))
        self.zoom_label.setText(f"{round(percent)} %")
        self.zoom_in_button.setEnabled(percent < ZOOM_STEPS[-1])
        self.zoom_out_button.setEnabled(percent > ZOOM_STEPS[0])
        self._update_page_label()
        self._render_timer.start()

    # -- lazy rendering ----------------------------------------------------------------------

    def _on_scrolled(self) -> None:
        self._update_page_label()
        self._render_timer.start()

    def _update_page_label(self) -> None:
        self.page_label.setText(
            _("Page {current}/{total}").format(
                current=self.current_page() + 1, total=self.page_count
            )
        )

    def _visible_pages(self) -> range:
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height() - 1
        shown = [
            i
            for i in range(self.page_count)
            if self.strip.page_span(i)[0] <= bottom and self.strip.page_span(i)[1] >= top
        ]
        return range(shown[0], shown[-1] + 1) if shown else range(0)

    def _render_visible(self) -> None:
        if self._closed:
            return
        visible = self._visible_pages()
        if not visible:
            return
        dpi = self.strip.scale * POINTS_PER_INCH * self.devicePixelRatioF()
        wanted = range(max(0, visible.start - PRELOAD_PAGES), visible.stop + PRELOAD_PAGES)
        keep = range(visible.start - KEEP_PAGES, visible.stop + KEEP_PAGES)
        for index, view in enumerate(self.strip.pages):
            if index not in keep:
                view.clear()
            elif index in wanted and view.image_dpi != dpi and self._pending.get(index) != dpi:
                self._request(index, dpi)

    def _request(self, index: int, dpi: float) -> None:
        self._pending[index] = dpi
        data = self.pages.data
        self._jobs.run(
            lambda: render_page(data, index, dpi),
            lambda image: self._rendered(index, dpi, image),
            label=_("Preparing the preview…"),
            on_error=self._render_error,
        )

    def _rendered(self, index: int, dpi: float, image: QImage) -> None:
        # The dialog may have closed (and its widgets gone) while the page was rendering.
        if self._closed:
            return
        if self._pending.get(index) == dpi:
            del self._pending[index]
        if dpi != self.strip.scale * POINTS_PER_INCH * self.devicePixelRatioF():
            return  # zoomed meanwhile: the render for the new zoom is on its way
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.strip.pages[index].set_image(pixmap, dpi)

    def _render_error(self, error: BaseException) -> None:
        if self._closed or self._render_failed:
            return
        self._render_failed = True  # one message, not one per page
        show_error(self, error)

    # -- printing and saving -----------------------------------------------------------------

    def print_document(self) -> None:
        """Ask for the printer and pages in the print dialog, then print ("In…")."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.pages, self._title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the pages chosen on `printer` (configured by the print dialog or a test)."""
        order = chosen_pages(printer, self.page_count, self.current_page())
        run = PagePrinter(self._jobs, printer, self.pages, order, self._printed, self._failed)
        try:
            run.start()
        except PrinterError as error:  # the printer refused to start: say so, keep the preview
            show_error(self, error)
            return
        self._printing = run
        self._set_busy(True, _("Printing…"))

    def _printed(self, count: int) -> None:
        self._printing = None
        self._set_busy(False)
        self.status.setText(
            ngettext(
                "{count} page was sent to the printer.",
                "{count} pages were sent to the printer.",
                count,
            ).format(count=count)
        )

    def _failed(self, error: BaseException) -> None:
        self._printing = None
        self._set_busy(False, "")
        show_error(self, error)

    def choose_save_path(self) -> None:
        """Ask where to save the document as a PDF file ("Lưu PDF…"), then save it."""
        default = str(Path.home() / self._suggested_name)
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), default, _("PDF document (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        self.save_to(target)

    def save_to(self, path: Path) -> None:
        """Write the original PDF bytes to `path`, whole or not at all, off the UI thread."""
        data = self.pages.data
        self._set_busy(True, _("Saving…"))
        self._jobs.run(
            lambda: _write_pdf(path, data),
            lambda _result: self._saved(path),
            label=_("Saving the PDF file…"),
            on_error=self._failed,
        )

    def _saved(self, path: Path) -> None:
        self._set_busy(False)
        self.status.setText(_("Saved to {path}.").format(path=str(path)))

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        # While the printer or the disk is being written, closing would drop the work.
        self._busy = busy
        for button in (self.print_button, self.save_button, self.close_button):
            button.setEnabled(not busy)
        if text is not None:
            self.status.setText(text)

    # -- closing -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-fit on resize; Ctrl + mouse wheel zooms like the keyboard shortcuts."""
        if watched is self.scroll_area.viewport():
            if event.type() == QEvent.Type.Resize and self._fit_width:
                QTimer.singleShot(0, self._refit)
            elif (
                isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
                return True
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        if not self._closed and self._fit_width:
            self.fit_width()

    def done(self, result: int) -> None:
        """Close unless printing or saving is under way; release every page image."""
        if self._busy:
            return
        self._closed = True
        self._render_timer.stop()
        for view in self.strip.pages:
            view.clear()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
