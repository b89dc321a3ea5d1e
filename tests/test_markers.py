"""The list-marker reader of the language layer, on invented lines."""
from __future__ import annotations

import pytest

from vnplan.lang.markers import read_marker, roman_value, to_roman


@pytest.mark.parametrize("n", [1, 4, 9, 14, 19, 39, 40, 90, 400, 1994, 3999])
def test_roman_round_trip(n):
    assert roman_value(to_roman(n)) == n


def test_roman_values_and_non_numerals():
    assert (to_roman(4), to_roman(19), roman_value("iv"), roman_value("XIV")) == ("IV", "XIX", 4, 14)
    assert roman_value("IIII") == 0 and roman_value("VX") == 0 and roman_value("") == 0
    assert to_roman(0) == ""


@pytest.mark.parametrize("line,style,number,rest", [
    ("I. MỤC ĐÍCH, YÊU CẦU", "roman", "I", "MỤC ĐÍCH, YÊU CẦU"),
    ("IV- Tổ chức thực hiện", "roman", "IV", "Tổ chức thực hiện"),
    ("1. Mục tiêu chung", "arabic", "1", "Mục tiêu chung"),
    ("3- Giải pháp", "arabic", "3", "Giải pháp"),
    ("2.1. Về hạ tầng", "decimal", "2.1", "Về hạ tầng"),
    ("a) Rà soát văn bản", "letter", "a", "Rà soát văn bản"),
    ("- Sở Y tế chủ trì", "bullet", "-", "Sở Y tế chủ trì"),
    ("+ Tuyên truyền", "bullet", "+", "Tuyên truyền"),
])
def test_read_marker(line, style, number, rest):
    m = read_marker(line)
    assert (m.style, m.number, line[m.end:]) == (style, number, rest)


@pytest.mark.parametrize("line", ["2020 là năm bản lề", "45-NQ/TW ngày 9/5", "Sở Y tế", "-5% so với"])
def test_no_marker(line):
    assert read_marker(line) is None


def test_read_number_and_number_style():
    from vnplan.lang.markers import number_style, read_number
    assert [read_number(s) for s in ("03", "iv", "XII", "IIII")] == [(3, "3"), (4, "IV"), (12, "XII"), (0, "")]
    assert [number_style(s) for s in ("II", "C", "2", "2.1", "B", "b", "Điều 1", "")] == [
        "roman", "roman", "arabic", "decimal", "upper", "letter", None, None]


@pytest.mark.parametrize("line,found", [
    ("I. MỤC TIÊU", [("roman", "I"), ("upper", "I")]),  # a Roman number first, then a letter
    ("III", [("roman", "III")]),  # alone on its line, its dot lost
    ("A- ĐÁNH GIÁ", [("upper", "A")]),
    ("2.1 Về hạ tầng", [("decimal", "2.1")]),
    ("1) Rà soát", [("arabic", "1")]),
    ("c. nội dung", [("letter", "c")]),
    ("- gạch đầu dòng", []),
    ("Sở Y tế", []),
])
def test_readings(line, found):
    from vnplan.lang.markers import readings
    assert [(m.style, m.number) for m in readings(line)] == found


def test_readings_details():
    from vnplan.lang.markers import LEAD, readings
    line = "**II-** Nhiệm vụ"
    (mk,) = readings(line, LEAD.match(line).end())
    assert (mk.value, line[mk.end:]) == (2, "** Nhiệm vụ")
    assert readings("III")[0].bare and readings("1) x")[0].close == ")"
    assert readings("A- Mục")[0].close == "-" and readings("A. Mục")[0].close == ""
