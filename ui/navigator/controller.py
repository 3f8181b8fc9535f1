"""The declaration lifecycle behind the 文件 menu: new, open, duplicate, delete, versions."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.model import FORM_PROJECT, Declaration
from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import equal_in_content
from desktop.resources import sample_path
from desktop.services.duplicates import Duplicate, duplicate_message, find_duplicate
from desktop.services.new_forms import NewChoice, NewDefaults, declaration_for, new_defaults
from desktop.services.next_year import apply_year_replacements, next_year_copy, year_replacements
from desktop.services.revisions import import_new, readable_revision
from desktop.services.store import StoreError
from desktop.settings import SettingsSaveError
from ui.app_context import AppContext
from ui.choice_box import Role, ask_choice
from ui.importing import import_into_open, read_any
from ui.output_controller import refusal_text
from ui.window_actions import WindowActions
from ui.window_port import WindowPort

BASIC_SECTION = 0


class LifecycleController:
    """Slots of the lifecycle actions of one window.

    Reads and writes through ``context``; asks ``window`` only to open, close and flush.
    Dialog modules are imported when first used, to keep start-up light.
    """

    def __init__(self, context: AppContext, window: WindowPort) -> None:
        self.context = context
        self.window = window

    def connect_actions(self, a: WindowActions) -> None:
        a["newAction"].triggered.connect(self.new)
        a["newFromLastYearAction"].triggered.connect(self.new_from_last_year)
        a["newFromSampleAction"].triggered.connect(self.new_from_sample)
        a["openAction"].triggered.connect(self.open_file)
        a["duplicateDeclarationAction"].triggered.connect(self.duplicate)
        a["deleteDeclarationAction"].triggered.connect(self.delete)
        a["saveVersionAction"].triggered.connect(self.save_version)
        a["historyAction"].triggered.connect(self.history)
        a["markFinalAction"].triggered.connect(self.mark_final)
        a["settingsAction"].triggered.connect(self.edit_settings)
        a["aboutAction"].triggered.connect(self.about)

    @property
    def _current_id(self) -> int | None:
        return self.context.declaration_id

    @property
    def _parent(self) -> QWidget:
        return self.window.dialog_parent()

    def _create_and_open(
        self, declaration: Declaration, section: int = BASIC_SECTION
    ) -> int | None:
        try:
            new_id = self.context.store.create(declaration)
        except StoreError as error:  # e.g. a copy of a working copy an older program stored
            QMessageBox.warning(self._parent, "无法新建申报表", refusal_text(error, declaration))
            return None
        self.window.open_declaration(new_id, section)
        return new_id

    # -- new ----------------------------------------------------------------------------
    def new(self) -> int | None:
        """Ask for the kind, profile and 年度 (and a project's name and 实施单位), then create."""
        from ui.dialogs.new_declaration import ask_new_declaration

        choice = ask_new_declaration(self._parent, self._new_defaults())
        if choice is None:
            return None
        self._remember(choice)
        return self._create_and_open(declaration_for(choice))

    def _new_defaults(self) -> NewDefaults:
        settings = self.context.settings
        document = self.context.document
        return new_defaults(
            kind=str(settings.get("new.kind")),
            default_profile=str(settings.get("editor.default_profile")),
            last_project_profile=str(settings.get("new.project_profile")),
            year=datetime.date.today().year + 1,
            open_unit=document.declaration.unit_name if document is not None else "",
            last_unit=str(settings.get("new.unit_name")),
            summaries=self.context.store.list(),
        )

    def _remember(self, choice: NewChoice) -> None:
        """The kind (and a project's layout and unit) become next time's defaults."""
        settings = self.context.settings
        try:
            settings.set("new.kind", choice.kind)
            if choice.kind == FORM_PROJECT:
                settings.set("new.project_profile", choice.profile_id)
                settings.set("new.unit_name", choice.unit_name)
        except SettingsSaveError as error:  # not worth a dialog: only a default is lost
            self.context.tell(str(error), 8000)

    def new_from_sample(self) -> int | None:
        from desktop.exchange.reader import read_json_file

        return self._create_and_open(read_json_file(sample_path()).declaration)

    def new_from_last_year(self) -> int | None:
        from ui.dialogs.year_replacements import choose_replacements

        document = self.context.document
        if document is None:
            return None
        self.window.flush()
        copy = next_year_copy(document.declaration)
        old, new = document.declaration.year, copy.year
        chosen = choose_replacements(self._parent, year_replacements(copy, old, new), old, new)
        apply_year_replacements(copy, chosen)
        return self._create_and_open(copy)

    def open_file(self) -> int | None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            "打开或导入申报表文件",
            "",
            "申报表文件 (*.json *.xlsx *.xlsm *.xls *.et *.ods *.docx *.htm *.html);;"
            "JSON 交换文件 (*.json);;Excel 或 WPS 表格 (*.xlsx *.xlsm *.xls *.et);;"
            "OpenDocument 表格 (*.ods);;Word 文档 (*.docx);;网页表格 (*.htm *.html *.xls);;所有文件 (*)",
        )
        return self.import_file(Path(path)) if path else None

    def import_file(self, path: Path) -> int | None:
        """Import a .json/.xlsx declaration as a new stored one (revision 1) and open it.

        An Excel file that is a flat indicator list goes into the open declaration instead.
        """
        outcome = read_any(self._parent, path)
        if outcome is None:
            return None
        if outcome.indicator_list is not None:
            import_into_open(self.context, self._parent, path, outcome.indicator_list)
            return self._current_id
        assert outcome.declaration is not None
        self.window.flush()
        duplicate = find_duplicate(self.context.store, outcome.declaration)
        if duplicate is not None:
            choice = self._ask_about_duplicate(path, duplicate)
            if choice == "open":
                self.window.open_declaration(duplicate.declaration_id, BASIC_SECTION)
                return duplicate.declaration_id
            if choice != "copy":
                return None
        new_id = import_new(self.context.store, outcome.declaration)
        self.window.open_declaration(new_id, BASIC_SECTION)
        if outcome.warnings:  # declared totals that differ, renumbered goals: worth reading
            QMessageBox.information(
                self._parent,
                "导入申报表",
                f"已导入 {path.name}（第 1 版）。请留意：\n"
                + "\n".join(f"· {w}" for w in outcome.warnings),
            )
        return new_id

    def _ask_about_duplicate(self, path: Path, duplicate: Duplicate) -> str:
        """"open" the existing declaration, import a "copy", or "" (cancelled)."""
        chosen = ask_choice(
            self._parent,
            "导入申报表",
            f"{path.name}：{duplicate_message(duplicate)}。",
            [("open", "打开已有的", Role.AcceptRole), ("copy", "导入为新的一份", Role.ActionRole)],
            informative="打开已有的申报表，还是仍然导入为新的一份？",
            icon=QMessageBox.Icon.Information,
            object_name="duplicateImportBox",
        )
        return chosen or ""

    def duplicate(self) -> int | None:
        document = self.context.document
        if document is None:
            return None
        self.window.flush()
        return self._create_and_open(copy.deepcopy(document.declaration))

    def delete(self) -> bool:
        document = self.context.document
        if document is None or document.declaration_id is None:
            return False
        d = document.declaration
        name = d.unit_name or "未填写单位名称"
        if isinstance(d, ProjectDeclaration):  # a unit has many projects: name the one
            name = f"{d.project.name or '未填写项目名称'}（项目支出表）"
        answer = QMessageBox.question(
            self._parent,
            "删除申报表",
            f"确定删除“{d.year} {name}”及其全部历史版本吗？\n删除后无法恢复。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.context.discard_unsaved()  # nothing to keep: it is being deleted
        declaration_id = document.declaration_id
        self.window.close_declaration(show_start=False)
        self.context.store.delete(declaration_id)
        self.window.close_declaration(show_start=True)
        return True

    # -- revisions ----------------------------------------------------------------------
    def save_version(self) -> int | None:
        declaration_id = self._current_id
        if declaration_id is None or not self.window.flush():
            return None
        try:
            info = self.context.store.make_revision(declaration_id)
        except StoreError as error:
            QMessageBox.warning(self._parent, "保存版本失败", self._refusal(error))
            return None
        self.context.revision_made(info.number)
        self.context.tell(f"已保存第 {info.number} 版（指纹 {info.fingerprint}）", 8000)
        return info.number

    def history(self) -> None:
        from ui.dialogs.history import show_history

        document = self.context.document
        declaration_id = self._current_id
        if document is None or declaration_id is None:
            return
        self.window.flush()
        chosen = show_history(self.context.store, declaration_id, self._parent)
        if chosen is not None:
            declaration, number = chosen
            document.replace(declaration, load_profile(declaration.profile_id))
            self.window.flush()
            self.context.tell(f"已将第 {number} 版恢复为工作副本", 8000)
        self.context.declarations_changed.emit()

    def mark_final(self) -> int | None:
        """Mark the revision matching the working copy 定稿 (saving one first when needed)."""
        declaration_id = self._current_id
        document = self.context.document
        if declaration_id is None or document is None or not self.window.flush():
            return None
        store = self.context.store
        revisions = store.revisions(declaration_id)
        latest = revisions[-1].number if revisions else 0
        frozen = readable_revision(store, declaration_id, latest) if latest else None
        if frozen is None or not equal_in_content(frozen, document.declaration):
            try:
                latest = store.make_revision(declaration_id).number
            except StoreError as error:
                QMessageBox.warning(self._parent, "标记定稿失败", self._refusal(error))
                return None
        store.set_final(declaration_id, latest, True)
        self.context.revision_made(latest)
        self.context.tell(f"第 {latest} 版已标记为定稿", 8000)
        return latest

    def _refusal(self, error: StoreError) -> str:
        document = self.context.document
        return refusal_text(error, document.declaration) if document is not None else str(error)

    # -- other --------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from ui.dialogs.settings import edit_settings

        edit_settings(self.context.settings, self._parent)

    def about(self) -> None:
        QMessageBox.about(
            self._parent,
            "关于",
            "绩效目标申报助手\n离线填写、检查、打印和导出部门（单位）整体支出绩效目标申报表。",
        )
