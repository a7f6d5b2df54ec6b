"""The receiving committee's own signed report to its superior (báo cáo tổng hợp), e.g. the
Đảng ủy xã to the Tỉnh ủy: the table across its cells for a period, as a Party-format report
with summary.json (schema "sochibo.summary") embedded and signed with the committee's key.

The province imports it with the same program (a committee is a sender like a cell), so one
program serves cell, commune and province. Serials and numbers behave as for a cell's export:
a serial is never reused; the number ("Số 12-BC/ĐU", counted through the committee's term) is
given back when the write fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.crypto.identity import SigningIdentity, fingerprint
from app.domain.documents import format_number
from app.domain.inbox import figures_json
from app.domain.periods import Period
from app.l10n import _, format_date
from app.reports.inbox_documents import (
    committee_archive,
    render_summary,
)
from app.reports.inbox_snapshots import (
    SenderGaps,
    SummaryRow,
    SummarySnapshot,
)
from app.reports.snapshots import DocumentHeader
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.errors import UserError
from app.services.inbox import AREA, RECEIVER_ROW_ID, InboxService
from app.services.inbox_ack import committee_signature, no_receiver_message
from app.services.inbox_dto import COMMITTEE, PeriodTable
from app.services.report_data import payload_bytes, program_json
from app.services.report_export import signer_name
from app.services.report_verify import SUMMARY
from app.services.signed_files import (
    encrypted_path,
    refuse_folder,
    sign_and_seal,
    write_checked,
)
from app.storage.models import utc_now
from app.storage.models_inbox import Receiver, SummaryExport

SUMMARY_TYPE_CODE = "BC"  # báo cáo, in the profile's document table
SUMMARY_REASON = "Báo cáo tổng hợp tình hình hoạt động của các chi bộ"


@dataclass(frozen=True)
class SummaryResult:
    """A written and verified summary file."""

    serial: int
    number: str
    period_label: str
    path: Path
    sha256: str
    encrypted: bool


@dataclass(frozen=True)
class SummaryInfo:
    """One row of the committee's export history; `state` "reserved", "done" or "failed"."""

    serial: int
    period_label: str
    number: str
    state: str
    file_name: str
    created_at: dt.datetime
    received_at: dt.datetime | None


@dataclass(frozen=True)
class _Reserved:
    export_id: int
    serial: int
    number: str
    place: str


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SummaryExportService:
    """Exports of the committee whose data folder the context has open."""

    def __init__(self, ctx: ServiceContext, *, now: Callable[[], dt.datetime] = _utc_now) -> None:
        self._ctx = ctx
        self._now = now

    def history(self) -> list[SummaryInfo]:
        """Every summary export, newest first."""
        with unit_of_work(self._ctx) as session:
            rows = session.scalars(select(SummaryExport).order_by(SummaryExport.id.desc()))
            return [
                SummaryInfo(
                    r.serial,
                    r.period_label,
                    r.document_number,
                    r.state,
                    r.file_name,
                    r.created_at,
                    r.received_at,
                )
                for r in rows
            ]

    def export(
        self,
        period: Period,
        target: Path,
        identity: SigningIdentity,
        encrypt_to: x509.Certificate | None = None,
    ) -> SummaryResult:
        """Write the signed summary of `period` to `target` (".p7m" added when encrypting
        for `encrypt_to`) and record it; raises `UserError` with the reason."""
        path = encrypted_path(target) if encrypt_to is not None else target
        refuse_folder(path, f"tong-hop-{period.label}.scb")
        table = InboxService(self._ctx).period_table(period)
        gaps = tuple(
            SenderGaps(s.name, s.missing) for s in InboxService(self._ctx).senders() if s.missing
        )
        created = self._now()
        reserved, snapshot, payload = self._reserve(period, table, gaps, identity, created)
        try:
            data = sign_and_seal(
                render_summary(snapshot),
                SUMMARY.attachment,
                payload,
                identity,
                reason=SUMMARY_REASON,
                location=reserved.place,
                encrypt_to=encrypt_to,
            )
            write_checked(
                path, data, identity, SUMMARY.attachment, payload, encrypted=encrypt_to is not None
            )
        except BaseException:
            self._finish(reserved.export_id, "failed")
            raise
        digest = hashlib.sha256(data).hexdigest()
        self._finish(reserved.export_id, "done", path.name, digest, encrypt_to is not None)
        return SummaryResult(
            reserved.serial, reserved.number, period.label, path, digest, encrypt_to is not None
        )

    def _reserve(
        self,
        period: Period,
        table: PeriodTable,
        gaps: tuple[SenderGaps, ...],
        identity: SigningIdentity,
        created: dt.datetime,
    ) -> tuple[_Reserved, SummarySnapshot, bytes]:
        today = self._ctx.today()
        rules = self._ctx.profile.documents
        with unit_of_work(self._ctx) as session:
            receiver = _checked_receiver(session, period, today)
            serial = _next(
                session, SummaryExport.serial, SummaryExport.receiver_uid == receiver.uid
            )
            seq = _next(session, SummaryExport.seq, SummaryExport.term_start == receiver.term_start)
            number = format_number(
                seq,
                SUMMARY_TYPE_CODE,
                rules.committee_body_code.value,
                rules.number_digits.value,
            )
            row = SummaryExport(
                receiver_uid=receiver.uid,
                serial=serial,
                period_kind=str(period.kind),
                period_label=period.label,
                term_start=receiver.term_start,
                seq=seq,
                document_number=number,
            )
            session.add(row)
            session.flush()
            audit(session, "reserve_summary", AREA, row.id)
            snapshot = _snapshot(receiver, period, table, gaps, number, today, identity)
            payload = payload_bytes(
                _payload(receiver, snapshot, table, serial, created, identity, today)
            )
            reserved = _Reserved(row.id, serial, number, receiver.place_name)
        return reserved, snapshot, payload

    def _finish(
        self,
        export_id: int,
        state: str,
        file_name: str = "",
        digest: str = "",
        encrypted: bool = False,
    ) -> None:
        with unit_of_work(self._ctx) as session:
            row = session.get(SummaryExport, export_id)
            if row is None:
                return
            row.state = state
            if state == "failed":
                row.seq = None  # the number is given back: no document was issued under it
                row.document_number = ""
            else:
                row.file_name, row.sha256, row.encrypted = file_name, digest, encrypted
                row.completed_at = utc_now()
            audit(session, f"summary_{state}", AREA, export_id)


