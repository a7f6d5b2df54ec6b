"""The Reports screen's words and its history model: periods in words, states as words, the
previous month as the default period, and a model that passes Qt's model tester."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.domain.periods import PeriodKind, parse_period
from app.services.acks import AckImport
from app.services.report_export import ExportInfo
from app.ui.screens.reports.history import history_model
from app.ui.screens.reports.texts import (
    PeriodChoice,
    ack_message,
    default_choice,
    label_words,
    period_span,
    suggested_file_name,
)

CREATED = dt.datetime(2026, 11, 23, 8, 0)


def _info(serial: int, state: str, **changes: object) -> ExportInfo:
    values: dict[str, object] = {
        "serial": serial,
        "period_label": "2026-11",
        "number": f"Số {serial:02d}-BC/CB",
        "state": state,
        "file_name": f"bao-cao-{serial}.scb" if state == "done" else "",
        "sha256": "",
        "encrypted": False,
        "created_at": CREATED,
        "received_at": None,
    }
    values.update(changes)
    return ExportInfo(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "words", "in_sentence"),
    [
        ("2026-11", "Tháng 11/2026", "tháng 11/2026"),
        ("2026-Q3", "Quý III/2026", "quý III/2026"),
        ("2026", "Năm 2026", "năm 2026"),
        ("not a period", "not a period", "not a period"),
    ],
)
def test_periods_are_shown_in_words(label: str, words: str, in_sentence: str) -> None:
    assert label_words(label) == words
    assert label_words(label, in_sentence=True) == in_sentence


def test_the_span_and_the_file_name() -> None:
    period = parse_period("2026-Q4")
    assert period_span(period) == "Quý IV/2026 (từ 01/10/2026 đến 31/12/2026)"
    assert suggested_file_name(period) == "bao-cao-2026-Q4.scb"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 23), PeriodChoice(PeriodKind.MONTH, 2026, 10)),
        (dt.date(2027, 1, 5), PeriodChoice(PeriodKind.MONTH, 2026, 12)),
        (dt.date(2026, 3, 31), PeriodChoice(PeriodKind.MONTH, 2026, 2)),
    ],
)
def test_the_default_period_is_the_previous_month(today: dt.date, expected: PeriodChoice) -> None:
    assert default_choice(today) == expected


def test_history_rows_say_it_in_words(qtmodeltester: ModelTester) -> None:
    model = history_model()
    received = dt.datetime(2026, 11, 25, 3, 0)
    model.set_rows(
        [
            _info(3, "done", encrypted=True, received_at=received),
            _info(2, "failed"),
            _info(1, "done", period_label="2026-Q3"),
            _info(4, "reserved"),
        ]
    )
    qtmodeltester.check(model)
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Số thứ tự",
        "Kỳ báo cáo",
        "Số văn bản",
        "Trạng thái",
        "Tệp",
        "Mã hóa",
        "Cấp trên đã nhận",
    ]
    first = ["3", "Tháng 11/2026", "Số 03-BC/CB", "Đã ghi", "bao-cao-3.scb", "Có", "25/11/2026"]
    assert rows[0] == first
    # A failed export's number was given back and no file exists: dashes, not blanks.
    assert rows[1] == ["2", "Tháng 11/2026", "—", "Không thành", "", "—", "—"]
    third = ["Quý III/2026", "Số 01-BC/CB", "Đã ghi", "bao-cao-1.scb", "Không", "Chưa"]
    assert rows[2][1:] == third
    assert rows[3][3] == "Đang ghi"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_the_acknowledgement_message() -> None:
    ack = AckImport(
        serial=3,
        period_label="2026-11",
        document_number="Số 03-BC/CB",
        receiver_name="Đảng ủy xã Lũng Cú",
        received_at=dt.datetime(2026, 11, 25, 3, 0),
        already=False,
    )
    assert ack_message(ack) == (
        "Đảng ủy xã Lũng Cú đã nhận báo cáo số 03-BC/CB (kỳ tháng 11/2026) ngày 25/11/2026."
    )
    again = AckImport(**{**ack.__dict__, "already": True})
    assert ack_message(again) == (
        "Báo cáo số thứ tự 3 đã được ghi nhận là cấp trên đã nhận; không có gì thay đổi."
    )
