"""The gate's refusals (desktop/domain/validate.py) in words people understand.

Problems carry export paths (``indicators[3].value``) for the command line; a window names the
place as the editor shows it (``产出指标 › 数量指标 第2行 · 指标值``) via the rules' locator.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.model import Declaration
from desktop.domain.validate import Problem
from desktop.rules.locate import describe_where

_SHOWN = 8


def describe_problems(found: Sequence[Problem], declaration: Declaration | None) -> str:
    """One line per problem (at most eight), each naming the place in the editor's terms."""
    lines = [
        f"{describe_where(p.path, declaration)}：{p.message}" if p.path else p.message
        for p in found[:_SHOWN]
    ]
    if len(found) > _SHOWN:
        lines.append(f"……另有 {len(found) - _SHOWN} 处")
    return "\n".join(lines)
