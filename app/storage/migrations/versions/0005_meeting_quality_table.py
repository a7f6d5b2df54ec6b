"""Final minutes keep the quality criteria they were scored with: meeting.quality_table holds
the scoring table (criteria, maxima, bands) as JSON from the moment the minutes become final,
so that a province's profile installed later neither changes nor invalidates their score.
Existing rows keep NULL (scored with the table in force, the bundled one).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quality_table", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("quality_table")
