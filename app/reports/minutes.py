"""The minutes of a cell meeting (biên bản sinh hoạt chi bộ) as a Party document.

Fields follow domain.md §3.3 (rule 6): time and place; participants with head counts and
absentees by name; the content in the order of the meeting; the closing time; signatures of
the minute-taker (NGƯỜI GHI BIÊN BẢN, left) and the chair (CHỦ TRÌ HỘI NGHỊ, right). Minutes
are kept by the cell, not sent, so they carry no "Nơi nhận".
"""

from __future__ import annotations

from app.reports import meeting_parts as parts
from app.reports.layout import Block, render_document
from app.reports.meeting_snapshots import MeetingSnapshot

TITLE = "BIÊN BẢN"


def render_minutes(snapshot: MeetingSnapshot) -> bytes:
    """Render the minutes (biên bản, "Số 05-BB/CB") of a meeting as PDF bytes."""
    return render_document(
        snapshot.header,
        TITLE,
        parts.capitalised(snapshot.session.kind_label),
        minutes_body(snapshot),
        parts.minutes_signature(snapshot.session),
        recipients=(),
        archive="",
    )


def minutes_body(snapshot: MeetingSnapshot) -> list[Block]:
    """The body blocks of the minutes, from "I. THỜI GIAN, ĐỊA ĐIỂM" to the closing time."""
    session = snapshot.session
    return [
        *parts.numbered(
            [
                ("THỜI GIAN, ĐỊA ĐIỂM", parts.time_and_place(session)),
                ("THÀNH PHẦN", parts.participants(session)),
                ("NỘI DUNG", _content(snapshot)),
            ]
        ),
        *parts.closing_line(session),
    ]


def _content(snapshot: MeetingSnapshot) -> list[Block]:
    closing = parts.conclusion(
        snapshot.conclusion, snapshot.next_meeting_date, snapshot.next_meeting_topic
    )
    return parts.sub_numbered(
        [
            ("Chương trình sinh hoạt", parts.bullets(snapshot.agenda)),
            ("Tình hình thu, nộp đảng phí", parts.paragraphs(snapshot.fee_note)),
            (
                "Kiểm điểm việc thực hiện nghị quyết kỳ trước",
                parts.follow_up_table(snapshot.follow_up),
            ),
            ("Tóm tắt báo cáo", parts.paragraphs(snapshot.report_summary)),
            ("Sinh hoạt chuyên đề", parts.theme(snapshot.topic, snapshot.presenter)),
            ("Ý kiến thảo luận", parts.speeches(snapshot.speeches)),
            ("Biểu quyết", parts.decisions(snapshot.decisions)),
            ("Phân công nhiệm vụ", parts.task_table(snapshot.tasks)),
            ("Tự đánh giá chất lượng sinh hoạt", parts.quality_summary(snapshot.quality)),
            ("Kết luận của chủ trì", closing),
        ]
    )
