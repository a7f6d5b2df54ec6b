"""Frozen snapshots of the receiving committee's documents: the acknowledgement of a report
(giấy biên nhận báo cáo) and the summary of its cells' reports (báo cáo tổng hợp).

Standard library and domain types only, so a service builds them without loading reportlab.
Labels are Vietnamese, the fixed language of Party documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.inbox import PeriodFigures
from app.domain.periods import Period
from app.reports.snapshots import DocumentHeader


@dataclass(frozen=True)
class CommitteeSignature:
    """Who signs for the committee: "T/M ĐẢNG ỦY", the title ("BÍ THƯ"), the name, and the
    note of the digital signature under it."""

    title: str
    subtitle: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class AckSnapshot:
    """The acknowledgement of one report: which file arrived, from whom, when, and that its
    signature was valid. `sha256` is the digest of the file as it arrived (the one the cell
    recorded when it exported it)."""

    header: DocumentHeader
    committee_name: str
    sender_name: str
    period: Period
    report_number: str
    report_issued_on: dt.date
    serial: int
    file_name: str
    sha256: str
    report_signer: str
    report_fingerprint: str
    received_at: dt.datetime
    signature: CommitteeSignature
    recipients: tuple[str, ...]
    archive: str


@dataclass(frozen=True)
class SummaryRow:
    """One sender in the summary: a cell (or, at the province, a commune's committee)."""

    name: str
    reported: bool
    document_number: str
    figures: PeriodFigures


@dataclass(frozen=True)
class SenderGaps:
    """Serials of a sender that have not arrived (a report on its way, or a failed export)."""

    name: str
    missing: tuple[int, ...]


@dataclass(frozen=True)
class SummarySnapshot:
    """The committee's summary of the reports received for a period.

    `of_committees` is True at the province, whose senders are the communes' committees:
    the wording says "đảng bộ" instead of "chi bộ". `bands` are the quality bands of the
    profile as (code, printed name), best first.
    """

    header: DocumentHeader
    committee_name: str
    period: Period
    rows: tuple[SummaryRow, ...]
    totals: PeriodFigures
    bands: tuple[tuple[str, str], ...]
    gaps: tuple[SenderGaps, ...]
    of_committees: bool
    signature: CommitteeSignature
    recipients: tuple[str, ...]
    archive: str
