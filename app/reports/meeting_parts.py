"""Pieces shared by the meeting documents: the opening parts of a record, votes, tasks, score.

Each function returns layout blocks (`app.reports.layout`) in Vietnamese, the fixed language
of Party documents. Empty data gives no blocks, so drafts print without empty headings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.reports.decorations import format_count, nfc
from app.reports.layout import (
    Align,
    Block,
    HeadingBlock,
    SignatureBlock,
    SpacerBlock,
    TableBlock,
    TextBlock,
    party_date,
)
from app.reports.meeting_snapshots import (
    AttendanceSummary,
    DecisionVote,
    FollowUpItem,
    MeetingSession,
    QualityAssessment,
    Speech,
    TaskAssignment,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ONGOING = "Thường xuyên"
MINUTES_SIGNATURE_LEFT = "NGƯỜI GHI BIÊN BẢN"
MINUTES_SIGNATURE_RIGHT = "CHỦ TRÌ HỘI NGHỊ"
VOTE_NOT_RECORDED = "Chưa ghi đủ kết quả biểu quyết."

_FOLLOW_UP_COLUMNS = ("TT", "Nhiệm vụ theo nghị quyết kỳ trước", "Kết quả thực hiện")
_FOLLOW_UP_WEIGHTS = (9.0, 86.0, 70.0)
_TASK_COLUMNS = ("TT", "Người thực hiện", "Nội dung công việc", "Thời hạn")
_TASK_WEIGHTS = (9.0, 42.0, 86.0, 28.0)
_QUALITY_COLUMNS = ("TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm")
_QUALITY_WEIGHTS = (9.0, 106.0, 25.0, 25.0)
_TABLE_SIZE = 12.0
_AFTER_TABLE_MM = 2.0


def capitalised(text: str) -> str:
    """`text` NFC, trimmed, with its first letter in upper case ("Sinh hoạt chi bộ ...")."""
    clean = nfc(text).strip()
    return clean[:1].upper() + clean[1:]


def cell_title(cell_name: str) -> str:
    """ "Chi bộ thôn Lũng Cú" from "thôn Lũng Cú" or "chi bộ thôn Lũng Cú" (never doubled)."""
    name = nfc(cell_name).strip()
    if name.casefold().startswith("chi bộ"):
        return "Chi bộ" + name[len("chi bộ") :]
    return f"Chi bộ {name}"


def clock(time: dt.time) -> str:
    """A time of day as minutes write it: "08 giờ 00 phút"."""
    return f"{time.hour:02d} giờ {time.minute:02d} phút"


def short_date(day: dt.date | None) -> str:
    """ "05/02/2026" for a table cell; None is an ongoing task ("Thường xuyên")."""
    return day.strftime("%d/%m/%Y") if day else ONGOING


def members(count: int) -> str:
    """A head count in words of the minutes: "27 đồng chí"."""
    return f"{format_count(count)} đồng chí"


def percent(part: int, whole: int) -> str:
    """`part` of `whole` as a Vietnamese percentage with one decimal: "92,6%", "100%".

    Rounded half up on exact integers so the same vote always prints the same figure.
    """
    if whole <= 0:
        return "0%"
    tenths = (part * 1000 * 2 + whole) // (whole * 2)
    whole_part, decimal = divmod(tenths, 10)
    return f"{whole_part}%" if decimal == 0 else f"{whole_part},{decimal}%"


def numbered(parts: Sequence[tuple[str, list[Block]]]) -> list[Block]:
    """Non-empty parts under headings numbered I., II., ... in the order given."""
    blocks: list[Block] = []
    filled = [(title, body) for title, body in parts if body]
    for index, (title, body) in enumerate(filled):
        blocks.append(HeadingBlock(f"{ROMAN[index]}. {title}"))
        blocks.extend(body)
    return blocks


def sub_numbered(parts: Sequence[tuple[str, list[Block]]]) -> list[Block]:
    """Non-empty parts under headings numbered 1., 2., ... (inside a Roman-numbered part)."""
    blocks: list[Block] = []
    filled = [(title, body) for title, body in parts if body]
    for index, (title, body) in enumerate(filled, start=1):
        blocks.append(HeadingBlock(f"{index}. {title}"))
        blocks.extend(body)
    return blocks


def paragraphs(text: str) -> list[Block]:
    """Free text typed by the secretary: one paragraph per non-empty line."""
    return [TextBlock(line.strip()) for line in nfc(text).splitlines() if line.strip()]


def bullets(items: Sequence[str]) -> list[Block]:
    """A dash list ("- item"), one paragraph per non-empty item."""
    return [TextBlock(f"- {nfc(item).strip()}") for item in items if item.strip()]


def theme(topic: str, presenter: str) -> list[Block]:
    """The theme of a thematic part (its title, left-aligned, never stretched) and who
    presented it; nothing without a topic."""
    if not topic.strip():
        return []
    blocks: list[Block] = [TextBlock(nfc(topic).strip(), align="left", bold=True)]
    if presenter.strip():
        blocks.append(TextBlock(f"Đồng chí {nfc(presenter).strip()} trình bày chuyên đề."))
    return blocks


def time_and_place(session: MeetingSession) -> list[Block]:
    """Part "Thời gian, địa điểm": the start of the meeting and where it was held."""
    start = f"Vào hồi {clock(session.start_time)}, {party_date(session.date)}."
    blocks: list[Block] = [TextBlock(start, lead="Thời gian:")]
    if session.place.strip():
        blocks.append(TextBlock(f"{nfc(session.place).strip()}.", lead="Địa điểm:"))
    return blocks


def participants(session: MeetingSession) -> list[Block]:
    """Part "Thành phần": chair, minute-taker, head counts, absentees by name, guests."""
    chair = f"Đồng chí {nfc(session.chair).strip()}"
    if session.chair_title.strip():
        chair += f", {nfc(session.chair_title).strip()}"
    blocks: list[Block] = [
        TextBlock(f"{chair}.", lead="Chủ trì:"),
        TextBlock(f"Đồng chí {nfc(session.minute_taker).strip()}.", lead="Thư ký:"),
    ]
    blocks += _head_counts(session.attendance, session)
    guests = [
        f"đồng chí {nfc(g.name).strip()}" + (f", {nfc(g.title).strip()}" if g.title.strip() else "")
        for g in session.guests
    ]
    if guests:
        blocks.append(TextBlock("; ".join(guests) + ".", lead="Khách mời:"))
    return blocks


def _head_counts(counts: AttendanceSummary, session: MeetingSession) -> list[Block]:
    excused = [
        nfc(a.name).strip() + (f" ({nfc(a.reason).strip()})" if a.reason.strip() else "")
        for a in session.absent_excused
    ]
    unexcused = [nfc(name).strip() for name in session.absent_unexcused]
    total = (
        f"{members(counts.total)} (chính thức: {members(counts.full)}; "
        f"dự bị: {members(counts.probationary)})."
    )
    return [
        TextBlock(total, lead="Tổng số đảng viên của chi bộ:"),
        TextBlock(f"{members(counts.present)}.", lead="Có mặt:"),
        TextBlock(_with_names(counts.absent_excused, excused), lead="Vắng có lý do:"),
        TextBlock(_with_names(counts.absent_unexcused, unexcused), lead="Vắng không có lý do:"),
        TextBlock(f"{members(counts.exempt)}.", lead="Miễn sinh hoạt, không dự:"),
        TextBlock(f"{members(counts.attached_elsewhere)}.", lead="Sinh hoạt tạm thời nơi khác:"),
    ]


def _with_names(count: int, names: list[str]) -> str:
    return f"{members(count)}: {', '.join(names)}." if names else f"{members(count)}."


def follow_up_table(items: Sequence[FollowUpItem]) -> list[Block]:
    """Last month's tasks and their results as a table (empty list when there are none)."""
    if not items:
        return []
    rows = tuple((str(i), item.task, item.result) for i, item in enumerate(items, start=1))
    align: tuple[Align, ...] = ("centre", "left", "left")
    table = TableBlock(_FOLLOW_UP_COLUMNS, rows, _FOLLOW_UP_WEIGHTS, align, _TABLE_SIZE)
    return [table, SpacerBlock(_AFTER_TABLE_MM)]


