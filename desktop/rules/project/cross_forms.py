"""C02/C03 between a project and the stored department form of its unit and year.

The caller looks the neighbours up in the store (docs/project-form.md §6) and passes them as
:class:`RelatedForms`; a file target has none. The same functions serve both directions: the
findings on a project and the findings on its department form.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.model import Declaration, Indicator
from desktop.domain.profile import Profile, load_profile
from desktop.domain.project import ProjectDeclaration, name_key
from desktop.domain.values import ValueKind, parse_value
from desktop.rules.context import CheckContext
from desktop.rules.findings import INFO, Finding
from desktop.rules.project.quantities import same_class
from desktop.rules.structure import name_key as indicator_key
from desktop.rules.textutil import TermNormaliser, shorten, visible


@dataclass(frozen=True)
class RelatedForms:
    """Stored neighbours of the checked declaration (working copies).

    For a project: its unit's department form of the same year and the *other* projects of the
    unit and year. For a department form: every project of the unit and year.
    """

    department: Declaration | None = None
    projects: Sequence[ProjectDeclaration] = ()

    def department_profile(self) -> Profile:
        assert self.department is not None
        return load_profile(self.department.profile_id)


@dataclass(frozen=True)
class TaskLink:
    index: int | None
    #: The explicit ``project.task`` names no task of the department form.
    broken: bool = False


def task_link(project: ProjectDeclaration, department: Declaration, profile: Profile) -> TaskLink:
    """The department task a project maps to: explicit link first, else by project name."""
    basic_name = profile.basic_expenditure.name
    basic = name_key(basic_name) if basic_name else None
    keys = [name_key(t.name) for t in department.tasks]

    def find(name: str) -> int | None:
        key = name_key(name)
        return next((i for i, k in enumerate(keys) if k == key and k != basic), None)

    if project.project.task.strip():
        index = find(project.project.task)
        return TaskLink(index, broken=index is None)
    return TaskLink(find(project.project.name))


def _amount(value: Decimal) -> str:
    return f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else str(value)


def _sums(projects: Sequence[ProjectDeclaration]) -> tuple[Decimal, Decimal]:
    return (
        sum((p.funds.fiscal for p in projects), Decimal(0)),
        sum((p.funds.other for p in projects), Decimal(0)),
    )


def _c02_text(task_name: str, fiscal: Decimal, other: Decimal, mapped: Sequence[ProjectDeclaration]) -> str:
    names = "、".join(f"“{shorten(p.project.name, 20)}”" for p in mapped)
    s_fiscal, s_other = _sums(mapped)
    return (
        f"部门整体支出表任务“{shorten(task_name, 20)}”财政拨款 {_amount(fiscal)} 万元、其他资金 {_amount(other)} 万元；"
        f"对应的项目（{names}）年度资金合计财政拨款 {_amount(s_fiscal)} 万元、其他资金 {_amount(s_other)} 万元，两者不一致："
        "请核对任务金额与项目资金。"
    )


@dataclass(frozen=True)
class TaskFunds:
    """A mapped task's amounts beside the 年度 sums of every stored project mapped to it (C02)."""

    task_name: str
    task_fiscal: Decimal
    task_other: Decimal
    #: The checked project first, then the other stored projects mapped to the task.
    mapped: tuple[ProjectDeclaration, ...]

    @property
    def sums(self) -> tuple[Decimal, Decimal]:
        """(财政拨款, 其他资金) summed over the mapped projects."""
        return _sums(self.mapped)

    @property
    def equal(self) -> bool:
        """No C02 warning: both sources agree exactly."""
        return self.sums == (self.task_fiscal, self.task_other)


def task_funds(
    project: ProjectDeclaration, related: RelatedForms, profile: Profile
) -> tuple[TaskLink, TaskFunds | None]:
    """The task ``project`` maps to in ``related.department`` and what C02 compares there.

    ``profile`` is the department form's. None (with an unmapped or broken link) when the
    project maps to no task; requires a department form.
    """
    department = related.department
    assert department is not None
    link = task_link(project, department, profile)
    if link.index is None:
        return link, None
    task = department.tasks[link.index]
    others = (p for p in related.projects if task_link(p, department, profile).index == link.index)
    return link, TaskFunds(task.name, task.fiscal, task.other, (project, *others))


def c02_for_project(
    ctx: CheckContext, project: ProjectDeclaration, related: RelatedForms, profile: Profile
) -> Iterator[Finding]:
    department = related.department
    if department is None:
        return
    link, funds = task_funds(project, related, profile)
    if link.broken:
        yield ctx.finding(
            "C02", "project.task", "所属任务",
            f"关联的任务“{shorten(project.project.task, 20)}”不存在于{department.year}年部门整体支出表中：请核对所属任务。",
            INFO,
        )
        return
    if funds is None:
        yield ctx.finding(
            "C02", "project.task", "所属任务",
            "未找到与本项目对应的部门整体支出表任务：请在基本信息中选择所属任务。", INFO,
        )
        return
    if not funds.equal:
        yield ctx.finding(
            "C02", "funds", "年度资金",
            _c02_text(funds.task_name, funds.task_fiscal, funds.task_other, funds.mapped),
        )


def c02_for_department(
    ctx: CheckContext, department: Declaration, projects: Sequence[ProjectDeclaration]
) -> Iterator[Finding]:
    for index, task in enumerate(department.tasks):
        mapped = [p for p in projects if task_link(p, department, ctx.profile).index == index]
        if not mapped:
            continue
        s_fiscal, s_other = _sums(mapped)
        if s_fiscal != task.fiscal or s_other != task.other:
            yield ctx.finding(
                "C02", f"tasks[{index}]", ctx.task_subject(index),
                _c02_text(task.name, task.fiscal, task.other, mapped),
            )


