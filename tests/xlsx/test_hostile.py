"""Hostile and broken files end in a clear Chinese message, never a hang or a crash."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.documents.xlsx import XlsxImportError, read_indicator_list, read_xlsx
from desktop.domain.profile import Profile
from tests.xlsx.rawxlsx import replace_entry, sheet_xml, table_rows, workbook_xml, write_xlsx

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
ROW = ["产出指标", "数量指标", "开展活动次数", "≥4次"]
BOMB = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def refusal(action: Callable[[], object]) -> str:
    with pytest.raises(XlsxImportError) as info:
        action()
    message = str(info.value)
    assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return message


def test_valid_raw_file_is_read(tmp_path: Path, profile: Profile) -> None:
    """The hand-written workbook the hostile variants start from is itself importable."""
    path = write_xlsx(tmp_path / "ok.xlsx", sheet_xml(table_rows([HEADER, ROW])))
    result = read_indicator_list(path, profile)
    assert [r.indicator.value for r in result.rows if r.indicator] == ["≥4次"]


def test_not_a_zip(tmp_path: Path, profile: Profile) -> None:
    path = tmp_path / "text.xlsx"
    path.write_text("序号,指标\n1,≥4次\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in refusal(lambda: read_xlsx(path))
    assert "不是 Excel 工作簿" in refusal(lambda: read_indicator_list(path, profile))


def test_zip_of_garbage(tmp_path: Path, profile: Profile) -> None:
    path = tmp_path / "garbage.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", os.urandom(3000))
        archive.writestr("xl/workbook.xml", os.urandom(3000))
        archive.writestr("xl/worksheets/sheet1.xml", os.urandom(3000))
    assert "损坏" in refusal(lambda: read_indicator_list(path, profile))


def test_zip_without_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "损坏" in refusal(lambda: read_xlsx(path))


def test_truncated_file(seed_xlsx: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(seed_xlsx.read_bytes()[:5000])
    assert "损坏" in refusal(lambda: read_xlsx(path))


def test_xml_bomb_in_shared_strings(tmp_path: Path, profile: Profile) -> None:
    strings = f'<?xml version="1.0"?>{BOMB}<sst {"xmlns"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
    path = write_xlsx(tmp_path / "bomb.xlsx", sheet_xml(table_rows([HEADER, ROW])),
                      extra={"xl/sharedStrings.xml": strings.encode()})
    assert "实体声明" in refusal(lambda: read_indicator_list(path, profile))


def test_xml_bomb_hidden_behind_a_long_comment_is_stopped_by_defusedxml(tmp_path: Path, profile: Profile) -> None:
    """The prologue screen reads 4 KB; past that, openpyxl's defusedxml parser must refuse it."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML
    prologue = "<!--" + "x" * 6000 + "-->" + BOMB
    path = write_xlsx(tmp_path / "bomb2.xlsx", sheet_xml(table_rows([HEADER, ROW])),
                      workbook=workbook_xml("绩效指标", prologue).replace("<sheets>", "<sheets>", 1))
    message = refusal(lambda: read_indicator_list(path, profile))
    assert "实体声明" in message


def test_million_row_sheet_refused_by_its_dimension(tmp_path: Path, profile: Profile) -> None:
    rows = (b'<row r="%d"/>' % n for n in range(1, 1_000_001))
    path = write_xlsx(tmp_path / "huge.xlsx", sheet_xml(rows, dimension="A1:D1000000"))
    assert refusal(lambda: read_indicator_list(path, profile)) == "绩效指标：工作表有 1000000 行，超过上限 10000 行，不能导入"


def test_many_rows_without_dimension_stop_at_the_limit(tmp_path: Path, profile: Profile) -> None:
    body = [*table_rows([HEADER]), *(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(2, 200_001))]
    path = write_xlsx(tmp_path / "long.xlsx", sheet_xml(body))
    assert refusal(lambda: read_indicator_list(path, profile)) == "绩效指标：工作表超过 10000 行，不能导入"


def test_hundred_megabyte_file(tmp_path: Path, profile: Profile) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    assert "超过 20 MB" in refusal(lambda: read_indicator_list(path, profile))


def test_compression_bomb_entry(tmp_path: Path, profile: Profile) -> None:
    path = write_xlsx(tmp_path / "zeros.xlsx", sheet_xml(table_rows([HEADER, ROW])),
                      extra={"xl/media/zeros.bin": bytes(20 * 1024 * 1024)})
    assert "压缩比异常" in refusal(lambda: read_indicator_list(path, profile))


def test_too_many_entries(tmp_path: Path, profile: Profile) -> None:
    extra = {f"xl/media/p{n}.txt": b"x" for n in range(1001)}
    path = write_xlsx(tmp_path / "many.xlsx", sheet_xml(table_rows([HEADER, ROW])), extra=extra)
    assert "超过上限 1000" in refusal(lambda: read_indicator_list(path, profile))


def test_formula_without_cached_value(tmp_path: Path, profile: Profile) -> None:
    path = write_xlsx(tmp_path / "formula.xlsx", sheet_xml(table_rows([HEADER, [*ROW[:3], "=A1&B1"]])))
    message = refusal(lambda: read_indicator_list(path, profile))
    assert message == "绩效指标!D2：公式没有保存计算结果，请在 Excel 或 WPS 中打开并保存后再导入"


def test_formula_without_cached_value_in_own_workbook(seed_xlsx: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(seed_xlsx)
    wb["年度主要任务"]["D3"] = "=100+788.96"  # openpyxl stores no result
    wb.save(seed_xlsx)
    assert refusal(lambda: read_xlsx(seed_xlsx)).startswith("年度主要任务!D3：公式没有保存计算结果")


def test_formula_with_cached_value_is_taken(seed_xlsx: Path) -> None:
    import re

    with zipfile.ZipFile(seed_xlsx) as archive:
        names = {i.filename for i in archive.infolist()}
        part = "xl/worksheets/sheet3.xml"
        assert part in names
        xml = archive.read(part).decode()
    cell = re.search(r'<c r="D3"[^>]*>.*?</c>', xml)
    assert cell is not None
    xml = xml.replace(cell.group(0), '<c r="D3"><f>100+788.96</f><v>888.96</v></c>')
    replace_entry(seed_xlsx, part, xml.encode())
    decl = read_xlsx(seed_xlsx).declaration
    assert str(decl.tasks[1].fiscal) == "888.96"
