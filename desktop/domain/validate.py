"""The one gate: the invariants every stored declaration keeps (docs/exchange-format.md "Errors").

A declaration that passes :func:`problems` writes an exchange document that the reader reads
back equal in content; so it is checked before anything is written (autosave, revision, import,
restore) and by the reader itself after it has built a declaration. Paths are those of the
declaration's export (0-based, indicators in grouped order), like the review rules' ``where``.
The editor's fields call the same checks per value (:func:`year_problem`, :func:`date_problem`,
:func:`indicator_row_problem`) so a bad value is refused where it is typed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.dates import DateTextError, parse_date_text
from desktop.domain.goals import GOAL_PREFIX
from desktop.domain.model import NOT_APPLICABLE, Category, Declaration
from desktop.domain.money import MAX_DECIMALS, MAX_INTEGER_DIGITS
from desktop.domain.profile import FORM_KINDS, Profile, UnknownProfileError, load_profile
from desktop.domain.project import ProjectDeclaration

MIN_YEAR = 1000
MAX_YEAR = 9999
#: Longest text a spreadsheet cell holds (Excel and LibreOffice): longer texts are refused.
MAX_CELL_TEXT = 32_767


@dataclass(frozen=True)
class Problem:
    """One broken invariant: where (export path) and what (Chinese)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}：{self.message}" if self.path else self.message


