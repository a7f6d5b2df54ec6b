"""Sub-commands on the cell's meetings: `meetings list` and `print <document>`.

`print` writes a meeting's document as PDF. Final minutes print with their number; a draft
prints marked DỰ THẢO once nothing blocks it, or with `--draft` while fields are still missing.
Otherwise it exits 1 listing what is missing; an unknown meeting number is a usage error (2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.commands.common import Handler, UsageError, severity_label
from app.domain.findings import Problem
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, format_date, pgettext, render
from app.meeting_labels import meeting_kind_label, meeting_state_label
from app.services.errors import NotFoundError, ValidationError, blocking
from app.services.exports import write_bytes_atomic
from app.services.facade import Services
from app.services.meeting_documents import (
    DocumentKind,
    document_file_name,
    recipient_problems,
    render_meeting_document,
)
from app.services.meeting_dto import MeetingDetail, MeetingSummary, ResolutionKind

#: The document names of `sochibo print`, as typed on the command line.
PRINT_ACTIONS = {
    "minutes": DocumentKind.MINUTES,
    "resolution": DocumentKind.RESOLUTION,
    "quality-sheet": DocumentKind.QUALITY_SHEET,
    "thematic-record": DocumentKind.THEMATIC_RECORD,
}
# Long topics are cut in the table so that a row fits a console line; --json has them whole.
_TOPIC_WIDTH = 40


def document_label(kind: DocumentKind, detail: MeetingDetail) -> str:
    """The document's name at the start of a sentence: "Biên bản", "Nghị quyết", ..."""
    if kind is DocumentKind.RESOLUTION and detail.data.resolution_kind is ResolutionKind.CONCLUSION:
        return pgettext("printed document", "The conclusion")
    labels = {
        DocumentKind.MINUTES: pgettext("printed document", "The minutes"),
        DocumentKind.RESOLUTION: pgettext("printed document", "The resolution"),
        DocumentKind.QUALITY_SHEET: pgettext("printed document", "The quality score sheet"),
        DocumentKind.THEMATIC_RECORD: pgettext("printed document", "The thematic meeting record"),
    }
    return labels[kind]


def _summary_json(meeting: MeetingSummary) -> dict[str, object]:
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat() if meeting.date else None,
        "kind": str(meeting.kind),
        "topic": meeting.topic,
        "state": str(meeting.state),
        "present": meeting.present,
        "total": meeting.total,
        "quality_total": meeting.quality_total,
        "quality_band": meeting.quality_band,
        "minutes_number": meeting.minutes_number,
        "resolution_number": meeting.resolution_number,
    }


def _summary_row(meeting: MeetingSummary) -> tuple[str, ...]:
    topic = meeting.topic.replace("\n", " ")
    if len(topic) > _TOPIC_WIDTH:
        topic = topic[: _TOPIC_WIDTH - 1].rstrip() + "…"
    score = f"{meeting.quality_total} {meeting.quality_band}" if meeting.quality_band else ""
    numbers = ", ".join(n for n in (meeting.minutes_number, meeting.resolution_number) if n)
    return (
        str(meeting.id),
        format_date(meeting.date),
        meeting_kind_label(meeting.kind),
        topic,
        f"{meeting.present}/{meeting.total}",
        score,
        meeting_state_label(meeting.state),
        numbers,
    )


def _meetings_list(services: Services, args: argparse.Namespace) -> int:
    meetings = services.meetings.list(year=args.year)
    if args.json:
        print(json.dumps([_summary_json(m) for m in meetings], ensure_ascii=False, indent=2))
        return EXIT_OK
    heading = (
        pgettext("meeting list", "ID"),
        pgettext("meeting list", "Date"),
        pgettext("meeting list", "Kind"),
        pgettext("meeting list", "Topic"),
        pgettext("meeting list", "Present"),
        pgettext("meeting list", "Score"),
        pgettext("meeting list", "State"),
        pgettext("meeting list", "Numbers"),
    )
    _print_table([heading, *(_summary_row(m) for m in meetings)])
    print(_("{count} meetings.").format(count=len(meetings)))
    return EXIT_OK


def _print_table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _meeting(services: Services, meeting_id: int) -> MeetingDetail:
    try:
        return services.meetings.get(meeting_id)
    except NotFoundError as exc:
        # A wrong number on the command line is a usage error (exit 2), not refused data.
        raise UsageError(
            _("There is no meeting number {id}. Run “sochibo meetings list” to see them.").format(
                id=meeting_id
            )
        ) from exc


def _refuse(document: str, problems: Sequence[Problem], draft_possible: bool) -> int:
    print(
        _("{document} cannot be printed until these are fixed:").format(document=document),
        file=sys.stderr,
    )
    for problem in problems:
        print(f"  - {render(problem.message)}", file=sys.stderr)
    if draft_possible:
        print(
            _("To print the incomplete draft, marked DỰ THẢO, add --draft."),
            file=sys.stderr,
        )
    return EXIT_REFUSED


def _target(path: Path, detail: MeetingDetail, kind: DocumentKind) -> Path:
    """The file to write: `path`, or the suggested name inside it when it is a folder."""
    return path / document_file_name(detail, kind) if path.is_dir() else path


def _print_document(services: Services, args: argparse.Namespace) -> int:
    kind = PRINT_ACTIONS[args.action]
    detail = _meeting(services, args.meeting)
    blocked = blocking(detail.problems)
    if blocked and (detail.is_final or not args.draft):
        return _refuse(document_label(kind, detail), blocked, not detail.is_final)
    try:
        data = render_meeting_document(services, detail.id, kind)
    except ValidationError as exc:
        return _refuse(document_label(kind, detail), exc.problems, False)
    path = _target(args.out, detail, kind)
    write_bytes_atomic(path, data)
    cell = services.cell.get()
    if cell is not None and kind in (DocumentKind.RESOLUTION, DocumentKind.QUALITY_SHEET):
        for problem in recipient_problems(cell):
            label = severity_label(str(problem.severity))
            print(f"[{label}] {render(problem.message)}", file=sys.stderr)
    if detail.is_final:
        message = _("{document} was written to {path}.")
    else:
        message = _(
            "{document} was written to {path} as a draft, marked DỰ THẢO, without a number."
        )
    print(message.format(document=document_label(kind, detail), path=path))
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("meetings", "list"): _meetings_list,
    **{("print", action): _print_document for action in PRINT_ACTIONS},
}
