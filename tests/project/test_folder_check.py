"""``perfdecl check FOLDER``: a unit's department form and its projects cross-checked together."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import run_cli
from tests.project.helpers import ANNUAL, FIXTURES, ZDPQ

SEED = FIXTURES / "seed-futian-2026.json"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "unit"
    folder.mkdir()
    for path in (SEED, ZDPQ, ANNUAL):
        shutil.copy(path, folder / path.name)
    return folder


def test_folder_check_cross_checks_the_files_and_prints_one_summary_line_per_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run_cli("check", folder)
    assert result.status == 0, result.err
    summaries = [line for line in result.out.splitlines() if "：错误 " in line]
    assert [line.split("：")[0] for line in summaries] == [
        str(folder / n)
        for n in ("project-annual-example.json", "project-futian-2026-zdpq.json", "seed-futian-2026.json")
    ]
    assert summaries[1].endswith("错误 0 · 警告 0 · 提示 5")  # the five C03 infos of the spec
    payload = json.loads(run_cli("check", folder, "--json").out)
    by_target = {Path(r["target"]).name: r["findings"] for r in payload["results"]}
    assert [f["rule"] for f in by_target["project-annual-example.json"]] == ["A07"]  # another unit
    assert {f["rule"] for f in by_target["project-futian-2026-zdpq.json"]} == {"C03"}
    assert [f["where"] for f in by_target["seed-futian-2026.json"] if f["rule"] == "C03"] == ["tasks[2]"]


def test_folder_check_reports_c02_on_both_when_amounts_differ(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    data = json.loads(ZDPQ.read_text("utf-8"))
    data["funds"]["fiscal"] = "1200.00"
    (folder / ZDPQ.name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    payload = json.loads(run_cli("check", folder, "--json").out)
    by_target = {Path(r["target"]).name: r["findings"] for r in payload["results"]}
    assert [f["where"] for f in by_target[ZDPQ.name] if f["rule"] == "C02"] == ["funds"]
    assert [f["where"] for f in by_target[SEED.name] if f["rule"] == "C02"] == ["tasks[2]"]


def test_single_file_targets_have_no_neighbours(tmp_path: Path) -> None:
    payload = json.loads(run_cli("check", SEED, ZDPQ, "--json").out)
    assert not [f for r in payload["results"] for f in r["findings"] if f["rule"] in ("C02", "C03")]


def test_an_unreadable_file_in_the_folder_is_named_and_the_others_are_checked(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.json").write_text("{", "utf-8")
    result = run_cli("check", folder)
    assert result.status == 2
    assert "broken.json" in result.err and "JSON 格式错误" in result.err
    assert len([line for line in result.out.splitlines() if "：错误 " in line]) == 3
