"""Importing the superior committee's acknowledgement (giấy biên nhận) at the cell (or, for
its summary, at a committee).

The acknowledgement must be signed with the superior committee's registered certificate,
name this cell, and name an export by its serial with the very SHA-256 the cell recorded for
the file it wrote: then that export is marked received. Importing it twice is harmless.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.verify import Failure
from app.domain.dates import utc_instant
from app.l10n import _
from app.services.base import ServiceContext, audit, unit_of_work
from app.services.errors import UserError
from app.services.inbox import RECEIVER_ROW_ID
from app.services.report_export import AREA, CELL_ROW_ID
from app.services.report_verify import ACK, check_signed
from app.storage.models import Cell, Export
from app.storage.models_inbox import Receiver, SummaryExport


@dataclass(frozen=True)
class AckImport:
    """An acknowledgement taken into the export history."""

    serial: int
    period_label: str
    document_number: str
    receiver_name: str
    received_at: dt.datetime
    already: bool  # it had been imported before; nothing changed


#: The verifier words its refusals for the receiver ("ask the cell to send it again"); at the
#: cell, a changed acknowledgement comes from the superior committee.
_ACK_REASONS: dict[Failure | None, Callable[[], str]] = {
    Failure.TAMPERED: lambda: _(
        "The acknowledgement was modified after it was signed. Do not use it; ask the "
        "superior committee to send it again."
    ),
    Failure.NOT_COVERED: lambda: _(
        "Content was added to the acknowledgement after it was signed. Do not use it; ask "
        "the superior committee to send it again."
    ),
    Failure.DAMAGED: lambda: _(
        "The acknowledgement file is damaged or is not a PDF file. Ask the superior "
        "committee to send it again."
    ),
}


def _bad_ack() -> UserError:
    return UserError(
        _(
            "The acknowledgement's data is incomplete or damaged. Ask the superior committee "
            "for the acknowledgement file again."
        )
    )


def _own_export(
    session: Session, uid: str, serial: int
) -> tuple[bool, Export | SummaryExport | None]:
    """(whether the acknowledgement names this data folder — its cell, or its committee for a
    summary —, the export with that serial or None)."""
    cell = session.get(Cell, CELL_ROW_ID)
    if cell is not None and cell.uid == uid:
        query = select(Export).where(Export.cell_uid == uid, Export.serial == serial)
        return True, session.scalar(query)
    receiver = session.get(Receiver, RECEIVER_ROW_ID)
    if receiver is not None and receiver.uid == uid:
        summary = select(SummaryExport).where(
            SummaryExport.receiver_uid == uid, SummaryExport.serial == serial
        )
        return True, session.scalar(summary)
    return False, None


class AckImporter:
    """Marks the cell's exports as received from the superior committee's acknowledgements."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def import_ack(self, data: bytes, trusted: list[x509.Certificate]) -> AckImport:
        """Check the acknowledgement `data` against `trusted` (the superior committee's
        certificate) and mark the export it names as received; raises `UserError`."""
        if not trusted:
            raise UserError(
                _(
                    "The superior committee's certificate is not registered, so its "
                    "acknowledgement cannot be checked. Register the certificate it gave you "
                    "(after comparing its fingerprint by phone), then import again."
                )
            )
        check = check_signed(data, trusted, None, (ACK,))
        if not check.valid:
            raise UserError(
                _ACK_REASONS[check.failure]() if check.failure in _ACK_REASONS else check.reason
            )
        payload = check.payload
        try:
            sender, report = payload["sender"], payload["report"]
            uid, serial, digest = str(sender["uid"]), report["serial"], str(report["sha256"])
            receiver_name = str(payload["receiver"]["name"])
            received = utc_instant(str(payload["received_at"]))
            if not isinstance(serial, int) or isinstance(serial, bool):
                raise ValueError(serial)
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad_ack() from exc
        with unit_of_work(self._ctx) as session:
            ours, row = _own_export(session, uid, serial)
            if not ours:
                raise UserError(
                    _(
                        "This acknowledgement is for another cell ({name}), not for this one. "
                        "Nothing was changed."
                    ).format(name=str(sender.get("name", "")))
                )
            if row is None or row.state != "done":
                raise UserError(
                    _(
                        "This data folder has no completed export with serial {serial}. Check "
                        "that the acknowledgement belongs to this computer's cell."
                    ).format(serial=serial)
                )
            if row.sha256 != digest:
                raise UserError(
                    _(
                        "The superior committee acknowledges a file different from the one "
                        "exported with serial {serial}: the file was changed or replaced on "
                        "the way. Export the report again and send the new file."
                    ).format(serial=serial)
                )
            already = row.received_at is not None
            if not already:
                row.received_at = received
                row.ack_info = json.dumps(
                    {
                        "receiver": receiver_name,
                        "acknowledged_at": payload.get("acknowledged_at"),
                        "signer": check.signer_name,
                        "fingerprint": check.fingerprint,
                    },
                    ensure_ascii=False,
                )
                audit(session, "acknowledged", AREA, row.id)
            return AckImport(
                serial=serial,
                period_label=row.period_label,
                document_number=row.document_number,
                receiver_name=receiver_name,
                received_at=row.received_at or received,
                already=already,
            )
