"""Printing a PDF through Qt: the print dialog's choices, then each page drawn as an image.

The flow is dialog → printer → `PagePrinter`: `prepare_printer` sets A4 and the document's
orientation, the caller shows `QPrintDialog`, `chosen_pages` reads the pages and copies asked
for, and `PagePrinter` rasterises each page off the UI thread (through the job runner) and draws
it on the main thread, so the window never freezes. Tests drive `PagePrinter` with a QPrinter
writing a PDF file, because a modal print dialog cannot be answered offscreen.

Pages are drawn on the whole sheet (`setFullPage`), at their real size: a Party document's
margins (20/20/30/15 mm) are part of the PDF page and must not shrink to the printer's margins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.l10n import _
from app.services.errors import UserError
from app.ui.jobs import JobRunner
from app.ui.printing.pages import PdfPages, render_page

#: Higher resolutions would only cost memory and time: 300 dpi is already print quality.
MAX_PRINT_DPI = 300


class PrinterError(UserError):
    """The printer refused the job (offline, out of paper, no permission, ...)."""


def prepare_printer(printer: QPrinter, pages: PdfPages, title: str) -> None:
    """Set A4, the first page's orientation and whole-sheet drawing before the print dialog."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    landscape = pages.sizes[0].landscape
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)
    printer.setDocName(title)


def chosen_pages(printer: QPrinter, page_count: int, current: int = 0) -> list[int]:
    """The 0-based pages to print, in order, after the print dialog; copies included when
    the printer driver cannot make copies itself (then the program prints each one)."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        pages = [current]
    elif mode == QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        ranges = printer.pageRanges()
        pages = [i for i in range(page_count) if ranges.contains(i + 1)]
    else:
        pages = list(range(page_count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _copy in range(copies)]


def print_dpi(printer: QPrinter) -> int:
    """The resolution pages are rasterised at: the printer's own, at most 300 dpi."""
    return max(72, min(MAX_PRINT_DPI, printer.resolution()))


def fitted_rect(image: QImage, sheet: QRectF) -> QRectF:
    """Where an image of a page goes on the sheet: as large as fits, centred, undistorted."""
    size = QSizeF(image.size())
    size.scale(sheet.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = sheet.left() + (sheet.width() - size.width()) / 2
    top = sheet.top() + (sheet.height() - size.height()) / 2
    return QRectF(left, top, size.width(), size.height())


class PagePrinter:
    """Prints chosen pages of a PDF on a configured printer, one page at a time.

    `start()` raises `PrinterError` when the printer cannot begin. Then each page is rendered
    by `jobs.run` and drawn when it arrives; `on_finished(printed_count)` runs after the last
    page, or `on_error(error)` when a page cannot be rendered or the printer fails midway (the
    job is then aborted; the document itself is untouched).
    """

    def __init__(
        self,
        jobs: JobRunner,
        printer: QPrinter,
        pages: PdfPages,
        order: Sequence[int],
        on_finished: Callable[[int], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._jobs = jobs
        self._printer = printer
        self._pages = pages
        self._order = list(order)
        self._on_finished = on_finished
        self._on_error = on_error
        self._painter = QPainter()
        self._done = 0
        self._dpi = print_dpi(printer)

    def start(self) -> None:
        """Begin the print job and ask for the first page."""
        if not self._order:
            raise PrinterError(_("No page was chosen. Choose the pages to print and try again."))
        if not self._painter.begin(self._printer):
            raise _printer_failed()
        self._next()

    def _next(self) -> None:
        index = self._order[self._done]
        data, dpi = self._pages.data, self._dpi
        self._jobs.run(
            lambda: render_page(data, index, dpi),
            self._draw,
            label=_("Printing page {page} of {count}…").format(
                page=self._done + 1, count=len(self._order)
            ),
            on_error=self._fail,
        )

    def _draw(self, image: QImage) -> None:
        if self._done > 0 and not self._printer.newPage():
            self._fail(_printer_failed())
            return
        sheet = self._printer.paperRect(QPrinter.Unit.DevicePixel)
        self._painter.drawImage(fitted_rect(image, sheet), image)
        self._done += 1
        if self._done < len(self._order):
            self._next()
            return
        if not self._painter.end():
            self._on_error(_printer_failed())
            return
        self._on_finished(self._done)

    def _fail(self, error: BaseException) -> None:
        self._printer.abort()
        if self._painter.isActive():
            self._painter.end()
        self._on_error(error)


def _printer_failed() -> PrinterError:
    return PrinterError(
        _(
            "The printer could not print. Check that it is switched on, connected and has "
            "paper, then press “Print…” again. The document is still here."
        )
    )
