"""What 文件 → 新建 offers first, and the empty project it makes (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.domain.project import ProjectDeclaration
from desktop.services.new_forms import (
    NewChoice,
    NewDefaults,
    declaration_for,
    new_defaults,
    profile_options,
)
from desktop.services.store import DeclarationSummary

_WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def _row(ident: int, unit: str, project: str | None = None) -> DeclarationSummary:
    form = FORM_PROJECT if project is not None else FORM_DEPARTMENT
    return DeclarationSummary(ident, 2026, unit, form, "x", 0, None, _WHEN, project)


def _offer(
    *,
    open_unit: str = "",
    last_unit: str = "",
    rows: tuple[DeclarationSummary, ...] = (),
    kind: str = FORM_DEPARTMENT,
    default_profile: str = "SZ-DEPT-2026",
    last_project_profile: str = "",
) -> NewDefaults:
    return new_defaults(
        kind=kind,
        default_profile=default_profile,
        last_project_profile=last_project_profile,
        year=2027,
        open_unit=open_unit,
        last_unit=last_unit,
        summaries=rows,
    )


def test_the_unit_offered_is_the_open_one_then_the_last_used_then_the_newest_department_form() -> None:
    rows = (_row(3, "项目单位", "某项目"), _row(2, "较新单位"), _row(1, "较旧单位"))
    assert _offer(open_unit=" 打开的单位 ", last_unit="上次", rows=rows).unit_name == "打开的单位"
    assert _offer(last_unit="上次", rows=rows).unit_name == "上次"
    assert _offer(rows=rows).unit_name == "较新单位"  # a project's unit is not a department's
    assert _offer().unit_name == ""
    assert _offer(rows=rows).known_units == ("项目单位", "较新单位", "较旧单位")


def test_unknown_remembered_profiles_and_kinds_fall_back_to_the_defaults() -> None:
    offered = _offer(kind="other", default_profile="GONE", last_project_profile="GONE")
    assert (offered.kind, offered.department_profile, offered.project_profile) == (
        FORM_DEPARTMENT, "SZ-DEPT-2026", "SZ-PROJECT-2026",
    )  # fmt: skip


def test_every_project_layout_is_offered_and_only_the_inferred_one_is_marked() -> None:
    options = {o.id: o for o in profile_options(FORM_PROJECT)}
    assert set(options) == {"ANNUAL-PROJECT-2026", "MOF-PROJECT-2021", "SZ-PROJECT-2026"}
    assert [i for i, o in options.items() if o.inferred] == ["SZ-PROJECT-2026"]
    assert options["SZ-PROJECT-2026"].hint().startswith("推断版式，待确认：")
    assert options["MOF-PROJECT-2021"].hint() == ""
    assert {o.id for o in profile_options(FORM_DEPARTMENT)} == {"MOF-2021", "SZ-DEPT-2026"}


def test_a_new_project_is_its_profiles_empty_tree_with_name_and_unit_trimmed() -> None:
    made = declaration_for(NewChoice(FORM_PROJECT, "MOF-PROJECT-2021", 2027, " 档案项目 ", " 某单位 "))
    assert isinstance(made, ProjectDeclaration)
    assert (made.project.name, made.unit_name, made.year) == ("档案项目", "某单位", 2027)
    assert made.mid_term is None and not made.mid_in_use()
    assert made.categories[0].level1 == "成本指标"  # the MOF-2021 tree, 成本指标 first
    assert all(not c.indicators and not c.not_applicable for c in made.categories)
    assert made.project.period_start is None and made.project.attribute == ""
