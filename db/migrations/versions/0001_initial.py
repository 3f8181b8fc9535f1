"""The initial schema: declarations, their children and revisions.

Written out explicitly (not from ``db.schema``) so this migration stays what it was when later
versions change the ORM classes.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _parent(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["declaration.id"],
            name=f"fk_{table}_declaration_id_declaration",
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(), nullable=False),
        sa.Column("profile_id", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit_name", sa.String(), nullable=False),
        sa.Column("supervisor", sa.String(), nullable=False),
        sa.Column("budget_control_total", sa.Text(), nullable=True),
        sa.Column("has_declared_totals", sa.Boolean(), nullable=False),
        sa.Column("declared_total", sa.Text(), nullable=True),
        sa.Column("declared_fiscal", sa.Text(), nullable=True),
        sa.Column("declared_other", sa.Text(), nullable=True),
        sa.Column("footer_preparer", sa.String(), nullable=False),
        sa.Column("footer_phone", sa.String(), nullable=False),
        sa.Column("footer_unit_head", sa.String(), nullable=False),
        sa.Column("footer_date", sa.String(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("modified_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_declaration"),
    )
    op.create_index("ix_declaration_modified_at", "declaration", ["modified_at"])
    op.create_index(
        "ix_declaration_unit_name_form_year", "declaration", ["unit_name", "form", "year"]
    )
    op.create_table(
        "task",
        *_parent("task"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("fiscal", sa.Text(), nullable=False),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("declared_total", sa.Text(), nullable=True),
        sa.UniqueConstraint("declaration_id", "position", name="uq_task_declaration_id_position"),
    )
    op.create_table(
        "goal",
        *_parent("goal"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.UniqueConstraint("declaration_id", "position", name="uq_goal_declaration_id_position"),
    )
    op.create_table(
        "category_state",
        *_parent("category_state"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.String(), nullable=False),
        sa.Column("level2", sa.String(), nullable=False),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.UniqueConstraint(
            "declaration_id",
            "level1",
            "level2",
            name="uq_category_state_declaration_id_level1_level2",
        ),
    )
    op.create_table(
        "indicator",
        *_parent("indicator"),
        sa.Column("level1", sa.String(), nullable=False),
        sa.Column("level2", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("explanation", sa.String(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.UniqueConstraint(
            "declaration_id",
            "level1",
            "level2",
            "position",
            name="uq_indicator_declaration_id_level1_level2_position",
        ),
    )
    op.create_table(
        "accepted_finding",
        *_parent("accepted_finding"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.UniqueConstraint(
            "declaration_id", "position", name="uq_accepted_finding_declaration_id_position"
        ),
    )
    op.create_table(
        "revision",
        *_parent("revision"),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("is_final", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("declaration_id", "number", name="uq_revision_declaration_id_number"),
    )
    op.create_index(
        "uq_revision_final",
        "revision",
        ["declaration_id"],
        unique=True,
        sqlite_where=sa.text("is_final"),
    )


def downgrade() -> None:
    for table in ("revision", "accepted_finding", "indicator", "category_state", "goal", "task"):
        op.drop_table(table)
    op.drop_index("ix_declaration_unit_name_form_year", table_name="declaration")
    op.drop_index("ix_declaration_modified_at", table_name="declaration")
    op.drop_table("declaration")
