"""The minutes of a cell meeting (biên bản sinh hoạt chi bộ) as a Party document."""

from __future__ import annotations

import dataclasses
import unicodedata

import meeting_samples as samples
from pdf_probe import PdfTools

from app.reports.meeting_snapshots import (
    AbsentMember,
    MeetingSession,
    MeetingSnapshot,
    Speech,
    TaskAssignment,
)
from app.reports.minutes import render_minutes

TASK_COLUMNS = ("TT", "Người thực hiện", "Nội dung công việc", "Thời hạn")


def _lines(data: bytes, pdf: PdfTools) -> list[str]:
    return [line for page in pdf.lines(data) for line in page]


def test_minutes_open_with_the_party_header_and_title(pdf: PdfTools) -> None:
    lines = _lines(render_minutes(samples.meeting()), pdf)
    assert lines[:12] == [
        "ĐẢNG ỦY XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 03 tháng 11 năm 2026",
        "Số 05-BB/CB",
        "BIÊN BẢN",
        "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "Thời gian: Vào hồi 08 giờ 00 phút, ngày 03 tháng 11 năm 2026.",
        "Địa điểm: Nhà văn hóa thôn Lũng Cú.",
        "II. THÀNH PHẦN",
    ]


def test_minutes_list_participants_counts_and_absentees(pdf: PdfTools) -> None:
    text = "\n".join(_lines(render_minutes(samples.meeting()), pdf))
    for line in (
        "Chủ trì: Đồng chí Sùng A Dế, Bí thư Chi bộ.",
        "Thư ký: Đồng chí Lò Văn Xuyến.",
        "Có mặt: 25 đồng chí.",
        "Vắng có lý do: 2 đồng chí: Giàng Seo Phử (ốm), Vàng Thị Mỷ (đi làm ăn xa).",
        "Vắng không có lý do: 1 đồng chí: Lý Văn Đức.",
        "Miễn sinh hoạt, không dự: 1 đồng chí.",
        "Sinh hoạt tạm thời nơi khác: 1 đồng chí.",
        "Khách mời: đồng chí Hà Văn Khải, Đảng ủy viên, phụ trách Chi bộ.",
    ):
        assert f"\n{line}\n" in text
    joined = " ".join(text.split("\n"))
    assert (
        "Tổng số đảng viên của chi bộ: 30 đồng chí (chính thức: 27 đồng chí; dự bị: 3 đồng chí)."
        in joined
    )


def test_minutes_content_parts_come_in_meeting_order(pdf: PdfTools) -> None:
    lines = _lines(render_minutes(samples.meeting()), pdf)
    headings = [
        "III. NỘI DUNG",
        "1. Chương trình sinh hoạt",
        "2. Tình hình thu, nộp đảng phí",
        "3. Kiểm điểm việc thực hiện nghị quyết kỳ trước",
        "4. Tóm tắt báo cáo",
        "5. Ý kiến thảo luận",
        "6. Biểu quyết",
        "7. Phân công nhiệm vụ",
        "8. Tự đánh giá chất lượng sinh hoạt",
        "9. Kết luận của chủ trì",
    ]
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert lines[positions[1] + 1] == "- Thông báo tình hình thu, nộp đảng phí"
    assert "Tổng số điểm: 87/100 điểm; xếp loại: Khá." in lines
    assert (
        lines[lines.index("Hạn chế cần khắc phục:") + 1] == "- Tỷ lệ đảng viên phát biểu còn thấp"
    )


def test_speeches_print_in_the_order_spoken(pdf: PdfTools) -> None:
    snapshot = samples.meeting(speeches=8)
    joined = " ".join(_lines(render_minutes(snapshot), pdf))
    starts = [joined.index(f"Đồng chí {speech.speaker}:") for speech in snapshot.speeches]
    assert starts == sorted(starts)
    assert len(starts) == 8


def test_votes_print_share_of_the_denominator_and_result(pdf: PdfTools) -> None:
    snapshot = dataclasses.replace(
        samples.meeting(),
        decisions=(
            samples.decision("Đề nghị kết nạp quần chúng Vàng A Sình", 17, 25, 17),
            samples.decision("Đề nghị công nhận đảng viên chính thức", 16, 25, 17),
        ),
    )
    joined = " ".join(_lines(render_minutes(snapshot), pdf))
    assert (
        "a) Đề nghị kết nạp quần chúng Vàng A Sình Tán thành 17/25 đồng chí, đạt 68%; "
        "không tán thành 7 đồng chí; không biểu quyết 1 đồng chí. "
        "Kết quả: thông qua (cần ít nhất 17/25 đồng chí tán thành)."
    ) in joined
    assert (
        "b) Đề nghị công nhận đảng viên chính thức Tán thành 16/25 đồng chí, đạt 64%; "
        "không tán thành 8 đồng chí; không biểu quyết 1 đồng chí. "
        "Kết quả: không thông qua (cần ít nhất 17/25 đồng chí tán thành)."
    ) in joined


