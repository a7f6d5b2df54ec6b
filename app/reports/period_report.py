"""The cell's periodic report to the superior committee (báo cáo tình hình hoạt động của chi
bộ) as a Party document, for a month, a quarter or a year.

Parts: I. members (counts at the start and the end, changes with names); II. meetings held
(kind, date, attendance, quality score and band; thematic topics; resolutions issued);
III. tasks given (open/done); IV. the indicators against the profile's targets. Signed
"T/M CHI BỘ / BÍ THƯ" with the note of the digital signature under the name. Parts for
capabilities that do not exist yet (ratings, admissions, fees) are not printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.domain.periods import Period, PeriodKind
from app.domain.profile_indicators import PercentTarget
from app.domain.report_indicators import RangeStatus, ShareIndicator
from app.reports import meeting_parts as parts
from app.reports.decorations import format_count, nfc
from app.reports.layout import (
    Align,
    Block,
    HeadingBlock,
    SignatureBlock,
    TableBlock,
    TextBlock,
    render_document,
)
from app.reports.report_snapshots import (
    GivenTask,
    HeldMeeting,
    MemberChange,
    MemberCounts,
    ReportSnapshot,
)

TITLE = "BÁO CÁO"
_QUARTER_NAMES = ("I", "II", "III", "IV")
_CHANGE_COLUMNS = ("TT", "Họ và tên", "Biến động", "Ngày", "Số quyết định")
_CHANGE_WEIGHTS = (9.0, 48.0, 50.0, 26.0, 32.0)
_MEETING_COLUMNS = ("TT", "Ngày", "Loại sinh hoạt", "Có mặt/Tổng số", "Điểm", "Xếp loại")
_MEETING_WEIGHTS = (9.0, 26.0, 56.0, 28.0, 18.0, 28.0)
_TASK_COLUMNS = ("TT", "Người thực hiện", "Nội dung công việc", "Thời hạn", "Kết quả")
_TASK_WEIGHTS = (9.0, 38.0, 66.0, 25.0, 27.0)
_TASK_ALIGN: tuple[Align, ...] = ("centre", "left", "left", "centre", "left")
_INDICATOR_COLUMNS = ("TT", "Chỉ tiêu", "Kết quả", "Mục tiêu", "Đánh giá")
_INDICATOR_WEIGHTS = (9.0, 58.0, 38.0, 26.0, 34.0)
_NO_DATA = "Chưa có số liệu"
_RANGE_LABELS = {
    RangeStatus.BELOW: "Chưa đạt",
    RangeStatus.WITHIN: "Đạt",
    RangeStatus.ABOVE: "Vượt",
}


def period_phrase(period: Period) -> str:
    """ "tháng 11 năm 2026", "quý III năm 2026" or "năm 2026"."""
    if period.kind is PeriodKind.MONTH:
        return f"tháng {period.start.month} năm {period.year}"
    if period.kind is PeriodKind.QUARTER:
        return f"quý {_QUARTER_NAMES[period.quarter - 1]} năm {period.year}"
    return f"năm {period.year}"


def report_subject(period: Period) -> str:
    """The subject line (trích yếu): "Tình hình hoạt động của chi bộ tháng 11 năm 2026"."""
    return f"Tình hình hoạt động của chi bộ {period_phrase(period)}"


def render_period_report(snapshot: ReportSnapshot) -> bytes:
    """Render the periodic report (báo cáo, "Số 03-BC/CB") as PDF bytes."""
    return render_document(
        snapshot.header,
        TITLE,
        report_subject(snapshot.period),
        report_body(snapshot),
        SignatureBlock(
            right_title="T/M CHI BỘ",
            right_subtitle="BÍ THƯ",
            right_name=snapshot.secretary_name,
            right_note=snapshot.signature_note,
        ),
        snapshot.recipients,
    )


def report_body(snapshot: ReportSnapshot) -> list[Block]:
    """The opening sentence and parts I to IV."""
    period = snapshot.period
    opening = (
        f"{parts.cell_title(snapshot.cell_name)} báo cáo tình hình hoạt động của chi bộ "
        f"{period_phrase(period)} (từ ngày {_day(period.start)} đến ngày {_day(period.end)}) "
        "như sau:"
    )
    return [
        TextBlock(opening),
        HeadingBlock("I. TÌNH HÌNH ĐẢNG VIÊN"),
        *_members(snapshot),
        HeadingBlock("II. SINH HOẠT CHI BỘ"),
        *_meetings(snapshot.meetings),
        HeadingBlock("III. PHÂN CÔNG NHIỆM VỤ"),
        *_tasks(snapshot.tasks),
        HeadingBlock("IV. CÁC CHỈ TIÊU"),
        _indicator_table(snapshot),
    ]


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _counts(label: str, counts: MemberCounts) -> TextBlock:
    return TextBlock(
        f"{label}: tổng số đảng viên {parts.members(counts.total)} (chính thức "
        f"{format_count(counts.full)}, dự bị {format_count(counts.probationary)})."
    )


def _end_label(snapshot: ReportSnapshot) -> str:
    if snapshot.as_of < snapshot.period.end:
        return f"Đến ngày {_day(snapshot.as_of)}"
    return "Cuối kỳ"


def _members(snapshot: ReportSnapshot) -> list[Block]:
    blocks: list[Block] = [
        _counts("Đầu kỳ", snapshot.members_at_start),
        _counts(_end_label(snapshot), snapshot.members_at_end),
    ]
    if not snapshot.changes:
        return [*blocks, TextBlock("Trong kỳ không có biến động về đảng viên.")]
    blocks.append(TextBlock(f"Biến động trong kỳ: {_change_summary(snapshot.changes)}."))
    rows = tuple(
        (str(n), c.full_name, c.label, _day(c.date), c.decision_ref)
        for n, c in enumerate(snapshot.changes, start=1)
    )
    blocks.append(TableBlock(_CHANGE_COLUMNS, rows, _CHANGE_WEIGHTS, ("centre",) + ("left",) * 4))
    return blocks


def _change_summary(changes: Sequence[MemberChange]) -> str:
    counted: dict[str, int] = {}
    for change in changes:
        counted[change.label] = counted.get(change.label, 0) + 1
    return "; ".join(f"{label.lower()} {parts.members(n)}" for label, n in counted.items())


def _meetings(meetings: Sequence[HeldMeeting]) -> list[Block]:
    if not meetings:
        return [TextBlock("Trong kỳ chi bộ chưa có cuộc sinh hoạt nào có biên bản chính thức.")]
    thematic = sum(m.thematic for m in meetings)
    blocks: list[Block] = [
        TextBlock(
            f"Trong kỳ, chi bộ tổ chức {format_count(len(meetings))} cuộc sinh hoạt, trong đó "
            f"{format_count(thematic)} cuộc có nội dung sinh hoạt chuyên đề."
        ),
        TableBlock(
            _MEETING_COLUMNS,
            tuple(_meeting_row(n, m) for n, m in enumerate(meetings, start=1)),
            _MEETING_WEIGHTS,
            ("centre", "centre", "left", "centre", "centre", "centre"),
        ),
    ]
    topics = [f"{_day(m.date)}: {nfc(m.topic).strip()}" for m in meetings if m.thematic]
    if topics:
        lead = TextBlock("Chuyên đề đã sinh hoạt:", keep_with_next=True)
        blocks += [lead, *parts.bullets(topics)]
    issued = [f"{m.resolution}, ngày {_day(m.date)}" for m in meetings if m.resolution]
    if issued:
        lead = TextBlock("Nghị quyết, kết luận đã ban hành:", keep_with_next=True)
        blocks += [lead, *parts.bullets(issued)]
    return blocks


def _meeting_row(number: int, meeting: HeldMeeting) -> tuple[str, ...]:
    score = "" if meeting.quality_total is None else str(meeting.quality_total)
    return (
        str(number),
        _day(meeting.date),
        meeting.kind_label,
        f"{meeting.present}/{meeting.total}",
        score,
        meeting.quality_band or "Chưa chấm",
    )


def _tasks(tasks: Sequence[GivenTask]) -> list[Block]:
    if not tasks:
        return [TextBlock("Trong kỳ chi bộ chưa phân công nhiệm vụ nào.")]
    done = sum(task.done for task in tasks)
    people = len({nfc(task.assignee).strip() for task in tasks if task.assignee.strip()})
    summary = (
        f"Trong kỳ, chi bộ phân công {format_count(len(tasks))} nhiệm vụ cho "
        f"{parts.members(people)}; đã hoàn thành {format_count(done)}, đang thực hiện "
        f"{format_count(len(tasks) - done)}."
    )
    rows = tuple(
        (
            str(n),
            task.assignee,
            task.description,
            parts.short_date(task.deadline),
            "Đã hoàn thành" if task.done else "Đang thực hiện",
        )
        for n, task in enumerate(tasks, start=1)
    )
    return [TextBlock(summary), TableBlock(_TASK_COLUMNS, rows, _TASK_WEIGHTS, _TASK_ALIGN)]


def _target(target: PercentTarget) -> str:
    if target.strict:
        return f"Trên {target.percent}%"
    return "100%" if target.percent == 100 else f"Từ {target.percent}%"


def _share(indicator: ShareIndicator) -> str:
    if indicator.whole == 0:
        return _NO_DATA
    return f"{indicator.part}/{indicator.whole} ({parts.percent(indicator.part, indicator.whole)})"


def _met(met: bool | None) -> str:
    return _NO_DATA if met is None else ("Đạt" if met else "Chưa đạt")


def _yes_no(value: bool | None) -> str:
    return "Chưa khai báo" if value is None else ("Có" if value else "Không")


def _indicator_table(snapshot: ReportSnapshot) -> TableBlock:
    found = snapshot.indicators
    admissions = found.admissions
    yearly = f"Từ {admissions.target.low} đến {admissions.target.high}%/năm"
    admitted = f"Trong kỳ {admissions.in_period}; từ đầu năm {admissions.in_year}"
    if admissions.base:
        admitted += f"/{admissions.base} ({parts.percent(admissions.in_year, admissions.base)})"
    verdict = (
        _RANGE_LABELS[admissions.status] if admissions.status else "Chưa hết năm, chưa đánh giá"
    )
    rows: list[tuple[str, str, str, str]] = [
        (
            "Tỷ lệ cuộc sinh hoạt xếp loại Tốt",
            _share(found.good_meetings),
            _target(found.good_meetings.target),
            _met(found.good_meetings.met),
        ),
        (
            "Tỷ lệ đảng viên được phân công nhiệm vụ",
            _share(found.members_with_tasks),
            _target(found.members_with_tasks.target),
            _met(found.members_with_tasks.met),
        ),
        ("Kết nạp đảng viên mới", admitted, yearly, verdict),
        ("Trưởng thôn là đảng viên", _yes_no(found.village_head_is_member), "", ""),
        (
            "Trưởng ban công tác Mặt trận là đảng viên",
            _yes_no(found.front_head_is_member),
            "",
            "",
        ),
    ]
    return TableBlock(
        _INDICATOR_COLUMNS,
        tuple((str(n), *row) for n, row in enumerate(rows, start=1)),
        _INDICATOR_WEIGHTS,
        ("centre", "left", "left", "left", "left"),
    )
