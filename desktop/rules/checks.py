"""The department rule checks by id, in catalogue order (desktop/rules/registry.py).

Both engines use this table: the department form's (desktop/rules/engine.py) and the project
form's, which runs the same checks per horizon (desktop/rules/project/engine.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from desktop.rules import amounts, cross, goals, indicator_fit, indicator_values, structure, text
from desktop.rules.context import CheckContext
from desktop.rules.findings import Finding
from desktop.rules.registry import RULES

Check = Callable[[CheckContext], Iterable[Finding]]

_FAMILIES: tuple[Mapping[str, Check], ...] = (
    structure.CHECKS,
    amounts.CHECKS,
    goals.CHECKS,
    indicator_values.CHECKS,
    indicator_fit.CHECKS,
    cross.CHECKS,
    text.CHECKS,
)


def rule_checks() -> dict[str, Check]:
    """Rule id → check function, in catalogue order."""
    found: dict[str, Check] = {}
    for family in _FAMILIES:
        found.update(family)
    return {rule: found[rule] for rule in RULES if rule in found}
