"""The language layer's reader of document numbers (số ký hiệu) and type symbols."""
from __future__ import annotations

import pytest

from vnplan.lang import docnumber
from vnplan.lang.docnumber import NUMBER_RE, canonical_number, doc_types, type_named, type_of_symbol


@pytest.mark.parametrize("text, number", [
    ("theo Nghị quyết số 45-NQ/TW ngày 24/11/2023", "45-NQ/TW"),
    ("Kế hoạch số 182/KH-UBND", "182/KH-UBND"),
    ("Nghị định số 140/2017/NĐ-CP của Chính phủ", "140/2017/NĐ-CP"),
    ("Chương trình số 12-CTr/TU", "12-CTr/TU"),
    ("Nghị quyết số 66.2/2025/NQ-CP ngày 01/7/2025", "66.2/2025/NQ-CP"),  # a sub-number
    ("Kết luận số 27-KL/TƯ của Ban Bí thư", "27-KL/TW"),  # "TƯ" is "TW"
    ("Quyết định số 99 /QĐ - TTg", "99/QĐ-TTg"),
])
def test_number_read_and_canonical(text, number):
    m = NUMBER_RE.search(text)
    assert m and canonical_number(m.group(0)) == number


@pytest.mark.parametrize("text", ["tăng 12,5% so với năm 2020", "từ 2021-2025", "Điều 3.2 của Luật",
                                  "mục 1.2/Phần II", "trang 12/Ban"])
def test_not_numbers(text):
    assert NUMBER_RE.search(text) is None


def test_canonical_keeps_other_syllables():
    # only a whole syllable "TƯ" is rewritten; "ĐTƯ"-like symbols and the Đ stay as written
    assert canonical_number("15 - NQ/TƯ") == "15-NQ/TW"
    assert canonical_number("8/2024/NĐ–CP") == "8/2024/NĐ-CP"
    assert canonical_number("3-QĐ/ĐTƯ") == "3-QĐ/ĐTƯ"


def test_type_of_symbol_and_name():
    assert type_of_symbol("-NQ/TW") == "Nghị quyết"
    assert type_of_symbol("/KH-UBND") == "Kế hoạch"
    assert type_of_symbol("-CTr/TU") == "Chương trình"
    assert type_of_symbol("/HĐ-UBND") == "Hợp đồng" and type_of_symbol("/HD-UBND") == "Hướng dẫn"
    assert type_of_symbol("/XYZ-ABC") is None
    assert type_named("CHƯƠNG TRÌNH HÀNH ĐỘNG") == "Chương trình hành động"
    assert type_named("Kế  hoạch") == "Kế hoạch" and type_named("Kế hoạch số") is None


def test_one_list_of_types_read_once():
    # every symbol names a listed type; the types are longest first (the longest name wins)
    types = doc_types()
    assert set(docnumber._data()["symbols"].values()) <= set(types)
    assert list(types) == sorted(types, key=len, reverse=True)
    assert docnumber._data() is docnumber._data()
    attached = docnumber.attached_types()
    assert set(attached) <= set(types) and {"Kế hoạch", "Đề án", "Điều lệ"} <= set(attached)


def test_the_other_stages_read_the_one_type_list():
    # the outline reads its title lines from attached_types() and the cleaner its type lines
    # from doc_types(): neither headings.yaml nor clean.yaml keeps a list of its own
    from vnplan.lang import vocab
    from vnplan.outline.vocab import _doc_titles
    attached = {t.upper() for t in docnumber.attached_types()}
    assert "doc_titles" not in vocab.load("headings") and set(_doc_titles()) == attached
    assert "doc_types" not in vocab.load("clean")
