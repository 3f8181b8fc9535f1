"""Task rows and cells pasted with a header row go by the columns' titles."""

from __future__ import annotations

import pytest

from desktop.domain.task_paste import PasteError, cell_edits, tasks_from_clipboard


def test_task_columns_are_mapped_by_their_titles() -> None:
    text = "序号\t财政拨款（万元）\t任务名称\t主要内容\r\n1\t12.5\t培训\t组织培训\r\n"
    [task] = tasks_from_clipboard(text)
    assert (task.name, task.content, str(task.fiscal)) == ("培训", "组织培训", "12.5")


def test_a_task_header_with_an_unknown_title_is_refused() -> None:
    with pytest.raises(PasteError, match="无法识别标题为“备注”的列"):
        tasks_from_clipboard("任务名称\t备注\r\n培训\tx\r\n")


def test_cells_pasted_with_a_header_fill_the_titled_columns_from_the_current_row() -> None:
    text = "其他资金\t任务名称\r\n3\t甲\r\n4\t乙\r\n"
    edits = cell_edits(text, task_count=3, row=1, column=4)
    assert [(e.row, e.field, str(e.value)) for e in edits] == [
        (1, "name", "甲"),
        (1, "other", "3"),
        (2, "name", "乙"),
        (2, "other", "4"),
    ]
