"""Export of the register: a spreadsheet to keep or share, and the member list as a Party document.

Files are written whole or not at all (temporary file, fsync, rename): a removed USB stick or a
full disk never leaves half a file where the secretary expects the list.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.domain.members import (
    CellRole,
    Gender,
    MemberRecord,
    MembershipStatus,
    Standing,
)
from app.domain.text import fold
from app.l10n import _
from app.reports.member_list import render_member_list
from app.reports.snapshots import DocumentHeader, MemberListRow, MemberListSnapshot
from app.services.dto import CellInfo, MemberSummary
from app.services.errors import UserError
from app.services.facade import Services
from app.services.spreadsheets import VIETNAMESE_HEADERS

# Exported files and Party documents are Vietnamese whatever the language of the screens.
GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
STATUS_LABELS = {MembershipStatus.FULL: "Chính thức", MembershipStatus.PROBATIONARY: "Dự bị"}
ROLE_LABELS = {
    CellRole.SECRETARY: "Bí thư",
    CellRole.DEPUTY: "Phó bí thư",
    CellRole.COMMITTEE: "Chi ủy viên",
    CellRole.MEMBER: "Đảng viên",
}
STANDING_LABELS = {
    Standing.ACTIVE: "",
    Standing.ATTACHED_ELSEWHERE: "Sinh hoạt tạm thời nơi khác",
    Standing.EXEMPT: "Miễn sinh hoạt",
    Standing.SUSPENDED: "Đình chỉ sinh hoạt",
    Standing.TRANSFERRED_OUT: "Đã chuyển sinh hoạt đi",
    Standing.STRUCK_OFF: "Đã xóa tên",
    Standing.EXPELLED: "Đã khai trừ",
    Standing.DECEASED: "Đã từ trần",
}
XLSX_FIELDS = tuple(VIETNAMESE_HEADERS)
_DATE_FORMAT = "DD/MM/YYYY"
_WIDE = {"full_name": 26, "hometown": 28, "residence": 30, "workplace": 28, "note": 30}


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all; a failure becomes a clear `UserError`."""
    if path.is_dir():
        raise UserError(
            _("{path} is a folder. Choose a file name inside it, for example {example}.").format(
                path=path, example=path / f"danh-sach{path.suffix or '.xlsx'}"
            )
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise UserError(
            _("Could not save the file {path}: {reason} Nothing was saved.").format(
                path=path, reason=_os_reason(exc)
            )
        ) from exc


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: _("The disk is full. Free some space or choose another disk."),
        errno.EACCES: _("You may not write to this folder. Choose another folder."),
        errno.EPERM: _("You may not write to this folder. Choose another folder."),
        errno.EROFS: _("The disk is read-only. Choose another folder."),
        errno.ENOENT: _("The folder does not exist (was the USB stick removed?). Check it."),
        errno.ENOTDIR: _("Part of the path is not a folder. Check the folder name."),
        errno.EISDIR: _("A folder already has this name. Choose another file name."),
    }
    return reasons.get(
        exc.errno or 0, _("The disk or folder cannot be written. Check it and try again.")
    )


def _register(services: Services) -> list[tuple[MemberSummary, MemberRecord]]:
    """On-register members in list order, with their whole records."""
    records = dict(services.members.all_records())
    return [(summary, records[summary.id]) for summary in services.members.list()]


def export_members_xlsx(services: Services, path: Path) -> int:
    """Write the register to an Excel file that `imports.read_source` reads back; rows written."""
    members = _register(services)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách đảng viên"
    sheet.append(["TT", *(VIETNAMESE_HEADERS[name] for name in XLSX_FIELDS), "Tình trạng"])
    for number, (summary, record) in enumerate(members, start=1):
        values = [_xlsx_value(record, name) for name in XLSX_FIELDS]
        sheet.append([number, *values, STANDING_LABELS[summary.standing]])
    _format_sheet(sheet, len(members))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
    return len(members)


def _xlsx_value(record: MemberRecord, name: str) -> object:
    if name == "gender":
        return GENDER_LABELS[record.gender]
    if name == "status":
        return STATUS_LABELS[record.status]
    if name == "role":
        return ROLE_LABELS[record.role]
    return getattr(record, name)


def _format_sheet(ws: Any, count: int) -> None:
    """Bold frozen heading row, date cells shown dd/mm/yyyy, columns wide enough to read."""
    ws.freeze_panes = "A2"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    columns = ["", *XLSX_FIELDS, ""]
    for index, name in enumerate(columns, start=1):
        letter = get_column_letter(index)
        width = _WIDE.get(name, 14 if name else 6)
        ws.column_dimensions[letter].width = width
        for row in range(2, count + 2):
            cell = ws[f"{letter}{row}"]
            if isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
            elif name in ("phone", "card_number"):
                cell.number_format = "@"  # text: keep leading zeros


def export_members_pdf(services: Services, path: Path) -> int:
    """Write the member list (danh sách đảng viên) as a Party document; rows written."""
    cell = services.cell.get()
    if cell is None:
        raise UserError(
            _(
                "Set up the cell profile first (name of the cell, superior committee, place): "
                "the member list needs them for its heading."
            )
        )
    snapshot = member_list_snapshot(services, cell)
    write_bytes_atomic(path, render_member_list(snapshot))
    return len(snapshot.rows)


def issuing_body(cell_name: str) -> str:
    """ "CHI BỘ THÔN LŨNG CÚ" from "thôn Lũng Cú" or "Chi bộ thôn Lũng Cú"."""
    name = cell_name.strip()
    if not fold(name).startswith("chi bo "):
        name = f"Chi bộ {name}"
    return name.upper()


def member_list_snapshot(services: Services, cell: CellInfo) -> MemberListSnapshot:
    """The data of the member list on `services.today()`, labels in Vietnamese."""
    today = services.today()
    members = _register(services)
    rows = tuple(_list_row(summary, record) for summary, record in members)
    return MemberListSnapshot(
        header=DocumentHeader(
            superior_body=cell.superior_body,
            issuing_body=issuing_body(cell.name),
            number="",
            place=cell.place_name,
            date=today,
        ),
        cell_name=cell.name,
        as_of=today,
        rows=rows,
        counts=_counts([record for _summary, record in members]),
        secretary_name=cell.secretary_name,
        recipients=(cell.superior_committee,),
    )


def _list_row(summary: MemberSummary, record: MemberRecord) -> MemberListRow:
    return MemberListRow(
        full_name=record.full_name,
        gender=GENDER_LABELS[record.gender],
        birth_date=record.birth_date,
        ethnicity=record.ethnicity,
        status=STATUS_LABELS[record.status],
        role="" if record.role == CellRole.MEMBER else ROLE_LABELS[record.role],
        admission_date=record.admission_date,
        recognition_date=record.recognition_date,
        standing=STANDING_LABELS[summary.standing],
        note=record.note,
    )


def _counts(records: Sequence[MemberRecord]) -> tuple[tuple[str, int], ...]:
    return (
        ("Tổng số đảng viên", len(records)),
        ("Chính thức", sum(r.status == MembershipStatus.FULL for r in records)),
        ("Dự bị", sum(r.status == MembershipStatus.PROBATIONARY for r in records)),
        ("Nữ", sum(r.gender == Gender.FEMALE for r in records)),
        ("Dân tộc thiểu số", sum(fold(r.ethnicity) not in ("", "kinh") for r in records)),
    )
