"""The receiver (tiếp nhận báo cáo): its profile, registered certificates, accepted reports,
refused files and its own summary exports. New tables only; no existing row changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 03:19:55
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("sender_uid", sa.String(length=36), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("period_label", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_rejection")),
    )
    op.create_table(
        "inbox_sender",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_sender")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_inbox_sender_fingerprint")),
    )
    op.create_table(
        "receiver",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("committee_name", sa.String(length=200), nullable=False),
        sa.Column("superior_body", sa.String(length=200), nullable=False),
        sa.Column("superior_committee", sa.String(length=200), nullable=False),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_title", sa.String(length=100), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_receiver_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receiver")),
    )
    op.create_table(
        "summary_export",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receiver_uid", sa.String(length=36), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("period_kind", sa.String(length=16), nullable=False),
        sa.Column("period_label", sa.String(length=16), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("ack_info", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_export")),
        sa.UniqueConstraint("receiver_uid", "serial", name=op.f("uq_summary_export_receiver_uid")),
        sa.UniqueConstraint("term_start", "seq", name=op.f("uq_summary_export_term_start")),
    )
    op.create_table(
        "inbox_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("sender_uid", sa.String(length=36), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("schema", sa.String(length=32), nullable=False),
        sa.Column("period_kind", sa.String(length=16), nullable=False),
        sa.Column("period_label", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("stored_name", sa.Text(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["inbox_sender.id"],
            name=op.f("fk_inbox_report_sender_id_inbox_sender"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_report")),
        sa.UniqueConstraint("sender_uid", "serial", name=op.f("uq_inbox_report_sender_uid")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_inbox_report_content_sha256")),
        sa.UniqueConstraint("sha256", name=op.f("uq_inbox_report_sha256")),
    )


def downgrade() -> None:
    op.drop_table("inbox_report")
    op.drop_table("summary_export")
    op.drop_table("receiver")
    op.drop_table("inbox_sender")
    op.drop_table("inbox_rejection")
