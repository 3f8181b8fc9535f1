"""P03: a 年度 quantity must not exceed the matching 中期 quantity (docs/project-form.md §5)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.project import ProjectDeclaration
from desktop.domain.values import ParsedValue, ValueKind, parse_value
from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding
from desktop.rules.structure import name_key

_MONEY = ("元", "万元", "亿元", "千元")
_AT_LEAST = {"≥", ">", "=", None}
_AT_MOST = {"≤", "<"}


def comparable_units(ctx: CheckContext) -> set[str]:
    units = ctx.profile.units
    found = {*units.count, *units.measure}
    return {u for u in found | set(_MONEY) if "/" not in u and u not in ("%", "‰")}


def same_class(a: str | None, b: str | None) -> bool:
    return (a in _AT_LEAST and b in _AT_LEAST) or (a in _AT_MOST and b in _AT_MOST)


def p03(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    if decl.mid_term is None or not decl.mid_in_use():
        return
    words = ctx.grade_words
    mid: dict[tuple[str, str, str], ParsedValue] = {}
    for category in decl.mid_term.categories:
        for indicator in category.indicators:
            key = (category.level1, category.level2, name_key(indicator.name))
            mid.setdefault(key, parse_value(indicator.value, indicator.unit, words))
    units = comparable_units(ctx)
    for row in ctx.rows:
        whole = mid.get((row.category.level1, row.category.level2, name_key(row.name)))
        year = row.parsed
        if whole is None or year.kind is not ValueKind.QUANTITATIVE:
            continue
        if whole.kind is not ValueKind.QUANTITATIVE or whole.unit != year.unit or year.unit not in units:
            continue
        if not same_class(year.operator, whole.operator) or year.number is None or whole.number is None:
            continue
        if year.number > whole.number:
            yield ctx.finding(
                "P03", row.where("value"), f"{row.category.level2}/{row.name}",
                f"{row.label}的年度指标值“{row.value_text}”超过中期指标值“{whole.text}”："
                "中期指标覆盖整个项目期，年度指标应是其中一年的部分。",
            )
