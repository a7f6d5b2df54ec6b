"""The editor's two actions: make the minutes final ("Ban hành chính thức…") and print a
document of the meeting (preview, print, save as PDF).

The document module loads reportlab, so it is imported on the database thread inside the jobs
that render (never on the UI thread, which would freeze for half a second).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from app.l10n import _
from app.services.errors import UserError, ValidationError
from app.services.meeting_dto import MeetingDetail
from app.ui.dialogs import confirm, problems_text, show_error

if TYPE_CHECKING:
    from app.services.facade import Services
    from app.ui.screens.meetings.editor import MeetingEditor

#: (document kind value, label, suggested file name) for the print menu.
DocumentChoice = tuple[str, str, str]


def document_label(kind: str) -> str:
    """The print menu's words for a document kind of `app.services.meeting_documents`."""
    labels = {
        "minutes": _("Minutes of the meeting"),
        "resolution": _("Resolution or conclusion"),
        "quality_sheet": _("Quality score sheet"),
        "thematic_record": _("Minutes of the thematic meeting"),
    }
    return labels.get(kind, kind)


def _choices(services: Services, meeting_id: int) -> list[DocumentChoice]:
    # Imported here, on the database thread: the module loads reportlab (see the docstring).
    from app.services.meeting_documents import available_documents, document_file_name

    detail = services.meetings.get(meeting_id)
    return [
        (kind.value, document_label(kind.value), document_file_name(detail, kind))
        for kind in available_documents(detail)
    ]


def _render(services: Services, meeting_id: int, kind: str) -> bytes:
    from app.services.meeting_documents import DocumentKind, render_meeting_document

    return render_meeting_document(services, meeting_id, DocumentKind(kind))


class EditorActions:
    """The finalize and print buttons of one editor."""

    def __init__(self, editor: MeetingEditor) -> None:
        self.editor = editor
        self.finalize_button = QPushButton(_("Make the minutes &final…"))
        self.print_button = QPushButton(_("&Print…"))
        self.menu = QMenu(editor)
        self.message_box: QMessageBox | None = None
        self.finalize_button.clicked.connect(self.finalize)
        self.print_button.clicked.connect(self.show_print_menu)

    def update(self, detail: MeetingDetail) -> None:
        """A final meeting cannot be made final again."""
        self.finalize_button.setVisible(not detail.is_final)

    # -- finalize ----------------------------------------------------------------------------

    def finalize(self) -> None:
        """Confirm, save what is typed, then make the minutes final (numbers are issued)."""
        editor = self.editor
        if editor.detail is None or editor.detail.is_final:
            return
        found = editor.unreadable()
        if found:
            # Final minutes cannot be changed: they must not go out with an old value for
            # what was typed and could not be read.
            message = _(
                "Correct these before making the minutes final; they cannot be read, so they "
                "are not saved: {fields}."
            ).format(fields="; ".join(text for text, _widget in found))
            show_error(editor, UserError(message))
            editor.correct_unreadable()
            return
        if not confirm(
            editor,
            _("Make the minutes final?"),
            _(
                "The minutes (and the resolution) will receive their numbers and can no longer "
                "be changed. Make them final now?"
            ),
            yes=_("Make &final"),
            no=_("&Not yet"),
        ):
            return
        meeting_id = editor.detail.id
        data = editor.collect()
        editor.autosave.stop()  # the job below saves what is typed, then finalizes

        def save_and_finalize(s: Services) -> MeetingDetail:
            s.meetings.save_draft(meeting_id, data)
            return s.meetings.finalize(meeting_id, s.today())

        editor.ctx.jobs.write(
            save_and_finalize,
            self._finalized,
            label=_("Making the minutes final…"),
            on_error=lambda error: self._refused(meeting_id, error),
        )

    def _finalized(self, detail: MeetingDetail) -> None:
        editor = self.editor
        editor.open_meeting(detail)
        numbers = ", ".join(n.text for n in (detail.minutes_number, detail.resolution_number) if n)
        editor.status_label.setText(_("The minutes are final: {numbers}.").format(numbers=numbers))
        editor.autosave.saved_any = True

    def _refused(self, meeting_id: int, error: BaseException) -> None:
        editor = self.editor
        # The draft as typed was saved before the refusal (or is still on screen): keep editing.
        editor.ctx.jobs.read(lambda s: s.meetings.get(meeting_id), self._reload_after_refusal)
        if not isinstance(error, ValidationError):
            show_error(editor, error)
            return
        box = QMessageBox(editor)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The minutes cannot be made final yet"))
        box.setText(_("Complete the following, then make the minutes final again:"))
        box.setInformativeText(problems_text(error.problems))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.message_box = box
        box.open()

    def _reload_after_refusal(self, detail: MeetingDetail) -> None:
        editor = self.editor
        if editor.detail is not None and editor.detail.id == detail.id:
            editor.detail = detail
            editor.autosave.start(detail.id)
            editor.problems.show_problems(detail.problems)

    # -- printing ----------------------------------------------------------------------------

    def show_print_menu(self) -> None:
        """Save, then offer the documents this meeting can print."""
        editor = self.editor
        if editor.detail is None:
            return
        editor.flush()
        meeting_id = editor.detail.id
        editor.ctx.jobs.read(
            lambda s: _choices(s, meeting_id), self._show_menu, label=_("Preparing the documents…")
        )

    def _show_menu(self, choices: list[DocumentChoice]) -> None:
        self.menu.clear()
        if not choices:
            action = self.menu.addAction(_("Enter the date and start time first"))
            action.setEnabled(False)
        for kind, label, file_name in choices:
            action = self.menu.addAction(label)
            action.triggered.connect(
                lambda _checked=False, k=kind, n=file_name: self.print_document(k, n)
            )
        button = self.print_button
        self.menu.popup(button.mapToGlobal(QPoint(0, button.height())))

    def print_document(self, kind: str, file_name: str) -> None:
        """Render one document (on the database thread) and open the print preview."""
        editor = self.editor
        if editor.detail is None:
            return
        editor.flush()
        meeting_id = editor.detail.id
        title = document_label(kind)
        editor.ctx.jobs.read(
            lambda s: _render(s, meeting_id, kind),
            lambda data: self._preview(title, data, file_name),
            label=_("Preparing the document…"),
        )

    def _preview(self, title: str, data: bytes, file_name: str) -> None:
        # Imported on first use: the preview loads the PDF rasteriser (pypdfium2), which the
        # editor does not need until something is printed.
        from app.ui.print_preview import open_preview

        editor = self.editor
        open_preview(editor, editor.ctx.jobs, title, lambda: data, file_name)
