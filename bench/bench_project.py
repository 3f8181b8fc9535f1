"""Benchmark: the project form — check (alone and with its department form), PDF, xlsx.

Run: ``python bench/bench_project.py`` (warm medians in milliseconds). The project is the
constructed fixture ``project-futian-2026-zdpq.json`` (two horizons, 50 indicators); the
cross-check runs against the seed as its stored department form.
"""

from __future__ import annotations

from _harness import REPO, SEED, add_repository_to_path, median_ms

add_repository_to_path()

from desktop.documents.pdf import render_pdf_bytes  # noqa: E402
from desktop.documents.xlsx.export import build_workbook  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.domain.project import ProjectDeclaration  # noqa: E402
from desktop.exchange.canonical import fingerprint  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.rules.engine import check_declaration  # noqa: E402
from desktop.rules.project.cross_forms import RelatedForms  # noqa: E402

PROJECT = REPO / "tests" / "fixtures" / "project-futian-2026-zdpq.json"


def main() -> None:
    project = read_json_file(PROJECT).declaration
    assert isinstance(project, ProjectDeclaration)
    seed = read_json_file(SEED).declaration
    profile = load_profile(project.profile_id)
    related = RelatedForms(department=seed)
    mark = fingerprint(project)
    cases = {
        "check (file)": lambda: check_declaration(project),
        "check with department form (C02/C03)": lambda: check_declaration(project, related=related),
        "department check with its project": lambda: check_declaration(seed, related=RelatedForms(projects=[project])),
        "PDF bytes": lambda: render_pdf_bytes(project, profile, revision=1, fingerprint=mark),
        "xlsx workbook": lambda: build_workbook(project, profile, revision=1, fingerprint=mark),
    }
    for label, action in cases.items():
        print(f"{label}: median {median_ms(action, 11):.1f} ms")


if __name__ == "__main__":
    main()
