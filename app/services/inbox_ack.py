"""The receiver's acknowledgement (giấy biên nhận) of a report, and its signing key.

The acknowledgement is a signed file like the report: a Party-format GIẤY BIÊN NHẬN with
ack.json (schema "sochibo.ack") naming the cell, the serial, the report's number and the
SHA-256 of the file exactly as it arrived. The cell imports it (`acks.AckImporter`) to mark
that export as received.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select

from app.crypto.identity import SigningIdentity, fingerprint, short_fingerprint
from app.domain.periods import parse_period
from app.l10n import _
from app.reports.inbox_documents import committee_archive, committee_signature_title, render_ack
from app.reports.inbox_snapshots import AckSnapshot, CommitteeSignature
from app.reports.snapshots import DocumentHeader
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.errors import UserError
from app.services.inbox import AREA, RECEIVER_ROW_ID, InboxService
from app.services.inbox_dto import ReceiverInfo
from app.services.keys import KeyService
from app.services.report_data import payload_bytes, program_json
from app.services.report_export import signature_note, signer_name
from app.services.report_verify import ACK
from app.services.signed_files import refuse_folder, sign_and_seal, write_checked
from app.storage.models import utc_now
from app.storage.models_inbox import InboxReport, Receiver

ACK_REASON = "Xác nhận đã nhận báo cáo"


@dataclass(frozen=True)
class AckResult:
    """A written acknowledgement."""

    path: Path
    sender_name: str
    period_label: str
    serial: int


def no_receiver_message() -> str:
    """Said when the data folder has no committee profile yet."""
    return _(
        "This data folder is not set up as a receiver yet. Enter the committee's profile "
        "first (name, the body above it, place, signer, term)."
    )


def receiver_identity(ctx: ServiceContext, keys: KeyService, passphrase: str) -> SigningIdentity:
    """The committee's key opened with `passphrase`; made first, in the names of the signer
    and the committee, when there is none yet."""
    if not keys.has_key():
        receiver = require_receiver(ctx)
        keys.create(
            passphrase,
            receiver.signer_name,
            receiver.committee_name,
            receiver.superior_committee,
        )
    return keys.identity(passphrase)


def require_receiver(ctx: ServiceContext) -> ReceiverInfo:
    """The committee's profile, or `UserError` saying to enter it."""
    receiver = InboxService(ctx).receiver()
    if receiver is None:
        raise UserError(no_receiver_message())
    return receiver


def committee_signature(
    receiver: Receiver, identity: SigningIdentity, today: dt.date
) -> CommitteeSignature:
    """Who signs the committee's documents ("T/M ĐẢNG ỦY", the title, the name), with the
    note of the digital signature."""
    return CommitteeSignature(
        title=committee_signature_title(receiver.committee_name),
        subtitle=receiver.signer_title,
        name=receiver.signer_name,
        note=signature_note(identity, today),
    )


def _iso_utc(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


class AckService:
    """Writes acknowledgements of accepted reports."""

    def __init__(self, ctx: ServiceContext, *, now: Callable[[], dt.datetime] = utc_now) -> None:
        self._ctx = ctx
        self._now = now

    def report_of_file(self, data: bytes) -> int:
        """The id of the accepted report that `data` is (as it arrived, or decrypted)."""
        digest = hashlib.sha256(data).hexdigest()
        with unit_of_work(self._ctx) as session:
            found = session.scalar(
                select(InboxReport.id).where(
                    or_(InboxReport.sha256 == digest, InboxReport.content_sha256 == digest)
                )
            )
        if found is None:
            raise UserError(
                _(
                    "This file has not been imported, so it cannot be acknowledged. Import it "
                    "first; a refused file gets no acknowledgement."
                )
            )
        return int(found)

    def acknowledge(self, report_id: int, identity: SigningIdentity, target: Path) -> AckResult:
        """Write the signed acknowledgement of report `report_id` to `target`."""
        refuse_folder(target, "bien-nhan.scb")
        now = self._now()
        with unit_of_work(self._ctx) as session:
            receiver = session.get(Receiver, RECEIVER_ROW_ID)
            row = session.get(InboxReport, report_id)
            if receiver is None:
                raise UserError(no_receiver_message())
            if row is None:
                raise UserError(_("This report is no longer in the inbox."))
            snapshot = _snapshot(receiver, row, identity, now, self._ctx.today())
            payload = payload_bytes(_payload(receiver, row, identity, now))
            result = AckResult(target, row.sender_name, row.period_label, row.serial)
        pdf = render_ack(snapshot)
        data = sign_and_seal(
            pdf,
            ACK.attachment,
            payload,
            identity,
            reason=ACK_REASON,
            location=snapshot.header.place,
            encrypt_to=None,
        )
        write_checked(target, data, identity, ACK.attachment, payload, encrypted=False)
        with unit_of_work(self._ctx) as session:
            stored = session.get(InboxReport, report_id)
            if stored is not None:
                stored.acked_at = now
            audit(session, "acknowledge", AREA, report_id)
        return result


def _snapshot(
    receiver: Receiver,
    row: InboxReport,
    identity: SigningIdentity,
    now: dt.datetime,
    today: dt.date,
) -> AckSnapshot:
    payload = json.loads(row.payload)
    signer = payload.get("signer", {})
    local_received = row.imported_at.replace(tzinfo=dt.UTC).astimezone()
    return AckSnapshot(
        header=DocumentHeader(
            superior_body=receiver.superior_body,
            issuing_body=receiver.committee_name,
            number="",
            place=receiver.place_name,
            date=today,
        ),
        committee_name=receiver.committee_name,
        sender_name=row.sender_name,
        period=parse_period(row.period_label),
        report_number=row.document_number,
        report_issued_on=row.issued_on,
        serial=row.serial,
        file_name=row.file_name,
        sha256=row.sha256,
        report_signer=str(signer.get("name", "")),
        report_fingerprint=str(signer.get("fingerprint", "")),
        received_at=local_received.replace(tzinfo=None),
        signature=committee_signature(receiver, identity, today),
        recipients=(row.sender_name,),
        archive=committee_archive(receiver.committee_name),
    )


def _payload(
    receiver: Receiver, row: InboxReport, identity: SigningIdentity, now: dt.datetime
) -> dict[str, object]:
    return {
        "schema": ACK.schema,
        "version": ACK.version,
        "program": program_json(),
        "receiver": {"uid": receiver.uid, "name": receiver.committee_name},
        "sender": {"uid": row.sender_uid, "name": row.sender_name},
        "report": {
            "serial": row.serial,
            "period": {"kind": row.period_kind, "label": row.period_label},
            "document_number": row.document_number,
            "file_name": row.file_name,
            "sha256": row.sha256,
        },
        "received_at": _iso_utc(row.imported_at),
        "acknowledged_at": _iso_utc(now),
        "signer": {
            "name": signer_name(identity),
            "fingerprint": fingerprint(identity.certificate),
            "short_fingerprint": short_fingerprint(identity.certificate),
        },
    }
