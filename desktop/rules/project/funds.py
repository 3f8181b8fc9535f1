"""Amount rules of a project: P02, P05, P07 and the department A03/A06/A07 per horizon."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from desktop.domain.money import format_amount, round_half_up
from desktop.domain.project import Funds, ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.rules.context import CheckContext
from desktop.rules.findings import WARNING, Finding

_PARTS = (("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"))


def _exact(value: Decimal) -> str:
    text = format_amount(value, 6).rstrip("0")
    return text + "0" * (2 - len(text.partition(".")[2]))


def horizons(decl: ProjectDeclaration) -> list[tuple[str, str, Funds]]:
    """(path, label, funds) of each horizon in use: 年度 always, 中期 when in use."""
    found = [("funds", "年度资金", decl.funds)]
    if decl.mid_term is not None and decl.mid_in_use():
        found.append(("mid_term.funds", "中期资金", decl.mid_term.funds))
    return found


def _amount(funds: Funds, key: str) -> Decimal:
    value: Decimal = funds.total if key == "total" else getattr(funds, key)
    return value


def p02(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    if decl.mid_term is None or not decl.mid_in_use():
        return
    info, mid = decl.project, decl.mid_term.funds
    one_year = info.period_start is not None and info.period_start == info.period_end
    for key, title in _PARTS:
        annual, whole = _amount(decl.funds, key), _amount(mid, key)
        where = "funds" if key == "total" else f"funds.{key}"
        subject = f"年度资金/{title}"
        if annual > whole:
            yield ctx.finding(
                "P02", where, subject,
                f"年度资金的{title} {_exact(annual)} 万元超过中期资金的{title} {_exact(whole)} 万元："
                "中期资金是整个项目期的资金，应不少于年度资金。",
            )
        elif one_year and annual != whole:
            yield ctx.finding(
                "P02", where, subject,
                f"一年期项目的中期资金应与年度资金相同：{title}分别为 {_exact(whole)} 万元和 {_exact(annual)} 万元。",
                WARNING,
            )


def p05(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    for path, label, funds in horizons(decl):
        declared = funds.declared_total
        if declared is not None and declared != funds.total:
            yield ctx.finding(
                "P05", f"{path}.total", label,
                f"{label}总额 {_exact(declared)} 万元与财政拨款 + 其他资金 {_exact(funds.total)} 万元不一致："
                "请核对金额（总额按财政拨款与其他资金之和计算）。",
            )


def p07(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> Iterator[Finding]:
    for path, label, funds in horizons(decl):
        for parent, title in (("fiscal", "财政拨款"), ("other", "其他资金")):
            ids = [d.id for d in profile.fund_details if d.parent == parent and d.id in funds.details]
            if not ids:
                continue
            summed = sum((funds.details[i] for i in ids), Decimal(0))
            if summed != getattr(funds, parent):
                yield ctx.finding(
                    "P07", f"{path}.details", f"{label}/{title}",
                    f"{label}的资金来源明细之和 {_exact(summed)} 万元与{title} "
                    f"{_exact(getattr(funds, parent))} 万元不符：请核对明细。",
                )


def a03(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    control = decl.budget_control_total
    if control is not None and control != decl.funds.total:
        yield ctx.finding(
            "A03", "budget_control_total", "年度资金",
            f"年度资金总额 {_exact(decl.funds.total)} 万元与预算控制数 {_exact(control)} 万元不一致："
            "请按批复的预算调整项目资金。",
        )


def a06(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    places = ctx.profile.amount_decimals
    for path, label, funds in horizons(decl):
        shown = round_half_up(funds.fiscal, places) + round_half_up(funds.other, places)
        total = round_half_up(funds.total, places)
        if shown != total:
            yield ctx.finding(
                "A06", path, label,
                f"{label}按 {places} 位小数显示时，财政拨款与其他资金之和 {format_amount(shown, places)} 与"
                f"总额 {format_amount(total, places)} 相差（精确总额 {_exact(funds.total)} 万元）："
                f"建议把金额调整为 {places} 位小数。",
            )


def a07(ctx: CheckContext, decl: ProjectDeclaration) -> Iterator[Finding]:
    for path, label, funds in horizons(decl):
        if funds.other > 0:
            subject = "其他资金" if path == "funds" else "中期/其他资金"
            yield ctx.finding(
                "A07", f"{path}.other", subject,
                f"{label}含其他资金 {_exact(funds.other)} 万元：绩效目标和指标应覆盖全部资金，"
                "而不仅是财政拨款。",
            )
