"""What the receiver's screens say, without Qt: the tables' columns, periods, shares, times and
the lines of an import's result.

The receiver's tables are read-only lists of frozen DTOs; each column is a title and a function
from a row to its text, so the words can be checked without building a widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.domain.inbox import PeriodFigures, Share
from app.domain.messages import DomainError
from app.domain.periods import Period, PeriodKind, month_period, parse_period
from app.domain.text import fold
from app.l10n import _, format_date
from app.services.inbox_dto import (
    COMMITTEE,
    FileOutcome,
    ImportOutcome,
    PeriodTable,
    ReceivedReport,
    Rejection,
    SenderGap,
    SenderInfo,
    TableRow,
)

R = TypeVar("R")
#: The `kind` of the table's total row (the senders are CELL or COMMITTEE).
TOTAL = "total"
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Column(Generic[R]):
    """One read-only column: its title, the text of a row, and how it is shown."""

    title: str
    text: Callable[[R], str]
    align_right: bool = False
    #: Shown in a fixed-width font, a little larger (fingerprints read out by phone).
    mono: bool = False
    tooltip: str = ""


# -- periods, shares, times ------------------------------------------------------------------


def period_text(label: str) -> str:
    """ "tháng 11/2026", "quý III/2026", "năm 2026" for a canonical period label."""
    try:
        period = parse_period(label)
    except DomainError:
        return label
    return period_name(period)


def period_name(period: Period) -> str:
    if period.kind is PeriodKind.MONTH:
        return _("month {month}/{year}").format(month=period.start.month, year=period.year)
    if period.kind is PeriodKind.QUARTER:
        return _("quarter {quarter}/{year}").format(
            quarter=_ROMAN[period.quarter - 1], year=period.year
        )
    return _("year {year}").format(year=period.year)


def previous_month(today: dt.date) -> Period:
    """The period a report is usually due for: the month before `today`."""
    first = today.replace(day=1) - dt.timedelta(days=1)
    return month_period(first.year, first.month)


def share_text(share: Share) -> str:
    """ "2/3 (67 %)", or "—" when there is nothing to count."""
    percent = share.percent
    if percent is None:
        return "—"
    return _("{part}/{whole} ({percent} %)").format(
        part=share.part, whole=share.whole, percent=round(percent)
    )


def moment_text(moment: dt.datetime | None) -> str:
    """A stored UTC time as the local date and time, "23/11/2026 15:04"."""
    if moment is None:
        return ""
    local = moment.replace(tzinfo=dt.UTC).astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def serials_text(serials: Sequence[int]) -> str:
    return ", ".join(str(n) for n in serials) if serials else "—"


def file_slug(name: str) -> str:
    """A file-name part from a name: "Chi bộ thôn Lũng Cú" → "chi-bo-thon-lung-cu"."""
    words = ["".join(c for c in word if c.isalnum()) for word in fold(name).split()]
    return "-".join(w for w in words if w) or "bao-cao"


# -- the table across senders (bảng tổng hợp) ------------------------------------------------


def _figure(row: TableRow, value: Callable[[PeriodFigures], int]) -> str:
    return str(value(row.figures)) if row.reported else ""


def table_columns(table: PeriodTable) -> list[Column[TableRow]]:
    """Sender, report, members, meetings by kind, one column per quality band, the share of
    meetings rated in the best band, acknowledged."""
    committees = any(r.kind == COMMITTEE for r in table.rows)
    best = table.bands[0].name if table.bands else ""
    columns: list[Column[TableRow]] = [
        Column(_("Party organisation") if committees else _("Cell"), lambda r: r.sender_name),
        Column(_("Report"), lambda r: r.document_number if r.reported else _("No report yet")),
        Column(_("Members"), lambda r: _figure(r, lambda f: f.members), align_right=True),
        Column(_("Regular\nmeetings"), lambda r: _figure(r, lambda f: f.regular), align_right=True),
        Column(
            _("Thematic\nmeetings"), lambda r: _figure(r, lambda f: f.thematic), align_right=True
        ),
    ]
    columns += [
        Column(
            band.name,
            _band_count(band.code),
            align_right=True,
            tooltip=_("Meetings rated {band}").format(band=band.name),
        )
        for band in table.bands
    ]
    columns += [
        Column(
            _("Rated\n{band}").format(band=best),
            lambda r: share_text(r.figures.good_meetings) if r.reported else "",
            align_right=True,
            tooltip=_("Share of the scored meetings rated {band} or better").format(band=best),
        ),
        Column(_("Acknow-\nledged"), _acked_text),
    ]
    return columns


def _band_count(code: str) -> Callable[[TableRow], str]:
    return lambda row: _figure(row, lambda f: f.bands.get(code, 0))


def _acked_text(row: TableRow) -> str:
    if not row.reported or row.kind == TOTAL:
        return ""
    return _("Yes") if row.acked else _("Not yet")


def total_row(table: PeriodTable) -> TableRow:
    """The bold last row: the totals, with how many senders reported."""
    totals = table.totals
    return TableRow(
        sender_name=_("Total"),
        kind=TOTAL,
        reported=True,
        serial=None,
        document_number=_("{reporting} of {senders} reported").format(
            reporting=totals.reporting, senders=totals.senders
        ),
        imported_at=None,
        acked=False,
        figures=totals,
    )


def table_rows(table: PeriodTable) -> list[TableRow]:
    """The senders, then the total row (only when there is a sender)."""
    return [*table.rows, total_row(table)] if table.rows else []


# -- the files received and refused ----------------------------------------------------------


def report_columns() -> list[Column[ReceivedReport]]:
    return [
        Column(_("Cell"), lambda r: r.sender_name),
        Column(_("Period"), lambda r: period_text(r.period_label)),
        Column(_("Serial"), lambda r: str(r.serial), align_right=True),
        Column(_("Number"), lambda r: r.document_number),
        Column(_("Imported"), lambda r: moment_text(r.imported_at)),
        Column(
            _("Acknowledgement"),
            lambda r: moment_text(r.acked_at) if r.acked_at else _("Not written yet"),
        ),
    ]


def rejection_columns() -> list[Column[Rejection]]:
    return [
        Column(_("File"), lambda r: r.file_name),
        Column(_("Reason"), lambda r: r.reason),
        Column(_("Last seen"), lambda r: moment_text(r.last_seen)),
        Column(_("Times"), lambda r: str(r.times), align_right=True),
    ]


def sender_columns() -> list[Column[SenderInfo]]:
    return [
        Column(_("Cell"), lambda s: s.name),
        Column(_("Holder"), lambda s: s.holder),
        Column(_("Short\nfingerprint"), lambda s: s.short_fingerprint, mono=True),
        Column(_("Reports\nreceived"), lambda s: str(s.reports), align_right=True),
        Column(_("Missing\nserials"), lambda s: serials_text(s.missing)),
        Column(_("Valid\nuntil"), lambda s: format_date(s.valid_to)),
    ]


# -- an import's result ----------------------------------------------------------------------


def outcome_summary(outcome: ImportOutcome) -> str:
    if outcome.stopped:
        return _("The import was stopped: nothing was imported.")
    if not outcome.files:
        return _("No report file (.scb, .p7m) was found.")
    return _("{accepted} imported, {rejected} refused.").format(
        accepted=outcome.accepted, rejected=outcome.rejected
    )


def file_line(outcome: FileOutcome) -> tuple[str, str]:
    """The verdict's words and what follows them, for one file of an import."""
    if outcome.accepted:
        detail = _("{sender}, {period}, serial {serial}").format(
            sender=outcome.sender_name,
            period=period_text(outcome.period_label),
            serial=outcome.serial,
        )
        return _("Imported"), detail
    return _("Refused"), outcome.reason


def gap_line(gap: SenderGap) -> str:
    return _("Not yet received from {sender}: serials {serials}").format(
        sender=gap.sender_name, serials=serials_text(gap.missing)
    )