def task_table(tasks: Sequence[TaskAssignment]) -> list[Block]:
    """The assignments (phân công): who, what and by when (empty list when there are none)."""
    if not tasks:
        return []
    rows = tuple(
        (str(i), t.assignee, t.task, short_date(t.deadline)) for i, t in enumerate(tasks, start=1)
    )
    align: tuple[Align, ...] = ("centre", "left", "left", "centre")
    table = TableBlock(_TASK_COLUMNS, rows, _TASK_WEIGHTS, align, _TABLE_SIZE)
    return [table, SpacerBlock(_AFTER_TABLE_MM)]


def speeches(items: Sequence[Speech]) -> list[Block]:
    """The discussion, one paragraph per opinion in the order people spoke."""
    return [
        TextBlock(nfc(s.opinion).strip(), lead=f"Đồng chí {nfc(s.speaker).strip()}:") for s in items
    ]


def vote_line(vote: DecisionVote) -> str:
    """ "Tán thành 25/27 đồng chí, đạt 92,6%; không tán thành 1 đồng chí; không biểu quyết 1
    đồng chí." — the denominator is the members who count for the vote (rule 11)."""
    if vote.yes is None or vote.no is None or vote.abstain is None:
        return VOTE_NOT_RECORDED
    share = percent(vote.yes, vote.denominator)
    return (
        f"Tán thành {format_count(vote.yes)}/{members(vote.denominator)}, đạt {share}; "
        f"không tán thành {members(vote.no)}; không biểu quyết {members(vote.abstain)}."
    )


