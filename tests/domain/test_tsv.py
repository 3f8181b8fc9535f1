"""Clipboard text from Excel/WPS splits into the cells the user copied, and back."""

from __future__ import annotations

from desktop.domain.tsv import format_tsv, parse_tsv


def test_quoted_multiline_cells_and_escaped_quotes() -> None:
    text = 'a\t"line1\nline2"\tc\r\n"say ""hi"""\tb\r\n'
    assert parse_tsv(text) == [["a", "line1\nline2", "c"], ['say "hi"', "b"]]


def test_quoted_cell_may_hold_a_tab_and_a_crlf() -> None:
    text = '"x\ty"\t"第一行\r\n第二行"\r\n'
    assert parse_tsv(text) == [["x\ty", "第一行\n第二行"]]


def test_crlf_lone_cr_and_lf_all_end_a_row() -> None:
    assert parse_tsv("a\tb\r\nc\td\re\tf\ng\th") == [
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h"],
    ]


def test_trailing_newline_and_blank_rows_add_no_row() -> None:
    assert parse_tsv("a\r\n") == [["a"]]
    assert parse_tsv("a\n\n \t \nb\n") == [["a"], ["b"]]
    assert parse_tsv("") == []
    assert parse_tsv('""\r\n') == []


def test_empty_cells_keep_their_column() -> None:
    assert parse_tsv("培训\t\t12\t\r\n") == [["培训", "", "12", ""]]
    assert parse_tsv('\t""\tx') == [["", "", "x"]]


def test_quote_inside_an_unquoted_cell_is_literal() -> None:
    assert parse_tsv('5"寸\t说"明"\n') == [['5"寸', '说"明"']]


def test_cells_are_quoted_only_when_needed() -> None:
    assert format_tsv([["普通", "a\tb", "一\n二", '说"明"']]) == (
        '普通\t"a\tb"\t"一\n二"\t"说""明"""\r\n'
    )


def test_format_ends_every_row_with_crlf_and_parses_back() -> None:
    rows = [["名称", '含"引号"\n和换行', ""], ["b", "x\ty", "显著"]]
    text = format_tsv(rows)
    assert text == '名称\t"含""引号""\n和换行"\t\r\nb\t"x\ty"\t显著\r\n'
    assert parse_tsv(text) == rows
    assert format_tsv([]) == ""


def test_a_lone_carriage_return_stays_a_line_break_inside_its_cell() -> None:
    # Without quoting, the CR would split the row in two on paste.
    assert parse_tsv(format_tsv([["第一行\r第二行", "≥1次"]])) == [["第一行\n第二行", "≥1次"]]
