"""The tables, as typed SQLAlchemy 2.x ORM classes.

Enums are stored as their string values (readable in any SQLite tool, and a new value needs no
table rebuild). Timestamps are naive UTC. Only the services read and write these classes; they
never leave the service layer.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.members import CellRole, EventKind, Gender, MembershipStatus

# Stable constraint names, so that later batch migrations can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    """The current time as naive UTC, the form every timestamp column stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _enum(kind: type[enum.StrEnum]) -> Enum:
    # Store the value ("full"), not the Python name ("FULL"); no CHECK constraint so that a
    # later release can add a value without rebuilding the table.
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Cell(Base):
    """The cell profile (chi bộ): a single row, id 1."""

    __tablename__ = "cell"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    superior_committee: Mapped[str] = mapped_column(String(200))
    superior_body: Mapped[str] = mapped_column(String(200))
    place_name: Mapped[str] = mapped_column(String(100))
    cell_type: Mapped[str] = mapped_column(String(32))
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    village_head_is_member: Mapped[bool | None]
    front_head_is_member: Mapped[bool | None]
    secretary_is_village_head: Mapped[bool | None]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class Member(Base):
    """A party member (đảng viên) on the register; `deleted_at` marks a soft delete."""

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_deleted_at", "deleted_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    gender: Mapped[Gender] = mapped_column(_enum(Gender))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[MembershipStatus] = mapped_column(_enum(MembershipStatus))
    role: Mapped[CellRole] = mapped_column(_enum(CellRole))
    ethnicity: Mapped[str] = mapped_column(String(100), default="")
    religion: Mapped[str] = mapped_column(String(100), default="")
    hometown: Mapped[str] = mapped_column(Text, default="")
    residence: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    education: Mapped[str] = mapped_column(String(100), default="")
    theory_level: Mapped[str] = mapped_column(String(100), default="")
    occupation: Mapped[str] = mapped_column(String(200), default="")
    workplace: Mapped[str] = mapped_column(Text, default="")
    card_number: Mapped[str] = mapped_column(String(50), default="")
    admission_date: Mapped[dt.date | None] = mapped_column(Date)
    ceremony_date: Mapped[dt.date | None] = mapped_column(Date)
    recognition_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    events: Mapped[list[MemberEvent]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(MemberEvent.date, MemberEvent.id)",
    )


class MemberEvent(Base):
    """One entry of a member's status history (biến động)."""

    __tablename__ = "member_event"
    __table_args__ = (Index("ix_member_event_member_id_date", "member_id", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind))
    date: Mapped[dt.date] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    member: Mapped[Member] = relationship(back_populates="events")


class AuditEntry(Base):
    """The audit trail of changes a user may regret. `detail` never holds personal data."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")


class AppMeta(Base):
    """Key/value notes about the file itself (e.g. which program version created it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
