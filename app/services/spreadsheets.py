"""Reading a spreadsheet for import: .xlsx (first sheet) or .csv in the encodings Excel writes.

Kept apart from the row parsing in `imports` so each module stays small. The result is an
`ImportSource`: the heading row, the data rows as text, their line numbers and a suggested
column mapping.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl

from app.domain.text import fold, nfc
from app.l10n import _
from app.services.dto import ImportSource
from app.services.errors import UserError

#: The Vietnamese column headings the export writes; the first synonym of each field.
VIETNAMESE_HEADERS: dict[str, str] = {
    "full_name": "Họ và tên",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "hometown": "Quê quán",
    "residence": "Nơi cư trú",
    "phone": "Số điện thoại",
    "education": "Trình độ học vấn",
    "theory_level": "Lý luận chính trị",
    "occupation": "Nghề nghiệp",
    "workplace": "Nơi làm việc",
    "card_number": "Số thẻ đảng viên",
    "admission_date": "Ngày vào Đảng",
    "ceremony_date": "Ngày kết nạp (lễ)",
    "recognition_date": "Ngày chính thức",
    "status": "Loại đảng viên",
    "role": "Chức vụ",
    "note": "Ghi chú",
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": ("Họ tên", "Tên đảng viên", "Full name", "Name"),
    "gender": ("Nam/Nữ", "Gender", "Sex"),
    "birth_date": ("Năm sinh", "Ngày tháng năm sinh", "Date of birth", "Birth date"),
    "ethnicity": ("Ethnicity",),
    "religion": ("Religion",),
    "hometown": ("Quê", "Hometown"),
    "residence": ("Nơi ở", "Nơi ở hiện nay", "Địa chỉ", "Thường trú", "Residence", "Address"),
    "phone": ("SĐT", "Điện thoại", "Phone", "Phone number"),
    "education": ("Văn hóa", "Học vấn", "Trình độ văn hóa", "Education"),
    "theory_level": ("LLCT", "Trình độ lý luận chính trị", "Trình độ LLCT", "Political theory"),
    "occupation": ("Nghề", "Occupation"),
    "workplace": ("Cơ quan", "Đơn vị công tác", "Workplace"),
    "card_number": ("Số thẻ đảng", "Số thẻ", "Party card number", "Card number"),
    "admission_date": ("Ngày kết nạp", "Ngày quyết định kết nạp", "Admission date"),
    "ceremony_date": ("Ngày lễ kết nạp", "Lễ kết nạp", "Ceremony date"),
    "recognition_date": ("Ngày công nhận chính thức", "Ngày chuyển chính thức", "Recognition date"),
    "status": ("Chính thức/Dự bị", "Đảng viên chính thức/dự bị", "Loại", "Status"),
    "role": ("Chức vụ đảng", "Chức vụ trong chi bộ", "Role"),
    "note": ("Ghi chú khác", "Note", "Notes"),
}

_CSV_DELIMITERS = (",", ";", "\t")


class ImportFileError(UserError):
    """The file cannot be imported at all (unreadable, empty, wrong kind, incomplete mapping)."""


def header_key(text: str) -> str:
    """Fold a heading for matching: no diacritics, no punctuation ("Chính thức/Dự bị")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


_HEADER_INDEX: dict[str, str] = {
    header_key(name): field_name
    for field_name, heading in VIETNAMESE_HEADERS.items()
    for name in (heading, *_SYNONYMS[field_name])
}


def suggest_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Guess which column holds which field from the headings; each field is used once."""
    mapping: dict[int, str] = {}
    for index, heading in enumerate(headers):
        field_name = _HEADER_INDEX.get(header_key(heading))
        if field_name is not None and field_name not in mapping.values():
            mapping[index] = field_name
    return mapping


def read_source(path: Path) -> ImportSource:
    """Read the first sheet of an .xlsx file or a .csv file and suggest a column mapping."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            _(
                "The file {name} is in the old Excel format (.xls). Open it in Excel, choose "
                "Save As and pick “Excel Workbook (.xlsx)”, then import the new file."
            ).format(name=path.name)
        )
    readers: dict[str, Callable[[Path], list[list[str]]]] = {
        ".xlsx": _read_xlsx,
        ".csv": _read_csv,
    }
    reader = readers.get(suffix)
    if reader is None:
        raise ImportFileError(
            _(
                "The file {name} is not a spreadsheet this program can read. Choose an Excel "
                "file (.xlsx) or a CSV file (.csv)."
            ).format(name=path.name)
        )
    if not path.is_file():
        raise ImportFileError(
            _("The file {path} does not exist. Check the name and the folder.").format(path=path)
        )
    return _to_source(path, reader(path))


def _to_source(path: Path, table: list[list[str]]) -> ImportSource:
    numbered = [(line, row) for line, row in enumerate(table, start=1) if any(row)]
    if not numbered:
        raise ImportFileError(
            _("The file {name} is empty. Choose the file that holds the member list.").format(
                name=path.name
            )
        )
    header_line, header = numbered[0]
    data = numbered[1:]
    if not data:
        raise ImportFileError(
            _(
                "The file {name} has a heading row (line {line}) but no member rows below it. "
                "Add the members, one per row, and try again."
            ).format(name=path.name, line=header_line)
        )
    width = max(len(header), *(len(row) for _line, row in data))
    headers = tuple(nfc(h) for h in header) + ("",) * (width - len(header))
    rows = tuple(tuple(row) + ("",) * (width - len(row)) for _line, row in data)
    return ImportSource(
        path=str(path),
        headers=headers,
        rows=rows,
        mapping=suggest_mapping(headers),
        lines=tuple(line for line, _row in data),
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):  # datetime too: Excel stores dates as midnight datetimes
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


def _read_xlsx(path: Path) -> list[list[str]]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        # The file comes from anywhere: a damaged download, a renamed CSV, a zip of photos or
        # broken XML fail in many different ways inside openpyxl. All mean the same to the user.
        raise _not_a_workbook(path) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # same reason as above: parse errors deep inside the workbook
        raise _not_a_workbook(path) from exc
    finally:
        workbook.close()


def _not_a_workbook(path: Path) -> ImportFileError:
    return ImportFileError(
        _(
            "The file {name} cannot be read as an Excel workbook (.xlsx): it is damaged or is "
            "another kind of file. Open it in Excel and save it again as .xlsx, or save it as "
            "CSV, then import it again."
        ).format(name=path.name)
    )


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then UTF-16 with BOM, then the old Windows cp1258."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ImportFileError(
            _(
                "The file {name} is not a text (CSV) file. Save the member list from Excel as "
                "“CSV UTF-8” or as .xlsx, then import it again."
            ).format(name=path.name)
        )
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        _(
            "The characters in {name} cannot be read. Save the file from Excel as “CSV UTF-8” "
            "and import it again."
        ).format(name=path.name)
    )


def _read_csv(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("The file {name} cannot be opened. Close it in other programs and try again.").format(
                name=path.name
            )
        ) from exc
    # cp1258 writes tone marks as combining characters: NFC puts them back on the vowels.
    text = _decode(path, data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_CSV_DELIMITERS, key=first_line.count)
    try:
        return [
            [nfc(cell) for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ImportFileError(
            _("The file {name} is not a valid CSV file. Save it again from Excel.").format(
                name=path.name
            )
        ) from exc
