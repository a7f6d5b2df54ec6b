"""The Party-document layout (thể thức văn bản của Đảng): a reusable, pure building block.

A document is a pure function: `render_document(...)` takes frozen data and returns PDF bytes.
Format per 36-HD/VPTW and 05-HD/VPTW (domain.md §9): A4, margins 20/20/30/15 mm, Times-metric
serif 14 pt; two-column header; type name and subject; body; "Nơi nhận" beside the signature.

Date line choice: the day always has two digits ("ngày 05", "ngày 20") and only January and
February get a leading zero ("tháng 01", "tháng 02", but "tháng 3", "tháng 11"), as the rule
in domain.md §9.2 states; the zero exists so "1" and "2" cannot be turned into "11" and "12".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports.decorations import CentredRule, PageMarks, markup, nfc
from app.reports.fonts import document_fonts
from app.reports.snapshots import DocumentHeader
from app.reports.styles import Align, DocumentStyles, document_styles, table_cell_style

__all__ = [
    "Align",
    "Block",
    "DocumentHeader",
    "HeadingBlock",
    "SignatureBlock",
    "SpacerBlock",
    "TableBlock",
    "TextBlock",
    "party_date",
    "party_date_line",
    "render_document",
]

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
CELL_ARCHIVE = "Lưu Chi bộ"

MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
_HEADER_LEFT_SHARE = 0.45
_SEPARATOR_LENGTH = 25 * mm
_SIGNATURE_SPACE = 24 * mm
_NOTE_SIZE = 10.5
HEADING_ROOM = 25 * mm  # a heading and about two lines or table rows after it


@dataclass(frozen=True)
class TextBlock:
    """A body paragraph; `lead` is an optional bold lead-in ("Thời gian:") before the text.

    `keep_with_next` keeps the paragraph on the same page as the block after it (a voted
    matter with its vote line).
    """

    text: str
    lead: str = ""
    align: Align = "justify"
    indent: bool = True
    bold: bool = False
    italic: bool = False
    keep_with_next: bool = False


@dataclass(frozen=True)
class HeadingBlock:
    """A numbered part heading, written with its number ("I. TÌNH HÌNH CHUNG").

    A heading is never left alone at the foot of a page: when less than `HEADING_ROOM` is left,
    it starts the next page (a table after it still splits, keeping its header row).
    """

    text: str


@dataclass(frozen=True)
class TableBlock:
    """A ruled table whose header row repeats on every page it spans.

    `weights` are relative column widths; `align` gives each column's alignment
    (all left when empty). Cell text wraps inside its column.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]
    align: tuple[Align, ...] = ()
    font_size: float = 12.0
    total_row: bool = False  # the last row is a total ("Tổng cộng"), set in bold


@dataclass(frozen=True)
class SpacerBlock:
    """Vertical space between blocks."""

    height_mm: float


Block = TextBlock | HeadingBlock | TableBlock | SpacerBlock


@dataclass(frozen=True, kw_only=True)
class SignatureBlock:
    """Who signs (thẩm quyền ký): up to two columns, each title, subtitle, space, name.

    Resolutions and reports of a cell: right_title "T/M CHI BỘ", right_subtitle "BÍ THƯ".
    Minutes: left_title "NGƯỜI GHI BIÊN BẢN", right_title "CHỦ TRÌ HỘI NGHỊ".
    `right_note` is a small line under the right name, e.g. the digital-signature note of a
    signed report ("Đã ký số: ... — Dấu vân tay khóa: ...").
    """

    left_title: str = ""
    left_name: str = ""
    right_title: str
    right_subtitle: str = ""
    right_name: str
    right_note: str = ""


