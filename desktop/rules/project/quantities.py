"""P03: a 年度 quantity must not exceed the matching 中期 quantity (docs/project-form.md §5)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.model import Category
from desktop.domain.profile import Profile
from desktop.domain.project import ProjectDeclaration
from desktop.domain.values import ParsedValue, ValueKind, parse_value
from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding
from desktop.rules.structure import name_key

_MONEY = ("元", "万元", "亿元", "千元")
_AT_LEAST = {"≥", ">", "=", None}
_AT_MOST = {"≤", "<"}


#: What pairs a 年度 row with a 中期 row: same level-1/level-2 category, same S13 name key.
MatchKey = tuple[str, str, str]


def match_key(category: Category, name: str) -> MatchKey:
    """The P03 pairing key of row ``name`` in ``category`` (also used by the editor's
    other-horizon column and by copying between horizons, docs/project-form.md §5)."""
    return (category.level1, category.level2, name_key(name))


def first_rows(categories: list[Category]) -> dict[MatchKey, tuple[int, int]]:
    """Position (category index, row) of the first row of each key: the row P03 compares with."""
    found: dict[MatchKey, tuple[int, int]] = {}
    for cat_index, category in enumerate(categories):
        for row, indicator in enumerate(category.indicators):
            found.setdefault(match_key(category, indicator.name), (cat_index, row))
    return found


def comparable_units(ctx: CheckContext) -> set[str]:
    return cumulative_units(ctx.profile)


def cumulative_units(profile: Profile) -> set[str]:
    """Units of quantities that add up over the years (counts, measures, money): a 中期 value
    in them is the total of the 项目期, so P03 compares it with the 年度 one."""
    units = profile.units
    found = {*units.count, *units.measure}
    return {u for u in found | set(_MONEY) if "/" not in u and u not in ("%", "‰")}


def is_cumulative(value: str, unit: str, profile: Profile) -> bool:
    """Whether a 指标值 is such a quantity (the indicator library marks these for 中期)."""
    parsed = parse_value(value, unit, profile.grade_words())
    return parsed.kind is ValueKind.QUANTITATIVE and parsed.unit in cumulative_units(profile)


def same_class(a: str | None, b: str | None) -> bool:
    return (a in _AT_LEAST and b in _AT_LEAST) or (a in _AT_MOST and b in _AT_MOST)


def p03(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    if decl.mid_term is None or not decl.mid_in_use():
        return
    words = ctx.grade_words
    mid: dict[tuple[str, str, str], ParsedValue] = {}
    for category in decl.mid_term.categories:
        for indicator in category.indicators:
            mid.setdefault(
                match_key(category, indicator.name),
                parse_value(indicator.value, indicator.unit, words),
            )
    units = comparable_units(ctx)
    for row in ctx.rows:
        whole = mid.get(match_key(row.category, row.name))
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
