"""Storing the project-only parts of a declaration in ``project_part`` (docs/project-form.md §1).

The parts are kept as the exchange JSON the project writer produces, and a loaded project is
rebuilt through the exchange reader, so the store carries every key the format carries and a
damaged row is refused with the reader's message instead of being half-read.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration, name_key
from desktop.services.store import DamagedDatabaseError

Row = dict[str, Any]
_PARTS = ("project", "funds", "mid_term")


def project_rows(declaration_id: int, decl: Declaration) -> list[Row]:
    if not isinstance(decl, ProjectDeclaration):
        return []
    from desktop.exchange.writer import declaration_to_dict

    doc = declaration_to_dict(decl)
    parts = {key: doc[key] for key in _PARTS if key in doc}
    parts["project_head"] = decl.project_head
    return [
        {
            "declaration_id": declaration_id,
            "name": decl.project.name,
            "name_key": name_key(decl.project.name),
            "code": decl.project.code,
            "content": json.dumps(parts, ensure_ascii=False, sort_keys=True),
        }
    ]


def attach_stored(base: Declaration, content: str | None, declaration_id: int) -> ProjectDeclaration:
    """:func:`attach_project` for a store: a damaged row is a :class:`DamagedDatabaseError`."""
    try:
        return attach_project(base, content or "{}")
    except ValueError as exc:
        raise DamagedDatabaseError(f"项目支出表 {declaration_id} 无法读取（{exc}）") from exc


def attach_project(base: Declaration, content: str) -> ProjectDeclaration:
    """The project declaration of ``base`` (its shared parts as loaded) and the stored parts.

    Raises ``ValueError`` (an ``ExchangeError`` or a JSON error) for a damaged row.
    """
    from desktop.exchange.reader import declaration_from_dict
    from desktop.exchange.writer import declaration_to_dict

    parts = json.loads(content)
    doc = declaration_to_dict(base)
    doc.pop("tasks", None)
    doc.pop("totals", None)
    for key in _PARTS:
        if key in parts:
            doc[key] = parts[key]
    doc.setdefault("footer", {})["project_head"] = parts.get("project_head", "")
    loaded = declaration_from_dict(doc).declaration
    if not isinstance(loaded, ProjectDeclaration):  # pragma: no cover - form is "project"
        raise ValueError("not a project")
    return loaded
