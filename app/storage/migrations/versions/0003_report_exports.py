"""Signed report files: the exports table (serial per cell, never reused) and a stable uid
for the cell, given to an existing cell here.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cell", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
    connection = op.get_bind()
    for (cell_id,) in connection.execute(sa.text("SELECT id FROM cell")).fetchall():
        connection.execute(
            sa.text("UPDATE cell SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": cell_id},
        )
    with op.batch_alter_table("cell", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
    op.create_table(
        "exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cell_uid", sa.String(length=36), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("period_kind", sa.String(length=16), nullable=False),
        sa.Column("period_label", sa.String(length=16), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("ack_info", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
        sa.UniqueConstraint("cell_uid", "serial", name=op.f("uq_exports_cell_uid")),
    )


def downgrade() -> None:
    op.drop_table("exports")
    with op.batch_alter_table("cell", schema=None) as batch_op:
        batch_op.drop_column("uid")
