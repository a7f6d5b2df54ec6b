"""The tables, as typed SQLAlchemy 2.x ORM classes.

Enums are stored as their string values (readable in any SQLite tool, and a new value needs no
table rebuild). Timestamps are naive UTC. Only the services read and write these classes; they
never leave the service layer.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

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
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.meeting_record import DecisionKind
from app.domain.meetings import AttendanceStatus, MeetingKind
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


def new_cell_uid() -> str:
    """A new random identity for a cell (UUID 4, 36 characters)."""
    return str(uuid.uuid4())


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
    # A stable identity for the receiver, which keeps many cells apart whatever their names
    # (a cell may be renamed, two cells may share a name). Added in 0003.
    uid: Mapped[str] = mapped_column(String(36), default=new_cell_uid)
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


# --- Meetings (sinh hoạt chi bộ), migration 0002 ---------------------------------------------


class Meeting(Base):
    """A cell meeting and its minutes (biên bản). `state` is "draft" or "final"; a final
    meeting is read-only. Chair and minute-taker are member ids, with the name typed as a
    fallback (a guest may chair). `resolution_kind` is "resolution" (NQ), "conclusion" (KL)
    or "none". `deleted_at` marks a soft delete (drafts only)."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_date", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(_enum(MeetingKind))
    date: Mapped[dt.date | None] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(Text, default="")
    topic: Mapped[str] = mapped_column(Text, default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    chair_name: Mapped[str] = mapped_column(String(200), default="")
    minute_taker_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL")
    )
    minute_taker_name: Mapped[str] = mapped_column(String(200), default="")
    # Who presented the theme of a thematic meeting (migration 0006).
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    presenter_name: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16), default="draft")
    report_summary: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    resolution_kind: Mapped[str] = mapped_column(String(16), default="resolution")
    fee_note: Mapped[str] = mapped_column(Text, default="")
    shortcomings: Mapped[str] = mapped_column(Text, default="")
    next_date: Mapped[dt.date | None] = mapped_column(Date)
    next_topic: Mapped[str] = mapped_column(Text, default="")
    # The quality scoring table (JSON) the minutes were final with; NULL for drafts (migration
    # 0005): a later regulation profile does not re-judge a final score.
    quality_table: Mapped[str | None] = mapped_column(Text)
    finalized_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    attendance: Mapped[list[MeetingAttendance]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingAttendance.id"
    )
    guests: Mapped[list[MeetingGuest]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingGuest.position"
    )
    agenda: Mapped[list[MeetingAgendaItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingAgendaItem.position"
    )
    follow_ups: Mapped[list[MeetingFollowUp]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingFollowUp.position"
    )
    speeches: Mapped[list[MeetingSpeech]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingSpeech.position"
    )
    decisions: Mapped[list[MeetingDecision]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingDecision.position"
    )
    tasks: Mapped[list[MeetingTask]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingTask.position"
    )
    quality_scores: Mapped[list[MeetingQualityScore]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeetingQualityScore.code"
    )


class MeetingAttendance(Base):
    """One member in a meeting's roll call. `membership` is the member's status on the
    meeting day (a probationer recognised later still did not vote); `status` is NULL while
    not recorded."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    membership: Mapped[MembershipStatus] = mapped_column(_enum(MembershipStatus))
    status: Mapped[AttendanceStatus | None] = mapped_column(_enum(AttendanceStatus))
    reason: Mapped[str] = mapped_column(Text, default="")


class MeetingGuest(Base):
    """A guest at a meeting, e.g. the superior committee's representative (đại biểu)."""

    __tablename__ = "meeting_guest"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text, default="")


class MeetingAgendaItem(Base):
    """One item of the agenda (chương trình sinh hoạt), in order."""

    __tablename__ = "meeting_agenda_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")


class MeetingFollowUp(Base):
    """One task of the previous resolution and its result, reviewed at this meeting.
    `source_task` is the task it follows up (its status says whether it is done)."""

    __tablename__ = "meeting_follow_up"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    task_text: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    source_task_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_task.id", ondelete="SET NULL")
    )
    # Read only: the task is chosen by its id; its progress is read and written through it.
    source_task: Mapped[MeetingTask | None] = relationship(viewonly=True)


class MeetingSpeech(Base):
    """One opinion in the discussion (ý kiến phát biểu), in order."""

    __tablename__ = "meeting_speech"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    speaker_name: Mapped[str] = mapped_column(String(200), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")


class MeetingDecision(Base):
    """A decision put to the vote; the counts are NULL until typed."""

    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind))
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)


class MeetingTask(Base):
    """A task assigned at a meeting (phân công nhiệm vụ): who, what, by when, open or done.
    The task-assignment capability will adopt these rows."""

    __tablename__ = "meeting_task"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    assignee_name: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")


class MeetingQualityScore(Base):
    """Points given to one criterion of the meeting-quality table (chấm điểm chất lượng)."""

    __tablename__ = "meeting_quality_score"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    points: Mapped[int] = mapped_column(Integer)


class ThematicPlan(Base):
    """The year's plan of thematic meetings (kế hoạch sinh hoạt chuyên đề): a topic a quarter."""

    __tablename__ = "thematic_plan"
    __table_args__ = (UniqueConstraint("year", "quarter"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(Text, default="")


class DocumentNumber(Base):
    """The document register (sổ đăng ký văn bản): a number taken by an issued document.
    Numbers run per type through a term, so (type, term, seq) is unique; a meeting takes one
    number per document kind ("minutes", "resolution")."""

    __tablename__ = "document_number"
    __table_args__ = (
        UniqueConstraint("type_code", "term_start", "seq"),
        UniqueConstraint("meeting_id", "document_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_code: Mapped[str] = mapped_column(String(10))
    term_start: Mapped[dt.date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    document_kind: Mapped[str] = mapped_column(String(32))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


# --- Signed report files (báo cáo gửi cấp trên), migration 0003 --------------------------------


class Export(Base):
    """One export of a signed report file. `serial` counts the cell's exports (per `cell_uid`)
    from 1 and is never reused: a failed write keeps its row with `state` "failed". `state` is
    "reserved" while the file is being written, then "done" (with `sha256` and `file_name`) or
    "failed". `received_at` and `ack_info` are filled when the superior committee's
    acknowledgement is imported."""

    __tablename__ = "exports"
    __table_args__ = (UniqueConstraint("cell_uid", "serial"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cell_uid: Mapped[str] = mapped_column(String(36))
    serial: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_label: Mapped[str] = mapped_column(String(16))
    document_number: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(16), default="reserved")
    file_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    encrypted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ack_info: Mapped[str] = mapped_column(Text, default="")
