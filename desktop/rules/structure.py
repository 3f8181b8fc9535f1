"""Structure and completeness rules S01–S14 (S08, S10 and S06 numbering live in the reader)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date

from desktop.domain.model import Category
from desktop.domain.profile_parts import Requirement
from desktop.rules.context import CheckContext
from desktop.rules.fields import text_fields
from desktop.rules.findings import ERROR, WARNING, Finding
from desktop.rules.textutil import alternation, shorten, visible


def s01(ctx: CheckContext) -> Iterator[Finding]:
    decl = ctx.declaration
    try:
        filled = date.fromisoformat(decl.footer.date) if decl.footer.date else None
    except ValueError:
        filled = None
    if filled is not None and decl.year != filled.year + 1:
        yield ctx.finding(
            "S01", "year", "年度",
            f"年度 {decl.year} 与填报日期 {filled.isoformat()} 不符：申报表年度一般是填报次年"
            f"（{filled.year + 1}）。请核对年度或填报日期。",
        )


def s02(ctx: CheckContext) -> Iterator[Finding]:
    decl = ctx.declaration
    if not visible(decl.unit_name):
        yield ctx.finding("S02", "unit_name", "部门（单位）名称", "部门（单位）名称未填写：请填写申报单位全称。")
    if ctx.profile.show_supervisor and not visible(decl.supervisor):
        yield ctx.finding(
            "S02", "supervisor", "主管部门", "主管部门未填写：请填写主管部门名称（一级单位可与单位名称相同）。"
        )


def s03(ctx: CheckContext) -> Iterator[Finding]:
    tasks = ctx.declaration.tasks
    if not tasks:
        yield ctx.finding("S03", "tasks", "年度主要任务", "年度主要任务为空：请至少填写一项任务。")
    for i, task in enumerate(tasks):
        label, subject = ctx.task_label(i), ctx.task_subject(i)
        if not visible(task.name):
            yield ctx.finding("S03", f"tasks[{i}].name", subject, f"{label}的任务名称未填写：请填写任务名称。")
        if not visible(task.content):
            yield ctx.finding("S03", f"tasks[{i}].content", subject, f"{label}的主要内容未填写：请填写任务的主要内容。")
        if task.total == 0:
            yield ctx.finding(
                "S03", f"tasks[{i}].fiscal", subject,
                f"{label}的预算金额为 0：请填写财政拨款或其他资金。",
            )


def s04(ctx: CheckContext) -> Iterator[Finding]:
    name = ctx.profile.basic_expenditure.name
    if name and not any(visible(t.name) == name for t in ctx.declaration.tasks):
        yield ctx.finding(
            "S04", "tasks", name, f"年度主要任务中没有“{name}”：请增加{name}任务行（通常为第一行）。"
        )


def s05(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.declaration.goals:
        yield ctx.finding("S05", "goals", "年度总体目标", "年度总体目标为空：请至少填写一个目标。")


def s06(ctx: CheckContext) -> Iterator[Finding]:
    goals = ctx.declaration.goals
    for i in range(len(goals)):
        if not ctx.goal_text(i):
            yield ctx.finding("S06", f"goals[{i}]", f"目标{i + 1}", f"目标{i + 1}为空：请填写内容或删除该目标。")
    for i, stated in ctx.source_notes.goal_number_mismatches:
        if 0 <= i < len(goals):
            yield ctx.finding(
                "S06", f"goals[{i}]", ctx.goal_subject(i),
                f"源文件中目标{i + 1}的编号写作“目标{stated}：”，与其位置不一致，已按位置编号为目标{i + 1}。"
                "请核对目标顺序。",
                severity=WARNING,
            )


def s07(ctx: CheckContext) -> Iterator[Finding]:
    for category in ctx.declaration.categories:
        if not category.not_applicable and not category.indicators:
            yield ctx.finding(
                "S07", "indicators", category.level2,
                f"{category.level1}/{category.level2}既没有三级指标，也未标为“不适用”：请添加指标或标为不适用。",
            )


def s09(ctx: CheckContext) -> Iterator[Finding]:
    need_explanation = ctx.profile.rules.S09.require_explanation
    for row in ctx.rows:
        ind = row.indicator
        where_label = f"{row.category.level2}第{row.ordinal}个三级指标"
        if not row.name:
            yield ctx.finding("S09", row.where("name"), row.subject, f"{where_label}没有名称：请填写三级指标名称。")
        if not visible(ind.value):
            yield ctx.finding("S09", row.where("value"), row.subject, f"{row.label}没有指标值：请填写指标值。")
        if need_explanation and not visible(ind.explanation):
            yield ctx.finding(
                "S09", row.where("explanation"), row.subject,
                f"{row.label}没有指标解释：请说明该指标考察什么、如何计算。",
            )


def _has_real(category: Category) -> bool:
    return not category.not_applicable and bool(category.indicators)


def _level1_requirements(ctx: CheckContext) -> dict[str, Requirement]:
    return {l1.name: l1.requirement for l1 in ctx.profile.framework}


def s11(ctx: CheckContext) -> Iterator[Finding]:
    decl = ctx.declaration
    for category in decl.categories:
        level2 = ctx.profile.level2(category.level1, category.level2)
        requirement: Requirement = level2.requirement if level2 else "optional"
        # An empty unmarked category is already an S07 error; S11 covers the 不适用 ones.
        if requirement in ("error", "warning") and category.not_applicable:
            yield ctx.finding(
                "S11", ctx.category_where(category), category.level2,
                f"{category.level1}/{category.level2}标为“不适用”，但该类别应至少有一个实际指标："
                "请补充指标。",
                severity=ERROR if requirement == "error" else WARNING,
            )
    for level1, requirement in _level1_requirements(ctx).items():
        cats = [c for c in decl.categories if c.level1 == level1]
        if requirement in ("error", "warning") and cats and not any(_has_real(c) for c in cats):
            yield ctx.finding(
                "S11", ctx.level1_where(level1), level1,
                f"{level1}下没有任何实际指标：请至少在一个二级指标中填写三级指标。",
                severity=ERROR if requirement == "error" else WARNING,
            )


def s12(ctx: CheckContext) -> Iterator[Finding]:
    low = ctx.profile.rules.S12.min_indicators
    high = ctx.profile.rules.S12.max_indicators
    count = len(ctx.rows)
    if count < low or count > high:
        hint = (
            "偏少，难以全面反映任务和目标：请补充指标" if count < low else "偏多：请合并相近的指标或精简"
        )
        yield ctx.finding(
            "S12", "indicators", "绩效指标",
            f"绩效指标中实际三级指标共 {count} 个（建议 {low}–{high} 个），{hint}。",
        )
    requirements = _level1_requirements(ctx)
    for level1 in ctx.declaration.level1_names():
        cats = [c for c in ctx.declaration.categories if c.level1 == level1]
        if any(_has_real(c) for c in cats):
            continue
        # Leave the case to S07/S11 where they already report it.
        required = requirements.get(level1) in ("error", "warning") or any(
            (l2 := ctx.profile.level2(c.level1, c.level2)) and l2.requirement != "optional"
            for c in cats
        )
        if required or any(not c.not_applicable for c in cats):
            continue
        yield ctx.finding(
            "S12", ctx.level1_where(level1), level1,
            f"{level1}下全部标为“不适用”：每个一级指标宜至少有一个实际指标，请补充。",
        )


def name_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def s13(ctx: CheckContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str], int] = {}
    for row in ctx.rows:
        key = (row.category.level2, name_key(row.name))
        if not key[1]:
            continue
        if key in seen:
            yield ctx.finding(
                "S13", row.where("name"), row.subject,
                f"{row.category.level2}中{row.label}与第{seen[key]}个指标重复：请删除或改写其中一个。",
            )
        else:
            seen[key] = row.ordinal


_LABEL_ONLY = re.compile(r"(?:指标|目标)\s*\d+\s*[：:]\s*$", re.MULTILINE)


def _placeholder_re(words: Sequence[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        if word.isascii() and word.isalpha():
            parts.append(f"(?<![A-Za-z]){re.escape(word)}+(?![A-Za-z])")
        else:
            parts.append(re.escape(word))
    alt = "|".join(parts) if parts else alternation(["**", "……"])
    return re.compile(alt)


def s14(ctx: CheckContext) -> Iterator[Finding]:
    pattern = _placeholder_re(ctx.profile.placeholders)
    for f in text_fields(ctx):
        match = pattern.search(f.text) or _LABEL_ONLY.search(f.text)
        if match:
            yield ctx.finding(
                "S14", f.where, f.subject,
                f"{f.label}中残留模板占位内容“{shorten(match.group(0).strip(), 10)}”：请填写实际内容。",
            )


CHECKS = {
    "S01": s01, "S02": s02, "S03": s03, "S04": s04, "S05": s05, "S06": s06, "S07": s07,
    "S09": s09, "S11": s11, "S12": s12, "S13": s13, "S14": s14,
}
