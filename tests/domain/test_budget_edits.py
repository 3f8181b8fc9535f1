"""Budget table edits, declared totals, control gap and pasted rows (no Qt)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.budget import (
    control_gap,
    declared_differences,
    move_task,
    put_declared,
    remove_tasks,
    take_declared,
    task_shares,
    totals_with,
)
from desktop.domain.model import Task
from desktop.domain.task_paste import PasteError, tasks_from_clipboard
from desktop.domain.tsv import parse_tsv
from desktop.exchange.reader import read_json_file


def test_preview_totals_replace_one_amount(seed_path: Path) -> None:
    decl = read_json_file(seed_path).declaration
    row_total, totals = totals_with(decl, 1, "fiscal", Decimal("1000"))
    assert row_total == Decimal("1000")
    assert totals.total == Decimal("1125.33") + Decimal("1000") + Decimal("1279.04")
    assert decl.tasks[1].fiscal == Decimal("888.96")  # nothing changed


def test_seed_has_no_declared_differences_until_an_amount_changes(seed_path: Path) -> None:
    decl = read_json_file(seed_path).declaration
    assert declared_differences(decl) == []
    decl.tasks[0].fiscal = Decimal("1125.34")
    labels = [d.label for d in declared_differences(decl)]
    assert labels == ["基本支出 的总额", "金额合计 · 总额", "金额合计 · 财政拨款"]
    taken = take_declared(decl)
    assert declared_differences(decl) == [] and decl.declared_totals is None
    put_declared(decl, taken)
    assert decl.declared_totals is not None and decl.tasks[0].declared_total == Decimal("1125.33")


def test_control_gap_and_shares(seed_path: Path) -> None:
    decl = read_json_file(seed_path).declaration
    assert control_gap(decl) is None
    decl.budget_control_total = Decimal("3300")
    assert control_gap(decl) == Decimal("-6.67")
    shares = task_shares(decl)
    assert sum(shares) == pytest.approx(Decimal(1))
    assert shares[0] == Decimal("1125.33") / Decimal("3293.33")


def test_remove_and_move_tasks() -> None:
    from desktop.domain.profile import load_profile, new_declaration

    decl = new_declaration(load_profile("SZ-DEPT-2026"), 2026)
    decl.tasks += [Task(name="a"), Task(name="b")]
    move_task(decl, 0, 2)
    assert [t.name for t in decl.tasks] == ["a", "b", "基本支出"]
    removed = remove_tasks(decl, 0, 2)
    assert [t.name for t in removed] == ["a", "b"] and len(decl.tasks) == 1


def test_excel_block_with_quoted_multiline_cell() -> None:
    text = '任务名称\t主要内容\t财政拨款\t其他资金\r\n一般管理\t"1. 党建\r\n2. 说""明"""\t1,125.33\t０．５\r\n培训\t\t12\t\r\n'
    assert parse_tsv(text)[1][1] == '1. 党建\n2. 说"明"'
    tasks = tasks_from_clipboard(text)
    assert [(t.name, t.fiscal, t.other) for t in tasks] == [
        ("一般管理", Decimal("1125.33"), Decimal("0.5")),
        ("培训", Decimal("12"), Decimal("0")),
    ]


def test_five_columns_ignore_the_total_and_bad_amounts_name_the_cell() -> None:
    tasks = tasks_from_clipboard("甲\t内容\t999\t10\t2\n")
    assert (tasks[0].fiscal, tasks[0].other) == (Decimal("10"), Decimal("2"))
    with pytest.raises(PasteError, match="第 2 行“其他资金”"):
        tasks_from_clipboard("甲\t\t1\t2\n乙\t\t1\tabc\n")
    with pytest.raises(PasteError):
        tasks_from_clipboard("\n\n")


def _moved(names: list[str], selected: list[int], step: int) -> list[str] | None:
    """Names after moving the ``selected`` rows by ``step``, then checked to undo exactly."""
    from desktop.domain.budget import block_moves
    from desktop.domain.profile import load_profile, new_declaration

    decl = new_declaration(load_profile("SZ-DEPT-2026"), 2026, with_basic_row=False)
    decl.tasks = [Task(name=n) for n in names]
    moves = block_moves(selected, step, len(names))
    if moves is None:
        return None
    for source, destination in moves:
        move_task(decl, source, destination)
    after = [t.name for t in decl.tasks]
    for source, destination in reversed(moves):
        move_task(decl, destination, source)
    assert [t.name for t in decl.tasks] == names
    return after


def test_selected_rows_move_as_blocks_and_stop_at_the_edges() -> None:
    names = list("abcdef")
    assert _moved(names, [1, 2], -1) == list("bcadef")
    assert _moved(names, [1, 2], 1) == list("adbcef")
    assert _moved(names, [1, 2, 4], 1) == list("adbcfe")
    assert _moved(names, [4, 1, 2], -1) == list("bcaedf")
    assert _moved(names, [3], 1) == list("abcedf")
    assert _moved(names, [0, 3], -1) is None  # the first row cannot go higher: nothing moves
    assert _moved(names, [2, 5], 1) is None
    assert _moved(names, [], 1) is None


def test_a_block_pasted_over_cells_skips_the_computed_total() -> None:
    from desktop.domain.task_paste import CellEdit, cell_edits

    assert cell_edits("1,125.33\r\n", 3, 0, 3) == [CellEdit(0, "fiscal", Decimal("1125.33"))]
    # A row copied with its 总额: names, content and amounts land, the total is recomputed.
    edits = cell_edits("甲\t内容\t999\t10\t2\r\n", 3, 1, 0)
    assert [(e.row, e.field, e.value) for e in edits] == [
        (1, "name", "甲"),
        (1, "content", "内容"),
        (1, "fiscal", Decimal("10")),
        (1, "other", Decimal("2")),
    ]
    column = cell_edits("１１２５．３３\n\n 5 \n", 3, 0, 4)
    assert [(e.row, e.value) for e in column] == [(0, Decimal("1125.33")), (1, Decimal("5"))]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1125.3333333", "最多 6 位小数"),
        ("-1", "负数"),
        ("1e3", "不是金额"),
        ("1\t2\t3\n", "超出了表格的最后一列"),
        ("1\n2\n3\n", "超出了最后一个任务"),
        ("\r\n", "剪贴板为空"),
    ],
)
def test_a_bad_block_over_cells_is_refused_whole(text: str, reason: str) -> None:
    from desktop.domain.task_paste import cell_edits

    with pytest.raises(PasteError, match=reason):
        cell_edits(text, 3, 1, 3)


def test_dropped_rows_land_before_the_drop_row_in_their_order() -> None:
    from desktop.domain.budget import drop_moves

    def dropped(rows: list[int], before: int) -> str | None:
        names = list("abcdef")
        moves = drop_moves(rows, before, len(names))
        if moves is None:
            return None
        for source, destination in moves:
            names.insert(destination, names.pop(source))
        return "".join(names)

    assert dropped([0], 3) == "bcadef"
    assert dropped([4, 1], 0) == "beacdf"
    assert dropped([1, 4], 6) == "acdfbe"
    assert dropped([0, 2], 5) == "bdeacf"
    assert dropped([2], 2) is None and dropped([2], 3) is None  # dropped where it was
    assert dropped([], 1) is None
