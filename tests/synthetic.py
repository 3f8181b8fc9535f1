"""Generated declarations of any size, for tests and benchmarks (shared by both)."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.model import Declaration, Indicator, Task
from desktop.domain.profile import load_profile, new_declaration

_VALUES = ("≥4次", "100%", "≥95%", "显著", "每季度1次", "≤20万元", "≥26人", "2026年12月31日前")


def large_declaration(
    indicators: int = 1000, *, goals: int = 10, tasks: int = 5, profile_id: str = "SZ-DEPT-2026"
) -> Declaration:
    """A declaration with ``indicators`` level-3 rows spread over every category."""
    profile = load_profile(profile_id)
    declaration = new_declaration(profile, 2026, with_basic_row=False)
    declaration.unit_name = "深圳市福田区示例单位（本级）"
    declaration.supervisor = "深圳市福田区示例主管部门"
    declaration.tasks = [
        Task(
            name=f"任务{n + 1}",
            content=f"1. 开展第{n + 1}项工作。\n2. 完成相关服务委托。",
            fiscal=Decimal(f"{100 + n}.{n % 100:02d}"),
            other=Decimal("0.5") * n,
        )
        for n in range(tasks)
    ]
    declaration.goals = [
        f"通过开展第{n + 1}项重点工作，完成不少于{n + 2}次专项活动，服务满意度达到90%以上。"
        for n in range(goals)
    ]
    categories = declaration.categories
    for n in range(indicators):
        category = categories[n % len(categories)]
        category.indicators.append(
            Indicator(
                name=f"第{n + 1}项工作开展次数",
                value=_VALUES[n % len(_VALUES)],
                explanation=f"该指标主要考察第{n + 1}项工作的开展情况。",
                goals=[(n % goals) + 1] if goals else [],
            )
        )
    return declaration
