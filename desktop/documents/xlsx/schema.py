"""The shape of the workbook (docs/xlsx.md): sheet names, column headers, keys and limits."""

from __future__ import annotations

SHEET_FORM = "申报表"
SHEET_INDICATORS = "绩效指标"
SHEET_TASKS = "年度主要任务"
SHEET_GOALS = "年度总体目标"
SHEET_META = "_perfdecl"

# 绩效指标: the visible columns, then the two hidden ones with the stored texts.
COL_SEQ = "序号"
COL_LEVEL1 = "一级指标"
COL_LEVEL2 = "二级指标"
COL_NAME = "三级指标"
COL_OPERATOR = "计算符号"
COL_VALUE = "指标值"
COL_UNIT = "计量单位"
COL_EXPLANATION = "指标解释"
COL_GOALS = "对应目标"
COL_RAW_VALUE = "指标值原文"
COL_RAW_UNIT = "度量单位原文"
INDICATOR_COLUMNS = (
    COL_SEQ,
    COL_LEVEL1,
    COL_LEVEL2,
    COL_NAME,
    COL_OPERATOR,
    COL_VALUE,
    COL_UNIT,
    COL_EXPLANATION,
    COL_GOALS,
    COL_RAW_VALUE,
    COL_RAW_UNIT,
)
INDICATOR_HIDDEN = (COL_RAW_VALUE, COL_RAW_UNIT)

# 年度主要任务
COL_TASK_NAME = "任务名称"
COL_TASK_CONTENT = "主要内容"
COL_TASK_TOTAL = "总额"
COL_TASK_FISCAL = "财政拨款"
COL_TASK_OTHER = "其他资金"
COL_TASK_DECLARED = "总额（来源）"
TASK_COLUMNS = (
    COL_TASK_NAME,
    COL_TASK_CONTENT,
    COL_TASK_TOTAL,
    COL_TASK_FISCAL,
    COL_TASK_OTHER,
    COL_TASK_DECLARED,
)
TASK_HIDDEN = (COL_TASK_DECLARED,)

# 年度总体目标
COL_GOAL_NUMBER = "目标序号"
COL_GOAL_TEXT = "目标内容"
GOAL_COLUMNS = (COL_GOAL_NUMBER, COL_GOAL_TEXT)

# _perfdecl: key/value rows.
META_FOOTER_KEYS = (
    ("footer.preparer", "preparer"),
    ("footer.phone", "phone"),
    ("footer.unit_head", "unit_head"),
    ("footer.date", "date"),
)

#: 计算符号 of a qualitative row (budget systems store the grade in 指标值).
OPERATOR_QUALITATIVE = "定性"
#: Markers other sources use for "no value"; they become empty values on import.
EMPTY_MARKERS = frozenset({"/", "／", "—", "-", "－", "*", "＊", "——"})
#: Goal numbers in 对应目标 are joined by this mark.
GOAL_SEPARATOR = "、"

# Custom document properties.
PROP_FINGERPRINT = "perfdecl_fingerprint"
PROP_REVISION = "perfdecl_revision"

# Limits applied before and while reading a workbook.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_ENTRY_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: Ratio of uncompressed to compressed size above which a large entry is a zip bomb.
MAX_COMPRESSION_RATIO = 200
MAX_ROWS = 10_000
MAX_COLUMNS = 64
#: How far down a flat list's header row may be.
HEADER_SEARCH_ROWS = 20