def party_date(day: dt.date) -> str:
    """A date written out the Party way: "ngày 05 tháng 02 năm 2026" (see the module docstring)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def party_date_line(place: str, day: dt.date) -> str:
    """The place-date line: "Lũng Cú, ngày 05 tháng 02 năm 2026" (see the module docstring)."""
    return f"{nfc(place).strip()}, {party_date(day)}"


def render_document(
    header: DocumentHeader,
    title: str,
    subject: str,
    body: Sequence[Block],
    signature: SignatureBlock,
    recipients: Sequence[str] = (),
    archive: str = CELL_ARCHIVE,
) -> bytes:
    """Lay out one Party document and return the PDF bytes.

    `title` is the document type name (BÁO CÁO, BIÊN BẢN...; "" for none), `subject` the
    subject line (trích yếu). `recipients` are the "Nơi nhận" entries; `archive` is the last
    one ("Lưu Chi bộ"). With no recipients and `archive` "" the "Nơi nhận" block is left out
    (minutes carry none). All text is NFC-normalised and escaped; the output is byte-for-byte
    the same for the same input.
    """
    faces = document_fonts()
    styles = document_styles(faces)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        title=nfc(" ".join(part for part in (title, subject) if part)),
        creator="Sổ Chi bộ",
        invariant=True,
        initialFontName=faces.regular,
    )
    story: list[Flowable] = [_header_table(header, styles, doc.width)]
    story += _title_block(title, subject, styles)
    for block in body:
        if isinstance(block, HeadingBlock):
            story.append(CondPageBreak(HEADING_ROOM))
        story.append(_block_flowable(block, styles, doc.width))
    story.append(_closing(signature, [*recipients, archive], styles, doc.width))
    marks = PageMarks(faces, header.draft)
    doc.addPageTemplates(
        [
            PageTemplate("first", [_frame(doc)], marks.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [_frame(doc)], marks.later_pages),
        ]
    )
    doc.build(story)
    return buffer.getvalue()


def _frame(doc: BaseDocTemplate) -> Frame:
    # No frame padding: the margins of 05-HD are the text area's edges.
    return Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _header_table(header: DocumentHeader, styles: DocumentStyles, width: float) -> Table:
    left = width * _HEADER_LEFT_SHARE
    rule = CentredRule(
        stringWidth(PARTY_HEADING, styles.faces.bold, styles.party_heading.fontSize), above=3
    )
    number = Paragraph(markup(header.number), styles.header_left) if header.number.strip() else ""
    rows = [
        [
            Paragraph(markup(header.superior_body.upper()), styles.header_left),
            Paragraph(PARTY_HEADING, styles.party_heading),
        ],
        [Paragraph(markup(header.issuing_body.upper()), styles.header_left_bold), rule],
        [
            Paragraph("*", styles.header_left),
            Paragraph(markup(party_date_line(header.place, header.date)), styles.date_line),
        ],
        [number, ""],
    ]
    table = Table(rows, colWidths=[left, width - left])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), styles.faces.regular),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _title_block(title: str, subject: str, styles: DocumentStyles) -> list[Flowable]:
    parts: list[Flowable] = []
    if title.strip():
        parts.append(Paragraph(markup(title.upper()), styles.doc_type))
    if subject.strip():
        parts.append(Paragraph(markup(subject), styles.subject))
    if parts:
        # The short separator line under the subject (05-HD; absent from a công văn).
        parts.append(CentredRule(_SEPARATOR_LENGTH, thickness=0.6, above=7, below=2))
    parts.append(Spacer(1, 6 * mm))
    return parts


def _block_flowable(block: Block, styles: DocumentStyles, width: float) -> Flowable:
    if isinstance(block, TextBlock):
        return _text_paragraph(block, styles)
    if isinstance(block, HeadingBlock):
        return Paragraph(markup(block.text), styles.heading)
    if isinstance(block, TableBlock):
        return _table(block, styles, width)
    return Spacer(1, block.height_mm * mm)


def _text_paragraph(block: TextBlock, styles: DocumentStyles) -> Paragraph:
    text = markup(block.text)
    if block.bold:
        text = f"<b>{text}</b>"
    if block.italic:
        text = f"<i>{text}</i>"
    if block.lead:
        text = f"<b>{markup(block.lead)}</b> {text}"
    paragraph = Paragraph(text, styles.body_variant(block.align, block.indent))
    if block.keep_with_next:
        paragraph.keepWithNext = True
    return paragraph


def _table(block: TableBlock, styles: DocumentStyles, width: float) -> Table:
    columns = len(block.header)
    if len(block.weights) != columns or any(len(row) != columns for row in block.rows):
        raise ValueError("every table row needs one cell and one weight per header column")
    if block.align and len(block.align) != columns:
        raise ValueError("table alignment needs one entry per column")
    left: Align = "left"
    aligns = block.align or (left,) * columns
    head_style = table_cell_style(styles.faces, block.font_size, "centre", bold=True)
    cell_styles = [table_cell_style(styles.faces, block.font_size, a) for a in aligns]
    data: list[list[Flowable]] = [[Paragraph(markup(text), head_style) for text in block.header]]
    for row in block.rows:
        data.append([Paragraph(markup(text), cell_styles[i]) for i, text in enumerate(row)])
    if block.total_row and block.rows:
        bold_styles = [
            table_cell_style(styles.faces, block.font_size, a, bold=True) for a in aligns
        ]
        data[-1] = [
            Paragraph(markup(text), bold_styles[i]) for i, text in enumerate(block.rows[-1])
        ]
    total = sum(block.weights)
    table = Table(
        data, colWidths=[width * w / total for w in block.weights], repeatRows=1, hAlign="CENTER"
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), styles.faces.regular),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _closing(
    signature: SignatureBlock, recipients: Sequence[str], styles: DocumentStyles, width: float
) -> Flowable:
    """The end of the document, kept on one page: signatures and "Nơi nhận"."""
    half = width / 2
    right = _signature_column(signature.right_title, signature.right_subtitle, signature.right_name)
    right_cells: list[Flowable] = [Paragraph(markup(text), styles.signature) for text in right]
    if signature.right_note.strip():
        right_cells.append(Paragraph(markup(signature.right_note), _note_style(styles)))
    recipients_cells = _recipients(recipients, styles)
    name_at = -2 if signature.right_note.strip() else -1
    if not signature.left_title.strip():
        grid = _borderless(
            [[recipients_cells, _with_space(right_cells, name_at)]], [half, half], styles
        )
        return KeepTogether([Spacer(1, 4 * mm), grid])
    left = _signature_column(signature.left_title, "", signature.left_name)
    # Two signers side by side; give both columns the same rows so the names line up.
    if signature.right_subtitle.strip():
        left.insert(1, "")
    left_cells: list[Flowable] = [Paragraph(markup(text), styles.signature) for text in left]
    signers = _borderless(
        [[_with_space(left_cells), _with_space(right_cells, name_at)]], [half, half], styles
    )
    if not recipients_cells:
        return KeepTogether([Spacer(1, 4 * mm), signers])
    below = _borderless([[recipients_cells, ""]], [half, half], styles)
    return KeepTogether([Spacer(1, 4 * mm), signers, Spacer(1, 6 * mm), below])


def _note_style(styles: DocumentStyles) -> ParagraphStyle:
    return ParagraphStyle(
        "signature-note",
        parent=styles.recipient,
        fontName=styles.faces.italic,
        fontSize=_NOTE_SIZE,
        leading=_NOTE_SIZE * 1.25,
        alignment=TA_CENTER,
        spaceBefore=2,
    )


def _signature_column(title: str, subtitle: str, name: str) -> list[str]:
    return [text for text in (title.upper(), subtitle.upper()) if text.strip()] + [name]


def _with_space(cells: list[Flowable], names_at: int = -1) -> list[Flowable]:
    # The blank space where the signer signs, between the titles and the printed name.
    return [*cells[:names_at], Spacer(1, _SIGNATURE_SPACE), *cells[names_at:]]


def _recipients(recipients: Sequence[str], styles: DocumentStyles) -> list[Flowable]:
    entries = [nfc(text).strip().rstrip(";.").strip() for text in recipients]
    entries = [text for text in entries if text]
    if not entries:
        return []
    cells: list[Flowable] = [Paragraph("<u>Nơi nhận</u>:", styles.recipients_title)]
    for index, text in enumerate(entries):
        end = "." if index == len(entries) - 1 else ";"
        cells.append(Paragraph(f"- {markup(text)}{end}", styles.recipient))
    return cells


def _borderless(rows: list[list[object]], widths: list[float], styles: DocumentStyles) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Empty cells are drawn with the cell font; keep it Tinos so no other font
                # (reportlab's default Helvetica) ends up referenced in the PDF.
                ("FONTNAME", (0, 0), (-1, -1), styles.faces.regular),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
