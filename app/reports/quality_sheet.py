"""The meeting-quality score sheet (bảng tự chấm điểm chất lượng sinh hoạt chi bộ).

The criteria table comes from the regulation profile (a province may replace it, domain.md
§3.4), so the sheet prints whatever rows the snapshot holds, their total and the band. The cell
sends it to the superior committee, which confirms the rating: signed "T/M CHI BỘ / BÍ THƯ"
with a "Nơi nhận" ending in "Lưu Chi bộ.".
"""

from __future__ import annotations

from app.reports import meeting_parts as parts
from app.reports.decorations import nfc
from app.reports.layout import Block, TextBlock, party_date, render_document
from app.reports.meeting_snapshots import QualitySheetSnapshot

TITLE = "BẢNG TỰ CHẤM ĐIỂM"


def render_quality_sheet(snapshot: QualitySheetSnapshot) -> bytes:
    """Render the quality score sheet of one meeting as PDF bytes."""
    return render_document(
        snapshot.header,
        TITLE,
        f"Chất lượng {nfc(snapshot.kind_label).strip()}",
        quality_sheet_body(snapshot),
        parts.cell_signature(snapshot.secretary_name),
        snapshot.recipients,
    )


def quality_sheet_body(snapshot: QualitySheetSnapshot) -> list[Block]:
    """The opening sentence, the criteria table, the total and band, the shortcomings."""
    opening = (
        "Căn cứ khung tiêu chí đánh giá chất lượng sinh hoạt chi bộ, "
        f"{parts.cell_title(snapshot.cell_name)} tự chấm điểm chất lượng buổi "
        f"{nfc(snapshot.kind_label).strip()} ({party_date(snapshot.meeting_date)}) như sau:"
    )
    quality = snapshot.quality
    return [
        TextBlock(opening),
        *parts.quality_table(quality),
        TextBlock(parts.score_line(quality), bold=True),
        *parts.shortcomings(quality),
    ]
