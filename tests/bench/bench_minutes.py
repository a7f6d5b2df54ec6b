"""The minutes PDF against bare reportlab drawing the same content.

    uv run python tests/bench/bench_minutes.py [--rounds N]

Budget (issue "Meetings"): the minutes of a realistic meeting (30 attendees, 8 speeches,
4 decisions, 10 tasks) in at most 0.3 s and at most 1.5 × a plain platypus SimpleDocTemplate
with the same Tinos font, the same paragraphs and the same tables, but without our header,
title block, page marks and signature layout. Figures are medians of alternating rounds.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.reports.decorations import markup
from app.reports.fonts import document_fonts
from app.reports.layout import HeadingBlock, TableBlock, TextBlock
from app.reports.meeting_snapshots import MeetingSnapshot
from app.reports.minutes import minutes_body, render_minutes

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "unit" / "reports"))

import meeting_samples  # noqa: E402

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
    ok = report(measure_minutes(parser.parse_args().rounds))
    print("budget met" if ok else "A BUDGET WAS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
