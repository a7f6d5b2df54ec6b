"""The status history (biến động) of a member: add, refused entries, remove."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.members import EventKind, StatusEvent
from app.ui.screens.members import MembersScreen
from app.ui.screens.members.events import AddEventDialog, EventTableModel, StatusHistoryDialog
from app.ui.screens.members.presenter import Column
from tests.ui.test_members_screen import answer_box, select


def open_history(qtbot: QtBot, view: MembersScreen, query: str) -> StatusHistoryDialog:
    select(qtbot, view, query)
    view.history_button.click()
    qtbot.waitUntil(lambda: view.history is not None and view.history.isVisible())
    assert view.history is not None
    return view.history


def open_add(qtbot: QtBot, history: StatusHistoryDialog) -> AddEventDialog:
    history.add_button.click()
    assert history.add_dialog is not None
    return history.add_dialog


def choose_kind(dialog: AddEventDialog, kind: EventKind) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))


def test_exempt_event_changes_the_standing(qtbot: QtBot, screen: MembersScreen) -> None:
    history = open_history(qtbot, screen, "nguyen van hung")
    assert history.empty.isVisible()
    assert history.standing.text() == "Tình trạng hiện nay: Đang sinh hoạt"
    dialog = open_add(qtbot, history)
    choose_kind(dialog, EventKind.EXEMPT)
    assert dialog.kind.currentText() == "Miễn công tác và sinh hoạt đảng"
    qtbot.keyClicks(dialog.date, "01/03/2025")
    qtbot.keyClicks(dialog.decision_ref, "12-QD/DU")
    qtbot.keyClick(dialog.decision_ref, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    assert history.standing.text() == "Tình trạng hiện nay: Miễn sinh hoạt"
    assert history.model.index(0, 0).data() == "01/03/2025"
    assert history.model.index(0, 1).data() == "Miễn công tác và sinh hoạt đảng"
    assert history.model.index(0, 2).data() == "12-QD/DU"
    qtbot.waitUntil(lambda: screen.model.index(0, Column.STANDING).data() == "Miễn sinh hoạt")
    history.accept()


def test_refused_event_is_explained_and_kept(qtbot: QtBot, screen: MembersScreen) -> None:
    history = open_history(qtbot, screen, "nguyen van hung")
    dialog = open_add(qtbot, history)
    choose_kind(dialog, EventKind.EXEMPT_END)
    qtbot.keyClicks(dialog.date, "01/03/2025")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert screen.ctx.jobs.wait_idle()
    assert dialog.isVisible()
    kind_error = dialog.errors["kind"]
    assert kind_error.isVisibleTo(dialog)
    assert kind_error.text().startswith(
        "⚠ Vào ngày 01/03/2025 không có giai đoạn nào đang diễn ra để biến động này kết thúc."
    )
    assert dialog.date.text() == "01/03/2025"
    assert screen.ctx.jobs.services.members.list(query="nguyen van hung")[0].standing == "active"
    # A missing date is caught before asking the service.
    dialog.date.clear()
    dialog.save()
    assert dialog.errors["date"].text() == "⚠ Hãy nhập ngày của biến động, ví dụ 05/02/2026."
    dialog.reject()
    history.accept()


def test_remove_event_after_confirmation(qtbot: QtBot, screen: MembersScreen) -> None:
    history = open_history(qtbot, screen, "lau mi chu")
    assert history.model.rowCount() == 1
    assert history.standing.text() == "Tình trạng hiện nay: Miễn sinh hoạt"
    texts = answer_box("&Xóa")
    history.remove_button.click()
    assert texts and "Miễn công tác và sinh hoạt đảng" in texts[0]
    assert screen.ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: history.model.rowCount() == 0)
    assert history.standing.text() == "Tình trạng hiện nay: Đang sinh hoạt"
    assert history.empty.isVisible()
    history.accept()


def test_event_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = EventTableModel()
    model.set_events(
        [
            StatusEvent(EventKind.EXEMPT_END, dt.date(2025, 5, 1), id=2),
            StatusEvent(EventKind.EXEMPT, dt.date(2024, 3, 1), "Số 12-QĐ/ĐU", id=1),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Miễn công tác và sinh hoạt đảng"
    assert model.index(1, 1).data() == "Thôi miễn sinh hoạt"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Số quyết định"
