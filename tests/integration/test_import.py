"""Importing members from real .xlsx and .csv files into a real data folder."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from app.domain.members import CellRole, Gender, MemberRecord, MembershipStatus
from app.services.errors import UserError
from app.services.facade import Services
from app.services.imports import (
    ImportFileError,
    commit,
    parse_date,
    preview,
    problem_lines,
    read_source,
    suggest_mapping,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = dt.date(2026, 11, 23)
HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Chính thức/Dự bị", "Chức vụ"]
ROWS = [
    ["1", "Nguyễn Văn Đức", "Nam", "05/02/1980", "Kinh", "Chính thức", "Bí thư"],
    ["2", "Hoàng Thị Ỷ", "Nữ", "1990-11-30", "Tày", "Chính thức", "Đảng viên"],
    ["3", "Lò Văn Xuyến", "nam", "7/9/1975", "Thái", "CT", ""],
]


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letter (with its vowel mark) + combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
            tone = "".join(c for c in decomposed if c in TONES)
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str, sep: str = ",") -> Path:
    text = "\r\n".join(sep.join(row) for row in rows) + "\r\n"
    data = cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path.write_bytes(data)
    return path


def names(services: Services) -> set[str]:
    return {m.full_name for m in services.members.list(include_former=True)}


def test_suggested_mapping_understands_vietnamese_and_english_headings() -> None:
    headers = ["TT", "Họ tên", "Năm sinh", "GIỚI TÍNH", "Nơi ở", "LLCT", "Ngày kết nạp",
               "Ngày kết nạp (lễ)", "SĐT", "Full name", "Loại đảng viên", "Ghi chú"]  # fmt: skip
    assert suggest_mapping(headers) == {
        1: "full_name",
        2: "birth_date",
        3: "gender",
        4: "residence",
        5: "theory_level",
        6: "admission_date",
        7: "ceremony_date",
        8: "phone",
        10: "status",
        11: "note",
    }


def test_good_xlsx_with_date_cells_is_imported(services: Services, tmp_path: Path) -> None:
    rows = [HEADER, *ROWS]
    rows[1] = [*ROWS[0][:3], dt.datetime(1980, 2, 5), *ROWS[0][4:]]  # a real Excel date cell
    source = read_source(write_xlsx(tmp_path / "ds.xlsx", rows))
    result = preview(services, source, source.mapping)
    assert result.can_commit, problem_lines(result)
    assert names(services) == set()  # preview writes nothing
    commit(services, result)
    members = {m.full_name: m for m in services.members.list()}
    assert set(members) == {"Nguyễn Văn Đức", "Hoàng Thị Ỷ", "Lò Văn Xuyến"}
    assert members["Nguyễn Văn Đức"].birth_date == dt.date(1980, 2, 5)
    assert members["Nguyễn Văn Đức"].role == CellRole.SECRETARY
    assert members["Hoàng Thị Ỷ"].gender == Gender.FEMALE
    assert members["Lò Văn Xuyến"].birth_date == dt.date(1975, 9, 7)


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1258", ","), ("utf-16", "\t"), ("cp1258", ";")],
)
def test_csv_encodings_and_delimiters(
    services: Services, tmp_path: Path, encoding: str, sep: str
) -> None:
    source = read_source(write_csv(tmp_path / "ds.csv", [HEADER, *ROWS], encoding, sep))
    assert source.headers[1] == "Họ và tên"
    assert [row[1] for row in source.rows] == ["Nguyễn Văn Đức", "Hoàng Thị Ỷ", "Lò Văn Xuyến"]
    assert all(unicodedata.is_normalized("NFC", row[1]) for row in source.rows)
    result = preview(services, source, source.mapping)
    assert result.can_commit, problem_lines(result)


def test_sample_csv_with_bom_semicolons_and_date_styles(services: Services) -> None:
    source = read_source(FIXTURES / "good-utf8-bom-semicolon.csv")
    result = preview(services, source, source.mapping)
    assert result.can_commit, problem_lines(result)
    commit(services, result)
    records = {r.full_name: r for _id, r in services.members.all_records()}
    assert records["Đặng Văn Ửng"].admission_date == dt.date(2001, 5, 19)
    assert records["Hoàng Thị Ỷ"].birth_date == dt.date(1990, 11, 30)
    assert records["Hoàng Thị Ỷ"].ceremony_date == dt.date(2015, 9, 5)
    assert records["Nguyễn Thị Hường"].phone == "0912 345 678"
    assert records["Sùng A Dế"].role == CellRole.COMMITTEE


def test_three_bad_rows_are_all_listed_with_their_lines_and_nothing_is_written(
    services: Services,
) -> None:
    source = read_source(FIXTURES / "three-bad-rows.csv")
    # A blank line 5 is skipped, yet the rows keep the line numbers the user sees.
    assert source.lines == (2, 3, 4, 6, 7, 8)
    result = preview(services, source, source.mapping)
    assert not result.can_commit
    blocking = [text for severity, text in problem_lines(result) if severity == "block"]
    assert blocking == [
        "Dòng 3, cột 'Ngày sinh': '31/02/1980' không phải là ngày hợp lệ. Nhập theo dạng "
        "ngày/tháng/năm, ví dụ 05/02/1980.",
        "Dòng 6, cột 'Giới tính': 'X' không phải là giới tính. Ghi Nam hoặc Nữ.",
        "Dòng 7, cột 'Ngày sinh': '1975' mới chỉ có năm. Nhập đủ ngày/tháng/năm, ví dụ 05/02/1975.",
    ]
    with pytest.raises(UserError, match="chưa nhập gì"):
        commit(services, result)
    assert names(services) == set()


def test_leading_blank_rows_and_padding(services: Services, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [[None], [None, None], HEADER, ROWS[0][:4], ROWS[1]])
    source = read_source(path)
    assert source.lines == (4, 5)
    assert len(source.rows[0]) == len(HEADER)
    result = preview(services, source, source.mapping)
    assert [row.line for row in result.rows] == [4, 5]
    assert result.can_commit


def test_duplicates_inside_the_file_name_the_first_line(services: Services, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    rows = [HEADER, ROWS[0], ROWS[1], [*ROWS[0][:1], nfd, *ROWS[0][2:]]]
    source = read_source(write_xlsx(tmp_path / "ds.xlsx", rows))
    result = preview(services, source, source.mapping)
    assert not result.can_commit
    assert [row.line for row in result.rows if not row.ok] == [4]
    assert any("Dòng 2 có cùng họ tên và ngày sinh" in text for _s, text in problem_lines(result))


def test_duplicate_of_a_member_already_on_the_register(services: Services, tmp_path: Path) -> None:
    services.members.create(
        MemberRecord("Nguyễn Văn Đức", Gender.MALE, dt.date(1980, 2, 5), MembershipStatus.FULL)
    )
    source = read_source(write_csv(tmp_path / "ds.csv", [HEADER, ROWS[0]], "utf-8"))
    result = preview(services, source, source.mapping)
    assert not result.can_commit
    assert result.rows[0].line == 2


def test_decomposed_names_are_stored_composed(services: Services, tmp_path: Path) -> None:
    rows = [HEADER, *([c if i != 1 else unicodedata.normalize("NFD", c) for i, c in enumerate(r)]
                      for r in ROWS)]  # fmt: skip
    source = read_source(write_csv(tmp_path / "ds.csv", rows, "utf-8"))
    commit(services, preview(services, source, source.mapping))
    stored = names(services)
    assert "Hoàng Thị Ỷ" in stored
    assert all(unicodedata.is_normalized("NFC", name) for name in stored)


def test_missing_required_columns_are_refused_with_their_names(
    services: Services, tmp_path: Path
) -> None:
    source = read_source(write_csv(tmp_path / "ds.csv", [HEADER, ROWS[0]], "utf-8"))
    mapping = {k: v for k, v in source.mapping.items() if v not in ("gender", "birth_date")}
    with pytest.raises(ImportFileError) as caught:
        preview(services, source, mapping)
    assert "Chưa chọn cột cho: Giới tính, Ngày sinh" in caught.value.message


def test_the_same_field_twice_is_refused(services: Services, tmp_path: Path) -> None:
    source = read_source(write_csv(tmp_path / "ds.csv", [HEADER, ROWS[0]], "utf-8"))
    with pytest.raises(ImportFileError, match="Có nhiều cột cùng được chọn là “Họ và tên”"):
        preview(services, source, {**source.mapping, 0: "full_name"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/02/1980", dt.date(1980, 2, 5)),
        ("5/2/1980", dt.date(1980, 2, 5)),
        ("05-02-1980", dt.date(1980, 2, 5)),
        ("05.02.1980", dt.date(1980, 2, 5)),
        ("1980-02-05", dt.date(1980, 2, 5)),
        ("29/02/1980", dt.date(1980, 2, 29)),
        ("29/02/1981", None),
        ("1980", None),
        ("05/02/80", None),
        ("hôm qua", None),
    ],
)
def test_date_formats(text: str, expected: dt.date | None) -> None:
    value, error = parse_date(text)
    assert value == expected
    assert (error is None) == (expected is not None)


def test_unparseable_values_name_the_column(services: Services, tmp_path: Path) -> None:
    rows = [HEADER, ["1", "Lò Văn Xuyến", "Nam", "12/05/1978", "Thái", "Tạm", "Trưởng thôn"]]
    source = read_source(write_csv(tmp_path / "ds.csv", rows, "utf-8"))
    texts = [text for _s, text in problem_lines(preview(services, source, source.mapping))]
    assert texts == [
        "Dòng 2, cột 'Chính thức/Dự bị': 'Tạm' không phải là loại đảng viên. Ghi Chính thức "
        "hoặc Dự bị.",
        "Dòng 2, cột 'Chức vụ': 'Trưởng thôn' không phải là chức vụ trong chi bộ. Ghi Bí thư, "
        "Phó bí thư, Chi ủy viên hoặc Đảng viên.",
    ]


def test_empty_required_cell(services: Services, tmp_path: Path) -> None:
    rows = [HEADER, ["1", "Lò Văn Xuyến", "", "12/05/1978", "Thái", "", ""]]
    source = read_source(write_csv(tmp_path / "ds.csv", rows, "utf-8"))
    result = preview(services, source, source.mapping)
    assert [text for _s, text in problem_lines(result)] == [
        "Dòng 2, cột 'Giới tính': Ô này đang để trống; cột này phải được điền cho mọi đảng viên."
    ]


def test_excel_number_cells_keep_the_phone_leading_zero(services: Services, tmp_path: Path) -> None:
    rows = [[*HEADER, "SĐT"], [*ROWS[0], 912345678]]
    source = read_source(write_xlsx(tmp_path / "ds.xlsx", rows))
    result = preview(services, source, source.mapping)
    assert result.rows[0].record is not None
    assert result.rows[0].record.phone == "0912345678"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("random.xlsx", bytes(range(256)) * 8, "không đọc được tệp random.xlsx như một tệp Excel"),
        ("renamed.xlsx", "Họ và tên,Ngày sinh\n".encode(), "như một tệp Excel"),
        ("empty.csv", b"", "Tệp empty.csv không có dữ liệu"),
        ("blank.csv", b" , ,\r\n\r\n , \r\n", "Tệp blank.csv không có dữ liệu"),
        ("header.csv", "Họ và tên,Ngày sinh\r\n".encode(), "có dòng tiêu đề (dòng 1)"),
        ("binary.csv", b"\x00\x01\x02PK", "không phải là tệp văn bản (CSV)"),
        ("list.docx", b"whatever", "Hãy chọn tệp Excel (.xlsx) hoặc tệp CSV (.csv)"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "định dạng Excel cũ (.xls)"),
    ],
)
def test_unreadable_files_give_a_clear_message(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert expected.casefold() in caught.value.message.casefold()


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a spreadsheet")
    with pytest.raises(ImportFileError, match="bị hỏng hoặc là loại tệp khác"):
        read_source(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Không có tệp"):
        read_source(tmp_path / "none.xlsx")
