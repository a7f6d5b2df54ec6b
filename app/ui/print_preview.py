"""Print preview, printing and "save as PDF" for every document (the entry point screens use).

A screen renders its document to PDF bytes and calls::

    open_preview(parent, ctx.jobs, _("Member list"), render, _("party-member-list.pdf"))

`render` runs off the UI thread. The implementation lives in the `app.ui.printing` package
(pages: PDFium rasterising; printer: the print dialog's choices and page-by-page printing;
preview: the dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.l10n import _
from app.ui.dialogs import show_error
from app.ui.jobs import JobRunner
from app.ui.printing.pages import PdfPages, read_pages
from app.ui.printing.preview import PrintPreviewDialog

__all__ = ["PrintPreviewDialog", "open_preview"]


def open_preview(
    parent: QWidget,
    jobs: JobRunner,
    title: str,
    render: Callable[[], bytes],
    suggested_name: str,
) -> None:
    """Render a document with `render()` off the UI thread, then show its print preview.

    `title` names the document in the window title and the print queue; `suggested_name` is
    the file name offered by "Lưu PDF…" ("bien-ban-thang-3.pdf"). A damaged document or a
    failing `render` shows an error instead; the dialog is modal to `parent`'s window.
    """

    def prepare() -> PdfPages:
        return read_pages(render())

    def show(pages: PdfPages) -> None:
        PrintPreviewDialog(parent, jobs, title, pages, suggested_name).open()

    jobs.run(
        prepare,
        show,
        label=_("Preparing the preview…"),
        on_error=lambda error: show_error(parent, error),
    )
