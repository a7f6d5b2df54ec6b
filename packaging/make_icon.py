"""Draw the program icon: a red record book with a yellow star on its cover.

    uv run python packaging/make_icon.py     -> resources/icons/sochibo.png (256 px)
                                                resources/icons/sochibo.ico (16-256 px)

Both files are committed; run this again only when the drawing changes. Deliberately not any
official emblem: a book (spine, cream page edges, title lines) so that it reads as a record
book and not as a flag. Each size is drawn on its own, with the edges on whole pixels and less
detail the smaller it is (no title lines or spine bands below 32 px), and
super-sampled 8 times before it is shrunk. The .ico holds BMP images up to 128 px and a PNG one
at 256 px, the layout that every Windows version, NSIS and PyInstaller read.
"""

from __future__ import annotations

import io
import math
import struct
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SUPERSAMPLE = 8

COVER = (196, 22, 28)  # the red of the cover
SPINE = (140, 12, 20)  # darker red: the spine and the cover's outline
PAGES = (250, 240, 214)  # cream page block
PAGE_LINES = (205, 188, 150)
GOLD = (255, 205, 0)  # the star and the title lines


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """A regular five-pointed star, one point straight up."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int) -> Image.Image:
    """The icon at `size` × `size` pixels, RGBA with a transparent background."""
    scale = SUPERSAMPLE * size / 256  # the drawing is laid out on a 256 grid

    def px(value: float) -> float:
        # Edges on whole pixels of the final size, so small icons stay sharp.
        return round(value * size / 256) * SUPERSAMPLE

    def band(y: float, height: float) -> tuple[float, float]:
        # A horizontal band at least one final pixel high.
        return px(y), max(px(y) + SUPERSAMPLE, px(y + height))

    canvas = Image.new("RGBA", (size * SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    pen = ImageDraw.Draw(canvas)
    radius = max(1.0, 14 * scale)
    left, top, right, bottom = px(36), px(16), px(212), px(240)
    page_step = px(12) if size >= 20 else SUPERSAMPLE
    # The page block, showing at the right and bottom edges of the cover.
    pen.rounded_rectangle(
        (left + px(16), top + page_step, right + page_step, bottom),
        radius=radius,
        fill=PAGES,
        outline=PAGE_LINES,
        width=max(1, round(2 * scale)),
    )
    if size >= 48:
        for k in (1, 2, 3):
            x = right + page_step * k / 4
            pen.line(
                (x, top + page_step + px(14), x, bottom - px(14)),
                fill=PAGE_LINES,
                width=round(scale * 1.5),
            )
    # The cover.
    pen.rounded_rectangle(
        (left, top, right, bottom - page_step),
        radius=radius,
        fill=COVER,
        outline=SPINE,
        width=max(1, round(3 * scale)) if size >= 32 else 0,
    )
    spine_right = left + px(34)
    pen.rounded_rectangle((left, top, spine_right, bottom - page_step), radius=radius, fill=SPINE)
    pen.rectangle((spine_right - radius, top, spine_right, bottom - page_step), fill=SPINE)
    if size >= 32:
        for y in (46, 194):
            band_top, band_bottom = band(y, 6)
            pen.rectangle((left + px(6), band_top, spine_right - px(6), band_bottom), fill=GOLD)
    # The star, and below it title lines: two from 48 px, one at 32 and 40 px, none below.
    face_centre = (spine_right + right) / 2
    if size >= 32:
        pen.polygon(_star(face_centre, px(104), 52 * scale), fill=GOLD)
        lines = ((172, 44, 10), (194, 28, 8)) if size >= 48 else ((180, 40, 12),)
        for y, half, height in lines:
            top_y, bottom_y = band(y, height)
            box = (face_centre - px(half), top_y, face_centre + px(half), bottom_y)
            pen.rounded_rectangle(box, radius=3 * scale, fill=GOLD)
    else:
        pen.polygon(_star(face_centre, px(120), 66 * scale), fill=GOLD)
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _dib(image: Image.Image) -> bytes:
    """An icon entry as a 32-bit BMP: BITMAPINFOHEADER (double height), BGRA rows bottom-up,
    then the 1-bit AND mask (all zeros: the alpha channel decides)."""
    width, height = image.size
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [image.crop((0, y, width, y + 1)).tobytes("raw", "BGRA") for y in range(height)]
    mask_row = b"\0" * (((width + 31) // 32) * 4)
    return header + b"".join(reversed(rows)) + mask_row * height


def write_ico(images: list[Image.Image], path: Path) -> None:
    """An .ico file holding `images` (BMP below 256 px, PNG at 256 px)."""
    blobs = [_png(img) if img.width >= 256 else _dib(img) for img in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for img, blob in zip(images, blobs, strict=True):
        side = img.width % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(blobs))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in ICO_SIZES]
    (OUT / "sochibo.png").write_bytes(_png(images[-1]))
    write_ico(images, OUT / "sochibo.ico")
    for name in ("sochibo.png", "sochibo.ico"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
