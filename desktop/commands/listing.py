"""``perfdecl list``: the stored declarations, as tab-separated lines or JSON."""

from __future__ import annotations

import json

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK


def run_list(ctx: CommandContext, as_json: bool) -> int:
    if not ctx.db_path.exists():
        # ``list`` never creates a database: no database means no declarations.
        print("[]" if as_json else "", file=ctx.out, end="\n" if as_json else "")
        return EXIT_OK
    store = ctx.open_store(ctx.db_path, False)
    try:
        summaries = store.list()
    finally:
        store.close()
    if as_json:
        rows = [
            {
                "id": s.id,
                "year": s.year,
                "unit_name": s.unit_name,
                "form": s.form,
                "revision": s.latest_revision,
                "project_name": s.project_name,
                "modified": s.modified.isoformat(timespec="seconds"),
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=ctx.out)
        return EXIT_OK
    for s in summaries:
        modified = s.modified.isoformat(timespec="seconds")
        line = f"{s.id}\t{s.year}\t{s.unit_name}\t{s.form}\t{s.latest_revision}\t{modified}"
        # docs/project-form.md: a 7th column 项目名称 on project rows only.
        print(line + (f"\t{s.project_name}" if s.project_name is not None else ""), file=ctx.out)
    return EXIT_OK
