"""Canonical printed content, the fingerprint, and "equal in content" (docs/exchange-format.md).

The fingerprint covers what the paper shows: the declaration as the writer writes it without
the unprinted parts, texts in NFC with ``\\n`` line breaks, amounts with 2–6 decimals, empty
values dropped bottom-up, serialised with sorted keys and no spaces.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from decimal import Decimal
from typing import Any

from desktop.domain.model import Declaration
from desktop.domain.money import canonical_amount, parse_exchange_amount
from desktop.exchange.writer import declaration_to_dict

_AMOUNT_KEYS = {"fiscal", "other", "total", "budget_control_total"}
_UNPRINTED_TOP = ("format", "version", "meta", "ext", "totals", "budget_control_total", "accepted_findings")
_CONTENT_EXCLUDED = ("format", "version", "meta", "ext")


def _clean(value: Any, key: str | None = None) -> Any:
    """Steps 3–5: amounts canonical, texts NFC with \\n, empties removed bottom-up."""
    if isinstance(value, dict):
        cleaned = {}
        for k, v in value.items():
            item = _clean(v, k)
            if not _is_empty(item):
                cleaned[k] = item
        return cleaned
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, str):
        if key in _AMOUNT_KEYS:
            return canonical_amount(parse_exchange_amount(value))
        return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, Decimal):
        return canonical_amount(value)
    return value


def _is_empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _serialise(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def printed_document(declaration: Declaration) -> dict[str, Any]:
    """The cleaned document the fingerprint is computed on."""
    doc = declaration_to_dict(declaration)
    for key in _UNPRINTED_TOP:
        doc.pop(key, None)
    for task in doc.get("tasks", []):
        task.pop("total", None)
    rows = list(doc["indicators"])
    if "project" in doc:  # docs/project-form.md §4: the unprinted parts of a project
        doc["project"].pop("task", None)
        doc["funds"].pop("total", None)
        if "mid_term" in doc:
            doc["mid_term"]["funds"].pop("total", None)
            rows += doc["mid_term"]["indicators"]
    for row in rows:
        row.pop("target", None)
        if isinstance(row.get("goals"), list):
            row["goals"] = sorted(row["goals"])
    cleaned: dict[str, Any] = _clean(doc)
    return cleaned


def canonical_bytes(declaration: Declaration) -> bytes:
    return _serialise(printed_document(declaration))


def fingerprint(declaration: Declaration) -> str:
    """The 12-hex-digit fingerprint printed on every page."""
    return hashlib.sha256(canonical_bytes(declaration)).hexdigest()[:12]


def content_key(declaration: Declaration) -> bytes:
    """Bytes equal for two declarations exactly when they are equal in content."""
    doc = declaration_to_dict(declaration)
    for key in _CONTENT_EXCLUDED:
        doc.pop(key, None)
    cleaned: dict[str, Any] = _clean(doc)
    return _serialise(cleaned)


def equal_in_content(a: Declaration, b: Declaration) -> bool:
    return content_key(a) == content_key(b)
