"""What a restored database holds that this program will not save as it is (docs/safety.md).

A backup made by an older program may hold working copies the gate (desktop/domain/validate.py)
now refuses. They open, and the window names what to correct; restoring says which they are at
once, instead of the user finding out one declaration at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.normalise import normalised
from desktop.domain.validate import problems
from desktop.services.store import DeclarationStore, DeclarationSummary, StoreError


@dataclass(frozen=True)
class NeedsCorrection:
    summary: DeclarationSummary
    #: How many places the gate refuses (0 when the working copy cannot be read at all).
    places: int


def needing_correction(store: DeclarationStore) -> list[NeedsCorrection]:
    """Every stored declaration whose working copy the gate refuses or that cannot be read."""
    found: list[NeedsCorrection] = []
    for summary in store.list():
        try:
            declaration = store.load(summary.id)
        except StoreError:
            found.append(NeedsCorrection(summary, 0))
            continue
        refused = problems(normalised(declaration))
        if refused:
            found.append(NeedsCorrection(summary, len(refused)))
    return sorted(found, key=lambda item: item.summary.id)


def describe_needing_correction(found: list[NeedsCorrection], shown: int = 8) -> str:
    """One Chinese line per declaration (at most ``shown``), or "" when there is none."""
    if not found:
        return ""
    lines = ["以下申报表由旧版程序保存，打开后需先改正才能继续保存："]
    for item in found[:shown]:
        s = item.summary
        name = s.project_name if s.project_name is not None else s.unit_name
        what = f"{item.places} 处需改正" if item.places else "无法读取"
        lines.append(f"  编号 {s.id}：{s.year} {name or '（未填写名称）'}（{what}）")
    if len(found) > shown:
        lines.append(f"  ……另有 {len(found) - shown} 份")
    return "\n".join(lines)
