"""The ``perfdecl`` argument parser, with Chinese usage and error messages (docs/cli.md)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from desktop import __version__

_TRANSLATIONS = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"argument (\S+): invalid int value: (.*)", r"参数 \1 应为整数，实际是 \2"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"参数 \1 的取值 \2 无效，可选：\3",
    ),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"参数 \1 的值 \3 无效"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是：\2"),
    (r"ambiguous option: (.*)", r"选项不明确：\1"),
    (r"argument (\S+): ignored explicit argument (.*)", r"选项 \1 不接受值（收到 \2）"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 至少需要一个值"),
    (r"argument (\S+): expected (\d+) arguments?", r"参数 \1 需要 \2 个值"),
    (r"argument (\S+): not allowed with argument (.*)", r"参数 \1 不能与 \2 同时使用"),
    (r"one of the arguments (.*) is required", r"必须给出以下参数之一：\1"),
    (r"argument (\S+): (.*)", r"参数 \1：\2"),
)


def _translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are Chinese and exit with status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # ArgumentParser's own arguments
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示此帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"用法错误：{_translate(message)}\n")


def _add_db(parser: argparse.ArgumentParser, suppress: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="路径",
        default=argparse.SUPPRESS if suppress else None,
        help="数据库文件（默认：环境变量 PERFDECL_DB，或用户数据目录下的 perfdecl.sqlite3）",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="perfdecl",
        description="绩效目标申报助手：编制、检查、打印和导出部门（单位）整体支出绩效目标申报表。\n"
        "不带子命令时打开图形界面。",
    )
    _add_db(parser, suppress=False)
    parser.add_argument(
        "--version", action="version", version=f"perfdecl {__version__}", help="显示版本号并退出"
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="（打包用）在临时文件夹中自检，正常时退出码为 0"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="子命令", parser_class=ChineseArgumentParser
    )

    gui = sub.add_parser(
        "gui", help="打开图形界面", description="打开图形界面；可指定要打开的申报表编号或文件。"
    )
    _add_db(gui, suppress=True)
    gui.add_argument(
        "target", nargs="?", metavar="目标", help="申报表编号，或要导入的 .json/.xlsx 文件"
    )
    gui.add_argument("--screenshot", metavar="输出.png", help="在后台渲染主窗口并保存为 PNG 后退出")
    gui.add_argument(
        "--size", metavar="宽x高", default="1280x800", help="截图窗口大小，默认 1280x800"
    )
    gui.add_argument(
        "--scale", metavar="倍数", type=float, default=1.0, help="界面缩放倍数，默认 1"
    )
    gui.add_argument(
        "--section",
        metavar="栏目",
        help="截图时显示的栏目：基本信息、主要任务与预算（项目支出表为项目资金）、总体目标、绩效指标、预览",
    )

    imp = sub.add_parser(
        "import",
        help="导入申报表文件（交换文件、Excel 工作簿、文字处理文档或网页表格），输出新编号",
        description="导入申报表文件（类型按内容识别）；成功时只输出新申报表的编号。\n"
        "文件与已有申报表的内容或某个版本相同（指纹相同）时不重复导入，输出已有申报表的编号；\n"
        "加 --copy 则仍导入为新的一份。",
    )
    _add_db(imp, suppress=True)
    imp.add_argument(
        "file", metavar="文件", help="申报表文件：.json、.xlsx 或其他电子表格、文字处理文档、网页表格（类型按内容识别）"
    )
    imp.add_argument("--into", metavar="编号", type=int, help="把 Excel 指标清单导入已有的申报表")
    imp.add_argument(
        "--replace", action="store_true", help="与 --into 一起使用：替换原有的绩效指标"
    )
    imp.add_argument(
        "--horizon",
        choices=["年度", "中期"],
        help="与 --into 一起使用：项目支出表导入年度（默认）或中期绩效指标",
    )
    imp.add_argument(
        "--copy", action="store_true", help="即使已有内容相同的申报表，也导入为新的一份"
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="只读取并列出识别结果、未识别的内容和审核结果，不保存"
    )
    imp.add_argument(
        "--prefer",
        choices=("form", "data", "申报表", "数据"),
        default="form",
        metavar="申报表|数据",
        help="本程序导出的工作簿中“申报表”工作表与数据工作表不一致时以哪个为准（默认：申报表）",
    )

    lst = sub.add_parser("list", help="列出数据库中的申报表", description="列出数据库中的申报表。")
    _add_db(lst, suppress=True)
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")

    chk = sub.add_parser(
        "check",
        help="自检：按审核规则检查申报表",
        description="按审核规则检查一个或多个申报表（编号、文件或文件夹）。",
    )
    _add_db(chk, suppress=True)
    chk.add_argument(
        "targets", nargs="+", metavar="目标", help="申报表编号、.json/.xlsx 文件或文件夹"
    )
    chk.add_argument("--json", action="store_true", help="以 JSON 输出")

    exp = sub.add_parser(
        "export",
        help="导出 .pdf、.xlsx 或 .json",
        description="导出申报表；格式由输出文件的扩展名决定。",
    )
    _add_db(exp, suppress=True)
    exp.add_argument("target", metavar="目标", help="申报表编号或 .json/.xlsx 文件")
    exp.add_argument(
        "--to", required=True, metavar="输出文件", help="输出文件：.pdf（正式版式）、.xlsx 或 .json"
    )
    exp.add_argument("--revision", type=int, metavar="版本号", help="导出指定的已存版本")

    bak = sub.add_parser(
        "backup",
        help="把整个数据库备份到一个文件",
        description="把整个数据库（全部申报表和历史版本）备份到一个文件；正在编辑时也可以备份。\n"
        "程序每天首次启动时和升级数据库前也会自动备份，保留最近 10 份，"
        "放在数据库旁边的 “<数据库名>-backups” 文件夹中。",
    )
    _add_db(bak, suppress=True)
    bak.add_argument("--to", required=True, metavar="备份文件", help="备份文件（如 备份.sqlite3）")

    res = sub.add_parser(
        "restore",
        help="用备份文件恢复整个数据库",
        description="用备份文件替换整个数据库。恢复前自动备份当前数据库；"
        "有申报表正在窗口中编辑时拒绝恢复；损坏的文件（未通过完整性检查）不会被恢复。",
    )
    _add_db(res, suppress=True)
    res.add_argument("file", metavar="备份文件", help="由 perfdecl backup 或自动备份生成的文件")
    return parser


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX×](\d{2,5})", text.strip())
    if not match:
        raise ValueError(f"窗口大小“{text}”应写成 宽x高，例如 1280x800")
    return int(match.group(1)), int(match.group(2))
