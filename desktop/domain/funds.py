"""Edits of a project's 项目资金 and the figures derived from them.

See docs/project-form.md §13.

Qt-free: the 项目资金 panel's undo commands call these and keep what they return. A cell is
addressed by its horizon (``annual`` / ``mid``) and column (``fiscal``, ``other`` or
``details.<id>`` of the profile's ``fund_details``); 总额 is always derived and never set.
Amounts are ``Decimal`` in 万元 whatever unit the profile prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.budget import DeclaredDifference
from desktop.domain.errors import EditError
from desktop.domain.money import ZERO, AmountError, parse_user_amount
from desktop.domain.paste_columns import ColumnError, header_columns
from desktop.domain.project import ANNUAL, MID, Funds, ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.domain.tsv import parse_tsv
from desktop.domain.validate import amount_problem

FISCAL = "fiscal"
OTHER = "other"
DETAIL = "details."
HORIZON_LABELS = {ANNUAL: "年度资金", MID: "中期资金"}
TOTAL_LABEL = "总额"


@dataclass(frozen=True)
class FundsCell:
    """One amount: ``value`` None is an absent detail (a cleared 财政拨款/其他资金 is 0)."""

    horizon: str
    column: str
    value: Decimal | None


@dataclass(frozen=True)
class FundsUndo:
    """What :func:`restore_amounts` needs: the old cells, and whether 中期 was created."""

    old: tuple[FundsCell, ...]
    created_mid: bool


def detail_column(detail_id: str) -> str:
    return DETAIL + detail_id


def columns(profile: ProjectProfile) -> list[str]:
    """The editable columns in the panel's order: each source, then its details.

    财政拨款, its ``fund_details`` (e.g. 专项债券), 其他资金, its details: a detail sits under
    its parent as in the printed stacked block (docs/project-form.md §13).
    """
    fiscal = [detail_column(d.id) for d in profile.fund_details if d.parent == FISCAL]
    other = [detail_column(d.id) for d in profile.fund_details if d.parent != FISCAL]
    return [FISCAL, *fiscal, OTHER, *other]


def column_label(profile: ProjectProfile, column: str) -> str:
    if column == FISCAL:
        return "财政拨款"
    if column == OTHER:
        return "其他资金"
    detail = profile.fund_detail(column.removeprefix(DETAIL))
    return detail.label if detail is not None else column


def horizons(profile: ProjectProfile) -> list[str]:
    """The panel's rows: 中期资金 first (as printed) when the profile has it, then 年度资金."""
    return [MID, ANNUAL] if profile.has_mid else [ANNUAL]


def funds_of(project: ProjectDeclaration, horizon: str) -> Funds | None:
    """The funds of a horizon; None for a 中期 horizon the project does not have."""
    if horizon == ANNUAL:
        return project.funds
    return project.mid_term.funds if project.mid_term is not None else None


def amount(funds: Funds | None, column: str) -> Decimal | None:
    """The stored amount of a cell; None for an absent detail (or absent 中期 detail)."""
    if column.startswith(DETAIL):
        return None if funds is None else funds.details.get(column.removeprefix(DETAIL))
    if funds is None:
        return ZERO
    value: Decimal = getattr(funds, column)
    return value


def check_cells(project: ProjectDeclaration, profile: ProjectProfile, cells: Sequence[FundsCell]) -> None:
    """Raise :class:`EditError` (Chinese, naming the cell) unless every cell can be stored."""
    del project  # every project of this profile takes the same cells
    known = columns(profile)
    for cell in cells:
        if cell.horizon not in horizons(profile):
            raise EditError(f"此版式（{profile.title}）没有中期资金")
        if cell.column not in known:
            raise EditError(f"此版式没有资金列“{cell.column}”")
        place = f"{HORIZON_LABELS[cell.horizon]}“{column_label(profile, cell.column)}”"
        if cell.value is None:
            if not cell.column.startswith(DETAIL):
                raise EditError(f"{place}不能为空")
            continue
        if not isinstance(cell.value, Decimal):
            raise EditError(f"{place}应为金额，实际是 {cell.value!r}")
        problem = amount_problem(cell.value)
        if problem is not None:
            raise EditError(f"{place}：{problem}")


