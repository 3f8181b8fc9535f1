"""Fixtures of the xlsx tests: the seed declaration, its export, and small workbook builders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from desktop.documents.xlsx import export_xlsx
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile, load_profile
from desktop.exchange.canonical import fingerprint
from desktop.exchange.reader import read_json_file


@pytest.fixture
def seed(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration


@pytest.fixture
def profile() -> Profile:
    return load_profile("SZ-DEPT-2026")


@pytest.fixture
def export(tmp_path: Path) -> Callable[..., Path]:
    """Export a declaration and return the workbook's path."""

    def run(decl: Declaration, name: str = "out.xlsx", revision: int | None = 3) -> Path:
        path = tmp_path / name
        export_xlsx(decl, load_profile(decl.profile_id), path, revision=revision, fingerprint=fingerprint(decl))
        return path

    return run


@pytest.fixture
def seed_xlsx(seed: Declaration, export: Callable[..., Path]) -> Path:
    return export(seed, "seed.xlsx")


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Write sheets given as lists of rows (first row first) into a new .xlsx."""

    def run(sheets: dict[str, Sequence[Sequence[Any]]], name: str = "list.xlsx") -> Path:
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            ws = workbook.create_sheet(title)
            for row in rows:
                ws.append(list(row))
        path = tmp_path / name
        workbook.save(path)
        return path

    return run

