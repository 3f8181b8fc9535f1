"""Document order of exchange paths (``indicators[3].explanation``), for sorting findings.

Kept apart from the engine so that the GUI's findings views can sort without importing every
rule module (start-up imports them only when the first check runs).
"""

from __future__ import annotations

import re

_ORDER = [
    "year", "unit_name", "supervisor", "project", "funds", "tasks", "totals", "goals",
    "indicators", "mid_term", "footer",
    "budget_control_total", "accepted_findings",
    "level1", "level2", "name", "content", "value", "unit", "explanation", "total", "fiscal",
    "other", "preparer", "phone", "unit_head", "date",
]  # fmt: skip
_RANK = {name: rank for rank, name in enumerate(_ORDER)}
_TOKEN = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def document_key(where: str) -> tuple[int, ...]:
    """Sort key of an exchange path: top-level order of the format, then indices and fields."""
    key: list[int] = []
    for name, index in _TOKEN.findall(where):
        key.append(int(index) if index else _RANK.get(name, len(_RANK)))
    return tuple(key)
