"""Project layouts are data: the three shipped ones, and a fourth added by a file alone."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

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
    assert mof.profile.rules.S09.require_explanation is False
    assert mof.profile.rules.S12.min_indicators == 8  # merged key by key
    assert mof.p01_max_years == 5 and mof.limits == {"project_name": 100, "text_block": 1000}
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
    "print": {
        "portrait": {"columns_mm": [22, 30, 50, 43, 30]},
        "landscape": {"columns_mm": [30, 45, 90, 62, 40]},
    },
    "layout": {
        "title": "某省项目支出绩效目标表",
        "columns": 5,
        "header_rows": [
            [{"text": "项目名称", "span": 1}, {"field": "project.name", "span": 2}, {"text": "项目期", "span": 1}, {"field": "period", "span": 1}],
            [{"text": "项目概况", "span": 1}, {"field": "texts.overview", "span": 4}],
        ],
        "funds": {"style": "stacked", "label": "资金（万元）", "label_span": 1, "fiscal": "其中：财政拨款", "other": "其他资金",
                  "sides": [{"horizon": "mid", "total": "实施期资金：", "label_span": 1, "value_span": 1},
                            {"horizon": "annual", "total": "年度资金：", "label_span": 1, "value_span": 1}]},
        "goals": {"style": "paired", "label": "总体目标",
                  "sides": [{"horizon": "mid", "heading": "实施期目标（{start}年—{end}年）", "span": 2},
                            {"horizon": "annual", "heading": "年度目标", "span": 2}]},
        "indicators": {"style": "single", "label": "", "columns": [
            {"key": "level1", "header": "一级指标", "span": 1}, {"key": "level2", "header": "二级指标", "span": 1},
            {"key": "name", "header": "三级指标", "span": 2}, {"key": "value", "header": "指标值", "span": 1}]},
    },
}


@pytest.fixture
def fourth_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "profiles", resources / "profiles")
    shutil.copytree(REPO / "resources" / "fonts", resources / "fonts")
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


def test_the_fourth_layout_prints_from_its_data(fourth_layout: str, tmp_path: Path) -> None:
    from desktop.documents.pdf import render_pdf
    from desktop.exchange.canonical import fingerprint
    from tests.documents.helpers import pdftotext, squeeze

    data = doc(ANNUAL)
    data["profile"] = fourth_layout
    data["project"].update(attribute="经常性", period_end=2027, texts={"overview": "新移交公园的日常养护。"})
    declaration = read(data)
    out = tmp_path / "fourth.pdf"
    render_pdf(declaration, load_profile(fourth_layout), out, revision=1, fingerprint=fingerprint(declaration))
    text = squeeze(pdftotext(out))
    assert "某省项目支出绩效目标表" in text and "项目概况新移交公园的日常养护。" in text
    assert "实施期目标（2026年—2027年）" in text and f"指纹{fingerprint(declaration)}" in text


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["text_blocks"][0].update(lable="项目概况"), "“text_blocks[0].lable”不是可识别的键"),
        (lambda d: d.update(amount_unit="美元"), "“amount_unit”应为“万元”、“元”之一"),
        (lambda d: d["fund_details"][0].update(parent="bond"), "“fund_details[0].parent”"),
        (lambda d: d["mid_required"].update(annual_total_at_least=1.5), "“mid_required.annual_total_at_least”"),
        (lambda d: d.update(horizons=["annual", "middle"]), "“horizons[1]”"),
        (lambda d: d.update(rules={"P01": {"max_year": 5}}), "“project.P01.max_year”不是可识别的键"),
    ],
)
def test_a_mistyped_project_key_refuses_the_layout_naming_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    from desktop.domain.project_profile import ProjectProfileError

    data = copy.deepcopy(FOURTH)
    change(data)
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "profiles", resources / "profiles")
    path = resources / "profiles" / "project" / "XX-PROJECT-2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PERFDECL_RESOURCES", str(resources))
    clear_caches()
    try:
        with pytest.raises(ProjectProfileError) as refused:
            load_project_profile("XX-PROJECT-2027")
        assert named in str(refused.value) and str(path) in str(refused.value)
    finally:
        monkeypatch.undo()
        clear_caches()
