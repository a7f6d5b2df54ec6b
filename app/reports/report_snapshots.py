"""Frozen snapshots of the cell's periodic report (báo cáo tình hình hoạt động của chi bộ).

A service takes one at export time; the renderer (app.reports.period_report) draws it and the
service writes the same data as the report's JSON. Labels are Vietnamese, the fixed language
of Party documents; `kind` fields are stable codes for the JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.periods import Period
from app.domain.report_indicators import Indicators
from app.reports.snapshots import DocumentHeader


@dataclass(frozen=True)
class MemberCounts:
    """Members on the register on one day: all of them, full (chính thức), probationary (dự
    bị)."""

    total: int
    full: int
    probationary: int


@dataclass(frozen=True)
class MemberChange:
    """One change in the period (biến động): `kind` is a code ("admitted", "recognised", or a
    status-history event kind such as "transfer_out"), `label` its Vietnamese name."""

    kind: str
    label: str
    date: dt.date
    full_name: str
    decision_ref: str = ""


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting held in the period (final minutes only).

    `kind` is the meeting kind code, `kind_label` its Vietnamese name; `quality_band` is the
    band's name ("Tốt") and `quality_band_code` its code, both "" while unscored;
    `resolution` is the issued document written out ("Nghị quyết số 05-NQ/CB") or "".
    """

    date: dt.date
    kind: str
    kind_label: str
    thematic: bool
    topic: str
    present: int
    total: int
    quality_total: int | None
    quality_band: str
    quality_band_code: str
    minutes_number: str
    resolution_number: str
    resolution: str


@dataclass(frozen=True)
class GivenTask:
    """A task given at a meeting of the period (phân công nhiệm vụ)."""

    assigned_on: dt.date
    assignee: str
    description: str
    deadline: dt.date | None
    done: bool


@dataclass(frozen=True)
class ReportSnapshot:
    """Everything the periodic report shows.

    `members_at_start` counts the register on the day before the period starts,
    `members_at_end` on `as_of`: the period's last day, or the issue day for a period not yet
    over. `signature_note` is the visible note of the digital
    signature drawn under the secretary's name ("" for an unsigned preview).
    """

    header: DocumentHeader
    cell_name: str
    period: Period
    as_of: dt.date
    members_at_start: MemberCounts
    members_at_end: MemberCounts
    changes: tuple[MemberChange, ...]
    meetings: tuple[HeldMeeting, ...]
    tasks: tuple[GivenTask, ...]
    indicators: Indicators
    secretary_name: str
    recipients: tuple[str, ...]
    signature_note: str = ""
