"""The indicator table: the header anywhere, level names merged, repeated, split or shortened."""

from __future__ import annotations

from desktop.documents.formread.labels import normalise_label
from desktop.documents.formread.levels import LevelError
from desktop.documents.formread.locate import Cell, Header
from desktop.documents.formread.reader_base import ReaderBase
from desktop.domain.model import Declaration, Indicator
from desktop.domain.values import normalise_value_text

_INDICATOR_REQUIRED = ("name", "value")


class IndicatorBlock(ReaderBase):
    def _indicator_header(self) -> Header | None:
        table = self.labels.indicator_columns
        rows = sorted({row for row, _ in self.index.find(table["name"] | table["value"])})
        for row in rows:
            header = self.index.header(row, table, self.labels.ignored_columns)
            if all(f in header.columns for f in _INDICATOR_REQUIRED) and len(header.columns) >= 3:
                return header
        return None

    def _indicators(self, decl: Declaration, header: Header, signature_row: int | None) -> None:
        self.used.update(header.cells)
        self.used.update(header.ignored)
        for cell in header.unknown:
            self._unplace(cell, f"表头“{self.index.raw_text[cell].strip()}”无法识别，该列没有导入")
        for cell in header.ignored:
            self._note(cell, f"“{self.index.raw_text[cell].strip()}”列不属于申报表，没有导入")
        columns = header.columns
        self._vertical_label(header.row, min(columns.values()), self.labels.blocks["indicators"])
        stop = signature_row if signature_row is not None and signature_row > header.row else self.grid.height
        previous = ("", "")
        for row in range(header.row + 1, stop):
            repeated = self.index.header(row, self.labels.indicator_columns, self.labels.ignored_columns)
            if all(f in repeated.columns for f in _INDICATOR_REQUIRED):
                self.used.update(repeated.cells)
                self.used.update(repeated.ignored)
                continue  # the header repeated on a new page
            previous = self._indicator_row(decl, row, columns, previous)
            self._skip_columns(row, [c[1] for c in (*header.ignored, *header.unknown)])

    def _skip_columns(self, row: int, columns: list[int]) -> None:
        """Cells under a column the header already reported (序号, 权重, an unknown title)."""
        for col in columns:
            cell = self.grid.origin(row, col)
            if cell[0] == row and cell[1] == col:
                self.used.add(cell)

    def _level_text(self, row: int, col: int | None) -> tuple[str, Cell | None]:
        if col is None:
            return "", None
        cell = self.grid.origin(row, col)
        if cell not in self.index.norm:
            return "", None
        return self.index.raw_text[cell].strip(), cell

    def _indicator_row(self, decl: Declaration, row: int, columns: dict[str, int], previous: tuple[str, str]) -> tuple[str, str]:
        text1, cell1 = self._level_text(row, columns.get("level1"))
        text2, cell2 = self._level_text(row, columns.get("level2"))
        name = self._text(row, columns.get("name"))
        value = self._value(row, columns)
        unit = normalise_value_text(self._text(row, columns.get("unit")))
        explanation = self._text(row, columns.get("explanation"))
        if not (name or value or unit or explanation):
            # an empty category's row prints only its labels; anything else (a note under the
            # table) is left for the unplaced list
            known = [c for c, t in ((cell1, text1), (cell2, text2)) if c is not None and self._is_level_name(t)]
            if known and all(c[0] != row or c in known for c in (cell1, cell2) if c is not None):
                self.used.update(known)
                return (text1 or previous[0], text2 or previous[1])
            return previous
        if not name and not value:  # a stray note in the unit or explanation column
            for key in ("unit", "explanation"):
                if columns.get(key) is not None:
                    self.used.discard(self.grid.origin(row, columns[key]))
            return previous
        if not text1:
            text1 = previous[0]
        if not text2 and (text1 == previous[0] or not cell1 or cell1[0] != row):
            text2 = previous[1]
        where = (row, columns.get("name", 0))
        try:
            resolved = self.levels.resolve(text1, text2)
        except LevelError as exc:
            self._unplace_row(row, f"{exc}，“{name or value}”一行没有导入")
            self.used.update(c for c in (cell1, cell2) if c is not None)  # named in that line
            return (text1, text2)
        for cell in (cell1, cell2):
            if cell is not None:
                self.used.add(cell)
        if resolved.note:
            self._note(where, resolved.note)
        category = decl.category(resolved.level1, resolved.level2)
        assert category is not None  # resolved against the same profile
        na = self.labels.not_applicable
        if normalise_label(name) in na and normalise_label(value) in na | {""}:
            if not category.indicators:
                category.not_applicable = True
            if normalise_label(name) != "不适用":
                self._note(where, f"三级指标“{name}”表示不适用，已将“{resolved.level2}”标为不适用")
            return (text1, text2)
        if not name:
            self._note(where, f"这一行没有三级指标名称（指标值“{value}”）")
        category.not_applicable = False
        path = f"{category.level2}[{len(category.indicators)}]"
        for key in ("name", "value", "unit", "explanation"):
            if columns.get(key) is not None:
                self.places[f"{path}.{key}"] = self.grid.ref(row, columns[key])
        category.indicators.append(Indicator(name=name, value=value, unit=unit, explanation=explanation))
        return (text1, text2)

    def _is_level_name(self, text: str) -> bool:
        label = normalise_label(text)
        return label in self.labels.level1 or label in self.labels.level2

    def _value(self, row: int, columns: dict[str, int]) -> str:
        operator = self._text(row, columns.get("operator"))
        value = self._text(row, columns.get("value"))
        if operator in ("定性", "定量"):
            operator = ""
        return normalise_value_text(operator + value)

