"""Build the :class:`FormLayout` of a declaration: the merge table of docs/form-layout.md in code.

Columns A–F are 0–5. Amounts carry their Decimal beside the display text (the profile's
decimals, rounded half up, no thousands separators); declared totals are never printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from desktop.documents.layout import (
    Align,
    Block,
    BlockKind,
    Cell,
    FormLayout,
    PageSpec,
    Role,
    Row,
    RowKind,
    SignatureItem,
    Typography,
    VAlign,
)
from desktop.documents.options import Orientation, PrintOptions
from desktop.domain.model import NOT_APPLICABLE, Category, Declaration
from desktop.domain.money import ZERO, format_amount
from desktop.domain.profile import Profile

FORM_TITLE = "部门（单位）整体支出绩效目标申报表"
A4_MM = (210.0, 297.0)


def build_form_layout(
    decl: Declaration, profile: Profile, options: PrintOptions | None = None
) -> FormLayout:
    """The whole printed form of ``decl`` under ``profile``'s geometry and ``options``."""
    options = options or PrintOptions()
    decimals = profile.amount_decimals
    blocks = (
        Block(BlockKind.HEADER, (_unit_header(decl, profile),)),
        Block(BlockKind.TASKS, _task_rows(decl, decimals), header_rows=2),
        Block(BlockKind.GOALS, _goal_rows(decl.goals)),
        Block(BlockKind.INDICATORS, _indicator_rows(decl.categories), header_rows=1),
    )
    return FormLayout(
        title=FORM_TITLE,
        subtitle=f"（{decl.year}年度）",
        blocks=blocks,
        page=_page_spec(profile, options.orientation),
        typography=_typography(profile),
        amount_decimals=decimals,
        signature=_signature(decl) if options.signature_block else (),
    )


def _page_spec(profile: Profile, orientation: Orientation) -> PageSpec:
    landscape = orientation is Orientation.LANDSCAPE
    geometry = profile.landscape if landscape else profile.portrait
    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    return PageSpec(orientation, width, height, geometry.margins_mm, geometry.columns_mm)


def _typography(profile: Profile) -> Typography:
    printing = profile.printing
    return Typography(
        title_pt=printing.title_size_pt,
        subtitle_pt=printing.subtitle_size_pt,
        body_pt=printing.font_size_pt,
        min_pt=printing.min_font_size_pt,
    )


def _label(
    text: str, col: int, colspan: int = 1, rowspan: int = 1, role: Role = Role.LABEL
) -> Cell:
    return Cell(
        text, col, colspan, rowspan, role=role, align=Align.CENTER, valign=VAlign.MIDDLE, bold=True
    )


def _unit_header(decl: Declaration, profile: Profile) -> Row:
    if not profile.show_supervisor:
        cells: tuple[Cell, ...] = (
            _label("部门（单位）名称", 0, 2),
            Cell(decl.unit_name, 2, 4, field="部门（单位）名称"),
        )
    else:
        cells = (
            _label("部门（单位）名称", 0, 2),
            Cell(decl.unit_name, 2, field="部门（单位）名称"),
            _label("主管部门", 3),
            Cell(decl.supervisor, 4, 2, field="主管部门"),
        )
    return Row(RowKind.UNIT_HEADER, cells)


def _amount(value: Decimal | None, col: int, decimals: int, field: str = "") -> Cell:
    value = value if value is not None else ZERO
    text = format_amount(value, decimals)
    return Cell(text, col, role=Role.AMOUNT, align=Align.RIGHT, amount=value, field=field)


def _task_rows(decl: Declaration, decimals: int) -> tuple[Row, ...]:
    span = 2 + len(decl.tasks)
    rows = [
        Row(
            RowKind.TASK_HEADER,
            (
                _label("年度主要任务", 0, rowspan=span, role=Role.VERTICAL_LABEL),
                _label("任务名称", 1, rowspan=2, role=Role.HEADER),
                _label("主要内容", 2, rowspan=2, role=Role.HEADER),
                _label("预算金额（万元）", 3, colspan=3, role=Role.HEADER),
            ),
        ),
        Row(
            RowKind.TASK_HEADER,
            (
                _label("总额", 3, role=Role.HEADER),
                _label("财政拨款", 4, role=Role.HEADER),
                _label("其他资金", 5, role=Role.HEADER),
            ),
        ),
    ]
    for number, task in enumerate(decl.tasks, start=1):
        where = f"任务{number}"
        rows.append(
            Row(
                RowKind.TASK,
                (
                    Cell(task.name, 1, field=f"{where} 任务名称"),
                    Cell(
                        task.content,
                        2,
                        role=Role.TEXT,
                        valign=VAlign.TOP,
                        field=f"{where} 主要内容",
                    ),
                    _amount(task.total, 3, decimals, f"{where} 总额"),
                    _amount(task.fiscal, 4, decimals, f"{where} 财政拨款"),
                    _amount(task.other, 5, decimals, f"{where} 其他资金"),
                ),
                title=task.name or where,
            )
        )
    totals = decl.computed_totals()
    rows.append(
        Row(
            RowKind.TOTAL,
            (
                Cell("金额合计：", 0, 3, role=Role.LABEL, align=Align.LEFT, bold=True),
                _amount(totals.total, 3, decimals, "金额合计 总额"),
                _amount(totals.fiscal, 4, decimals, "金额合计 财政拨款"),
                _amount(totals.other, 5, decimals, "金额合计 其他资金"),
            ),
        )
    )
    return tuple(rows)


