"""The tables, as typed SQLAlchemy 2 ORM classes.

``migrations/versions`` creates the same schema explicitly; a test compares the two. Children
reference their declaration with ``ON DELETE CASCADE`` so deleting a declaration is one statement.
Every child carries an explicit ``position`` so order never depends on row ids.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, MetaData, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import IntList, Money, UtcTimestamp

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _parent() -> Mapped[int]:
    return mapped_column(ForeignKey("declaration.id", ondelete="CASCADE"), nullable=False)


class DeclarationRow(Base):
    __tablename__ = "declaration"
    __table_args__ = (
        Index("ix_declaration_modified_at", "modified_at"),
        # C01 looks up last year's form of the same unit.
        Index("ix_declaration_unit_name_form_year", "unit_name", "form", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    form: Mapped[str]
    profile_id: Mapped[str]
    year: Mapped[int]
    unit_name: Mapped[str]
    supervisor: Mapped[str]
    budget_control_total: Mapped[Decimal | None] = mapped_column(Money)
    # Declared totals as a source document printed them; the flag tells "none" from "empty".
    has_declared_totals: Mapped[bool]
    declared_total: Mapped[Decimal | None] = mapped_column(Money)
    declared_fiscal: Mapped[Decimal | None] = mapped_column(Money)
    declared_other: Mapped[Decimal | None] = mapped_column(Money)
    footer_preparer: Mapped[str]
    footer_phone: Mapped[str]
    footer_unit_head: Mapped[str]
    footer_date: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    modified_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class TaskRow(Base):
    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("declaration_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    position: Mapped[int]
    name: Mapped[str]
    content: Mapped[str]
    fiscal: Mapped[Decimal] = mapped_column(Money)
    other: Mapped[Decimal] = mapped_column(Money)
    declared_total: Mapped[Decimal | None] = mapped_column(Money)


class GoalRow(Base):
    __tablename__ = "goal"
    __table_args__ = (UniqueConstraint("declaration_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    position: Mapped[int]
    text: Mapped[str]


class CategoryStateRow(Base):
    """Every category of the working copy, in its order, with its 不适用 mark."""

    __tablename__ = "category_state"
    __table_args__ = (UniqueConstraint("declaration_id", "level1", "level2"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    position: Mapped[int]
    level1: Mapped[str]
    level2: Mapped[str]
    not_applicable: Mapped[bool]


class IndicatorRow(Base):
    """A level-3 indicator; ``position`` counts within its category, ``goals`` is ``"1,3"``."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("declaration_id", "level1", "level2", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    level1: Mapped[str]
    level2: Mapped[str]
    position: Mapped[int]
    name: Mapped[str]
    value: Mapped[str]
    unit: Mapped[str]
    explanation: Mapped[str]
    goals: Mapped[list[int]] = mapped_column(IntList)


class AcceptedFindingRow(Base):
    __tablename__ = "accepted_finding"
    __table_args__ = (UniqueConstraint("declaration_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    position: Mapped[int]
    rule: Mapped[str]
    subject: Mapped[str]
    reason: Mapped[str]


class RevisionRow(Base):
    """A frozen snapshot: ``content`` is the exchange-format JSON of the declaration."""

    __tablename__ = "revision"
    __table_args__ = (
        UniqueConstraint("declaration_id", "number"),
        # At most one 定稿 revision per declaration.
        Index(
            "uq_revision_final",
            "declaration_id",
            unique=True,
            sqlite_where=text("is_final"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    number: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    fingerprint: Mapped[str]
    content: Mapped[str] = mapped_column(Text)
    is_final: Mapped[bool]


class ProjectPartRow(Base):
    """What a project form has beyond a department form (docs/project-form.md §1).

    ``content`` is the JSON of the exchange keys ``project``, ``funds``, ``mid_term`` and
    ``footer.project_head``, exactly as the project writer writes them; name, name key and code
    are columns so projects can be found by them (cross-checks, last year's project).
    """

    __tablename__ = "project_part"
    __table_args__ = (
        UniqueConstraint("declaration_id"),
        Index("ix_project_part_name_key", "name_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = _parent()
    name: Mapped[str]
    name_key: Mapped[str]
    code: Mapped[str]
    content: Mapped[str] = mapped_column(Text)


CHILD_TABLES = (
    TaskRow, GoalRow, CategoryStateRow, IndicatorRow, AcceptedFindingRow, ProjectPartRow,
)  # fmt: skip
