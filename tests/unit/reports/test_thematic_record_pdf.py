"""The record of a thematic meeting (biên bản sinh hoạt chuyên đề)."""

from __future__ import annotations

import dataclasses

import meeting_samples as samples
from pdf_probe import PdfTools

from app.reports.thematic_record import render_thematic_record


def test_thematic_record_parts_and_signatures(pdf: PdfTools) -> None:
    pages = pdf.lines(render_thematic_record(samples.thematic()))
    lines = [line for page in pages for line in page]
    assert lines[:8] == [
        "ĐẢNG ỦY XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 03 tháng 11 năm 2026",
        "Số 06-BB/CB",
        "BIÊN BẢN",
        "Sinh hoạt chuyên đề quý IV năm 2026",
    ]
    content = lines.index("III. NỘI DUNG")
    assert lines[content : content + 4] == [
        "III. NỘI DUNG",
        "1. Chuyên đề",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Đồng chí Nguyễn Thị Hường trình bày chuyên đề.",
    ]
    for heading in (
        "2. Tóm tắt nội dung chuyên đề",
        "3. Ý kiến thảo luận",
        "4. Tự đánh giá chất lượng sinh hoạt",
        "5. Kết luận của chủ trì",
    ):
        assert heading in lines
    assert "Đồng chí Đặng Văn Ửng: Nhất trí với nội dung chuyên đề." in lines
    assert lines[-5:] == [
        "Hội nghị kết thúc vào hồi 10 giờ 15 phút cùng ngày.",
        "NGƯỜI GHI BIÊN BẢN",
        "Lò Văn Xuyến",
        "CHỦ TRÌ HỘI NGHỊ",
        "Sùng A Dế",
    ]
    assert "Nơi nhận:" not in lines
    assert "DỰ THẢO" not in lines


def test_draft_thematic_record_is_marked(pdf: PdfTools) -> None:
    pages = pdf.lines(render_thematic_record(samples.thematic(draft=True)))
    assert all("DỰ THẢO" in page for page in pages)


def test_unscored_thematic_record_skips_the_score_part(pdf: PdfTools) -> None:
    snapshot = dataclasses.replace(samples.thematic(), quality=None, discussion=())
    lines = [line for page in pdf.lines(render_thematic_record(snapshot)) for line in page]
    assert "3. Kết luận của chủ trì" in lines
    assert not any("Tự đánh giá" in line or "thảo luận" in line for line in lines)
