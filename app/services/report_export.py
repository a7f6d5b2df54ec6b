"""Exporting the signed report file (.scb) to the superior committee (cấp ủy cấp trên).

One export: reserve the next serial and the report's number in the document register (one
transaction, kept even if the write fails, so a serial is never reused); build the report and
its JSON; render, embed report.json and sign (PAdES) with the cell's key; optionally encrypt
for the receiver's certificate (CMS, .p7m); write beside the target, fsync, rename; read the
file back and verify it; only then record the file's name and SHA-256. A failed write marks the
export "failed", gives the report's number back, and leaves no file that looks valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.crypto.identity import SigningIdentity, fingerprint, short_fingerprint
from app.domain.periods import Period
from app.l10n import _, format_date
from app.reports.period_report import render_period_report
from app.reports.report_snapshots import ReportSnapshot
from app.services.base import audit, unit_of_work
from app.services.document_register import issue_number, number_info
from app.services.errors import UserError
from app.services.facade import Services
from app.services.keys import KeyService
from app.services.report_data import (
    PayloadMeta,
    ReportHeading,
    payload_bytes,
    report_payload,
    report_snapshot,
)
from app.services.signed_files import (
    encrypted_path,
    refuse_folder,
    sign_and_seal,
    write_checked,
)
from app.storage.models import Cell, DocumentNumber, Export, utc_now

AREA = "exports"
CELL_ROW_ID = 1
REPORT_KIND = "report"
REPORT_TYPE_CODE = "BC"  # báo cáo, in the profile's document table
REPORT_ATTACHMENT = "report.json"
SIGNING_REASON = "Báo cáo tình hình hoạt động của chi bộ"
# A draft's number is left blank for the hand to fill in once issued: "Số      -BC/CB".
_BLANK_NUMBER = "\u00a0" * 6


@dataclass(frozen=True)
class ExportResult:
    """A written and verified report file."""

    serial: int
    number: str
    period_label: str
    path: Path
    sha256: str
    encrypted: bool
    fingerprint: str
    short_fingerprint: str


@dataclass(frozen=True)
class ExportInfo:
    """One row of the cell's export history; `state` is "reserved", "done" or "failed"."""

    serial: int
    period_label: str
    number: str
    state: str
    file_name: str
    sha256: str
    encrypted: bool
    created_at: dt.datetime
    received_at: dt.datetime | None


