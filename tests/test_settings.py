"""Settings: a broken or unwritable settings file never stops the application or loses a value."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from desktop.settings import Settings, SettingsSaveError, registry


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text", ["{not json", "[1, 2]", "\ufffd\x00", '"portrait"'], ids=["corrupt", "list", "junk", "string"]
)
def test_an_unusable_file_gives_the_defaults_and_says_why(tmp_path: Path, text: str) -> None:
    path = _file(tmp_path, text)
    settings = Settings(path)
    for spec in registry():
        assert settings.get(spec.key) == spec.default
    assert settings.problem is not None and "默认设置" in settings.problem
    assert path.read_text(encoding="utf-8") == text  # reading never rewrites it


def test_values_of_the_wrong_type_read_as_the_default(tmp_path: Path) -> None:
    values = {
        "print.signature_block": "yes",
        "print.font_index": True,
        "editor.autosave_delay_ms": "300",
        "print.orientation": "sideways",
        "print.font_path": 12,
        "print.repeat_labels": False,  # a valid value next to the bad ones is kept
    }
    settings = Settings(_file(tmp_path, json.dumps(values)))
    assert settings.get("print.signature_block") is False
    assert settings.get("print.font_index") == 0
    assert settings.get("editor.autosave_delay_ms") == 300
    assert settings.get("print.orientation") == "portrait"
    assert settings.get("print.font_path") == ""
    assert settings.get("print.repeat_labels") is False
    assert settings.problem is None


def test_a_missing_file_is_no_problem(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "none" / "settings.json")
    assert settings.problem is None
    settings.set("print.signature_block", True)
    assert Settings(tmp_path / "none" / "settings.json").get("print.signature_block") is True


def test_a_failed_save_is_a_clear_message_and_the_value_stays_in_effect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path, json.dumps({"print.orientation": "portrait"}))

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # a read-only config folder

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    settings = Settings(path)
    with pytest.raises(SettingsSaveError) as caught:
        settings.set("print.orientation", "landscape")
    assert str(caught.value).startswith("无法保存设置到") and "没有写入权限" in str(caught.value)
    assert isinstance(caught.value, OSError)
    assert settings.get("print.orientation") == "landscape"
    assert json.loads(path.read_text(encoding="utf-8")) == {"print.orientation": "portrait"}


def test_a_config_folder_that_cannot_be_made_is_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    settings = Settings(blocker / "perfdecl" / "settings.json")
    assert settings.get("print.draft_watermark") is True
    with pytest.raises(SettingsSaveError, match="无法保存设置"):
        settings.set("print.draft_watermark", False)
    assert settings.get("print.draft_watermark") is False
