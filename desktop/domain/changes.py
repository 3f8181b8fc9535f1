"""Which parts of a declaration an edit changed, as announced once per undo step.

Each undo command changes the declaration through one domain operation and then announces the
parts it touched in a single ``DeclarationDocument.notify``; views refresh only what they show.
"""

from __future__ import annotations

from enum import Flag, auto


class Part(Flag):
    """Parts of a declaration; an edit announces the union of the parts it touched."""

    #: 年度, names and the signature block (填报人 … 填报日期).
    HEADER = auto()
    #: Task rows, their amounts, declared totals and 预算控制数.
    TASKS = auto()
    #: The goal texts and their order (of either horizon of a project).
    GOALS = auto()
    #: The indicator rows and the 不适用 marks (of either horizon of a project).
    INDICATORS = auto()
    #: Which goals the indicators measure (对应目标).
    LINKS = auto()
    #: Findings accepted with a reason.
    ACCEPTED = auto()
    #: The content was swapped wholesale (import, restore): views rebuild instead of following.
    REPLACED = auto()
    #: A project's identification: 项目名称, 编码, 属性, 类别, 项目期, text blocks, task link
    #: (docs/project-form.md §1). Names and signatures shared with the department form are HEADER.
    PROJECT = auto()
    #: A project's 项目资金 of either horizon.
    FUNDS = auto()
    ALL = HEADER | TASKS | GOALS | INDICATORS | LINKS | ACCEPTED | REPLACED | PROJECT | FUNDS
