"""The monthly resolution of a cell meeting (nghị quyết hội nghị chi bộ) as a Party document,
and the conclusion (kết luận) a meeting may issue instead, with the same structure.

Structure used with 42-HD/BTCTW (domain.md §3.3, §10): I. the assessment of last month's
leadership with each task of last month's resolution and its result; II. next month's tasks;
III. who does what by when; IV. the meeting-quality self-score. Signed collectively
"T/M CHI BỘ / BÍ THƯ"; "Nơi nhận" ends with "Lưu Chi bộ.". The four parts are always
printed (the structure is fixed); a part with nothing recorded says so.
"""

from __future__ import annotations

from app.reports import meeting_parts as parts
from app.reports.decorations import nfc
from app.reports.layout import Block, HeadingBlock, TextBlock, party_date, render_document
from app.reports.meeting_snapshots import MeetingSnapshot

TITLE = "NGHỊ QUYẾT"
CONCLUSION_TITLE = "KẾT LUẬN"
NOTHING_RECORDED = "Chưa có nội dung."
_RESOLVES = "quyết nghị nhiệm vụ tháng tới như sau:"
_CONCLUDES = "kết luận như sau:"


def render_resolution(snapshot: MeetingSnapshot) -> bytes:
    """Render the resolution (nghị quyết, "Số 05-NQ/CB") adopted at a meeting as PDF bytes."""
    return _render(snapshot, TITLE, _RESOLVES)


def render_conclusion(snapshot: MeetingSnapshot) -> bytes:
    """Render the conclusion (kết luận, "Số 05-KL/CB") a meeting issues instead of a
    resolution: the same four parts under the title KẾT LUẬN."""
    return _render(snapshot, CONCLUSION_TITLE, _CONCLUDES)


def _render(snapshot: MeetingSnapshot, title: str, ending: str) -> bytes:
    return render_document(
        snapshot.header,
        title,
        parts.capitalised(snapshot.session.kind_label),
        resolution_body(snapshot, ending),
        parts.cell_signature(snapshot.secretary_name),
        snapshot.recipients,
    )


def resolution_body(snapshot: MeetingSnapshot, ending: str = _RESOLVES) -> list[Block]:
    """The body blocks: the opening sentence (closed by `ending`), then parts I to IV."""
    session = snapshot.session
    counts = session.attendance
    opening = (
        f"{parts.capitalised(party_date(session.date))}, {parts.cell_title(snapshot.cell_name)} "
        f"tổ chức {nfc(session.kind_label).strip()}. Tổng số đảng viên "
        f"{parts.members(counts.total)}, có mặt {parts.members(counts.present)}. "
        f"Hội nghị đã thảo luận, thống nhất đánh giá kết quả lãnh đạo tháng trước và {ending}"
    )
    tasks = snapshot.next_month_tasks or tuple(task.task for task in snapshot.tasks)
    return [
        TextBlock(opening),
        *_part("I. ĐÁNH GIÁ KẾT QUẢ LÃNH ĐẠO THÁNG TRƯỚC", _assessment(snapshot)),
        *_part("II. NHIỆM VỤ THÁNG TỚI", parts.bullets(tasks)),
        *_part("III. PHÂN CÔNG THỰC HIỆN", parts.task_table(snapshot.tasks)),
        *_part("IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT", _quality(snapshot)),
    ]


def _part(title: str, body: list[Block]) -> list[Block]:
    return [HeadingBlock(title), *(body or [TextBlock(NOTHING_RECORDED)])]


def _assessment(snapshot: MeetingSnapshot) -> list[Block]:
    return [
        *parts.paragraphs(snapshot.report_summary),
        *parts.follow_up_table(snapshot.follow_up),
    ]


def _quality(snapshot: MeetingSnapshot) -> list[Block]:
    quality = snapshot.quality
    if quality is None:
        return []
    return [*parts.quality_table(quality), *parts.quality_summary(quality)]
