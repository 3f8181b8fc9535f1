"""The settings registry: every setting declared once, persisted per user without Qt.

A setting has a key, a type, a default, a Chinese title and a group (the settings dialog shows
the groups as pages). The command line reads the same print settings as the GUI. Values live in
``settings.json`` in the user's config folder (the portable folder in portable mode, see
``desktop/datadirs.py``; ``PERFDECL_CONFIG_DIR`` overrides it), written
atomically; an unreadable or invalid file falls back to the defaults (``problem`` says why) and
is never overwritten with garbage, and a value of the wrong type reads as the default. A save that
fails (a read-only config folder, a full disk) raises :class:`SettingsSaveError` with a Chinese
message; the new value stays in effect for this session.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.atomic import atomic_write_text
from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.domain.profile import DEFAULT_PROFILE_ID
from desktop.oserrors import describe_os_error

GROUP_EDITOR = "编辑"
GROUP_PRINT = "打印与导出"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type
    default: Any
    title: str
    group: str
    #: For a choice setting: (value, Chinese label) pairs.
    choices: tuple[tuple[Any, str], ...] = ()
    #: A hint for the dialog: "font_file", "profile" ...
    widget: str = ""
    #: A choice the program remembers for the user (the last 新建 kind ...), not a preference:
    #: the settings dialog does not show it.
    remembered: bool = False


_REGISTRY: dict[str, SettingSpec] = {}


def declare(spec: SettingSpec) -> SettingSpec:
    """Add a setting to the registry (later issues declare theirs through this)."""
    _REGISTRY[spec.key] = spec
    return spec


def registry() -> Iterator[SettingSpec]:
    return iter(_REGISTRY.values())


def spec(key: str) -> SettingSpec:
    return _REGISTRY[key]


declare(
    SettingSpec(
        "editor.default_profile",
        str,
        DEFAULT_PROFILE_ID,
        "新建申报表的默认指标体系",
        GROUP_EDITOR,
        widget="profile",
    )
)
declare(SettingSpec("editor.autosave_delay_ms", int, 300, "自动保存延迟（毫秒）", GROUP_EDITOR))
declare(
    SettingSpec(
        "print.orientation",
        str,
        "portrait",
        "纸张方向",
        GROUP_PRINT,
        choices=(("portrait", "纵向（A4）"), ("landscape", "横向（A4）")),
    )
)
declare(
    SettingSpec(
        "print.signature_block",
        bool,
        False,
        "表格下方打印签字栏（填报人、单位负责人等）",
        GROUP_PRINT,
    )
)
declare(
    SettingSpec(
        "print.repeat_labels", bool, True, "跨页时重复表头和一级、二级指标名称", GROUP_PRINT
    )
)
declare(
    SettingSpec(
        "print.font_path", str, "", "打印字体（留空使用内置宋体）", GROUP_PRINT, widget="font_file"
    )
)
declare(
    SettingSpec(
        "print.font_index",
        int,
        0,
        "字体集合（.ttc）中的字体序号（宋体 simsun.ttc 为 0）",
        GROUP_PRINT,
    )
)
declare(SettingSpec("print.draft_watermark", bool, True, "自检有错误时加印“草稿”水印", GROUP_PRINT))
# What 文件 → 新建 offers next time: the kind, project layout and 实施单位 chosen last.
declare(
    SettingSpec(
        "new.kind",
        str,
        FORM_DEPARTMENT,
        "上次新建的申报表类型",
        GROUP_EDITOR,
        choices=((FORM_DEPARTMENT, "部门（单位）整体支出"), (FORM_PROJECT, "项目支出")),
        remembered=True,
    )
)
declare(SettingSpec("new.project_profile", str, "", "上次新建项目支出表的版式", GROUP_EDITOR, remembered=True))
declare(SettingSpec("new.unit_name", str, "", "上次新建项目支出表的实施单位", GROUP_EDITOR, remembered=True))


def config_dir() -> Path:
    """``PERFDECL_CONFIG_DIR``, else the user's (or the portable) settings folder."""
    from desktop.datadirs import default_config_dir

    return default_config_dir()


def _coerce(setting: SettingSpec, value: Any) -> Any:
    if setting.kind is bool:
        if isinstance(value, bool):
            return value
        raise TypeError(setting.key)
    if setting.kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise TypeError(setting.key)
    if not isinstance(value, setting.kind):
        raise TypeError(setting.key)
    if setting.choices and value not in {c[0] for c in setting.choices}:
        raise ValueError(setting.key)
    return value


class SettingsSaveError(OSError):
    """The settings file could not be written; ``str()`` is the Chinese message to show."""

    def __init__(self, message: str, error_number: int | None = None) -> None:
        super().__init__(error_number, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Settings:
    """The user's settings; unknown keys in the file are kept, invalid values ignored."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        #: Why the file was not used (Chinese), or None when it was read or does not exist.
        self.problem: str | None = None
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"无法读取设置文件 {self.path}（{describe_os_error(exc, writing=False)}），已使用默认设置"
            return
        except ValueError:
            self.problem = f"设置文件 {self.path} 已损坏，已使用默认设置"
            return
        if isinstance(data, dict):
            self._values = data
        else:
            self.problem = f"设置文件 {self.path} 的内容无效，已使用默认设置"

    def get(self, key: str) -> Any:
        setting = _REGISTRY[key]
        if key in self._values:
            try:
                return _coerce(setting, self._values[key])
            except (TypeError, ValueError):
                return setting.default
        return setting.default

    def set(self, key: str, value: Any) -> None:
        self._values[key] = _coerce(_REGISTRY[key], value)
        self.save()

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))
        except OSError as exc:
            raise SettingsSaveError(
                f"无法保存设置到 {self.path}（{describe_os_error(exc)}）；本次运行仍按新设置工作",
                exc.errno,
            ) from exc
