"""Form-layout files built from a declaration the way people lay them out, for the reader tests.

A :class:`Sheet` is the form as cells with spans; options vary what people vary (labels over two
lines, short level names, repeated instead of merged labels, goals in one cell, blank rows, a
form that starts far down, amount columns in another order). Writers put one Sheet into .xlsx,
.docx (several tables), HTML saved as .xls, and .ods.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.domain.model import NOT_APPLICABLE, Declaration
from desktop.domain.money import format_amount

Value = str | float | None


@dataclass
class Sheet:
    cells: dict[tuple[int, int], Value] = field(default_factory=dict)
    #: (row, col, rowspan, colspan)
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: rows that are text lines outside the bordered table (title, signature)
    outside: set[int] = field(default_factory=set)
    #: first row of the indicator table (a Word writer starts a second table there)
    indicator_row: int = 0

    def put(self, row: int, col: int, value: Value, rowspan: int = 1, colspan: int = 1) -> None:
        self.cells[(row, col)] = value
        if rowspan > 1 or colspan > 1:
            self.spans.append((row, col, rowspan, colspan))

    @property
    def height(self) -> int:
        return max(r for r, _ in self.cells) + 1


@dataclass
class Style:
    start: int = 0
    multiline: bool = False
    short_levels: bool = False
    merge_levels: bool = True
    goals_in_one_cell: bool = False
    amount_order: tuple[str, ...] = ("total", "fiscal", "other")
    blank_rows: bool = False
    notes_above: tuple[str, ...] = ()
    signature: bool = False
    numbers: bool = True


_AMOUNT_TITLES = {"total": "总额", "fiscal": "财政拨款", "other": "其他资金"}


def _label(text: str, style: Style, split: int = 0) -> str:
    if style.multiline and split and len(text) > split:
        return text[:split] + "\n" + text[split:]
    return text


def _short(name: str, style: Style) -> str:
    return name.removesuffix("指标") if style.short_levels else name


def _amount(value: Decimal, style: Style) -> Value:
    return float(value) if style.numbers else format_amount(value)


def form_sheet(decl: Declaration, style: Style | None = None) -> Sheet:
    style = style or Style()
    sheet = Sheet()
    row = style.start
    for note in style.notes_above:
        sheet.put(row, 0, note)
        sheet.outside.add(row)
        row += 1
    sheet.put(row, 0, "部门（单位）整体支出绩效目标申报表", colspan=6)
    sheet.outside.add(row)
    sheet.put(row + 1, 0, f"（{decl.year}年度）", colspan=6)
    sheet.outside.add(row + 1)
    row += 2
    sheet.put(row, 0, _label("部门（单位）名称", style, 6), colspan=2)
    sheet.put(row, 2, decl.unit_name)
    sheet.put(row, 3, _label("主管部门", style, 2))
    sheet.put(row, 4, decl.supervisor, colspan=2)
    row += 1
    if style.blank_rows:
        row += 1
    tasks_top = row
    sheet.put(row, 1, _label("任务名称", style, 2), rowspan=2)
    sheet.put(row, 2, _label("主要内容", style, 2), rowspan=2)
    sheet.put(row, 3, _label("预算金额（万元）", style, 4), colspan=3)
    for offset, key in enumerate(style.amount_order):
        sheet.put(row + 1, 3 + offset, _AMOUNT_TITLES[key])
    row += 2
    for task in decl.tasks:
        sheet.put(row, 1, task.name)
        sheet.put(row, 2, task.content)
        values = {"total": task.total, "fiscal": task.fiscal, "other": task.other}
        for offset, key in enumerate(style.amount_order):
            sheet.put(row, 3 + offset, _amount(values[key], style))
        row += 1
    vertical = "\n".join("年度主要任务") if style.multiline else "年度主要任务"
    sheet.put(tasks_top, 0, vertical, rowspan=row - tasks_top)
    totals = decl.computed_totals()
    sheet.put(row, 0, "金额合计：", colspan=3)
    for offset, key in enumerate(style.amount_order):
        value = getattr(totals, key)
        sheet.put(row, 3 + offset, _amount(value, style))
    row += 1
    goals_label = "\n".join(["年度", "总体", "目标"]) if style.multiline else "年度总体目标"
    if style.goals_in_one_cell:
        text = "\n".join(f"目标{n}：{g}" for n, g in enumerate(decl.goals, start=1))
        sheet.put(row, 0, goals_label)
        sheet.put(row, 1, text, colspan=5)
        row += 1
    else:
        sheet.put(row, 0, goals_label, rowspan=max(len(decl.goals), 1))
        for n, goal in enumerate(decl.goals, start=1):
            sheet.put(row, 1, f"目标{n}：{goal}", colspan=5)
            row += 1
    if style.blank_rows:
        row += 1
    sheet.indicator_row = row
    headers = ("一级指标", "二级指标", "三级指标", "指标值", "度量单位" if not style.multiline else "计量单位",
               "指标解释" if not style.multiline else "指标值说明")
    for col, title in enumerate(headers):
        sheet.put(row, col, _label(title, style, 2))
    row += 1
    groups: dict[str, list[Any]] = {}
    for category in decl.categories:
        groups.setdefault(category.level1, []).append(category)
    for level1, categories in groups.items():
        top1 = row
        for category in categories:
            top2 = row
            rows = [(i.name, i.value, i.unit, i.explanation) for i in category.indicators]
            if not rows:
                rows = [(NOT_APPLICABLE, NOT_APPLICABLE, "", NOT_APPLICABLE) if category.not_applicable else ("", "", "", "")]
            for name, value, unit, explanation in rows:
                for col, text in ((2, name), (3, value), (4, unit), (5, explanation)):
                    if text:
                        sheet.put(row, col, text)
                if not style.merge_levels:
                    sheet.put(row, 0, _label(_short(level1, style), style, 2))
                    sheet.put(row, 1, _short(category.level2, style))
                row += 1
                if style.blank_rows and category is categories[0] and row == top2 + 1:
                    row += 1
            if style.merge_levels:
                sheet.put(top2, 1, _short(category.level2, style), rowspan=row - top2)
        if style.merge_levels:
            sheet.put(top1, 0, _label(_short(level1, style), style, 2), rowspan=row - top1)
    if style.signature:
        footer = decl.footer
        row += 1
        sheet.put(row, 0, f"填报人：{footer.preparer}", colspan=3)
        sheet.put(row, 3, f"联系电话：{footer.phone}", colspan=3)
        sheet.outside.add(row)
        row += 1
        day = footer.date.split("-")
        sheet.put(row, 0, f"单位负责人：{footer.unit_head}", colspan=3)
        sheet.put(row, 3, f"填报日期：{int(day[0])}年{int(day[1])}月{int(day[2])}日", colspan=3)
        sheet.outside.add(row)
    return sheet


# -- writers ------------------------------------------------------------------------------
def to_xlsx(sheet: Sheet, path: Path, title: str = "Sheet1") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for (row, col), value in sheet.cells.items():
        ws.cell(row + 1, col + 1, value)
    for row, col, rowspan, colspan in sheet.spans:
        ws.merge_cells(start_row=row + 1, start_column=col + 1, end_row=row + rowspan, end_column=col + colspan)
    book.save(path)
    return path


def _html_text(value: Value) -> str:
    from html import escape

    if value is None:
        return ""
    if isinstance(value, float):
        return format_amount(Decimal(repr(value)))
    return escape(value).replace("\n", "<br>")


def _plain(value: Value) -> str:
    if isinstance(value, float):
        return format_amount(Decimal(repr(value)))
    return "" if value is None else value


def to_html(sheet: Sheet, path: Path, encoding: str = "gb18030") -> Path:
    covered = _covered(sheet)
    parts = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
             "<style>td{border:1px solid}</style></head><body>"]
    table_open = False
    for row in range(sheet.height):
        if row in sheet.outside:
            if table_open:
                parts.append("</table>")
                table_open = False
            text = " ".join(_html_text(sheet.cells[(row, c)]) for c in range(6) if (row, c) in sheet.cells)
            parts.append(f"<p>{text}</p>")
            continue
        if not table_open:
            parts.append('<table border="1">')
            table_open = True
        parts.append("<tr>")
        for col in range(6):
            if (row, col) in covered:
                continue
            span = _span_of(sheet, row, col)
            attrs = "".join(f' {k}="{v}"' for k, v in (("rowspan", span[0]), ("colspan", span[1])) if v > 1)
            parts.append(f"<td{attrs}>{_html_text(sheet.cells.get((row, col)))}</td>")
        parts.append("</tr>")
    if table_open:
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def _covered(sheet: Sheet) -> set[tuple[int, int]]:
    covered: set[tuple[int, int]] = set()
    for row, col, rowspan, colspan in sheet.spans:
        for r in range(row, row + rowspan):
            for c in range(col, col + colspan):
                if (r, c) != (row, col):
                    covered.add((r, c))
    return covered


def _span_of(sheet: Sheet, row: int, col: int) -> tuple[int, int]:
    for r, c, rowspan, colspan in sheet.spans:
        if (r, c) == (row, col):
            return rowspan, colspan
    return 1, 1


def to_docx(sheet: Sheet, path: Path) -> Path:
    """Paragraphs for the outside rows; the table split in two at the indicator header."""
    import docx

    document = docx.Document()
    blocks: list[tuple[str, list[int]]] = []
    for row in range(sheet.height):
        kind = "p" if row in sheet.outside else ("t2" if row >= sheet.indicator_row else "t1")
        if not blocks or blocks[-1][0] != kind or kind == "p":
            blocks.append((kind, []))
        blocks[-1][1].append(row)
    for kind, rows in blocks:
        if kind == "p":
            text = "    ".join(str(sheet.cells[(rows[0], c)]) for c in range(6) if (rows[0], c) in sheet.cells)
            document.add_paragraph(text)
            continue
        table = document.add_table(rows=len(rows), cols=6)
        first = rows[0]
        for r, c, rowspan, colspan in sheet.spans:
            if first <= r <= rows[-1]:
                table.cell(r - first, c).merge(table.cell(min(r + rowspan - 1, rows[-1]) - first, c + colspan - 1))
        for (r, c), value in sheet.cells.items():
            if first <= r <= rows[-1] and value is not None:
                table.cell(r - first, c).text = _plain(value)
    document.save(str(path))
    return path


def to_ods(sheet: Sheet, path: Path) -> Path:
    from xml.sax.saxutils import escape

    covered = _covered(sheet)
    rows_xml = []
    for row in range(sheet.height):
        cells = []
        for col in range(6):
            if (row, col) in covered:
                cells.append("<table:covered-table-cell/>")
                continue
            rowspan, colspan = _span_of(sheet, row, col)
            attrs = ""
            if rowspan > 1:
                attrs += f' table:number-rows-spanned="{rowspan}"'
            if colspan > 1:
                attrs += f' table:number-columns-spanned="{colspan}"'
            value = sheet.cells.get((row, col))
            if isinstance(value, float):
                cells.append(f'<table:table-cell{attrs} office:value-type="float" office:value="{value!r}"><text:p>{value}</text:p></table:table-cell>')
            elif value:
                paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
                cells.append(f'<table:table-cell{attrs} office:value-type="string">{paragraphs}</table:table-cell>')
            else:
                cells.append(f"<table:table-cell{attrs}/>")
        rows_xml.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    rows_xml.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="申报表">'
        + "".join(rows_xml)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return path
