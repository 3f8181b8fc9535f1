"""With exit status 2 or 3 nothing is written to the database and no output is created or changed.

Failures are provoked the way users meet them: a full disk, a folder without write permission,
an output path that is a folder, a database another program is writing, an internal error.
"""

from __future__ import annotations

import errno
import json
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest

from desktop.domain.model import Declaration
from desktop.services import output
from tests.cli.conftest import logical_dump, run_cli


def _edit_working_copy(db: Path, unit_name: str = "编辑后的单位") -> None:
    """What the GUI's autosave does: the working copy now differs from revision 1."""
    from db.repository import open_store

    with open_store(db, create=False) as store:
        declaration = store.load(1)
        declaration.unit_name = unit_name
        store.save(1, declaration)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith("test.sqlite3")}


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".pdf"])
def test_a_full_disk_during_export_writes_no_file_and_no_revision(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    _edit_working_copy(seeded_db)
    before = logical_dump(seeded_db)
    out = tmp_path / f"out{suffix}"

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.atomic.os.fsync", disk_full)
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 2, result.err
    assert "磁盘空间不足" in result.err and "No space" not in result.err
    assert not out.exists()
    assert _files(tmp_path) == set()  # no temporary file left behind
    assert logical_dump(seeded_db) == before  # revision 2 was not made
    monkeypatch.undo()
    assert run_cli("export", "1", "--to", out, "--db", seeded_db).status == 0
    assert run_cli("list", "--db", seeded_db).out.split("\t")[4] == "2"


def test_a_failed_export_leaves_an_existing_output_as_it_was(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kept.json"
    out.write_text("上一次导出的内容", encoding="utf-8")
    _edit_working_copy(seeded_db)
    before = logical_dump(seeded_db)

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # a folder the user may not write to
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 2
    assert "没有写入权限" in result.err and "Permission" not in result.err
    assert out.read_text(encoding="utf-8") == "上一次导出的内容"
    assert logical_dump(seeded_db) == before


def test_an_internal_error_while_writing_makes_no_revision(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit_working_copy(seeded_db)
    before = logical_dump(seeded_db)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(output, "write_json_file", explode)
    result = run_cli("export", "1", "--to", tmp_path / "x.json", "--db", seeded_db)
    assert result.status == 3
    assert logical_dump(seeded_db) == before
    assert _files(tmp_path) == set()


def test_an_output_path_that_is_a_folder_is_refused_in_chinese(
    seeded_db: Path, tmp_path: Path
) -> None:
    _edit_working_copy(seeded_db)
    before = logical_dump(seeded_db)
    folder = tmp_path / "out.json"
    folder.mkdir()
    result = run_cli("export", "1", "--to", folder, "--db", seeded_db)
    assert result.status == 2
    assert "文件夹" in result.err and "directory" not in result.err
    assert list(folder.iterdir()) == []
    assert logical_dump(seeded_db) == before


def test_a_database_another_program_is_writing_gives_status_2_and_changes_nothing(
    seeded_db: Path, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 50)  # don't wait 5 s in a test
    _edit_working_copy(seeded_db)
    before = logical_dump(seeded_db)
    other = sqlite3.connect(seeded_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. the GUI in the middle of an autosave
    try:
        imported = run_cli("import", seed_path, "--db", seeded_db)
        out = tmp_path / "locked.json"
        exported = run_cli("export", "1", "--to", out, "--db", seeded_db)
        listed = run_cli("list", "--db", seeded_db)  # readers are not blocked (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()
    for result in (imported, exported):
        assert result.status == 2, result.err
        assert "其他程序占用" in result.err and "locked" not in result.err
        assert result.out == ""
    assert listed.status == 0 and listed.out.count("\n") == 1
    assert not out.exists()
    assert logical_dump(seeded_db) == before


def test_an_autosave_during_an_export_is_in_the_revision_the_file_names(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit_working_copy(seeded_db, "导出时的单位")
    real_write = output.write_output
    saved: list[bool] = []

    def write_then_autosave(declaration: Declaration, out: Path, revision: int | None) -> None:
        real_write(declaration, out, revision)
        if not saved:  # the GUI saves the next keystroke while the file is being written
            saved.append(True)
            _edit_working_copy(seeded_db, "导出期间自动保存的单位")

    monkeypatch.setattr(output, "write_output", write_then_autosave)
    out = tmp_path / "raced.json"
    assert run_cli("export", "1", "--to", out, "--db", seeded_db).status == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    revision = run_cli("export", "1", "--revision", str(written["meta"]["revision"]),
                       "--to", tmp_path / "again.json", "--db", seeded_db)  # fmt: skip
    assert revision.status == 0
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert written["unit_name"] == again["unit_name"] == "导出期间自动保存的单位"
    assert written["meta"]["fingerprint"] == again["meta"]["fingerprint"]


def test_import_with_a_database_folder_that_cannot_be_made_is_status_2(
    seed_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("import", seed_path, "--db", blocker / "sub" / "db.sqlite3")
    assert result.status == 2, result.err
    assert "无法创建数据库文件夹" in result.err and "抱歉" not in result.err


def test_gui_screenshot_of_a_file_named_like_an_id_uses_a_temporary_database(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import app

    calls: list[Path | None] = []

    def fake_screenshot(out: Path, db_path: Path | None, *args: object) -> int:
        calls.append(db_path)
        return 0

    monkeypatch.setattr(app, "take_screenshot", fake_screenshot)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERFDECL_DB", str(tmp_path / "users.sqlite3"))
    Path("12").write_bytes(seed_path.read_bytes())
    assert run_cli("gui", "--screenshot", "a.png", "12").status == 0
    assert run_cli("gui", "--screenshot", "b.png", "13").status == 0  # no such file: an id
    assert calls == [None, tmp_path / "users.sqlite3"]


@pytest.mark.parametrize("argv", [["--smoke-test=1"], ["list", "--json=3"], ["check"]])
def test_usage_errors_have_no_english_left(argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.status == 2
    message = result.err.strip().splitlines()[-1]
    assert message.startswith("用法错误：")
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"--?[a-z-]+", "", message)), message


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["import", "--help"],
                                  ["check", "--help"], ["gui", "--help"], ["backup", "--help"],
                                  ["restore", "--help"]])  # fmt: skip
def test_help_has_no_english_left_except_names(argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.status == 0
    text = re.sub(r"--?[a-z-]+|perfdecl|PERFDECL_DB|\.(json|xlsx|pdf|png|sqlite3)\b", "", result.out)
    text = re.sub(
        r"\b(gui|import|list|check|export|backup|restore|Excel|JSON|PNG)\b|\d+x\d+|宽x高", "", text
    )
    assert not re.search(r"[A-Za-z]{2,}", text), text
