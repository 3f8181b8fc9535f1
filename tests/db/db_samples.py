"""Generated declarations for the store tests and the benchmark (distinct texts, exact amounts)."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.model import Declaration, Indicator, Task
from desktop.domain.profile import load_profile, new_declaration


def make_declaration(unit: str, indicators_per_category: int, year: int = 2026) -> Declaration:
    """A declaration with distinct texts everywhere, amounts with 6 decimals, linked goals."""
    decl = new_declaration(load_profile("SZ-DEPT-2026"), year)
    decl.unit_name = unit
    decl.supervisor = f"{unit}主管"
    decl.goals = [f"{unit}目标{n}" for n in range(1, 6)]
    decl.tasks.append(
        Task(name="项目甲", content="第一项\n第二项", fiscal=Decimal("12.345678"), other=Decimal(3))
    )
    for c, category in enumerate(decl.categories):
        for n in range(indicators_per_category):
            category.indicators.append(
                Indicator(
                    name=f"{unit}-{c}-{n}",
                    value=f"≥{n}次",
                    explanation=f"说明{c}.{n}",
                    goals=[1 + n % 5, 5] if n % 5 != 4 else [5],
                )
            )
    return decl
