"""The meeting-quality score sheet (bảng tự chấm điểm chất lượng sinh hoạt chi bộ)."""

from __future__ import annotations

import dataclasses

import meeting_samples as samples
import pytest
from pdf_probe import PdfTools

from app.reports.meeting_snapshots import QualityAssessment, QualityRow, quality_sheet_of
from app.reports.quality_sheet import render_quality_sheet


def test_score_sheet_prints_each_criterion_total_band_and_signature(pdf: PdfTools) -> None:
    sheet = quality_sheet_of(samples.meeting(), samples.header(""))
    lines = [line for page in pdf.lines(render_quality_sheet(sheet)) for line in page]
    assert lines[:7] == [
        "ĐẢNG ỦY XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 03 tháng 11 năm 2026",
        "BẢNG TỰ CHẤM ĐIỂM",
        "Chất lượng sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
    ]
    joined = " ".join(lines)
    rows = " ".join(
        f"{i} {row.name} {row.max_points} {row.points}"
        for i, row in enumerate(samples.QUALITY_ROWS, start=1)
    )
    assert f"Điểm tối đa Điểm tự chấm {rows} Tổng cộng 100 87 " in joined
    assert "Tổng số điểm: 87/100 điểm; xếp loại: Khá." in lines
    assert "- Chuẩn bị tài liệu muộn" in lines
    assert lines[-6:] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng A Dế",
    ]


def test_a_province_table_prints_its_own_criteria(pdf: PdfTools) -> None:
    quality = QualityAssessment(
        (QualityRow("Tiêu chí riêng của tỉnh", 60, 55), QualityRow("Kết quả", 40, 38)), "Tốt"
    )
    meeting = dataclasses.replace(samples.meeting(), quality=quality)
    sheet = quality_sheet_of(meeting, samples.header("", draft=True))
    pages = pdf.lines(render_quality_sheet(sheet))
    joined = " ".join(pages[0])
    assert "1 Tiêu chí riêng của tỉnh 60 55 2 Kết quả 40 38 Tổng cộng 100 93 " in joined
    assert "Tổng số điểm: 93/100 điểm; xếp loại: Tốt." in pages[0]
    assert "Hạn chế cần khắc phục:" not in pages[0]
    assert "DỰ THẢO" in pages[0]


def test_a_score_above_its_maximum_is_refused() -> None:
    with pytest.raises(ValueError, match="maximum"):
        QualityAssessment((QualityRow("Công tác chuẩn bị", 10, 11),), "Tốt")


def test_sheet_of_an_unscored_meeting_is_refused() -> None:
    with pytest.raises(ValueError, match="no quality score"):
        quality_sheet_of(dataclasses.replace(samples.meeting(), quality=None), samples.header())


def test_thematic_sheet_takes_the_given_secretary(pdf: PdfTools) -> None:
    sheet = quality_sheet_of(samples.thematic(), samples.header(""), secretary_name="Sùng A Dế")
    assert sheet.kind_label == "sinh hoạt chuyên đề quý IV năm 2026"
    lines = pdf.lines(render_quality_sheet(sheet))[0]
    assert "Chất lượng sinh hoạt chuyên đề quý IV năm 2026" in lines
    assert lines[-4:] == ["- Lưu Chi bộ.", "T/M CHI BỘ", "BÍ THƯ", "Sùng A Dế"]
