"""Benchmark: JSON import (read + store) and export (load + write) of the seed and 1,000 indicators.

Run: ``python bench/bench_exchange.py`` (prints medians in milliseconds).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from db.repository import open_store  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.exchange.writer import write_json_file  # noqa: E402
from desktop.services.revisions import import_new, output_source  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def median_ms(action: Callable[[], object], repeat: int = 15) -> float:
    action()  # warm
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seed = REPO / "resources" / "sample" / "seed-futian-2026.json"
        big = root / "big.json"
        write_json_file(large_declaration(1000), big)
        store = open_store(root / "bench.sqlite3")
        for label, source in (("seed", seed), ("1000 indicators", big)):
            ids: list[int] = []

            def do_import(source: Path = source, ids: list[int] = ids) -> None:
                ids.append(import_new(store, read_json_file(source).declaration))

            import_ms = median_ms(do_import)

            def do_export(ids: list[int] = ids) -> None:
                out = output_source(store, ids[0])
                write_json_file(out.declaration, root / "out.json", {"revision": out.revision.number})

            export_ms = median_ms(do_export)
            print(f"{label}: import {import_ms:.1f} ms, export {export_ms:.1f} ms (median)")
        store.close()


if __name__ == "__main__":
    main()
