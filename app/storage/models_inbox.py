"""The receiver's tables (tiếp nhận báo cáo), migration 0004.

A data folder of a superior committee (e.g. the Đảng ủy xã) keeps here its own profile, the
certificates it registered (one per cell, or per commune at the province), every report it
accepted — the signed file itself is copied into the data folder, its data kept as JSON — the
files it refused with the reason, and its own summary reports sent further up. Nothing here
refers to a cell's register: a receiver keeps its own copy of what it imported.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base, new_cell_uid, utc_now


class Receiver(Base):
    """The receiving committee's profile: a single row, id 1. `committee_name` is the body
    itself ("Đảng ủy xã Lũng Cú"); `superior_body` the body above it printed in the header
    ("ĐẢNG BỘ TỈNH TUYÊN QUANG"); `superior_committee` the receiver of its own summary."""

    __tablename__ = "receiver"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_cell_uid)
    committee_name: Mapped[str] = mapped_column(String(200))
    superior_body: Mapped[str] = mapped_column(String(200))
    superior_committee: Mapped[str] = mapped_column(String(200))
    place_name: Mapped[str] = mapped_column(String(100))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(100))
    term_start: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class InboxSender(Base):
    """A registered certificate (đăng ký chứng thư số) of a cell, or of a committee whose
    summaries arrive here. `uid` is the sender's identity, learnt from its first report and
    then held fixed; a cell that made a new key is registered again (a second row, same uid).
    `removed_at` marks a certificate no longer trusted; its reports stay."""

    __tablename__ = "inbox_sender"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    certificate: Mapped[str] = mapped_column(Text)
    holder: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    uid: Mapped[str | None] = mapped_column(String(36))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class InboxReport(Base):
    """An accepted report file. `schema` is "sochibo.report" (a cell) or "sochibo.summary" (a
    committee); `sha256` is of the file as it arrived (encrypted or not), the digest the sender
    recorded; `stored_name` the verified signed file kept under inbox/ in the data folder
    (relative to it)."""

    __tablename__ = "inbox_report"
    __table_args__ = (UniqueConstraint("sender_uid", "serial"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("inbox_sender.id", ondelete="RESTRICT"))
    sender_uid: Mapped[str] = mapped_column(String(36))
    sender_name: Mapped[str] = mapped_column(String(200))
    schema: Mapped[str] = mapped_column(String(32))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_label: Mapped[str] = mapped_column(String(16))
    serial: Mapped[int] = mapped_column(Integer)
    document_number: Mapped[str] = mapped_column(String(40), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # Of the signed PDF inside (the same as `sha256` unless the file came encrypted): the same
    # report carried once encrypted and once not is one report.
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    stored_name: Mapped[str] = mapped_column(Text)
    encrypted: Mapped[bool] = mapped_column(default=False)
    payload: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class InboxRejection(Base):
    """A file the receiver refused, with the reason in the words shown at the time and its
    `code` (see `inbox_import.Refusal`). The same file refused again for the same reason counts
    up `times` instead of adding a row. `sender_uid` and `serial` are known when the signature
    was valid: a verified report refused as out of order still arrived, so its serial is no
    gap."""

    __tablename__ = "inbox_rejection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    sender_uid: Mapped[str] = mapped_column(String(36), default="")
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    period_label: Mapped[str] = mapped_column(String(16), default="")
    serial: Mapped[int | None] = mapped_column(Integer)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    times: Mapped[int] = mapped_column(Integer, default=1)


class SummaryExport(Base):
    """One export of the receiver's own summary report (báo cáo tổng hợp) to its superior.
    `serial` counts the receiver's exports from 1, never reused; `seq` is the report's number
    in the committee's term ("Số 12-BC/ĐU"), given back when the write fails. `received_at`
    and `ack_info` are filled when the superior's acknowledgement is imported."""

    __tablename__ = "summary_export"
    __table_args__ = (
        UniqueConstraint("receiver_uid", "serial"),
        UniqueConstraint("term_start", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receiver_uid: Mapped[str] = mapped_column(String(36))
    serial: Mapped[int] = mapped_column(Integer)
    period_kind: Mapped[str] = mapped_column(String(16))
    period_label: Mapped[str] = mapped_column(String(16))
    term_start: Mapped[dt.date] = mapped_column(Date)
    seq: Mapped[int | None] = mapped_column(Integer)
    document_number: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(16), default="reserved")
    file_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    encrypted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ack_info: Mapped[str] = mapped_column(Text, default="")
