"""The record of a thematic meeting (biên bản sinh hoạt chuyên đề) as a Party document.

Steps of a thematic meeting (domain.md §3.2): the secretary opens, the presenter presents the
theme, members discuss it and relate it to themselves and the unit, the chair concludes and
assesses the meeting. Signed like all minutes: NGƯỜI GHI BIÊN BẢN left, CHỦ TRÌ HỘI NGHỊ
right, without "Nơi nhận".
"""

from __future__ import annotations

from app.reports import meeting_parts as parts
from app.reports.layout import Block, render_document
from app.reports.meeting_snapshots import ThematicRecordSnapshot

TITLE = "BIÊN BẢN"


def render_thematic_record(snapshot: ThematicRecordSnapshot) -> bytes:
    """Render the thematic meeting record ("Số 06-BB/CB") as PDF bytes."""
    return render_document(
        snapshot.header,
        TITLE,
        parts.capitalised(snapshot.session.kind_label),
        thematic_body(snapshot),
        parts.minutes_signature(snapshot.session),
        recipients=(),
        archive="",
    )


def thematic_body(snapshot: ThematicRecordSnapshot) -> list[Block]:
    """The body blocks, from "I. THỜI GIAN, ĐỊA ĐIỂM" to the closing time."""
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


def _content(snapshot: ThematicRecordSnapshot) -> list[Block]:
    theme = parts.theme(snapshot.topic, snapshot.presenter)
    closing = parts.conclusion(
        snapshot.conclusion, snapshot.next_meeting_date, snapshot.next_meeting_topic
    )
    return parts.sub_numbered(
        [
            ("Chuyên đề", theme),
            ("Tóm tắt nội dung chuyên đề", parts.paragraphs(snapshot.content_summary)),
            ("Ý kiến thảo luận", parts.speeches(snapshot.discussion)),
            ("Biểu quyết", parts.decisions(snapshot.decisions)),
            ("Tự đánh giá chất lượng sinh hoạt", parts.quality_summary(snapshot.quality)),
            ("Kết luận của chủ trì", closing),
        ]
    )
