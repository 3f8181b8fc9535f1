"""Shared builders for the documents tests: the seed, a large generated declaration, poppler."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

from desktop.domain.model import Declaration, Indicator, Task
from desktop.domain.profile import Profile, load_profile, new_declaration
from desktop.exchange.reader import read_json_file

SEED_FINGERPRINT = "c493b6999ea4"
_PHRASE = "该指标主要考察重点片区建设项目的推进情况与成果质量，确保各项工作按计划完成并达到预期效果"


def seed(seed_path: Path) -> tuple[Declaration, Profile]:
    decl = read_json_file(seed_path).declaration
    return decl, load_profile(decl.profile_id)


def large_declaration(count: int = 300, giant_at: int | None = 150) -> tuple[Declaration, Profile]:
    """``count`` indicators spread over the first categories, long texts; indicator ``giant_at``
    (0-based) has an explanation taller than a whole page."""
    profile = load_profile("SZ-DEPT-2026")
    decl = new_declaration(profile, 2026)
    decl.unit_name = "深圳市福田区测试单位"
    decl.supervisor = "深圳市福田区测试主管部门"
    decl.tasks.append(
        Task("一般管理事务", "1. 开展日常管理。\n2. 开展委托业务。", Decimal("888.96"))
    )
    decl.goals = [f"通过开展第{n}项工作，{_PHRASE}。" for n in range(1, 6)]
    usable = [c for c in decl.categories if c.level2 != "经济效益指标"]
    economy = decl.category("效益指标", "经济效益指标")
    assert economy is not None
    economy.not_applicable = True
    for n in range(count):
        category = usable[n * len(usable) // count]
        repeat = 1 + n % 4
        explanation = (_PHRASE + "。") * repeat
        if n == giant_at:
            explanation = "".join(f"第{k}段：{_PHRASE}。\n" for k in range(1, 120))
        category.indicators.append(
            Indicator(f"测试指标{n + 1}号{_PHRASE[: n % 20]}", f"≥{n % 97}%", "", explanation)
        )
    return decl, profile


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def squeeze(text: str) -> str:
    """Text without any white space, so wrapped cell lines compare with the source text."""
    return re.sub(r"\s+", "", text)


def pdffonts(path: Path) -> list[list[str]]:
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return [line.split() for line in lines]


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match
    return int(match.group(1))
