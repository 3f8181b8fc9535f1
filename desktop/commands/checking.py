"""``perfdecl check``: run the review rules on ids, files and folders (docs/cli.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, CommandError
from desktop.commands.targets import FILE_SUFFIXES, FileDeclaration, is_id, read_declaration_file
from desktop.rules.context import SourceNotes
from desktop.rules.engine import RULESET_VERSION, Finding, check_declaration, summarize
from desktop.rules.project.cross_forms import RelatedForms
from desktop.rules.report import format_findings_text
from desktop.services.related_forms import related_among, related_forms
from desktop.services.revisions import previous_year_declaration
from desktop.services.store import DeclarationStore, NotFoundError


@dataclass
class _Checked:
    label: str
    findings: list[Finding]


@dataclass(frozen=True)
class _Target:
    text: str
    #: The folder a file was found in: the files of one folder are each other's neighbours
    #: for the cross-checks C02/C03 (docs/project-form.md §6).
    folder: Path | None = None


def _expand(targets: list[str]) -> list[_Target]:
    expanded: list[_Target] = []
    for target in targets:
        path = Path(target)
        if not is_id(target) and _is_folder(path):
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in FILE_SUFFIXES)
            expanded.extend(_Target(str(p), path) for p in files)
        else:
            expanded.append(_Target(target))
    return expanded


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long: reading it as a file reports that, target by target
        return False


class _StoreHolder:
    """Opens the database once, and only when an id target needs it."""

    def __init__(self, ctx: CommandContext) -> None:
        self.ctx = ctx
        self.store: DeclarationStore | None = None

    def get(self) -> DeclarationStore:
        if self.store is None:
            if not self.ctx.db_path.exists():
                raise CommandError(f"数据库不存在：{self.ctx.db_path}")
            self.store = self.ctx.open_store(self.ctx.db_path, False)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _check_one(target: str, holder: _StoreHolder) -> _Checked:
    if is_id(target):
        store = holder.get()
        try:
            declaration = store.load(int(target))
        except NotFoundError as exc:
            raise CommandError(f"没有编号为 {target} 的申报表") from exc
        findings = check_declaration(
            declaration,
            previous=previous_year_declaration(store, declaration),
            related=related_forms(store, declaration, int(target)),
        )
        return _Checked(target, findings)
    return _check_file(target, read_declaration_file(Path(target)))


def _check_file(
    target: str, loaded: FileDeclaration, related: RelatedForms | None = None
) -> _Checked:
    notes = SourceNotes.from_read_result(loaded)
    return _Checked(target, check_declaration(loaded.declaration, source_notes=notes, related=related))


def _check_folder(targets: list[_Target], ctx: CommandContext) -> tuple[list[_Checked], bool]:
    """The files of one folder, each checked with the others as its stored neighbours."""
    loaded: list[tuple[str, FileDeclaration]] = []
    unusable = False
    for target in targets:
        try:
            loaded.append((target.text, read_declaration_file(Path(target.text))))
        except CommandError as exc:
            unusable = True
            print(str(exc), file=ctx.err)
    results = []
    for index, (text, item) in enumerate(loaded):
        others = [o.declaration for i, (_, o) in enumerate(loaded) if i != index]
        results.append(_check_file(text, item, related_among(item.declaration, others)))
    return results, unusable


def run_check(ctx: CommandContext, targets: list[str], as_json: bool) -> int:
    holder = _StoreHolder(ctx)
    results: list[_Checked] = []
    unusable = False
    expanded = _expand(targets)
    try:
        done: set[Path] = set()
        for target in expanded:
            if target.folder is not None:
                if target.folder not in done:
                    done.add(target.folder)
                    group = [t for t in expanded if t.folder == target.folder]
                    checked, bad = _check_folder(group, ctx)
                    results.extend(checked)
                    unusable = unusable or bad
                continue
            try:
                results.append(_check_one(target.text, holder))
            except CommandError as exc:
                unusable = True
                print(str(exc), file=ctx.err)
    finally:
        holder.close()
    _print(ctx, results, as_json, several=len(targets) > 1 or len(results) > 1)
    if unusable:
        return EXIT_UNUSABLE
    has_errors = any(f.severity == "error" and not f.accepted for r in results for f in r.findings)
    return EXIT_FINDINGS if has_errors else EXIT_OK


def _print(ctx: CommandContext, results: list[_Checked], as_json: bool, several: bool) -> None:
    if as_json:
        payload: dict[str, Any]
        if several:
            payload = {
                "ruleset": RULESET_VERSION,
                "results": [
                    {"target": r.label, "findings": [f.to_json() for f in r.findings]}
                    for r in results
                ],
            }
        elif results:
            payload = {
                "ruleset": RULESET_VERSION,
                "target": results[0].label,
                "findings": [f.to_json() for f in results[0].findings],
            }
        else:
            payload = {"ruleset": RULESET_VERSION, "results": []}
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=ctx.out)
        return
    for result in results:
        if several:
            print(f"== {result.label} ==", file=ctx.out)
        for line in format_findings_text(result.findings):
            print(line, file=ctx.out)
        print(f"{result.label}：{summarize(result.findings)}", file=ctx.out)