def _put(funds: Funds, column: str, value: Decimal | None) -> None:
    if column.startswith(DETAIL):
        key = column.removeprefix(DETAIL)
        if value is None:
            funds.details.pop(key, None)
        else:
            funds.details[key] = value
    else:
        setattr(funds, column, ZERO if value is None else value)


def set_amounts(project: ProjectDeclaration, cells: Sequence[FundsCell]) -> FundsUndo:
    """Set the cells in order; a 中期 cell creates the 中期 horizon when the project has none.

    Returns what :func:`restore_amounts` needs to put everything back, including removing a
    中期 horizon created here (so that undo gives an equal declaration).
    """
    created = project.mid_term is None and any(c.horizon == MID for c in cells)
    old: list[FundsCell] = []
    for cell in cells:
        funds = project.funds if cell.horizon == ANNUAL else project.ensure_mid_term().funds
        old.append(FundsCell(cell.horizon, cell.column, amount(funds, cell.column)))
        _put(funds, cell.column, cell.value)
    return FundsUndo(tuple(old), created)


def restore_amounts(project: ProjectDeclaration, undo: FundsUndo) -> None:
    """Undo :func:`set_amounts`."""
    for cell in reversed(undo.old):
        funds = funds_of(project, cell.horizon)
        assert funds is not None, "the 中期 horizon set_amounts wrote into is gone"
        _put(funds, cell.column, cell.value)
    if undo.created_mid:
        project.mid_term = None


def cleared(project: ProjectDeclaration, places: Sequence[tuple[str, str]]) -> list[FundsCell]:
    """Delete on the cells ``(horizon, column)``: amounts become 0, details absent.

    Cells already empty are left out, so clearing an empty selection changes nothing.
    """
    found: list[FundsCell] = []
    for horizon, column in places:
        empty = None if column.startswith(DETAIL) else ZERO
        if amount(funds_of(project, horizon), column) != empty:
            found.append(FundsCell(horizon, column, empty))
    return found


def funds_with(funds: Funds | None, column: str, value: Decimal) -> Funds:
    """A copy of ``funds`` with one amount changed (the live preview while typing)."""
    base = funds if funds is not None else Funds()
    copy = replace(base, details=dict(base.details))
    _put(copy, column, value)
    return copy


def annual_share(annual: Funds, mid: Funds | None) -> Decimal | None:
    """年度资金总额 / 中期资金总额 (0.332 for 33.2%); None without a 中期 总额."""
    if mid is None or mid.total == 0:
        return None
    return annual.total / mid.total


def declared_differences(project: ProjectDeclaration) -> list[DeclaredDifference]:
    """Each horizon's declared 总额 (from an imported file) that differs from the computed one
    (rule P05)."""
    found: list[DeclaredDifference] = []
    for horizon in (MID, ANNUAL):
        funds = funds_of(project, horizon)
        if funds is not None and funds.declared_total is not None and funds.declared_total != funds.total:
            label = f"{HORIZON_LABELS[horizon]} · {TOTAL_LABEL}"
            found.append(DeclaredDifference(label, funds.declared_total, funds.total))
    return found


def take_declared(project: ProjectDeclaration) -> tuple[Decimal | None, Decimal | None]:
    """采用计算值: drop the declared 总额 of both horizons; returns (年度, 中期) for undo."""
    mid = project.mid_term.funds if project.mid_term is not None else None
    taken = (project.funds.declared_total, mid.declared_total if mid is not None else None)
    project.funds.declared_total = None
    if mid is not None:
        mid.declared_total = None
    return taken


