"""Helpers for the rule tests: read the seed, run the check, pick findings and rows."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from desktop.domain.model import Category, Declaration, Indicator
from desktop.exchange.reader import ReadResult, read_json_file
from desktop.rules.engine import Finding, check_declaration

SEED_PATH = Path(__file__).resolve().parent.parent / "fixtures" / "seed-futian-2026.json"


def covers_everything(char: str) -> bool:
    return True


@cache
def _seed_result() -> ReadResult:
    return read_json_file(SEED_PATH)


def seed() -> Declaration:
    """A fresh, mutable copy of the seed declaration."""
    return copy.deepcopy(_seed_result().declaration)


def run(decl: Declaration, **options: Any) -> list[Finding]:
    options.setdefault("font_covers", covers_everything)
    return check_declaration(decl, **options)


def of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def indicator(decl: Declaration, name: str) -> Indicator:
    for _, item in decl.iter_indicators():
        if item.name == name:
            return item
    raise KeyError(name)


def category(decl: Declaration, level2: str) -> Category:
    for item in decl.categories:
        if item.level2 == level2:
            return item
    raise KeyError(level2)


def remove_indicator(decl: Declaration, name: str) -> None:
    for item in decl.categories:
        item.indicators = [i for i in item.indicators if i.name != name]


def goal_findings(findings: list[Finding], rule: str, goal_number: int) -> list[Finding]:
    """Findings of ``rule`` about goal ``goal_number`` (1-based)."""
    return [f for f in findings if f.rule == rule and f.where == f"goals[{goal_number - 1}]"]
