"""``perfdecl check`` and the .pdf/.xlsx outputs through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.settings import Settings
from tests.cli.conftest import logical_dump, run_cli
from tests.documents.helpers import pdftotext, squeeze


def _broken_copy(seed_path: Path, tmp_path: Path) -> Path:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["unit_name"] = ""  # S02: an error
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_of_the_seed_exits_0_and_lists_the_warnings(seed_path: Path) -> None:
    result = run_cli("check", seed_path)
    assert result.status == 0
    lines = result.out.strip().splitlines()
    assert lines[-1].startswith(f"{seed_path}：错误 0 · 警告 ")
    assert any("I13" in line and "在建旧住宅区改造项目开展巡查覆盖率" in line for line in lines)
    assert any("I07" in line for line in lines)


def test_check_json_shape_for_one_and_several_targets(seed_path: Path, tmp_path: Path) -> None:
    one = json.loads(run_cli("check", seed_path, "--json").out)
    assert set(one) == {"ruleset", "target", "findings"}
    finding = one["findings"][0]
    assert set(finding) == {
        "rule",
        "severity",
        "dimension",
        "where",
        "subject",
        "message",
        "accepted",
    }
    broken = _broken_copy(seed_path, tmp_path)
    several = run_cli("check", seed_path, broken, "--json")
    assert several.status == 1
    payload = json.loads(several.out)
    assert [r["target"] for r in payload["results"]] == [str(seed_path), str(broken)]
    assert any(
        f["rule"] == "S02" and f["severity"] == "error" for f in payload["results"][1]["findings"]
    )


def test_check_of_a_folder_and_an_unusable_target(seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(seed_path, folder / "a.json")
    (folder / "b.json").write_text("{broken", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    result = run_cli("check", folder)
    assert result.status == 2  # one unusable target
    assert "a.json：错误 0" in result.out
    assert "b.json" in result.err


def test_check_of_a_stored_declaration_never_creates_a_database(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite3"
    assert run_cli("check", "1", "--db", db).status == 2
    assert not db.exists()


def test_pdf_export_of_the_seed_names_revision_and_fingerprint(
    seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "seed.pdf"
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 0, result.err
    text = squeeze(pdftotext(out))
    assert "第1版" in text and "c493b6999ea4" in text
    assert "草稿" not in text and "自检未通过" not in text


def test_a_declaration_with_errors_prints_as_draft_unless_turned_off(
    seed_path: Path, tmp_path: Path
) -> None:
    broken = _broken_copy(seed_path, tmp_path)
    out = tmp_path / "draft.pdf"
    assert run_cli("export", broken, "--to", out).status == 0
    text = squeeze(pdftotext(out))
    assert "自检未通过" in text and "草稿" in text and "未存档" in text
    Settings().set("print.draft_watermark", False)
    clean = tmp_path / "clean.pdf"
    assert run_cli("export", broken, "--to", clean).status == 0
    assert "自检未通过" not in squeeze(pdftotext(clean))


def test_pdf_with_a_character_outside_the_font_is_refused_and_nothing_changes(
    seeded_db: Path, tmp_path: Path
) -> None:
    from db.repository import open_store

    store = open_store(seeded_db)
    declaration = store.load(1)
    declaration.categories[0].indicators[2].name = "开展𠀀服务项数"
    store.save(1, declaration)
    store.close()
    before = logical_dump(seeded_db)
    out = tmp_path / "never.pdf"
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 2
    assert "𠀀" in result.err and "三级指标" in result.err and "U+20000" in result.err
    assert not out.exists()
    assert logical_dump(seeded_db) == before


def test_xlsx_round_trip_through_the_command_line(
    seeded_db: Path, seed_path: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "seed.xlsx"
    assert run_cli("export", "1", "--to", workbook, "--db", seeded_db).status == 0
    # The same content is already stored: --copy imports it again as a new declaration.
    imported = run_cli("import", workbook, "--copy", "--db", seeded_db)
    assert imported.status == 0, imported.err
    assert imported.out.strip() == "2"
    again = tmp_path / "again.json"
    assert run_cli("export", "2", "--to", again, "--db", seeded_db).status == 0
    assert json.loads(again.read_text(encoding="utf-8"))["meta"]["fingerprint"] == "c493b6999ea4"
    assert content_key(read_json_file(again).declaration) == content_key(
        read_json_file(seed_path).declaration
    )


@pytest.fixture
def flat_list(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["三级指标", "二级指标", "一级指标", "指标值", "计量单位"])
    sheet.append(["培训场次", "数量指标", "产出指标", "≥3", "场"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


def test_flat_list_needs_into_and_then_appends(seeded_db: Path, flat_list: Path) -> None:
    before = logical_dump(seeded_db)
    refused = run_cli("import", flat_list, "--db", seeded_db)
    assert refused.status == 2 and "--into" in refused.err
    assert logical_dump(seeded_db) == before
    done = run_cli("import", flat_list, "--into", "1", "--db", seeded_db)
    assert done.status == 0, done.err
    from db.repository import open_store

    store = open_store(seeded_db)
    names = [i.name for _, i in store.load(1).iter_indicators()]
    store.close()
    assert names.count("培训场次") == 1 and len(names) == 30