def put_declared(project: ProjectDeclaration, taken: tuple[Decimal | None, Decimal | None]) -> None:
    """Undo :func:`take_declared`."""
    project.funds.declared_total = taken[0]
    if project.mid_term is not None:
        project.mid_term.funds.declared_total = taken[1]


def control_gap(project: ProjectDeclaration) -> Decimal | None:
    """年度资金总额 minus 预算控制数 (positive: over the approved budget, rule A03)."""
    control = project.budget_control_total
    return None if control is None else project.funds.total - control


# -- typed and pasted text ----------------------------------------------------------------
def parse_amount(text: str, unit: str, place: str = "") -> Decimal:
    """A typed amount in the profile's ``unit`` → 万元; EditError with a Chinese reason."""
    try:
        return parse_user_amount(text, unit)
    except AmountError as exc:
        raise EditError(f"{place}：{exc.reason}" if place else exc.reason) from exc


#: Titles of a pasted header row (our workbook's 项目资金 sheet): 资金 names the row.
_ROW_TITLE = "资金"
_SKIPPED = (TOTAL_LABEL, "总额（来源）")


def pasted_cells(
    text: str, profile: ProjectProfile, row: int, column: int, unit: str
) -> list[FundsCell]:
    """A block pasted with its top-left at panel cell (``row``, ``column``), all or nothing.

    Panel columns are 总额 (derived: pasted values there are ignored) and then
    :func:`columns`. A block starting with a header row (as copied from our workbook's 项目资金
    sheet) is placed by its titles; its ``资金`` column, when present, names each row
    (年度资金 / 中期资金). Raises :class:`EditError` naming the row and column of a bad value or
    a block that reaches past the table.
    """
    rows = parse_tsv(text)
    if not rows:
        raise EditError("剪贴板为空，没有可粘贴的内容")
    panel = [None, *columns(profile)]
    labels = {c: (column_label(profile, c),) for c in panel if c is not None}
    titles: dict[str, tuple[str, ...]] = {_ROW_TITLE: (), **{t: () for t in _SKIPPED}}
    titles.update({c: labels[c] for c in labels})
    try:
        titled = header_columns(rows[0], titles, listed=[_ROW_TITLE, *(labels[c][0] for c in labels)])
    except ColumnError as exc:
        raise EditError(str(exc)) from exc
    order = horizons(profile)
    found: list[FundsCell] = []
    if titled is not None:
        rows = rows[1:]
    for offset, cells in enumerate(rows):
        horizon = _row_horizon(cells, titled, order, row + offset)
        placed: list[tuple[str | None, str]]
        if titled is not None:
            placed = [(c, cells[i]) for c, i in titled.items() if c in labels and i < len(cells)]
        else:
            if column + len(cells) > len(panel):
                raise EditError(f"粘贴的内容有 {len(cells)} 列，超出了资金表的最后一列")
            placed = [(panel[column + step], cell) for step, cell in enumerate(cells)]
        for key, cell in placed:
            if key is None:
                continue  # 总额 is computed; a copied value there is ignored
            place = f"{HORIZON_LABELS[horizon]}“{column_label(profile, key)}”"
            blank = key.startswith(DETAIL) and not cell.strip()
            found.append(FundsCell(horizon, key, None if blank else parse_amount(cell, unit, place)))
    return found


def _row_horizon(
    cells: list[str], titled: dict[str, int] | None, order: list[str], row: int
) -> str:
    if titled is not None and _ROW_TITLE in titled and titled[_ROW_TITLE] < len(cells):
        label = "".join(cells[titled[_ROW_TITLE]].split())
        for horizon in order:
            if label == HORIZON_LABELS[horizon]:
                return horizon
        shown = "、".join(HORIZON_LABELS[h] for h in order)
        raise EditError(f"资金“{label}”不是本表的行（本表有 {shown}）")
    if row >= len(order):
        raise EditError("粘贴的行数超出了资金表的最后一行")
    return order[row]
