"""One writer per declaration: a row version on the working copy and the table of edit locks.

``declaration.version`` grows by one at every save of the working copy; a writer names the
version it read and is refused when the stored one moved on. ``declaration_lock`` records the
window that edits a declaration (docs/safety.md).

Revision ID: 0002_writer_lock
Revises: 0001_initial
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_writer_lock"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: a batch "copy and move" of the parent table would drop
    # it, and with foreign keys on, dropping it deletes every child row (ON DELETE CASCADE).
    op.add_column(
        "declaration",
        sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    op.create_table(
        "declaration_lock",
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("process_started", sa.Float(), nullable=False),
        sa.Column("acquired_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("declaration_id", name="pk_declaration_lock"),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["declaration.id"],
            name="fk_declaration_lock_declaration_id_declaration",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("declaration_lock")
    op.drop_column("declaration", "version")  # SQLite >= 3.35 drops a column in place
