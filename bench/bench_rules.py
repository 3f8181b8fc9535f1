"""Benchmark: a full review-rule check of the seed and of a generated 1,000-indicator declaration.

Run: ``python bench/bench_rules.py`` (prints warm medians in milliseconds; targets < 50 ms and
< 500 ms). The generated declaration repeats the seed's indicators with numbered names and keeps
the seed's unlinked goals, so the goal↔indicator inference does its full work.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.domain.model import Declaration  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.rules.engine import check_declaration  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402


def median_ms(action: Callable[[], object], repeat: int = 21) -> float:
    action()  # warm: profile, font cmap, regexes
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


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
    seed = read_json_file(REPO / "resources" / "sample" / "seed-futian-2026.json").declaration
    cases = {
        "seed": seed,
        "1000 indicators (grown seed, unlinked goals)": grown_seed(seed, 1000),
        "1000 indicators (tests.synthetic, linked goals)": large_declaration(1000),
    }
    for label, decl in cases.items():
        findings = check_declaration(decl)
        ms = median_ms(lambda decl=decl: check_declaration(decl))
        print(f"{label}: median {ms:.1f} ms ({len(findings)} findings)")


if __name__ == "__main__":
    main()
