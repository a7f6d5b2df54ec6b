"""The words of the Reports screen and the export wizard's choices (no Qt here).

Periods are shown in words ("Tháng 11/2026", "Quý III/2026", "Năm 2026"), states and yes/no
answers as words, never as colours alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.messages import DomainError
from app.domain.periods import (
    Period,
    PeriodKind,
    month_period,
    parse_period,
    quarter_period,
    year_period,
)
from app.l10n import _, format_date, pgettext

if TYPE_CHECKING:
    from app.services.acks import AckImport
    from app.services.keys import KeyInfo
    from app.services.report_export import ExportInfo

ROMAN_QUARTERS = ("I", "II", "III", "IV")
MONTHS = 12
QUARTERS = 4
#: Shown in a column where the question does not apply (a failed export has no file).
NOT_APPLICABLE = "—"


def period_words(period: Period, *, in_sentence: bool = False) -> str:
    """ "Tháng 11/2026", "Quý III/2026", "Năm 2026" (lower case inside a sentence)."""
    year = period.year
    if period.kind is PeriodKind.MONTH:
        text = _("month {month}/{year}") if in_sentence else _("Month {month}/{year}")
        return text.format(month=period.start.month, year=year)
    if period.kind is PeriodKind.QUARTER:
        text = _("quarter {quarter}/{year}") if in_sentence else _("Quarter {quarter}/{year}")
        return text.format(quarter=ROMAN_QUARTERS[period.quarter - 1], year=year)
    return (_("year {year}") if in_sentence else _("Year {year}")).format(year=year)


def label_words(label: str, *, in_sentence: bool = False) -> str:
    """The words of a stored period label ("2026-11"); the label itself if it is not one."""
    try:
        return period_words(parse_period(label), in_sentence=in_sentence)
    except DomainError:
        return label


def period_span(period: Period, *, in_sentence: bool = False) -> str:
    """ "Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)"."""
    return _("{period} ({start} – {end})").format(
        period=period_words(period, in_sentence=in_sentence),
        start=format_date(period.start),
        end=format_date(period.end),
    )


def local_date(moment: dt.datetime) -> dt.date:
    """The secretary's calendar day of a moment the database keeps in UTC (naive)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().date()


def state_text(info: ExportInfo) -> str:
    """ "Đã ghi", "Không thành" or "Đang ghi"."""
    if info.state == "done":
        return pgettext("export state", "Written")
    if info.state == "failed":
        return pgettext("export state", "Failed")
    return pgettext("export state", "Being written")


def number_text(info: ExportInfo) -> str:
    """The report's number; a dash for a failed export, whose number was given back."""
    return NOT_APPLICABLE if info.state == "failed" else info.number


def encrypted_text(info: ExportInfo) -> str:
    """ "Có" / "Không" for a written file; a dash when no file was written."""
    if info.state != "done":
        return NOT_APPLICABLE
    return pgettext("encrypted", "Yes") if info.encrypted else pgettext("encrypted", "No")


def received_text(info: ExportInfo) -> str:
    """The day the superior committee received the file, "Chưa" (not yet), or a dash."""
    if info.received_at is not None:
        return format_date(local_date(info.received_at))
    return pgettext("received", "Not yet") if info.state == "done" else NOT_APPLICABLE


def unbroken(fingerprint: str) -> str:
    """A fingerprint whose groups stay on one line inside a wrapped sentence."""
    return fingerprint.replace(" ", "\u00a0")


def lower_first(text: str) -> str:
    """ "Số 03-BC/CB" inside a sentence: "số 03-BC/CB"."""
    return text[:1].lower() + text[1:]


def ack_message(result: AckImport) -> str:
    """What the secretary reads after importing an acknowledgement."""
    if result.already:
        return _("Serial {serial} was already marked as received; nothing changed.").format(
            serial=result.serial
        )
    return _("{receiver} received report {number} (period {period}) on {date}.").format(
        receiver=result.receiver_name,
        number=lower_first(result.document_number),
        period=label_words(result.period_label, in_sentence=True),
        date=format_date(local_date(result.received_at)),
    )


@dataclass(frozen=True)
class PeriodChoice:
    """The period chosen in the wizard: its kind, year, and month (1-12) or quarter (1-4)."""

    kind: PeriodKind
    year: int
    number: int = 1

    def period(self) -> Period:
        if self.kind is PeriodKind.MONTH:
            return month_period(self.year, self.number)
        if self.kind is PeriodKind.QUARTER:
            return quarter_period(self.year, self.number)
        return year_period(self.year)


def default_choice(today: dt.date) -> PeriodChoice:
    """The previous month: reports are usually made once the month is over."""
    previous = today.replace(day=1) - dt.timedelta(days=1)
    return PeriodChoice(PeriodKind.MONTH, previous.year, previous.month)


def number_names(kind: PeriodKind) -> list[str]:
    """The months ("Tháng 1" …) or quarters ("Quý I" …) offered for a kind of period."""
    if kind is PeriodKind.MONTH:
        return [_("Month {month}").format(month=m) for m in range(1, MONTHS + 1)]
    if kind is PeriodKind.QUARTER:
        return [_("Quarter {quarter}").format(quarter=q) for q in ROMAN_QUARTERS]
    return []


def suggested_file_name(period: Period) -> str:
    """ "bao-cao-2026-11.scb": ASCII, so that every USB stick and e-mail keeps it."""
    return f"bao-cao-{period.label}.scb"


def key_lines(info: KeyInfo) -> str:
    """The cell's key: holder, cell, validity and where the certificate comes from."""
    origin = _("made by Sổ Chi bộ") if info.self_made else _("issued by a certificate authority")
    return "\n".join(
        [
            _("Holder: {name}").format(name=info.subject),
            _("Cell: {cell}").format(cell=info.cell),
            _("Valid from {start} to {end}").format(
                start=format_date(info.valid_from), end=format_date(info.valid_to)
            ),
            _("Certificate: {origin}").format(origin=origin),
        ]
    )


def superior_lines(info: KeyInfo) -> str:
    """The superior committee's registered certificate: committee, signer, validity."""
    return "\n".join(
        [
            _("Committee: {name}").format(name=info.cell or info.subject),
            _("Holder: {name}").format(name=info.subject),
            _("Valid from {start} to {end}").format(
                start=format_date(info.valid_from), end=format_date(info.valid_to)
            ),
        ]
    )


def enrolment_text(superior: str, short_fingerprint: str) -> str:
    """How the superior committee comes to trust the cell's certificate (đăng ký), in steps."""
    committee = superior or _("the superior committee")
    return "\n".join(
        [
            _(
                "For {committee} to trust the cell's reports, it registers the cell's "
                "certificate once:"
            ).format(committee=committee),
            _(
                "1. Write the certificate to a file and give it to {committee} on a USB stick "
                "or by e-mail."
            ).format(committee=committee),
            _(
                "2. Call its office and read out the short fingerprint, group by group: {short}."
            ).format(short=unbroken(short_fingerprint)),
            _("The office registers the certificate only if every digit matches."),
        ]
    )
