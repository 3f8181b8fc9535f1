"""Benchmark: a form-layout workbook (the 申报表 sheet alone, as a colleague copies it) read
back into a declaration, for the seed and a 1,000-indicator declaration. Target: < 2 s.

Run: ``python bench/bench_formread.py`` (prints medians in milliseconds).
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from desktop.documents.formread.files import read_declaration_any  # noqa: E402
from desktop.documents.xlsx.export import build_workbook  # noqa: E402
from desktop.domain.model import Declaration  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def _form_only(decl: Declaration, path: Path) -> None:
    book = build_workbook(decl, load_profile(decl.profile_id), revision=None, fingerprint="bench")
    for name in book.sheetnames[1:]:
        del book[name]
    book.save(path)


def main() -> None:
    seed = read_json_file(SEED).declaration
    with tempfile.TemporaryDirectory() as folder:
        for label, decl in (("seed", seed), ("1000 indicators", large_declaration(1000))):
            path = Path(folder) / "form.xlsx"
            _form_only(decl, path)
            outcome = read_declaration_any(path)
            assert outcome.declaration.indicator_count() == decl.indicator_count(), "not read back whole"
            import_ms = median_ms(functools.partial(read_declaration_any, path), 7)
            size_kb = path.stat().st_size / 1024
            print(f"{label:>16}: form-layout import {import_ms:8.1f} ms   ({size_kb:.0f} KB)")


if __name__ == "__main__":
    main()