def result_line(vote: DecisionVote) -> str:
    """ "Kết quả: thông qua (cần ít nhất 18/27 đồng chí tán thành)." or "không thông qua"."""
    verdict = "thông qua" if vote.passed else "không thông qua"
    need = f"{format_count(vote.required_yes)}/{members(vote.denominator)}"
    return f"Kết quả: {verdict} (cần ít nhất {need} tán thành)."


def decisions(votes: Sequence[DecisionVote]) -> list[Block]:
    """Each matter voted on, lettered a), b), ..., with its vote and result lines."""
    blocks: list[Block] = []
    for index, vote in enumerate(votes):
        letter = chr(ord("a") + index) if index < 26 else str(index + 1)
        blocks.append(TextBlock(nfc(vote.text).strip(), lead=f"{letter})", keep_with_next=True))
        if not vote.recorded:
            blocks.append(TextBlock(VOTE_NOT_RECORDED, italic=True))
            continue
        blocks.append(TextBlock(vote_line(vote), keep_with_next=True))
        blocks.append(TextBlock(result_line(vote), italic=True))
    return blocks


def score_line(quality: QualityAssessment) -> str:
    """ "Tổng số điểm: 87/100 điểm; xếp loại: Khá." """
    return (
        f"Tổng số điểm: {quality.total}/{quality.maximum} điểm; "
        f"xếp loại: {nfc(quality.band).strip()}."
    )


def shortcomings(quality: QualityAssessment) -> list[Block]:
    """ "Hạn chế cần khắc phục:" and the list (nothing when there are none)."""
    if not any(item.strip() for item in quality.shortcomings):
        return []
    lead = TextBlock("Hạn chế cần khắc phục:", italic=True, keep_with_next=True)
    return [lead, *bullets(quality.shortcomings)]


def quality_table(quality: QualityAssessment) -> list[Block]:
    """The criteria table (TT, tiêu chí, điểm tối đa, điểm tự chấm) with its total row."""
    rows = [
        (str(i), row.name, str(row.max_points), str(row.points))
        for i, row in enumerate(quality.rows, start=1)
    ]
    rows.append(("", "Tổng cộng", str(quality.maximum), str(quality.total)))
    align: tuple[Align, ...] = ("centre", "left", "centre", "centre")
    table = TableBlock(
        _QUALITY_COLUMNS, tuple(rows), _QUALITY_WEIGHTS, align, _TABLE_SIZE, total_row=True
    )
    return [table, SpacerBlock(_AFTER_TABLE_MM)]


def quality_summary(quality: QualityAssessment | None) -> list[Block]:
    """The score and band in one sentence, then the shortcomings (nothing when not scored)."""
    if quality is None:
        return []
    return [TextBlock(score_line(quality)), *shortcomings(quality)]


def conclusion(text: str, next_date: dt.date | None, next_topic: str) -> list[Block]:
    """The chair's conclusion, then the next meeting's date and topic."""
    return [*paragraphs(text), *next_meeting(next_date, next_topic)]


def next_meeting(day: dt.date | None, topic: str) -> list[Block]:
    """The next meeting (kỳ sinh hoạt tới): its date and topic, when known."""
    parts = []
    if day is not None:
        parts.append(party_date(day))
    if topic.strip():
        parts.append(f"nội dung: {nfc(topic).strip()}")
    if not parts:
        return []
    return [TextBlock("; ".join(parts) + ".", lead="Kỳ sinh hoạt tới:")]


def closing_line(session: MeetingSession) -> list[Block]:
    """ "Hội nghị kết thúc vào hồi 10 giờ 00 phút cùng ngày." (nothing while not finished)."""
    if session.end_time is None:
        return []
    return [TextBlock(f"Hội nghị kết thúc vào hồi {clock(session.end_time)} cùng ngày.")]


def minutes_signature(session: MeetingSession) -> SignatureBlock:
    """The two signers of a record: the minute-taker on the left, the chair on the right."""
    return SignatureBlock(
        left_title=MINUTES_SIGNATURE_LEFT,
        left_name=session.minute_taker,
        right_title=MINUTES_SIGNATURE_RIGHT,
        right_name=session.chair,
    )


def cell_signature(secretary_name: str) -> SignatureBlock:
    """The collective signature of a cell document: T/M CHI BỘ, BÍ THƯ and the name."""
    return SignatureBlock(
        right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name=secretary_name
    )
