"""Build the :class:`FormLayout` of a project declaration from its profile's ``layout`` data.

The block order is fixed (identification, funds, goals, indicators, signature); each block is
built by the code of its *style* (``stacked``/``table`` funds, ``paired``/``rows`` goals,
``paired``/``single`` indicators) from the labels, spans and columns the profile gives
(docs/project-form.md §2). The grid then goes through the department form's pagination and
PDF drawing unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop.documents.form_layout import A4_MM, _chinese_date, _typography
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
    VAlign,
)
from desktop.documents.options import Orientation, PrintOptions
from desktop.domain.model import NOT_APPLICABLE, Category, Indicator
from desktop.domain.money import format_amount
from desktop.domain.project import Funds, ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile, load_project_profile

SIGNATURE_LABELS = {
    "project_head": "项目负责人：",
    "preparer": "填报人：",
    "phone": "联系电话：",
    "unit_head": "单位负责人：",
    "date": "填报日期：",
}


def build_project_layout(
    decl: ProjectDeclaration, options: PrintOptions | None = None
) -> FormLayout:
    options = options or PrintOptions()
    profile = load_project_profile(decl.profile_id)
    layout = profile.layout
    columns = int(layout.get("columns", 6))
    builder = _Builder(decl, profile, columns)
    blocks = (
        Block(BlockKind.HEADER, tuple(builder.header_row(r) for r in layout.get("header_rows", []))),
        builder.funds(layout.get("funds") or {}),
        builder.goals(layout.get("goals") or {}),
        builder.indicators(layout.get("indicators") or {}),
    )
    orientation = Orientation(profile.orientation) if profile.orientation else options.orientation
    return FormLayout(
        title=str(layout.get("title", "项目支出绩效目标申报表")),
        subtitle=f"（{decl.year}年度）",
        blocks=tuple(b for b in blocks if b.rows),
        page=_page_spec(profile, orientation),
        typography=_typography(profile.profile),
        amount_decimals=profile.profile.amount_decimals,
        signature=_signature(decl, profile) if options.signature_block else (),
        # T3 (填报单位（盖章）：) belongs to the signed paper: printed with the signature block.
        above_table=str(layout.get("above_table", "")) if options.signature_block else "",
    )


def _page_spec(profile: ProjectProfile, orientation: Orientation) -> PageSpec:
    landscape = orientation is Orientation.LANDSCAPE
    geometry = profile.profile.landscape if landscape else profile.profile.portrait
    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    return PageSpec(orientation, width, height, geometry.margins_mm, geometry.columns_mm)


def period_text(decl: ProjectDeclaration, period_format: str) -> str:
    """项目期 as printed: ``3年`` (years) or ``2026年—2028年`` / ``2026年`` (range)."""
    start, end = decl.project.period_start, decl.project.period_end
    if start is None or end is None:
        return ""
    if period_format == "years":
        return f"{end - start + 1}年"
    return f"{start}年" if start == end else f"{start}年—{end}年"


def indicator_value_text(indicator: Indicator) -> str:
    """指标值 for a layout without a 度量单位 column: the unit appended unless already there."""
    value, unit = indicator.value, indicator.unit
    if not unit or value.endswith(unit):
        return value
    return value + unit


def _label(text: str, col: int, colspan: int = 1, rowspan: int = 1, role: Role = Role.LABEL) -> Cell:
    return Cell(text, col, colspan, rowspan, role=role, align=Align.CENTER, bold=True)


class _Builder:
    def __init__(self, decl: ProjectDeclaration, profile: ProjectProfile, columns: int) -> None:
        self.decl = decl
        self.profile = profile
        self.columns = columns
        self.decimals = profile.profile.amount_decimals
        self.mid = decl.mid_term if decl.mid_term is not None and decl.mid_in_use() else None

    # -- identification -----------------------------------------------------------------
    def field_text(self, name: str) -> str:
        decl, info = self.decl, self.decl.project
        if name.startswith("texts."):
            return info.texts.get(name.removeprefix("texts."), "")
        values = {
            "project.name": info.name,
            "project.code": info.code,
            "project.attribute": info.attribute,
            "project.category": info.category,
            "supervisor": decl.supervisor,
            "supervisor_with_code": (
                f"{info.supervisor_code}-{decl.supervisor}" if info.supervisor_code else decl.supervisor
            ),
            "unit_name": decl.unit_name,
            "period": period_text(decl, self.profile.period_format),
        }
        return values.get(name, "")

    def header_row(self, spec: Sequence[Mapping[str, Any]]) -> Row:
        cells: list[Cell] = []
        col = 0
        for item in spec:
            span = int(item.get("span", 1))
            if "field" in item:
                name = str(item["field"])
                text = self.field_text(name)
                role = Role.TEXT if name.startswith("texts.") else Role.VALUE
                cells.append(Cell(text, col, span, role=role, field=self._field_label(name)))
            else:
                cells.append(_label(str(item.get("text", "")), col, span))
            col += span
        return Row(RowKind.UNIT_HEADER, tuple(cells), title=cells[0].text if cells else "")

    def _field_label(self, name: str) -> str:
        if name.startswith("texts."):
            block = self.profile.text_block(name.removeprefix("texts."))
            return block.label if block else name
        return {
            "project.name": "项目名称", "project.code": "项目编码", "project.attribute": "项目属性",
            "project.category": "项目类别", "supervisor": "主管部门", "supervisor_with_code": "主管部门",
            "unit_name": "实施单位", "period": "项目期",
        }.get(name, name)  # fmt: skip

    # -- funds ----------------------------------------------------------------------------
    def _funds_of(self, horizon: str) -> Funds | None:
        if horizon == "mid":
            return self.mid.funds if self.mid is not None else None
        return self.decl.funds

    def _amount(self, value: Decimal | None, col: int, span: int, field: str) -> Cell:
        if value is None:  # a horizon not in use prints empty cells, not 0.00
            return Cell("", col, span, role=Role.AMOUNT, align=Align.RIGHT, field=field)
        text = format_amount(value, self.decimals)
        return Cell(text, col, span, role=Role.AMOUNT, align=Align.RIGHT, amount=value, field=field)

    def funds(self, spec: Mapping[str, Any]) -> Block:
        if spec.get("style") == "table":
            return self._funds_table(spec)
        label_span = int(spec.get("label_span", 1))
        sides = list(spec.get("sides", []))
        parts = [
            ("total", None),
            ("fiscal", str(spec.get("fiscal", "其中：财政拨款"))),
            ("other", str(spec.get("other", "其他资金"))),
        ]
        rows: list[Row] = []
        for index, (key, fixed) in enumerate(parts):
            cells: list[Cell] = []
            if index == 0:
                cells.append(_label(str(spec.get("label", "项目资金（万元）")), 0, label_span, len(parts)))
            col = label_span
            for side in sides:
                side_label = int(side.get("label_span", 1))
                value_span = int(side.get("value_span", 1))
                horizon = str(side.get("horizon", "annual"))
                funds = self._funds_of(horizon)
                text = str(side.get("total", "")) if fixed is None else fixed
                # 其他资金 stands under 财政拨款, after the leading 其中：, as on the paper form.
                indent = int(spec.get("other_indent", 0)) if key == "other" else 0
                cells.append(
                    Cell(text, col, side_label, role=Role.LABEL, align=Align.LEFT, bold=True, indent=indent)
                )
                amount = None if funds is None else (funds.total if key == "total" else getattr(funds, key))
                prefix = "中期资金" if horizon == "mid" else "年度资金"
                cells.append(self._amount(amount, col + side_label, value_span, f"{prefix} {key}"))
                col += side_label + value_span
            rows.append(Row(RowKind.TOTAL, tuple(cells), title="项目资金"))
        return Block(BlockKind.TASKS, tuple(rows))

    def _funds_table(self, spec: Mapping[str, Any]) -> Block:
        label_span = int(spec.get("label_span", 3))
        headers = list(spec.get("headers", ["总额", "财政拨款", "其他资金"]))
        funds = self.decl.funds
        head = [_label(str(spec.get("label", "项目资金（万元）")), 0, label_span, 2)]
        head += [_label(str(h), label_span + i, role=Role.HEADER) for i, h in enumerate(headers)]
        values = [funds.total, funds.fiscal, funds.other]
        body = [
            self._amount(values[i], label_span + i, 1, f"年度资金 {h}") for i, h in enumerate(headers[:3])
        ]
        rows = (Row(RowKind.TASK_HEADER, tuple(head)), Row(RowKind.TOTAL, tuple(body), title="项目资金"))
        return Block(BlockKind.TASKS, rows, header_rows=1)

    # -- goals ----------------------------------------------------------------------------
    def goals(self, spec: Mapping[str, Any]) -> Block:
        label = str(spec.get("label", "年度总体目标"))
        if spec.get("style") != "paired":
            texts = list(self.decl.goals) or [""]
            rows = []
            for index, goal in enumerate(texts):
                text = f"目标{index + 1}：{goal}" if self.decl.goals else ""
                goal_cell = Cell(text, 1, self.columns - 1, role=Role.TEXT, valign=VAlign.TOP, field=f"目标{index + 1}")
                first = [_label(label, 0, rowspan=len(texts), role=Role.VERTICAL_LABEL)] if index == 0 else []
                rows.append(Row(RowKind.GOAL, (*first, goal_cell), title=f"目标{index + 1}"))
            return Block(BlockKind.GOALS, tuple(rows))
        sides = list(spec.get("sides", []))
        lists = {"annual": list(self.decl.goals), "mid": list(self.mid.goals) if self.mid else []}
        count = max(1, *(len(v) for v in lists.values()))
        heading: list[Cell] = [_label(label, 0, rowspan=1 + count, role=Role.VERTICAL_LABEL)]
        col = 1
        for side in sides:
            span = int(side.get("span", 1))
            heading.append(_label(self._heading(str(side.get("heading", ""))), col, span, role=Role.HEADER))
            col += span
        rows = [Row(RowKind.TASK_HEADER, tuple(heading), title=label)]
        for index in range(count):
            cells: list[Cell] = []
            col = 1
            for side in sides:
                span = int(side.get("span", 1))
                horizon = str(side.get("horizon", "annual"))
                goals = lists.get(horizon, [])
                text = f"目标{index + 1}：{goals[index]}" if index < len(goals) else ""
                where = ("中期" if horizon == "mid" else "年度") + f"目标{index + 1}"
                cells.append(Cell(text, col, span, role=Role.TEXT, valign=VAlign.TOP, field=where))
                col += span
            rows.append(Row(RowKind.GOAL, tuple(cells), title=f"目标{index + 1}"))
        return Block(BlockKind.GOALS, tuple(rows), header_rows=1)

    def _heading(self, template: str) -> str:
        start, end = self.decl.project.period_start, self.decl.project.period_end
        if "{start}" in template and (start is None or end is None):
            return template.split("（")[0]  # plain 中期目标 when a year is missing
        return template.format(start=start, end=end)

    # -- indicators -----------------------------------------------------------------------
    def indicators(self, spec: Mapping[str, Any]) -> Block:
        if spec.get("style") == "paired":
            return self._paired(spec)
        return self._single(spec)

    def _single(self, spec: Mapping[str, Any]) -> Block:
        label = str(spec.get("label", ""))
        first = 1 if label else 0
        columns = list(spec.get("columns", []))
        has_unit = any(c.get("key") == "unit" for c in columns)
        header: list[Cell] = []
        col = first
        places: dict[str, tuple[int, int]] = {}
        for column in columns:
            span = int(column.get("span", 1))
            places[str(column["key"])] = (col, span)
            header.append(_label(str(column.get("header", "")), col, span, role=Role.HEADER))
            col += span
        body: list[Row] = []
        groups = _groups(self.decl.categories)
        real = 1
        for level1, categories in groups:
            level1_rows = sum(max(1, len(c.indicators)) for c in categories)
            for position, category in enumerate(categories):
                rows_here = _category_cells(category, places, has_unit, real)
                real += len(category.indicators)
                for index, (kind, cells, title) in enumerate(rows_here):
                    extra: list[Cell] = []
                    if index == 0 and position == 0 and "level1" in places:
                        c, s = places["level1"]
                        extra.append(_group(level1, c, s, level1_rows))
                    if index == 0 and "level2" in places:
                        c, s = places["level2"]
                        extra.append(_group(category.level2, c, s, len(rows_here)))
                    body.append(Row(kind, (*extra, *cells), title=title))
        head_cells = tuple(header)
        if label:
            head_cells = (_label(label, 0, rowspan=1 + len(body), role=Role.VERTICAL_LABEL), *head_cells)
        rows = (Row(RowKind.INDICATOR_HEADER, head_cells), *body)
        return Block(BlockKind.INDICATORS, rows, header_rows=1)

    def _paired(self, spec: Mapping[str, Any]) -> Block:
        headers = list(spec.get("headers", []))
        mid_categories = {c.key: c for c in self.mid.categories} if self.mid else {}
        body: list[Row] = []
        for level1, categories in _groups(self.decl.categories):
            pairs = [(c, mid_categories.get(c.key)) for c in categories]
            level1_rows = sum(_pair_height(a, m) for a, m in pairs)
            for position, (annual, mid) in enumerate(pairs):
                height = _pair_height(annual, mid)
                for index in range(height):
                    cells: list[Cell] = []
                    if index == 0 and position == 0:
                        cells.append(_group(level1, 1, 1, level1_rows))
                    if index == 0:
                        cells.append(_group(annual.level2, 2, 1, height))
                        cells.append(_group(annual.level2, 5, 1, height))
                    cells += _side(mid, index, 3, "中期") if mid is not None else _blank(3)
                    cells += _side(annual, index, 6, "年度")
                    body.append(Row(RowKind.INDICATOR, tuple(cells), title=annual.level2))
        head = [_label(str(spec.get("label", "绩效指标")), 0, rowspan=1 + len(body), role=Role.VERTICAL_LABEL)]
        head += [_label(str(h), 1 + i, role=Role.HEADER) for i, h in enumerate(headers)]
        return Block(BlockKind.INDICATORS, (Row(RowKind.INDICATOR_HEADER, tuple(head)), *body), header_rows=1)


def _groups(categories: Sequence[Category]) -> list[tuple[str, list[Category]]]:
    groups: list[tuple[str, list[Category]]] = []
    for category in categories:
        if not groups or groups[-1][0] != category.level1:
            groups.append((category.level1, []))
        groups[-1][1].append(category)
    return groups


def _group(text: str, col: int, span: int, rowspan: int) -> Cell:
    return Cell(text, col, span, rowspan, role=Role.GROUP_LABEL, align=Align.CENTER)


def _category_cells(
    category: Category, places: Mapping[str, tuple[int, int]], has_unit: bool, first_real: int
) -> list[tuple[RowKind, tuple[Cell, ...], str]]:
    def cell(key: str, text: str, where: str) -> Cell | None:
        if key not in places:
            return None
        col, span = places[key]
        role = Role.TEXT if key == "explanation" else Role.VALUE
        align = Align.CENTER if key in ("value", "unit") else Align.LEFT
        return Cell(text, col, span, role=role, align=align, field=f"{where}" if where else "")

    rows: list[tuple[RowKind, tuple[Cell, ...], str]] = []
    for offset, ind in enumerate(category.indicators):
        where = f"（第{first_real + offset}行）"
        value = ind.value if has_unit else indicator_value_text(ind)
        found = [
            cell("name", ind.name, f"三级指标{where}"),
            cell("value", value, f"指标值{where}"),
            cell("unit", ind.unit, f"度量单位{where}"),
            cell("explanation", ind.explanation, f"指标解释{where}"),
        ]
        rows.append((RowKind.INDICATOR, tuple(c for c in found if c is not None), ind.name))
    if rows:
        return rows
    if category.not_applicable:
        marks = {"name": NOT_APPLICABLE, "value": NOT_APPLICABLE, "explanation": NOT_APPLICABLE}
        found = [cell(k, marks.get(k, ""), "") for k in ("name", "value", "unit", "explanation")]
        return [(RowKind.NOT_APPLICABLE, tuple(c for c in found if c is not None), category.level2)]
    found = [cell(k, "", "") for k in ("name", "value", "unit", "explanation")]
    return [(RowKind.EMPTY_CATEGORY, tuple(c for c in found if c is not None), category.level2)]


def _pair_height(annual: Category, mid: Category | None) -> int:
    mine = max(1, len(annual.indicators))
    theirs = max(1, len(mid.indicators)) if mid is not None else 1
    return max(mine, theirs)


def _side(category: Category, index: int, col: int, horizon: str) -> list[Cell]:
    """三级指标 and 指标值 of row ``index`` of one side of a paired category."""
    if category.indicators:
        if index >= len(category.indicators):
            return _blank(col)
        ind = category.indicators[index]
        where = f"{horizon}{category.level2}第{index + 1}行"
        return [
            Cell(ind.name, col, field=f"{where} 三级指标"),
            Cell(indicator_value_text(ind), col + 1, align=Align.CENTER, field=f"{where} 指标值"),
        ]
    if category.not_applicable and index == 0:
        return [Cell(NOT_APPLICABLE, col), Cell(NOT_APPLICABLE, col + 1, align=Align.CENTER)]
    return _blank(col)


def _blank(col: int) -> list[Cell]:
    return [Cell("", col), Cell("", col + 1, align=Align.CENTER)]


def _signature(decl: ProjectDeclaration, profile: ProjectProfile) -> tuple[SignatureItem, ...]:
    footer = decl.footer
    values = {
        "project_head": decl.project_head,
        "preparer": footer.preparer,
        "phone": footer.phone,
        "unit_head": footer.unit_head,
        "date": _chinese_date(footer.date),
    }
    return tuple(
        SignatureItem(SIGNATURE_LABELS[item], values[item], SIGNATURE_LABELS[item].rstrip("："))
        for item in profile.signature
        if item in SIGNATURE_LABELS
    )
