"""The layer rule of docs/architecture.md, checked on the imports each module really makes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHELL = {"desktop/app.py", "desktop/cli.py", "desktop/__main__.py"}
QT_WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "PySide6.QtPdf", "PySide6.QtPdfWidgets")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(paths: list[Path], banned: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for path in paths:
        if _rel(path) in SHELL:
            continue
        found.extend(f"{_rel(path)} imports {name}" for name in _imports(path) if _starts(name, banned))
    return found


def test_core_imports_no_qt_no_sqlalchemy_no_ui_no_db() -> None:
    core = [p for p in _modules("desktop")]
    banned = ("PySide6", "sqlalchemy", "alembic", "ui", "db")
    assert _violations(core, banned) == []


def test_db_imports_only_the_core() -> None:
    assert _violations(_modules("db"), ("PySide6", "ui")) == []


def test_ui_never_imports_sqlalchemy_or_db() -> None:
    assert _violations(_modules("ui"), ("sqlalchemy", "alembic", "db")) == []


SHELL_MODULES = ("desktop.app", "desktop.cli", "desktop.__main__")


def test_no_module_imports_the_shell() -> None:
    # The shell wires ui and db together; anything importing it would pull in both.
    modules = [p for p in _modules("desktop") + _modules("ui") + _modules("db")]
    assert _violations(modules, SHELL_MODULES) == []


def test_command_line_imports_qt_only_for_gui() -> None:
    cli_modules = [REPO / "desktop" / "cli.py", REPO / "desktop" / "cli_parser.py"]
    cli_modules += _modules("desktop/commands")
    offenders = [
        f"{_rel(p)} imports {n}"
        for p in cli_modules
        for n in _imports(p)
        if _starts(n, ("PySide6", "ui"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "banned", ["PySide6.QtWidgets", "sqlalchemy", "ui.document", "db.repository", "desktop.app"]
)
def test_the_checker_sees_a_violation(tmp_path: Path, banned: str) -> None:
    # Guard against a checker that silently passes everything.
    module = tmp_path / "bad.py"
    module.write_text(f"def f():\n    import {banned}\n", encoding="utf-8")
    found = _violations([module], ("PySide6", "sqlalchemy", "ui", "db", *SHELL_MODULES))
    assert found == [f"bad.py imports {banned}"]


def test_the_checker_sees_a_shell_import_by_from(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from desktop.cli import console_main\n", encoding="utf-8")
    found = _violations([module], SHELL_MODULES)
    assert found == ["bad.py imports desktop.cli", "bad.py imports desktop.cli.console_main"]
