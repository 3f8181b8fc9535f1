"""Amount rules A01–A07 (A04 is enforced by the reader and editor, A05 needs budget data).

Declared values (a task's printed 总额, the printed 金额合计) come from a source document; the
application derives its own and reports every difference, exactly, in 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from desktop.domain.money import format_amount, round_half_up
from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding

_COLUMNS = (("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"))


def _exact(value: Decimal) -> str:
    """An amount with all its digits (at least two decimals), for messages."""
    text = format(value, "f")
    integer, _, fraction = text.partition(".")
    return f"{integer}.{fraction.rstrip('0').ljust(2, '0')}"


def a01(ctx: CheckContext) -> Iterator[Finding]:
    for i, task in enumerate(ctx.declaration.tasks):
        declared = task.declared_total
        if declared is not None and declared != task.total:
            yield ctx.finding(
                "A01", f"tasks[{i}].total", ctx.task_subject(i),
                f"{ctx.task_label(i)}的总额 {_exact(declared)} 万元不等于财政拨款 {_exact(task.fiscal)}"
                f" + 其他资金 {_exact(task.other)} = {_exact(task.total)} 万元：请核对金额"
                "（采用计算值即可消除此项）。",
            )


def a02(ctx: CheckContext) -> Iterator[Finding]:
    declared = ctx.declaration.declared_totals
    if declared is None:
        return
    computed = ctx.declaration.computed_totals()
    for key, title in _COLUMNS:
        stated, actual = getattr(declared, key), getattr(computed, key)
        if stated is not None and actual is not None and stated != actual:
            yield ctx.finding(
                "A02", f"totals.{key}", "金额合计",
                f"金额合计的{title} {_exact(stated)} 万元不等于各任务{title}之和 {_exact(actual)} 万元："
                "请核对金额（采用计算值即可消除此项）。",
            )


def a03(ctx: CheckContext) -> Iterator[Finding]:
    control = ctx.declaration.budget_control_total
    if control is None:
        return
    total = ctx.declaration.computed_totals().total
    if total is not None and total != control:
        yield ctx.finding(
            "A03", "budget_control_total", "金额合计",
            f"金额合计总额 {_exact(total)} 万元与预算控制数 {_exact(control)} 万元不一致："
            "请按批复的部门预算调整任务金额。",
        )


def a06(ctx: CheckContext) -> Iterator[Finding]:
    places = ctx.profile.amount_decimals
    tasks = ctx.declaration.tasks
    if len(tasks) < 2:
        return
    computed = ctx.declaration.computed_totals()
    for key, title in _COLUMNS:
        values = [t.total if key == "total" else getattr(t, key) for t in tasks]
        shown_sum = sum((round_half_up(v, places) for v in values), Decimal(0))
        exact_total: Decimal = getattr(computed, key)
        shown_total = round_half_up(exact_total, places)
        if shown_sum != shown_total:
            yield ctx.finding(
                "A06", "tasks", "金额合计",
                f"金额合计的{title}列按 {places} 位小数显示时，各任务之和 {format_amount(shown_sum, places)} 与"
                f"合计 {format_amount(shown_total, places)} 相差（精确合计 {_exact(exact_total)} 万元）："
                f"建议把各任务金额调整为 {places} 位小数，使打印的数字能够相加。",
            )


def a07(ctx: CheckContext) -> Iterator[Finding]:
    for i, task in enumerate(ctx.declaration.tasks):
        if task.other > 0:
            yield ctx.finding(
                "A07", f"tasks[{i}].other", "其他资金",
                f"{ctx.task_label(i)}含其他资金 {_exact(task.other)} 万元：绩效目标和指标应覆盖全部资金，"
                "而不仅是财政拨款。",
            )
            return


CHECKS = {"A01": a01, "A02": a02, "A03": a03, "A06": a06, "A07": a07}
