"""Initial schema: cell, member, member_event, audit_log, app_meta.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 18:04:06.633904
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("male", "female", name="gender", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("full", "probationary", name="membershipstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "role",
            sa.Enum(
                "secretary",
                "deputy",
                "committee",
                "member",
                name="cellrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ethnicity", sa.String(length=100), nullable=False),
        sa.Column("religion", sa.String(length=100), nullable=False),
        sa.Column("hometown", sa.Text(), nullable=False),
        sa.Column("residence", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("education", sa.String(length=100), nullable=False),
        sa.Column("theory_level", sa.String(length=100), nullable=False),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("workplace", sa.Text(), nullable=False),
        sa.Column("card_number", sa.String(length=50), nullable=False),
        sa.Column("admission_date", sa.Date(), nullable=True),
        sa.Column("ceremony_date", sa.Date(), nullable=True),
        sa.Column("recognition_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_deleted_at", ["deleted_at"], unique=False)

    op.create_table(
        "cell",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("superior_committee", sa.String(length=200), nullable=False),
        sa.Column("superior_body", sa.String(length=200), nullable=False),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("cell_type", sa.String(length=32), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("deputy_id", sa.Integer(), nullable=True),
        sa.Column("village_head_is_member", sa.Boolean(), nullable=True),
        sa.Column("front_head_is_member", sa.Boolean(), nullable=True),
        sa.Column("secretary_is_village_head", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_cell_single_row")),
        sa.ForeignKeyConstraint(
            ["deputy_id"], ["member.id"], name=op.f("fk_cell_deputy_id_member"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["member.id"],
            name=op.f("fk_cell_secretary_id_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell")),
    )
    op.create_table(
        "member_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "transfer_in",
                "transfer_out",
                "attach_elsewhere",
                "attach_return",
                "exempt",
                "exempt_end",
                "suspend",
                "suspend_end",
                "strike_off",
                "expel",
                "death",
                name="eventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("decision_ref", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_member_event_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_event")),
    )
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.create_index("ix_member_event_member_id_date", ["member_id", "date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.drop_index("ix_member_event_member_id_date")

    op.drop_table("member_event")
    op.drop_table("cell")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_deleted_at")

    op.drop_table("member")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")

    op.drop_table("audit_log")
    op.drop_table("app_meta")
