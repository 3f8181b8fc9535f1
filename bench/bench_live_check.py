"""Benchmark: the live review check behind the findings dock.

Prints medians in milliseconds for the seed and for 1,000 indicators:
- ``keystroke``: what one edit costs while typing (``document.notify`` restarting the timer);
- ``engine``: ``check_declaration`` alone;
- ``update``: the whole live update as the user sees it (engine + acceptances + the findings
  model reset + the tree view restoring its expanded state), i.e. ``LiveChecker.run_now`` with a
  ``FindingsPanel`` attached.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_live_check.py``
"""

from __future__ import annotations

import os

from _harness import SEED, add_repository_to_path, median_ms

add_repository_to_path()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.domain.changes import Part  # noqa: E402
from desktop.domain.model import Declaration  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.rules.engine import check_declaration  # noqa: E402
from tests.synthetic import large_declaration  # noqa: E402
from ui.document import DeclarationDocument  # noqa: E402
from ui.findings.checker import LiveChecker  # noqa: E402
from ui.findings.panel import FindingsPanel  # noqa: E402


def measure(name: str, declaration: Declaration, repeat: int) -> None:
    profile = load_profile(declaration.profile_id)
    document = DeclarationDocument(declaration, profile)
    checker = LiveChecker(document)
    panel = FindingsPanel(checker)
    panel.resize(420, 700)
    panel.show()
    toggle = [False]

    def update() -> None:
        # Alternate a finding on and off so that every run really resets the model.
        toggle[0] = not toggle[0]
        declaration.unit_name = "" if toggle[0] else "单位"
        checker.run_now()

    keystroke = median_ms(lambda: document.notify(Part.HEADER), repeat=201)
    checker.run_now()  # cancel the pending check the keystrokes scheduled
    engine = median_ms(lambda: check_declaration(declaration, profile), repeat)
    whole = median_ms(update, repeat)
    count = len(checker.findings)
    print(
        f"{name}: keystroke {keystroke:.3f} ms · engine {engine:.1f} ms · "
        f"update {whole:.1f} ms ({count} findings)"
    )
    panel.close()
    for obj in (panel, checker, document):
        obj.deleteLater()
    QApplication.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    seed = read_json_file(SEED).declaration
    measure("seed", seed, repeat=21)
    measure("1,000 indicators", large_declaration(1000), repeat=5)


if __name__ == "__main__":
    main()
