"""Bad input on the command line: exit 2, a Chinese message naming the place, nothing changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.exchange.jsontext import MAX_BYTES
from desktop.services import output
from tests.cli.conftest import logical_dump, run_cli
from tests.exchange.test_bad_input import CASES


def _write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("label", "change", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_import_changes_nothing(
    seeded_db: Path, seed_path: Path, tmp_path: Path, label: str, change: Any, path: str, words: str
) -> None:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    change(doc)
    bad = _write(tmp_path, doc)
    before = logical_dump(seeded_db)
    result = run_cli("import", bad, "--db", seeded_db)
    assert result.status == 2
    assert path in result.err and words in result.err
    assert result.out == ""
    assert logical_dump(seeded_db) == before


@pytest.mark.parametrize(
    "payload",
    [b'{"format": "perfdecl.declaration", "x": "\xff"}', b"[" * 65 + b"]" * 65, b"{not json"],
    ids=["invalid utf-8", "too deep", "malformed"],
)
def test_refused_import_into_a_new_db_path_creates_no_file(tmp_path: Path, payload: bytes) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    db = tmp_path / "fresh.sqlite3"
    result = run_cli("import", bad, "--db", db)
    assert result.status == 2
    assert "bad.json" in result.err
    assert not db.exists()


def test_oversized_file_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 10)
    result = run_cli("import", big, "--db", tmp_path / "x.sqlite3")
    assert result.status == 2 and "20 MB" in result.err


def test_usage_errors_are_chinese_with_status_2(tmp_path: Path) -> None:
    result = run_cli("export", "1", "--db", tmp_path / "x.sqlite3")
    assert result.status == 2
    assert "用法" in result.err and "缺少必需的参数" in result.err
    assert run_cli("frobnicate").status == 2


def test_unknown_id_and_revision_and_suffix(seeded_db: Path, tmp_path: Path) -> None:
    before = logical_dump(seeded_db)
    assert "没有编号为 7" in run_cli("export", "7", "--to", tmp_path / "a.json", "--db", seeded_db).err
    missing = run_cli("export", "1", "--to", tmp_path / "a.json", "--revision", "9", "--db", seeded_db)
    assert missing.status == 2 and "第 9 版" in missing.err
    odd = run_cli("export", "1", "--to", tmp_path / "a.docx", "--db", seeded_db)
    assert odd.status == 2 and ".docx" in odd.err
    assert not (tmp_path / "a.json").exists() and not (tmp_path / "a.docx").exists()
    assert logical_dump(seeded_db) == before


def test_flat_list_without_into_is_refused(tmp_path: Path) -> None:
    result = run_cli("import", tmp_path / "list.csv", "--db", tmp_path / "x.sqlite3")
    assert result.status == 2


def test_damaged_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "junk.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    result = run_cli("list", "--db", db)
    assert result.status == 2 and "junk.sqlite3" in result.err


def test_internal_error_apologises_with_a_log_file(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(output, "write_json_file", explode)
    out = tmp_path / "x.json"
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 3
    assert "抱歉" in result.err and "Traceback" not in result.err
    log = Path(result.err.strip().split("：")[-1])
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    assert not out.exists()


@pytest.fixture
def damaged_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The bundled resources, with the default profile's S12 bound written as text."""
    import shutil

    from desktop import resources
    from desktop.domain import profile

    copy = tmp_path / "resources"
    shutil.copytree(resources.resource_root(), copy)
    target = copy / "profiles" / "SZ-DEPT-2026.json"
    data = json.loads(target.read_text(encoding="utf-8"))
    data["rules"]["S12"]["min_indicators"] = "8"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    caches = (resources.resource_root, profile.available_profile_ids, profile.load_profile)
    monkeypatch.setenv("PERFDECL_RESOURCES", str(copy))
    for cached in caches:
        cached.cache_clear()
    yield target
    monkeypatch.delenv("PERFDECL_RESOURCES")
    for cached in caches:
        cached.cache_clear()


def test_a_damaged_bundled_profile_is_named_with_its_key_and_exits_2(
    damaged_profile: Path, seed_path: Path
) -> None:
    result = run_cli("check", seed_path)
    assert result.status == 2
    assert str(damaged_profile) in result.err
    assert "“rules.S12.min_indicators”应为整数" in result.err and "重新安装" in result.err
