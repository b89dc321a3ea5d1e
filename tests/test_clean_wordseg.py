"""Word-segmented text (pyvi / underthesea / VnCoreNLP output) is written back as ordinary text;
any other text is left alone."""
import re

import pytest

from vnplan.clean import clean
from vnplan.clean.wordseg import is_word_segmented, unsegment, unsegment_line

# invented sentences (not from any corpus document), with the words a segmenter would join
_SENTENCES = [
    ("Ủy ban nhân dân tỉnh xây dựng kế hoạch hỗ trợ hộ nghèo, sửa chữa 2.305 nhà ở hư hỏng.",
     ["Ủy ban nhân dân", "xây dựng", "kế hoạch", "hỗ trợ", "sửa chữa", "hư hỏng"]),
    ("Các sở, ban, ngành tổ chức thực hiện (theo chức năng) và báo cáo kết quả; tỷ lệ đạt 2,5%.",
     ["tổ chức", "thực hiện", "chức năng", "báo cáo", "kết quả", "tỷ lệ"]),
    ("Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan: bố trí kinh phí.",
     ["Sở Tài chính", "chủ trì", "phối hợp", "đơn vị", "liên quan", "bố trí", "kinh phí"]),
]


def _segment(sentence: str, words: list) -> str:
    """The sentence as a segmenter writes it: words joined by "_", punctuation spaced."""
    for w in words:
        sentence = sentence.replace(w, w.replace(" ", "_"))
    s = re.sub(r"(\d)\.(\d{3})", r"\1 . \2", sentence)
    s = re.sub(r"(\d),(\d)", r"\1 , \2", s)
    s = re.sub(r"(?<=\S)([,.;:)%])", r" \1", s)
    return re.sub(r"\(", "( ", s)


@pytest.mark.parametrize("sentence,words", _SENTENCES)
def test_unsegmenting_a_segmented_sentence_gives_it_back(sentence, words):
    seg = _segment(sentence, words)
    assert "_" in seg and " ," in seg
    assert unsegment_line(seg) == sentence


def test_segmented_text_is_detected_and_undone_with_a_warning():
    text = "\n".join(_segment(s, w) for s, w in _SENTENCES) + "\nI . tình_hình chung\n1 . mục_tiêu"
    out = clean(text)
    assert out.text.split("\n")[:3] == [s for s, _ in _SENTENCES]
    assert "I. tình hình chung" in out.text and "1. mục tiêu" in out.text
    assert [w.code for w in out.warnings] == ["word-segmented"]


def test_split_numbers_rejoin_only_where_unambiguous():
    assert unsegment_line("sửa chữa 2 . 305 nhà và 1 . 234 . 567 đồng") == \
        "sửa chữa 2.305 nhà và 1.234.567 đồng"
    assert unsegment_line("đạt 2 , 5 % kế hoạch") == "đạt 2,5% kế hoạch"
    assert unsegment_line("1 . 305 hộ") == "1. 305 hộ"  # a marker at the line start
    assert unsegment_line("các năm 2019 , 2020") == "các năm 2019, 2020"


@pytest.mark.parametrize("text", [
    "Lưu file vào thư mục ten_file theo mẫu.\nHọ và tên: ____________ , ký tên.",
    "**Kế hoạch** và __chú ý__ về nội dung.\nbiến my_var và x_y trong mã.",
    "Nhà ở , hỗ trợ hộ nghèo .",  # spaced punctuation alone is not segmented text
])
def test_ordinary_text_is_not_touched(text):
    assert not is_word_segmented(text)
    assert unsegment(text) == (text, [])
    assert all(w.code != "word-segmented" for w in clean(text).warnings)


def test_long_runs_stay_linear():
    import time
    line = "a_" * 200_000 + " " * 200_000 + "x" + "_" * 200_000 + " " * 100_000 + "b"
    t = time.perf_counter()
    unsegment_line(line)
    is_word_segmented(line)
    assert time.perf_counter() - t < 2.0
