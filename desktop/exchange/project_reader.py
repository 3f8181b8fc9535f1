"""Reading ``"form": "project"`` documents (docs/project-form.md §3).

The department reader (``desktop/exchange/reader.py``) hands a project document here after the
format/version/form checks. Goals and indicator trees of both horizons go through the same
methods as a department form's, so S08/S10, goal links, ``目标N：`` stripping and T01 hold in
``mid_term`` exactly as in ``indicators``. Every refusal names the JSON path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.domain.model import Category
from desktop.domain.profile import UnknownProfileError, available_profile_ids
from desktop.domain.project import Funds, Horizon, ProjectDeclaration, ProjectInfo
from desktop.domain.project_profile import (
    DEFAULT_PROJECT_PROFILE_ID,
    ProjectProfile,
    load_project_profile,
)
from desktop.exchange.errors import ExchangeError
from desktop.exchange.fields import (
    as_amount,
    as_list,
    as_object,
    as_str,
    join,
    optional_amount,
    optional_str,
    require,
    required_amount,
    required_str,
)

if TYPE_CHECKING:
    from desktop.exchange.reader import _Reader


def read_project(reader: _Reader, root: Mapping[str, Any]) -> tuple[ProjectDeclaration, list[str]]:
    """Validate a project document whose ``format``, ``version`` and ``form`` were checked.

    Returns the declaration and the T01 paths of both trees; the calling reader keeps the
    warnings and goal-number notes it gathered on the way.
    """
    profile = _profile(root)
    year = reader.year(root)
    _refuse_department_keys(root)
    declaration = ProjectDeclaration(
        profile_id=profile.id,
        year=year,
        categories=profile.profile.empty_categories(),
        unit_name=required_str(root, "unit_name", ""),
        supervisor=required_str(root, "supervisor", ""),
        project=_project(require(root, "project", ""), profile),
        funds=_funds(require(root, "funds", ""), "funds", profile),
    )
    declaration.goals = reader._goals(require(root, "goals", ""))
    reader._indicators(require(root, "indicators", ""), declaration)
    normalised = reader._grouped_normalised_paths(declaration)
    if "mid_term" in root and root["mid_term"] is not None:
        if not profile.has_mid:
            raise ExchangeError("mid_term", f"版式 {profile.id} 只有年度目标，不能含有中期（mid_term）内容")
        declaration.mid_term = _mid_term(reader, root["mid_term"], declaration, profile)
        view = declaration.horizon_view("mid")
        normalised += reader._grouped_normalised_paths(view, "mid_term.indicators")
    if "footer" in root and root["footer"] is not None:
        declaration.footer = reader._footer(root["footer"])
        declaration.project_head = optional_str(as_object(root["footer"], "footer"), "project_head", "footer")
    declaration.budget_control_total = optional_amount(root, "budget_control_total", "")
    if "accepted_findings" in root and root["accepted_findings"] is not None:
        declaration.accepted_findings = reader._accepted(root["accepted_findings"])
    return declaration, normalised


def _profile(root: Mapping[str, Any]) -> ProjectProfile:
    profile_id = DEFAULT_PROJECT_PROFILE_ID
    if "profile" in root and root["profile"] is not None:
        profile_id = as_str(root["profile"], "profile")
    if profile_id in available_profile_ids():
        raise ExchangeError(
            "profile", f"指标体系 {profile_id} 用于部门（单位）整体支出表，不能用于项目支出表"
        )
    try:
        return load_project_profile(profile_id)
    except UnknownProfileError as exc:
        raise ExchangeError("profile", f'未知的项目支出表版式 "{profile_id}"') from exc


def _refuse_department_keys(root: Mapping[str, Any]) -> None:
    if "tasks" in root and root["tasks"] is not None and as_list(root["tasks"], "tasks"):
        raise ExchangeError("tasks", "项目支出表没有年度主要任务：tasks 应省略或为空数组")
    if "totals" in root:
        raise ExchangeError("totals", "项目支出表没有金额合计：请删除 totals")


def _year_or_none(obj: Mapping[str, Any], key: str, path: str) -> int | None:
    value = require(obj, key, path)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ExchangeError(join(path, key), f"项目期年度应为 4 位整数或 null，实际是 {value!r}")
    return value


def _project(value: Any, profile: ProjectProfile) -> ProjectInfo:
    obj = as_object(value, "project")
    info = ProjectInfo(
        name=required_str(obj, "name", "project"),
        code=optional_str(obj, "code", "project"),
        supervisor_code=optional_str(obj, "supervisor_code", "project"),
        attribute=required_str(obj, "attribute", "project"),
        category=optional_str(obj, "category", "project"),
        period_start=_year_or_none(obj, "period_start", "project"),
        period_end=_year_or_none(obj, "period_end", "project"),
        task=optional_str(obj, "task", "project"),
    )
    if "texts" in obj and obj["texts"] is not None:
        texts = as_object(obj["texts"], "project.texts")
        for block_id, text in texts.items():
            path = join("project.texts", block_id)
            if profile.text_block(block_id) is None:
                known = "、".join(b.id for b in profile.text_blocks) or "无"
                raise ExchangeError(path, f"版式 {profile.id} 没有文字栏“{block_id}”（可用：{known}）")
            info.texts[block_id] = as_str(text, path)
    return info


def _funds(value: Any, path: str, profile: ProjectProfile) -> Funds:
    obj = as_object(value, path)
    funds = Funds(
        fiscal=required_amount(obj, "fiscal", path),
        other=required_amount(obj, "other", path),
        declared_total=optional_amount(obj, "total", path),
    )
    if "details" in obj and obj["details"] is not None:
        details_path = join(path, "details")
        for detail_id, amount in as_object(obj["details"], details_path).items():
            if profile.fund_detail(detail_id) is None:
                known = "、".join(d.id for d in profile.fund_details) or "无"
                raise ExchangeError(
                    join(details_path, detail_id),
                    f"版式 {profile.id} 没有资金来源明细“{detail_id}”（可用：{known}）",
                )
            funds.details[detail_id] = as_amount(amount, join(details_path, detail_id))
    return funds


def _mid_term(
    reader: _Reader, value: Any, declaration: ProjectDeclaration, profile: ProjectProfile
) -> Horizon:
    obj = as_object(value, "mid_term")
    categories: list[Category] = profile.profile.empty_categories()
    horizon = Horizon(
        funds=_funds(require(obj, "funds", "mid_term"), "mid_term.funds", profile),
        goals=reader._goals(require(obj, "goals", "mid_term"), "mid_term.goals"),
        categories=categories,
    )
    declaration.mid_term = horizon
    view = declaration.horizon_view("mid")
    reader._indicators(require(obj, "indicators", "mid_term"), view, "mid_term.indicators")
    return horizon


__all__ = ["read_project"]
