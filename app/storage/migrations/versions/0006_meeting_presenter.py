"""The presenter of a thematic meeting (người trình bày chuyên đề): a member, or a name typed
for a guest speaker, printed in the thematic record. Existing meetings have none.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("presenter_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("presenter_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_presenter_id_member"),
            "member",
            ["presenter_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_meeting_presenter_id_member"), type_="foreignkey")
        batch_op.drop_column("presenter_name")
        batch_op.drop_column("presenter_id")
