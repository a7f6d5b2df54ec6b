"""The receiver (tiếp nhận báo cáo) at the superior committee: its profile, the certificates of
the cells it registered, what arrived and what was refused, and the table across cells.

Importing files is in `inbox_import`, acknowledgements in `inbox_ack`, the committee's own
summary to the level above in `inbox_summary`; all work on the tables of `models_inbox`.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.errors import CryptoError
from app.crypto.identity import (
    certificate_names,
    certificate_pem,
    fingerprint,
    load_certificate,
    may_sign,
    short_fingerprint,
)
from app.domain.documents import names_district_level
from app.domain.findings import Problem
from app.domain.inbox import (
    PeriodFigures,
    figures_of_report,
    figures_of_summary,
    missing_serials,
    not_reported,
    total,
)
from app.domain.messages import N_, Message
from app.domain.periods import Period
from app.domain.text import nfc, title_sort_key
from app.l10n import _, render
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.dto_base import Changes
from app.services.errors import UserError, raise_if_blocked
from app.services.inbox_dto import (
    CELL,
    COMMITTEE,
    BandName,
    PeriodTable,
    ReceivedReport,
    ReceiverInfo,
    ReceiverInput,
    Refusal,
    Rejection,
    SenderInfo,
    TableRow,
)
from app.services.report_verify import REPORT, SUMMARY, SignedKind
from app.storage.models import utc_now
from app.storage.models_inbox import InboxRejection, InboxReport, InboxSender, Receiver

AREA = "inbox"
RECEIVER_ROW_ID = 1

_REQUIRED = {
    "committee_name": N_(
        "The committee's name is empty. Enter the committee that receives the reports, e.g. "
        "“Đảng ủy xã Lũng Cú”."
    ),
    "superior_body": N_(
        "The body above the committee is empty. Enter it as the document header prints it, "
        "e.g. “ĐẢNG BỘ TỈNH TUYÊN QUANG”."
    ),
    "superior_committee": N_(
        "The receiver of the committee's summary is empty. Enter it, e.g. “Ban Thường vụ "
        "Tỉnh ủy Tuyên Quang”."
    ),
    "place_name": N_(
        "The place name is empty. Enter the place written before the date on documents, "
        "e.g. “Lũng Cú”."
    ),
    "signer_name": N_("The signer's name is empty. Enter who signs the committee's documents."),
    "signer_title": N_("The signer's title is empty. Enter it, e.g. “BÍ THƯ”."),
}
_DISTRICT = N_(
    "“{value}” names a district-level body, but there has been no district level since "
    "01/07/2025. Enter the commune, ward or grassroots party committee instead."
)


def sender_kind(schema: str) -> str:
    """CELL for a cell's report, COMMITTEE for a committee's summary."""
    return COMMITTEE if schema == SUMMARY.schema else CELL


def figures_of_payload(payload: Mapping[str, Any], kind: SignedKind | None) -> PeriodFigures:
    """The figures a verified file's data carries; raises `PayloadError` when incomplete."""
    if kind is SUMMARY:
        return figures_of_summary(payload)
    return figures_of_report(payload)


def figures_of(row: InboxReport) -> PeriodFigures:
    """The figures an accepted report carries (checked when it was imported)."""
    payload: dict[str, Any] = json.loads(row.payload)
    return figures_of_payload(payload, SUMMARY if row.schema == SUMMARY.schema else REPORT)


