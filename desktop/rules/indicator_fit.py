"""Rules on how indicators fit their category and each other: I04, I09–I17, I19, I20."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from desktop.domain.profile_parts import NameUnitFamily, UnitFamily
from desktop.domain.values import ValueKind
from desktop.rules.context import QUOTE_LIMIT, CheckContext, IndicatorRow
from desktop.rules.findings import Finding
from desktop.rules.quantities import mentions_deadline
from desktop.rules.structure import name_key
from desktop.rules.textutil import HAN, shorten

_QUANTIFIED = (ValueKind.QUANTITATIVE, ValueKind.RANGE, ValueKind.FREQUENCY)
_FAMILY_TITLES = {"percent": "百分比", "count": "计数单位", "currency": "金额单位", "time": "时间单位"}


def _unit_family(unit: str, units: Mapping[UnitFamily, Sequence[str]]) -> str:
    for family, words in units.items():
        if unit in words:
            return family
    if unit.startswith(("元", "万元", "亿元", "千元")):
        return "currency"
    head = unit.split("/", 1)[0]
    if head != unit:
        return _unit_family(head, units)
    return "unknown"


def _expected_family(name: str, table: Sequence[NameUnitFamily]) -> tuple[str, str] | None:
    """(family, ending) for the longest configured ending the name ends with."""
    best: tuple[str, str] | None = None
    for entry in table:
        for ending in entry.endings:
            if name.endswith(ending) and (best is None or len(ending) > len(best[1])):
                best = (entry.family, ending)
    return best


def i04(ctx: CheckContext) -> Iterator[Finding]:
    units = ctx.profile.units.families()
    table = ctx.profile.name_unit_families
    for row in ctx.rows:
        p = row.parsed
        if p.kind not in _QUANTIFIED or not p.unit:
            continue
        expected = _expected_family(row.name, table)
        if expected is None:
            continue
        family = _unit_family(p.unit, units)
        accepted = {expected[0]} | ({"measure"} if expected[0] == "count" else set())
        if family not in accepted:
            want = _FAMILY_TITLES.get(expected[0], expected[0])
            yield ctx.finding(
                "I04", row.where("value"), row.subject,
                f"{row.label}以“{expected[1]}”结尾，应使用{want}，指标值“{row.value_text}”的单位"
                f"“{p.unit}”与之不符：请核对指标名称或单位。",
            )


def i09(ctx: CheckContext) -> Iterator[Finding]:
    rows = ctx.rows
    if not rows:
        return
    share_benefit = ctx.profile.rules.I09.max_share_benefit
    share_overall = ctx.profile.rules.I09.max_share_overall
    for level1 in ctx.profile.category_roles.benefit_level1:
        part = ctx.rows_in(level1s=[level1])
        qualitative = sum(1 for r in part if r.parsed.kind is ValueKind.QUALITATIVE)
        if part and Decimal(qualitative) / len(part) > share_benefit:
            yield ctx.finding(
                "I09", ctx.level1_where(level1), level1,
                f"{level1}的 {len(part)} 个指标中有 {qualitative} 个是定性指标，超过 {share_benefit:%}："
                "请尽量改为可量化的指标（如比率、数量）。",
            )
    qualitative = sum(1 for r in rows if r.parsed.kind is ValueKind.QUALITATIVE)
    if Decimal(qualitative) / len(rows) > share_overall:
        yield ctx.finding(
            "I09", "indicators", "绩效指标",
            f"全部绩效指标 {len(rows)} 个中有 {qualitative} 个是定性指标，超过 {share_overall:%}：请增加定量指标。",
        )


def i10(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        level2 = ctx.profile.level2(row.category.level1, row.category.level2)
        if level2 is None or not level2.keywords or not row.name:
            continue
        if not any(k in row.name for k in level2.keywords):
            words = "、".join(level2.keywords)
            yield ctx.finding(
                "I10", row.where("name"), row.subject,
                f"{row.label}的名称看不出是{row.category.level2}（通常含“{words}”等字样）："
                "请调整名称或把它移到合适的二级指标。",
            )


def i11(ctx: CheckContext) -> Iterator[Finding]:
    # Counts of things done (次, 项, 份, 个…); people reached (受益人数 ≥500人) are a real benefit.
    counts = set(ctx.profile.rules.I11.output_units)
    for row in ctx.rows_in(level1s=ctx.profile.category_roles.benefit_level1):
        p = row.parsed
        if p.kind in _QUANTIFIED and p.unit in counts:
            yield ctx.finding(
                "I11", row.where("value"), row.subject,
                f"{row.label}（{row.category.level2}）以“{p.unit}”计数，更像产出（数量）指标："
                "效益指标应反映效果，请改为比率或改善程度，或把它移到数量指标。",
            )


def i12(ctx: CheckContext) -> Iterator[Finding]:
    word = ctx.profile.rules.I12.word
    satisfaction = set(ctx.profile.category_roles.satisfaction_level1)
    for row in ctx.rows:
        # Only a measure of satisfaction (…满意度, …满意率); 满意度调查次数 is a countable output.
        measure = _MEASURE_END.sub("", row.name)
        if measure != row.name and measure.endswith(word) and row.category.level1 not in satisfaction:
            yield ctx.finding(
                "I12", row.where("name"), row.subject,
                f"{row.label}是满意度类指标，却放在{row.category.level1}/{row.category.level2}下："
                "请移到满意度指标。",
            )


_MEASURE_END = re.compile(r"(?:率|度|性)$")


def name_measure_family(name: str, families: Mapping[str, Sequence[str]]) -> str | None:
    """The I13 family of the measure word the name ends with (覆盖率 → 覆盖), else None."""
    stem = _MEASURE_END.sub("", name)
    for family, words in families.items():
        if any(stem.endswith(w) for w in words):
            return family
    return None


def i13(ctx: CheckContext) -> Iterator[Finding]:
    families = ctx.profile.measure_families
    for row in ctx.rows:
        own = name_measure_family(row.name, families)
        if own is None:
            continue
        text = row.indicator.explanation
        mentions = [f for f, words in families.items() if any(w in text for w in words)]
        if own in mentions:
            continue
        foreign = [f for f in mentions if not any(w in row.name for w in families[f])]
        if foreign:
            yield ctx.finding(
                "I13", row.where("explanation"), row.subject,
                f"{row.label}考察的是“{own}”，指标解释却说的是“{foreign[0]}”：请让指标解释与指标名称一致。",
            )


# "X率=A/B×100%" (the ×100% may be left out), or the same said in words: 占…的比例, …之比, 除以.
_FORMULA = re.compile(r"[=＝][^=＝]*[/÷／]")
_WORDED_FORMULA = re.compile(r"占[^。；;]{1,40}?(?:比例|比重|百分比)|[^。；;]{1,40}?之比|除以")
_RATIO_NAME = re.compile(f"[{HAN}A-Za-z]{{2,}}率$")


def is_ratio_name(ctx: CheckContext, name: str) -> bool:
    """A real ratio (…率), not 效率/频率 and the like that end in 率 without being A/B."""
    if not _RATIO_NAME.search(name):
        return False
    return not any(name.endswith(w) for w in ctx.profile.non_ratio_rate_words)


def i14(ctx: CheckContext) -> Iterator[Finding]:
    families = ctx.profile.measure_families
    on_time = ctx.profile.rules.I14.timeliness_family
    deadline_words = ctx.profile.deadline_words
    for row in ctx.rows:
        if not row.parsed.is_rate or not is_ratio_name(ctx, row.name):
            continue
        text = row.indicator.explanation
        if _FORMULA.search(text) or _WORDED_FORMULA.search(text):
            continue
        formula = f"“{shorten(row.name, QUOTE_LIMIT)}=…/…×100%”"
        if name_measure_family(row.name, families) == on_time:
            # An on-time rate is defined by its deadline: "每月月底前发放…的及时率" says what counts.
            if mentions_deadline(text) or any(w in text for w in deadline_words):
                continue
            advice = f"建议写明按什么时限算“及时”（如“每月月底前完成”），或补充计算公式{formula}。"
        else:
            advice = f"建议补充计算公式{formula}，说明分子、分母各指什么。"
        yield ctx.finding(
            "I14", row.where("explanation"), row.subject,
            f"{row.label}是比率指标，指标解释没有写明怎样计算：{advice}",
        )


def i15(ctx: CheckContext) -> Iterator[Finding]:
    generic = ctx.profile.generic_management_indicators
    scope = {*ctx.profile.category_roles.output_level1, *ctx.profile.category_roles.benefit_level1}
    cost = set(ctx.profile.category_roles.cost_level2)
    for row in ctx.rows:
        if row.category.level1 not in scope or row.category.level2 in cost:
            continue
        word = next((w for w in generic if w in row.name), None)
        if word:
            yield ctx.finding(
                "I15", row.where("name"), row.subject,
                f"{row.label}（{word}）是通用的资金管理指标，不反映本单位的产出或效益："
                "请换成体现任务成果的指标。",
            )


def i16(ctx: CheckContext) -> Iterator[Finding]:
    # "项目成本控制率" is as generic as "成本控制率": compare name endings, not whole names.
    generic = [name_key(w) for w in ctx.profile.generic_cost_indicators]
    cost = ctx.profile.category_roles.cost_level2
    # Per cost category: in MOF-2021 a real 社会成本 row does not make 经济成本's generic one specific.
    for category in ctx.declaration.categories:
        if category.level2 not in cost:
            continue
        rows = [r for r in ctx.rows if r.category is category]
        if not rows or not all(any(name_key(r.name).endswith(g) for g in generic) for r in rows):
            continue
        for row in rows:
            yield ctx.finding(
                "I16", row.where("name"), row.subject,
                f"{category.level2}只有笼统的{row.label}：建议增加按单位成本或支出标准衡量的指标"
                "（如人均成本、单位面积成本）。",
            )


def i17(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows_in(level2s=ctx.profile.category_roles.timeliness_level2):
        if row.parsed.kind is ValueKind.FREQUENCY:
            yield ctx.finding(
                "I17", row.where("value"), row.subject,
                f"{row.label}（时效指标）用频次“{row.value_text}”作指标值，可以接受："
                "建议另设及时率或完成时限，更能反映时效。",
            )


def i19(ctx: CheckContext) -> Iterator[Finding]:
    first: dict[str, IndicatorRow] = {}
    for row in ctx.rows:
        key = name_key(row.name)
        if not key:
            continue
        earlier = first.setdefault(key, row)
        if earlier is not row and earlier.category.level2 != row.category.level2:
            yield ctx.finding(
                "I19", row.where("name"), row.subject,
                f"{row.label}同时出现在{earlier.category.level2}和{row.category.level2}中：同一指标只应归入一个类别。",
            )


def i20(ctx: CheckContext) -> Iterator[Finding]:
    limits = ctx.profile.limits

    def over(kind: str, text: str) -> int | None:
        limit = limits.of(kind)
        return limit if len(text.strip()) > limit else None

    for row in ctx.rows:
        ind = row.indicator
        for key, kind, title, text in (
            ("name", "name", "名称", ind.name),
            ("value", "value", "指标值", ind.value),
            ("explanation", "explanation", "指标解释", ind.explanation),
        ):
            limit = over(kind, text)
            if limit is not None:
                yield ctx.finding(
                    "I20", row.where(key), row.subject,
                    f"{row.label}的{title}共 {len(text.strip())} 字，超过 {limit} 字的限制：请精简。",
                )
    for i, task in enumerate(ctx.declaration.tasks):
        limit = over("content", task.content)
        if limit is not None:
            yield ctx.finding(
                "I20", f"tasks[{i}].content", ctx.task_subject(i),
                f"{ctx.task_label(i)}的主要内容共 {len(task.content.strip())} 字，超过 {limit} 字的限制：请精简。",
            )


CHECKS = {
    "I04": i04, "I09": i09, "I10": i10, "I11": i11, "I12": i12, "I13": i13, "I14": i14,
    "I15": i15, "I16": i16, "I17": i17, "I19": i19, "I20": i20,
}
