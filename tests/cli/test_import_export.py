"""``perfdecl import`` / ``export`` / ``list``: the done-when lines of the foundation issue."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.exchange.canonical import content_key, fingerprint
from desktop.exchange.reader import read_json_file
from tests.cli.conftest import run_cli


def test_seed_import_then_export_is_equal_in_content_with_the_spec_fingerprint(
    seeded_db: Path, seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 0, result.err
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["meta"]["fingerprint"] == "c493b6999ea4"
    assert exported["meta"]["revision"] == 1
    assert content_key(read_json_file(out).declaration) == content_key(read_json_file(seed_path).declaration)


def test_case_two_round_trips_with_its_fingerprint(db: Path, fixtures_dir: Path, tmp_path: Path) -> None:
    source = fixtures_dir / "fingerprint-case-2.json"
    assert run_cli("import", source, "--db", db).status == 0
    out = tmp_path / "case2.json"
    assert run_cli("export", "1", "--to", out, "--db", db).status == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["fingerprint"] == "efb33cf77a4d"
    again = read_json_file(out).declaration
    assert content_key(again) == content_key(read_json_file(source).declaration)
    assert again.accepted_findings[0].rule == "I07"
    assert str(again.budget_control_total) == "1225.30"


def test_import_prints_only_the_id_and_warnings_go_to_stderr(db: Path, seed_path: Path, tmp_path: Path) -> None:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["tasks"][1]["total"] = "888.00"
    doc["goals"][0] = "目标2：" + doc["goals"][0]
    source = tmp_path / "warn.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run_cli("import", source, "--db", db)
    assert result.status == 0
    assert result.out == "1\n"
    lines = result.err.strip().splitlines()
    assert any("A01" in line for line in lines) and any("S06" in line for line in lines)


def test_list_shows_year_unit_form_revision(seeded_db: Path) -> None:
    result = run_cli("list", "--db", seeded_db)
    fields = result.out.strip().split("\t")
    assert fields[:5] == ["1", "2026", "深圳市福田区重点片区建设发展中心（本级）", "department_overall", "1"]
    rows = json.loads(run_cli("list", "--json", "--db", seeded_db).out)
    assert rows[0]["revision"] == 1 and rows[0]["unit_name"].startswith("深圳市")


def test_export_of_unchanged_working_copy_makes_no_new_revision(seeded_db: Path, tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        assert run_cli("export", "1", "--to", tmp_path / name, "--db", seeded_db).status == 0
    assert run_cli("list", "--db", seeded_db).out.split("\t")[4] == "1"


def test_export_of_edited_working_copy_freezes_a_new_revision(seeded_db: Path, tmp_path: Path) -> None:
    from db.repository import open_store

    store = open_store(seeded_db)
    declaration = store.load(1)
    declaration.goals[0] = "新的目标文字，开展党建活动不少于4次。"
    store.save(1, declaration)
    store.close()
    out = tmp_path / "edited.json"
    assert run_cli("export", "1", "--to", out, "--db", seeded_db).status == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["revision"] == 2
    old = tmp_path / "r1.json"
    assert run_cli("export", "1", "--to", old, "--revision", "1", "--db", seeded_db).status == 0
    assert json.loads(old.read_text(encoding="utf-8"))["meta"]["fingerprint"] == "c493b6999ea4"
    assert fingerprint(read_json_file(out).declaration) != "c493b6999ea4"


def test_export_of_a_file_target_has_no_revision_and_opens_no_database(
    seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.json"
    db = tmp_path / "never.sqlite3"
    assert run_cli("export", seed_path, "--to", out, "--db", db).status == 0
    assert "revision" not in json.loads(out.read_text(encoding="utf-8"))["meta"]
    assert not db.exists()


def test_list_and_export_never_create_a_database(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite3"
    assert run_cli("list", "--db", db).status == 0
    assert run_cli("export", "1", "--to", tmp_path / "x.json", "--db", db).status == 2
    assert not db.exists()


def test_db_from_environment(
    monkeypatch: pytest.MonkeyPatch, seed_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("PERFDECL_DB", str(db))
    assert run_cli("import", seed_path).status == 0
    assert db.exists()


def test_db_option_after_or_before_the_subcommand(seeded_db: Path) -> None:
    assert run_cli("--db", seeded_db, "list").out == run_cli("list", "--db", seeded_db).out


def test_console_script_runs_as_module(seed_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(seed_path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    version = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip().startswith("perfdecl ")
