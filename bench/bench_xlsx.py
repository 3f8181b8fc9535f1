"""Benchmark: xlsx export and import of the seed and of a 1,000-indicator declaration.

Run: ``python bench/bench_xlsx.py`` (prints medians in milliseconds).
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from desktop.documents.xlsx import export_xlsx, read_xlsx  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.exchange.canonical import fingerprint  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def main() -> None:
    seed = read_json_file(SEED).declaration
    with tempfile.TemporaryDirectory() as folder:
        for label, decl in (("seed", seed), ("1000 indicators", large_declaration(1000))):
            path = Path(folder) / "bench.xlsx"
            profile = load_profile(decl.profile_id)
            print_id = fingerprint(decl)

            export_ms = median_ms(
                functools.partial(
                    export_xlsx, decl, profile, path, revision=1, fingerprint=print_id
                ),
                9,
            )
            import_ms = median_ms(functools.partial(read_xlsx, path), 9)
            size_kb = path.stat().st_size / 1024
            print(
                f"{label:>16}: export {export_ms:8.1f} ms   import {import_ms:8.1f} ms   ({size_kb:.0f} KB)"
            )


if __name__ == "__main__":
    main()
