"""Code cites documents that exist in the repository, never the team's shared folder."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "db", "ui", "tests", "bench", "packaging")
CITED = re.compile(r"docs/[\w-]+\.md")
# A bare spec name (cli.md, domain.md §4.2) or a path out of the repository.
OUTSIDE = re.compile(r"(?<![\w/-])(?:domain|cli|ui|xlsx|exchange-format|project-form)\.md|\.\./shared/")


BUILD_OUTPUT = REPO / "packaging" / "build"  # build environments (git-ignored), not our sources


def _sources() -> list[Path]:
    return [
        p
        for package in PACKAGES
        for p in sorted((REPO / package).rglob("*.py"))
        if not p.is_relative_to(BUILD_OUTPUT)
    ]


def test_every_cited_document_exists() -> None:
    missing = {
        f"{path.relative_to(REPO)} cites {name}"
        for path in _sources()
        if path.name != "test_docs.py"
        for name in CITED.findall(path.read_text(encoding="utf-8"))
        if not (REPO / name).is_file()
    }
    assert missing == set()


def test_no_source_cites_a_document_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {match.group(0)}"
        for path in _sources()
        if path.name != "test_docs.py"
        for match in OUTSIDE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_checker_sees_a_missing_document(tmp_path: Path) -> None:
    text = '"""See docs/nowhere.md and cli.md."""'
    assert CITED.findall(text) == ["docs/nowhere.md"]
    assert [m.group(0) for m in OUTSIDE.finditer(text)] == ["cli.md"]
