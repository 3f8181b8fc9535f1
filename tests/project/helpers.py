"""Project fixtures as dictionaries, so a test can change one key and read it back."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desktop.domain.project import ProjectDeclaration
from desktop.exchange.reader import declaration_from_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"
ANNUAL = FIXTURES / "project-annual-example.json"
CASE = FIXTURES / "project-fingerprint-case.json"


def doc(path: Path = ZDPQ) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def read(data: dict[str, Any]) -> ProjectDeclaration:
    declaration = declaration_from_dict(data).declaration
    assert isinstance(declaration, ProjectDeclaration)
    return declaration
