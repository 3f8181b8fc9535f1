"""文件 → 打开/导入: read any declaration file (kind told by content; form layouts go through the
import preview), or put an Excel indicator list into the open one.

Every file is read and checked completely before anything changes; a refused file leaves the
database and the open declaration exactly as they were, with a message naming the place.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.model import Declaration
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.oserrors import describe_os_error
from ui.app_context import AppContext
from ui.choice_box import Role, ask_choice
from ui.indicators.import_command import ReplaceIndicatorTableCommand

if TYPE_CHECKING:
    from desktop.documents.xlsx import IndicatorListResult


@dataclass
class ReadOutcome:
    """A whole declaration, or (for an Excel list from elsewhere) the path to read it as a list."""

    declaration: Declaration | None = None
    indicator_list: Path | None = None
    warnings: list[str] = field(default_factory=list)


def read_any(parent: QWidget, path: Path) -> ReadOutcome | None:
    """Read ``path`` whatever its kind (told by content); tells the user (a message box over
    ``parent``) and returns None when it is refused or the import preview was cancelled. The
    readers are imported when first used, to keep start-up light."""
    from desktop.documents.formread.files import FlatListError, read_declaration_any
    from desktop.documents.formread.result import FormReadError
    from desktop.documents.formread.sources.detect import SourceKind, detect_source

    try:
        outcome = read_declaration_any(path)
    except (FlatListError, FormReadError) as refusal:
        # an Excel sheet without a form: the indicator-list reader says what it finds
        if detect_source(path) in (SourceKind.XLSX, SourceKind.XLS):
            return ReadOutcome(indicator_list=path)
        QMessageBox.warning(parent, "无法导入文件", f"{path.name}：{refusal}")
        return None
    except ValueError as error:  # every reader's refusal is a ValueError with a Chinese message
        QMessageBox.warning(parent, "无法导入文件", f"{path.name}：{error}")
        return None
    except OSError as error:
        QMessageBox.warning(parent, "无法导入文件", f"{path.name}：{describe_os_error(error, writing=False)}")
        return None
    from ui.import_preview import confirm_import, needs_preview

    if needs_preview(outcome):
        chosen = confirm_import(parent, path, outcome)
        return None if chosen is None else ReadOutcome(chosen, warnings=[])
    return ReadOutcome(outcome.declaration, warnings=list(outcome.warnings))


def import_into_open(context: AppContext, parent: QWidget, path: Path, list_path: Path) -> bool:
    """Put an Excel indicator list into the open declaration, asking 追加 or 替换 first."""
    document = context.document
    if document is None:
        QMessageBox.information(
            parent,
            "导入指标清单",
            f"{path.name} 是一份指标清单：请先打开要导入指标的申报表，再导入此文件。",
        )
        return False
    horizon = ANNUAL
    if document.project is not None and document.project_profile().has_mid:
        chosen = _ask_horizon(parent, path)
        if chosen is None:
            return False
        horizon = chosen
    replace = _ask_append_or_replace(parent, path)
    if replace is None:
        return False
    from desktop.documents.xlsx import XlsxImportError, apply_indicator_list, read_indicator_list

    copied = copy.deepcopy(document.declaration)
    # The 中期 tree is filled through a view of a copy; the copy may gain a 中期 horizon.
    target = copied.horizon_view(MID) if isinstance(copied, ProjectDeclaration) and horizon == MID else copied
    try:
        result: IndicatorListResult = read_indicator_list(
            list_path, document.profile, goal_count=len(target.goals)
        )
        notes = apply_indicator_list(target, result, replace)
    except XlsxImportError as error:
        QMessageBox.warning(parent, "无法导入指标清单", f"{path.name}：{error}")
        return False
    text = ("替换" if replace else "追加") + ("中期绩效指标" if horizon == MID else "绩效指标")
    document.undo_stack.push(
        ReplaceIndicatorTableCommand(document, target.categories, f"{text}（{path.name}）", horizon)
    )
    messages = [*result.warnings, *notes]
    summary = f"已从 {path.name} {text}，共 {len(result.rows)} 行"
    context.tell(summary, 15_000)
    if messages:  # too many and too important for a status line that fades
        QMessageBox.information(
            parent,
            "导入指标清单",
            f"{summary}（可撤销）。请留意：\n" + "\n".join(f"· {m}" for m in messages),
        )
    return True


def _ask_horizon(parent: QWidget, path: Path) -> str | None:
    """The tree of a project with 中期 the list goes into (ANNUAL or MID); None when cancelled."""
    return ask_choice(
        parent,
        "导入指标清单",
        f"把 {path.name} 中的指标导入哪一套绩效指标？",
        [(ANNUAL, "年度指标", Role.AcceptRole), (MID, "中期指标", Role.AcceptRole)],
    )


def _ask_append_or_replace(parent: QWidget, path: Path) -> bool | None:
    """True to replace, False to append, None when cancelled."""
    return ask_choice(
        parent,
        "导入指标清单",
        f"把 {path.name} 中的指标导入当前申报表：",
        [(False, "追加", Role.AcceptRole), (True, "替换", Role.DestructiveRole)],
        informative="追加：保留现有指标，新指标加在各类别之后。\n替换：用清单中的指标替换全部现有指标。",
    )
