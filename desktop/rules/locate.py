"""Where findings point: exchange paths to editor rows, document order, row marks.

A finding's ``where`` is a 0-based path into the exchange document (docs/cli.md). The editor shows the
same data differently: indicators grouped by category (a 不适用 category is one row of the
document but no real indicator), tasks and goals by position. These helpers translate between the
two so that views can put icons on the rows concerned, and order findings as the form reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from desktop.domain.model import AcceptedFinding, Declaration
from desktop.rules.findings import ERROR, SEVERITY_LABELS, SEVERITY_ORDER, Finding
from desktop.rules.order import document_key

_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")

_SECTION_LABELS = {
    "year": "年度",
    "unit_name": "部门（单位）名称",
    "supervisor": "主管部门",
    "tasks": "年度主要任务",
    "totals": "金额合计",
    "budget_control_total": "预算控制数",
    "goals": "年度总体目标",
    "indicators": "绩效指标",
    "footer": "填报信息",
}

_FIELD_LABELS = {
    "tasks": {
        "name": "任务名称",
        "content": "主要内容",
        "fiscal": "财政拨款",
        "other": "其他资金",
        "total": "总额",
    },
    "totals": {"total": "总额", "fiscal": "财政拨款", "other": "其他资金"},
    "indicators": {
        "name": "三级指标",
        "value": "指标值",
        "unit": "度量单位",
        "explanation": "指标解释",
        "goals": "对应目标",
    },
    "footer": {
        "preparer": "填报人",
        "phone": "联系电话",
        "unit_head": "单位负责人",
        "date": "填报日期",
    },
}


@dataclass(frozen=True)
class Where:
    """A parsed ``where``: ``indicators[12].value`` → section ``indicators``, index 12, field ``value``."""

    section: str
    index: int | None = None
    field: str = ""

    @property
    def row_path(self) -> str:
        """The path of the whole row (``indicators[12]``), or of the section when unindexed."""
        return self.section if self.index is None else f"{self.section}[{self.index}]"


def parse_where(where: str) -> Where:
    """Parse a finding's path; unknown shapes keep the text as the section."""
    head, _, rest = where.partition(".")
    match = _STEP.fullmatch(head)
    if match is None:
        return Where(where)
    index = int(match.group(2)) if match.group(2) is not None else None
    return Where(match.group(1), index, rest)


@dataclass(frozen=True)
class IndicatorSlot:
    """An indicator row of the exchange document as the editor holds it.

    ``cat_index`` indexes ``declaration.categories``; ``row`` is the position within the category,
    or ``None`` for the single row of a 不适用 category.
    """

    cat_index: int
    level1: str
    level2: str
    row: int | None


def indicator_slots(declaration: Declaration) -> list[IndicatorSlot]:
    """Every row of the exchange ``indicators`` array, in order (see exchange/writer.py)."""
    slots: list[IndicatorSlot] = []
    for cat_index, category in enumerate(declaration.categories):
        if category.not_applicable:
            slots.append(IndicatorSlot(cat_index, category.level1, category.level2, None))
        else:
            slots.extend(
                IndicatorSlot(cat_index, category.level1, category.level2, row)
                for row in range(len(category.indicators))
            )
    return slots


def locate_indicator(declaration: Declaration, index: int) -> IndicatorSlot | None:
    """The editor row of ``indicators[index]``; ``None`` when the index is out of range."""
    slots = indicator_slots(declaration)
    return slots[index] if 0 <= index < len(slots) else None


def indicator_path(declaration: Declaration, cat_index: int, row: int | None = None) -> str | None:
    """The exchange row path of an editor row (inverse of :func:`locate_indicator`).

    ``row=None`` asks for a category's first document row (its 不适用 row, or its first
    indicator); ``None`` is returned when the category has no row in the document.
    """
    index = 0
    for position, category in enumerate(declaration.categories):
        size = 1 if category.not_applicable else len(category.indicators)
        if position == cat_index:
            if size == 0:
                return None
            offset = 0 if row is None or category.not_applicable else row
            return f"indicators[{index + offset}]" if offset < size else None
        index += size
    return None