def _goal_rows(goals: Sequence[str]) -> tuple[Row, ...]:
    texts = list(goals) or [""]
    rows = []
    for index, goal in enumerate(texts):
        number = index + 1
        text = f"目标{number}：{goal}" if goals else ""
        cells = [Cell(text, 1, 5, role=Role.TEXT, valign=VAlign.TOP, field=f"目标{number}")]
        if index == 0:
            cells.insert(0, _label("年度总体目标", 0, rowspan=len(texts), role=Role.VERTICAL_LABEL))
        rows.append(Row(RowKind.GOAL, tuple(cells), title=f"目标{number}"))
    return tuple(rows)


def _category_rows(category: Category, first_row: int) -> list[Row]:
    """The rows of one level-2 category, without its group labels."""
    if category.indicators:
        rows = []
        for offset, ind in enumerate(category.indicators):
            where = f"（第{first_row + offset}行）"
            cells = (
                Cell(ind.name, 2, field=f"三级指标{where}"),
                Cell(ind.value, 3, align=Align.CENTER, field=f"指标值{where}"),
                Cell(ind.unit, 4, align=Align.CENTER, field=f"度量单位{where}"),
                Cell(ind.explanation, 5, role=Role.TEXT, field=f"指标解释{where}"),
            )
            rows.append(
                Row(RowKind.INDICATOR, cells, title=ind.name or f"第{first_row + offset}行")
            )
        return rows
    if category.not_applicable:
        cells = (
            Cell(NOT_APPLICABLE, 2),
            Cell(NOT_APPLICABLE, 3, align=Align.CENTER),
            Cell("", 4, align=Align.CENTER),
            Cell(NOT_APPLICABLE, 5),
        )
        return [Row(RowKind.NOT_APPLICABLE, cells, title=category.level2)]
    empty = tuple(Cell("", col) for col in range(2, 6))
    return [Row(RowKind.EMPTY_CATEGORY, empty, title=category.level2)]


def _indicator_rows(categories: Sequence[Category]) -> tuple[Row, ...]:
    header = Row(
        RowKind.INDICATOR_HEADER,
        tuple(
            _label(text, col, role=Role.HEADER)
            for col, text in enumerate(
                ("一级指标", "二级指标", "三级指标", "指标值", "度量单位", "指标解释")
            )
        ),
    )
    rows: list[Row] = [header]
    real_number = 1  # fields count real indicators, as the editor lists them
    groups: list[tuple[str, list[list[Row]], list[str]]] = []
    for category in categories:
        category_rows = _category_rows(category, real_number)
        real_number += len(category.indicators)
        if not groups or groups[-1][0] != category.level1:
            groups.append((category.level1, [], []))
        groups[-1][1].append(category_rows)
        groups[-1][2].append(category.level2)
    for level1, per_category, level2_names in groups:
        level1_span = sum(len(r) for r in per_category)
        for position, (level2, category_rows) in enumerate(zip(level2_names, per_category)):
            for index, row in enumerate(category_rows):
                extra: list[Cell] = []
                if index == 0 and position == 0:
                    extra.append(_group_label(level1, 0, level1_span))
                if index == 0:
                    extra.append(_group_label(level2, 1, len(category_rows)))
                rows.append(Row(row.kind, (*extra, *row.cells), title=row.title))
    return tuple(rows)


def _group_label(text: str, col: int, rowspan: int) -> Cell:
    return Cell(text, col, rowspan=rowspan, role=Role.GROUP_LABEL, align=Align.CENTER)


def _signature(decl: Declaration) -> tuple[SignatureItem, ...]:
    footer = decl.footer
    return (
        SignatureItem("填报人：", footer.preparer, "填报人"),
        SignatureItem("联系电话：", footer.phone, "联系电话"),
        SignatureItem("单位负责人：", footer.unit_head, "单位负责人"),
        SignatureItem("填报日期：", _chinese_date(footer.date), "填报日期"),
        SignatureItem("单位（盖章）：", ""),
    )


def _chinese_date(text: str) -> str:
    """``2026-01-15`` → ``2026年1月15日``; empty → blanks to fill in by hand."""
    if not text:
        return "        年    月    日"
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.year}年{day.month}月{day.day}日"
