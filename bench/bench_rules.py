"""Benchmark: a full review-rule check of the seed and of a generated 1,000-indicator declaration.

Run: ``python bench/bench_rules.py`` (prints warm medians in milliseconds; targets < 50 ms and
< 500 ms). The generated declaration repeats the seed's indicators with numbered names and keeps
the seed's unlinked goals, so the goal↔indicator inference does its full work.
"""

from __future__ import annotations

import copy
from functools import partial

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from desktop.domain.model import Declaration  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.rules.engine import check_declaration  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def grown_seed(seed: Declaration, indicators: int) -> Declaration:
    decl = copy.deepcopy(seed)
    originals = [(c, i) for c, i in decl.iter_indicators()]
    n = 0
    while decl.indicator_count() < indicators:
        category, item = originals[n % len(originals)]
        clone = copy.deepcopy(item)
        clone.name = f"{item.name}（{n + 1}）"
        category.indicators.append(clone)
        n += 1
    return decl


def main() -> None:
    seed = read_json_file(SEED).declaration
    cases = {
        "seed": seed,
        "1000 indicators (grown seed, unlinked goals)": grown_seed(seed, 1000),
        "1000 indicators (tests.synthetic, linked goals)": large_declaration(1000),
    }
    for label, decl in cases.items():
        findings = check_declaration(decl)
        ms = median_ms(partial(check_declaration, decl), 21)
        print(f"{label}: median {ms:.1f} ms ({len(findings)} findings)")


if __name__ == "__main__":
    main()
