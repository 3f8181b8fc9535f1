"""Every user-caused OS error is exit 2 with a Chinese message, never 3 (issue 10, item 7)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import logical_dump, run_cli

TOO_LONG = "申报表" * 100  # 900 bytes in UTF-8: longer than any file system allows in one name


def _said_too_long(err: str) -> bool:
    return "文件名或路径太长" in err and "抱歉" not in err


def test_export_to_a_name_too_long_is_exit_2_and_changes_nothing(
    seeded_db: Path, tmp_path: Path
) -> None:
    before = logical_dump(seeded_db)
    for suffix in (".json", ".pdf", ".xlsx"):
        result = run_cli("export", "1", "--to", tmp_path / f"{TOO_LONG}{suffix}", "--db", seeded_db)
        assert result.status == 2, result.err
        assert _said_too_long(result.err)
    assert logical_dump(seeded_db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("test.sqlite3")) == []


def test_reading_a_name_too_long_is_exit_2(seeded_db: Path, tmp_path: Path, seed_path: Path) -> None:
    for args in (
        ("import", tmp_path / f"{TOO_LONG}.json"),
        ("export", tmp_path / f"{TOO_LONG}.json", "--to", tmp_path / "out.json"),
        ("check", tmp_path / f"{TOO_LONG}.json"),
        ("gui", "--screenshot", tmp_path / "shot.png", tmp_path / f"{TOO_LONG}.json"),
    ):
        result = run_cli(*args, "--db", seeded_db)
        assert result.status == 2, (args, result.err)
        assert _said_too_long(result.err), result.err


def test_several_check_targets_go_on_past_a_name_too_long(
    tmp_path: Path, seed_path: Path
) -> None:
    result = run_cli("check", tmp_path / f"{TOO_LONG}.json", seed_path)
    assert result.status == 2
    assert _said_too_long(result.err)
    assert str(seed_path) in result.out


def test_a_database_path_too_long_is_exit_2(tmp_path: Path, seed_path: Path) -> None:
    result = run_cli("import", seed_path, "--db", tmp_path / f"{TOO_LONG}.sqlite3")
    assert result.status == 2, result.err
    assert _said_too_long(result.err)
    result = run_cli("list", "--db", tmp_path / TOO_LONG / "x.sqlite3")
    assert result.status in (0, 2) and "抱歉" not in result.err


def test_an_output_in_a_file_instead_of_a_folder_is_exit_2(seeded_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("export", "1", "--to", blocker / "out.json", "--db", seeded_db)
    assert result.status == 2 and "抱歉" not in result.err
