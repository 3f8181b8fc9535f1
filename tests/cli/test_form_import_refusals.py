"""Every file kind that cannot be read: a Chinese message naming the kind and what to do,
exit status 2, no traceback, and no database created or changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.cli.conftest import logical_dump, run_cli
from tests.formread.cfb import compound_file


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _files(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """name → (file, words the message must contain)."""
    pdf = folder / "form.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    binary = folder / "data.xls"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = folder / "empty.xlsx"
    empty.write_bytes(b"")
    broken_zip = folder / "broken.xlsx"
    broken_zip.write_bytes(b"PK\x03\x04" + b"\x13" * 300)
    odd_zip = _zip(folder / "other.xlsx", {"readme.txt": "hello"})
    odt = _zip(folder / "form.odt", {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    bad_docx = _zip(folder / "form.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "not xml <<"})
    bad_ods = _zip(folder / "form.ods", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<a><b>"})
    bad_xlsx = _zip(folder / "form2.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<<broken"})
    bad_xls = folder / "old.xls"
    bad_xls.write_bytes(compound_file("Workbook"))
    doc = folder / "form.doc"
    doc.write_bytes(compound_file("WordDocument"))
    encrypted = folder / "locked.xlsx"
    encrypted.write_bytes(compound_file("EncryptedPackage"))
    wps = folder / "form.et"
    wps.write_bytes(compound_file("WpsCustomData"))
    bad_ole = folder / "cut.xls"
    bad_ole.write_bytes(compound_file("Workbook")[:600])
    no_form = folder / "page.xls"
    no_form.write_text("<html><body><table><tr><td>会议纪要</td><td>2026</td></tr></table></body></html>", encoding="utf-8")
    project = folder / "project.xls"
    project.write_text("<table><tr><td>项目支出绩效目标申报表</td></tr><tr><td>项目名称</td><td>某项目</td></tr>"
                       "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table>", encoding="utf-8")
    return {
        "pdf": (pdf, ("PDF", "请导入")),
        "binary": (binary, ("无法识别的文件类型",)),
        "empty": (empty, ("空的",)),
        "broken zip": (broken_zip, ("已损坏", "另存")),
        "unknown zip": (odd_zip, ("压缩包", "不能导入")),
        "odt": (odt, (".odt", "另存为")),
        "damaged docx": (bad_docx, ("Word 文档（.docx）", "另存")),
        "damaged ods": (bad_ods, ("OpenDocument 表格（.ods）", "另存为")),
        "damaged xlsx": (bad_xlsx, ("Excel 工作簿", "另存为")),
        "damaged xls": (bad_xls, ("Excel 97-2003", "另存为")),
        "word 97": (doc, ("Word 97-2003 文档（.doc）", "另存为")),
        "encrypted": (encrypted, ("密码", "取消密码")),
        "wps et": (wps, ("WPS 表格", "另存为")),
        "cut ole": (bad_ole, ("已损坏", "另存")),
        "web page without a form": (no_form, ("没有找到申报表", "请确认")),
        "project form": (project, ("项目支出绩效目标申报表", "只能导入部门")),
    }


@pytest.mark.parametrize("name", [
    "pdf", "binary", "empty", "broken zip", "unknown zip", "odt", "damaged docx", "damaged ods",
    "damaged xlsx", "damaged xls", "word 97", "encrypted", "wps et", "cut ole",
    "web page without a form", "project form",
])
def test_unreadable_kind_is_explained_and_nothing_is_stored(name: str, tmp_path: Path) -> None:
    path, words = _files(tmp_path)[name]
    db = tmp_path / "new.sqlite3"
    result = run_cli("import", path, "--db", db)
    assert result.status == 2, result.err
    assert result.out == ""
    for word in words:
        assert word in result.err, result.err
    assert str(path) in result.err
    assert "Traceback" not in result.err and "Error" not in result.err
    assert not db.exists()


def test_refused_file_leaves_an_existing_database_unchanged(seeded_db: Path, tmp_path: Path) -> None:
    before = logical_dump(seeded_db)
    path, _ = _files(tmp_path)["damaged docx"]
    assert run_cli("import", path, "--db", seeded_db).status == 2
    assert logical_dump(seeded_db) == before
