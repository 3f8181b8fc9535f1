"""What ``perfdecl import`` tells before (or instead of) storing: the check-before-storing list.

The same list the GUI preview shows: notes of the reader, cells it could not place, and the
findings of the review rules on the declaration as it would be stored. All on stderr, so stdout
keeps only the new id (docs/cli.md).
"""

from __future__ import annotations

from desktop.commands.context import CommandContext
from desktop.commands.targets import FileDeclaration


def print_import_report(ctx: CommandContext, loaded: FileDeclaration, *, dry_run: bool) -> None:
    from desktop.rules.engine import SourceNotes, check_declaration, summarize
    from desktop.rules.report import format_findings_text

    for warning in loaded.warnings:
        print(warning, file=ctx.err)
    if loaded.unplaced:
        print(f"以下 {len(loaded.unplaced)} 处内容未能识别，没有导入：", file=ctx.err)
        for line in loaded.unplaced:
            print(f"  {line}", file=ctx.err)
    notes = SourceNotes(
        normalised_paths=list(loaded.normalised_paths),
        goal_number_mismatches=list(loaded.goal_number_mismatches),
    )
    findings = check_declaration(loaded.declaration, source_notes=notes)
    if dry_run or loaded.unplaced:
        for line in format_findings_text(findings):
            print(line, file=ctx.err)
    print(f"审核：{summarize(findings)}", file=ctx.err)
    if dry_run:
        decl = loaded.declaration
        print(
            f"试导入（--dry-run），未保存：{decl.year}年度 {decl.unit_name or '（未填单位）'}，"
            f"任务 {len(decl.tasks)} 项，目标 {len(decl.goals)} 个，三级指标 {decl.indicator_count()} 个",
            file=ctx.err,
        )
