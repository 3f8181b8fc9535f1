"""Column types that keep domain values exact in SQLite.

Money is stored as canonical decimal text (never REAL/NUMERIC, which SQLite would turn into a
binary float); timestamps as ISO 8601 text in UTC, so text order is time order; goal links as a
comma-separated list of integers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from desktop.domain.money import canonical_amount


class Money(TypeDecorator[Decimal]):
    """A ``Decimal`` amount as canonical text (``1125.30``); read back with ``Decimal``."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise ValueError(f"amount must be a finite Decimal, got {value!r}")
        return canonical_amount(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcTimestamp(TypeDecorator[datetime]):
    """A timezone-aware ``datetime`` as UTC ISO text with microseconds (sortable as text)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class IntList(TypeDecorator[list[int]]):
    """A list of integers as ``"1,3,4"`` (empty list: empty text); order is kept."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[int] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return ",".join(str(int(n)) for n in value)

    def process_result_value(self, value: Any, dialect: Dialect) -> list[int] | None:
        if value is None:
            return None
        return [int(n) for n in value.split(",")] if value else []


def utc_now() -> datetime:
    return datetime.now(UTC)
