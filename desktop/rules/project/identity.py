"""P06 (identification complete), the project's text fields and their I20 length limits."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.rules.context import CheckContext
from desktop.rules.fields import TextField, text_fields
from desktop.rules.findings import Finding
from desktop.rules.textutil import visible


def p06(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> Iterator[Finding]:
    info = decl.project
    if not visible(info.name):
        yield ctx.finding("P06", "project.name", "项目名称", "项目名称未填写：请填写与预算项目一致的项目名称。")
    if not visible(decl.unit_name):
        yield ctx.finding("P06", "unit_name", "实施单位", "实施单位未填写：请填写项目实施单位全称。")
    if profile.prints_supervisor() and not visible(decl.supervisor):
        yield ctx.finding("P06", "supervisor", "主管部门", "主管部门未填写：请填写项目主管部门名称。")
    allowed = "、".join(profile.attribute_values)
    if not visible(info.attribute):
        yield ctx.finding("P06", "project.attribute", "项目属性", f"项目属性未填写：请选择 {allowed}。")
    elif profile.attribute_values and info.attribute not in profile.attribute_values:
        yield ctx.finding(
            "P06", "project.attribute", "项目属性",
            f"项目属性“{info.attribute}”不在可选范围内：请选择 {allowed}。",
        )
    for block in profile.text_blocks:
        if block.required and not visible(info.texts.get(block.id, "")):
            yield ctx.finding(
                "P06", f"project.texts.{block.id}", block.label, f"{block.label}未填写：请填写{block.label}。"
            )


def install_text_fields(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> None:
    """Make S14 and T02–T04 see the project's own texts, with the project's labels."""
    relabelled = {"unit_name": "实施单位"}
    fields = [
        TextField(f.where, relabelled.get(f.where, f.subject), relabelled.get(f.where, f.label), f.text, f.single_line)
        for f in text_fields(ctx)
    ]
    info = decl.project
    extra = [
        TextField("project.name", "项目名称", "项目名称", info.name, True),
        TextField("project.code", "项目编码", "项目编码", info.code, True),
        TextField("project.supervisor_code", "主管部门代码", "主管部门代码", info.supervisor_code, True),
        TextField("project.attribute", "项目属性", "项目属性", info.attribute, True),
        TextField("project.category", "项目类别", "项目类别", info.category, True),
        TextField("project.task", "所属任务", "所属部门整体支出任务", info.task, True),
    ]
    for block_id, text in info.texts.items():
        block = profile.text_block(block_id)
        label = block.label if block else block_id
        extra.append(TextField(f"project.texts.{block_id}", label, label, text, False))
    extra.append(TextField("footer.project_head", "项目负责人", "项目负责人", decl.project_head, True))
    ctx.memo["text_fields"] = fields[:2] + [f for f in extra if f.text] + fields[2:]


def i20_project(ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile) -> Iterator[Finding]:
    limits: Mapping[str, int] = profile.limits
    checks = [("project.name", "项目名称", "project_name", decl.project.name)]
    checks += [(f"project.texts.{k}", k, "text_block", v) for k, v in decl.project.texts.items()]
    for where, label, kind, text in checks:
        limit = limits.get(kind)
        if limit is not None and len(text.strip()) > int(limit):
            yield ctx.finding(
                "I20", where, label, f"{label}共 {len(text.strip())} 字，超过 {int(limit)} 字的限制：请精简。"
            )
