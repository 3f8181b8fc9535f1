"""Benchmark: JSON import (read + store) and export (load + write) of the seed and 1,000 indicators.

Run: ``python bench/bench_exchange.py`` (prints medians in milliseconds).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from db.repository import open_store  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.exchange.writer import write_json_file  # noqa: E402
from desktop.services.revisions import import_new, output_source  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        big = root / "big.json"
        write_json_file(large_declaration(1000), big)
        store = open_store(root / "bench.sqlite3")
        for label, source in (("seed", SEED), ("1000 indicators", big)):
            ids: list[int] = []

            def do_import(source: Path = source, ids: list[int] = ids) -> None:
                ids.append(import_new(store, read_json_file(source).declaration))

            import_ms = median_ms(do_import, 15)

            def do_export(ids: list[int] = ids) -> None:
                out = output_source(store, ids[0])
                write_json_file(
                    out.declaration, root / "out.json", {"revision": out.revision.number}
                )

            export_ms = median_ms(do_export, 15)
            print(f"{label}: import {import_ms:.1f} ms, export {export_ms:.1f} ms (median)")
        store.close()


if __name__ == "__main__":
    main()
