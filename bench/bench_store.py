"""Benchmark of the SQLite store: save and load of the seed and of a 1,000-indicator declaration.

Run: ``/work/venv/bin/python bench/bench_store.py [--runs N]``. Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from db.repository import SqliteDeclarationStore, open_store  # noqa: E402
from desktop.domain.model import Declaration, Indicator  # noqa: E402
from desktop.domain.profile import DEFAULT_PROFILE_ID, load_profile, new_declaration  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402


def large_declaration(count: int = 1000) -> Declaration:
    decl = new_declaration(load_profile(DEFAULT_PROFILE_ID), 2026)
    decl.unit_name = "基准测试单位"
    decl.goals = [f"目标内容{n}" for n in range(1, 11)]
    for n in range(count):
        category = decl.categories[n % len(decl.categories)]
        category.indicators.append(
            Indicator(
                name=f"三级指标{n}",
                value=f"≥{n}次",
                explanation=f"指标解释：第{n}项，按季度统计完成情况。",
                goals=[1 + n % 10],
            )
        )
    return decl


def report(label: str, action: Callable[[], object], runs: int) -> None:
    print(f"  {label:<18}{median_ms(action, runs, warm=False):8.2f} ms")


def bench_case(store: SqliteDeclarationStore, name: str, decl: Declaration, runs: int) -> None:
    declaration_id = store.create(decl)
    assert store.load(declaration_id) == decl
    print(f"{name} ({decl.indicator_count()} indicators), median of {runs}:")
    report("save", lambda: store.save(declaration_id, decl), runs)
    report("load", lambda: store.load(declaration_id), runs)
    report("make_revision", lambda: store.make_revision(declaration_id), runs)
    report("load_revision", lambda: store.load_revision(declaration_id, 1), runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        start = time.perf_counter()
        store = open_store(path)
        print(
            f"open a new database (imports, migration): {(time.perf_counter() - start) * 1000:.1f} ms"
        )
        bench_case(store, "seed", read_json_file(SEED).declaration, runs)
        bench_case(store, "generated", large_declaration(), runs)
        print("whole database:")
        report("list", store.list, runs)
        report("stored_indicators", store.stored_indicators, runs)
        store.close()
        report("open existing", lambda: open_store(path, create=False).close(), runs)


if __name__ == "__main__":
    main()
