"""Writing ``"form": "project"`` documents in the key order of docs/project-form.md §3.

Amounts are canonical strings as in the department writer; ``mid_term`` is left out when the
horizon holds no content, ``details`` when empty and a 总额 unless a source document declared one.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.money import canonical_amount
from desktop.domain.project import Funds, ProjectDeclaration


def funds_dict(funds: Funds) -> dict[str, Any]:
    item: dict[str, Any] = {
        "fiscal": canonical_amount(funds.fiscal),
        "other": canonical_amount(funds.other),
    }
    if funds.declared_total is not None:
        item["total"] = canonical_amount(funds.declared_total)
    if funds.details:
        item["details"] = {k: canonical_amount(v) for k, v in funds.details.items()}
    return item


def project_dict(declaration: ProjectDeclaration) -> dict[str, Any]:
    info = declaration.project
    item: dict[str, Any] = {
        "name": info.name,
        "code": info.code,
        "supervisor_code": info.supervisor_code,
        "attribute": info.attribute,
        "category": info.category,
        "period_start": info.period_start,
        "period_end": info.period_end,
    }
    if info.texts:
        item["texts"] = dict(info.texts)
    if info.task:
        item["task"] = info.task
    return item


def project_to_dict(declaration: ProjectDeclaration, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The exchange document of a project declaration."""
    from desktop.exchange.reader import FORMAT_ID, FORMAT_VERSION
    from desktop.exchange.writer import add_closing_keys, indicator_rows

    doc: dict[str, Any] = {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        "form": declaration.form,
        "profile": declaration.profile_id,
        "year": declaration.year,
        "unit_name": declaration.unit_name,
        "supervisor": declaration.supervisor,
        "project": project_dict(declaration),
        "funds": funds_dict(declaration.funds),
        "goals": list(declaration.goals),
        "indicators": indicator_rows(declaration),
    }
    if declaration.mid_term is not None and declaration.mid_in_use():
        mid = declaration.mid_term
        doc["mid_term"] = {
            "funds": funds_dict(mid.funds),
            "goals": list(mid.goals),
            "indicators": indicator_rows(declaration.horizon_view("mid")),
        }
    return add_closing_keys(doc, declaration, meta, declaration.project_head)
