"""Which indicator framework a form is written in, told by its level-1 names.

MOF-2021 puts 成本指标 at level 1 beside 产出/效益/满意度; the Shenzhen form has it under 产出指标.
A caller that knows the profile (our own workbook, a paste into an open declaration) passes it.
"""

from __future__ import annotations

from desktop.documents.formread.grid import Grid
from desktop.documents.formread.labels import form_labels, normalise_label
from desktop.documents.formread.locate import LabelIndex
from desktop.domain.profile import DEFAULT_PROFILE_ID, available_profile_ids

_MOF = "MOF-2021"


def detect_profile(grid: Grid) -> str:
    """The profile whose framework fits the form's level-1 column best (default SZ-DEPT-2026)."""
    if _MOF not in available_profile_ids():
        return DEFAULT_PROFILE_ID
    labels = form_labels(DEFAULT_PROFILE_ID)
    index = LabelIndex(grid, labels)
    level1_variants = labels.indicator_columns["level1"]
    for row, col in index.find(level1_variants):
        below = {normalise_label(grid.text(r, col)) for r in range(row + 1, grid.height)}
        if below & {"成本", "成本指标"}:
            return _MOF
        return DEFAULT_PROFILE_ID
    return DEFAULT_PROFILE_ID