def test_a_vote_not_typed_yet_prints_as_not_recorded(pdf: PdfTools) -> None:
    pending = dataclasses.replace(samples.decision("Thông qua kế hoạch", 20), no=None, passed=None)
    snapshot = dataclasses.replace(samples.meeting(), decisions=(pending,))
    lines = _lines(render_minutes(snapshot), pdf)
    first = lines.index("a) Thông qua kế hoạch")
    assert lines[first + 1] == "Chưa ghi đủ kết quả biểu quyết."
    assert not any(line.startswith("Kết quả:") for line in lines)


def test_minutes_close_with_end_time_and_two_signatures_without_recipients(
    pdf: PdfTools,
) -> None:
    lines = _lines(render_minutes(samples.meeting()), pdf)
    assert lines[-5:] == [
        "Hội nghị kết thúc vào hồi 10 giờ 15 phút cùng ngày.",
        "NGƯỜI GHI BIÊN BẢN",
        "Lò Văn Xuyến",
        "CHỦ TRÌ HỘI NGHỊ",
        "Sùng A Dế",
    ]
    assert "Nơi nhận:" not in lines
    assert "- Lưu Chi bộ." not in lines


def test_forty_tasks_span_pages_with_the_header_repeated(pdf: PdfTools) -> None:
    snapshot = samples.meeting(tasks=40)
    pages = pdf.lines(render_minutes(snapshot))
    with_tasks = [
        page for page in pages if any(line.startswith("Vận động các hộ") for line in page)
    ]
    assert len(with_tasks) >= 2
    for page in with_tasks:
        # The header row is there once, in order, before the rows of that page.
        assert [line for line in page if line in TASK_COLUMNS] == list(TASK_COLUMNS)
    joined = " ".join(line for page in pages for line in page)
    for number, task in enumerate(snapshot.tasks, start=1):
        deadline = task.deadline.strftime("%d/%m/%Y") if task.deadline else "Thường xuyên"
        assert f" {number} {task.assignee} {task.task} {deadline} " in joined


def test_sixty_attendees_with_many_absentees(pdf: PdfTools) -> None:
    base = samples.meeting(attendees=60)
    absent = tuple(AbsentMember(samples.name(i), "đi làm ăn xa") for i in range(12))
    session = dataclasses.replace(
        base.session,
        attendance=dataclasses.replace(base.session.attendance, absent_excused=12, present=45),
        absent_excused=absent,
    )
    joined = " ".join(_lines(render_minutes(dataclasses.replace(base, session=session)), pdf))
    assert "Tổng số đảng viên của chi bộ: 60 đồng chí (chính thức: 57 đồng chí; dự bị: 3" in joined
    names = ", ".join(f"{member.name} (đi làm ăn xa)" for member in absent)
    assert f"Vắng có lý do: 12 đồng chí: {names}." in joined


def test_draft_minutes_carry_the_mark_and_leave_out_what_is_missing(pdf: PdfTools) -> None:
    full = samples.meeting()
    draft = MeetingSnapshot(
        header=samples.header(draft=True),
        cell_name=full.cell_name,
        session=dataclasses.replace(full.session, end_time=None, guests=()),
        secretary_name=full.secretary_name,
        speeches=(Speech("Đặng Văn Ửng", "Nhất trí."),),
    )
    lines = _lines(render_minutes(draft), pdf)
    assert "DỰ THẢO" in pdf.lines(render_minutes(draft))[0]
    assert "DỰ THẢO" not in _lines(render_minutes(full), pdf)
    # Only the parts with content are numbered; no closing time while the meeting is open.
    assert [line for line in lines if line[:2] in ("1.", "2.", "3.")] == ["1. Ý kiến thảo luận"]
    assert not any(line.startswith("Hội nghị kết thúc") for line in lines)
    assert not any(line.startswith("Khách mời") for line in lines)


def test_decomposed_snapshot_prints_composed_text(pdf: PdfTools) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    snapshot = samples.meeting()
    session: MeetingSession = snapshot.session
    decomposed = dataclasses.replace(
        snapshot,
        header=dataclasses.replace(
            snapshot.header,
            superior_body=nfd(snapshot.header.superior_body),
            issuing_body=nfd(snapshot.header.issuing_body),
            place=nfd(snapshot.header.place),
        ),
        session=dataclasses.replace(
            session,
            kind_label=nfd(session.kind_label),
            chair=nfd(session.chair),
            minute_taker=nfd(session.minute_taker),
            place=nfd(session.place),
            absent_unexcused=tuple(nfd(name) for name in session.absent_unexcused),
        ),
        speeches=tuple(Speech(nfd(s.speaker), nfd(s.opinion)) for s in snapshot.speeches),
        tasks=tuple(
            TaskAssignment(nfd(t.assignee), nfd(t.task), t.deadline) for t in snapshot.tasks
        ),
        fee_note=nfd(snapshot.fee_note),
    )
    assert decomposed.session.chair != session.chair
    assert pdf.lines(render_minutes(decomposed)) == pdf.lines(render_minutes(snapshot))


def test_same_minutes_give_the_same_bytes() -> None:
    assert render_minutes(samples.meeting()) == render_minutes(samples.meeting())
