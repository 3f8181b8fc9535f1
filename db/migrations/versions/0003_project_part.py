"""The project form: one ``project_part`` row per project declaration (docs/project-form.md).

Revision ID: 0003_project_part
Revises: 0002_writer_lock
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_project_part"
down_revision: str | None = "0002_writer_lock"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "project_part",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_project_part"),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["declaration.id"],
            name="fk_project_part_declaration_id_declaration",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("declaration_id", name="uq_project_part_declaration_id"),
    )
    op.create_index("ix_project_part_name_key", "project_part", ["name_key"])


def downgrade() -> None:
    op.drop_index("ix_project_part_name_key", table_name="project_part")
    op.drop_table("project_part")
