"""Realistic meeting snapshots for the meeting-document tests and the minutes benchmark."""

from __future__ import annotations

import datetime as dt

from app.reports.meeting_snapshots import (
    AbsentMember,
    AttendanceSummary,
    DecisionVote,
    FollowUpItem,
    Guest,
    MeetingSession,
    MeetingSnapshot,
    QualityAssessment,
    QualityRow,
    Speech,
    TaskAssignment,
    ThematicRecordSnapshot,
)
from app.reports.snapshots import DocumentHeader

NAMES = (
    "Nguyễn Thị Hường",
    "Đặng Văn Ửng",
    "Hoàng Thị Ỷ",
    "Lò Văn Xuyến",
    "Sùng A Dế",
    "Giàng Seo Phử",
    "Vàng Thị Mỷ",
    "Trần Quốc Tuấn",
    "Phạm Thị Thủy",
    "Lý Văn Đức",
)
CHAIR = "Sùng A Dế"
MINUTE_TAKER = "Lò Văn Xuyến"

#: The national criteria table of the regulation profile (vn-2025.toml) with plausible points.
QUALITY_ROWS = (
    QualityRow("Chấp hành thời gian, thời lượng", 5, 5),
    QualityRow("Tỷ lệ đảng viên dự sinh hoạt", 5, 4),
    QualityRow("Công tác chuẩn bị", 10, 9),
    QualityRow("Tổ chức sinh hoạt", 40, 35),
    QualityRow("Nguyên tắc tổ chức, sinh hoạt đảng", 5, 5),
    QualityRow("Kết quả lãnh đạo thực hiện nghị quyết, kết luận kỳ trước", 30, 25),
    QualityRow("Kết thúc sinh hoạt", 5, 4),
)


def header(number: str = "Số 05-BB/CB", draft: bool = False) -> DocumentHeader:
    """The header of a document of the cell of thôn Lũng Cú, dated on the meeting day."""
    return DocumentHeader(
        superior_body="Đảng ủy xã Lũng Cú",
        issuing_body="Chi bộ thôn Lũng Cú",
        number=number,
        place="Lũng Cú",
        date=dt.date(2026, 11, 3),
        draft=draft,
    )


def name(index: int) -> str:
    """A distinct member name: the hard names first, then numbered ones."""
    base = NAMES[index % len(NAMES)]
    return base if index < len(NAMES) else f"{base} {index + 1}"


def session(attendees: int = 30, kind_label: str = "") -> MeetingSession:
    """A finished meeting of `attendees` members: 3 probationary, 2 excused, 1 unexcused,
    1 exempt, 1 attached elsewhere; the rest present."""
    present = attendees - 5
    return MeetingSession(
        kind_label=kind_label or "sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
        date=dt.date(2026, 11, 3),
        start_time=dt.time(8, 0),
        end_time=dt.time(10, 15),
        place="Nhà văn hóa thôn Lũng Cú",
        chair=CHAIR,
        chair_title="Bí thư Chi bộ",
        minute_taker=MINUTE_TAKER,
        attendance=AttendanceSummary(
            total=attendees,
            full=attendees - 3,
            probationary=3,
            present=present,
            absent_excused=2,
            absent_unexcused=1,
            exempt=1,
            attached_elsewhere=1,
        ),
        guests=(Guest("Hà Văn Khải", "Đảng ủy viên, phụ trách Chi bộ"),),
        absent_excused=(
            AbsentMember("Giàng Seo Phử", "ốm"),
            AbsentMember("Vàng Thị Mỷ", "đi làm ăn xa"),
        ),
        absent_unexcused=("Lý Văn Đức",),
    )


def decision(text: str, yes: int, denominator: int = 25, required: int = 13) -> DecisionVote:
    """A vote where every member who counts voted; the rest of the votes are 'no'."""
    no = max(denominator - yes - 1, 0)
    return DecisionVote(
        text=text,
        yes=yes,
        no=no,
        abstain=denominator - yes - no,
        denominator=denominator,
        required_yes=required,
        passed=yes >= required,
    )


def meeting(
    attendees: int = 30,
    speeches: int = 8,
    decisions: int = 4,
    tasks: int = 10,
    draft: bool = False,
    number: str = "Số 05-BB/CB",
) -> MeetingSnapshot:
    """A realistic regular meeting (the benchmark's size by default)."""
    opinion = (
        "Nhất trí với báo cáo của Chi ủy; đề nghị Chi bộ quan tâm hơn nữa đến việc vận động "
        "nhân dân tham gia xây dựng nông thôn mới và giữ gìn an ninh trật tự trên địa bàn."
    )
    return MeetingSnapshot(
        header=header(number, draft),
        cell_name="thôn Lũng Cú",
        session=session(attendees),
        secretary_name=CHAIR,
        agenda=(
            "Thông báo tình hình thu, nộp đảng phí",
            "Kiểm điểm việc thực hiện nghị quyết tháng 10 năm 2026",
            "Thảo luận, quyết nghị nhiệm vụ tháng 12 năm 2026",
        ),
        follow_up=tuple(
            FollowUpItem(f"Nhiệm vụ số {i} của tháng 10: vận động thu hoạch lúa mùa", "Hoàn thành")
            for i in range(1, 6)
        ),
        report_summary=(
            "Trong tháng, Chi bộ đã lãnh đạo hoàn thành các chỉ tiêu đề ra.\n"
            "Một số đảng viên còn chậm nộp đảng phí."
        ),
        speeches=tuple(Speech(name(i), opinion) for i in range(speeches)),
        decisions=tuple(
            decision(f"Thông qua nghị quyết nhiệm vụ số {i + 1}", 24 - i) for i in range(decisions)
        ),
        tasks=tuple(
            TaskAssignment(
                name(i),
                f"Vận động các hộ gia đình ở xóm {i + 1} tham gia vệ sinh môi trường",
                dt.date(2026, 11, 30) if i % 3 else None,
            )
            for i in range(tasks)
        ),
        next_month_tasks=(
            "Tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc",
            "Hoàn thành thu đảng phí năm 2026",
        ),
        fee_note="Đã thu đảng phí tháng 10 của 27/27 đảng viên; nộp lên Đảng ủy xã đúng hạn.",
        quality=QualityAssessment(
            QUALITY_ROWS, "Khá", ("Tỷ lệ đảng viên phát biểu còn thấp", "Chuẩn bị tài liệu muộn")
        ),
        next_meeting_date=dt.date(2026, 12, 3),
        next_meeting_topic="Sinh hoạt thường kỳ tháng 12 năm 2026",
        conclusion="Chủ trì kết luận: Chi bộ thống nhất các nhiệm vụ đã đề ra.",
        recipients=("Đảng ủy xã Lũng Cú",),
    )


def thematic(draft: bool = False) -> ThematicRecordSnapshot:
    """A thematic meeting (sinh hoạt chuyên đề) of the fourth quarter."""
    return ThematicRecordSnapshot(
        header=header("Số 06-BB/CB", draft),
        cell_name="Chi bộ thôn Lũng Cú",
        session=session(20, "sinh hoạt chuyên đề quý IV năm 2026"),
        topic="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        presenter="Nguyễn Thị Hường",
        content_summary="Chuyên đề gồm ba phần.\nPhần một: ý nghĩa của việc học tập.",
        discussion=(Speech("Đặng Văn Ửng", "Nhất trí với nội dung chuyên đề."),),
        conclusion="Chi bộ thống nhất đưa nội dung chuyên đề vào kế hoạch năm 2027.",
        quality=QualityAssessment(QUALITY_ROWS, "Khá"),
    )
