"""The member list (danh sách đảng viên) as a Party document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable

import pytest
from pdf_probe import PdfTools

from app.reports.member_list import render_member_list, subject_line
from app.reports.snapshots import DocumentHeader, MemberListRow, MemberListSnapshot

RowFactory = Callable[..., MemberListRow]


def _snapshot(header: DocumentHeader, rows: tuple[MemberListRow, ...]) -> MemberListSnapshot:
    full = sum(1 for row in rows if row.status == "Chính thức")
    return MemberListSnapshot(
        header=dataclasses.replace(header, number="Số 01-DS/CB"),
        cell_name="thôn Lũng Cú",
        as_of=dt.date(2026, 2, 5),
        rows=rows,
        counts=(
            ("Tổng số đảng viên", len(rows)),
            ("Chính thức", full),
            ("Dự bị", len(rows) - full),
        ),
        secretary_name="Sùng A Dế",
        recipients=("Đảng ủy xã Lũng Cú",),
    )


@pytest.fixture
def small_list(
    header: DocumentHeader, make_row: RowFactory, hard_names: tuple[str, ...]
) -> MemberListSnapshot:
    rows = [make_row(name, index) for index, name in enumerate(hard_names)]
    rows[0] = make_row(hard_names[0], 0, role="Bí thư")
    rows[2] = make_row(hard_names[2], 2, probationary=True, standing="Miễn sinh hoạt")
    return _snapshot(header, tuple(rows))


def test_member_list_carries_the_party_document_parts(
    small_list: MemberListSnapshot, pdf: PdfTools, hard_names: tuple[str, ...]
) -> None:
    pages = pdf.lines(render_member_list(small_list))
    lines = [line for page in pages for line in page]
    assert lines[:10] == [
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LŨNG CÚ",
        "*",
        "Lũng Cú, ngày 05 tháng 02 năm 2026",
        "Số 01-DS/CB",
        "DANH SÁCH ĐẢNG VIÊN",
        "Chi bộ thôn Lũng Cú (tính đến ngày 05/02/2026)",
        "Tổng số đảng viên: 5; Chính thức: 4; Dự bị: 1.",
        "TT",
    ]
    for name in hard_names:
        assert name in lines
    assert lines[-6:] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng A Dế",
    ]


def test_member_list_rows_fill_every_column(small_list: MemberListSnapshot, pdf: PdfTools) -> None:
    lines = [line for page in pdf.lines(render_member_list(small_list)) for line in page]
    first = lines.index("Nguyễn Thị Hường")
    assert lines[first - 1 : first + 8] == [
        "1",
        "Nguyễn Thị Hường",
        "Nam",
        "01/01/1960",
        "Kinh",
        "05/03/1990",
        "05/03/1991",
        "Chính thức",
        "Bí thư",
    ]
    # A probationary member has no recognition date; the standing goes in "Ghi chú".
    third = lines.index("Hoàng Thị Ỷ")
    assert lines[third - 1 : third + 7] == [
        "3",
        "Hoàng Thị Ỷ",
        "Nam",
        "03/03/1962",
        "Mông",
        "05/03/1992",
        "Dự bị",
        "Miễn sinh",
    ]
    assert lines[third + 7] == "hoạt"


def test_long_list_repeats_the_table_header_on_every_page(
    header: DocumentHeader, make_row: RowFactory, hard_names: tuple[str, ...], pdf: PdfTools
) -> None:
    rows = tuple(
        make_row(f"{hard_names[i % len(hard_names)]} {i + 1}", i, probationary=i % 9 == 0)
        for i in range(120)
    )
    data = render_member_list(_snapshot(header, rows))
    pages = pdf.lines(data)
    assert len(pages) >= 3
    for page in pages:
        for column in ("TT", "Họ và tên", "Ngày sinh", "Dân tộc", "Loại", "Ghi chú"):
            assert column in page
    # Long names wrap inside their cell; joined up, each row reads in order with its number.
    joined = " ".join(line for page in pages for line in page)
    for number, row in enumerate(rows, start=1):
        birth = row.birth_date.strftime("%d/%m/%Y")
        assert f" {number} {row.full_name} {row.gender} {birth} " in joined
    assert "T/M CHI BỘ" in pages[-1]
    assert all("T/M CHI BỘ" not in page for page in pages[:-1])
    margins = pdf.top_margin(data)
    assert margins[0] == []
    assert margins[1:] == [[str(n)] for n in range(2, len(pages) + 1)]


def test_decomposed_snapshot_gives_the_same_text(
    small_list: MemberListSnapshot, pdf: PdfTools
) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    decomposed = dataclasses.replace(
        small_list,
        header=dataclasses.replace(
            small_list.header,
            superior_body=nfd(small_list.header.superior_body),
            issuing_body=nfd(small_list.header.issuing_body),
            place=nfd(small_list.header.place),
        ),
        cell_name=nfd(small_list.cell_name),
        rows=tuple(
            dataclasses.replace(row, full_name=nfd(row.full_name), standing=nfd(row.standing))
            for row in small_list.rows
        ),
        counts=tuple((nfd(label), value) for label, value in small_list.counts),
        secretary_name=nfd(small_list.secretary_name),
        recipients=tuple(nfd(text) for text in small_list.recipients),
    )
    assert decomposed.rows[1].full_name != small_list.rows[1].full_name
    assert pdf.lines(render_member_list(decomposed)) == pdf.lines(render_member_list(small_list))


def test_draft_member_list_is_marked(small_list: MemberListSnapshot, pdf: PdfTools) -> None:
    draft = dataclasses.replace(
        small_list, header=dataclasses.replace(small_list.header, draft=True)
    )
    assert "DỰ THẢO" in pdf.lines(render_member_list(draft))[0]
    assert "DỰ THẢO" not in pdf.lines(render_member_list(small_list))[0]


def test_member_list_embeds_tinos_only(small_list: MemberListSnapshot, pdf: PdfTools) -> None:
    fonts = pdf.fonts(render_member_list(small_list))
    assert {name.split("+", 1)[-1] for name, _ in fonts} <= {
        "Tinos",
        "Tinos-Bold",
        "Tinos-Italic",
        "Tinos-BoldItalic",
    }
    assert all(embedded for _, embedded in fonts)


def test_names_with_markup_characters_print_as_typed(
    small_list: MemberListSnapshot, make_row: RowFactory, pdf: PdfTools
) -> None:
    odd = dataclasses.replace(small_list, rows=(make_row("Lê Văn <A> & B", 0),))
    assert "Lê Văn <A> & B" in pdf.lines(render_member_list(odd))[0]


@pytest.mark.parametrize(
    "cell_name", ["thôn Lũng Cú", "Chi bộ thôn Lũng Cú", "  chi bộ thôn Lũng Cú "]
)
def test_subject_line_names_the_cell_once(cell_name: str) -> None:
    subject = subject_line(cell_name, dt.date(2026, 2, 5))
    assert subject.casefold() == "chi bộ thôn lũng cú (tính đến ngày 05/02/2026)"
