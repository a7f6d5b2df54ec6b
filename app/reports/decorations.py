"""Small drawing pieces shared by every Party document: text clean-up, rules, page marks.

Page numbers: 05-HD/VPTW (domain.md §9.5) numbers the pages after the first; like the
Nghị định 30 state format, the number is centred in the top margin, 14 pt upright, so page 1
carries none.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate

from app.reports.fonts import FontFaces

DRAFT_MARK = "DỰ THẢO"

_PAGE_NUMBER_SIZE = 14
_PAGE_NUMBER_FROM_TOP = 12 * mm
_DRAFT_BOX_SIZE = 12
_WATERMARK_SIZE = 96
_WATERMARK_GREY = 0.88


def nfc(text: str) -> str:
    """Compose decomposed Vietnamese (NFD) so tone marks sit on the right letter."""
    return unicodedata.normalize("NFC", text)


def markup(text: str) -> str:
    """User text made safe for Paragraph markup: NFC, <, > and & escaped, newlines kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


def format_count(value: int) -> str:
    """An integer grouped the Vietnamese way (1.234), whatever the UI language."""
    return f"{value:,}".replace(",", ".")


class CentredRule(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A solid horizontal line of a fixed length, centred in the space it is given."""

    def __init__(
        self, length: float, thickness: float = 0.7, above: float = 2.0, below: float = 2.0
    ) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.above = above
        self.below = below
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.above + self.thickness + self.below

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        y = self.below + self.thickness / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, y, x + self.length, y)


@dataclass(frozen=True)
class PageMarks:
    """What is drawn on each page besides the flowing content."""

    faces: FontFaces
    draft: bool

    def first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Page 1: no number; drafts get the watermark and a boxed "DỰ THẢO" top left."""
        if self.draft:
            self._watermark(canvas, doc)
            self._draft_box(canvas, doc)

    def later_pages(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Pages 2 onwards: the page number centred in the top margin (and the watermark)."""
        if self.draft:
            self._watermark(canvas, doc)
        canvas.saveState()
        canvas.setFont(self.faces.regular, _PAGE_NUMBER_SIZE)
        centre = doc.leftMargin + doc.width / 2
        canvas.drawCentredString(
            centre, doc.pagesize[1] - _PAGE_NUMBER_FROM_TOP, str(canvas.getPageNumber())
        )
        canvas.restoreState()

    def _watermark(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Drawn before the page content, in light grey, so the text stays readable over it.
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFillGray(_WATERMARK_GREY)
        canvas.setFont(self.faces.bold, _WATERMARK_SIZE)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -_WATERMARK_SIZE / 3, DRAFT_MARK)
        canvas.restoreState()

    def _draft_box(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        pad = 3.0
        text_width = canvas.stringWidth(DRAFT_MARK, self.faces.bold, _DRAFT_BOX_SIZE)
        x = doc.leftMargin
        y = doc.pagesize[1] - doc.topMargin / 2 - _DRAFT_BOX_SIZE / 2
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.rect(x, y - pad - 2, text_width + 2 * pad, _DRAFT_BOX_SIZE + 2 * pad)
        canvas.setFont(self.faces.bold, _DRAFT_BOX_SIZE)
        canvas.drawString(x + pad, y, DRAFT_MARK)
        canvas.restoreState()