def severity_key(finding: Finding) -> tuple[int, tuple[int, ...], str]:
    """Severity first, then the order of the form (header, tasks, goals, indicator table)."""
    return (SEVERITY_ORDER.get(finding.severity, 9), document_key(finding.where), finding.rule)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Open findings first, each part by severity then document order; accepted ones last."""
    return sorted(findings, key=lambda f: (f.accepted, severity_key(f)))


def findings_by_row(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings keyed by the row they concern (``indicators[12]``, ``goals[3]``, ``tasks[1]``).

    Unindexed paths keep their section as key (``unit_name``, ``goals``, ``indicators``).
    """
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        result.setdefault(parse_where(finding.where).row_path, []).append(finding)
    return result


@dataclass(frozen=True)
class RowMark:
    """What a row shows for its findings: the worst severity and a tooltip."""

    severity: str
    tooltip: str
    count: int


def row_mark(findings: Sequence[Finding]) -> RowMark | None:
    """Icon severity and tooltip for a row; accepted findings do not mark a row."""
    open_findings = sorted((f for f in findings if not f.accepted), key=severity_key)
    if not open_findings:
        return None
    lines = [
        f"{SEVERITY_LABELS.get(f.severity, f.severity)}（{f.rule}）：{f.message}"
        for f in open_findings
    ]
    return RowMark(open_findings[0].severity, "\n".join(lines), len(open_findings))


def count_by_severity(findings: Iterable[Finding]) -> tuple[int, int, int]:
    """(errors, warnings, infos) among the findings not accepted."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        if not finding.accepted and finding.severity in counts:
            counts[finding.severity] += 1
    return counts["error"], counts["warning"], counts["info"]


def can_accept(finding: Finding) -> bool:
    """Warnings and suggestions can be accepted with a reason; errors must be fixed."""
    return finding.severity != ERROR


def _covers(item: AcceptedFinding, finding: Finding) -> bool:
    # As in the engine: "二级指标/三级指标" names an indicator as well as its bare name does.
    if item.rule != finding.rule:
        return False
    return item.subject == finding.subject or item.subject.split("/", 1)[-1] == finding.subject


def acceptance_for(finding: Finding, accepted: Iterable[AcceptedFinding]) -> AcceptedFinding | None:
    """The acceptance covering a finding (same rule and subject), if any."""
    for item in accepted:
        if _covers(item, finding):
            return item
    return None


def apply_acceptances(
    findings: Iterable[Finding], accepted: Sequence[AcceptedFinding]
) -> list[Finding]:
    """Set ``accepted`` from the declaration's acceptances (an acceptance never covers an error).

    The engine does the same on every check; this lets the panel show an acceptance (or its
    undo) at once, without waiting for the next check.
    """
    result: list[Finding] = []
    for finding in findings:
        flag = can_accept(finding) and acceptance_for(finding, accepted) is not None
        result.append(finding if finding.accepted == flag else replace(finding, accepted=flag))
    return result


def describe_where(where: str, declaration: Declaration | None = None) -> str:
    """A place people understand: ``目标4``, ``任务2 · 财政拨款``, ``数量指标第3行 · 指标值``."""
    parsed = parse_where(where)
    fields = _FIELD_LABELS.get(parsed.section, {})
    field = fields.get(parsed.field, parsed.field)
    if parsed.section == "goals" and parsed.index is not None:
        place = f"目标{parsed.index + 1}"
    elif parsed.section == "tasks" and parsed.index is not None:
        place = f"任务{parsed.index + 1}"
    elif parsed.section == "indicators" and parsed.index is not None:
        place = _describe_indicator(parsed.index, declaration)
    else:
        place = _SECTION_LABELS.get(parsed.section, where)
    return f"{place} · {field}" if field else place


def _describe_indicator(index: int, declaration: Declaration | None) -> str:
    slot = locate_indicator(declaration, index) if declaration is not None else None
    if slot is None:
        return f"绩效指标第{index + 1}行"
    if slot.row is None:
        return f"{slot.level1} › {slot.level2}（不适用）"
    return f"{slot.level1} › {slot.level2} 第{slot.row + 1}行"
