"""Exporting the register to .xlsx and to the member-list PDF, and writing files safely."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.domain.members import (
    CellRole,
    EventKind,
    Gender,
    MemberRecord,
    MembershipStatus,
    StatusEvent,
)
from app.services.dto import CellInput, CellType
from app.services.errors import UserError
from app.services.exports import (
    export_members_pdf,
    export_members_xlsx,
    issuing_body,
    write_bytes_atomic,
)
from app.services.facade import Services
from app.services.imports import commit, preview, problem_lines, read_source

TODAY = dt.date(2026, 11, 23)
D = dt.date
RECORDS = (
    MemberRecord("Nguyễn Thị Hường", Gender.FEMALE, D(1980, 2, 5), MembershipStatus.FULL,
                 CellRole.SECRETARY, "Kinh", "Không", "Nam Định", "Thôn Lũng Cú", "0912 345 678",
                 "12/12", "Trung cấp", "Giáo viên", "Trường Tiểu học", "07012345",
                 D(2005, 3, 12), D(2005, 4, 2), D(2006, 4, 2), "Ghi chú; có dấu phẩy, chấm."),
    MemberRecord("Đặng Văn Ửng", Gender.MALE, D(1975, 9, 7), ethnicity="Tày",
                 role=CellRole.DEPUTY, admission_date=D(2001, 5, 19), ceremony_date=D(2001, 6, 9),
                 recognition_date=D(2002, 6, 9)),
    MemberRecord("Hoàng Thị Ỷ", Gender.FEMALE, D(1990, 11, 30), ethnicity="Dao",
                 admission_date=D(2015, 8, 15), ceremony_date=D(2015, 9, 5),
                 recognition_date=D(2016, 9, 5),
                 events=(StatusEvent(EventKind.EXEMPT, D(2025, 3, 4), "Số 12-QĐ/ĐU"),)),
    MemberRecord("Sùng A Dế", Gender.MALE, D(1998, 12, 5), MembershipStatus.PROBATIONARY,
                 ethnicity="Mông", admission_date=D(2026, 3, 2), ceremony_date=D(2026, 3, 23)),
)  # fmt: skip
CELL = CellInput(
    name="thôn Lũng Cú",
    superior_committee="Đảng ủy xã Lũng Cú",
    superior_body="Đảng bộ xã Lũng Cú",
    place_name="Lũng Cú",
    cell_type=CellType.VILLAGE,
)


def open_services(folder: Path) -> Services:
    return Services.open(folder, today=lambda: TODAY)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = open_services(data_dir)
    opened.members.create_many(RECORDS)
    yield opened
    opened.close()


def test_xlsx_has_vietnamese_headings_date_cells_and_frozen_bold_header(
    services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "danh-sach.xlsx"
    assert export_members_xlsx(services, target) == 4
    sheet = openpyxl.load_workbook(target).active
    headings = [cell.value for cell in sheet[1]]
    assert headings[:4] == ["TT", "Họ và tên", "Giới tính", "Ngày sinh"]
    assert "Ngày vào Đảng" in headings and headings[-1] == "Tình trạng"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= 20
    by_name = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    birth = by_name["Nguyễn Thị Hường"][headings.index("Ngày sinh")]
    assert birth.value == dt.datetime(1980, 2, 5)
    assert birth.number_format == "DD/MM/YYYY"
    assert by_name["Hoàng Thị Ỷ"][headings.index("Tình trạng")].value == "Miễn sinh hoạt"
    assert by_name["Sùng A Dế"][headings.index("Loại đảng viên")].value == "Dự bị"
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [1, 2, 3, 4]


def test_xlsx_round_trips_through_import_without_problems(
    services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "danh-sach.xlsx"
    export_members_xlsx(services, target)
    fresh = open_services(tmp_path / "fresh")
    try:
        source = read_source(target)
        result = preview(fresh, source, source.mapping)
        assert problem_lines(result) == []
        commit(fresh, result)
        imported = {r.full_name: r for _id, r in fresh.members.all_records()}
    finally:
        fresh.close()
    for record in RECORDS:
        # The status history is not part of the spreadsheet.
        assert imported[record.full_name] == dataclass_without_events(record)


def dataclass_without_events(record: MemberRecord) -> MemberRecord:
    return dataclasses.replace(record, events=())


def test_pdf_needs_the_cell_profile(services: Services, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Hãy khai báo thông tin chi bộ trước"):
        export_members_pdf(services, tmp_path / "ds.pdf")
    assert not (tmp_path / "ds.pdf").exists()


def test_pdf_holds_the_header_and_every_member(services: Services, tmp_path: Path) -> None:
    services.cell.save(CELL)
    target = tmp_path / "ds.pdf"
    assert export_members_pdf(services, target) == 4
    # Table cells wrap; compare with runs of white space made single spaces.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    for expected in ("ĐẢNG BỘ XÃ LŨNG CÚ", "CHI BỘ THÔN LŨNG CÚ", "DANH SÁCH ĐẢNG VIÊN",
                     "Lũng Cú, ngày 23 tháng 11 năm 2026", "Miễn sinh hoạt", "Đảng ủy xã Lũng Cú",
                     *(record.full_name for record in RECORDS)):  # fmt: skip
        assert expected in text


def test_issuing_body_does_not_double_chi_bo() -> None:
    assert issuing_body("thôn Lũng Cú") == "CHI BỘ THÔN LŨNG CÚ"
    assert issuing_body("Chi bộ thôn Lũng Cú") == "CHI BỘ THÔN LŨNG CÚ"


def test_a_folder_as_target_is_refused(services: Services, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="là một thư mục"):
        export_members_xlsx(services, tmp_path)


def test_a_missing_folder_is_reported(services: Services, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Thư mục không tồn tại"):
        export_members_xlsx(services, tmp_path / "usb" / "ds.xlsx")


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """A folder nobody may write to. Root ignores permission bits, so it also gets the
    immutable attribute, which root must respect."""
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    immutable = os.geteuid() == 0
    if immutable:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(stat.S_IRWXU)


def test_a_read_only_folder_is_reported_and_leaves_no_file(
    services: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only_folder(folder), pytest.raises(UserError) as caught:
        export_members_xlsx(services, folder / "ds.xlsx")
    assert "Không lưu được tệp" in caught.value.message
    assert "Không có quyền ghi vào thư mục này" in caught.value.message
    assert list(folder.iterdir()) == []


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ds.pdf"
    target.write_bytes(b"old list")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        write_bytes_atomic(target, b"new list")
    assert target.read_bytes() == b"old list"
    assert [p.name for p in tmp_path.iterdir()] == ["ds.pdf"]


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "ds.xlsx"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["ds.xlsx"]
