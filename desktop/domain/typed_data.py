"""Read JSON data into frozen dataclasses, refusing what the type hints do not allow.

The dataclass is the schema: each field is read from the JSON key of its name (or
``field(metadata={"key": ...})``), a field without a default is required, a key no field names is
refused, and every value is checked against the field's type hint. Supported hints: ``str``,
``int``, ``float``, ``bool``, ``Decimal`` (written as a JSON string or integer), ``Literal[...]``,
``tuple[X, ...]``, ``Mapping[str, X]`` (read as a :class:`FrozenMap`), ``X | None`` (JSON null) and
nested dataclasses. Errors name the
place as a dotted path (``rules.I07.min_value``, ``framework[0].children[2]``) in Chinese.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

T = TypeVar("T")
V = TypeVar("V")


class FrozenMap(Mapping[str, V]):
    """A read-only, hashable mapping that copies and pickles (unlike ``MappingProxyType``)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, V]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMap[V]], tuple[dict[str, V]]]:
        return (type(self), (self._items,))


class DataError(ValueError):
    """A value does not fit its schema; ``path`` names the place ("" for the whole document)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"“{path}”{message}" if path else message)
        self.path = path
        self.detail = message


def json_key(field: dataclasses.Field[Any]) -> str:
    return str(field.metadata.get("key", field.name))


def has_default(field: dataclasses.Field[Any]) -> bool:
    return (
        field.default is not dataclasses.MISSING
        or field.default_factory is not dataclasses.MISSING
    )


def read_dataclass(cls: type[T], data: object, path: str = "") -> T:
    """``data`` (parsed JSON) as an instance of the dataclass ``cls``; raises :class:`DataError`."""
    if not isinstance(data, Mapping):
        raise DataError(path, f"应为对象（键值表），实际为{_describe_value(data)}")
    hints = get_type_hints(cls)
    fields = {json_key(f): f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in data:
        if key not in fields:
            raise DataError(_join(path, str(key)), "不是可识别的键（是否拼写有误？）")
    values: dict[str, Any] = {}
    for key, field in fields.items():
        if key in data:
            values[field.name] = _convert(hints[field.name], data[key], _join(path, key))
        elif not has_default(field):
            raise DataError(_join(path, key), "缺失：这是必填的键")
    return cls(**values)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _convert(hint: Any, value: object, path: str) -> Any:
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in get_args(hint):
        if value is None:
            return None
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return _convert(inner, value, path)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return read_dataclass(hint, value, path)
    if origin is Literal:
        if value in get_args(hint) and type(value) in {type(a) for a in get_args(hint)}:
            return value
        allowed = "、".join(f"“{a}”" for a in get_args(hint))
        raise DataError(path, f"应为{allowed}之一，实际为{_describe_value(value)}")
    if origin is tuple:
        item_hint = get_args(hint)[0]
        if not isinstance(value, list):
            raise DataError(path, f"应为列表，实际为{_describe_value(value)}")
        return tuple(_convert(item_hint, item, f"{path}[{i}]") for i, item in enumerate(value))
    if origin in (Mapping, typing.Mapping):
        item_hint = get_args(hint)[1]
        if not isinstance(value, Mapping):
            raise DataError(path, f"应为对象（键值表），实际为{_describe_value(value)}")
        return FrozenMap(
            {str(k): _convert(item_hint, v, _join(path, str(k))) for k, v in value.items()}
        )
    return _scalar(hint, value, path)


def _scalar(hint: Any, value: object, path: str) -> Any:
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise DataError(path, f"应为 true 或 false，实际为{_describe_value(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise DataError(path, f"应为文本，实际为{_describe_value(value)}")
    if isinstance(value, bool):  # bool is an int subclass; never accept it as a number
        raise DataError(path, f"应为数，实际为{_describe_value(value)}")
    if hint is int:
        if isinstance(value, int):
            return value
        raise DataError(path, f"应为整数，实际为{_describe_value(value)}")
    if hint is float:
        if isinstance(value, int | float):
            return float(value)
        raise DataError(path, f"应为数，实际为{_describe_value(value)}")
    if hint is Decimal:
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, str):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                number = None
            if number is not None and number.is_finite():
                return number
        raise DataError(path, f"应为写成文本的数（如 \"0.5\"），实际为{_describe_value(value)}")
    raise TypeError(f"unsupported schema type {hint!r} at {path}")


def _describe_value(value: object) -> str:
    if value is None:
        return "空值 null"
    if isinstance(value, bool):
        return f"真假值 {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"数 {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return f"文本“{shown}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, Mapping):
        return "对象"
    return type(value).__name__
