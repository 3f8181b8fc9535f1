"""The fingerprint test vectors of docs/exchange-format.md, and round trips through the writer."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from desktop.domain.model import AcceptedFinding, Footer
from desktop.exchange.canonical import canonical_bytes, content_key, equal_in_content, fingerprint
from desktop.exchange.reader import declaration_from_dict, read_json_bytes, read_json_file
from desktop.exchange.writer import declaration_to_dict, dumps_declaration


def test_seed_fingerprint_matches_the_spec_vector(seed_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    assert fingerprint(declaration) == "c493b6999ea4"
    assert len(canonical_bytes(declaration)) == 11073


def test_case_two_fingerprint_matches_the_spec_vector(fixtures_dir: Path) -> None:
    result = read_json_file(fixtures_dir / "fingerprint-case-2.json")
    assert fingerprint(result.declaration) == "efb33cf77a4d"
    assert len(canonical_bytes(result.declaration)) == 880


def test_case_two_normalisations_are_applied_and_reported(fixtures_dir: Path) -> None:
    result = read_json_file(fixtures_dir / "fingerprint-case-2.json")
    declaration = result.declaration
    assert declaration.goals[0] == "完成系统运维服务不少于12次。"
    quantity = declaration.categories[0].indicators[0]
    assert quantity.value == "≥12次"
    # reported in the grouped order of the writer and the rules (file row 1 is grouped row 0)
    assert result.normalised_paths == ["indicators[0].value"]
    # rows come back grouped in profile order, links sorted
    satisfaction = declaration.category("满意度指标", "服务对象满意度指标")
    assert satisfaction is not None and satisfaction.indicators[0].goals == [1, 2]
    assert declaration.tasks[0].fiscal == Decimal("1125.30")


def test_writer_output_reads_back_equal_in_content(seed_path: Path, fixtures_dir: Path) -> None:
    for path in (seed_path, fixtures_dir / "fingerprint-case-2.json"):
        original = read_json_file(path).declaration
        again = read_json_bytes(dumps_declaration(original)).declaration
        assert again == original
        assert content_key(again) == content_key(original)


def test_full_document_with_links_footer_control_total_and_acceptances_round_trips(
    seed_path: Path,
) -> None:
    declaration = read_json_file(seed_path).declaration
    declaration.categories[0].indicators[0].goals = [3, 1]
    declaration.footer = Footer("张三", "0755-1234", "李四", "2025-10-15")
    declaration.budget_control_total = Decimal("3293.330001")
    declaration.accepted_findings = [AcceptedFinding("I07", "民生诉求满意度", "区要求最低60%")]
    doc = declaration_to_dict(declaration)
    assert doc["indicators"][0]["goals"] == [1, 3]
    again = declaration_from_dict(json.loads(json.dumps(doc))).declaration
    assert equal_in_content(again, declaration)
    assert again.footer.preparer == "张三"
    assert again.budget_control_total == Decimal("3293.330001")
    assert again.accepted_findings[0].reason == "区要求最低60%"


def test_unprinted_fields_do_not_change_the_fingerprint_but_change_content(seed_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    before = fingerprint(declaration)
    key_before = content_key(declaration)
    declaration.budget_control_total = Decimal("3300")
    declaration.accepted_findings.append(AcceptedFinding("I07", "民生诉求满意度", "理由"))
    assert fingerprint(declaration) == before
    assert content_key(declaration) != key_before


def test_printed_text_changes_the_fingerprint(seed_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    before = fingerprint(declaration)
    declaration.goals[0] += "。"
    assert fingerprint(declaration) != before


def test_amount_padding_and_crlf_do_not_change_content(seed_path: Path) -> None:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    base = read_json_file(seed_path).declaration
    doc["tasks"][0]["fiscal"] = "001125.330000"
    doc["tasks"][1]["content"] = doc["tasks"][1]["content"].replace("\n", "\r\n")
    variant = declaration_from_dict(doc).declaration
    assert fingerprint(variant) == fingerprint(base)
