"""Every printed text field of a declaration, with its exchange path and a Chinese label.

Several rules (S14 placeholders, T02–T04 text hygiene) look at all texts the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.rules.context import CheckContext


@dataclass(frozen=True)
class TextField:
    where: str
    subject: str
    label: str
    text: str
    #: Names, values and units are single-line; contents, goals and explanations are not.
    single_line: bool


def text_fields(ctx: CheckContext) -> list[TextField]:
    cached = ctx.memo.get("text_fields")
    if cached is None:
        cached = ctx.memo["text_fields"] = _collect(ctx)
    return list(cached)


def _collect(ctx: CheckContext) -> list[TextField]:
    decl = ctx.declaration
    fields = [
        TextField("unit_name", "部门（单位）名称", "部门（单位）名称", decl.unit_name, True),
        TextField("supervisor", "主管部门", "主管部门", decl.supervisor, True),
    ]
    for i, task in enumerate(decl.tasks):
        label, subject = ctx.task_label(i), ctx.task_subject(i)
        fields.append(TextField(f"tasks[{i}].name", subject, f"{label}的任务名称", task.name, True))
        fields.append(TextField(f"tasks[{i}].content", subject, f"{label}的主要内容", task.content, False))
    for i, goal in enumerate(decl.goals):
        fields.append(TextField(f"goals[{i}]", ctx.goal_subject(i), f"目标{i + 1}", goal, False))
    for row in ctx.rows:
        ind = row.indicator
        for key, title, text, single in (
            ("name", "名称", ind.name, True),
            ("value", "指标值", ind.value, True),
            ("unit", "度量单位", ind.unit, True),
            ("explanation", "指标解释", ind.explanation, False),
        ):
            label = f"{row.label}的{title}" if key != "name" else f"{row.label}的名称"
            fields.append(TextField(row.where(key), row.subject, label, text, single))
    footer = decl.footer
    for key, title, text in (
        ("preparer", "填报人", footer.preparer),
        ("phone", "联系电话", footer.phone),
        ("unit_head", "单位负责人", footer.unit_head),
    ):
        fields.append(TextField(f"footer.{key}", title, title, text, True))
    return [f for f in fields if f.text]
