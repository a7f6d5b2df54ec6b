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

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.identity import (
    certificate_names,
    certificate_pem,
    fingerprint,
    load_certificate,
    short_fingerprint,
)
from app.domain.inbox import (
    PeriodFigures,
    figures_of_report,
    figures_of_summary,
    missing_serials,
    not_reported,
    total,
)
from app.domain.periods import Period
from app.domain.text import nfc, title_sort_key
from app.l10n import _
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
    SenderPreview,
    TableRow,
)
from app.services.inbox_profile import RECEIVER_ROW_ID as RECEIVER_ROW_ID
from app.services.inbox_profile import read_receiver
from app.services.inbox_validation import receiver_problems, registrable_certificate
from app.services.report_verify import REPORT, SUMMARY, SignedKind
from app.storage.models import utc_now
from app.storage.models_inbox import InboxRejection, InboxReport, InboxSender, Receiver

AREA = "inbox"


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
        return read_receiver(self._ctx)

    def save_receiver(self, data: ReceiverInput) -> Changes:
        """Validate and save the committee's profile; raises `ValidationError` listing every
        problem (an empty name, a district-level body, a term that ends before it starts)."""
        texts: dict[str, Any] = {
            f.name: nfc(getattr(data, f.name))
            for f in dataclasses.fields(ReceiverInput)
            if isinstance(getattr(data, f.name), str)
        }
        data = dataclasses.replace(data, **texts)
        raise_if_blocked(receiver_problems(data))
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

    def preview_sender(self, certificate_data: bytes) -> SenderPreview:
        """What registering this certificate would register — the name, holder and short
        fingerprint to compare by phone before `add_sender` — refused for the same reasons
        (not a certificate, cannot sign, expired, already registered). Writes nothing."""
        certificate = registrable_certificate(certificate_data)
        digest = fingerprint(certificate).replace(" ", "")
        with unit_of_work(self._ctx) as session:
            _refuse_registered(session, digest)
        names = certificate_names(certificate)
        return SenderPreview(
            name=names.organisation or names.person,
            holder=names.person,
            fingerprint=fingerprint(certificate),
            short_fingerprint=short_fingerprint(certificate),
            valid_to=certificate.not_valid_after_utc.date(),
        )

    def add_sender(self, certificate_data: bytes) -> SenderInfo:
        """Register a cell's certificate (read from its .crt file); the caller shows the short
        fingerprint to compare by phone. A removed certificate is registered again."""
        certificate = registrable_certificate(certificate_data)
        digest = fingerprint(certificate).replace(" ", "")
        with unit_of_work(self._ctx) as session:
            row = _refuse_registered(session, digest)
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

    def sender_certificate(self, sender_id: int) -> bytes:
        """The registered certificate (PEM) of a sender, removed or not: registering it again
        undoes a removal."""
        with unit_of_work(self._ctx) as session:
            row = session.get(InboxSender, sender_id)
            if row is None:
                raise UserError(_("This certificate is no longer registered."))
            return row.certificate.encode("ascii")

    def trusted_certificates(self) -> list[x509.Certificate]:
        """The certificates a received file may be signed with (registered, not removed)."""
        with unit_of_work(self._ctx) as session:
            rows = session.scalars(select(InboxSender).where(InboxSender.removed_at.is_(None)))
            return [load_certificate(r.certificate.encode("ascii")) for r in rows]

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


def _refuse_registered(session: Session, digest: str) -> InboxSender | None:
    """The row of the certificate `digest` if it was registered and removed (or None); refuses
    one that is registered now."""
    row = session.scalar(select(InboxSender).where(InboxSender.fingerprint == digest))
    if row is not None and row.removed_at is None:
        raise UserError(
            _("This certificate is already registered (for {name}).").format(
                name=_sender_name(session, row)
            )
        )
    return row


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
