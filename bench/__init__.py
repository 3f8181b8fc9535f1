"""Benchmarks. ``python -m bench`` measures every budget figure of docs/performance.md and
regenerates bench/results.md; the older ``bench/bench_*.py`` scripts print single figures."""
