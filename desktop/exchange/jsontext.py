"""Safe decoding of JSON text: size, UTF-8, nesting depth and duplicate keys are checked.

Python's ``json`` silently keeps the last of duplicate keys and recurses without bound, so the
bytes are screened first and objects are built through a hook that refuses duplicates.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from desktop.exchange.errors import ExchangeError

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _check_depth(text: str) -> None:
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ExchangeError("", f"JSON 嵌套超过 {MAX_DEPTH} 层，文件不是有效的申报表文件")
        elif char in "]}":
            depth -= 1


def _line_col(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def decode_json(data: bytes) -> Any:
    """Decode ``data`` (UTF-8, optional BOM) into Python objects; numbers become Decimal/int."""
    if len(data) > MAX_BYTES:
        raise ExchangeError("", f"文件超过 {MAX_BYTES // (1024 * 1024)} MB，不能导入")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExchangeError("", f"文件不是有效的 UTF-8 文本（第 {exc.start + 1} 个字节处）") from exc
    _check_depth(text)
    try:
        return json.loads(
            text, object_pairs_hook=_pairs_without_duplicates, parse_float=Decimal
        )
    except _DuplicateKey as exc:
        raise ExchangeError("", f"对象中的键 \"{exc.key}\" 重复出现") from exc
    except json.JSONDecodeError as exc:
        line, column = _line_col(text, exc.pos)
        raise ExchangeError("", f"JSON 格式错误（第 {line} 行第 {column} 列）：{exc.msg}") from exc
    except RecursionError as exc:  # pragma: no cover - the depth screen stops this first
        raise ExchangeError("", "JSON 嵌套过深") from exc
