"""The project form in the exchange format: reading, refusals, writer order, fingerprints."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import canonical_bytes, equal_in_content, fingerprint
from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import declaration_from_dict, read_json_bytes, read_json_file
from desktop.exchange.writer import declaration_to_dict, dumps_declaration
from tests.project.helpers import ANNUAL, CASE, ZDPQ, doc, read

VECTORS = [(CASE, "9b6ff845f3b3", 908), (ZDPQ, "461bc439ad8f", 16726), (ANNUAL, "ceb1f7b88977", 4271)]


@pytest.mark.parametrize(("path", "expected", "size"), VECTORS)
def test_project_fingerprints_match_the_spec_vectors(path: Path, expected: str, size: int) -> None:
    declaration = read_json_file(path).declaration
    assert fingerprint(declaration) == expected
    assert len(canonical_bytes(declaration)) == size


def test_worked_example_canonical_bytes_are_exactly_the_spec_text() -> None:
    expected = (
        '{"form":"project","funds":{"fiscal":"60.50","other":"0.00"},"goals":["完成档案数字化不少于20000卷。\\n"],'
        '"indicators":[{"level1":"产出指标","level2":"数量指标","name":"档案数字化卷数","value":"≥20000卷"},'
        '{"goals":[1],"level1":"满意度指标","level2":"服务对象满意度指标","name":"查档人员满意度","value":"≥90%"}],'
        '"mid_term":{"funds":{"fiscal":"120.00","other":"0.00"},"goals":["完成档案数字化不少于40000卷。"],'
        '"indicators":[{"level1":"成本指标","level2":"社会成本指标","not_applicable":true},'
        '{"level1":"产出指标","level2":"数量指标","name":"档案数字化卷数","value":"≥40000卷"}]},'
        '"profile":"MOF-PROJECT-2021","project":{"attribute":"新增","name":"档案数字化项目","period_end":2028,'
        '"period_start":2027,"supervisor_code":"101"},"supervisor":"示例主管部门","unit_name":"示例单位（本级）","year":2027}'
    )
    assert canonical_bytes(read_json_file(CASE).declaration).decode("utf-8") == expected


def test_reader_builds_both_horizons_of_the_zdpq_fixture() -> None:
    declaration = read_json_file(ZDPQ).declaration
    assert isinstance(declaration, ProjectDeclaration)
    assert declaration.project.name == "重点片区建设（其他项目）"
    assert (declaration.project.period_start, declaration.project.period_end) == (2026, 2028)
    assert declaration.project.task == "重点片区建设（其他项目）"
    assert declaration.funds.total == Decimal("1279.04")
    assert declaration.mid_term is not None and declaration.mid_term.funds.total == Decimal("3850.00")
    assert len(declaration.goals) == 5 and len(declaration.mid_term.goals) == 5
    assert declaration.indicator_count() == 24
    assert sum(len(c.indicators) for c in declaration.mid_term.categories) == 26
    assert declaration.tasks == [] and declaration.declared_totals is None


def test_worked_example_keeps_declared_total_task_link_and_normalises_the_mid_tree() -> None:
    result = read_json_file(CASE)
    declaration = result.declaration
    assert isinstance(declaration, ProjectDeclaration)
    assert declaration.funds.declared_total == Decimal("60.50")
    assert declaration.goals == ["完成档案数字化不少于20000卷。\r\n"]
    assert result.normalised_paths == ["indicators[0].value", "indicators[1].value"]
    assert declaration.mid_term is not None
    social = [c for c in declaration.mid_term.categories if c.level2 == "社会成本指标"][0]
    assert social.not_applicable


@pytest.mark.parametrize("path", [CASE, ZDPQ, ANNUAL])
def test_write_then_read_is_equal_in_content(path: Path) -> None:
    declaration = read_json_file(path).declaration
    again = read_json_bytes(dumps_declaration(declaration)).declaration
    assert equal_in_content(declaration, again)
    assert fingerprint(again) == fingerprint(declaration)


def test_writer_key_order_and_omissions() -> None:
    written = declaration_to_dict(read_json_file(CASE).declaration, {"app": "x"})
    assert list(written) == [
        "format", "version", "form", "profile", "year", "unit_name", "supervisor", "project",
        "funds", "goals", "indicators", "mid_term", "footer", "accepted_findings", "meta",
    ]  # fmt: skip
    assert "tasks" not in written and "totals" not in written
    assert written["funds"] == {"fiscal": "60.50", "other": "0.00", "total": "60.50"}
    assert written["project"]["task"] == "档案管理"
    assert written["footer"]["project_head"] == ""
    annual = declaration_to_dict(read_json_file(ANNUAL).declaration)
    assert "mid_term" not in annual and "total" not in annual["funds"]


def test_empty_mid_term_is_left_out_and_counts_as_absent() -> None:
    data = doc(CASE)
    data["mid_term"] = {"funds": {"fiscal": "0", "other": "0"}, "goals": [" "], "indicators": []}
    declaration = read(data)
    assert not declaration.mid_in_use()
    assert "mid_term" not in declaration_to_dict(declaration)


def test_project_head_round_trips_and_is_printed_content() -> None:
    data = doc(CASE)
    data["footer"]["project_head"] = "张三"
    declaration = read(data)
    assert declaration.project_head == "张三"
    assert b"\xe5\xbc\xa0\xe4\xb8\x89" in canonical_bytes(declaration)  # 张三
    assert fingerprint(declaration) != "9b6ff845f3b3"


def test_unprinted_task_link_and_declared_total_leave_the_fingerprint_alone() -> None:
    data = doc(CASE)
    data["project"]["task"] = "别的任务"
    data["funds"]["total"] = "999"
    changed = read(data)
    assert fingerprint(changed) == "9b6ff845f3b3"
    assert not equal_in_content(changed, read_json_file(CASE).declaration)


def _refused(data: Any) -> ExchangeError:
    with pytest.raises(ExchangeError) as caught:
        declaration_from_dict(data)
    return caught.value


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    data.pop(key)
    return data


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: _without(d, "project"), "project", "缺少"),
        (lambda d: _without(d, "funds"), "funds", "缺少"),
        (lambda d: d.update(tasks=[{"name": "x"}]), "tasks", "项目支出表没有年度主要任务"),
        (lambda d: d.update(totals={}), "totals", "金额合计"),
        (lambda d: d["project"].update(period_start=26), "project.period_start", "4 位整数"),
        (lambda d: d["project"].update(period_end="2028"), "project.period_end", "4 位整数"),
        (lambda d: d["project"].update(texts={"overview": "x"}), "project.texts.overview", "没有文字栏"),
        (lambda d: d["funds"].update(details={"bond": "1"}), "funds.details.bond", "资金来源明细"),
        (lambda d: d["mid_term"]["funds"].update(fiscal="-1"), "mid_term.funds.fiscal", "金额"),
        (lambda d: d.update(profile="SZ-DEPT-2026"), "profile", "部门（单位）整体支出表"),
        (lambda d: d.update(profile="NO-SUCH"), "profile", "未知"),
        (lambda d: d["mid_term"]["indicators"][0].update(level2="社会效益指标"), "mid_term.indicators[0].level2", "S08"),
        (
            lambda d: d["mid_term"]["indicators"].append(
                {"level1": "成本指标", "level2": "社会成本指标", "name": "x", "value": "1次"}
            ),
            "mid_term.indicators[1]",
            "S10",
        ),
        (lambda d: d["mid_term"]["indicators"][0].update(goals=[3]), "mid_term.indicators[0].goals[0]", "对应目标 3 不存在"),
    ],
)
def test_reader_refuses_bad_project_documents_naming_the_path(change: Any, path: str, words: str) -> None:
    data = doc(CASE)
    change(data)
    error = _refused(data)
    assert error.path == path
    assert words in error.message


def test_mid_term_in_an_annual_only_profile_is_refused() -> None:
    data = doc(CASE)
    data["profile"] = "ANNUAL-PROJECT-2026"
    error = _refused(data)
    assert error.path == "mid_term" and "只有年度目标" in error.message


def test_department_document_with_project_keys_is_refused() -> None:
    seed = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "seed-futian-2026.json").read_text("utf-8"))
    for key in ("project", "funds", "mid_term"):
        data = dict(seed)
        data[key] = {}
        error = _refused(data)
        assert error.path == key and "部门（单位）整体支出表不能含有" in error.message
    data = dict(seed, profile="MOF-PROJECT-2021")
    assert _refused(data).path == "profile"


def test_profile_defaults_to_the_shenzhen_project_layout() -> None:
    data = doc(ANNUAL)
    data.pop("profile")
    data["project"]["texts"] = {"content": "主要内容"}
    declaration = read(data)
    assert declaration.profile_id == "SZ-PROJECT-2026"
    assert declaration.project.texts == {"content": "主要内容"}
