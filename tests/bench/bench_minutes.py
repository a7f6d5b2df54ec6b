"""The minutes PDF against bare reportlab drawing the same content.

    uv run python tests/bench/bench_minutes.py [--rounds N]

Budget (issue "Meetings"): the minutes of a realistic meeting (30 attendees, 8 speeches,
4 decisions, 10 tasks) in at most 0.3 s and at most 1.5 × a plain platypus SimpleDocTemplate
with the same Tinos font, the same paragraphs and the same tables, but without our header,
title block, page marks and signature layout. Figures are medians of alternating rounds.

The second figure is what the secretary waits for after "In…": the minutes of a meeting of 60
attendees read from a real data folder (the meeting, the cell, the snapshot, the drawing),
held to 0.3 s; its drawing alone is held to 1.5 × bare reportlab drawing the same content.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.meeting_record import DecisionKind, DecisionRecord
from app.domain.meetings import MeetingKind
from app.reports.decorations import markup
from app.reports.fonts import document_fonts
from app.reports.layout import HeadingBlock, TableBlock, TextBlock
from app.reports.meeting_snapshots import MeetingSnapshot
from app.reports.minutes import minutes_body, render_minutes
from app.services.facade import Services
from app.services.meeting_documents import DocumentKind, minutes_snapshot, render_meeting_document
from app.services.meeting_dto import SpeechInput, TaskInput

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "unit" / "reports"))
sys.path.insert(0, str(HERE))

import meeting_samples  # noqa: E402
from fixtures import make_large_cell  # noqa: E402

SECONDS_BUDGET = 0.3
RATIO_BUDGET = 1.5

Content = list[tuple[str, object]]


def _plain_content(snapshot: MeetingSnapshot) -> Content:
    """The minutes' text as ready Paragraph markup and table cells (built before timing)."""
    content: Content = [("title", "BIÊN BẢN"), ("subject", snapshot.session.kind_label)]
    for block in minutes_body(snapshot):
        if isinstance(block, HeadingBlock):
            content.append(("heading", markup(block.text)))
        elif isinstance(block, TextBlock):
            lead = f"<b>{markup(block.lead)}</b> " if block.lead else ""
            content.append(("text", lead + markup(block.text)))
        elif isinstance(block, TableBlock):
            rows = [list(block.header), *(list(row) for row in block.rows)]
            content.append(("table", (rows, block.weights)))
    for name in ("NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ", snapshot.session.minute_taker):
        content.append(("text", markup(name)))
    return content


