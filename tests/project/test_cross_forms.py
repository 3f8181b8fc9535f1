"""C02/C03 between a project and its unit's department form (docs/project-form.md §6)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.rules.engine import Finding, check_declaration
from desktop.rules.project.cross_forms import RelatedForms
from tests.project.helpers import doc, read

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed-futian-2026.json"
FIVE = [
    "形成宣传视频成果数量",
    "开展招商推介活动次数",
    "老旧小区改造项目法律专项服务项数",
    "群众工作年度分析报告份数",
    "老旧小区改造路径研究综合报告份数",
]


def seed() -> Declaration:
    return read_json_file(SEED).declaration


def cross(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.rule in ("C02", "C03")]


def test_seed_and_zdpq_give_the_c03_infos_of_the_spec_and_no_c02() -> None:
    project = read(doc())
    on_project = cross(check_declaration(project, related=RelatedForms(department=seed())))
    assert [(f.rule, f.severity, f.subject) for f in on_project] == [("C03", "info", n) for n in FIVE]
    on_seed = cross(check_declaration(seed(), related=RelatedForms(projects=[project])))
    assert [(f.rule, f.severity, f.where) for f in on_seed] == [("C03", "info", "tasks[2]")]
    assert all(f"“{n}”" in on_seed[0].message for n in FIVE)


def test_changing_the_task_amount_raises_c02_on_both_and_changing_back_clears_it() -> None:
    project, department = read(doc()), seed()
    department.tasks[2].fiscal = Decimal("1300.00")
    on_project = [f for f in check_declaration(project, related=RelatedForms(department)) if f.rule == "C02"]
    on_seed = [f for f in check_declaration(department, related=RelatedForms(projects=[project])) if f.rule == "C02"]
    assert [(f.severity, f.where) for f in on_project] == [("warning", "funds")]
    assert [(f.severity, f.where) for f in on_seed] == [("warning", "tasks[2]")]
    assert "1300.00" in on_project[0].message and "1279.04" in on_project[0].message
    department.tasks[2].fiscal = Decimal("1279.04")
    assert not [f for f in check_declaration(project, related=RelatedForms(department)) if f.rule == "C02"]


def test_several_projects_mapped_to_one_task_are_summed() -> None:
    first, department = read(doc()), seed()
    second = read(doc())
    second.project.name = "重点片区建设二期"
    second.funds.fiscal = Decimal("100")
    found = check_declaration(first, related=RelatedForms(department, projects=[second]))
    c02 = [f for f in found if f.rule == "C02"]
    assert len(c02) == 1 and "1379.04" in c02[0].message and "重点片区建设二期" in c02[0].message
    department.tasks[2].fiscal = Decimal("1379.04")
    assert not [f for f in check_declaration(first, related=RelatedForms(department, [second])) if f.rule == "C02"]


def test_broken_explicit_link_and_unmapped_project_are_infos() -> None:
    project = read(doc())
    project.project.task = "不存在的任务"
    found = [f for f in check_declaration(project, related=RelatedForms(seed())) if f.rule == "C02"]
    assert [(f.severity, f.where) for f in found] == [("info", "project.task")]
    assert "关联的任务“不存在的任务”不存在" in found[0].message
    project.project.task = ""
    project.project.name = "另一个项目"
    found = [f for f in check_declaration(project, related=RelatedForms(seed())) if f.rule == "C02"]
    assert [(f.severity, f.where) for f in found] == [("info", "project.task")]


def test_match_by_project_name_when_no_explicit_link_and_never_to_basic_expenditure() -> None:
    project = read(doc())
    project.project.task = ""  # the name equals the task name (brackets may differ)
    project.project.name = "重点片区建设(其他项目)"
    assert not [f for f in check_declaration(project, related=RelatedForms(seed())) if f.rule == "C02"]
    project.project.name = "基本支出"
    found = [f for f in check_declaration(project, related=RelatedForms(seed())) if f.rule == "C02"]
    assert [f.severity for f in found] == ["info"]


def test_c03_warns_when_the_department_value_is_lower() -> None:
    project, department = read(doc()), seed()
    row = next(i for c in project.categories for i in c.indicators if i.name == "开展施工项目现场巡查次数")
    row.value = "≥6次"
    found = [f for f in check_declaration(project, related=RelatedForms(department)) if f.rule == "C03"]
    assert [(f.severity, f.subject) for f in found if f.severity == "warning"] == [
        ("warning", "开展施工项目现场巡查次数")
    ]
    on_seed = [f for f in check_declaration(department, related=RelatedForms(projects=[project])) if f.rule == "C03"]
    warning = [f for f in on_seed if f.severity == "warning"]
    assert len(warning) == 1 and warning[0].where.startswith("indicators[") and "≥6次" in warning[0].message


def test_no_cross_checks_without_neighbours() -> None:
    project: ProjectDeclaration = read(doc())
    assert not cross(check_declaration(project))
    assert not cross(check_declaration(seed(), related=RelatedForms()))
