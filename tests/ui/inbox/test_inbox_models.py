"""The receiver's table models (qtmodeltester) and the words its presenter gives them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.domain.inbox import PeriodFigures, Share
from app.domain.periods import month_period, parse_period
from app.services.inbox_dto import (
    CELL,
    BandName,
    FileOutcome,
    ImportOutcome,
    PeriodTable,
    ReceivedReport,
    Refusal,
    Rejection,
    SenderGap,
    SenderInfo,
    TableRow,
)
from app.ui.screens.inbox.model import TableModel
from app.ui.screens.inbox.presenter import (
    TOTAL,
    file_slug,
    outcome_summary,
    period_text,
    previous_month,
    rejection_columns,
    report_columns,
    sender_columns,
    share_text,
    table_columns,
    table_rows,
)
from app.ui.screens.inbox.result_dialog import outcome_html

MOMENT = dt.datetime(2026, 11, 23, 8, 0)
BANDS = (BandName("good", "Tốt"), BandName("fair", "Khá"))
FIGURES = PeriodFigures(
    senders=1,
    reporting=1,
    members=27,
    full=25,
    probationary=2,
    meetings=2,
    regular=1,
    thematic=1,
    bands={"good": 1, "fair": 1},
    good_meetings=Share(1, 2),
)


def period_table() -> PeriodTable:
    rows = (
        TableRow("Chi bộ thôn Lũng Cú", CELL, True, 3, "Số 03-BC/CB", MOMENT, True, FIGURES),
        TableRow("Chi bộ thôn Thèn Pả", CELL, False, None, "", None, False, PeriodFigures(1)),
    )
    return PeriodTable("2026-11", rows, FIGURES + PeriodFigures(1), BANDS)


def test_every_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    table = period_table()
    period: TableModel[TableRow] = TableModel([], bold=lambda r: r.kind == TOTAL)
    period.set_rows(table_rows(table), table_columns(table))
    qtmodeltester.check(period, force_py=True)
    reports: TableModel[ReceivedReport] = TableModel(report_columns())
    reports.set_rows(
        [
            ReceivedReport(
                1, "Chi bộ thôn Lũng Cú", CELL, "2026-Q3", 4, "Số 04-BC/CB",
                dt.date(2026, 10, 2), None, MOMENT, None, "a4-q3.scb", False,
            )
        ]
    )  # fmt: skip
    qtmodeltester.check(reports, force_py=True)
    rejections: TableModel[Rejection] = TableModel(rejection_columns())
    rejections.set_rows([Rejection("sua-doi.scb", "Tệp đã bị sửa đổi", "", "", None, MOMENT, 2)])
    qtmodeltester.check(rejections, force_py=True)
    senders: TableModel[SenderInfo] = TableModel(sender_columns())
    senders.set_rows(
        [
            SenderInfo(
                1, "Chi bộ thôn Lũng Cú", "Sùng Mí Páo", "47A3 " * 16, "47A3 B756 917F BD03 6F66",
                None, MOMENT, dt.date(2031, 11, 23), False, 2, 3, (2,),
            )
        ]
    )  # fmt: skip
    qtmodeltester.check(senders, force_py=True)
    senders.set_rows([])
    qtmodeltester.check(senders, force_py=True)


def test_the_table_says_who_reported_and_adds_up(qapp: object) -> None:
    table = period_table()
    model: TableModel[TableRow] = TableModel([], bold=lambda r: r.kind == TOTAL)
    model.set_rows(table_rows(table), table_columns(table))
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Chi bộ",
        "Báo cáo",
        "Đảng viên",
        "Sinh hoạt\nthường kỳ",
        "Sinh hoạt\nchuyên đề",
        "Tốt",
        "Khá",
        "Tỷ lệ\nbuổi Tốt",
        "Đã biên\nnhận",
    ]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert rows[0] == [
        "Chi bộ thôn Lũng Cú",
        "Số 03-BC/CB",
        "27",
        "1",
        "1",
        "1",
        "1",
        "1/2 (50 %)",
        "Có",
    ]
    assert rows[1] == ["Chi bộ thôn Thèn Pả", "Chưa báo cáo", "", "", "", "", "", "", ""]
    assert rows[2] == ["Tổng cộng", "1/2 đã báo cáo", "27", "1", "1", "1", "1", "1/2 (50 %)", ""]
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Số buổi sinh hoạt xếp loại Tốt"
    )


def test_periods_shares_and_names_in_words() -> None:
    assert period_text("2026-11") == "tháng 11/2026"
    assert period_text("2026-Q3") == "quý III/2026"
    assert period_text("2026") == "năm 2026"
    assert previous_month(dt.date(2026, 1, 15)) == month_period(2025, 12)
    assert previous_month(dt.date(2026, 11, 30)) == parse_period("2026-10")
    assert share_text(Share(0, 0)) == "—"
    assert share_text(Share(2, 3)) == "2/3 (67 %)"
    assert file_slug("Chi bộ thôn Lũng Cú") == "chi-bo-thon-lung-cu"


def test_the_result_lists_every_file_and_the_gaps() -> None:
    outcome = ImportOutcome(
        files=(
            FileOutcome("a3.scb", None, "", "Chi bộ thôn Lũng Cú", "2026-11", 3),
            FileOutcome("x.scb", Refusal.INVALID, "Tệp <đã> bị sửa"),
        ),
        gaps=(SenderGap("Chi bộ thôn Lũng Cú", (1, 2)),),
    )
    assert outcome_summary(outcome) == "Đã nhập 1 tệp, từ chối 1 tệp."
    text = outcome_html(outcome)
    assert "Chi bộ thôn Lũng Cú, tháng 11/2026, số thứ tự 3" in text
    assert "Tệp &lt;đã&gt; bị sửa" in text  # the reason is text, never markup
    assert "Chưa nhận được của Chi bộ thôn Lũng Cú: các số thứ tự 1, 2" in text
    assert outcome_summary(ImportOutcome((), ())) == "Không tìm thấy tệp báo cáo nào (.scb, .p7m)."
