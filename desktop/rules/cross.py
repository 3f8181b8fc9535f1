"""Cross-check C01 against last year's declaration (the caller looks it up in the store).

C02/C03 need stored project forms and are not available in version 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.values import ParsedValue, ValueKind, parse_value
from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding
from desktop.rules.structure import name_key


def _normal(text: str) -> str:
    return "".join(text.split())


def c01(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None:
        return
    words = ctx.grade_words
    last: dict[tuple[str, str], ParsedValue] = {}
    for category, indicator in previous.iter_indicators():
        key = (category.level2, name_key(indicator.name))
        last.setdefault(key, parse_value(indicator.value, indicator.unit, words))
    for row in ctx.rows:
        now = row.parsed
        before = last.get((row.category.level2, name_key(row.name)))
        if before is None or now.kind is not ValueKind.QUANTITATIVE:
            continue
        if before.kind is not ValueKind.QUANTITATIVE or before.unit != now.unit:
            continue
        if now.operator not in ("≥", ">") or before.number is None or now.number is None:
            continue
        if now.number < before.number:
            yield ctx.finding(
                "C01", row.where("value"), row.subject,
                f"{row.label}的目标值“{row.value_text}”低于上年（{previous.year}年）的"
                f"“{before.text}”：目标应与资金相匹配，降低目标请说明理由。",
            )
    old_goals = {_normal(g) for g in previous.goals if g.strip()}
    for i, text in enumerate(ctx.declaration.goals):
        if text.strip() and _normal(text) in old_goals:
            yield ctx.finding(
                "C01", f"goals[{i}]", ctx.goal_subject(i),
                f"{ctx.goal_label(i)}与上年（{previous.year}年）申报表中的目标完全相同：请按本年度任务更新目标。",
            )


CHECKS = {"C01": c01}