def bare_reportlab(content: Content) -> bytes:
    """Plain platypus: same font, sizes, paragraphs and ruled tables; nothing else."""
    face = document_fonts().regular
    body = ParagraphStyle("b", fontName=face, fontSize=14, leading=18.5, firstLineIndent=10 * mm)
    bold = ParagraphStyle("h", parent=body, fontName=document_fonts().bold)
    cell = ParagraphStyle("c", fontName=face, fontSize=12, leading=14.4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
    )
    story: list[Flowable] = []
    for kind, value in content:
        if kind == "table":
            rows, weights = value  # type: ignore[misc]
            data = [[Paragraph(text, cell) for text in row] for row in rows]
            total = sum(weights)
            table = Table(data, colWidths=[doc.width * w / total for w in weights], repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
            story += [table, Spacer(1, 2 * mm)]
        else:
            story.append(Paragraph(str(value), body if kind == "text" else bold))
    doc.build(story)
    return buffer.getvalue()


def _time_once(work: Callable[[], bytes], times: list[float]) -> None:
    start = time.perf_counter()
    work()
    times.append(time.perf_counter() - start)


def measure_minutes(rounds: int = 15) -> dict[str, float]:
    """Median seconds for our minutes and for the bare baseline, alternating rounds."""
    snapshot = meeting_samples.meeting(attendees=30, speeches=8, decisions=4, tasks=10)
    content = _plain_content(snapshot)
    app: list[float] = []
    bare: list[float] = []
    for _ in range(2):  # warm-up: font registration, style caches, imports
        render_minutes(snapshot)
        bare_reportlab(content)
    for _ in range(rounds):
        _time_once(lambda: render_minutes(snapshot), app)
        _time_once(lambda: bare_reportlab(content), bare)
    return {"app_s": statistics.median(app), "bare_s": statistics.median(bare)}


def _recorded_meeting(services: Services) -> int:
    """A meeting of everyone on the register with 8 speeches, 4 decisions and 10 tasks."""
    detail = services.meetings.start(MeetingKind.REGULAR, services.today())
    members = [(row.member_id, row.full_name) for row in detail.attendance]
    data = dataclasses.replace(
        detail.data,
        start=dt.time(8, 0),
        end=dt.time(10, 0),
        minute_taker_id=members[1][0],
        report_summary="Trong tháng, Chi bộ lãnh đạo nhân dân thu hoạch vụ mùa.\n" * 4,
        speeches=tuple(
            SpeechInput("", "Nhất trí với báo cáo; đề nghị bổ sung nhiệm vụ. " * 3, member_id)
            for member_id, _name in members[:8]
        ),
        decisions=tuple(
            DecisionRecord(f"Thông qua nội dung {n}", DecisionKind.ORDINARY, 40, 1, 1)
            for n in range(1, 5)
        ),
        tasks=tuple(
            TaskInput(f"Nhiệm vụ số {n} của tháng", member_id, deadline=dt.date(2026, 12, 30))
            for n, (member_id, _name) in enumerate(members[:10], start=1)
        ),
    )
    return services.meetings.save_draft(detail.id, data).id


def measure_minutes_from_database(data_dir: Path, rounds: int = 15) -> dict[str, float]:
    """Median seconds for the minutes read and drawn from `data_dir` (`total_s`), for drawing
    the same snapshot alone (`draw_s`) and for bare reportlab drawing its content (`bare_s`)."""
    services = Services.open(data_dir)
    try:
        meeting_id = _recorded_meeting(services)
        attendees = len(services.meetings.get(meeting_id).attendance)
        snapshot = minutes_snapshot(services, meeting_id)
        content = _plain_content(snapshot)

        def app_minutes() -> bytes:
            return render_meeting_document(services, meeting_id, DocumentKind.MINUTES)

        total: list[float] = []
        draw: list[float] = []
        bare: list[float] = []
        for _ in range(2):
            app_minutes()
            bare_reportlab(content)
        for _ in range(rounds):
            _time_once(app_minutes, total)
            _time_once(lambda: render_minutes(snapshot), draw)
            _time_once(lambda: bare_reportlab(content), bare)
    finally:
        services.close()
    med = statistics.median
    return {"total_s": med(total), "draw_s": med(draw), "bare_s": med(bare), "n": attendees}


def report_from_database(result: dict[str, float]) -> bool:
    """Print the database figures; True when the whole path is within the seconds budget and
    the drawing within the ratio budget. The ratio compares drawing with drawing: the read
    from the data folder has no counterpart in bare reportlab (its share is printed too)."""
    ratio = result["draw_s"] / result["bare_s"]
    print(
        f"minutes PDF from the data folder ({result['n']:.0f} attendees): read + snapshot + "
        f"drawing {result['total_s']:.3f} s (budget ≤ {SECONDS_BUDGET} s, "
        f"{result['total_s'] / result['bare_s']:.2f} × bare); drawing {result['draw_s']:.3f} s, "
        f"bare reportlab of the same content {result['bare_s']:.3f} s, ratio {ratio:.2f} "
        f"(budget ≤ {RATIO_BUDGET})"
    )
    return result["total_s"] <= SECONDS_BUDGET and ratio <= RATIO_BUDGET


def report(result: dict[str, float]) -> bool:
    """Print the figures and the ratio; True when both budgets are met."""
    ratio = result["app_s"] / result["bare_s"]
    print(
        f"minutes PDF (30 attendees, 8 speeches, 4 decisions, 10 tasks): app "
        f"{result['app_s']:.3f} s, bare reportlab {result['bare_s']:.3f} s, ratio {ratio:.2f} "
        f"(budget ≤ {SECONDS_BUDGET} s and ≤ {RATIO_BUDGET})"
    )
    return result["app_s"] <= SECONDS_BUDGET and ratio <= RATIO_BUDGET


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    ok = report(measure_minutes(rounds))
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        make_large_cell(data_dir, members=62)  # 60 on the register, as bench_meeting_open
        ok &= report_from_database(measure_minutes_from_database(data_dir, rounds))
    print("budget met" if ok else "A BUDGET WAS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
