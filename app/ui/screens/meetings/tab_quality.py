"""The meeting editor's "Chấm điểm" tab: the quality criteria of the regulation profile (a
province's file may replace them), a score for each, the total and band as they are typed,
and the shortcomings to fix next time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.meetings import QualityResult, score_quality
from app.domain.profile import QualityCriterion, QualityScheme, Rule
from app.l10n import _
from app.services.meeting_dto import MeetingInput
from app.ui.screens.meetings.delegates import NumberDelegate
from app.ui.screens.meetings.fields import clean
from app.ui.screens.meetings.rows_model import Column, RowsModel
from app.ui.screens.meetings.tab_content import text_area
from app.ui.screens.meetings.table import make_table

NAME, MAXIMUM, SCORE = range(3)


@dataclass(frozen=True)
class QualityRow:
    """One criterion (tiêu chí) and the points given (None while unscored)."""

    criterion: QualityCriterion
    score: int | None = None


def quality_columns() -> list[Column[QualityRow]]:
    """Criterion, maximum, points given (0 to the maximum)."""
    return [
        Column(lambda: _("Criterion"), lambda r: r.criterion.name),
        Column(lambda: _("Maximum"), lambda r: str(r.criterion.max_points), align_right=True),
        Column(
            lambda: _("Points"),
            lambda r: "" if r.score is None else str(r.score),
            value=lambda r: r.score,
            update=lambda r, v: replace(r, score=int(v)),
            limit=lambda r: r.criterion.max_points,
            align_right=True,
        ),
    ]


def total_text(result: QualityResult, scheme: QualityScheme, scored: int = 1) -> str:
    """ "Tổng điểm: 85/100 — Xếp loại: Khá" (or why there is no total). `scored` is the number
    of criteria given a score: with none, "0/100 — Kém" would read as a verdict."""
    if scored == 0:
        return _("Total: not scored yet — enter the points of each criterion.")
    if result.total is None or result.band is None:
        return _("Total: cannot be computed — correct the scores marked in the problems list.")
    return _("Total: {total}/{maximum} — Rating: {band}").format(
        total=result.total, maximum=scheme.total, band=result.band.name
    )


class QualityTab(QWidget):
    """The meeting-quality self-score (tự chấm điểm chất lượng sinh hoạt)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheme: QualityScheme | None = None
        self.model: RowsModel[QualityRow] = RowsModel(quality_columns(), self)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = make_table(self.model, NAME)
        self.table.setItemDelegateForColumn(SCORE, NumberDelegate(self.table))
        self.total = QLabel()
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shortcomings = text_area(_("What the cell should do better at the next meeting"))
        label = QLabel(_("&Shortcomings to fix:"))
        label.setBuddy(self.shortcomings)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(label)
        layout.addWidget(self.shortcomings)
        self.model.edited.connect(self._on_edited)
        self.shortcomings.textChanged.connect(self.edited.emit)

    def load(self, data: MeetingInput, table: Rule[QualityScheme]) -> None:
        """Show the meeting's scores on its table (the profile's, or that of final minutes)."""
        scheme = self.scheme = table.value
        self.source.setText(_("Scoring table: {citation}").format(citation=table.citation))
        self.model.set_rows(
            [QualityRow(c, data.quality_scores.get(c.code)) for c in scheme.criteria]
        )
        self.shortcomings.setPlainText(data.shortcomings)
        self.update_total()

    def scores(self) -> dict[str, int]:
        """Points per criterion code, for the criteria scored so far."""
        return {r.criterion.code: r.score for r in self.model.rows if r.score is not None}

    def result(self) -> QualityResult | None:
        return None if self.scheme is None else score_quality(self.scores(), self.scheme)

    def update_total(self) -> None:
        result = self.result()
        if result is not None and self.scheme is not None:
            self.total.setText(total_text(result, self.scheme, len(self.scores())))

    def row_of(self, code: str) -> int | None:
        """The table row of a criterion code (a problem's "quality.<code>")."""
        for row, item in enumerate(self.model.rows):
            if item.criterion.code == code:
                return row
        return None

    def _on_edited(self) -> None:
        self.update_total()
        self.edited.emit()

    def apply(self, data: MeetingInput) -> MeetingInput:
        return replace(
            data,
            quality_scores=self.scores(),
            shortcomings=clean(self.shortcomings.toPlainText()),
        )

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.shortcomings.setReadOnly(read_only)
