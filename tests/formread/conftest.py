"""Declarations the form-layout tests build files from: the seed and a different one."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.model import Declaration, Footer, Task
from desktop.exchange.reader import read_json_file
from tests.synthetic import large_declaration


def other_declaration() -> Declaration:
    """Another unit: four tasks with other funds, seven goals, units in 度量单位, 不适用 and
    empty categories, multi-line explanations and a signature block."""
    decl = large_declaration(26, goals=7, tasks=4)
    decl.year = 2027
    decl.unit_name = "深圳市福田区某街道办事处（本级）"
    decl.supervisor = "深圳市福田区人民政府"
    decl.tasks.insert(0, Task("基本支出", "主要用于人员、公用支出", Decimal("2300.5"), Decimal("12.25")))
    categories = decl.categories
    categories[5].indicators = []
    categories[5].not_applicable = True  # 可持续影响指标 不适用
    categories[7].indicators = []  # 生态效益指标 left empty
    for number, (_category, indicator) in enumerate(decl.iter_indicators()):
        indicator.goals = []
        if number % 3 == 0:
            indicator.value, indicator.unit = "≥4", "次"
        if number % 5 == 0:
            indicator.explanation += "\n计算公式：完成数/计划数×100%。"
    decl.footer = Footer(preparer="李四", phone="0755-82900000", unit_head="王五", date="2026-09-30")
    return decl


@pytest.fixture(params=["seed", "other"])
def source(request: pytest.FixtureRequest, seed_path: Path) -> Declaration:
    if request.param == "seed":
        decl = read_json_file(seed_path).declaration
        decl.footer = Footer(preparer="张三", phone="0755-83000000", unit_head="赵六", date="2026-10-15")
        return decl
    return copy.deepcopy(other_declaration())
