"""What the bench scripts share: the checkout on ``sys.path``, the seed, warm median timings.

A script runs as ``python bench/<name>.py`` from the repository root, so Python puts ``bench/``
first on the path (which is how the scripts find this module) but not the root, which they need
for ``tests.synthetic`` and to measure this checkout rather than an installed copy.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "resources" / "sample" / "seed-futian-2026.json"


def add_repository_to_path() -> None:
    """Put the repository root first on ``sys.path``; call before importing project modules."""
    sys.path.insert(0, str(REPO))


def median_ms(action: Callable[[], object], repeat: int, *, warm: bool = True) -> float:
    """Median wall time of ``repeat`` calls in milliseconds, after one untimed warm-up call."""
    if warm:
        action()  # profiles, fonts, regexes and imports load on first use
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
