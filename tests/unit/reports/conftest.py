"""Helpers for report tests: build snapshots and read PDFs back with pypdf."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pdf_probe import PdfTools

from app.reports.snapshots import DocumentHeader, MemberListRow


@pytest.fixture
def header() -> DocumentHeader:
    return DocumentHeader(
        superior_body="Đảng bộ xã Lũng Cú",
        issuing_body="Chi bộ thôn Lũng Cú",
        number="Số 01-BC/CB",
        place="Lũng Cú",
        date=dt.date(2026, 2, 5),
    )


HARD_NAMES = ("Nguyễn Thị Hường", "Đặng Văn Ửng", "Hoàng Thị Ỷ", "Lò Văn Xuyến", "Sùng A Dế")


def member_row(
    name: str, index: int = 0, probationary: bool = False, **changes: str
) -> MemberListRow:
    """A plausible member; `index` varies the dates so rows differ."""
    values: dict[str, str] = {"role": "", "standing": "", "note": ""} | changes
    return MemberListRow(
        full_name=name,
        gender="Nữ" if index % 2 else "Nam",
        birth_date=dt.date(1960 + index % 40, 1 + index % 12, 1 + index % 28),
        ethnicity="Mông" if index % 3 else "Kinh",
        status="Dự bị" if probationary else "Chính thức",
        role=values["role"],
        admission_date=dt.date(1990 + index % 30, 3, 5),
        recognition_date=None if probationary else dt.date(1991 + index % 30, 3, 5),
        standing=values["standing"],
        note=values["note"],
    )


@pytest.fixture
def pdf() -> PdfTools:
    return PdfTools()


@pytest.fixture
def make_row() -> Callable[..., MemberListRow]:
    return member_row


@pytest.fixture
def hard_names() -> tuple[str, ...]:
    """Names full of tone marks and the letters Ư, Ỷ, Đ."""
    return HARD_NAMES
