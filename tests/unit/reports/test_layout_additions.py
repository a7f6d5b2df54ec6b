"""Layout pieces the meeting documents need: no "Nơi nhận", total rows, headings and votes
kept with what follows them at a page break."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pdf_probe import PdfTools
from pypdf import PdfReader

from app.reports.layout import (
    HeadingBlock,
    SignatureBlock,
    TableBlock,
    TextBlock,
    party_date,
    render_document,
)
from app.reports.snapshots import DocumentHeader

MINUTES = SignatureBlock(
    left_title="NGƯỜI GHI BIÊN BẢN",
    left_name="Lò Văn Xuyến",
    right_title="CHỦ TRÌ HỘI NGHỊ",
    right_name="Sùng A Dế",
)
RESOLUTION = SignatureBlock(
    right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name="Sùng A Dế"
)
FILLER = "Chi bộ tổ chức sinh hoạt thường kỳ đúng quy định, nội dung thiết thực."


def _page_of(pages: list[list[str]], text: str) -> int:
    return next(index for index, page in enumerate(pages) if text in page)


@pytest.mark.parametrize("signature", [MINUTES, RESOLUTION])
def test_no_recipients_and_no_archive_leave_out_noi_nhan(
    header: DocumentHeader, signature: SignatureBlock, pdf: PdfTools
) -> None:
    data = render_document(header, "Biên bản", "Về việc", [TextBlock("A")], signature, archive="")
    lines = pdf.lines(data)[0]
    assert "Nơi nhận:" not in lines
    assert lines[-1] == "Sùng A Dế"


def test_party_date() -> None:
    assert party_date(dt.date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert party_date(dt.date(2026, 11, 30)) == "ngày 30 tháng 11 năm 2026"


def test_total_row_is_set_in_bold(header: DocumentHeader) -> None:
    def bold_runs(total_row: bool) -> int:
        rows = (("A", "5"), ("Tổng cộng", "5"))
        table = TableBlock(("Tiêu chí", "Điểm"), rows, (3, 1), total_row=total_row)
        data = render_document(header, "", "", [table], RESOLUTION, archive="")
        found: list[str] = []

        def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
            if text.strip() and font is not None and "Bold" in str(font["/BaseFont"]):
                found.append(text.strip())

        PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
        return sum(1 for text in found if text in ("Tổng cộng", "5"))

    # The header row is bold either way ("Điểm" is not counted); the total row only when asked.
    assert bold_runs(False) == 0
    assert bold_runs(True) == 2


@pytest.mark.parametrize("filler", range(24, 40))
def test_heading_never_ends_a_page_alone(
    header: DocumentHeader, filler: int, pdf: PdfTools
) -> None:
    body = [
        *(TextBlock(FILLER) for _ in range(filler)),
        HeadingBlock("7. Phân công nhiệm vụ"),
        TableBlock(("TT", "Nội dung"), tuple((str(i), "Việc") for i in range(8)), (1, 6)),
    ]
    pages = pdf.lines(render_document(header, "Biên bản", "Về việc", body, RESOLUTION))
    heading = _page_of(pages, "7. Phân công nhiệm vụ")
    page = pages[heading]
    assert page.index("7. Phân công nhiệm vụ") < len(page) - 3
    assert "Việc" in page


@pytest.mark.parametrize("filler", range(18, 32))
def test_kept_paragraph_stays_with_the_next(
    header: DocumentHeader, filler: int, pdf: PdfTools
) -> None:
    body = [
        *(TextBlock(FILLER) for _ in range(filler)),
        TextBlock("Thông qua nghị quyết", lead="a)", keep_with_next=True),
        TextBlock("Tán thành 24/25 đồng chí, đạt 96%.", keep_with_next=True),
        TextBlock("Kết quả: thông qua."),
    ]
    pages = pdf.lines(render_document(header, "Biên bản", "Về việc", body, RESOLUTION))
    first = _page_of(pages, "a) Thông qua nghị quyết")
    assert first == _page_of(pages, "Tán thành 24/25 đồng chí, đạt 96%.")
    assert first == _page_of(pages, "Kết quả: thông qua.")
