"""Benchmark the official-form PDF: the seed (target < 0.5 s) and 1,000 indicators (< 5 s).

Plain script, warm medians: ``python bench/bench_pdf.py [--runs N]``. The first render of each
case (font loading, imports) is discarded.
"""

from __future__ import annotations

import argparse
from decimal import Decimal

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()

from desktop.documents.options import PrintOptions  # noqa: E402
from desktop.documents.pdf import render_pdf_bytes  # noqa: E402
from desktop.domain.model import Declaration, Indicator, Task  # noqa: E402
from desktop.domain.profile import DEFAULT_PROFILE_ID, Profile, load_profile, new_declaration  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402

PHRASE = "该指标主要考察重点片区建设项目的推进情况与成果质量，确保各项工作按计划完成"


def seed() -> tuple[Declaration, Profile]:
    decl = read_json_file(SEED).declaration
    return decl, load_profile(decl.profile_id)


def thousand() -> tuple[Declaration, Profile]:
    profile = load_profile(DEFAULT_PROFILE_ID)
    decl = new_declaration(profile, 2026)
    decl.unit_name = decl.supervisor = "深圳市福田区测试单位（本级）"
    decl.tasks.append(
        Task("一般管理事务", "1. 开展日常管理。\n2. 开展委托业务。", Decimal("888.96"))
    )
    decl.goals = [f"通过开展第{n}项工作，{PHRASE}。" for n in range(1, 11)]
    for n in range(1000):
        category = decl.categories[n * len(decl.categories) // 1000]
        text = (PHRASE + "。") * (1 + n % 3)
        category.indicators.append(Indicator(f"测试指标{n + 1}", f"≥{n % 97}%", "", text))
    return decl, profile


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for name, build, target in (("seed", seed, 0.5), ("1000 indicators", thousand, 5.0)):
        decl, profile = build()

        def render(decl: Declaration = decl, profile: Profile = profile) -> bytes:
            return render_pdf_bytes(
                decl, profile, options=PrintOptions(), revision=1, fingerprint="0123456789ab"
            )

        size = len(render())  # the warm-up render also gives the file size
        seconds = median_ms(render, args.runs, warm=False) / 1000
        print(
            f"{name}: median {seconds:.3f} s over {args.runs} runs (target < {target} s), {size} bytes"
        )


if __name__ == "__main__":
    main()
