"""The list of party members of a cell (danh sách đảng viên chi bộ) as a Party document.

The fixed texts are Vietnamese on purpose: Party documents are always Vietnamese, whatever
the language of the program's screens.
"""

from __future__ import annotations

import datetime as dt

from app.reports.decorations import format_count, nfc
from app.reports.layout import (
    Align,
    SignatureBlock,
    TableBlock,
    TextBlock,
    render_document,
)
from app.reports.snapshots import MemberListRow, MemberListSnapshot

TITLE = "DANH SÁCH ĐẢNG VIÊN"
COLUMNS = (
    "TT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Loại",
    "Ghi chú",
)
# Relative widths (in mm of the 165 mm text area): dates fit "05/02/2026" at 11 pt on one line,
# and so does "Chính thức" in the "Loại" column.
_WEIGHTS = (8.0, 33.0, 11.0, 20.0, 15.0, 20.0, 20.0, 19.5, 18.5)
_ALIGN: tuple[Align, ...] = (
    "centre",
    "left",
    "centre",
    "centre",
    "centre",
    "centre",
    "centre",
    "centre",
    "left",
)
_TABLE_SIZE = 11.0


def render_member_list(snapshot: MemberListSnapshot) -> bytes:
    """Render the member list (danh sách đảng viên) on `snapshot.as_of` as PDF bytes."""
    body = (
        TextBlock(_counts_sentence(snapshot.counts)),
        TableBlock(
            header=COLUMNS,
            rows=tuple(_row(index, row) for index, row in enumerate(snapshot.rows, start=1)),
            weights=_WEIGHTS,
            align=_ALIGN,
            font_size=_TABLE_SIZE,
        ),
    )
    return render_document(
        snapshot.header,
        TITLE,
        subject_line(snapshot.cell_name, snapshot.as_of),
        body,
        SignatureBlock(
            right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name=snapshot.secretary_name
        ),
        snapshot.recipients,
    )


def subject_line(cell_name: str, as_of: dt.date) -> str:
    """ "Chi bộ thôn Lũng Cú (tính đến ngày 05/02/2026)", not doubling a given "Chi bộ"."""
    name = nfc(cell_name).strip()
    if not name.casefold().startswith("chi bộ"):
        name = f"Chi bộ {name}"
    return f"{name} (tính đến ngày {_short_date(as_of)})"


def _counts_sentence(counts: tuple[tuple[str, int], ...]) -> str:
    parts = [f"{nfc(label).strip()}: {format_count(value)}" for label, value in counts]
    return "; ".join(parts) + "." if parts else ""


def _row(index: int, row: MemberListRow) -> tuple[str, ...]:
    # The note column gathers the cell role, the standing and the free note.
    note = "; ".join(text.strip() for text in (row.role, row.standing, row.note) if text.strip())
    return (
        str(index),
        row.full_name,
        row.gender,
        _short_date(row.birth_date),
        row.ethnicity,
        _short_date(row.admission_date),
        _short_date(row.recognition_date),
        row.status,
        note,
    )


def _short_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
