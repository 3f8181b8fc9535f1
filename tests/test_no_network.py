"""No network, ever: start-up, editing, checks and every export open no socket, and no output
document points at an external address ("No network" in packaging/README.md).

In-process, a Python audit hook refuses every socket while a test runs (whatever module opens
it). For native code (Qt, SQLite) the command line and the GUI start-up also run in a child
process under ``strace`` via ``packaging/nonet.py``, which refuses and records every socket call.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLineEdit

from desktop.app import make_main_window
from desktop.cli import main
from desktop.exchange.reader import read_json_file
from desktop.rules.engine import check_declaration
from desktop.rules.report_xlsx import write_findings_xlsx
from desktop.services.store import DeclarationStore
from tests.ui.test_editor_window import type_text
from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
URL = re.compile(rb"(?i)\b(?:https?|ftp|file|smb)://")

_refusing = False
_attempts: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    # gethostname (the edit lock records the machine's name) and getservbyname open no socket.
    local = event in ("socket.gethostname", "socket.getservbyname")
    if _refusing and event.startswith("socket.") and not local:
        _attempts.append(f"{event}{args!r}")
        raise PermissionError(f"PerfDecl must not use the network ({event})")


sys.addaudithook(_audit)  # audit hooks cannot be removed: the flag switches it on per test


@pytest.fixture
def no_sockets() -> Iterator[list[str]]:
    global _refusing
    _attempts.clear()
    _refusing = True
    try:
        yield _attempts
    finally:
        _refusing = False


def test_the_guard_refuses_a_socket(no_sockets: list[str]) -> None:
    import socket

    with pytest.raises(PermissionError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    assert no_sockets  # the guard would see the application's sockets the same way


def test_start_edit_check_and_export_open_no_socket(
    accept_new_dialog: list[object],
    no_sockets: list[str],
    qtbot: QtBot,
    store: DeclarationStore,
    db_path: Path,
    seed_path: Path,
    tmp_path: Path,
) -> None:
    # Start-up and editing in the window.
    window = make_main_window(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.window_actions["newAction"].trigger()
    edit = window.findChild(QLineEdit, "unitNameEdit")
    assert edit is not None
    edit.setFocus()
    type_text(qtbot, edit, "离线单位")
    edit.editingFinished.emit()
    assert window.document is not None and window.document.declaration_id is not None
    new_id = window.document.declaration_id
    qtbot.waitUntil(lambda: store.load(new_id).unit_name == "离线单位")  # autosaved
    window.close()

    # Import, checks and every export through the command line (the same services as the GUI).
    out = io.StringIO()
    assert main(["--db", str(db_path), "import", str(seed_path)], out=out, err=io.StringIO()) == 0
    seed_id = out.getvalue().strip()
    assert main(
        ["--db", str(db_path), "check", seed_id, "--json"], out=io.StringIO(), err=io.StringIO()
    ) in (0, 1)
    for name in ("申报表.pdf", "申报表.xlsx", "申报表.json"):
        err = io.StringIO()
        assert (
            main(
                ["--db", str(db_path), "export", seed_id, "--to", str(tmp_path / name)],
                out=io.StringIO(),
                err=err,
            )
            == 0
        ), err.getvalue()
    declaration = read_json_file(seed_path).declaration
    write_findings_xlsx(check_declaration(declaration), tmp_path / "自检报告.xlsx", declaration)
    assert no_sockets == []
    _assert_no_external_reference(tmp_path)


def _assert_no_external_reference(folder: Path) -> None:
    documents = (
        sorted(folder.glob("*.pdf")) + sorted(folder.glob("*.xlsx")) + sorted(folder.glob("*.json"))
    )
    assert len(documents) == 4
    for document in documents:
        if document.suffix == ".pdf":
            data = document.read_bytes()
            for action in (
                b"/URI",
                b"/Launch",
                b"/GoToR",
                b"/GoToE",
                b"/ImportData",
                b"/JavaScript",
            ):
                assert action not in data, f"{document.name}: {action!r}"
            assert not URL.search(data), document.name
        elif document.suffix == ".xlsx":
            _assert_xlsx_self_contained(document)
        else:
            _assert_json_has_no_url(json.loads(document.read_text(encoding="utf-8")), document.name)


def _assert_xlsx_self_contained(path: Path) -> None:
    """No external relationship, hyperlink or URL value; XML namespace names are not links."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                assert not URL.search(archive.read(name)), f"{path.name}/{name}"
                continue
            for element in ElementTree.fromstring(archive.read(name)).iter():
                assert not element.tag.endswith("}hyperlink"), f"{path.name}/{name}"
                assert element.get("TargetMode") != "External", f"{path.name}/{name}"
                for key, value in element.attrib.items():
                    if element.tag.endswith("}Relationship") and key == "Type":
                        continue  # a relationship type is a name in URL form, never fetched
                    assert not URL.search(value.encode()), f"{path.name}/{name}: {key}={value}"
                assert not URL.search((element.text or "").encode()), f"{path.name}/{name}"


def _assert_json_has_no_url(value: object, where: str) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _assert_json_has_no_url(item, where)
    elif isinstance(value, list):
        for item in value:
            _assert_json_has_no_url(item, where)
    elif isinstance(value, str):
        assert not URL.search(value.encode()), f"{where}: {value}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace exists on Linux only")
@pytest.mark.parametrize(
    "arguments",
    [
        ["--smoke-test"],
        ["export", "SEED", "--to", "OUT/申报表.xlsx"],
        ["gui", "SEED", "--screenshot", "OUT/窗口.png"],
    ],
    ids=["smoke-import-json-pdf", "export-xlsx", "gui-start"],
)
def test_native_code_opens_no_socket_either(
    arguments: list[str], tmp_path: Path, seed_path: Path
) -> None:
    assert shutil.which("strace"), "strace is needed for this test (README.md's set-up installs it)"
    filled = [a.replace("SEED", str(seed_path)).replace("OUT", str(tmp_path)) for a in arguments]
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "nonet.py"),
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(tmp_path / "db.sqlite3"),
            *filled,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "no network socket attempted" in result.stderr
