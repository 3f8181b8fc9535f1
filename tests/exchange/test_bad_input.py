"""Every refusal of the reader names the JSON path and the problem in Chinese."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.exchange.errors import ExchangeError
from desktop.exchange.jsontext import MAX_BYTES
from desktop.exchange.reader import read_json_bytes, read_json_file


@pytest.fixture
def seed_doc(seed_path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(seed_path.read_text(encoding="utf-8"))
    return doc


def _refusal(doc: Any) -> ExchangeError:
    with pytest.raises(ExchangeError) as info:
        read_json_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return info.value


def _mutated(doc: dict[str, Any], change: Any) -> dict[str, Any]:
    copy_ = copy.deepcopy(doc)
    change(copy_)
    return copy_


CASES = [
    ("missing key", lambda d: d["tasks"][1].pop("fiscal"), "tasks[1].fiscal", "缺少必填项"),
    ("missing top key", lambda d: d.pop("unit_name"), "unit_name", "缺少必填项"),
    ("wrong type", lambda d: d.__setitem__("goals", "目标"), "goals", "应为数组"),
    ("wrong type year", lambda d: d.__setitem__("year", "2026"), "year", "应为整数"),
    ("number amount", lambda d: d["tasks"][2].__setitem__("fiscal", 1279.04), "tasks[2].fiscal", "金额应写成字符串"),
    ("exponent", lambda d: d["tasks"][0].__setitem__("other", "1e3"), "tasks[0].other", "格式不正确"),
    ("negative", lambda d: d["tasks"][0].__setitem__("fiscal", "-5.00"), "tasks[0].fiscal", "格式不正确"),
    ("seven decimals", lambda d: d["tasks"][0].__setitem__("fiscal", "1.0000001"), "tasks[0].fiscal", "格式不正确"),
    ("nine digits", lambda d: d["tasks"][0].__setitem__("fiscal", "123456789"), "tasks[0].fiscal", "格式不正确"),
    ("space in amount", lambda d: d["tasks"][0].__setitem__("fiscal", " 1.00"), "tasks[0].fiscal", "格式不正确"),
    ("unknown level2", lambda d: d["indicators"][0].__setitem__("level2", "数量指标X"), "indicators[0].level2", "S08"),
    ("level2 under wrong level1", lambda d: d["indicators"][0].__setitem__("level2", "社会效益指标"), "indicators[0].level2", "S08"),
    ("unknown level1", lambda d: d["indicators"][0].__setitem__("level1", "投入指标"), "indicators[0].level1", "S08"),
    ("version 2", lambda d: d.__setitem__("version", 2), "version", "高于本程序支持的版本"),
    # A project document is read now (docs/project-form.md); the seed's profile is a department one.
    ("project form on a department profile", lambda d: d.__setitem__("form", "project"), "profile", "不能用于项目支出表"),
    ("unknown form", lambda d: d.__setitem__("form", "other"), "form", "未知的申报表类型"),
    ("unknown profile", lambda d: d.__setitem__("profile", "XX-2030"), "profile", "未知的指标体系"),
    ("wrong format", lambda d: d.__setitem__("format", "something"), "format", "不是申报表文件"),
    ("link out of range", lambda d: d["indicators"][0].__setitem__("goals", [11]), "indicators[0].goals[0]", "不存在"),
    ("link zero", lambda d: d["indicators"][0].__setitem__("goals", [0]), "indicators[0].goals[0]", "不存在"),
    ("duplicate link", lambda d: d["indicators"][0].__setitem__("goals", [2, 2]), "indicators[0].goals[1]", "重复"),
    ("link not int", lambda d: d["indicators"][0].__setitem__("goals", ["1"]), "indicators[0].goals[0]", "应为整数"),
    ("bad footer date", lambda d: d.__setitem__("footer", {"date": "2026/01/15"}), "footer.date", "2026-01-15"),
    ("year too short", lambda d: d.__setitem__("year", 26), "year", "4 位数字"),
    ("bool as year", lambda d: d.__setitem__("year", True), "year", "应为整数"),
]


@pytest.mark.parametrize(("label", "change", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_with_path_and_reason(seed_doc: dict[str, Any], label: str, change: Any, path: str, words: str) -> None:
    error = _refusal(_mutated(seed_doc, change))
    assert error.path == path
    assert words in error.message
    assert str(error).startswith(path + "：")


def test_not_applicable_category_with_real_rows_is_refused_s10(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["indicators"].append(
        {"level1": "效益指标", "level2": "经济效益指标", "name": "节约资金", "value": "≥5万元"}
    )
    error = _refusal(doc)
    assert "S10" in error.message
    assert error.path.startswith("indicators[")


def test_duplicate_key_is_refused() -> None:
    with pytest.raises(ExchangeError, match="重复"):
        read_json_bytes(b'{"format": "perfdecl.declaration", "format": "x"}')


def test_invalid_utf8_is_refused() -> None:
    with pytest.raises(ExchangeError, match="UTF-8"):
        read_json_bytes(b'{"unit_name": "\xff\xfe"}')


def test_bom_is_accepted(seed_path: Path) -> None:
    data = b"\xef\xbb\xbf" + seed_path.read_bytes()
    assert read_json_bytes(data).declaration.year == 2026


def test_too_deep_nesting_is_refused() -> None:
    data = ("[" * 65 + "]" * 65).encode()
    with pytest.raises(ExchangeError, match="嵌套超过 64 层"):
        read_json_bytes(data)


def test_nesting_of_64_is_not_refused_for_depth() -> None:
    data = ("[" * 64 + "]" * 64).encode()
    with pytest.raises(ExchangeError) as info:
        read_json_bytes(data)
    assert "嵌套" not in str(info.value)


def test_file_over_20_mb_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ExchangeError, match="20 MB"):
        read_json_file(big)


def test_malformed_json_names_line_and_column() -> None:
    with pytest.raises(ExchangeError, match="第 2 行"):
        read_json_bytes(b'{\n  "a": ,\n}')


def test_goal_number_mismatch_is_a_warning_not_an_error(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["goals"][1] = "目标3：" + doc["goals"][1]
    result = read_json_bytes(json.dumps(doc, ensure_ascii=False).encode())
    assert result.goal_number_mismatches == [(1, 3)]
    assert any("S06" in w and "goals[1]" in w for w in result.warnings)
    assert not result.declaration.goals[1].startswith("目标")


def test_declared_totals_that_differ_are_warnings(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["tasks"][1]["total"] = "888.00"
    doc["totals"]["fiscal"] = "3000.00"
    result = read_json_bytes(json.dumps(doc, ensure_ascii=False).encode())
    assert any("tasks[1].total" in w and "A01" in w for w in result.warnings)
    assert any("totals.fiscal" in w and "A02" in w for w in result.warnings)


def test_na_row_written_as_text_is_read_as_not_applicable(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["indicators"] = [
        {"level1": "效益指标", "level2": "生态效益指标", "name": "不适用", "value": "不适用", "explanation": "不适用"}
    ]
    declaration = read_json_bytes(json.dumps(doc, ensure_ascii=False).encode()).declaration
    category = declaration.category("效益指标", "生态效益指标")
    assert category is not None and category.not_applicable and category.indicators == []


def test_unknown_keys_and_ext_are_ignored(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["ext"] = {"future": [1, 2]}
    doc["something_new"] = True
    doc["indicators"][0]["target"] = {"operator": "≥"}
    assert read_json_bytes(json.dumps(doc, ensure_ascii=False).encode()).declaration.year == 2026
