"""文件 → 打开/导入 in the window: json and xlsx declarations, and indicator lists into the open one."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.store import DeclarationStore
from ui import importing
from ui.main_window import MainWindow


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window


def _flat_list(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位绩效指标清单"])
    sheet.append(["一级指标", "二级指标", "指标名称", "指标值", "度量单位", "指标解释", "备注"])
    sheet.append(["产出指标", "数量指标", "新增培训场次", "≥3", "场", "考察培训场次", "x"])
    sheet.append(
        ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "", "考察参训人员满意度", ""]
    )
    book.save(path)
    return path


def test_json_file_is_imported_as_revision_one_and_opened(
    window: MainWindow, store: DeclarationStore, seed_path: Path
) -> None:
    new_id = window.controller.import_file(seed_path)
    assert new_id is not None and window.document is not None
    assert window.document.declaration_id == new_id
    assert [r.number for r in store.revisions(new_id)] == [1]
    assert content_key(store.load(new_id)) == content_key(read_json_file(seed_path).declaration)


def test_indicator_list_appended_to_the_open_declaration_as_one_undo_step(
    window: MainWindow, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    before = window.document.declaration.indicator_count()
    monkeypatch.setattr(importing, "_ask_append_or_replace", lambda w, p: False)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *args: told.append(args[2]))
    )
    window.controller.import_file(_flat_list(tmp_path / "list.xlsx"))
    declaration = window.document.declaration
    assert declaration.indicator_count() == before + 2
    assert told and "“备注”列不属于申报表，没有导入" in told[0]  # no column dropped unsaid
    quantity = declaration.category("产出指标", "数量指标")
    assert quantity is not None and quantity.indicators[-1].name == "新增培训场次"
    window.document.undo_stack.undo()
    assert window.document.declaration.indicator_count() == before


def test_indicator_list_can_replace_the_table(
    window: MainWindow, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    monkeypatch.setattr(importing, "_ask_append_or_replace", lambda w, p: True)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args: None))
    window.controller.import_file(_flat_list(tmp_path / "list.xlsx"))
    assert window.document.declaration.indicator_count() == 2


def test_a_broken_file_is_refused_and_nothing_changes(
    window: MainWindow,
    store: DeclarationStore,
    seed_path: Path,
    tmp_path: Path,
    warnings: list[str],
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    key = content_key(window.document.declaration)
    count = len(store.list())
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip at all" * 50)
    assert window.controller.import_file(junk) is None
    assert warnings and "junk.xlsx" in warnings[0]
    assert content_key(window.document.declaration) == key
    assert len(store.list()) == count


def _rows_list(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "指标"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_list_warnings_are_listed_in_a_box_and_the_rows_imported(
    window: MainWindow, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    before = window.document.declaration.indicator_count()
    monkeypatch.setattr(importing, "_ask_append_or_replace", lambda w, p: False)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *args: told.append(args[2]))
    )
    header = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标解释", "指标解释"]
    row = ["产出指标", "数量指标", "新增培训场次", "≥3", "场", "考察培训场次", "重复"]
    window.controller.import_file(_rows_list(tmp_path / "dup.xlsx", [header, row]))
    assert window.document.declaration.indicator_count() == before + 1
    assert told and "重复" in told[0] and "指标解释" in told[0]


def test_a_list_whose_levels_are_not_in_the_profile_is_refused_by_cell(
    window: MainWindow,
    seed_path: Path,
    tmp_path: Path,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    key = content_key(window.document.declaration)
    depth = window.document.undo_stack.count()
    monkeypatch.setattr(importing, "_ask_append_or_replace", lambda w, p: True)
    header = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标解释"]
    row = ["产出指标", "规模指标", "新增培训场次", "≥3", "场", "考察培训场次"]
    window.controller.import_file(_rows_list(tmp_path / "levels.xlsx", [header, row]))
    assert warnings and "levels.xlsx" in warnings[0] and "指标!B2" in warnings[0]
    assert content_key(window.document.declaration) == key
    assert window.document.undo_stack.count() == depth


def test_a_huge_file_is_refused_at_once(
    window: MainWindow, tmp_path: Path, warnings: list[str]
) -> None:
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as sparse:
        sparse.truncate(150 * 1024 * 1024)
    count = len(window.store.list())
    assert window.controller.import_file(huge) is None
    assert "huge.xlsx" in warnings[0] and "MB" in warnings[0]
    assert len(window.store.list()) == count


def test_warnings_of_an_imported_file_are_listed(
    window: MainWindow, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text, *a: shown.append(text))
    )
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["tasks"][1]["total"] = "888.00"
    source = tmp_path / "warn.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert window.controller.import_file(source) is not None
    assert shown and "A01" in shown[0] and "warn.json" in shown[0]


def test_indicator_list_into_a_projects_mid_term_tree_is_one_undo_step(
    window: MainWindow, store: DeclarationStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project whose layout has 中期: the list goes into the tree chosen; the first 中期
    import creates the horizon, and undo leaves the declaration exactly as before."""
    from desktop.domain.project import MID, ProjectDeclaration
    from desktop.exchange.writer import write_json_file
    from tests.project.helpers import ZDPQ, doc, read

    fixture = tmp_path / "project.json"
    data = read(doc(ZDPQ))
    data.mid_term = None  # a MOF-PROJECT-2021 project whose 中期 is not begun
    write_json_file(data, fixture)
    project_id = window.controller.import_file(fixture)
    document = window.document
    assert project_id is not None and document is not None and document.project is not None
    before = content_key(document.declaration)
    annual_before = document.declaration.indicator_count()
    monkeypatch.setattr(importing, "_ask_horizon", lambda w, p: MID)
    monkeypatch.setattr(importing, "_ask_append_or_replace", lambda w, p: False)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args: None))
    window.controller.import_file(_flat_list(tmp_path / "list.xlsx"))
    project = document.project
    assert project is not None and project.mid_term is not None
    names = [i.name for c in project.mid_term.categories for i in c.indicators]
    assert names == ["新增培训场次", "参训人员满意度"]
    assert document.declaration.indicator_count() == annual_before  # the 年度 tree is untouched
    assert document.undo_stack.undoText().startswith("追加中期绩效指标")
    assert window.flush()
    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration) and stored.mid_term is not None
    assert [i.name for c in stored.mid_term.categories for i in c.indicators] == names
    document.undo_stack.undo()
    assert project.mid_term is None and content_key(document.declaration) == before
    document.undo_stack.redo()
    assert project.mid_term is not None
