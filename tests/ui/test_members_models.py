"""The register list's presenter (no Qt) and its item model."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.domain.members import CellRole, Gender, MembershipStatus, Standing
from app.domain.text import fold, name_sort_key
from app.services.dto import MemberSummary
from app.ui.screens.members.model import MEMBER_ID_ROLE, MemberTableModel
from app.ui.screens.members.presenter import Column, MemberListPresenter


def summary(member_id: int, name: str, standing: Standing = Standing.ACTIVE) -> MemberSummary:
    return MemberSummary(
        id=member_id,
        full_name=name,
        gender=Gender.FEMALE if "Thị" in name else Gender.MALE,
        birth_date=dt.date(1970 + member_id, 1, 1),
        ethnicity="Tày",
        status=MembershipStatus.FULL,
        role=CellRole.MEMBER,
        standing=standing,
        admission_date=None if member_id == 2 else dt.date(2000 + member_id, 1, 1),
        phone="",
        search_key=fold(name),
        sort_key=name_sort_key(name),
    )


MEMBERS = [
    summary(1, "Bế Thị Ân"),
    summary(2, "Nguyễn Văn An"),
    summary(3, "Hà Thị Ba"),
    summary(4, "Đỗ Văn Bình", Standing.DECEASED),
    summary(5, "Nông Văn Ăn"),
]


def test_presenter_sorts_filters_and_counts() -> None:
    presenter = MemberListPresenter()
    presenter.set_members(MEMBERS)
    assert [m.full_name for m in presenter.rows] == [
        "Nguyễn Văn An",
        "Nông Văn Ăn",
        "Bế Thị Ân",
        "Hà Thị Ba",
    ]
    assert presenter.count_text() == "4 đảng viên"
    presenter.set_query("van")
    assert [m.id for m in presenter.rows] == [2, 5]
    assert presenter.count_text() == "Tìm thấy 2 trong 4 đảng viên"
    presenter.set_query("")
    presenter.set_include_former(True)
    assert presenter.count_text() == "5 đảng viên"
    presenter.sort_by(Column.ADMISSION_DATE)
    # The member without an admission date goes last.
    assert [m.id for m in presenter.rows] == [1, 3, 4, 5, 2]
    presenter.sort_by(Column.BIRTH_DATE, descending=True)
    assert [m.id for m in presenter.rows] == [5, 4, 3, 2, 1]
    assert presenter.row_of(3) == 2
    assert presenter.find(4) is not None


def test_member_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = MemberTableModel(MemberListPresenter())
    model.set_members(MEMBERS)
    qtmodeltester.check(model)
    model.sort(Column.BIRTH_DATE, Qt.SortOrder.DescendingOrder)
    model.set_query("thi")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, Column.NAME).data() == "Hà Thị Ba"
    assert model.index(0, Column.NAME).data(MEMBER_ID_ROLE) == 3
    assert model.index(0, Column.GENDER).data() == "Nữ"
    assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Họ và tên"
