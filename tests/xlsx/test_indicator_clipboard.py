"""Indicator rows pasted from Excel/WPS: by header titles, by a known column order, or refused."""

from __future__ import annotations

import pytest

from desktop.documents.xlsx.indicator_clipboard import (
    IndicatorPasteError,
    PastedIndicator,
    indicators_from_paste,
    indicators_to_tsv,
)
from desktop.domain.model import Indicator
from desktop.domain.profile import Profile, load_profile
from desktop.exchange.reader import read_json_file
from tests.conftest import SEED_PATH

OWN_SHEET_HEADER = (
    "序号\t一级指标\t二级指标\t三级指标\t计算符号\t指标值\t计量单位\t指标解释\t对应目标\r\n"
)


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile(read_json_file(SEED_PATH).declaration.profile_id)


def _rows(found: list[PastedIndicator]) -> list[tuple[str, str, str]]:
    return [(p.indicator.name, p.indicator.value, p.indicator.unit) for p in found]


def test_plain_rows_become_indicators_with_t01_normalisation(profile: Profile) -> None:
    text = '培训人数\t>=２０\t人\t反映培训人数\r\n合格率\t１００％\t\t"考察\n合格情况"\r\n'
    found = indicators_from_paste(text, profile, 3)
    assert _rows(found) == [("培训人数", "≥20", "人"), ("合格率", "100%", "")]
    assert found[1].indicator.explanation == "考察\n合格情况"
    assert all(p.category is None for p in found)


def test_blank_lines_are_skipped_and_short_rows_padded(profile: Profile) -> None:
    found = indicators_from_paste("\n名称一\n\t\n名称二\t5次\n", profile, 3)
    assert [p.indicator.name for p in found] == ["名称一", "名称二"]


def test_copied_rows_paste_back_the_same(profile: Profile) -> None:
    rows = [Indicator("名称", "≥4次", "", '含"引号"\n和换行'), Indicator("b", "显著", "", "x\ty")]
    again = indicators_from_paste(indicators_to_tsv(rows), profile, 3)
    assert [p.indicator for p in again] == rows


def test_a_row_of_our_own_sheet_goes_into_its_category(profile: Profile) -> None:
    text = OWN_SHEET_HEADER + "1\t产出指标\t质量指标\t合格率\t≥\t95\t%\t考察合格情况\t1、3\r\n"
    [found] = indicators_from_paste(text, profile, 3)
    assert found.category == ("产出指标", "质量指标")
    assert (found.indicator.name, found.indicator.value, found.indicator.goals) == (
        "合格率",
        "≥95%",
        [1, 3],
    )


def test_the_same_row_without_its_header_is_recognised(profile: Profile) -> None:
    [found] = indicators_from_paste(
        "1\t产出指标\t数量指标\t培训次数\t≥\t4\t次\t说明\t\r\n", profile, 3
    )
    assert found.category == ("产出指标", "数量指标")
    assert found.indicator.name == "培训次数"  # not "1", as before


def test_the_printed_column_order_is_recognised(profile: Profile) -> None:
    text = "效益指标\t社会效益指标\t受益人数\t≥100人\t\t说明\r\n"
    [found] = indicators_from_paste(text, profile, 3)
    assert found.category == ("效益指标", "社会效益指标")
    assert found.indicator.value.startswith("≥100")


def test_a_header_maps_columns_in_any_order(profile: Profile) -> None:
    text = "指标解释\t指标名称\t度量单位\t指标值\r\n说明\t覆盖率\t%\t≥90\r\n"
    [found] = indicators_from_paste(text, profile, 3)
    assert (found.indicator.name, found.indicator.value, found.indicator.unit) == (
        "覆盖率",
        "≥90",
        "%",
    )
    assert found.indicator.explanation == "说明"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("三级指标\t备注\t指标值\r\nx\ty\tz\r\n", "无法识别标题为“备注”的列"),
        ("1\t2\t3\t4\t5\t6\t7\r\n", "粘贴内容有 7 列，无法确定各列的含义"),
        ("一级指标\t三级指标\r\n产出指标\tx\r\n", "须同时有“一级指标”和“二级指标”"),
        (OWN_SHEET_HEADER + "1\t产出指标\t社会效益指标\tx\t\t1次\t\t\t\r\n", "粘贴内容!C2"),
        ("三级指标\t对应目标\r\nx\t4\r\n", "第 2 行“对应目标”：“4”不是本申报表的目标序号"),
    ],
)
def test_what_cannot_be_mapped_is_refused_with_the_place(
    profile: Profile, text: str, message: str
) -> None:
    with pytest.raises(IndicatorPasteError, match=message):
        indicators_from_paste(text, profile, 3)
