"""Whatever a file holds, the reader either returns a declaration or refuses it in Chinese."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import declaration_from_dict, read_json_bytes

SEED = json.loads(
    (Path(__file__).resolve().parent.parent / "fixtures" / "seed-futian-2026.json").read_text(
        encoding="utf-8"
    )
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(
        ["1e3", "-1", "1125.33", "001.5", "不适用", "≥4次", "目标1：", "产出指标", "数量指标"]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.extend(_paths(value, (*prefix, index)))
    return found


PATHS = [p for p in _paths(SEED) if p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4))
def test_mutated_seed_is_read_or_refused_with_a_path(
    changes: list[tuple[tuple[Any, ...], Any]],
) -> None:
    doc = copy.deepcopy(SEED)
    for path, value in changes:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        result = declaration_from_dict(json.loads(json.dumps(doc)))
    except ExchangeError as error:
        assert str(error)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
    else:
        assert result.declaration.year >= 1000


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_reader(data: bytes) -> None:
    try:
        read_json_bytes(data)
    except ExchangeError as error:
        assert error.message
