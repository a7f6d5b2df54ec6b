"""The Party-document layout: header, date line, blocks, signature, Nơi nhận, page marks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest
from pdf_probe import PdfTools

from app.reports.layout import (
    HeadingBlock,
    SignatureBlock,
    SpacerBlock,
    TableBlock,
    TextBlock,
    party_date_line,
    render_document,
)
from app.reports.snapshots import DocumentHeader

RESOLUTION_SIGNATURE = SignatureBlock(
    right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name="Sùng A Dế"
)


def _joined(pages: list[list[str]]) -> str:
    return "\n".join(line for page in pages for line in page)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # 36-HD/05-HD (domain.md §9.2): leading zero for days < 10 and for months 1 and 2 only.
        (dt.date(2026, 2, 5), "Lũng Cú, ngày 05 tháng 02 năm 2026"),
        (dt.date(2026, 1, 9), "Lũng Cú, ngày 09 tháng 01 năm 2026"),
        (dt.date(2026, 3, 5), "Lũng Cú, ngày 05 tháng 3 năm 2026"),
        (dt.date(2026, 9, 20), "Lũng Cú, ngày 20 tháng 9 năm 2026"),
        (dt.date(2026, 11, 30), "Lũng Cú, ngày 30 tháng 11 năm 2026"),
    ],
)
def test_party_date_line(day: dt.date, expected: str) -> None:
    assert party_date_line("Lũng Cú", day) == expected


def test_party_date_line_composes_a_decomposed_place() -> None:
    place = unicodedata.normalize("NFD", "Lũng Cú")
    assert party_date_line(place, dt.date(2026, 2, 5)).startswith("Lũng Cú,")


def test_document_has_every_part_in_order(header: DocumentHeader, pdf: PdfTools) -> None:
    data = render_document(
        header,
        "Báo cáo",
        "Kết quả sinh hoạt chi bộ tháng 01 năm 2026",
        [
            HeadingBlock("I. TÌNH HÌNH CHUNG"),
            TextBlock("Chi bộ duy trì sinh hoạt đều đặn.", lead="Ưu điểm:"),
            SpacerBlock(4),
            TableBlock(
                header=("TT", "Nội dung"),
                rows=(("1", "Thu đảng phí"),),
                weights=(1, 6),
                align=("centre", "left"),
            ),
        ],
        RESOLUTION_SIGNATURE,
        ["Đảng ủy xã Lũng Cú;", "Các đảng viên"],
    )
    lines = pdf.lines(data)[0]
    expected = [
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 05 tháng 02 năm 2026",
        "Số 01-BC/CB",
        "BÁO CÁO",
        "Kết quả sinh hoạt chi bộ tháng 01 năm 2026",
        "I. TÌNH HÌNH CHUNG",
        "Ưu điểm: Chi bộ duy trì sinh hoạt đều đặn.",
        "TT",
        "Nội dung",
        "1",
        "Thu đảng phí",
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Các đảng viên;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng A Dế",
    ]
    assert lines == expected


def test_document_without_number_omits_the_number_line(
    header: DocumentHeader, pdf: PdfTools
) -> None:
    data = render_document(
        dataclasses.replace(header, number=""), "Báo cáo", "", [], RESOLUTION_SIGNATURE
    )
    text = _joined(pdf.lines(data))
    assert "Số " not in text
    assert "*\nLũng Cú, ngày 05 tháng 02 năm 2026\nBÁO CÁO" in text


def test_minutes_signatures_side_by_side(header: DocumentHeader, pdf: PdfTools) -> None:
    signature = SignatureBlock(
        left_title="Người ghi biên bản",
        left_name="Lò Văn Xuyến",
        right_title="Chủ trì hội nghị",
        right_name="Sùng A Dế",
    )
    data = render_document(header, "Biên bản", "Sinh hoạt chi bộ", [], signature)
    text = _joined(pdf.lines(data))
    for part in ("NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ", "Lò Văn Xuyến", "Sùng A Dế"):
        assert part in text
    assert text.endswith("Nơi nhận:\n- Lưu Chi bộ.")


def test_user_text_is_escaped_not_read_as_markup(header: DocumentHeader, pdf: PdfTools) -> None:
    body = [TextBlock("Giá <b>10</b> & 5 > 3"), TableBlock(("A",), (("x < y & z",),), (1,))]
    data = render_document(header, "Báo cáo", "Về <việc> & A", body, RESOLUTION_SIGNATURE)
    text = _joined(pdf.lines(data))
    assert "Giá <b>10</b> & 5 > 3" in text
    assert "Về <việc> & A" in text
    assert "x < y & z" in text


def test_decomposed_input_gives_the_same_text(header: DocumentHeader, pdf: PdfTools) -> None:
    def render(form: str) -> list[list[str]]:
        def norm(text: str) -> str:
            return unicodedata.normalize(form, text)

        decomposed = DocumentHeader(
            norm(header.superior_body),
            norm(header.issuing_body),
            header.number,
            norm(header.place),
            header.date,
        )
        body = [HeadingBlock(norm("Ưu điểm")), TextBlock(norm("Hoàng Thị Ỷ, Đặng Văn Ửng"))]
        signature = SignatureBlock(right_title="T/M CHI BỘ", right_name=norm("Nguyễn Thị Hường"))
        data = render_document(
            decomposed, "Báo cáo", norm("Về việc"), body, signature, [norm("Đảng ủy xã Lũng Cú")]
        )
        return pdf.lines(data)

    nfc_text = render("NFC")
    assert render("NFD") == nfc_text
    assert "Hoàng Thị Ỷ, Đặng Văn Ửng" in _joined(nfc_text)


def test_same_input_gives_the_same_bytes(header: DocumentHeader) -> None:
    def render() -> bytes:
        return render_document(header, "Báo cáo", "Về việc", [TextBlock("A")], RESOLUTION_SIGNATURE)

    assert render() == render()


def _long_body() -> list[TextBlock]:
    sentence = "Chi bộ tổ chức sinh hoạt thường kỳ đúng quy định, nội dung thiết thực. "
    return [TextBlock(sentence * 8) for _ in range(20)]


def test_page_numbers_start_on_page_two(header: DocumentHeader, pdf: PdfTools) -> None:
    data = render_document(header, "Báo cáo", "Về việc", _long_body(), RESOLUTION_SIGNATURE)
    margins = pdf.top_margin(data)
    assert len(margins) >= 3
    assert margins[0] == []
    for number, texts in enumerate(margins[1:], start=2):
        assert texts == [str(number)]


def test_draft_is_marked_on_every_page(header: DocumentHeader, pdf: PdfTools) -> None:
    draft = dataclasses.replace(header, draft=True)
    data = render_document(draft, "Báo cáo", "Về việc", _long_body(), RESOLUTION_SIGNATURE)
    pages = pdf.lines(data)
    assert len(pages) >= 2
    assert all("DỰ THẢO" in page for page in pages)
    # The boxed mark sits in the top margin of page 1.
    assert "DỰ THẢO" in pdf.top_margin(data)[0]


def test_final_document_has_no_draft_mark(header: DocumentHeader, pdf: PdfTools) -> None:
    data = render_document(header, "Báo cáo", "Về việc", _long_body(), RESOLUTION_SIGNATURE)
    assert "DỰ THẢO" not in _joined(pdf.lines(data))


def test_only_embedded_tinos_fonts(header: DocumentHeader, pdf: PdfTools) -> None:
    draft = dataclasses.replace(header, draft=True)
    body = [HeadingBlock("I."), TextBlock("Nội dung", italic=True), TableBlock(("A",), (), (1,))]
    data = render_document(draft, "Báo cáo", "Về việc", body, RESOLUTION_SIGNATURE, ["Đảng ủy"])
    fonts = pdf.fonts(data)
    names = {name.split("+", 1)[-1] for name, _ in fonts}
    assert names == {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"}
    assert all(embedded for _, embedded in fonts)


def test_table_rows_must_match_the_header(header: DocumentHeader) -> None:
    table = TableBlock(header=("TT", "Họ và tên"), rows=(("1",),), weights=(1, 4))
    with pytest.raises(ValueError, match="one cell"):
        render_document(header, "Báo cáo", "", [table], RESOLUTION_SIGNATURE)
