"""Setters of the form's header (年度, names) and signature block, each returning the old value.

Qt-free like the other edits in :mod:`desktop.domain`: the 基本信息 section's undo commands call
these. A value the exchange reader would refuse (a year that is not 4 digits, a 填报日期 that is
not an ISO date) is refused here too, with :class:`~desktop.domain.errors.EditError`.
"""

from __future__ import annotations

from typing import Literal

from desktop.domain.errors import EditError
from desktop.domain.model import Declaration
from desktop.domain.validate import date_problem, year_problem

HeaderField = Literal["unit_name", "supervisor"]
FooterField = Literal["preparer", "phone", "unit_head", "date"]
HEADER_TITLES: dict[HeaderField, str] = {"unit_name": "部门（单位）名称", "supervisor": "主管部门"}
FOOTER_TITLES: dict[FooterField, str] = {
    "preparer": "填报人",
    "phone": "联系电话",
    "unit_head": "单位负责人",
    "date": "填报日期",
}


def check_year(year: int) -> None:
    """年度 has 4 digits, as the reader requires (the gate: desktop/domain/validate.py)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise EditError(f"年度应为 4 位数字，实际是 {year}")
    if (problem := year_problem(year)) is not None:
        raise EditError(problem)


def set_year(declaration: Declaration, year: int) -> int:
    """Set 年度 and return the previous one."""
    check_year(year)
    old = declaration.year
    declaration.year = year
    return old


def set_header_field(declaration: Declaration, field: HeaderField, value: str) -> str:
    """Set 部门（单位）名称 or 主管部门 and return the previous text."""
    if field not in HEADER_TITLES:
        raise EditError(f"表头没有“{field}”这一项")
    old: str = getattr(declaration, field)
    setattr(declaration, field, value)
    return old


def check_footer_value(field: FooterField, value: str) -> None:
    """Refuse a 填报日期 that is neither empty nor a real date written 2026-01-15."""
    if field not in FOOTER_TITLES:
        raise EditError(f"签字栏没有“{field}”这一项")
    if field == "date" and (problem := date_problem(value)) is not None:
        raise EditError(problem)  # the gate: a real date, stored as 2026-01-15


def set_footer_field(declaration: Declaration, field: FooterField, value: str) -> str:
    """Set one field of the signature block and return the previous text."""
    check_footer_value(field, value)
    old: str = getattr(declaration.footer, field)
    setattr(declaration.footer, field, value)
    return old
