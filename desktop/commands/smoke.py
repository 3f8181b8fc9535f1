"""``perfdecl --smoke-test``: a self-test of an installation in a temporary folder."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK, EXIT_UNUSABLE
from desktop.exchange.canonical import fingerprint
from desktop.exchange.reader import read_json_file
from desktop.resources import font_path, sample_path

SEED_FINGERPRINT = "c493b6999ea4"


def run_smoke_test(ctx: CommandContext) -> int:
    """Import the bundled sample, export it as json and pdf, and check the results."""
    from desktop.commands.exporting import run_export
    from desktop.commands.importing import run_import

    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perfdecl-smoke-") as folder:
        root = Path(folder)
        captured = io.StringIO()
        inner = CommandContext(root / "smoke.sqlite3", ctx.open_store, captured, io.StringIO())
        font_path()
        run_import(inner, sample_path(), None, False)
        declaration_id = captured.getvalue().strip()
        run_export(inner, declaration_id, root / "out.json", None)
        if fingerprint(read_json_file(root / "out.json").declaration) != SEED_FINGERPRINT:
            problems.append("示例申报表导出后的指纹不正确")
        try:
            run_export(inner, declaration_id, root / "out.pdf", None)
            if (root / "out.pdf").read_bytes()[:5] != b"%PDF-":
                problems.append("PDF 导出不正确")
        except ImportError:
            problems.append("PDF 导出模块缺失")
    for problem in problems:
        print(problem, file=ctx.err)
    if not problems:
        print("自检通过", file=ctx.out)
    return EXIT_OK if not problems else EXIT_UNUSABLE
