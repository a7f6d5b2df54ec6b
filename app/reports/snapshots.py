"""Frozen snapshots: the data a document is drawn from, taken by a service at one moment.

Documents never read the database. A service builds one of these (labels already translated
to Vietnamese, since Party documents are always Vietnamese) and hands it to a renderer.
Only the standard library is used here, so building a snapshot does not load reportlab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentHeader:
    """The header of a Party document (thể thức văn bản của Đảng, 36-HD/VPTW, 05-HD/VPTW).

    `superior_body` is the directly superior body ("ĐẢNG BỘ XÃ LŨNG CÚ"), `issuing_body` the
    issuing body ("CHI BỘ THÔN LŨNG CÚ"); both are printed in upper case whatever the input.
    `number` is the number and symbol ("Số 05-BB/CB") or "" for documents without one.
    `place` and `date` make the place-date line; `draft` marks the document "DỰ THẢO".
    """

    superior_body: str
    issuing_body: str
    number: str
    place: str
    date: dt.date
    draft: bool = False


@dataclass(frozen=True)
class MemberListRow:
    """One party member (đảng viên) on the member list; text fields are Vietnamese labels."""

    full_name: str
    gender: str
    birth_date: dt.date
    ethnicity: str
    status: str  # "Chính thức" / "Dự bị"
    role: str  # "Bí thư", "Chi ủy viên", or "" for an ordinary member
    admission_date: dt.date | None  # ngày vào Đảng (admission decision date)
    recognition_date: dt.date | None  # ngày chính thức; None while still probationary
    standing: str  # e.g. "Miễn sinh hoạt"; "" when active
    note: str


@dataclass(frozen=True)
class MemberListSnapshot:
    """The list of party members of a cell (danh sách đảng viên chi bộ) on a given day.

    `cell_name` is the cell's name with or without the leading "Chi bộ" ("thôn Lũng Cú" or
    "Chi bộ thôn Lũng Cú"). `counts` are printed in order as "label: number", e.g.
    (("Tổng số đảng viên", 27), ("Chính thức", 24), ("Dự bị", 3)). `recipients` lists the
    "Nơi nhận" entries; the archive line "Lưu Chi bộ." is always added by the renderer.
    """

    header: DocumentHeader
    cell_name: str
    as_of: dt.date
    rows: tuple[MemberListRow, ...]
    counts: tuple[tuple[str, int], ...]
    secretary_name: str
    recipients: tuple[str, ...]
