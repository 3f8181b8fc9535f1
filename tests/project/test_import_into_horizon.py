"""``perfdecl import LIST --into ID [--horizon 年度|中期]`` on project forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.project import ProjectDeclaration
from tests.cli.conftest import logical_dump, run_cli
from tests.project.helpers import ANNUAL, FIXTURES, ZDPQ


@pytest.fixture
def flat_list(tmp_path: Path) -> Path:
    """One 数量指标 row, under the headers a budget system exports."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["三级指标", "二级指标", "一级指标", "指标值", "计量单位"])
    sheet.append(["培训场次", "数量指标", "产出指标", "≥3", "场"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


def _load(db: Path, declaration_id: int) -> ProjectDeclaration:
    from db.repository import open_store

    with open_store(db) as store:
        loaded = store.load(declaration_id)
    assert isinstance(loaded, ProjectDeclaration)
    return loaded


def _names(categories: list) -> list[str]:  # type: ignore[type-arg]
    return [i.name for c in categories for i in c.indicators]


def test_list_goes_into_the_annual_tree_by_default_and_the_mid_tree_on_request(
    db_path: Path, flat_list: Path
) -> None:
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    assert run_cli("import", flat_list, "--into", "1", "--db", db_path).status == 0
    project = _load(db_path, 1)
    assert "培训场次" in _names(project.categories)
    assert project.mid_term is not None and "培训场次" not in _names(project.mid_term.categories)
    done = run_cli("import", flat_list, "--into", "1", "--horizon", "中期", "--db", db_path)
    assert done.status == 0, done.err
    project = _load(db_path, 1)
    assert project.mid_term is not None and "培训场次" in _names(project.mid_term.categories)
    assert _names(project.categories).count("培训场次") == 1


def test_mid_horizon_is_a_usage_error_without_mid_and_changes_nothing(
    db_path: Path, flat_list: Path
) -> None:
    assert run_cli("import", ANNUAL, "--db", db_path).status == 0
    assert run_cli("import", FIXTURES / "seed-futian-2026.json", "--db", db_path).status == 0
    before = logical_dump(db_path)
    refused = run_cli("import", flat_list, "--into", "1", "--horizon", "中期", "--db", db_path)
    assert refused.status == 2 and "只有年度绩效指标" in refused.err
    refused = run_cli("import", flat_list, "--into", "2", "--horizon", "中期", "--db", db_path)
    assert refused.status == 2 and "部门（单位）整体支出表" in refused.err
    refused = run_cli("import", flat_list, "--horizon", "中期", "--db", db_path)
    assert refused.status == 2 and "--into" in refused.err
    assert logical_dump(db_path) == before
