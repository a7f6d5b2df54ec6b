"""Read PDFs back with pypdf: text lines, text placed in the top margin, fonts."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from pypdf import PageObject, PdfReader

A4_HEIGHT = 841.89
TOP_MARGIN = 20 * 72 / 25.4


@dataclass(frozen=True)
class PlacedText:
    """One run of text drawn on a page and the height of its baseline (points from bottom)."""

    text: str
    y: float


def pdf_lines(data: bytes) -> list[list[str]]:
    """The text of every page as stripped, non-empty lines."""
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line])
    return pages


def placed_texts(page: PageObject) -> list[PlacedText]:
    """Every text run on `page` with its baseline height in page coordinates."""
    found: list[PlacedText] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(PlacedText(text.strip(), y))

    page.extract_text(visitor_text=visit)
    return found


def top_margin_texts(data: bytes) -> list[list[str]]:
    """Per page, the text drawn inside the 20 mm top margin."""
    reader = PdfReader(io.BytesIO(data))
    return [
        [item.text for item in placed_texts(page) if item.y > A4_HEIGHT - TOP_MARGIN]
        for page in reader.pages
    ]


def font_names(data: bytes) -> set[tuple[str, bool]]:
    """(BaseFont, embedded?) of every font any page refers to."""
    reader = PdfReader(io.BytesIO(data))
    fonts: set[tuple[str, bool]] = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add((str(font["/BaseFont"]), embedded))
    return fonts


@dataclass(frozen=True)
class PdfTools:
    """The readers above, handed to tests as one fixture."""

    lines: Callable[[bytes], list[list[str]]] = pdf_lines
    top_margin: Callable[[bytes], list[list[str]]] = top_margin_texts
    fonts: Callable[[bytes], set[tuple[str, bool]]] = font_names
