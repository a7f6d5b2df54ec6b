"""What the receiver's services return (frozen; no ORM objects leave the service layer)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.domain.inbox import PeriodFigures

#: The kinds of sender: a cell (its reports) or a committee (its summaries of cells).
CELL = "cell"
COMMITTEE = "committee"


@dataclass(frozen=True)
class ReceiverInput:
    """The receiving committee's profile as typed (thông tin cấp ủy nhận báo cáo).

    `committee_name` is the body itself ("Đảng ủy xã Lũng Cú"); `superior_body` the body above
    it in the document header ("ĐẢNG BỘ TỈNH TUYÊN QUANG"); `superior_committee` where its own
    summary goes ("Ban Thường vụ Tỉnh ủy Tuyên Quang"); `signer_title` "BÍ THƯ" or
    "PHÓ BÍ THƯ"; the term (nhiệm kỳ) numbers its documents.
    """

    committee_name: str
    superior_body: str
    superior_committee: str
    place_name: str
    signer_name: str
    signer_title: str
    term_start: dt.date | None
    term_end: dt.date | None = None


@dataclass(frozen=True)
class ReceiverInfo(ReceiverInput):
    """The stored profile with the committee's stable identity (`uid`)."""

    uid: str = ""


@dataclass(frozen=True)
class SenderInfo:
    """A registered certificate of a cell (or a committee) and what arrived from it.

    `name` is the organisation named in the certificate, or the name its reports carry once
    one arrived; `missing` are the serials not (yet) arrived between 1 and `last_serial`.
    """

    id: int
    name: str
    holder: str
    fingerprint: str
    short_fingerprint: str
    uid: str | None
    registered_at: dt.datetime
    valid_to: dt.date
    removed: bool
    reports: int
    last_serial: int | None
    missing: tuple[int, ...]


@dataclass(frozen=True)
class SenderPreview:
    """A certificate about to be registered, as the officer compares it with the cell by phone
    (the organisation it names, its holder, the short fingerprint read out)."""

    name: str
    holder: str
    fingerprint: str
    short_fingerprint: str
    valid_to: dt.date


@dataclass(frozen=True)
class ReceivedReport:
    """An accepted file: who sent it, which period, its numbers, and whether acknowledged."""

    id: int
    sender_name: str
    kind: str  # CELL or COMMITTEE
    period_label: str
    serial: int
    document_number: str
    issued_on: dt.date
    signed_at: dt.datetime | None
    imported_at: dt.datetime
    acked_at: dt.datetime | None
    file_name: str
    encrypted: bool


@dataclass(frozen=True)
class Rejection:
    """A refused file and why, as shown when it was refused."""

    file_name: str
    reason: str
    sender_name: str
    period_label: str
    serial: int | None
    last_seen: dt.datetime
    times: int


class Refusal(enum.StrEnum):
    """Why a file was refused, as a stable code (the reason's words may change)."""

    UNREADABLE = "unreadable"  # cannot be read (USB stick pulled, no permission)
    DUPLICATE = "duplicate"  # this file, or the same report, was imported before
    NO_CERTIFICATES = "no_certificates"  # nothing registered yet
    INVALID = "invalid"  # tampered, unknown signer, not decryptable, not a report...
    DAMAGED_DATA = "damaged_data"  # validly signed but its data is incomplete
    WRONG_SENDER = "wrong_sender"  # says it is another cell than its key was registered for
    SERIAL_REUSED = "serial_reused"  # another file already carries this serial
    SUPERSEDED = "superseded"  # out of order: a newer report of the period is held
    DISK_FULL = "disk_full"  # could not be copied into the data folder


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file of an import; `code` is None when it was accepted."""

    file_name: str
    code: Refusal | None
    reason: str  # why it was refused ("" when accepted)
    sender_name: str = ""
    period_label: str = ""
    serial: int | None = None

    @property
    def accepted(self) -> bool:
        return self.code is None


@dataclass(frozen=True)
class SenderGap:
    """Serials of one sender that have not arrived."""

    sender_name: str
    missing: tuple[int, ...]


@dataclass(frozen=True)
class ImportOutcome:
    """The result of importing files from a folder or USB stick."""

    files: tuple[FileOutcome, ...]
    gaps: tuple[SenderGap, ...]
    stopped: bool = False  # the user stopped it before the end; nothing was imported

    @property
    def accepted(self) -> int:
        return sum(f.accepted for f in self.files)

    @property
    def rejected(self) -> int:
        return sum(not f.accepted for f in self.files)


@dataclass(frozen=True)
class TableRow:
    """One sender in the table across cells for a period."""

    sender_name: str
    kind: str  # CELL or COMMITTEE
    reported: bool
    serial: int | None
    document_number: str
    imported_at: dt.datetime | None
    acked: bool
    figures: PeriodFigures


@dataclass(frozen=True)
class BandName:
    """A quality band of the profile: its code and its printed name ("good", "Tốt")."""

    code: str
    name: str


@dataclass(frozen=True)
class PeriodTable:
    """The table across senders for one period, with the totals and the band names."""

    period_label: str
    rows: tuple[TableRow, ...]
    totals: PeriodFigures
    bands: tuple[BandName, ...]
