"""P01 (项目期), P04 (中期 required) and G08 (年度 goal repeats a 中期 goal)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.horizon_goals import goal_key
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.rules.context import CheckContext
from desktop.rules.findings import INFO, WARNING, Finding

_SUBJECT = "项目期"


def p01(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> Iterator[Finding]:
    info = decl.project
    start, end = info.period_start, info.period_end
    for key, year, word in (("period_start", start, "起始"), ("period_end", end, "终止")):
        if year is None:
            yield ctx.finding("P01", f"project.{key}", _SUBJECT, f"项目期未填写：请填写项目{word}年度。")
    if start is None or end is None:
        return
    if start > end:
        yield ctx.finding(
            "P01", "project.period_end", _SUBJECT,
            f"项目期的起始年度 {start} 晚于终止年度 {end}：请核对项目期。",
        )
        return
    if not start <= decl.year <= end:
        yield ctx.finding(
            "P01", "year", _SUBJECT,
            f"申报年度 {decl.year} 不在项目期 {start}—{end} 年内：请核对年度或项目期。",
        )
    longest = profile.p01_max_years
    if end - start + 1 > longest:
        yield ctx.finding(
            "P01", "project.period_end", _SUBJECT,
            f"项目期共 {end - start + 1} 年，超过{longest}年，请核实。", WARNING,
        )
    if (info.attribute == "新增" and start < decl.year) or (info.attribute == "延续" and start == decl.year):
        yield ctx.finding(
            "P01", "project.attribute", "项目属性",
            f"项目属性“{info.attribute}”与项目期 {start}—{end} 年不一致（新增项目应自申报年度开始；"
            "延续项目应在以前年度已开始）：请核对项目属性或项目期。", INFO,
        )


def mid_required(decl: ProjectDeclaration, profile: ProjectProfile) -> bool:
    """P04's condition: the profile has 中期 and one of its ``mid_required`` triggers holds."""
    if not profile.has_mid:
        return False
    rule, info = profile.mid_required, decl.project
    start, end = info.period_start, info.period_end
    if rule.multi_year and start is not None and end is not None and end > start:
        return True
    if info.attribute and info.attribute in rule.attributes:
        return True
    threshold = rule.annual_total_at_least
    return threshold is not None and decl.funds.total >= threshold


def p04(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> Iterator[Finding]:
    if not mid_required(decl, profile):
        return
    advice = "跨年度项目须同时填报中期资金、中期目标和中期绩效指标"
    mid = decl.mid_term
    if mid is None or not mid.in_use():
        yield ctx.finding("P04", "mid_term", "中期目标", f"未填写中期内容：{advice}。")
        return
    if not any(g.strip() for g in mid.goals):
        yield ctx.finding("P04", "mid_term.goals", "中期目标", f"中期目标为空：{advice}。")
    if mid.funds.total == 0:
        yield ctx.finding("P04", "mid_term.funds", "中期目标", f"中期资金总额为 0：{advice}。")
    if not any(c.indicators for c in mid.categories):
        yield ctx.finding("P04", "mid_term.indicators", "中期目标", f"没有中期绩效指标：{advice}。")


def g08(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    info = decl.project
    if not decl.mid_in_use() or decl.mid_term is None:
        return
    if info.period_start is None or info.period_end is None or info.period_start >= info.period_end:
        return
    mid_goals = {goal_key(g) for g in decl.mid_term.goals if g.strip()}
    for i, goal in enumerate(decl.goals):
        if goal.strip() and goal_key(goal) in mid_goals:
            yield ctx.finding(
                "G08", f"goals[{i}]", ctx.goal_subject(i),
                f"{ctx.goal_label(i)}与中期目标完全相同：年度目标应写明本年度的阶段性安排。",
            )
