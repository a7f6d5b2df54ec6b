"""Paragraph styles of a Party document (36-HD/VPTW Phụ lục 3 typography, domain.md §9.4)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports.fonts import FontFaces

Align = Literal["left", "centre", "right", "justify"]

_ALIGNMENTS: dict[Align, int] = {
    "left": TA_LEFT,
    "centre": TA_CENTER,
    "right": TA_RIGHT,
    "justify": TA_JUSTIFY,
}

BODY_SIZE = 14
BODY_LEADING = 18.5  # exact line spacing of about 18-19 pt (05-HD, §9.5)
FIRST_LINE_INDENT = 10 * mm


@dataclass(frozen=True)
class DocumentStyles:
    """Every paragraph style the layout uses, built once for a font family."""

    faces: FontFaces
    header_left: ParagraphStyle
    header_left_bold: ParagraphStyle
    party_heading: ParagraphStyle
    date_line: ParagraphStyle
    doc_type: ParagraphStyle
    subject: ParagraphStyle
    body: ParagraphStyle
    heading: ParagraphStyle
    signature: ParagraphStyle
    recipients_title: ParagraphStyle
    recipient: ParagraphStyle

    def body_variant(self, align: Align, indent: bool) -> ParagraphStyle:
        """The body style with another alignment or without the first-line indent."""
        return _body_variant(self.body, align, indent)


@functools.cache
def _body_variant(body: ParagraphStyle, align: Align, indent: bool) -> ParagraphStyle:
    # Made once per document style and kept: a new style per paragraph was measurable in the
    # minutes benchmark. reportlab never changes a style it is given.
    return ParagraphStyle(
        f"body-{align}-{indent}",
        parent=body,
        alignment=_ALIGNMENTS[align],
        firstLineIndent=FIRST_LINE_INDENT if indent else 0,
    )


def _style(name: str, font: str, size: float, align: Align, **extra: float) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=extra.pop("leading", size * 1.2),
        alignment=_ALIGNMENTS[align],
        **extra,
    )


@functools.cache
def document_styles(faces: FontFaces) -> DocumentStyles:
    """The styles of a Party document set in `faces` (Tinos)."""
    body = _style(
        "body",
        faces.regular,
        BODY_SIZE,
        "justify",
        leading=BODY_LEADING,
        firstLineIndent=FIRST_LINE_INDENT,
        spaceAfter=3,
    )
    return DocumentStyles(
        faces=faces,
        header_left=_style("header-left", faces.regular, 14, "centre"),
        header_left_bold=_style("header-left-bold", faces.bold, 14, "centre"),
        party_heading=_style("party-heading", faces.bold, 15, "centre"),
        date_line=_style("date-line", faces.italic, 14, "centre", spaceBefore=4),
        doc_type=_style("doc-type", faces.bold, 16, "centre", spaceBefore=18, spaceAfter=4),
        subject=_style("subject", faces.bold, 14, "centre", leading=17),
        body=body,
        heading=ParagraphStyle(
            "heading", parent=body, fontName=faces.bold, alignment=TA_LEFT, spaceBefore=4
        ),
        signature=_style("signature", faces.bold, 14, "centre"),
        recipients_title=_style("recipients-title", faces.bold_italic, 14, "left"),
        recipient=_style("recipient", faces.regular, 12, "left", leading=14),
    )


@functools.cache
def table_cell_style(
    faces: FontFaces, size: float, align: Align, bold: bool = False
) -> ParagraphStyle:
    """The style of a table cell: `size` pt with tight leading so long names wrap neatly."""
    font = faces.bold if bold else faces.regular
    return _style(f"cell-{size}-{align}-{bold}", font, size, align, leading=size * 1.2)
