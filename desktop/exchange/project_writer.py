"""The project-only parts of a ``"form": "project"`` document (docs/project-form.md §3).

desktop/exchange/writer.py assembles the document in the key order of the format and takes
``project`` and the ``funds`` objects from here. Amounts are canonical strings; ``details`` is
left out when empty and a 总额 unless a source document declared one.
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
