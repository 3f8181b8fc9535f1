"""Translation between a domain :class:`Declaration` and plain row dictionaries/tuples.

Rows are built as dictionaries for bulk ``INSERT`` (one ``executemany`` per table) and read back
as column tuples, which keeps a 1,000-indicator save or load to a handful of statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from desktop.domain.model import (
    AcceptedFinding,
    Category,
    Declaration,
    Footer,
    Indicator,
    Task,
    Totals,
)
from desktop.domain.profile import UnknownProfileError, load_profile

Row = dict[str, Any]


def declaration_values(decl: Declaration, modified: datetime) -> Row:
    """The ``declaration`` row's columns except ``id`` and ``created_at``."""
    totals = decl.declared_totals
    return {
        "form": decl.form,
        "profile_id": decl.profile_id,
        "year": decl.year,
        "unit_name": decl.unit_name,
        "supervisor": decl.supervisor,
        "budget_control_total": decl.budget_control_total,
        "has_declared_totals": totals is not None,
        "declared_total": totals.total if totals else None,
        "declared_fiscal": totals.fiscal if totals else None,
        "declared_other": totals.other if totals else None,
        "footer_preparer": decl.footer.preparer,
        "footer_phone": decl.footer.phone,
        "footer_unit_head": decl.footer.unit_head,
        "footer_date": decl.footer.date,
        "modified_at": modified,
    }


def task_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    return [
        {
            "declaration_id": declaration_id,
            "position": i,
            "name": t.name,
            "content": t.content,
            "fiscal": t.fiscal,
            "other": t.other,
            "declared_total": t.declared_total,
        }
        for i, t in enumerate(decl.tasks)
    ]


def goal_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    return [
        {"declaration_id": declaration_id, "position": i, "text": text}
        for i, text in enumerate(decl.goals)
    ]


def category_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    return [
        {
            "declaration_id": declaration_id,
            "position": i,
            "level1": c.level1,
            "level2": c.level2,
            "not_applicable": c.not_applicable,
        }
        for i, c in enumerate(decl.categories)
    ]


def indicator_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    return [
        {
            "declaration_id": declaration_id,
            "level1": c.level1,
            "level2": c.level2,
            "position": i,
            "name": ind.name,
            "value": ind.value,
            "unit": ind.unit,
            "explanation": ind.explanation,
            "goals": list(ind.goals),
        }
        for c in decl.categories
        for i, ind in enumerate(c.indicators)
    ]


def accepted_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    return [
        {
            "declaration_id": declaration_id,
            "position": i,
            "rule": a.rule,
            "subject": a.subject,
            "reason": a.reason,
        }
        for i, a in enumerate(decl.accepted_findings)
    ]


def make_indicator(
    name: str, value: str, unit: str, explanation: str, goals: list[int]
) -> Indicator:
    return Indicator(name=name, value=value, unit=unit, explanation=explanation, goals=goals)


def build_categories(
    profile_id: str,
    states: Iterable[Sequence[Any]],
    indicators: Iterable[Sequence[Any]],
) -> list[Category]:
    """Categories in the profile's order, then any stored category the profile lacks.

    ``states`` are ``(level1, level2, not_applicable)`` in stored order; ``indicators`` are
    ``(level1, level2, name, value, unit, explanation, goals)`` ordered by position.
    """
    try:
        categories = load_profile(profile_id).empty_categories()
    except UnknownProfileError:
        categories = []  # a profile this version does not ship: keep the stored order
    by_key = {c.key: c for c in categories}
    for level1, level2, not_applicable in states:
        category = by_key.get((level1, level2))
        if category is None:
            category = by_key[(level1, level2)] = Category(level1=level1, level2=level2)
            categories.append(category)
        category.not_applicable = bool(not_applicable)
    for level1, level2, *fields in indicators:
        category = by_key.get((level1, level2))
        if category is None:
            category = by_key[(level1, level2)] = Category(level1=level1, level2=level2)
            categories.append(category)
        category.indicators.append(make_indicator(*fields))
    return categories


def build_declaration(
    head: Any,
    tasks: Iterable[Sequence[Any]],
    goals: Iterable[str],
    categories: list[Category],
    accepted: Iterable[Sequence[Any]],
) -> Declaration:
    """Assemble a declaration from its ``declaration`` row and its ordered child rows."""
    totals: Totals | None = None
    if head.has_declared_totals:
        totals = Totals(
            total=head.declared_total, fiscal=head.declared_fiscal, other=head.declared_other
        )
    budget: Decimal | None = head.budget_control_total
    return Declaration(
        profile_id=head.profile_id,
        year=head.year,
        categories=categories,
        form=head.form,
        unit_name=head.unit_name,
        supervisor=head.supervisor,
        tasks=[
            Task(name=n, content=c, fiscal=f, other=o, declared_total=d) for n, c, f, o, d in tasks
        ],
        declared_totals=totals,
        goals=list(goals),
        footer=Footer(
            preparer=head.footer_preparer,
            phone=head.footer_phone,
            unit_head=head.footer_unit_head,
            date=head.footer_date,
        ),
        budget_control_total=budget,
        accepted_findings=[AcceptedFinding(rule=r, subject=s, reason=x) for r, s, x in accepted],
    )