def _next(
    session: Session, column: InstrumentedAttribute[Any], condition: ColumnElement[bool]
) -> int:
    last = session.scalar(select(func.max(column)).where(condition))
    return int(last or 0) + 1


def _checked_receiver(session: Session, period: Period, today: dt.date) -> Receiver:
    receiver = session.get(Receiver, RECEIVER_ROW_ID)
    if receiver is None:
        raise UserError(no_receiver_message())
    if today < receiver.term_start or (receiver.term_end is not None and today > receiver.term_end):
        raise UserError(
            _(
                "Today ({date}) is outside the committee's term, so the report cannot be "
                "numbered. Check the term dates in Settings."
            ).format(date=format_date(today))
        )
    if period.start > today:
        raise UserError(
            _("The period {period} has not started yet. Choose a period that has begun.").format(
                period=period.label
            )
        )
    return receiver


def _snapshot(
    receiver: Receiver,
    period: Period,
    table: PeriodTable,
    gaps: tuple[SenderGaps, ...],
    number: str,
    today: dt.date,
    identity: SigningIdentity,
) -> SummarySnapshot:
    return SummarySnapshot(
        header=DocumentHeader(
            superior_body=receiver.superior_body,
            issuing_body=receiver.committee_name,
            number=number,
            place=receiver.place_name,
            date=today,
        ),
        committee_name=receiver.committee_name,
        period=period,
        rows=tuple(
            SummaryRow(r.sender_name, r.reported, r.document_number, r.figures) for r in table.rows
        ),
        totals=table.totals,
        bands=tuple((b.code, b.name) for b in table.bands),
        gaps=gaps,
        of_committees=any(r.kind == COMMITTEE for r in table.rows),
        signature=committee_signature(receiver, identity, today),
        recipients=(receiver.superior_committee,),
        archive=committee_archive(receiver.committee_name),
    )


def _payload(
    receiver: Receiver,
    snapshot: SummarySnapshot,
    table: PeriodTable,
    serial: int,
    created: dt.datetime,
    identity: SigningIdentity,
    today: dt.date,
) -> dict[str, object]:
    period = snapshot.period
    created_utc = created.astimezone(dt.UTC).replace(microsecond=0)
    return {
        "schema": SUMMARY.schema,
        "version": SUMMARY.version,
        "program": program_json(),
        "committee": {
            "uid": receiver.uid,
            "name": receiver.committee_name,
            "superior_committee": receiver.superior_committee,
            "superior_body": receiver.superior_body,
        },
        "period": {
            "kind": str(period.kind),
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "serial": serial,
        "created_at": created_utc.isoformat().replace("+00:00", "Z"),
        "document_number": snapshot.header.number,
        "issued_on": today.isoformat(),
        "signer": {"name": signer_name(identity), "fingerprint": fingerprint(identity.certificate)},
        "senders": [
            {
                "name": row.sender_name,
                "kind": row.kind,
                "reported": row.reported,
                "serial": row.serial,
                "document_number": row.document_number or None,
                "figures": figures_json(row.figures),
            }
            for row in table.rows
        ],
        "gaps": [{"name": g.name, "missing": list(g.missing)} for g in snapshot.gaps],
        "totals": figures_json(table.totals),
    }
