"""Readers accept every valid version-1 file: null optional keys, unknown keys at every level,
leading zeros; writers write links ascending and ``not_applicable`` only when true."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.exchange.canonical import equal_in_content
from desktop.exchange.reader import declaration_from_dict
from desktop.exchange.writer import declaration_to_dict


@pytest.fixture
def seed_doc(seed_path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(seed_path.read_text(encoding="utf-8"))
    return doc


def _real_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for row in doc["indicators"] if not row.get("not_applicable")]


def test_null_for_every_optional_key_reads_as_absent(seed_doc: dict[str, Any]) -> None:
    plain = copy.deepcopy(seed_doc)
    nulls = copy.deepcopy(seed_doc)
    for key in ("profile", "totals", "footer", "budget_control_total", "accepted_findings",
                "meta", "ext"):  # fmt: skip
        plain.pop(key, None)
        nulls[key] = None
    for task, null_task in zip(plain["tasks"], nulls["tasks"], strict=True):
        task.pop("total", None)
        null_task["total"] = None
    for row, null_row in zip(_real_rows(plain), _real_rows(nulls), strict=True):
        for key in ("unit", "goals", "target", "not_applicable"):
            row.pop(key, None)
            null_row[key] = None
    expected = declaration_from_dict(plain).declaration
    assert equal_in_content(declaration_from_dict(nulls).declaration, expected)
    footer = copy.deepcopy(seed_doc)
    footer["footer"] = {"preparer": None, "phone": None, "unit_head": None, "date": None}
    assert declaration_from_dict(footer).declaration.footer.date == ""


def test_unknown_keys_at_every_level_are_ignored(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["later_key"] = {"nested": [1, 2]}
    doc["tasks"][0]["later_key"] = "x"
    _real_rows(doc)[0]["later_key"] = [None]
    _real_rows(doc)[0]["target"] = {"op": "≥", "number": "4"}
    doc["footer"] = {"later_key": 1}
    doc["totals"] = {**doc.get("totals", {}), "later_key": True}
    doc["accepted_findings"] = [{"rule": "I07", "subject": "s", "reason": "r", "later_key": 0}]
    doc["meta"] = {"app": "perfdecl 9.9", "later_key": {}}
    doc["ext"] = {"anything": ["goes"]}
    expected = copy.deepcopy(seed_doc)
    expected["footer"] = {}
    expected["accepted_findings"] = [{"rule": "I07", "subject": "s", "reason": "r"}]
    assert equal_in_content(
        declaration_from_dict(doc).declaration, declaration_from_dict(expected).declaration
    )


def test_leading_zeros_are_accepted_and_dropped(seed_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["tasks"][0]["fiscal"] = "00001125.3"
    doc["tasks"][0]["other"] = "0000"
    doc["budget_control_total"] = "03300"
    written = declaration_to_dict(declaration_from_dict(doc).declaration)
    assert written["tasks"][0]["fiscal"] == "1125.30"
    assert written["tasks"][0]["other"] == "0.00"
    assert written["budget_control_total"] == "3300.00"


def test_links_are_written_ascending_and_not_applicable_only_when_true(
    seed_doc: dict[str, Any],
) -> None:
    doc = copy.deepcopy(seed_doc)
    rows = _real_rows(doc)
    rows[0]["goals"] = [3, 1, 2]
    rows[1]["not_applicable"] = False
    written = declaration_to_dict(declaration_from_dict(doc).declaration)
    links = [row["goals"] for row in written["indicators"] if row.get("goals")]
    assert [1, 2, 3] in links and all(g == sorted(g) for g in links)
    flags = [row["not_applicable"] for row in written["indicators"] if "not_applicable" in row]
    assert flags and all(flag is True for flag in flags)
    assert all("name" not in row for row in written["indicators"] if "not_applicable" in row)
