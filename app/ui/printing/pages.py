"""PDF pages as images, through PDFium (pypdfium2), for the preview and for printing.

Qt's own PDF module is not part of PySide6-Essentials, so pages are rasterised with PDFium.
PDFium is not thread-safe, not even across different documents: every call into it runs under
one process-wide lock, and every PDFium object is closed explicitly inside that lock, because a
finaliser run later by the garbage collector would call PDFium from whatever thread it is on.
Each render opens the document from its bytes: parsing our small documents costs a few
milliseconds and no PDFium object outlives the call, so a closed preview leaves nothing behind.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2
from PySide6.QtGui import QImage

from app.l10n import _
from app.services.errors import UserError

#: PDF user space unit: 1/72 inch.
POINTS_PER_INCH = 72.0

_PDFIUM_LOCK = threading.Lock()


class DamagedPdfError(UserError):
    """The PDF bytes cannot be read (a damaged or unfinished document)."""


@dataclass(frozen=True)
class PageSize:
    """A page's size in PDF points (1/72 inch)."""

    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass(frozen=True)
class PdfPages:
    """A rendered PDF document: its original bytes and the size of each page."""

    data: bytes
    sizes: tuple[PageSize, ...]

    @property
    def count(self) -> int:
        return len(self.sizes)


def _damaged() -> DamagedPdfError:
    return DamagedPdfError(
        _(
            "The document could not be shown: the PDF is damaged or incomplete. "
            "Please create the document again."
        )
    )


def read_pages(data: bytes) -> PdfPages:
    """Measure every page of `data`; raise `DamagedPdfError` when it is not a readable PDF."""
    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise _damaged() from error
        try:
            sizes = []
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                page.close()
                sizes.append(PageSize(width, height))
        except pypdfium2.PdfiumError as error:
            raise _damaged() from error
        finally:
            document.close()
    if not sizes:
        raise _damaged()
    return PdfPages(data, tuple(sizes))


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    """Rasterise page `index` (0-based) of `data` at `dpi`, as an image that owns its pixels.

    Safe to call from a worker thread (QImage is reentrant); raises `DamagedPdfError`.
    """
    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise _damaged() from error
        try:
            page = document[index]
            try:
                # Default pixel format: 3-byte BGR, the smallest PDFium offers in colour.
                bitmap = page.render(scale=dpi / POINTS_PER_INCH)
                try:
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_BGR888,
                    ).copy()  # detach from PDFium's buffer before the bitmap is closed
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pypdfium2.PdfiumError as error:
            raise _damaged() from error
        finally:
            document.close()
    return image
