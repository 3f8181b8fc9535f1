"""A measured figure: samples, median and spread, against its budget; and the results table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One line of bench/results.md. ``ratio_to`` names the floor of a ratio budget."""

    name: str
    unit: str  # "s", "ms", "x" (a ratio) or "MB"
    budget: float | None
    samples: list[float] = field(default_factory=list)
    note: str = ""
    skipped: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def spread(self) -> str:
        if len(self.samples) < 2:
            return "–"
        return f"{_number(min(self.samples), self.unit)}–{_number(max(self.samples), self.unit)}"

    def verdict(self) -> str:
        if self.skipped or not self.samples:
            return "skipped"
        if self.budget is None:
            return "–"
        return "pass" if self.median <= self.budget else "**FAIL**"

    def row(self) -> str:
        if self.skipped or not self.samples:
            return f"| {self.name} | – | – | {self._budget()} | skipped | {self.skipped} |"
        return (
            f"| {self.name} | {_number(self.median, self.unit)} | {self.spread()} "
            f"(n={len(self.samples)}) | {self._budget()} | {self.verdict()} | {self.note} |"
        )

    def _budget(self) -> str:
        return "–" if self.budget is None else f"≤ {_number(self.budget, self.unit)}"


def _number(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} s"


HEADER = "| figure | median | spread (min–max) | budget | result | note |\n|---|---|---|---|---|---|"


def table(figures: list[Figure]) -> str:
    return "\n".join([HEADER, *(f.row() for f in figures)])
