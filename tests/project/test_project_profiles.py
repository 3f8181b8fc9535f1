"""Project layouts are data: the three shipped ones, and a fourth added by a file alone."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.profile import available_profile_ids, load_profile
from desktop.domain.project_profile import clear_caches, load_project_profile, project_profile_ids
from desktop.exchange.canonical import equal_in_content
from desktop.exchange.reader import read_json_bytes
from desktop.exchange.writer import dumps_declaration
from desktop.rules.engine import check_declaration
from tests.project.helpers import ANNUAL, doc, read

REPO = Path(__file__).resolve().parent.parent.parent


def test_three_project_layouts_ship_and_stay_out_of_the_department_list() -> None:
    assert project_profile_ids() == ("ANNUAL-PROJECT-2026", "MOF-PROJECT-2021", "SZ-PROJECT-2026")
    assert not set(project_profile_ids()) & set(available_profile_ids())
    mof = load_project_profile("MOF-PROJECT-2021")
    assert mof.has_mid and mof.orientation == "landscape" and mof.period_format == "years"
    assert [l1.name for l1 in mof.profile.framework][0] == "成本指标"
    assert mof.profile.landscape.columns_mm == (12, 22, 25, 54, 37, 25, 54, 38)
    assert mof.profile.landscape.margins_mm == (15, 15, 15, 15)  # copied from SZ-DEPT-2026
    assert mof.profile.rule_setting("S09", "require_explanation") is False
    assert mof.profile.rule_setting("S12", "min_indicators") == 8  # merged key by key
    annual = load_project_profile("ANNUAL-PROJECT-2026")
    assert not annual.has_mid and annual.orientation is None
    assert annual.profile.level2_keys()[:4] == [("产出指标", n) for n in ("数量指标", "质量指标", "时效指标", "成本指标")]
    sz = load_project_profile("SZ-PROJECT-2026")
    assert sz.inferred and "推断版式，待确认" in sz.title and sz.inferred_note == "推断版式，待确认"
    assert sz.text_block("content") is not None and sz.signature[0] == "preparer"
    assert not mof.inferred and not annual.inferred
    assert load_profile("SZ-PROJECT-2026").form == "project"


FOURTH = {
    "format": "perfdecl.profile",
    "version": 1,
    "base": "SZ-DEPT-2026",
    "id": "XX-PROJECT-2027",
    "title": "某省项目支出绩效目标表（测试版式）",
    "horizons": ["annual", "mid"],
    "period_format": "years",
    "attribute_values": ["经常性", "一次性"],
    "text_blocks": [{"id": "overview", "label": "项目概况", "required": True}],
    "fund_details": [{"id": "bond", "label": "专项债券", "parent": "fiscal"}],
    "mid_required": {"multi_year": False, "attributes": ["经常性"], "annual_total_at_least": None},
    "core_level2": ["数量指标"],
    "layout": {"title": "项目支出绩效目标表", "columns": 6, "header_rows": []},
}


@pytest.fixture
def fourth_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "profiles", resources / "profiles")
    (resources / "profiles" / "project" / "XX-PROJECT-2027.json").write_text(
        json.dumps(FOURTH, ensure_ascii=False), encoding="utf-8"
    )
    monkeypatch.setenv("PERFDECL_RESOURCES", str(resources))
    clear_caches()
    yield "XX-PROJECT-2027"
    monkeypatch.undo()
    clear_caches()


def test_a_fourth_layout_is_one_data_file(fourth_layout: str) -> None:
    assert fourth_layout in project_profile_ids()
    data = doc(ANNUAL)
    data["profile"] = fourth_layout
    data["project"]["attribute"] = "经常性"
    data["project"]["texts"] = {"overview": "新移交公园的日常养护。"}
    data["funds"]["details"] = {"bond": "300.00"}
    declaration = read(data)
    assert declaration.project.texts == {"overview": "新移交公园的日常养护。"}
    assert declaration.funds.details == {"bond": Decimal("300.00")}
    again = read_json_bytes(dumps_declaration(declaration)).declaration
    assert equal_in_content(declaration, again)
    rules = {f.rule: f for f in check_declaration(declaration)}
    assert rules["P07"].where == "funds.details"  # 300 ≠ 356.80
    assert rules["P04"].where == "mid_term"  # 经常性 requires 中期 in this layout
    assert "P06" not in rules  # 经常性 is in its vocabulary, 项目概况 is filled in
