"""Reader of the JSON exchange format v1 (docs/exchange-format.md).

The whole file is validated before anything is returned: a refused file raises
:class:`ExchangeError` naming the JSON path, so nothing half-read ever reaches the database.
T01 is applied to 指标值/度量单位 and ``目标N：`` prefixes are stripped; both are reported in the
:class:`ReadResult` so the review rules can mention them for a file check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.goals import GOAL_PREFIX
from desktop.domain.model import (
    FORM_DEPARTMENT,
    FORM_PROJECT,
    NOT_APPLICABLE,
    AcceptedFinding,
    Category,
    Declaration,
    Footer,
    Indicator,
    Task,
    Totals,
)
from desktop.domain.money import format_amount
from desktop.domain.profile import DEFAULT_PROFILE_ID, UnknownProfileError, load_profile
from desktop.domain.textclean import NOTICE as INVISIBLE_NOTICE
from desktop.domain.textclean import clean_declaration_texts
from desktop.domain.validate import date_problem, level2_problem, link_problem, problems
from desktop.domain.values import normalise_value_text
from desktop.exchange.errors import ExchangeError
from desktop.exchange.fields import (
    as_bool,
    as_int,
    as_list,
    as_object,
    as_str,
    join,
    optional_amount,
    optional_str,
    require,
    required_amount,
    required_int,
    required_str,
)
from desktop.exchange.jsontext import MAX_BYTES, decode_json
from desktop.oserrors import describe_os_error

FORMAT_ID = "perfdecl.declaration"
FORMAT_VERSION = 1


@dataclass
class ReadResult:
    """A declaration read from a file, with what the reader noticed on the way."""

    declaration: Declaration
    warnings: list[str] = field(default_factory=list)
    #: JSON paths of 指标值/度量单位 texts that needed the T01 normalisation.
    normalised_paths: list[str] = field(default_factory=list)
    #: (goal index, number written in its ``目标N：`` prefix) where N differed from the position.
    goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)
    #: The same for a project's 中期 goals (``mid_term.goals``).
    mid_goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)


def read_json_file(path: str | Path) -> ReadResult:
    """Read and validate an exchange file; raises :class:`ExchangeError`."""
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if size > MAX_BYTES:
            raise ExchangeError("", f"文件超过 {MAX_BYTES // (1024 * 1024)} MB，不能导入")
        data = file_path.read_bytes()
    except OSError as exc:
        raise ExchangeError("", f"无法读取文件：{describe_os_error(exc, writing=False)}") from exc
    return read_json_bytes(data)


def read_json_bytes(data: bytes) -> ReadResult:
    return declaration_from_dict(decode_json(data))


def declaration_from_dict(obj: Any) -> ReadResult:
    """Validate a decoded exchange document and build the :class:`Declaration`."""
    return _Reader().read(obj)


class _Reader:
    def __init__(self) -> None:
        self.result_warnings: list[str] = []
        self.normalised: list[str] = []
        self._normalised_fields: list[tuple[Indicator, str]] = []
        self.mismatches: list[tuple[int, int]] = []
        self.mid_mismatches: list[tuple[int, int]] = []

    def read(self, obj: Any) -> ReadResult:
        root = as_object(obj, "")
        fmt = required_str(root, "format", "")
        if fmt != FORMAT_ID:
            raise ExchangeError("format", f'不是申报表文件（format 应为 "{FORMAT_ID}"）')
        version = required_int(root, "version", "")
        if version > FORMAT_VERSION:
            raise ExchangeError(
                "version", f"文件版本 {version} 高于本程序支持的版本 {FORMAT_VERSION}，请升级程序"
            )
        if version < FORMAT_VERSION:
            raise ExchangeError("version", f"不支持的文件版本 {version}")
        form = required_str(root, "form", "")
        if form == FORM_PROJECT:
            from desktop.exchange.project_reader import read_project

            project, normalised = read_project(self, root)
            return ReadResult(
                project, self.result_warnings, normalised, self.mismatches, self.mid_mismatches
            )
        if form != FORM_DEPARTMENT:
            raise ExchangeError("form", f'未知的申报表类型 "{form}"')
        for key in ("project", "funds", "mid_term"):
            if key in root:
                raise ExchangeError(key, "部门（单位）整体支出表不能含有项目支出表的内容")
        profile_id = DEFAULT_PROFILE_ID
        if "profile" in root and root["profile"] is not None:
            profile_id = as_str(root["profile"], "profile")
        try:
            profile = load_profile(profile_id)
        except UnknownProfileError as exc:
            raise ExchangeError("profile", f'未知的指标体系 "{profile_id}"') from exc
        if profile.form != form:
            raise ExchangeError("profile", f"指标体系 {profile_id} 用于项目支出表，不能用于部门（单位）整体支出表")
        year = self.year(root)
        declaration = Declaration(
            profile_id=profile.id,
            year=year,
            categories=profile.empty_categories(),
            form=form,
            unit_name=required_str(root, "unit_name", ""),
            supervisor=required_str(root, "supervisor", ""),
        )
        declaration.tasks = self._tasks(require(root, "tasks", ""))
        if "totals" in root and root["totals"] is not None:
            declaration.declared_totals = self._totals(root["totals"])
        declaration.goals = self._goals(require(root, "goals", ""))
        self._indicators(require(root, "indicators", ""), declaration)
        if "footer" in root and root["footer"] is not None:
            declaration.footer = self._footer(root["footer"])
        declaration.budget_control_total = optional_amount(root, "budget_control_total", "")
        if "accepted_findings" in root and root["accepted_findings"] is not None:
            declaration.accepted_findings = self._accepted(root["accepted_findings"])
        self._declared_total_warnings(declaration)
        self.normalised = self._grouped_normalised_paths(declaration)
        if clean_declaration_texts(declaration):
            self.result_warnings.append(INVISIBLE_NOTICE)
        # The one gate (desktop/domain/validate.py): whatever the checks above let through
        # must still be storable, or a revision frozen from it could not be read back.
        found = problems(declaration)
        if found:
            raise ExchangeError(found[0].path, found[0].message)
        return ReadResult(declaration, self.result_warnings, self.normalised, self.mismatches)

    # -- parts ----------------------------------------------------------------------------
    @staticmethod
    def year(root: Mapping[str, Any]) -> int:
        year = required_int(root, "year", "")
        if not 1000 <= year <= 9999:
            raise ExchangeError("year", f"年度应为 4 位数字，实际是 {year}")
        return year

    def _tasks(self, value: Any) -> list[Task]:
        tasks = []
        for index, item in enumerate(as_list(value, "tasks")):
            path = join("tasks", index)
            obj = as_object(item, path)
            tasks.append(
                Task(
                    name=required_str(obj, "name", path),
                    content=required_str(obj, "content", path),
                    fiscal=required_amount(obj, "fiscal", path),
                    other=required_amount(obj, "other", path),
                    declared_total=optional_amount(obj, "total", path),
                )
            )
        return tasks

    def _totals(self, value: Any) -> Totals | None:
        obj = as_object(value, "totals")
        totals = Totals(
            total=optional_amount(obj, "total", "totals"),
            fiscal=optional_amount(obj, "fiscal", "totals"),
            other=optional_amount(obj, "other", "totals"),
        )
        return None if totals.is_empty() else totals

    def _goals(self, value: Any, path: str = "goals") -> list[str]:
        goals = []
        for index, item in enumerate(as_list(value, path)):
            text = as_str(item, join(path, index))
            match = GOAL_PREFIX.match(text)
            if match:
                stated = int(match.group(1))
                text = text[match.end() :]
                if stated != index + 1:
                    found = self.mismatches if path == "goals" else self.mid_mismatches
                    found.append((index, stated))  # for S06 of a file check
                    self.result_warnings.append(
                        f"{join(path, index)}：编号“目标{stated}”与其位置（目标{index + 1}）不一致，"
                        f"已按位置编号（S06）"
                    )
            goals.append(text)
        return goals

    def _indicators(self, value: Any, declaration: Declaration, where: str = "indicators") -> None:
        goal_count = len(declaration.goals)
        profile = load_profile(declaration.profile_id)
        na_paths: dict[tuple[str, str], str] = {}
        real_paths: dict[tuple[str, str], str] = {}
        for index, item in enumerate(as_list(value, where)):
            path = join(where, index)
            obj = as_object(item, path)
            level1 = required_str(obj, "level1", path)
            level2 = required_str(obj, "level2", path)
            if not profile.has_level1(level1):
                raise ExchangeError(
                    join(path, "level1"),
                    f"一级指标“{level1}”不属于指标体系 {profile.id}（S08）",
                )
            if profile.level2(level1, level2) is None:
                raise ExchangeError(join(path, "level2"), level2_problem(level1, level2))
            category = declaration.category(level1, level2)
            assert category is not None
            not_applicable = False
            if "not_applicable" in obj and obj["not_applicable"] is not None:
                not_applicable = as_bool(obj["not_applicable"], join(path, "not_applicable"))
            if not not_applicable:
                name = required_str(obj, "name", path)
                raw_value = required_str(obj, "value", path)
                not_applicable = (
                    name.strip() == NOT_APPLICABLE and raw_value.strip() == NOT_APPLICABLE
                )
            if not_applicable:
                na_paths.setdefault(category.key, path)
                category.not_applicable = True
                continue
            real_paths.setdefault(category.key, path)
            category.indicators.append(self._indicator(obj, path, goal_count))
        for key, path in na_paths.items():
            if key in real_paths:
                raise ExchangeError(
                    path,
                    f"“{key[1]}”标为不适用，但同一类别中还有指标（{real_paths[key]}）（S10）",
                )

    def _indicator(self, obj: Mapping[str, Any], path: str, goal_count: int) -> Indicator:
        raw_value = required_str(obj, "value", path)
        raw_unit = optional_str(obj, "unit", path)
        value, unit = normalise_value_text(raw_value), normalise_value_text(raw_unit)
        goals: list[int] = []
        if "goals" in obj and obj["goals"] is not None:
            links_path = join(path, "goals")
            for position, link in enumerate(as_list(obj["goals"], links_path)):
                number = as_int(link, join(links_path, position))
                if (problem := link_problem(number, goal_count, goals)) is not None:
                    raise ExchangeError(join(links_path, position), problem)
                goals.append(number)
        indicator = Indicator(
            name=as_str(obj["name"], join(path, "name")),
            value=value,
            unit=unit,
            explanation=optional_str(obj, "explanation", path),
            goals=sorted(goals),
        )
        for field_name, before, after in (("value", raw_value, value), ("unit", raw_unit, unit)):
            if before != after:
                self._normalised_fields.append((indicator, field_name))
        return indicator

    def _grouped_normalised_paths(
        self, declaration: Declaration, where: str = "indicators"
    ) -> list[str]:
        """T01 places as paths in the grouped order the writer (and the rules) use."""
        row_of: dict[int, int] = {}
        row = 0
        for category in declaration.categories:
            if category.not_applicable:
                row += 1
                continue
            for indicator in category.indicators:
                row_of[id(indicator)] = row
                row += 1
        places = [(row_of[id(i)], f) for i, f in self._normalised_fields if id(i) in row_of]
        return [f"{where}[{r}].{f}" for r, f in sorted(places)]

    def _footer(self, value: Any) -> Footer:
        obj = as_object(value, "footer")
        footer = Footer(
            preparer=optional_str(obj, "preparer", "footer"),
            phone=optional_str(obj, "phone", "footer"),
            unit_head=optional_str(obj, "unit_head", "footer"),
            date=optional_str(obj, "date", "footer"),
        )
        # A file holds ISO dates only; date_problem (the gate) names the refused ones.
        if (message := date_problem(footer.date)) is not None:
            raise ExchangeError("footer.date", message)
        return footer

    def _accepted(self, value: Any) -> list[AcceptedFinding]:
        accepted = []
        for index, item in enumerate(as_list(value, "accepted_findings")):
            path = join("accepted_findings", index)
            obj = as_object(item, path)
            accepted.append(
                AcceptedFinding(
                    rule=required_str(obj, "rule", path),
                    subject=required_str(obj, "subject", path),
                    reason=required_str(obj, "reason", path),
                )
            )
        return accepted

    def _declared_total_warnings(self, declaration: Declaration) -> None:
        for index, task in enumerate(declaration.tasks):
            if task.declared_total is not None and task.declared_total != task.total:
                self.result_warnings.append(
                    f"tasks[{index}].total：任务{index + 1}“{task.name}”的总额 "
                    f"{format_amount(task.declared_total, 6).rstrip('0').rstrip('.')} 与财政拨款+其他资金 "
                    f"{format_amount(task.total)} 不一致（A01）"
                )
        declared = declaration.declared_totals
        if declared is None:
            return
        computed = declaration.computed_totals()
        labels = (("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"))
        for key, label in labels:
            stated = getattr(declared, key)
            actual = getattr(computed, key)
            if stated is not None and stated != actual:
                self.result_warnings.append(
                    f"totals.{key}：金额合计的{label} {stated} 与各任务之和 {format_amount(actual)} 不一致（A02）"
                )


__all__ = ["ReadResult", "read_json_file", "read_json_bytes", "declaration_from_dict", "Category"]
