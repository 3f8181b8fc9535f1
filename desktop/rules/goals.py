"""Goal rules G01–G07 (G02/G04 come from goalmatch.py; G08 needs the project form)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding
from desktop.rules.goalmatch import GoalFindings, quantity_finder
from desktop.rules.textutil import TermNormaliser


def _goal_findings(ctx: CheckContext) -> GoalFindings:
    found = ctx.memo.get("goal_findings")
    if not isinstance(found, GoalFindings):
        found = ctx.memo["goal_findings"] = GoalFindings(ctx)
    return found


def _goals(ctx: CheckContext) -> Iterator[tuple[int, str]]:
    for i in range(len(ctx.declaration.goals)):
        text = ctx.goal_text(i)
        if text:
            yield i, text


def g01(ctx: CheckContext) -> Iterator[Finding]:
    goals = [text for _, text in _goals(ctx)]
    if not goals:
        return  # S05/S06 report the missing goals
    normaliser = TermNormaliser(
        ctx.profile.synonyms,
        [*ctx.profile.generic_words, *ctx.profile.measure_words, *ctx.profile.task_generic_words],
    )
    goal_terms: set[str] = set()
    for text in goals:
        goal_terms |= normaliser.terms(text)
    for i, task in enumerate(ctx.declaration.tasks):
        text = f"{task.name}\n{task.content}"
        if not text.strip():
            continue
        if not normaliser.terms(text) & goal_terms:
            yield ctx.finding(
                "G01", f"tasks[{i}]", ctx.task_subject(i),
                f"{ctx.task_label(i)}在年度总体目标中找不到对应内容：请增加反映该任务产出和效果的目标。",
            )


def g02(ctx: CheckContext) -> Iterator[Finding]:
    yield from _goal_findings(ctx).g02()


def g03(ctx: CheckContext) -> Iterator[Finding]:
    finder = quantity_finder(ctx)
    for i, text in _goals(ctx):
        if not finder.is_quantified(text):
            yield ctx.finding(
                "G03", f"goals[{i}]", ctx.goal_subject(i),
                f"{ctx.goal_label(i)}没有量化内容（年份不算）：请写明数量、比例或完成时限，"
                "如“完成不少于4次…”“…率不低于90%”。",
            )


def g04(ctx: CheckContext) -> Iterator[Finding]:
    yield from _goal_findings(ctx).g04()


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_RANGE_BEFORE = ("到", "至", "-", "—", "–", "~", "～")


def g05(ctx: CheckContext) -> Iterator[Finding]:
    year, last = ctx.year_range
    for i, text in _goals(ctx):
        stale: list[str] = []
        for match in _YEAR.finditer(text):
            mentioned = int(match.group(1))
            before = text[max(0, match.start() - 1) : match.start()]
            # "到2030年" or "2026-2028年" name a horizon, not a stale year.
            if year <= mentioned <= last or (mentioned > last and before in _RANGE_BEFORE):
                continue
            if match.group(1) not in stale:
                stale.append(match.group(1))
        if stale:
            years = "、".join(f"{y}年" for y in stale)
            hint = (
                "可能沿用了往年内容，请更新"
                if any(int(y) < year for y in stale)
                else "年度目标应写本年度内完成的内容，请核对"
            )
            period = f"申报年度 {year} 年" if year == last else f"项目期 {year}—{last} 年"
            yield ctx.finding(
                "G05", f"goals[{i}]", ctx.goal_subject(i),
                f"{ctx.goal_label(i)}提到{years}，与{period}不符：{hint}。",
            )


def g06(ctx: CheckContext) -> Iterator[Finding]:
    vague = ctx.profile.vague_verbs
    structure = ctx.profile.goal_structure_words
    finder = quantity_finder(ctx)
    for i, text in _goals(ctx):
        found = [v for v in vague if v in text]
        if finder.is_quantified(text) or not found or any(w in text for w in structure):
            continue
        yield ctx.finding(
            "G06", f"goals[{i}]", ctx.goal_subject(i),
            f"{ctx.goal_label(i)}只有“{'、'.join(found[:3])}”一类的表述，缺少具体对象和衡量标准："
            "建议按“通过…，完成…，实现…”改写。",
        )


def g07(ctx: CheckContext) -> Iterator[Finding]:
    low = ctx.profile.rules.G07.min_length
    high = ctx.profile.rules.G07.max_length
    for i, text in _goals(ctx):
        length = len(text)
        if length < low:
            message = f"{ctx.goal_label(i)}只有 {length} 个字，过于简略：请写明做什么、做多少、达到什么效果（建议不少于 {low} 字）。"
        elif length > high:
            message = f"{ctx.goal_label(i)}共 {length} 个字，超过 {high} 字：请精简或拆分为多个目标。"
        else:
            continue
        yield ctx.finding("G07", f"goals[{i}]", ctx.goal_subject(i), message)


CHECKS = {"G01": g01, "G02": g02, "G03": g03, "G04": g04, "G05": g05, "G06": g06, "G07": g07}
