"""Files as LibreOffice writes them (OpenDocument, Excel 97), read back equal to the source.

Skipped only when soffice is absent (CI installs it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.documents.formread.files import read_declaration_any
from desktop.exchange.reader import read_json_file
from tests.formread.shapes import Style, form_sheet, to_xlsx
from tests.formread.test_shapes import printed

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


def _convert(source: Path, target_format: str, folder: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/lo-profile",
         "--convert-to", target_format, "--outdir", str(folder / "out"), str(source)],
        check=True, capture_output=True, timeout=240,
    )
    return folder / "out" / f"{source.stem}.{target_format}"


@pytest.mark.parametrize("target_format", ["ods", "xls"])
def test_form_saved_by_libreoffice(seed_path: Path, tmp_path: Path, target_format: str) -> None:
    seed = read_json_file(seed_path).declaration
    source = to_xlsx(form_sheet(seed, Style(multiline=True, merge_levels=True, short_levels=True)), tmp_path / "form.xlsx")
    converted = _convert(source, target_format, tmp_path)
    outcome = read_declaration_any(converted)
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(seed)
