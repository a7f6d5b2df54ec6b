"""Small dialogs of the meetings area: the date of a new meeting, and the year's plan of
thematic topics (kế hoạch sinh hoạt chuyên đề) by quarter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingKind
from app.l10n import _
from app.meeting_labels import meeting_kind_label
from app.services.meeting_dto import ThematicPlan
from app.ui.screens.meetings.fields import clean
from app.ui.widgets.dates import DateField


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    ok = QPushButton(ok_text)
    ok.setDefault(True)
    cancel = QPushButton(_("Cancel"))
    cancel.setAutoDefault(False)
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewMeetingDialog(QDialog):
    """Choose the kind and the date of a new meeting (proposed: the kind of the button
    pressed and the upcoming meeting's date)."""

    def __init__(self, kind: MeetingKind, proposed: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New meeting"))
        self.kind_choice = QComboBox()
        for choice in MeetingKind:
            self.kind_choice.addItem(meeting_kind_label(choice), choice.value)
        self.kind_choice.setCurrentIndex(self.kind_choice.findData(kind.value))
        self.date = DateField()
        self.date.setDate(proposed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        for text, widget in (
            (_("&Kind of meeting:"), self.kind_choice),
            (_("&Date of the meeting:"), self.date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(
            _("The new meeting starts from the previous one: roll call, agenda and open tasks.")
        )
        hint.setWordWrap(True)
        buttons = _buttons(self, _("&Start"))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date.selectAll()

    @property
    def kind(self) -> MeetingKind:
        """The kind chosen (a thematic or combined meeting takes the quarter's planned topic)."""
        return MeetingKind(self.kind_choice.currentData())

    def chosen_date(self) -> dt.date | None:
        return self.date.date()

    def _accept(self) -> None:
        if not self.date.is_valid() or self.date.date() is None:
            # Not by colour alone: the warning sign and the sentence say it.
            self.error.setText(
                "⚠ " + _("Type the date of the meeting as day/month/year, e.g. 03/12/2026.")
            )
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()


class PlanDialog(QDialog):
    """The thematic topic planned for each quarter of one year; empty clears a quarter."""

    def __init__(self, plan: ThematicPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Thematic meetings planned for {year}").format(year=plan.year))
        self.topics: dict[int, QLineEdit] = {}
        form = QFormLayout()
        for planned in plan.quarters:
            line = QLineEdit(planned.topic)
            # Show a long topic from its beginning, not scrolled to its end.
            line.setCursorPosition(0)
            line.setPlaceholderText(_("Topic of the thematic meeting"))
            label = QLabel(_("Quarter &{quarter}:").format(quarter=planned.quarter))
            label.setBuddy(line)
            form.addRow(label, line)
            self.topics[planned.quarter] = line
        hint = QLabel(_("A new thematic meeting takes the topic planned for its quarter."))
        hint.setWordWrap(True)
        buttons = _buttons(self, _("&Save"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # Room for a topic of about 90 characters, in the font the secretary zoomed to.
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())

    def changed_topics(self) -> dict[int, str]:
        """The quarters whose topic differs from the plan, with the new topic (NFC)."""
        return {
            quarter: clean(line.text())
            for quarter, line in self.topics.items()
            if clean(line.text()) != self.plan.topic(quarter)
        }