class InboxService:
    """The receiving committee's side of the signed report files."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- the committee's profile ---------------------------------------------------------

    def receiver(self) -> ReceiverInfo | None:
        """The committee's profile, or None while this data folder is not a receiver."""
        with unit_of_work(self._ctx) as session:
            row = session.get(Receiver, RECEIVER_ROW_ID)
            return None if row is None else _receiver_info(row)

    def save_receiver(self, data: ReceiverInput) -> Changes:
        """Validate and save the committee's profile; raises `ValidationError` listing every
        problem (an empty name, a district-level body, a term that ends before it starts)."""
        texts: dict[str, Any] = {
            f.name: nfc(getattr(data, f.name))
            for f in dataclasses.fields(ReceiverInput)
            if isinstance(getattr(data, f.name), str)
        }
        data = dataclasses.replace(data, **texts)
        raise_if_blocked(_receiver_problems(data))
        with unit_of_work(self._ctx) as session:
            row = session.get(Receiver, RECEIVER_ROW_ID)
            action = "update"
            if row is None:
                row = Receiver(id=RECEIVER_ROW_ID)
                session.add(row)
                action = "create"
            for field in dataclasses.fields(ReceiverInput):
                setattr(row, field.name, getattr(data, field.name))
            audit(session, action, AREA, RECEIVER_ROW_ID)
        return Changes.of(AREA)

    # -- registered certificates (đăng ký chứng thư số của chi bộ) -------------------------

    def add_sender(self, certificate_data: bytes) -> SenderInfo:
        """Register a cell's certificate (read from its .crt file); the caller shows the short
        fingerprint to compare by phone. A removed certificate is registered again."""
        try:
            certificate = load_certificate(certificate_data)
        except CryptoError as exc:
            raise UserError(render(exc.message)) from exc
        if not may_sign(certificate):
            raise UserError(
                _(
                    "This certificate does not allow signing documents, so no report signed "
                    "with it could be trusted. Ask the cell for its signing certificate."
                )
            )
        now = utc_now()
        if certificate.not_valid_after_utc.replace(tzinfo=None) < now:
            raise UserError(
                _(
                    "This certificate expired on {date}. Ask the cell to make a new key and "
                    "send its new certificate."
                ).format(date=certificate.not_valid_after_utc.strftime("%d/%m/%Y"))
            )
        digest = fingerprint(certificate).replace(" ", "")
        with unit_of_work(self._ctx) as session:
            row = session.scalar(select(InboxSender).where(InboxSender.fingerprint == digest))
            if row is not None and row.removed_at is None:
                raise UserError(
                    _("This certificate is already registered (for {name}).").format(
                        name=_sender_name(session, row)
                    )
                )
            if row is None:
                names = certificate_names(certificate)
                row = InboxSender(
                    fingerprint=digest,
                    certificate=certificate_pem(certificate).decode("ascii"),
                    holder=names.person,
                    organisation=names.organisation,
                    unit=names.unit,
                )
                session.add(row)
            row.removed_at = None
            session.flush()
            audit(session, "register", AREA, row.id)
            return _sender_info(session, row)

    def remove_sender(self, sender_id: int) -> Changes:
        """Stop trusting a certificate (a lost key, a wrong registration); what arrived with it
        stays. Undone by registering the same certificate again."""
        with unit_of_work(self._ctx) as session:
            row = session.get(InboxSender, sender_id)
            if row is None:
                raise UserError(_("This certificate is no longer registered."))
            row.removed_at = utc_now()
            audit(session, "unregister", AREA, sender_id)
        return Changes.of(AREA, ids=(sender_id,))

    def senders(self, *, with_removed: bool = False) -> list[SenderInfo]:
        """The registered certificates, by name."""
        with unit_of_work(self._ctx) as session:
            rows = session.scalars(select(InboxSender))
            found = [_sender_info(session, r) for r in rows if with_removed or r.removed_at is None]
        return sorted(found, key=lambda s: (title_sort_key(s.name), s.id))

    # -- what arrived ----------------------------------------------------------------------

    def reports(self, period_label: str | None = None) -> list[ReceivedReport]:
        """Accepted files, newest import first; only those of `period_label` when given."""
        with unit_of_work(self._ctx) as session:
            query = select(InboxReport).order_by(InboxReport.imported_at.desc(), InboxReport.id)
            if period_label is not None:
                query = query.where(InboxReport.period_label == period_label)
            return [_received(r) for r in session.scalars(query)]

    def rejections(self) -> list[Rejection]:
        """Refused files, the most recent first."""
        with unit_of_work(self._ctx) as session:
            query = select(InboxRejection).order_by(InboxRejection.last_seen.desc())
            return [
                Rejection(
                    file_name=r.file_name,
                    reason=r.reason,
                    sender_name=r.sender_name,
                    period_label=r.period_label,
                    serial=r.serial,
                    last_seen=r.last_seen,
                    times=r.times,
                )
                for r in session.scalars(query)
            ]

    def period_table(self, period: Period) -> PeriodTable:
        """Every registered sender with its report of `period` (the newest serial counts) or
        without one, and the totals."""
        with unit_of_work(self._ctx) as session:
            reports = session.scalars(
                select(InboxReport).where(InboxReport.period_label == period.label)
            ).all()
            current: dict[str, InboxReport] = {}
            for row in reports:
                held = current.get(row.sender_uid)
                if held is None or row.serial > held.serial:
                    current[row.sender_uid] = row
            rows = [_table_row(r) for r in current.values()]
            rows += [_silent_row(name) for name in _silent_senders(session, set(current))]
        rows.sort(key=lambda r: title_sort_key(r.sender_name))
        bands = tuple(
            BandName(b.code, b.name) for b in self._ctx.profile.meetings.quality.value.bands
        )
        return PeriodTable(period.label, tuple(rows), total([r.figures for r in rows]), bands)


