"""The tables, as SQLAlchemy Core ``Table`` objects.

``migrations/versions`` creates the same schema explicitly; a test compares the two. Children
reference their declaration with ``ON DELETE CASCADE`` so deleting a declaration is one statement.
Every child carries an explicit ``position`` so order never depends on row ids. Core, not the
ORM: the store runs SQL statements only, and the ORM's import and class set-up cost every start
about 0.1 s (docs/performance.md).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from db.types import IntList, Money, UtcTimestamp

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _parent() -> Column[int]:
    return Column(
        "declaration_id",
        Integer,
        ForeignKey("declaration.id", ondelete="CASCADE"),
        nullable=False,
    )


def _text(name: str) -> Column[str]:
    return Column(name, String, nullable=False)


declarations = Table(
    "declaration",
    metadata,
    _id(),
    _text("form"),
    _text("profile_id"),
    Column("year", Integer, nullable=False),
    _text("unit_name"),
    _text("supervisor"),
    Column("budget_control_total", Money),
    # Declared totals as a source document printed them; the flag tells "none" from "empty".
    Column("has_declared_totals", Boolean, nullable=False),
    Column("declared_total", Money),
    Column("declared_fiscal", Money),
    Column("declared_other", Money),
    _text("footer_preparer"),
    _text("footer_phone"),
    _text("footer_unit_head"),
    _text("footer_date"),
    Column("created_at", UtcTimestamp, nullable=False),
    Column("modified_at", UtcTimestamp, nullable=False),
    # Grows by one at every save: a writer is refused when it is not the version it read.
    Column("version", Integer, nullable=False, server_default=text("0")),
    Index("ix_declaration_modified_at", "modified_at"),
    # C01 looks up last year's form of the same unit.
    Index("ix_declaration_unit_name_form_year", "unit_name", "form", "year"),
)

#: The window editing a declaration (desktop/services/locking.py); one row per declaration.
declaration_locks = Table(
    "declaration_lock",
    metadata,
    Column(
        "declaration_id",
        Integer,
        ForeignKey("declaration.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    _text("token"),
    _text("owner"),
    _text("host"),
    Column("pid", Integer, nullable=False),
    Column("process_started", Float, nullable=False),
    Column("acquired_at", UtcTimestamp, nullable=False),
)

tasks = Table(
    "task",
    metadata,
    _id(),
    _parent(),
    Column("position", Integer, nullable=False),
    _text("name"),
    _text("content"),
    Column("fiscal", Money, nullable=False),
    Column("other", Money, nullable=False),
    Column("declared_total", Money),
    UniqueConstraint("declaration_id", "position"),
)

goals = Table(
    "goal",
    metadata,
    _id(),
    _parent(),
    Column("position", Integer, nullable=False),
    _text("text"),
    UniqueConstraint("declaration_id", "position"),
)

#: Every category of the working copy, in its order, with its 不适用 mark.
category_states = Table(
    "category_state",
    metadata,
    _id(),
    _parent(),
    Column("position", Integer, nullable=False),
    _text("level1"),
    _text("level2"),
    Column("not_applicable", Boolean, nullable=False),
    UniqueConstraint("declaration_id", "level1", "level2"),
)

#: A level-3 indicator; ``position`` counts within its category, ``goals`` is ``"1,3"``.
indicators = Table(
    "indicator",
    metadata,
    _id(),
    _parent(),
    _text("level1"),
    _text("level2"),
    Column("position", Integer, nullable=False),
    _text("name"),
    _text("value"),
    _text("unit"),
    _text("explanation"),
    Column("goals", IntList, nullable=False),
    UniqueConstraint("declaration_id", "level1", "level2", "position"),
)

accepted_findings = Table(
    "accepted_finding",
    metadata,
    _id(),
    _parent(),
    Column("position", Integer, nullable=False),
    _text("rule"),
    _text("subject"),
    _text("reason"),
    UniqueConstraint("declaration_id", "position"),
)

#: A frozen snapshot: ``content`` is the exchange-format JSON of the declaration.
revisions = Table(
    "revision",
    metadata,
    _id(),
    _parent(),
    Column("number", Integer, nullable=False),
    Column("created_at", UtcTimestamp, nullable=False),
    _text("fingerprint"),
    Column("content", Text, nullable=False),
    Column("is_final", Boolean, nullable=False),
    UniqueConstraint("declaration_id", "number"),
    # At most one 定稿 revision per declaration.
    Index("uq_revision_final", "declaration_id", unique=True, sqlite_where=text("is_final")),
)


#: What a project form has beyond a department form (docs/project-form.md §1): ``content`` is
#: the JSON of the exchange keys ``project``, ``funds``, ``mid_term`` and ``footer.project_head``
#: as the writer writes them; name, name key and code are columns so projects can be found.
project_parts = Table(
    "project_part",
    metadata,
    _id(),
    _parent(),
    _text("name"),
    _text("name_key"),
    _text("code"),
    Column("content", Text, nullable=False),
    UniqueConstraint("declaration_id"),
    Index("ix_project_part_name_key", "name_key"),
)

CHILD_TABLES = (tasks, goals, category_states, indicators, accepted_findings, project_parts)
