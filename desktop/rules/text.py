"""Text hygiene rules T01–T04 (dimension 格式)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.rules.context import CheckContext
from desktop.rules.fields import text_fields
from desktop.rules.findings import Finding
from desktop.rules.fontcover import default_font_covers
from desktop.rules.textutil import HAN, describe_char

_PATH = re.compile(r"indicators\[(\d+)\]\.(value|unit)$")
_FIELD_TITLES = {"value": "指标值", "unit": "度量单位"}


def t01(ctx: CheckContext) -> Iterator[Finding]:
    by_index = {row.index: row for row in ctx.rows}
    for path in ctx.source_notes.normalised_paths:
        match = _PATH.match(path)
        row = by_index.get(int(match.group(1))) if match else None
        title = _FIELD_TITLES.get(match.group(2), "内容") if match else "内容"
        subject = row.subject if row else title
        # Never a JSON path in a message: an unknown row is just "一个指标".
        label = row.label if row else "一个三级指标"
        yield ctx.finding(
            "T01", path, subject,
            f"源文件中{label}的{title}含全角数字、全角符号或“>=”等写法，已自动规范化"
            "（如“＞＝”→“≥”、“％”→“%”）：无需处理，另存后即为规范写法。",
        )


_BAD_SPACE = re.compile(r"^\s|\s$|[\t\r\n]")


def t02(ctx: CheckContext) -> Iterator[Finding]:
    for f in text_fields(ctx):
        if f.single_line and _BAD_SPACE.search(f.text):
            yield ctx.finding(
                "T02", f.where, f.subject,
                f"{f.label}首尾有空格或中间含换行、制表符：请删除多余的空白。",
            )


def t03(ctx: CheckContext) -> Iterator[Finding]:
    table = ctx.profile.fullwidth_punctuation
    marks = re.escape("".join(table))
    pattern = re.compile(f"(?<=[{HAN}])[{marks}]|[{marks}](?=[{HAN}])")
    for f in text_fields(ctx):
        if pattern.search(f.text):
            found = [m for m in table if m in f.text]
            pairs = "、".join(f"“{m}”改为“{table[m]}”" for m in found)
            yield ctx.finding(
                "T03", f.where, f.subject,
                f"{f.label}在中文之间用了半角（英文）标点：建议统一为中文全角标点（{pairs}）。",
            )


def t04(ctx: CheckContext) -> Iterator[Finding]:
    covers = ctx.font_covers or default_font_covers()
    for f in text_fields(ctx):
        missing: list[str] = []
        for char in f.text:
            if char.isspace() or char in missing:
                continue
            if not covers(char):
                missing.append(char)
        if missing:
            shown = "、".join(describe_char(c) for c in missing[:5])
            more = f"等 {len(missing)} 个字符" if len(missing) > 5 else ""
            yield ctx.finding(
                "T04", f.where, f.subject,
                f"{f.label}中的{shown}{more}无法用打印字体显示：请删除或改用常用汉字、标点，"
                "否则打印稿会缺字。",
            )


CHECKS = {"T01": t01, "T02": t02, "T03": t03, "T04": t04}
