"""The pages of the print preview: white sheets at the zoomed size, each showing its image
once rendered. A sheet without an image stays blank, so the scroll bar and the page count are
right from the start, before any page has been rasterised."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.ui.printing.pages import PageSize

#: Space around and between the sheets, in pixels.
SHEET_GAP = 16


class PageView(QWidget):
    """One sheet of paper: its size follows the zoom; the image is set when rendered."""

    def __init__(self, size: PageSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_size = size
        self._pixmap: QPixmap | None = None
        self.image_dpi = 0.0  # resolution of the image held, 0 when none
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_scale(self, pixels_per_point: float) -> None:
        """Resize the sheet to the zoom; the image held is stretched until the new one comes."""
        self.setFixedSize(
            QSize(
                round(self.page_size.width * pixels_per_point),
                round(self.page_size.height * pixels_per_point),
            )
        )

    def set_image(self, pixmap: QPixmap, dpi: float) -> None:
        self._pixmap = pixmap
        self.image_dpi = dpi
        self.update()

    def clear(self) -> None:
        """Release the image (the sheet stays, blank)."""
        self._pixmap = None
        self.image_dpi = 0.0
        self.update()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRect(0, 0, self.width(), self.height())
        painter.fillRect(rect, Qt.GlobalColor.white)
        if self._pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(rect, self._pixmap)
        painter.setPen(QColor(120, 120, 120))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


class PageStrip(QWidget):
    """Every sheet of the document, one under the other, centred."""

    def __init__(self, sizes: Sequence[PageSize], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.margin = SHEET_GAP
        self.scale = 1.0
        self.pages = [PageView(size, self) for size in sizes]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.margin, self.margin, self.margin, self.margin)
        layout.setSpacing(SHEET_GAP)
        for view in self.pages:
            layout.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_scale(self, pixels_per_point: float) -> None:
        """Resize every sheet to the zoom and the strip to hold them."""
        self.scale = pixels_per_point
        for view in self.pages:
            view.set_scale(pixels_per_point)
        width = max(view.width() for view in self.pages) + 2 * self.margin
        self.resize(width, self.page_top(len(self.pages)) - SHEET_GAP + self.margin)

    def page_top(self, index: int) -> int:
        """Where page `index` starts in the strip (computed, so it is right before layout)."""
        return self.margin + sum(view.height() + SHEET_GAP for view in self.pages[:index])

    def page_span(self, index: int) -> tuple[int, int]:
        """The first and last row (in strip pixels) of page `index`."""
        top = self.page_top(index)
        return top, top + self.pages[index].height() - 1

    def page_at(self, y: int) -> int:
        """The page at height `y` of the strip (the one above when `y` falls in a gap)."""
        found = 0
        for index in range(len(self.pages)):
            if self.page_top(index) <= y:
                found = index
        return found
