"""Project declarations in the store and on the command line (import, export, list, check)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import equal_in_content, fingerprint
from desktop.exchange.reader import read_json_file
from tests.cli.conftest import run_cli
from tests.project.helpers import ANNUAL, CASE, ZDPQ

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed-futian-2026.json"


@pytest.mark.parametrize(
    ("path", "expected"),
    [(ZDPQ, "461bc439ad8f"), (ANNUAL, "ceb1f7b88977"), (CASE, "9b6ff845f3b3")],
)
def test_import_then_export_round_trips_equal_in_content(path: Path, expected: str, db_path: Path, tmp_path: Path) -> None:
    imported = run_cli("import", path, "--db", db_path)
    assert imported.status == 0, imported.err
    out = tmp_path / "x.json"
    exported = run_cli("export", imported.out.strip(), "--to", out, "--db", db_path)
    assert exported.status == 0, exported.err
    written = json.loads(out.read_text("utf-8"))
    assert written["form"] == "project"
    assert written["meta"]["revision"] == 1 and written["meta"]["fingerprint"] == expected
    again = read_json_file(out).declaration
    assert equal_in_content(again, read_json_file(path).declaration)


def test_working_copy_revisions_and_final_carry_the_project(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    declaration = read_json_file(ZDPQ).declaration
    assert isinstance(declaration, ProjectDeclaration)
    declaration_id = store.create(declaration, with_revision=True)
    declaration.project.name = "重点片区建设（改名）"
    assert declaration.mid_term is not None
    declaration.mid_term.funds.fiscal = Decimal("4000.00")
    declaration.project_head = "李四"
    store.save(declaration_id, declaration)
    loaded = store.load(declaration_id)
    assert isinstance(loaded, ProjectDeclaration)
    assert loaded.project.name == "重点片区建设（改名）"
    assert loaded.mid_term is not None and loaded.mid_term.funds.fiscal == Decimal("4000.00")
    assert loaded.project_head == "李四"
    second = store.make_revision(declaration_id)
    store.set_final(declaration_id, second.number)
    assert [r.is_final for r in store.revisions(declaration_id)] == [False, True]
    first = store.load_revision(declaration_id, 1)
    assert isinstance(first, ProjectDeclaration) and first.project.name == "重点片区建设（其他项目）"
    assert fingerprint(first) == "461bc439ad8f"
    assert store.summary(declaration_id).project_name == "重点片区建设（改名）"


def test_list_shows_project_name_only_on_project_rows(db_path: Path) -> None:
    assert run_cli("import", SEED, "--db", db_path).status == 0
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    lines = sorted(run_cli("list", "--db", db_path).out.strip().splitlines())
    assert lines[0].split("\t")[3] == "department_overall" and len(lines[0].split("\t")) == 6
    assert lines[1].split("\t")[3] == "project" and lines[1].split("\t")[6] == "重点片区建设（其他项目）"
    rows = {r["id"]: r for r in json.loads(run_cli("list", "--json", "--db", db_path).out)}
    assert rows[1]["project_name"] is None and rows[2]["project_name"] == "重点片区建设（其他项目）"


def _c02(db_path: Path, target: str) -> list[dict[str, str]]:
    result = run_cli("check", target, "--json", "--db", db_path)
    return [f for f in json.loads(result.out)["findings"] if f["rule"] == "C02"]


def test_changing_the_seed_task_amount_raises_c02_on_both_and_back_clears_it(db_path: Path) -> None:
    from db.repository import open_store

    assert run_cli("import", SEED, "--db", db_path).status == 0
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    assert _c02(db_path, "1") == [] and _c02(db_path, "2") == []
    c03 = [f for f in json.loads(run_cli("check", "2", "--json", "--db", db_path).out)["findings"] if f["rule"] == "C03"]
    assert len(c03) == 5 and {f["severity"] for f in c03} == {"info"}
    with open_store(db_path) as store:
        seed = store.load(1)
        seed.tasks[2].fiscal = Decimal("1280.00")
        store.save(1, seed)
    assert [(f["severity"], f["where"]) for f in _c02(db_path, "1")] == [("warning", "tasks[2]")]
    assert [(f["severity"], f["where"]) for f in _c02(db_path, "2")] == [("warning", "funds")]
    with open_store(db_path) as store:
        seed = store.load(1)
        seed.tasks[2].fiscal = Decimal("1279.04")
        store.save(1, seed)
    assert _c02(db_path, "1") == [] and _c02(db_path, "2") == []


def test_check_of_each_fixture_file_gives_the_spec_findings() -> None:
    clean = run_cli("check", ZDPQ)
    assert clean.status == 0 and clean.out.strip().endswith("错误 0 · 警告 0 · 提示 0")
    annual = json.loads(run_cli("check", ANNUAL, "--json").out)
    assert [(f["rule"], f["severity"], f["where"]) for f in annual["findings"]] == [
        ("A07", "info", "funds.other")
    ]
    assert annual["ruleset"] == "SZ-rules 1.1"


def test_last_years_project_is_found_by_name_for_c01(db_path: Path, tmp_path: Path) -> None:
    data = json.loads(ZDPQ.read_text("utf-8"))
    data["year"] = 2025
    data["project"].update(period_start=2025, period_end=2027)
    data["goals"] = ["上年" + g for g in data["goals"]]
    for row in data["indicators"]:
        if row.get("name") == "开展施工项目现场巡查次数":
            row["value"] = "≥8次"
    last = tmp_path / "last.json"
    last.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert run_cli("import", last, "--db", db_path).status == 0
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    found = json.loads(run_cli("check", "2", "--json", "--db", db_path).out)["findings"]
    assert [f["subject"] for f in found if f["rule"] == "C01"] == ["开展施工项目现场巡查次数"]
    # a project of another name is not last year's form
    data["project"]["name"] = "别的项目"
    last.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    other_db = tmp_path / "other.sqlite3"
    assert run_cli("import", last, "--db", other_db).status == 0
    assert run_cli("import", ZDPQ, "--db", other_db).status == 0
    found = json.loads(run_cli("check", "2", "--json", "--db", other_db).out)["findings"]
    assert not [f for f in found if f["rule"] == "C01"]


def _script() -> tuple[Config, ScriptDirectory]:
    from db.engine import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config, ScriptDirectory.from_config(config)


def test_migrations_have_a_single_head() -> None:
    _, script = _script()
    heads = script.get_heads()
    assert len(heads) == 1, heads


def test_a_database_before_the_project_table_is_upgraded_keeping_its_forms(db_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from db.repository import open_store

    assert run_cli("import", SEED, "--db", db_path).status == 0
    config, _ = _script()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001_initial")
        assert "project_part" not in inspect(conn).get_table_names()
    engine.dispose()
    with open_store(db_path) as store:  # opening migrates to head
        assert fingerprint(store.load(1)) == "c493b6999ea4"
        project_id = store.create(read_json_file(ZDPQ).declaration)
        assert isinstance(store.load(project_id), ProjectDeclaration)


def test_the_seed_keeps_its_findings_beside_its_project_plus_one_c03(db_path: Path) -> None:
    alone = json.loads(run_cli("check", SEED, "--json").out)["findings"]
    assert run_cli("import", SEED, "--db", db_path).status == 0
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    stored = json.loads(run_cli("check", "1", "--json", "--db", db_path).out)["findings"]
    extra = [f for f in stored if f not in alone]
    assert [(f["rule"], f["severity"], f["where"]) for f in extra] == [("C03", "info", "tasks[2]")]
    assert [f for f in alone if f not in stored] == []


def test_the_deferred_store_reads_projects_like_the_full_store(db_path: Path) -> None:
    from db.deferred import DeferredStore

    assert run_cli("import", SEED, "--db", db_path).status == 0
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    deferred = DeferredStore(db_path)
    loaded = deferred.load(2)
    assert isinstance(loaded, ProjectDeclaration) and not deferred.opened
    assert fingerprint(loaded) == "461bc439ad8f"
    assert [s.project_name for s in sorted(deferred.list(), key=lambda s: s.id)] == [
        None,
        "重点片区建设（其他项目）",
    ]
    assert deferred.summary(2).project_name == "重点片区建设（其他项目）"


def test_the_gate_refuses_a_bad_project_amount_or_mid_row_before_storing(store: Any) -> None:
    from desktop.domain.validate import problems

    declaration = read_json_file(ZDPQ).declaration
    assert isinstance(declaration, ProjectDeclaration) and declaration.mid_term is not None
    assert problems(declaration) == []
    declaration.mid_term.funds.fiscal = Decimal("-1")
    declaration.mid_term.goals[0] = "目标1：" + declaration.mid_term.goals[0]
    paths = [p.path for p in problems(declaration)]
    assert paths == ["mid_term.funds.fiscal", "mid_term.goals[0]"]
