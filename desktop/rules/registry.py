"""The rule catalogue of docs/rules.md (plus T04): id, severity, dimension, Chinese title.

Every rule id of the catalogue is listed, including those this engine does not check itself:
``enforced_by`` says where they live instead (the reader/editor refuse such data, or a later
version brings them). A rule with two severities (S06, S11, I06) lists its usual one first.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.rules.findings import (
    APPROPRIATENESS,
    COMPLETENESS,
    ERROR,
    FORMAT,
    INFO,
    RELEVANCE,
    WARNING,
    Severity,
)

RULESET_VERSION = "SZ-rules 1.1"

ENGINE = "engine"
READER_EDITOR = "reader_editor"
NOT_YET = "not_yet"
#: Checked only on project forms, by ``desktop/rules/project/engine.py``.
PROJECT = "project"
#: Between stored declarations (a project and its unit's department form): needs the store.
CROSS_FORMS = "cross_forms"


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severities: tuple[Severity, ...]
    dimension: str
    family: str
    title: str
    enforced_by: str = ENGINE

    @property
    def severity(self) -> Severity:
        return self.severities[0]


def _r(
    rule_id: str, sev: str, dim: str, family: str, title: str, enforced_by: str = ENGINE
) -> RuleInfo:
    names: dict[str, Severity] = {"E": ERROR, "W": WARNING, "I": INFO}
    return RuleInfo(rule_id, tuple(names[s] for s in sev), dim, family, title, enforced_by)


_C, _R, _A, _F = COMPLETENESS, RELEVANCE, APPROPRIATENESS, FORMAT

RULES: dict[str, RuleInfo] = {
    info.id: info
    for info in (
        _r("S01", "W", _C, "structure", "年度与填报日期不符"),
        _r("S02", "E", _C, "structure", "部门（单位）名称、主管部门未填写"),
        _r("S03", "E", _C, "structure", "年度主要任务不完整"),
        _r("S04", "W", _C, "structure", "缺少基本支出任务"),
        _r("S05", "E", _C, "structure", "年度总体目标未填写"),
        _r("S06", "EW", _F, "structure", "目标为空或编号与位置不符"),
        _r("S07", "E", _C, "structure", "二级指标既无指标也未标为不适用"),
        _r("S08", "E", _C, "structure", "二级指标不属于一级指标", READER_EDITOR),
        _r("S09", "E", _C, "structure", "三级指标缺少名称、指标值或指标解释"),
        _r("S10", "E", _C, "structure", "不适用类别中含有指标", READER_EDITOR),
        _r("S11", "EW", _C, "structure", "缺少必备类别的指标"),
        _r("S12", "W", _C, "structure", "指标数量不在合理范围"),
        _r("S13", "W", _F, "structure", "三级指标名称重复"),
        _r("S14", "E", _F, "structure", "残留模板占位符"),
        _r("A01", "E", _C, "amounts", "任务总额与财政拨款、其他资金之和不符"),
        _r("A02", "E", _C, "amounts", "金额合计与各任务之和不符"),
        _r("A03", "E", _A, "amounts", "金额合计与预算控制数不符"),
        _r("A04", "E", _F, "amounts", "金额格式不正确", READER_EDITOR),
        _r("A05", "W", _A, "amounts", "任务金额与预算数不符", NOT_YET),
        _r("A06", "W", _F, "amounts", "四舍五入后合计不符"),
        _r("A07", "I", _A, "amounts", "含其他资金"),
        _r("G01", "W", _R, "goals", "任务没有对应的目标"),
        _r("G02", "W", _R, "goals", "目标没有对应的指标"),
        _r("G03", "W", _C, "goals", "目标缺少量化内容"),
        _r("G04", "W", _A, "goals", "目标数值与指标值不一致"),
        _r("G05", "W", _F, "goals", "目标中的年份与申报年度不符"),
        _r("G06", "I", _R, "goals", "目标表述空泛"),
        _r("G07", "W", _C, "goals", "目标长度不合适"),
        _r("G08", "I", _R, "goals", "年度目标重复中期目标", PROJECT),
        _r("I01", "W", _F, "indicators", "指标值不符合填写格式"),
        _r("I02", "E", _F, "indicators", "定量指标值的计量单位缺失或矛盾"),
        _r("I03", "EW", _F, "indicators", "百分比超出 0–100"),
        _r("I04", "W", _R, "indicators", "计量单位与指标名称不符"),
        _r("I05", "W", _R, "indicators", "指标方向与符号不符"),
        _r("I06", "IE", _F, "indicators", "比率指标值为 ≥100% 或 >100%"),
        _r("I07", "W", _A, "indicators", "服务对象满意度目标偏低或格式不符"),
        _r("I08", "W", _R, "indicators", "定性指标等级未定义"),
        _r("I09", "W", _C, "indicators", "定性指标占比过高"),
        _r("I10", "W", _R, "indicators", "指标名称与二级指标不符"),
        _r("I11", "W", _R, "indicators", "效益指标使用计数单位"),
        _r("I12", "W", _R, "indicators", "满意度指标放错类别"),
        _r("I13", "W", _R, "indicators", "指标解释与指标名称不符"),
        _r("I14", "I", _C, "indicators", "比率指标缺少计算公式"),
        _r("I15", "W", _R, "indicators", "通用管理类指标用作产出或效益指标"),
        _r("I16", "I", _A, "indicators", "成本指标过于笼统"),
        _r("I17", "I", _R, "indicators", "时效指标使用频次值"),
        _r("I18", "E", _F, "indicators", "时限不在申报年度内"),
        _r("I19", "W", _F, "indicators", "同名指标出现在不同类别"),
        _r("I20", "W", _F, "indicators", "内容超出字数限制"),
        _r("C01", "W", _A, "cross", "与上年申报表相比目标降低或未更新"),
        _r("C02", "WI", _R, "cross", "任务金额与项目申报表不符", CROSS_FORMS),
        _r("C03", "WI", _R, "cross", "项目核心指标未在整体表中体现", CROSS_FORMS),
        # Project form only (docs/project-form.md §5).
        _r("P01", "EWI", _C, "project", "项目期未填写或不合理", PROJECT),
        _r("P02", "EW", _A, "project", "年度资金超过中期资金", PROJECT),
        _r("P03", "W", _A, "project", "年度指标值超过中期指标值", PROJECT),
        _r("P04", "E", _C, "project", "缺少中期资金、目标或指标", PROJECT),
        _r("P05", "E", _C, "project", "资金总额与财政拨款、其他资金之和不符", PROJECT),
        _r("P06", "E", _C, "project", "项目基本信息未填写", PROJECT),
        _r("P07", "E", _C, "project", "资金来源明细之和不符", PROJECT),
        _r("T01", "I", _F, "text", "指标值已自动规范化"),
        _r("T02", "W", _F, "text", "单行内容含多余空白或换行"),
        _r("T03", "I", _F, "text", "中文标点不统一"),
        _r("T04", "E", _F, "text", "打印字体无法显示的字符"),
    )
}


def rule_info(rule_id: str) -> RuleInfo:
    return RULES[rule_id]

