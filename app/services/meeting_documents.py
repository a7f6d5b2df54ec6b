"""The documents of a cell meeting (văn bản của buổi sinh hoạt chi bộ), printed from the services.

Which documents a meeting can print, their file names, and the PDF bytes: the snapshots come
from `app.services.document_snapshots`, the drawing from `app.reports`. Drafts always print
(marked DỰ THẢO, without a number) once they have a date and a start time. A final document
whose meeting has blocking problems is refused with `ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping

from app.domain.meetings import MeetingKind
from app.l10n import _
from app.reports.meeting_snapshots import MeetingSnapshot
from app.reports.minutes import render_minutes
from app.reports.quality_sheet import render_quality_sheet
from app.reports.resolution import render_conclusion, render_resolution
from app.reports.thematic_record import render_thematic_record
from app.services.document_snapshots import (
    DocumentKind,
    SnapshotBuilder,
    kind_label,
    recipient_problems,
)
from app.services.errors import UserError, ValidationError, blocking
from app.services.facade import Services
from app.services.meeting_dto import MeetingDetail, ResolutionKind

__all__ = [
    "DocumentKind",
    "available_documents",
    "document_file_name",
    "kind_label",
    "minutes_snapshot",
    "recipient_problems",
    "render_meeting_document",
]

# Characters Windows refuses in file names, and control characters.
_UNSAFE_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_FILE_LABELS = {
    DocumentKind.MINUTES: "Biên bản sinh hoạt chi bộ",
    DocumentKind.RESOLUTION: "Nghị quyết",
    DocumentKind.QUALITY_SHEET: "Bảng tự chấm điểm",
    DocumentKind.THEMATIC_RECORD: "Biên bản sinh hoạt chuyên đề",
}


def available_documents(detail: MeetingDetail) -> list[DocumentKind]:
    """The documents this meeting can print, in the order they are usually printed.

    None before the meeting has a date and a start time (the record opens with them). A
    thematic meeting prints its thematic record instead of the minutes; the resolution only
    when the meeting issues one (or a conclusion); the score sheet once the quality score adds
    up.
    """
    data = detail.data
    if data.date is None or data.start is None:
        return []
    kinds = [
        DocumentKind.THEMATIC_RECORD if data.kind is MeetingKind.THEMATIC else DocumentKind.MINUTES
    ]
    if data.resolution_kind is not ResolutionKind.NONE:
        kinds.append(DocumentKind.RESOLUTION)
    if detail.quality.total is not None:
        kinds.append(DocumentKind.QUALITY_SHEET)
    return kinds


def document_file_name(detail: MeetingDetail, kind: DocumentKind) -> str:
    """A file name a secretary recognises, safe on Windows and USB sticks, e.g.
    "Biên bản sinh hoạt chi bộ 2026-11-03 Số 05-BB-CB.pdf" or "Nghị quyết 2026-11-03 dự thảo.pdf".
    """
    label = _FILE_LABELS[kind]
    if kind is DocumentKind.RESOLUTION and detail.data.resolution_kind is ResolutionKind.CONCLUSION:
        label = "Kết luận"
    day = detail.data.date.isoformat() if detail.data.date else "chưa có ngày"
    suffix = _number_info_text(detail, kind) if detail.is_final else "dự thảo"
    name = " ".join(part for part in (label, day, suffix) if part)
    name = _UNSAFE_FILE_CHARS.sub("-", unicodedata.normalize("NFC", name))
    return f"{name.strip(' .')}.pdf"


def render_meeting_document(services: Services, meeting_id: int, kind: DocumentKind) -> bytes:
    """The PDF bytes of one document of a meeting.

    Raises `NotFoundError` for an unknown meeting, `UserError` when the cell profile is missing
    or the meeting has no such document (see `available_documents`), and `ValidationError`
    listing the problems when a final document has blocking problems or a draft lacks its date
    or start time.
    """
    builder = _builder(services, meeting_id, kind)
    renderers: Mapping[DocumentKind, Callable[[], bytes]] = {
        DocumentKind.MINUTES: lambda: render_minutes(builder.meeting(DocumentKind.MINUTES)),
        DocumentKind.RESOLUTION: lambda: _render_resolution(builder),
        DocumentKind.QUALITY_SHEET: lambda: render_quality_sheet(builder.quality_sheet()),
        DocumentKind.THEMATIC_RECORD: lambda: render_thematic_record(builder.thematic()),
    }
    return renderers[kind]()


def _render_resolution(builder: SnapshotBuilder) -> bytes:
    snapshot = builder.meeting(DocumentKind.RESOLUTION)
    if builder.issues_conclusion:
        return render_conclusion(snapshot)
    return render_resolution(snapshot)


def minutes_snapshot(services: Services, meeting_id: int) -> MeetingSnapshot:
    """The snapshot the minutes of a (non-thematic) meeting are drawn from, with the same
    checks as `render_meeting_document` (the benchmarks draw it with bare reportlab)."""
    return _builder(services, meeting_id, DocumentKind.MINUTES).meeting(DocumentKind.MINUTES)


def _builder(services: Services, meeting_id: int, kind: DocumentKind) -> SnapshotBuilder:
    detail = services.meetings.get(meeting_id)
    cell = services.cell.get()
    if cell is None:
        raise UserError(
            _(
                "Set up the cell profile first (name of the cell, superior committee, place): "
                "the meeting documents need them for their heading."
            )
        )
    return SnapshotBuilder(detail, cell, services, _check_printable(detail, kind))


def _check_printable(detail: MeetingDetail, kind: DocumentKind) -> tuple[dt.date, dt.time]:
    """The meeting's date and start time once the document may print; raises otherwise."""
    if detail.is_final:
        blocked = blocking(detail.problems)
        if blocked:
            raise ValidationError(blocked)
    day, start = detail.data.date, detail.data.start
    if day is None or start is None:
        # A record opens with the day and hour of the meeting: even a draft needs them.
        raise ValidationError([p for p in detail.problems if p.field in ("date", "start_time")])
    if kind not in available_documents(detail):
        raise UserError(_missing_document_message(kind))
    return day, start


def _missing_document_message(kind: DocumentKind) -> str:
    if kind is DocumentKind.RESOLUTION:
        return _(
            "This meeting issues no resolution or conclusion. Choose a resolution or a "
            "conclusion in the meeting, then print it."
        )
    if kind is DocumentKind.QUALITY_SHEET:
        return _(
            "The meeting quality is not scored yet, or a score is above its maximum. Score "
            "every criterion of the meeting, then print the score sheet."
        )
    if kind is DocumentKind.THEMATIC_RECORD:
        return _("This is not a thematic meeting. Print its minutes instead.")
    return _("This is a thematic meeting. Print its thematic record instead.")


def _number_info_text(detail: MeetingDetail, kind: DocumentKind) -> str:
    if kind is DocumentKind.RESOLUTION:
        info = detail.resolution_number
    elif kind is DocumentKind.QUALITY_SHEET:
        return ""
    else:
        info = detail.minutes_number
    return info.text if info else ""
