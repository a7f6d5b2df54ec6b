"""Small widgets of the receiver's screens: a read-only table, the period chooser, and the
short fingerprint shown large enough to read out by phone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from app.domain.periods import Period, PeriodKind, month_period, quarter_period, year_period
from app.l10n import _
from app.ui.screens.inbox.model import mono_font

#: Years offered around the current one.
YEARS_AROUND = 10
#: The short fingerprint in a dialog that asks to compare it by phone.
FINGERPRINT_SCALE = 1.6


def read_only_table(model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    """A table of whole rows, one selected at a time, never edited in place.

    Columns fit their contents (a wider table scrolls: nothing is cut); `stretch` names a
    column of long text that takes the width left instead (its full text is shown elsewhere).
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class FingerprintLabel(QLabel):
    """A short fingerprint in a large fixed-width font, selectable to copy."""

    def __init__(self, text: str = "", scale: float = FINGERPRINT_SCALE) -> None:
        super().__init__(text)
        self._scale = scale
        self.setFont(mono_font(scale))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def event(self, event: QEvent) -> bool:
        # An explicit font does not follow the zoom by itself: recompute it.
        if event.type() == QEvent.Type.ApplicationFontChange:
            self.setFont(mono_font(self._scale))
        return super().event(event)


class BigButton(QPushButton):
    """The screen's main action: larger and bold, following the zoom."""

    SCALE = 1.2

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._follow()

    def _follow(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self.SCALE)
        font.setBold(True)
        self.setFont(font)
        self.setMinimumHeight(int(self.fontMetrics().height() * 2.2))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._follow()
        return super().event(event)


class PeriodChooser(QWidget):
    """Month, quarter or year, and which one; `changed` carries the chosen `Period`."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind, label in (
            (PeriodKind.MONTH, _("Month")),
            (PeriodKind.QUARTER, _("Quarter")),
            (PeriodKind.YEAR, _("Year")),
        ):
            self.kind.addItem(label, kind.value)
        self.number = QComboBox()
        self.year = QSpinBox()
        this_year = dt.date.today().year
        self.year.setRange(this_year - YEARS_AROUND, this_year + YEARS_AROUND)
        self.year.setValue(this_year)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.number)
        row.addWidget(self.year)
        self._fill_numbers()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.number.currentIndexChanged.connect(self._emit)
        self.year.valueChanged.connect(self._emit)
        self._quiet = False

    def period(self) -> Period:
        kind = PeriodKind(self.kind.currentData())
        year, number = self.year.value(), int(self.number.currentData() or 1)
        if kind is PeriodKind.MONTH:
            return month_period(year, number)
        if kind is PeriodKind.QUARTER:
            return quarter_period(year, number)
        return year_period(year)

    def set_period(self, period: Period) -> None:
        """Show `period` (emits `changed` once)."""
        self._quiet = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
            self._fill_numbers()
            number = period.start.month if period.kind is PeriodKind.MONTH else period.quarter
            self.number.setCurrentIndex(max(0, self.number.findData(number)))
            if not self.year.minimum() <= period.year <= self.year.maximum():
                self.year.setRange(period.year - YEARS_AROUND, period.year + YEARS_AROUND)
            self.year.setValue(period.year)
        finally:
            self._quiet = False
        self._emit()

    def _fill_numbers(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        keep = self.number.currentData()
        self.number.blockSignals(True)
        self.number.clear()
        if kind is PeriodKind.MONTH:
            for month in range(1, 13):
                self.number.addItem(_("month {month}").format(month=month), month)
        elif kind is PeriodKind.QUARTER:
            for quarter, roman in enumerate(("I", "II", "III", "IV"), start=1):
                self.number.addItem(_("quarter {quarter}").format(quarter=roman), quarter)
        index = self.number.findData(keep)
        self.number.setCurrentIndex(index if index >= 0 else 0)
        self.number.setVisible(kind is not PeriodKind.YEAR)
        self.number.blockSignals(False)

    def _kind_changed(self, _index: int) -> None:
        self._fill_numbers()
        self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit(self.period())
