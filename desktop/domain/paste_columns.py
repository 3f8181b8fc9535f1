"""Which column of a pasted block holds which field: by a header row's titles, else by position.

A block copied from Excel/WPS may start with its header row (our own workbook's sheets, the
printed form, another system's export). A first row is taken for a header when one of its
cells is a known title; then every titled column must be known, or the paste is refused naming
the column, rather than guessing what it holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

_DROP = re.compile(r"[\s*＊:：]|\(万元\)|万元")


class ColumnError(ValueError):
    """A header that cannot be mapped; ``str()`` is a Chinese message."""


def normalise_title(text: str) -> str:
    """``'* 财政拨款（万元）'`` and ``财政拨款`` compare alike: NFKC, no spaces, marks or unit."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def header_columns(
    row: Sequence[str],
    synonyms: Mapping[str, Sequence[str]],
    listed: Sequence[str] | None = None,
) -> dict[str, int] | None:
    """Field → 0-based column when ``row`` is a header row, else ``None`` (a data row).

    ``synonyms`` maps each field to the titles that name it. Raises :class:`ColumnError` for a
    header with a title no field has, or with a field twice; its message lists ``listed``
    (default: every field) as the columns that can be pasted.
    """
    lookup = {normalise_title(t): f for f, titles in synonyms.items() for t in (f, *titles)}
    titled = [(column, cell.strip()) for column, cell in enumerate(row) if cell.strip()]
    known = [(column, lookup.get(normalise_title(cell))) for column, cell in titled]
    if all(field is None for _, field in known):
        return None
    columns: dict[str, int] = {}
    for (column, title), (_, field) in zip(titled, known, strict=True):
        if field is None:
            names = "、".join(listed if listed is not None else synonyms)
            raise ColumnError(f"无法识别标题为“{title}”的列：可粘贴的列有 {names}")
        if field in columns:
            raise ColumnError(f"标题“{title}”重复：{field}只能有一列")
        columns[field] = column
    return columns
