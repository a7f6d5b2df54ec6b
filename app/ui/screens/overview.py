"""The overview (Tổng quan): member counts and the rule findings, most urgent first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.l10n import _, format_number, render
from app.ui.context import UiContext
from app.ui.screens.base import Screen
from app.ui.widgets.text import Heading

if TYPE_CHECKING:
    # Type hints only: the screen's first paint shows no data (start-up speed).
    from PySide6.QtGui import QColor, QIcon

    from app.domain.findings import Finding
    from app.services.dto_base import Overview

_AnyIndex = QModelIndex | QPersistentModelIndex


def gender_label(key: str) -> str:
    """Nam / Nữ for the stored gender value (unknown values shown as stored)."""
    # Imported with the first counts, not with the window: its first paint shows none.
    from app import labels
    from app.domain.member_enums import Gender

    try:
        return labels.gender_label(Gender(key))
    except ValueError:
        return key


def _gender_order(item: tuple[str, int]) -> tuple[int, str]:
    from app.domain.member_enums import Gender  # see gender_label

    order = {Gender.MALE.value: 0, Gender.FEMALE.value: 1}
    return order.get(item[0], 2), item[0]


class FindingsModel(QAbstractTableModel):
    """The rule findings as rows: severity (word + icon), message, subject, legal source."""

    def __init__(self, icon_source: QWidget) -> None:
        super().__init__(icon_source)
        self._findings: list[Finding] = []
        # Per row: the four columns' texts, then the severity's icon and colour.
        self._rows: list[tuple[tuple[str, str, str, str], QIcon, QColor]] = []
        self._icon_source = icon_source
        # Translated once: Qt asks for the titles dozens of times while it lays the window out.
        self._titles = (_("Level"), _("What to do"), _("Concerns"), _("Source"))

    def set_findings(self, findings: Sequence[Finding]) -> None:
        # Imported with the first findings, not with the window: its first paint shows none.
        from app.ui.widgets.severity import severity_colour, severity_icon, severity_word

        icons = {f.severity: severity_icon(f.severity, self._icon_source) for f in findings}
        self.beginResetModel()
        self._findings = list(findings)
        self._rows = [
            (
                (severity_word(f.severity), render(f.message), f.subject, f.citation),
                icons[f.severity],
                severity_colour(f.severity),
            )
            for f in self._findings
        ]
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self._titles
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        texts, icon, colour = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icon
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[3]
        return None


class _Card(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = Heading("–", scale=2.0)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(format_number(value))


class OverviewScreen(Screen):
    """Counts of the register and the findings of the rule checks."""

    areas = frozenset({"members", "cell", "meetings"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = _("Overview")
        self.cards = {
            "on_register": _Card(_("Members on the register")),
            "full": _Card(_("Full members")),
            "probationary": _Card(_("Probationary members")),
            "exempt": _Card(_("Exempt from party work and meetings")),
            "attached_elsewhere": _Card(_("Temporarily attached elsewhere")),
        }
        cards_row = QHBoxLayout()
        for card in self.cards.values():
            cards_row.addWidget(card)
        self.gender_label = QLabel()
        self.ethnicity_table = QTableWidget(0, 2)
        self.ethnicity_table.setHorizontalHeaderLabels([_("Ethnicity"), _("Number of members")])
        self.ethnicity_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ethnicity_table.verticalHeader().hide()
        ethnicity_header = self.ethnicity_table.horizontalHeader()
        ethnicity_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ethnicity_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.ethnicity_table.setMaximumHeight(200)
        self.ethnicity_table.setMinimumWidth(360)
        self.ethnicity_table.setMaximumWidth(480)
        self.findings_model = FindingsModel(self)
        self.findings_view = self._findings_view()
        self.empty_label = QLabel(_("There are no warnings."))
        self.empty_label.hide()
        self._lay_out(cards_row)

    def _findings_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.findings_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.verticalHeader().hide()
        # Rows fit their wrapped messages, also after a zoom or a resize. (Qt does this itself,
        # so no Python change-event handler is needed: the first one makes PySide build its
        # QEvent classes, ~3 ms of start-up.)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 200)
        # "activated" is a double-click or Enter (a single click on some desktops).
        view.activated.connect(self._on_activated)
        return view

    def _lay_out(self, cards_row: QHBoxLayout) -> None:
        details = QGridLayout()
        details.setHorizontalSpacing(16)
        details.addWidget(QLabel(_("By gender:")), 0, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.gender_label, 0, 1, Qt.AlignmentFlag.AlignTop)
        details.setColumnMinimumWidth(2, 32)
        details.addWidget(QLabel(_("By ethnicity:")), 0, 3, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.ethnicity_table, 0, 4)
        details.setColumnStretch(5, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Overview")))
        layout.addLayout(cards_row)
        layout.addLayout(details)
        self.findings_heading = Heading(_("Warnings and reminders"), scale=1.15)
        layout.addWidget(self.findings_heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.findings_view, 1)

    def refresh(self) -> None:
        """Reload the counts and findings (off the UI thread)."""
        self.ctx.jobs.read(
            lambda services: services.overview.get(),
            self.show_overview,
            label=_("Loading the overview…"),
        )

    def show_overview(self, overview: Overview) -> None:
        """Show an overview the services computed."""
        self.cards["on_register"].set_value(overview.on_register)
        self.cards["full"].set_value(overview.full)
        self.cards["probationary"].set_value(overview.probationary)
        self.cards["exempt"].set_value(overview.exempt)
        self.cards["attached_elsewhere"].set_value(overview.attached_elsewhere)
        genders = [
            f"{gender_label(key)}: {format_number(count)}"
            for key, count in sorted(overview.by_gender.items(), key=_gender_order)
        ]
        self.gender_label.setText("\n".join(genders))
        rows = sorted(overview.by_ethnicity.items(), key=lambda item: (-item[1], item[0]))
        self.ethnicity_table.setRowCount(len(rows))
        for row, (name, count) in enumerate(rows):
            self.ethnicity_table.setItem(row, 0, QTableWidgetItem(name))
            number = QTableWidgetItem(format_number(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.ethnicity_table.setItem(row, 1, number)
        self.findings_model.set_findings(overview.findings)
        self.empty_label.setVisible(not overview.findings)
        self.findings_view.setVisible(bool(overview.findings))

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        member_id = self.findings_model.finding(index.row()).member_id
        if member_id is not None:
            self.open_member_requested.emit(member_id)
