"""Writer of the JSON exchange format v1: grouped indicators, amounts as canonical strings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.atomic import atomic_write_bytes
from desktop.domain.model import Declaration, Indicator
from desktop.domain.money import canonical_amount
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.project_writer import funds_dict, project_dict
from desktop.exchange.reader import FORMAT_ID, FORMAT_VERSION


def _indicator_dict(level1: str, level2: str, indicator: Indicator) -> dict[str, Any]:
    item: dict[str, Any] = {
        "level1": level1,
        "level2": level2,
        "name": indicator.name,
        "value": indicator.value,
        "unit": indicator.unit,
        "explanation": indicator.explanation,
    }
    if indicator.goals:
        item["goals"] = sorted(indicator.goals)
    return item


def indicator_rows(declaration: Declaration) -> list[dict[str, Any]]:
    """The ``indicators`` array: grouped in profile order, 不适用 categories as one row."""
    rows: list[dict[str, Any]] = []
    for category in declaration.categories:
        if category.not_applicable:
            rows.append(
                {"level1": category.level1, "level2": category.level2, "not_applicable": True}
            )
            continue
        rows.extend(_indicator_dict(category.level1, category.level2, i) for i in category.indicators)
    return rows


def _leading_keys(declaration: Declaration) -> dict[str, Any]:
    """The keys every form kind's document starts with, in the format's order."""
    return {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        "form": declaration.form,
        "profile": declaration.profile_id,
        "year": declaration.year,
        "unit_name": declaration.unit_name,
        "supervisor": declaration.supervisor,
    }


def declaration_to_dict(declaration: Declaration, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The exchange document of ``declaration`` (``meta`` added when given)."""
    if isinstance(declaration, ProjectDeclaration):
        return _project_to_dict(declaration, meta)
    doc = _leading_keys(declaration)
    doc["tasks"] = []
    for task in declaration.tasks:
        item: dict[str, Any] = {
            "name": task.name,
            "content": task.content,
            "fiscal": canonical_amount(task.fiscal),
            "other": canonical_amount(task.other),
        }
        if task.declared_total is not None:
            item["total"] = canonical_amount(task.declared_total)
        doc["tasks"].append(item)
    declared = declaration.declared_totals
    if declared is not None and not declared.is_empty():
        doc["totals"] = {
            key: canonical_amount(amount)
            for key, amount in (
                ("total", declared.total),
                ("fiscal", declared.fiscal),
                ("other", declared.other),
            )
            if amount is not None
        }
    doc["goals"] = list(declaration.goals)
    doc["indicators"] = indicator_rows(declaration)
    return add_closing_keys(doc, declaration, meta)


def _project_to_dict(declaration: ProjectDeclaration, meta: dict[str, Any] | None) -> dict[str, Any]:
    """A project document; ``mid_term`` only while that horizon is in use (docs/project-form.md §3)."""
    doc = _leading_keys(declaration)
    doc.update({
        "project": project_dict(declaration),
        "funds": funds_dict(declaration.funds),
        "goals": list(declaration.goals),
        "indicators": indicator_rows(declaration),
    })
    if declaration.mid_term is not None and declaration.mid_in_use():
        doc["mid_term"] = {
            "funds": funds_dict(declaration.mid_term.funds),
            "goals": list(declaration.mid_term.goals),
            "indicators": indicator_rows(declaration.horizon_view("mid")),
        }
    return add_closing_keys(doc, declaration, meta, declaration.project_head)


def add_closing_keys(
    doc: dict[str, Any],
    declaration: Declaration,
    meta: dict[str, Any] | None,
    project_head: str | None = None,
) -> dict[str, Any]:
    """``footer``, ``budget_control_total``, ``accepted_findings`` and ``meta``, in that order;
    a project's footer also carries ``project_head`` (docs/project-form.md §3)."""
    footer = declaration.footer
    doc["footer"] = {"preparer": footer.preparer, "phone": footer.phone, "unit_head": footer.unit_head}
    if project_head is not None:
        doc["footer"]["project_head"] = project_head
    doc["footer"]["date"] = footer.date
    if declaration.budget_control_total is not None:
        doc["budget_control_total"] = canonical_amount(declaration.budget_control_total)
    if declaration.accepted_findings:
        doc["accepted_findings"] = [
            {"rule": a.rule, "subject": a.subject, "reason": a.reason}
            for a in declaration.accepted_findings
        ]
    if meta:
        doc["meta"] = dict(meta)
    return doc


def dumps_declaration(declaration: Declaration, meta: dict[str, Any] | None = None) -> bytes:
    text = json.dumps(declaration_to_dict(declaration, meta), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_json_file(
    declaration: Declaration, path: str | Path, meta: dict[str, Any] | None = None
) -> None:
    """Write the exchange file atomically; refuses (before writing) what import would refuse."""
    from desktop.documents.limits import check_json_size

    data = dumps_declaration(declaration, meta)
    check_json_size(data)
    atomic_write_bytes(path, data)
