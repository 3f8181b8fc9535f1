"""Whatever a project file holds: read (then checked, printed and written back equal) or refused."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.documents.project_layout import build_project_layout
from desktop.exchange.canonical import equal_in_content, fingerprint
from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import declaration_from_dict, read_json_bytes
from desktop.exchange.writer import dumps_declaration
from desktop.rules.engine import check_declaration
from tests.exchange.test_reader_fuzz import _paths, json_values
from tests.project.helpers import CASE, ZDPQ, doc

BASES = [doc(CASE), doc(ZDPQ)]
PATHS = [[p for p in _paths(base) if p] for base in BASES]
EXTRA = st.sampled_from([None, 2026, 2030, 999, "2027", "延续", "经常性", "0", "99999999.999999", "-1"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 1), st.lists(st.tuples(st.integers(0, 10_000), json_values | EXTRA), min_size=1, max_size=4))
def test_mutated_project_is_read_and_usable_or_refused(base: int, changes: list[tuple[int, Any]]) -> None:
    data = copy.deepcopy(BASES[base])
    paths = PATHS[base]
    for choice, value in changes:
        path = paths[choice % len(paths)]
        target = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        result = declaration_from_dict(json.loads(json.dumps(data)))
    except ExchangeError as error:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
        return
    declaration = result.declaration
    for finding in check_declaration(declaration, font_covers=lambda c: True):
        assert finding.message and finding.where is not None
    assert len(fingerprint(declaration)) == 12
    build_project_layout(declaration)  # type: ignore[arg-type]
    again = read_json_bytes(dumps_declaration(declaration)).declaration
    assert equal_in_content(declaration, again)