def year_problem(year: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"年度应为 {MIN_YEAR} 至 {MAX_YEAR} 之间的 4 位数字，实际是 {year}"
    return None


def date_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as 填报日期 (it must already be normalised), or None."""
    try:
        normalised = parse_date_text(text)
    except DateTextError as exc:
        return str(exc)
    if normalised != text:
        return f"填报日期“{text}”应写成 {normalised}"
    return None


def _is_valid_amount(value: Decimal) -> bool:
    """Storable and writable: finite, non-negative, within 8 integer and 6 decimal digits."""
    if not value.is_finite() or value < 0:
        return False
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_DECIMALS and value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
        return False
    return value < Decimal(10) ** MAX_INTEGER_DIGITS


def amount_problem(value: Decimal) -> str | None:
    if not _is_valid_amount(value):
        return (
            f"金额 {value} 无效：应为非负数，整数部分最多 {MAX_INTEGER_DIGITS} 位，"
            f"最多 {MAX_DECIMALS} 位小数（单位：万元）"
        )
    return None


def level2_problem(level1: str, level2: str) -> str:
    return f"二级指标“{level2}”不属于一级指标“{level1}”（S08）"


def link_problem(number: int, goal_count: int, earlier: Collection[int]) -> str | None:
    """Why goal link ``number`` is invalid after the links ``earlier`` of the same row."""
    if not 1 <= number <= goal_count:
        return f"对应目标 {number} 不存在（共 {goal_count} 个目标）"
    if number in earlier:
        return f"对应目标 {number} 重复"
    return None


def _is_not_applicable_row(name: str, value: str) -> bool:
    return name.strip() == NOT_APPLICABLE and value.strip() == NOT_APPLICABLE


def indicator_row_problem(category: Category, row: int, name: str, value: str) -> str | None:
    """S10 for row ``row`` of ``category`` if it had 三级指标 ``name`` and 指标值 ``value``.

    A row reading 不适用 in both is how a file marks the whole category not applicable, so it
    would come back as one: beside other rows it is refused (S10), alone it must be marked with
    the 不适用 command so its explanation is not silently dropped.
    """
    if not _is_not_applicable_row(name, value):
        return None
    others = len(category.indicators) - (1 if 0 <= row < len(category.indicators) else 0)
    if others > 0:
        return (
            f"三级指标和指标值都填“{NOT_APPLICABLE}”表示“{category.level2}”整类不适用，"
            f"但该类别还有其他指标；请填写具体的指标，或删除其他指标后把类别标为不适用（S10）"
        )
    return (
        f"三级指标和指标值都填“{NOT_APPLICABLE}”会被读作“{category.level2}”整类不适用；"
        f"请使用“标记为不适用”（S10）"
    )


def problems(declaration: Declaration) -> list[Problem]:
    """Every broken invariant of ``declaration``; empty when it may be stored."""
    found: list[Problem] = []
    if declaration.form not in FORM_KINDS:
        found.append(Problem("form", f"不支持的申报表类型“{declaration.form}”"))
    try:
        profile: Profile | None = load_profile(declaration.profile_id)
    except UnknownProfileError:
        profile = None
        found.append(Problem("profile", f"未知的指标体系“{declaration.profile_id}”"))
    if (message := year_problem(declaration.year)) is not None:
        found.append(Problem("year", message))
    for index, task in enumerate(declaration.tasks):
        for key, amount in (("fiscal", task.fiscal), ("other", task.other), ("total", task.declared_total)):
            if amount is not None and (message := amount_problem(amount)) is not None:
                found.append(Problem(f"tasks[{index}].{key}", message))
    if declaration.declared_totals is not None:
        totals = declaration.declared_totals
        for key, amount in (("total", totals.total), ("fiscal", totals.fiscal), ("other", totals.other)):
            if amount is not None and (message := amount_problem(amount)) is not None:
                found.append(Problem(f"totals.{key}", message))
    if declaration.budget_control_total is not None:
        message = amount_problem(declaration.budget_control_total)
        if message is not None:
            found.append(Problem("budget_control_total", message))
    for index, goal in enumerate(declaration.goals):
        if GOAL_PREFIX.match(goal):
            found.append(
                Problem(
                    f"goals[{index}]",
                    "目标文字不应以“目标N：”开头（编号按位置自动生成，读取时会被去掉），请删去",
                )
            )
    found.extend(_indicator_problems(declaration, profile))
    if (message := date_problem(declaration.footer.date)) is not None:
        found.append(Problem("footer.date", message))
    if isinstance(declaration, ProjectDeclaration):
        found.extend(_project_problems(declaration, profile))
    return found


def _project_problems(decl: ProjectDeclaration, profile: Profile | None) -> list[Problem]:
    """A project's own invariants (docs/project-form.md §3): period years, every amount, and
    the 中期 goals and tree under ``mid_term`` like the 年度 ones."""
    found: list[Problem] = []
    for key, year in (("period_start", decl.project.period_start), ("period_end", decl.project.period_end)):
        if year is not None and (message := year_problem(year)) is not None:
            found.append(Problem(f"project.{key}", message))
    mid = decl.mid_term if decl.mid_term is not None and decl.mid_in_use() else None
    horizons = [("funds", decl.funds)] + ([("mid_term.funds", mid.funds)] if mid is not None else [])
    for path, funds in horizons:
        amounts = [("fiscal", funds.fiscal), ("other", funds.other), ("total", funds.declared_total)]
        amounts += [(f"details.{k}", v) for k, v in funds.details.items()]
        for key, amount in amounts:
            if amount is not None and (message := amount_problem(amount)) is not None:
                found.append(Problem(f"{path}.{key}", message))
    if mid is not None:
        view = decl.horizon_view("mid")
        for index, goal in enumerate(view.goals):
            if GOAL_PREFIX.match(goal):
                found.append(Problem(f"mid_term.goals[{index}]", "目标文字不应以“目标N：”开头，请删去"))
        found.extend(
            Problem(f"mid_term.{p.path}", p.message) for p in _indicator_problems(view, profile)
        )
    return found


def _indicator_problems(declaration: Declaration, profile: Profile | None) -> list[Problem]:
    found: list[Problem] = []
    goal_count = len(declaration.goals)
    row = 0
    for category in declaration.categories:
        path = f"indicators[{row}]"
        if profile is not None and profile.level2(category.level1, category.level2) is None:
            found.append(Problem(f"{path}.level2", level2_problem(category.level1, category.level2)))
        if category.not_applicable:
            if category.indicators:
                found.append(
                    Problem(path, f"“{category.level2}”标为不适用，但该类别中还有指标（S10）")
                )
            row += 1
            continue
        for position, indicator in enumerate(category.indicators):
            path = f"indicators[{row}]"
            message = indicator_row_problem(category, position, indicator.name, indicator.value)
            if message is not None:
                found.append(Problem(f"{path}.value", message))
            for link_index, number in enumerate(indicator.goals):
                problem = link_problem(number, goal_count, indicator.goals[:link_index])
                if problem is not None:
                    found.append(Problem(f"{path}.goals[{link_index}]", problem))
            row += 1
    return found