def _receiver_problems(data: ReceiverInput) -> list[Problem]:
    problems = [
        Problem(name, Message(text)) for name, text in _REQUIRED.items() if not getattr(data, name)
    ]
    for name in ("superior_body", "superior_committee"):
        value = getattr(data, name)
        if names_district_level(value):
            problems.append(Problem(name, Message(_DISTRICT, {"value": value})))
    if data.term_start is None:
        message = N_("The start of the committee's term is empty: documents are numbered by term.")
        problems.append(Problem("term_start", Message(message)))
    elif data.term_end is not None and data.term_end <= data.term_start:
        message = N_(
            "The term ends on {end}, which is not after its start {start}. Check both dates."
        )
        problems.append(
            Problem("term_end", Message(message, {"end": data.term_end, "start": data.term_start}))
        )
    return problems


def _receiver_info(row: Receiver) -> ReceiverInfo:
    return ReceiverInfo(
        committee_name=row.committee_name,
        superior_body=row.superior_body,
        superior_committee=row.superior_committee,
        place_name=row.place_name,
        signer_name=row.signer_name,
        signer_title=row.signer_title,
        term_start=row.term_start,
        term_end=row.term_end,
        uid=row.uid,
    )


def arrived_serials(session: Session, uid: str) -> list[int]:
    """The serials of `uid` that arrived: the accepted reports, and the verified ones refused
    only because a newer report of their period was already held (so they are no gap)."""
    accepted = session.scalars(select(InboxReport.serial).where(InboxReport.sender_uid == uid))
    superseded = session.scalars(
        select(InboxRejection.serial).where(
            InboxRejection.sender_uid == uid,
            InboxRejection.code == Refusal.SUPERSEDED.value,
            InboxRejection.serial.is_not(None),
        )
    )
    return sorted({*accepted, *(s for s in superseded if s is not None)})


def sender_name_of(session: Session, uid: str) -> str:
    """The name the newest report of `uid` gives."""
    name = session.scalar(
        select(InboxReport.sender_name)
        .where(InboxReport.sender_uid == uid)
        .order_by(InboxReport.serial.desc())
        .limit(1)
    )
    return name or ""


def _reports_of(session: Session, uid: str | None) -> Sequence[InboxReport]:
    if uid is None:
        return ()
    query = select(InboxReport).where(InboxReport.sender_uid == uid).order_by(InboxReport.serial)
    return session.scalars(query).all()


def _sender_name(session: Session, row: InboxSender) -> str:
    """The name the sender's newest report gives, else the certificate's organisation."""
    reports = _reports_of(session, row.uid)
    if reports:
        return reports[-1].sender_name
    return row.organisation or row.holder


def _sender_info(session: Session, row: InboxSender) -> SenderInfo:
    certificate = load_certificate(row.certificate.encode("ascii"))
    serials = [r.serial for r in _reports_of(session, row.uid)]
    arrived = arrived_serials(session, row.uid) if row.uid is not None else []
    return SenderInfo(
        id=row.id,
        name=_sender_name(session, row),
        holder=row.holder,
        fingerprint=fingerprint(certificate),
        short_fingerprint=short_fingerprint(certificate),
        uid=row.uid,
        registered_at=row.registered_at,
        valid_to=certificate.not_valid_after_utc.date(),
        removed=row.removed_at is not None,
        reports=len(serials),
        last_serial=max(serials) if serials else None,
        missing=missing_serials(arrived),
    )


def _received(row: InboxReport) -> ReceivedReport:
    return ReceivedReport(
        id=row.id,
        sender_name=row.sender_name,
        kind=sender_kind(row.schema),
        period_label=row.period_label,
        serial=row.serial,
        document_number=row.document_number,
        issued_on=row.issued_on,
        signed_at=row.signed_at,
        imported_at=row.imported_at,
        acked_at=row.acked_at,
        file_name=row.file_name,
        encrypted=row.encrypted,
    )


def _table_row(row: InboxReport) -> TableRow:
    return TableRow(
        sender_name=row.sender_name,
        kind=sender_kind(row.schema),
        reported=True,
        serial=row.serial,
        document_number=row.document_number,
        imported_at=row.imported_at,
        acked=row.acked_at is not None,
        figures=figures_of(row),
    )


def _silent_row(name: str) -> TableRow:
    return TableRow(name, CELL, False, None, "", None, False, not_reported())


def _silent_senders(session: Session, reported: set[str]) -> list[str]:
    """Names of the registered senders (one per identity) with no report in the period."""
    by_identity: dict[str, list[InboxSender]] = defaultdict(list)
    for row in session.scalars(select(InboxSender).where(InboxSender.removed_at.is_(None))):
        by_identity[row.uid or f"certificate:{row.id}"].append(row)
    return [
        _sender_name(session, rows[0])
        for identity, rows in by_identity.items()
        if identity not in reported
    ]
