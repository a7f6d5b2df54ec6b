"""Real keys and a real Party document for the signing tests (made once: RSA keys are slow)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.crypto.identity import SigningIdentity, generate_identity
from app.reports.layout import SignatureBlock, TextBlock, render_document
from app.reports.snapshots import DocumentHeader

SECRETARY = "Sùng Mí Páo"
CELL = "Chi bộ thôn Lũng Cú"
SUPERIOR = "Đảng ủy xã Lũng Cú"


@pytest.fixture(scope="session")
def cell_identity() -> SigningIdentity:
    """The cell's own key, as `sochibo keys create` makes it."""
    return generate_identity(SECRETARY, CELL, SUPERIOR)


@pytest.fixture(scope="session")
def other_identity() -> SigningIdentity:
    """Another cell's key: its files must not pass as this cell's."""
    return generate_identity("Lò Văn Xuyến", "Chi bộ bản Xuyến", SUPERIOR)


@pytest.fixture(scope="session")
def expired_identity() -> SigningIdentity:
    """A key whose certificate ran from 2015 to 2020."""
    return generate_identity(
        SECRETARY, CELL, SUPERIOR, now=dt.datetime(2015, 1, 1, tzinfo=dt.UTC), valid_days=5 * 365
    )


@pytest.fixture(scope="session")
def report_pdf() -> bytes:
    """A one-page báo cáo laid out like every Party document of the program."""
    header = DocumentHeader(
        superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
        issuing_body="CHI BỘ THÔN LŨNG CÚ",
        number="Số 01-BC/CB",
        place="Lũng Cú",
        date=dt.date(2026, 10, 5),
    )
    body = [TextBlock("Chi bộ có 27 đảng viên; trong quý tổ chức 3 buổi sinh hoạt thường kỳ.")]
    signature = SignatureBlock(
        right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name=SECRETARY
    )
    return render_document(header, "BÁO CÁO", "Tình hình chi bộ quý III năm 2026", body, signature)
