"""Typed field access for the exchange reader: every refusal names its JSON path."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from desktop.domain.money import AmountError, parse_exchange_amount
from desktop.exchange.errors import ExchangeError

_TYPE_NAMES = {str: "字符串", int: "整数", list: "数组", dict: "对象", bool: "布尔值"}


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, Decimal):
        return "小数"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def require(obj: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in obj:
        raise ExchangeError(join(path, key), "缺少必填项")
    return obj[key]


def as_object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ExchangeError(path, f"应为对象，实际是{type_name(value)}")
    return value


def as_list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise ExchangeError(path, f"应为数组，实际是{type_name(value)}")
    return value


def as_str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise ExchangeError(path, f"应为字符串，实际是{type_name(value)}")
    return value


def as_int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ExchangeError(path, f"应为整数，实际是{type_name(value)}")
    return value


def as_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise ExchangeError(path, f"应为 true 或 false，实际是{type_name(value)}")
    return value


def as_amount(value: Any, path: str) -> Decimal:
    if not isinstance(value, str):
        raise ExchangeError(path, f'金额应写成字符串（如 "1125.33"），实际是{type_name(value)}')
    try:
        return parse_exchange_amount(value)
    except AmountError as exc:
        raise ExchangeError(path, exc.reason) from exc


def required_str(obj: Mapping[str, Any], key: str, path: str) -> str:
    return as_str(require(obj, key, path), join(path, key))


def required_int(obj: Mapping[str, Any], key: str, path: str) -> int:
    return as_int(require(obj, key, path), join(path, key))


def required_amount(obj: Mapping[str, Any], key: str, path: str) -> Decimal:
    return as_amount(require(obj, key, path), join(path, key))


def optional_str(obj: Mapping[str, Any], key: str, path: str) -> str:
    return as_str(obj[key], join(path, key)) if key in obj and obj[key] is not None else ""


def optional_amount(obj: Mapping[str, Any], key: str, path: str) -> Decimal | None:
    if key not in obj or obj[key] is None:
        return None
    return as_amount(obj[key], join(path, key))