# -- C03 ---------------------------------------------------------------------------------
class _Relater:
    """Finds the department indicator related to a project indicator (same level-2)."""

    def __init__(self, department: Declaration, profile: Profile) -> None:
        self.department = department
        self.words = profile.grade_words()
        endings = [e for f in profile.name_unit_families if f.family == "count" for e in f.endings]
        self.endings = sorted(endings, key=len, reverse=True)
        stop = [*profile.generic_words, *profile.measure_words]
        self.normaliser = TermNormaliser(profile.synonyms, stop)

    def cut(self, name: str) -> str:
        text = visible(name)
        for ending in self.endings:
            if text.endswith(ending) and len(text) > len(ending):
                return text[: -len(ending)]
        return text

    def related(self, level2: str, name: str) -> Indicator | None:
        mine = self.cut(name)
        key, terms = indicator_key(mine), self.normaliser.terms(mine)
        best: tuple[int, Indicator] | None = None
        for category, indicator in self.department.iter_indicators():
            if category.level2 != level2:
                continue
            theirs = self.cut(indicator.name)
            if indicator_key(theirs) == key or indicator_key(indicator.name) == indicator_key(name):
                score = 10_000
            else:
                common = terms & self.normaliser.terms(theirs)
                score = max((len(t) for t in common), default=0)
                if score < 3:
                    continue
            if best is None or score > best[0]:
                best = (score, indicator)
        return None if best is None else best[1]


def core_rows(project: ProjectDeclaration, core_level2: Sequence[str]) -> list[tuple[int, str, Indicator]]:
    """(document index, level-2, indicator) of the project's 年度 rows in core categories."""
    found: list[tuple[int, str, Indicator]] = []
    index = 0
    for category in project.categories:
        if category.not_applicable:
            index += 1
            continue
        for indicator in category.indicators:
            if category.level2 in core_level2:
                found.append((index, category.level2, indicator))
            index += 1
    return found


def _exceeds(project_value: Indicator, department_value: Indicator, words: list[str]) -> bool:
    a = parse_value(project_value.value, project_value.unit, words)
    r = parse_value(department_value.value, department_value.unit, words)
    if a.kind is not ValueKind.QUANTITATIVE or r.kind is not ValueKind.QUANTITATIVE:
        return False
    if a.unit != r.unit or a.number is None or r.number is None:
        return False
    return same_class(a.operator, r.operator) and a.operator in ("≥", ">", "=", None) and r.number < a.number


def c03_for_project(
    ctx: CheckContext,
    project: ProjectDeclaration,
    related: RelatedForms,
    core_level2: Sequence[str],
) -> Iterator[Finding]:
    department = related.department
    if department is None:
        return
    relater = _Relater(department, related.department_profile())
    for index, level2, indicator in core_rows(project, core_level2):
        label = f"三级指标“{shorten(visible(indicator.name), 30)}”"
        subject = visible(indicator.name) or f"{level2}指标"
        match = relater.related(level2, indicator.name)
        if match is None:
            yield ctx.finding(
                "C03", f"indicators[{index}].name", subject,
                f"{label}是核心指标，但{department.year}年部门整体支出表的{level2}中没有相关指标："
                "请在部门整体支出表中体现（可汇总）。", INFO,
            )
        elif _exceeds(indicator, match, relater.words):
            yield ctx.finding(
                "C03", f"indicators[{index}].value", subject,
                f"{label}的指标值“{indicator.value}”高于部门整体支出表中相关指标“{shorten(match.name, 30)}”的"
                f"“{match.value}”：整体表的指标应涵盖项目的目标。",
            )


def c03_for_department(
    ctx: CheckContext,
    department: Declaration,
    projects: Sequence[ProjectDeclaration],
    core_of: Mapping[str, Sequence[str]],
) -> Iterator[Finding]:
    relater = _Relater(department, ctx.profile)
    missing: dict[int, list[str]] = {}
    for project in projects:
        link = task_link(project, department, ctx.profile)
        core = core_of.get(project.profile_id, ())
        for _, level2, indicator in core_rows(project, core):
            match = relater.related(level2, indicator.name)
            if match is None and link.index is not None:
                missing.setdefault(link.index, []).append(visible(indicator.name))
            elif match is not None and _exceeds(indicator, match, relater.words):
                where = _department_where(ctx, match)
                yield ctx.finding(
                    "C03", where, visible(match.name),
                    f"三级指标“{shorten(match.name, 30)}”的指标值“{match.value}”低于项目“{shorten(project.project.name, 20)}”"
                    f"中相关指标“{shorten(indicator.name, 30)}”的“{indicator.value}”：整体表的指标应涵盖项目的目标。",
                )
    for index, names in sorted(missing.items()):
        listed = "、".join(f"“{n}”" for n in names)
        yield ctx.finding(
            "C03", f"tasks[{index}]", ctx.task_subject(index),
            f"{ctx.task_label(index)}对应项目的核心指标{listed}在本表中没有相关指标：请考虑在本表中体现（可汇总）。",
            INFO,
        )


def _department_where(ctx: CheckContext, indicator: Indicator) -> str:
    for row in ctx.rows:
        if row.indicator is indicator:
            return row.where("value")
    return "indicators"
