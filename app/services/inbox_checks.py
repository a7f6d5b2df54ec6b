"""What the receiver checks in a verified report file, and the words of every refusal.

`inbox_import` runs the passes; this module says whether a verified file's data is complete
and comes from the sender its key was registered for, and words each refusal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.dates import utc_instant
from app.domain.inbox import Arrival, PayloadError, Verdict
from app.domain.messages import DomainError
from app.domain.periods import parse_period
from app.l10n import _, format_date, render
from app.services.inbox import figures_of_payload
from app.services.inbox_dto import Refusal
from app.services.report_verify import ReportCheck

_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Refused(Exception):
    """One file is refused; `reason` is the translated sentence."""

    def __init__(
        self,
        code: Refusal,
        reason: str,
        check: ReportCheck | None = None,
        arrival: Arrival | None = None,
    ) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.check = check
        self.arrival = arrival


@dataclass(frozen=True)
class InboxSenderView:
    """A registered certificate as the import needs it."""

    id: int
    uid: str | None
    name: str


def read_report_file(path: Path) -> bytes:
    """The file's bytes, or `Refused` (UNREADABLE) when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Refused(
            Refusal.UNREADABLE,
            _(
                "The file cannot be read (was the USB stick removed?). Put the stick back and "
                "import again."
            ),
        ) from exc


def arrival_of(check: ReportCheck, sender: InboxSenderView) -> Arrival:
    """Who, which serial and period the verified data says; refuses incomplete data and a
    file whose sender is not the one its certificate was registered for."""
    payload = check.payload
    uid, serial = check.sender_uid, payload.get("serial")
    try:
        period = parse_period(str(payload.get("period", {}).get("label", "")))
        figures_of_payload(payload, check.kind)
        _check_fields(payload)
    except PayloadError as error:
        raise _damaged(error.key, check) from error
    except DomainError as error:
        raise _damaged("period.label", check) from error
    if not _UID.match(uid):
        raise _damaged("uid", check)
    if not isinstance(serial, int) or isinstance(serial, bool) or serial < 1:
        raise _damaged("serial", check)
    if sender.uid is not None and sender.uid != uid:
        raise Refused(
            Refusal.WRONG_SENDER,
            _(
                "The file says it comes from {claimed} but is signed with the key registered "
                "for {registered}. Do not use it; call the cell."
            ).format(claimed=check.cell_name, registered=sender.name),
            check,
        )
    signer = payload.get("signer", {})
    if not isinstance(signer, dict) or str(signer.get("fingerprint", "")) != check.fingerprint:
        raise _damaged("signer.fingerprint", check)
    return Arrival(uid, serial, period.label, "")


def _damaged(key: str, check: ReportCheck) -> Refused:
    return Refused(Refusal.DAMAGED_DATA, render(PayloadError(key).message), check)


def _check_fields(payload: dict[str, Any] | Any) -> None:
    for key in ("document_number", "issued_on", "created_at"):
        if not isinstance(payload.get(key), str):
            raise PayloadError(key)
    try:
        dt.date.fromisoformat(payload["issued_on"])
        utc_instant(payload["created_at"])
    except ValueError as error:
        raise PayloadError("created_at") from error


def duplicate_reason(imported: dt.date, serial: int) -> str:
    """Why this very file is refused: imported on `imported`."""
    return _(
        "This file was already imported on {date} (serial {serial}); it was not imported again."
    ).format(date=format_date(imported), serial=serial)


VERDICT_CODES = {
    Verdict.DUPLICATE: Refusal.DUPLICATE,
    Verdict.SERIAL_REUSED: Refusal.SERIAL_REUSED,
    Verdict.SUPERSEDED: Refusal.SUPERSEDED,
}


def verdict_reason(verdict: Verdict, serial: int, cell: str, other: Arrival) -> str:
    """Why a verified report is refused by the serial-order decision."""
    if verdict is Verdict.DUPLICATE:
        return _(
            "The same report (serial {serial}) was already imported; this copy was not "
            "imported again."
        ).format(serial=serial)
    if verdict is Verdict.SERIAL_REUSED:
        return _(
            "Serial {serial} of {cell} was already used by another file. Two different files "
            "cannot carry one serial: call the cell (an old copy of its data may have been "
            "restored) before trusting either."
        ).format(serial=serial, cell=cell)
    return _(
        "Out of order: a newer report of the same period from {cell} (serial {newer}) is "
        "already imported, so this older one (serial {serial}) was not imported."
    ).format(cell=cell, newer=other.serial, serial=serial)


def data_folder_full() -> str:
    """Why nothing was imported when the data folder cannot take the files."""
    return _(
        "The file could not be copied into the data folder: the disk may be full. Free some "
        "space and import again; nothing was imported."
    )
