"""The monthly resolution (nghị quyết) of a cell meeting as a Party document."""

from __future__ import annotations

import dataclasses

import meeting_samples as samples
from pdf_probe import PdfTools

from app.reports.meeting_snapshots import MeetingSnapshot
from app.reports.resolution import render_conclusion, render_resolution


def _resolution(**changes: object) -> MeetingSnapshot:
    snapshot = samples.meeting(number="Số 05-NQ/CB")
    return dataclasses.replace(snapshot, **changes)  # type: ignore[arg-type]


def _lines(data: bytes, pdf: PdfTools) -> list[str]:
    return [line for page in pdf.lines(data) for line in page]


def test_resolution_has_header_title_and_four_parts_in_order(pdf: PdfTools) -> None:
    lines = _lines(render_resolution(_resolution()), pdf)
    assert lines[:8] == [
        "ĐẢNG ỦY XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 03 tháng 11 năm 2026",
        "Số 05-NQ/CB",
        "NGHỊ QUYẾT",
        "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
    ]
    parts = [
        "I. ĐÁNH GIÁ KẾT QUẢ LÃNH ĐẠO THÁNG TRƯỚC",
        "II. NHIỆM VỤ THÁNG TỚI",
        "III. PHÂN CÔNG THỰC HIỆN",
        "IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT",
    ]
    positions = [lines.index(part) for part in parts]
    assert positions == sorted(positions)
    joined = " ".join(lines)
    assert (
        "Ngày 03 tháng 11 năm 2026, Chi bộ thôn Lũng Cú tổ chức sinh hoạt chi bộ thường kỳ "
        "tháng 11 năm 2026. Tổng số đảng viên 30 đồng chí, có mặt 25 đồng chí."
    ) in joined


def test_resolution_parts_hold_results_tasks_assignments_and_score(pdf: PdfTools) -> None:
    lines = _lines(render_resolution(_resolution()), pdf)
    joined = " ".join(lines)
    # I: last month's tasks and results, in a table.
    assert "TT Nhiệm vụ theo nghị quyết kỳ trước Kết quả thực hiện 1 Nhiệm vụ số 1" in joined
    # II: next month's tasks.
    second = lines.index("II. NHIỆM VỤ THÁNG TỚI")
    assert lines[second + 1 : second + 3] == [
        "- Tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc",
        "- Hoàn thành thu đảng phí năm 2026",
    ]
    # III: who, what, by when.
    assert (
        " 2 Đặng Văn Ửng Vận động các hộ gia đình ở xóm 2 tham gia vệ sinh môi trường "
        "30/11/2026 " in joined
    )
    # IV: the criteria table with its total row, then the band and shortcomings.
    assert " 7 Kết thúc sinh hoạt 5 4 Tổng cộng 100 87 " in joined
    assert "Tổng số điểm: 87/100 điểm; xếp loại: Khá." in lines


def test_resolution_ends_with_recipients_and_the_cell_signature(pdf: PdfTools) -> None:
    lines = _lines(render_resolution(_resolution()), pdf)
    assert lines[-6:] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng A Dế",
    ]


def test_part_two_lists_assigned_tasks_when_none_written(pdf: PdfTools) -> None:
    lines = _lines(render_resolution(_resolution(next_month_tasks=())), pdf)
    second = lines.index("II. NHIỆM VỤ THÁNG TỚI")
    assert lines[second + 1].startswith("- Vận động các hộ gia đình ở xóm 1")


def test_empty_draft_keeps_the_four_parts_and_says_nothing_is_recorded(pdf: PdfTools) -> None:
    full = _resolution()
    draft = MeetingSnapshot(
        header=samples.header("Số 05-NQ/CB", draft=True),
        cell_name="thôn Lũng Cú",
        session=full.session,
        secretary_name="Sùng A Dế",
    )
    pages = pdf.lines(render_resolution(draft))
    lines = [line for page in pages for line in page]
    assert "DỰ THẢO" in pages[0]
    assert "DỰ THẢO" not in _lines(render_resolution(full), pdf)
    for part in ("I.", "II.", "III.", "IV."):
        heading = next(line for line in lines if line.startswith(f"{part} "))
        assert lines[lines.index(heading) + 1] == "Chưa có nội dung."
    # No recipients given: only the archive line.
    assert lines[-5:-3] == ["Nơi nhận:", "- Lưu Chi bộ."]


def test_forty_assignments_repeat_the_table_header(pdf: PdfTools) -> None:
    snapshot = dataclasses.replace(samples.meeting(tasks=40), header=samples.header("Số 05-NQ/CB"))
    pages = pdf.lines(render_resolution(snapshot))
    with_tasks = [
        page for page in pages if any(line.startswith("Vận động các hộ") for line in page)
    ]
    assert len(with_tasks) >= 2
    for page in with_tasks:
        assert "Người thực hiện" in page
        assert "Thời hạn" in page


def test_conclusion_has_its_own_title_and_opening(pdf: PdfTools) -> None:
    snapshot = _resolution(header=samples.header("Số 05-KL/CB"))
    lines = [line for page in pdf.lines(render_conclusion(snapshot)) for line in page]
    assert lines[5:8] == [
        "Số 05-KL/CB",
        "KẾT LUẬN",
        "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
    ]
    joined = " ".join(lines)
    assert "thống nhất đánh giá kết quả lãnh đạo tháng trước và kết luận như sau:" in joined
    assert "I. ĐÁNH GIÁ KẾT QUẢ LÃNH ĐẠO THÁNG TRƯỚC" in lines
    assert lines[-3:] == ["T/M CHI BỘ", "BÍ THƯ", "Sùng A Dế"]
