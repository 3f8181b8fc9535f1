"""The layout model: the merge table of docs/form-layout.md and the texts the form prints."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.documents.form_layout import build_form_layout
from desktop.documents.layout import Align, BlockKind, Cell, FormLayout, Role, RowKind
from desktop.documents.options import Orientation, PrintOptions
from desktop.domain.model import Footer, Task
from desktop.domain.profile import load_profile, new_declaration
from tests.documents.helpers import seed


def _block(layout: FormLayout, kind: BlockKind) -> list[list[Cell]]:
    block = next(b for b in layout.blocks if b.kind is kind)
    return [list(row.cells) for row in block.rows]


def _spans(cells: list[Cell]) -> list[tuple[str, int, int, int]]:
    return [(c.text, c.col, c.colspan, c.rowspan) for c in cells]


def test_title_and_header_row(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    layout = build_form_layout(decl, profile)
    assert layout.title == "部门（单位）整体支出绩效目标申报表"
    assert layout.subtitle == "（2026年度）"
    [header] = _block(layout, BlockKind.HEADER)
    assert _spans(header) == [
        ("部门（单位）名称", 0, 2, 1),
        ("深圳市福田区重点片区建设发展中心（本级）", 2, 1, 1),
        ("主管部门", 3, 1, 1),
        ("深圳市福田区重点片区建设发展中心（本级）", 4, 2, 1),
    ]


def test_task_block_merges_and_amounts(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    rows = _block(build_form_layout(decl, profile), BlockKind.TASKS)
    assert _spans(rows[0]) == [
        ("年度主要任务", 0, 1, 5),  # two header rows + three tasks
        ("任务名称", 1, 1, 2),
        ("主要内容", 2, 1, 2),
        ("预算金额（万元）", 3, 3, 1),
    ]
    assert [c.text for c in rows[1]] == ["总额", "财政拨款", "其他资金"]
    assert rows[0][0].role is Role.VERTICAL_LABEL
    assert rows[0][0].display_lines() == ["年度", "主要", "任务"]
    assert [c.text for c in rows[2]] == [
        "基本支出",
        "主要用于人员、公用及对个人和家庭补助支出等",
        "1125.33",
        "1125.33",
        "0.00",
    ]
    total = rows[-1]
    assert _spans(total)[0] == ("金额合计：", 0, 3, 1)
    assert [c.text for c in total[1:]] == ["3293.33", "3293.33", "0.00"]
    assert total[1].amount == Decimal("3293.33")
    assert all(c.align is Align.RIGHT for c in total[1:])


def test_amounts_round_half_up_without_separators() -> None:
    profile = load_profile("SZ-DEPT-2026")
    decl = new_declaration(profile, 2026, with_basic_row=False)
    decl.tasks = [Task("甲", "", Decimal("12345678.125"), Decimal("0.004"))]
    rows = _block(build_form_layout(decl, profile), BlockKind.TASKS)
    assert [c.text for c in rows[2][2:]] == ["12345678.13", "12345678.13", "0.00"]
    assert rows[2][2].amount == Decimal("12345678.129")


def test_goal_rows_one_per_goal(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    rows = _block(build_form_layout(decl, profile), BlockKind.GOALS)
    assert len(rows) == 10
    assert _spans(rows[0])[0] == ("年度总体目标", 0, 1, 10)
    assert rows[0][1].text == f"目标1：{decl.goals[0]}"
    assert (rows[9][0].col, rows[9][0].colspan) == (1, 5)
    assert rows[9][0].text.startswith("目标10：")
    assert rows[2][0].field == "目标3"


def test_indicator_groups_merge_down_their_rows(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    layout = build_form_layout(decl, profile)
    block = next(b for b in layout.blocks if b.kind is BlockKind.INDICATORS)
    assert [c.text for c in block.rows[0].cells] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "度量单位",
        "指标解释",
    ]
    level1 = {
        c.text: c.rowspan
        for row in block.rows
        for c in row.cells
        if c.col == 0 and c.role is Role.GROUP_LABEL
    }
    level2 = {
        c.text: c.rowspan
        for row in block.rows
        for c in row.cells
        if c.col == 1 and c.role is Role.GROUP_LABEL
    }
    # seed: 数量 9, 质量 5, 时效 5, 成本 1; 社会效益 8; the rest 不适用 or one real row
    assert level2["数量指标"] == 9 and level2["成本指标"] == 1
    assert level1["产出指标"] == 9 + 5 + 5 + 1
    assert level1["效益指标"] == sum(
        level2[n] for n in ("经济效益指标", "社会效益指标", "可持续影响指标", "生态效益指标")
    )
    assert list(level2) == [name for _, name in profile.level2_keys()]
    body = block.rows[1:]
    assert sum(1 for r in body if r.kind is RowKind.INDICATOR) == 29
    na = [r for r in body if r.kind is RowKind.NOT_APPLICABLE]
    assert [c.text for c in na[0].cells if c.col >= 2] == ["不适用", "不适用", "", "不适用"]
    assert len(body) == sum(level1.values())


def test_empty_unmarked_category_prints_an_empty_row() -> None:
    profile = load_profile("SZ-DEPT-2026")
    decl = new_declaration(profile, 2026)
    block = next(
        b for b in build_form_layout(decl, profile).blocks if b.kind is BlockKind.INDICATORS
    )
    body = block.rows[1:]
    assert len(body) == len(profile.level2_keys())
    assert all(r.kind is RowKind.EMPTY_CATEGORY for r in body)
    assert all(c.text == "" for r in body for c in r.cells if c.col >= 2)
    assert [c.text for r in body for c in r.cells if c.col == 1] == [
        n for _, n in profile.level2_keys()
    ]


def test_field_descriptions_name_the_place(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    fields = {f for f, _ in build_form_layout(decl, profile).texts()}
    assert {
        "三级指标（第12行）",
        "指标解释（第29行）",
        "任务2 主要内容",
        "目标10",
        "主管部门",
    } <= fields


def test_geometry_follows_profile_and_orientation(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    portrait = build_form_layout(decl, profile).page
    assert (portrait.width_mm, portrait.height_mm) == (210.0, 297.0)
    assert portrait.columns_mm == profile.portrait.columns_mm
    landscape = build_form_layout(
        decl, profile, PrintOptions(orientation=Orientation.LANDSCAPE)
    ).page
    assert (landscape.width_mm, landscape.height_mm) == (297.0, 210.0)
    assert landscape.columns_mm == profile.landscape.columns_mm
    assert landscape.margins_mm == profile.landscape.margins_mm


def test_signature_block_only_when_asked(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    assert build_form_layout(decl, profile).signature == ()
    decl.footer = Footer(
        preparer="张三", phone="0755-12345678", unit_head="李四", date="2026-01-15"
    )
    items = build_form_layout(decl, profile, PrintOptions(signature_block=True)).signature
    assert [(i.label, i.value) for i in items] == [
        ("填报人：", "张三"),
        ("联系电话：", "0755-12345678"),
        ("单位负责人：", "李四"),
        ("填报日期：", "2026年1月15日"),
        ("单位（盖章）：", ""),
    ]
