"""Small dialogs of the meetings area: the date of a new meeting, and the year's plan of
thematic topics (kế hoạch sinh hoạt chuyên đề) by quarter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
    """Choose the date of a new meeting (proposed: the upcoming meeting's date)."""

    def __init__(self, kind: MeetingKind, proposed: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(_("New meeting — {kind}").format(kind=meeting_kind_label(kind)))
        self.date = DateField()
        self.date.setDate(proposed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        label = QLabel(_("&Date of the meeting:"))
        label.setBuddy(self.date)
        form.addRow(label, self.date)
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
        self.resize(640, self.sizeHint().height())

    def changed_topics(self) -> dict[int, str]:
        """The quarters whose topic differs from the plan, with the new topic (NFC)."""
        return {
            quarter: clean(line.text())
            for quarter, line in self.topics.items()
            if clean(line.text()) != self.plan.topic(quarter)
        }
