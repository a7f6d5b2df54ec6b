"""The bundled Tinos family: a Times New Roman-metric serif with full Vietnamese coverage.

Party documents are set in Times New Roman (36-HD/VPTW Phụ lục 3). Tinos has the same metrics
and is free to redistribute (SIL OFL), so it is bundled and embedded in every PDF.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

FAMILY = "Tinos"


@dataclass(frozen=True)
class FontFaces:
    """The registered face names of one family, as reportlab knows them."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


_FACES = FontFaces(
    regular=FAMILY,
    bold=f"{FAMILY}-Bold",
    italic=f"{FAMILY}-Italic",
    bold_italic=f"{FAMILY}-BoldItalic",
)

_FILES = {
    _FACES.regular: "Tinos-Regular.ttf",
    _FACES.bold: "Tinos-Bold.ttf",
    _FACES.italic: "Tinos-Italic.ttf",
    _FACES.bold_italic: "Tinos-BoldItalic.ttf",
}


@functools.cache
def document_fonts() -> FontFaces:
    """Register the Tinos family with reportlab (once per process) and return its face names.

    The family mapping lets <b> and <i> in Paragraph markup pick the right face.
    """
    folder = resources_dir() / "fonts"
    for face, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(face, str(folder / filename)))
    addMapping(FAMILY, 0, 0, _FACES.regular)
    addMapping(FAMILY, 1, 0, _FACES.bold)
    addMapping(FAMILY, 0, 1, _FACES.italic)
    addMapping(FAMILY, 1, 1, _FACES.bold_italic)
    return _FACES