@dataclass(frozen=True)
class _Reserved:
    export_id: int
    number_id: int
    serial: int
    number: str
    place: str
    payload: bytes


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ReportExportService:
    """Exports of the cell whose data folder `services` has open."""

    def __init__(self, services: Services, *, now: Callable[[], dt.datetime] = _utc_now) -> None:
        self._services = services
        self._ctx = services.context
        self._now = now
        self.keys = KeyService(services.paths.root, now=now)

    def needs_new_key(self) -> bool:
        """True before the first signed export: the key is made then (passphrase typed twice)."""
        return not self.keys.has_key()

    def signing_identity(self, passphrase: str) -> SigningIdentity:
        """The cell's key opened with `passphrase`; made first, in the names of the secretary
        and the cell, when the cell has none yet."""
        if self.needs_new_key():
            cell = self._services.cell.get()
            if cell is None:
                raise UserError(_no_cell())
            self.keys.create(passphrase, cell.secretary_name, cell.name, cell.superior_committee)
        return self.keys.identity(passphrase)

    def history(self) -> list[ExportInfo]:
        """Every export of this data folder, newest first."""
        with unit_of_work(self._ctx) as session:
            rows = session.scalars(select(Export).order_by(Export.id.desc()))
            return [
                ExportInfo(
                    serial=r.serial,
                    period_label=r.period_label,
                    number=r.document_number,
                    state=r.state,
                    file_name=r.file_name,
                    sha256=r.sha256,
                    encrypted=r.encrypted,
                    created_at=r.created_at,
                    received_at=r.received_at,
                )
                for r in rows
            ]

    def check(self, period: Period) -> None:
        """Raise `UserError` with the reason when the report of `period` cannot be exported
        today: no cell profile or secretary, today outside the term, a period not begun."""
        with unit_of_work(self._ctx) as session:
            _checked_cell(session, period, self._ctx.today())

    def preview(self, period: Period) -> bytes:
        """The report of `period` as a draft (DỰ THẢO) PDF, from the same data the export
        would sign today: the number left blank, no signature note, nothing reserved or
        recorded. Refuses, like `export`, a period that cannot be exported."""
        today = self._ctx.today()
        body = self._ctx.profile.documents.body_code.value
        heading = ReportHeading(f"Số {_BLANK_NUMBER}-{REPORT_TYPE_CODE}/{body}", today, "")
        with unit_of_work(self._ctx) as session:
            cell = _checked_cell(session, period, today)
            snapshot = report_snapshot(session, self._ctx.profile, cell, period, heading)
        draft = replace(snapshot, header=replace(snapshot.header, draft=True))
        return render_period_report(draft)

    def export(
        self,
        period: Period,
        target: Path,
        identity: SigningIdentity,
        encrypt_to: x509.Certificate | None = None,
    ) -> ExportResult:
        """Write the signed report of `period` to `target` (to `encrypted_path(target)` when
        encrypting for `encrypt_to`) and record it; raises `UserError` with the reason."""
        path = encrypted_path(target) if encrypt_to is not None else target
        refuse_folder(path, f"bao-cao-{period.label}.scb")
        created = self._now()
        reserved, snapshot = self._reserve(period, identity, created)
        try:
            pdf = render_period_report(snapshot)
            data = sign_and_seal(
                pdf,
                REPORT_ATTACHMENT,
                reserved.payload,
                identity,
                reason=SIGNING_REASON,
                location=reserved.place,
                encrypt_to=encrypt_to,
            )
            write_checked(
                path,
                data,
                identity,
                REPORT_ATTACHMENT,
                reserved.payload,
                encrypted=encrypt_to is not None,
            )
        except BaseException:
            self._fail(reserved)
            raise
        digest = hashlib.sha256(data).hexdigest()
        self._done(reserved, path, digest, encrypt_to is not None)
        return ExportResult(
            serial=reserved.serial,
            number=reserved.number,
            period_label=period.label,
            path=path,
            sha256=digest,
            encrypted=encrypt_to is not None,
            fingerprint=fingerprint(identity.certificate),
            short_fingerprint=short_fingerprint(identity.certificate),
        )

    # -- steps -----------------------------------------------------------------------------

    def _reserve(
        self, period: Period, identity: SigningIdentity, created: dt.datetime
    ) -> tuple[_Reserved, ReportSnapshot]:
        today = self._ctx.today()
        with unit_of_work(self._ctx) as session:
            cell = _checked_cell(session, period, today)
            serial = _next_serial(session, cell.uid)
            rules = self._ctx.profile.documents
            number_row = issue_number(
                session,
                rules,
                type_code=REPORT_TYPE_CODE,
                term_start=cell.term_start or today,
                issued_on=today,
                document_kind=REPORT_KIND,
                meeting_id=None,
            )
            number = number_info(number_row, rules).text
            heading = ReportHeading(number, today, signature_note(identity, today))
            snapshot = report_snapshot(session, self._ctx.profile, cell, period, heading)
            meta = _payload_meta(cell, serial, created, identity)
            row = Export(
                cell_uid=cell.uid,
                serial=serial,
                kind=REPORT_KIND,
                period_kind=str(period.kind),
                period_label=period.label,
                document_number=number,
                state="reserved",
            )
            session.add(row)
            session.flush()
            audit(session, "reserve", AREA, row.id)
            payload = payload_bytes(report_payload(snapshot, meta))
            reserved = _Reserved(row.id, number_row.id, serial, number, cell.place_name, payload)
        return reserved, snapshot

    def _fail(self, reserved: _Reserved) -> None:
        """Keep the serial (never reused) but give the report's number back: no document was
        issued under it."""
        with unit_of_work(self._ctx) as session:
            row = session.get(Export, reserved.export_id)
            if row is not None:
                row.state = "failed"
            number = session.get(DocumentNumber, reserved.number_id)
            if number is not None:
                session.delete(number)
            audit(session, "fail", AREA, reserved.export_id)

    def _done(self, reserved: _Reserved, path: Path, digest: str, encrypted: bool) -> None:
        with unit_of_work(self._ctx) as session:
            row = session.get(Export, reserved.export_id)
            if row is None:  # only a concurrent reset could remove it
                raise UserError(_("The export record disappeared. Export again."))
            row.state = "done"
            row.file_name = path.name
            row.sha256 = digest
            row.encrypted = encrypted
            row.completed_at = utc_now()
            audit(session, "export", AREA, reserved.export_id)


def _payload_meta(
    cell: Cell, serial: int, created: dt.datetime, identity: SigningIdentity
) -> PayloadMeta:
    return PayloadMeta(
        cell_uid=cell.uid,
        superior_committee=cell.superior_committee,
        serial=serial,
        created_at=created,
        program_version=__version__,
        signer_name=signer_name(identity),
        signer_fingerprint=fingerprint(identity.certificate),
    )


def signer_name(identity: SigningIdentity) -> str:
    """The certificate's holder (CN), as the visible signature note and the JSON name it."""
    names = identity.certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = names[0].value if names else ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def signature_note(identity: SigningIdentity, day: dt.date) -> str:
    """The visible note under the signer's name (Vietnamese, as every Party document):
    "Đã ký số: <CN> — <date> — Dấu vân tay khóa: XXXX XXXX XXXX XXXX XXXX"."""
    return (
        f"Đã ký số: {signer_name(identity)} — {day.strftime('%d/%m/%Y')} — "
        f"Dấu vân tay khóa: {short_fingerprint(identity.certificate)}"
    )


def _no_cell() -> str:
    return _(
        "Set up the cell profile first (name, superior committee, secretary, term): the "
        "report needs them."
    )


def _checked_cell(session: Session, period: Period, today: dt.date) -> Cell:
    cell = session.get(Cell, CELL_ROW_ID)
    if cell is None:
        raise UserError(_no_cell())
    if cell.secretary_id is None:
        raise UserError(
            _("The cell profile names no secretary. Choose the secretary, who signs the report.")
        )
    if (
        cell.term_start is None
        or today < cell.term_start
        or (cell.term_end is not None and today > cell.term_end)
    ):
        raise UserError(
            _(
                "Today ({date}) is outside the cell's term, so the report cannot be numbered. "
                "Check the term dates in Settings."
            ).format(date=format_date(today))
        )
    if period.start > today:
        raise UserError(
            _("The period {period} has not started yet. Choose a period that has begun.").format(
                period=period.label
            )
        )
    return cell


def _next_serial(session: Session, cell_uid: str) -> int:
    last = session.scalar(select(func.max(Export.serial)).where(Export.cell_uid == cell_uid))
    return (last or 0) + 1
