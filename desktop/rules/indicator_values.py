"""Rules on indicator values: I01–I03, I05–I08 and I18 (grammar of docs/values.md)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from decimal import Decimal

from desktop.domain.values import DeadlineDate, ValueKind
from desktop.rules.context import QUOTE_LIMIT, CheckContext, IndicatorRow
from desktop.rules.findings import ERROR, WARNING, Finding
from desktop.rules.textutil import HAN_RUN, shorten


def _looks_like_grade(ctx: CheckContext, row: IndicatorRow) -> bool:
    """A short grade-like word (良好, 较高) that is not in the vocabulary; 按月安排 is not one."""
    text = row.parsed.text
    if row.parsed.kind is not ValueKind.TEXT or len(text) > 4 or not HAN_RUN.fullmatch(text):
        return False
    return any(m in text for m in ctx.profile.grade_morphemes)


def i01(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        kind = row.parsed.kind
        if kind is ValueKind.NOT_APPLICABLE:
            yield ctx.finding(
                "I01", row.where("value"), row.subject,
                f"{row.label}的指标值写作“不适用”：“不适用”只能用于整个二级指标。"
                "请填写指标值，或删除该行并把类别标为不适用。",
            )
        elif kind is ValueKind.TEXT and not _looks_like_grade(ctx, row):
            yield ctx.finding(
                "I01", row.where("value"), row.subject,
                f"{row.label}的指标值“{row.value_text}”不是常见写法（如 ≥4次、≥90%、显著、每季度1次、"
                "2026年12月31日前）：请尽量改为可衡量的数值或等级。",
            )


def i02(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        p = row.parsed
        if p.kind not in (ValueKind.QUANTITATIVE, ValueKind.RANGE, ValueKind.FREQUENCY):
            continue
        if not p.value_unit and not p.column_unit:
            yield ctx.finding(
                "I02", row.where("value"), row.subject,
                f"{row.label}的指标值“{row.value_text}”没有计量单位：请在指标值或度量单位中写明单位"
                "（如 次、人、%）。",
            )
        elif p.value_unit and p.column_unit and p.value_unit != p.column_unit:
            yield ctx.finding(
                "I02", row.where("unit"), row.subject,
                f"{row.label}的指标值“{row.value_text}”与度量单位“{shorten(row.indicator.unit, QUOTE_LIMIT)}”矛盾："
                "单位只写一处，或两处写成一致。",
            )


def _is_growth(ctx: CheckContext, name: str) -> bool:
    return any(w in name for w in ctx.profile.growth_rate_words)


def i03(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        p = row.parsed
        if not p.is_rate or p.number is None:
            continue
        highest = max(p.number, p.high or Decimal(0))
        if highest <= 100:
            continue
        growth = _is_growth(ctx, row.name)
        advice = "请确认数值是否正确。" if growth else "百分比应在 0%–100% 之间，请改正。"
        yield ctx.finding(
            "I03", row.where("value"), row.subject,
            f"{row.label}的指标值“{row.value_text}”超过 100%：{advice}",
            severity=WARNING if growth else ERROR,
        )


def _direction(name: str, positive: Sequence[str], negative: Sequence[str]) -> int:
    """+1 when the name sounds positive, -1 negative, 0 neither; the longest word decides
    (不合格率 is negative although it contains 合格率)."""
    best, sign = 0, 0
    for words, value in ((positive, 1), (negative, -1)):
        for word in words:
            if len(word) > best and word in name:
                best, sign = len(word), value
    return sign


def i05(ctx: CheckContext) -> Iterator[Finding]:
    positive = ctx.profile.positive_rate_words
    negative = ctx.profile.negative_rate_words
    for row in ctx.rows:
        op = row.parsed.operator
        sign = _direction(row.name, positive, negative)
        if op in ("≤", "<") and sign > 0:
            yield ctx.finding(
                "I05", row.where("value"), row.subject,
                f"{row.label}越高越好，指标值却写作“{row.value_text}”（不超过）：请改用“≥”，或核对指标名称。",
            )
        elif op in ("≥", ">") and sign < 0:
            yield ctx.finding(
                "I05", row.where("value"), row.subject,
                f"{row.label}越低越好，指标值却写作“{row.value_text}”（不低于）：请改用“≤”，或核对指标名称。",
            )


def i06(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        p = row.parsed
        if p.kind is not ValueKind.QUANTITATIVE or not p.is_rate or _is_growth(ctx, row.name):
            continue
        if p.operator == ">" and p.number is not None and p.number >= 100:
            yield ctx.finding(
                "I06", row.where("value"), row.subject,
                f"{row.label}的指标值“{row.value_text}”不可能达到：比率不会超过 100%，请改为“100%”或更低的目标。",
                severity=ERROR,
            )
        elif p.operator == "≥" and p.number == 100:
            yield ctx.finding(
                "I06", row.where("value"), row.subject,
                f"{row.label}的指标值“{row.value_text}”等同于 100%：建议直接写作“100%”。",
            )


def i07(ctx: CheckContext) -> Iterator[Finding]:
    minimum = ctx.profile.rules.I07.min_value
    operator = ctx.profile.rules.I07.operator
    unit = ctx.profile.rules.I07.unit
    for row in ctx.rows_in(level2s=ctx.profile.category_roles.service_satisfaction_level2):
        p = row.parsed
        value = row.indicator.value
        if p.kind is not ValueKind.QUANTITATIVE or p.unit != unit:
            problem = f"应写成百分比：请改为如“{operator}{minimum}{unit}”的写法"
        elif p.number is not None and p.number < minimum:
            problem = (
                f"低于通常要求的 {minimum}{unit}：请核实目标是否偏低，如确有依据（如上级要求），"
                "可接受此提示并写明理由"
            )
        elif p.operator not in (operator, ">") and not (p.operator in (None, "=") and p.number == 100):
            problem = f"没有写明方向：满意度一般写作“{operator}{p.number_text()}{unit}”"
        else:
            continue
        yield ctx.finding(
            "I07", row.where("value"), row.subject,
            f"{row.label}（{row.category.level2}）的指标值“{shorten(value, QUOTE_LIMIT)}”{problem}。",
        )


def i08(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.rows:
        p = row.parsed
        if p.kind is ValueKind.QUALITATIVE:
            scale = ctx.profile.scale_for(p.grade)
            if scale is None:
                continue
            missing = [g.word for g in scale.grades if g.word not in row.indicator.explanation]
            if missing:
                yield ctx.finding(
                    "I08", row.where("explanation"), row.subject,
                    f"{row.label}为定性指标（“{p.grade}”），指标解释未说明各等级的含义：建议写明"
                    f"{scale.explanation()}",
                )
        elif _looks_like_grade(ctx, row):
            words = "、".join(ctx.grade_words[:6])
            yield ctx.finding(
                "I08", row.where("value"), row.subject,
                f"{row.label}的指标值“{p.text}”不在定性等级词表中：请使用 {words} 等等级词，并在指标解释中说明各等级。",
            )


def _real_date(deadline: DeadlineDate, year: int) -> bool:
    """Whether the month and day of a deadline exist (2月30日, 13月 do not)."""
    if deadline.month is None:
        return True
    if not 1 <= deadline.month <= 12:
        return False
    if deadline.day is None:
        return True
    return 1 <= deadline.day <= calendar.monthrange(deadline.year or year, deadline.month)[1]


def i18(ctx: CheckContext) -> Iterator[Finding]:
    year, last = ctx.year_range
    within = f"{year} 年内" if year == last else f"项目期 {year}—{last} 年内"
    for row in ctx.rows:
        deadline = row.parsed.deadline
        if row.parsed.kind is not ValueKind.DEADLINE or deadline is None:
            continue
        if deadline.year is not None and not year <= deadline.year <= last:
            scope = f"申报年度 {year} 年内" if year == last else within
            problem = f"不在{scope}：请改为 {within}的时间"
        elif not _real_date(deadline, deadline.year or year):
            problem = f"不是有效日期：请改为 {within}实际存在的日期"
        else:
            continue
        yield ctx.finding(
            "I18", row.where("value"), row.subject, f"{row.label}的时限“{row.value_text}”{problem}。"
        )


CHECKS = {
    "I01": i01, "I02": i02, "I03": i03, "I05": i05, "I06": i06, "I07": i07, "I08": i08, "I18": i18,
}
