"""No import circle among the project's modules (desktop, db, ui).

Every import counts, also one inside a function: a function-level import that only hides a
circle is still a circle. Imports under ``if TYPE_CHECKING:`` are for annotations only and are
left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "db", "ui")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _import_nodes_of(other)
            continue
        yield from _import_nodes_of(child)


def _import_nodes_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _import_nodes(node)


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules ``path`` (module ``name``) imports, at any level, outside TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                package = _package_of(name, path).split(".")
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        found.update(t for t in targets if t in known and t != name)
    return found


def import_graph(root: Path = REPO, packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    paths = {
        _module_name(p, root): p for package in packages for p in (root / package).rglob("*.py")
    }
    known = set(paths)
    return {name: imports_of(path, name, known) for name, path in paths.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            advanced = False
            for target in edges:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circle_among_the_projects_modules() -> None:
    graph = import_graph()
    assert len(graph) > 100  # the whole tree was read
    assert circles(graph) == []


def _package(root: Path, files: dict[str, str]) -> dict[str, set[str]]:
    """The import graph of a made-up ``ui`` package with these module texts."""
    package = root / "ui"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, text in files.items():
        (package / f"{name}.py").write_text(text, encoding="utf-8")
    return import_graph(root, ("ui",))


def test_the_checker_finds_a_circle_hidden_in_a_function(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            "window": "from ui.controller import Controller\n",
            "controller": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from ui.window import Window\n"
            "class Controller:\n    def open(self):\n        from .importer import read\n",
            "importer": "def read():\n    import ui.window\n",
        },
    )
    assert circles(graph) == [["ui.controller", "ui.importer", "ui.window"]]


def test_type_checking_imports_do_not_count(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            "a": "from ui import b\n",
            "b": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.a import A\n",
        },
    )
    assert circles(graph) == []
