"""The overview: the demo cell's counts and its findings, most urgent first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.findings import SEVERITY_ORDER, Finding, Severity
from app.domain.messages import Message
from app.services.dto import Overview
from app.services.facade import Services
from app.ui.screens.overview import OverviewScreen
from app.ui.shell import MainWindow
from app.ui.zoom import apply_zoom


def _expected(demo_dir: Path) -> Overview:
    services = Services.open(demo_dir)
    try:
        return services.overview.get()
    finally:
        services.close()


def test_counts_of_the_demo_cell(main_window: MainWindow, demo_dir: Path) -> None:
    screen = main_window.screen_at(0)
    assert isinstance(screen, OverviewScreen)
    expected = _expected(demo_dir)
    assert screen.cards["on_register"].number.text() == str(expected.on_register)
    assert screen.cards["full"].number.text() == str(expected.full)
    assert screen.cards["probationary"].number.text() == str(expected.probationary)
    assert screen.cards["exempt"].number.text() == str(expected.exempt)
    assert screen.cards["attached_elsewhere"].number.text() == str(expected.attached_elsewhere)
    assert screen.cards["probationary"].caption.text() == "Đảng viên dự bị"
    gender = screen.gender_label.text()
    assert f"Nam: {expected.by_gender['male']}" in gender
    assert f"Nữ: {expected.by_gender['female']}" in gender
    table = screen.ethnicity_table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown == {name: str(count) for name, count in expected.by_ethnicity.items()}


def test_findings_are_listed_most_urgent_first_with_a_word(
    main_window: MainWindow, demo_dir: Path, qtmodeltester: object
) -> None:
    screen = main_window.screen_at(0)
    assert isinstance(screen, OverviewScreen)
    expected = _expected(demo_dir)
    model = screen.findings_model
    assert model.rowCount() == len(expected.findings) > 0
    words = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert set(words) <= {"Chặn", "Cảnh báo", "Nhắc việc"}
    levels = [SEVERITY_ORDER[model.finding(r).severity] for r in range(model.rowCount())]
    assert levels == sorted(levels)
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == expected.findings[0].citation
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert screen.findings_view.isVisible()
    assert not screen.empty_label.isVisible()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def _finding(member_id: int | None) -> Finding:
    return Finding(
        rule="members.probation_due",
        severity=Severity.INFO,
        subject="Giàng Thị Mai",
        message=Message("Probation has ended: prepare the recognition."),
        citation="Điều lệ Đảng, Điều 5",
        member_id=member_id,
    )


def test_double_click_on_a_member_finding_asks_to_open_the_member(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    screen = main_window.screen_at(0)
    assert isinstance(screen, OverviewScreen)
    screen.findings_model.set_findings([_finding(None), _finding(12)])
    asked: list[int] = []
    screen.open_member_requested.connect(asked.append)
    view = screen.findings_view
    qtbot.waitUntil(lambda: not view.visualRect(screen.findings_model.index(1, 1)).isEmpty())
    for row in (0, 1):
        center = view.visualRect(screen.findings_model.index(row, 1)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert asked == [12]
    # Enter on the selected row does the same, for keyboard users.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked == [12, 12]


def test_no_findings_shows_the_empty_state(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = main_window.screen_at(0)
    assert isinstance(screen, OverviewScreen)
    empty = Overview(0, 0, 0, {}, {}, 0, 0, ())
    screen.show_overview(empty)
    assert screen.empty_label.isVisible()
    assert screen.empty_label.text() == "Không có cảnh báo nào."
    assert not screen.findings_view.isVisible()


def test_larger_text_makes_the_findings_rows_taller(
    qtbot: QtBot, qapp: QApplication, main_window: MainWindow
) -> None:
    screen = main_window.screen_at(0)
    assert isinstance(screen, OverviewScreen)
    view = screen.findings_view
    before = view.rowHeight(0)
    apply_zoom(qapp, 150)
    qtbot.waitUntil(lambda: view.rowHeight(0) > before)
