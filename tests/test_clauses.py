"""Clause boundaries: the readers of deadlines and assignments find a task's words through them."""
from hypothesis import given, strategies as st

from vnplan.lang.clauses import SCAN, clause_at, clause_end, clause_start, sentence_end

LINE = ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu kế hoạch (hoàn thành trong Quý II/2026); "
        "Sở Tư pháp thẩm định hồ sơ. Thời gian thực hiện: tháng 6/2026")


def test_semicolon_full_stop_and_colon_close_clauses():
    a, b = clause_at(LINE, LINE.index("Sở Tư pháp"))
    assert LINE[a:b].strip() == "Sở Tư pháp thẩm định hồ sơ"
    a, b = clause_at(LINE, LINE.index("tháng 6"))
    assert LINE[a:b].strip() == "tháng 6/2026"


def test_a_parenthesis_is_its_own_clause_and_is_skipped_from_outside():
    pos = LINE.index("Quý II")
    start, in_paren = clause_start(LINE, pos)
    assert in_paren and LINE[start:clause_end(LINE, pos)] == "hoàn thành trong Quý II/2026"
    a, b = clause_at(LINE, LINE.index("phối hợp"))
    assert LINE[a:b].startswith("Sở Tài chính") and LINE[a:b].endswith("Quý II/2026)")


def test_decimal_points_and_abbreviations_do_not_end_a_clause():
    text = "đạt 1.200 tỷ đồng theo Quyết định của T.Ư; tiếp theo"
    assert text[slice(*clause_at(text, 5))] == "đạt 1.200 tỷ đồng theo Quyết định của T.Ư"


def test_sentence_runs_over_semicolons():
    assert LINE[:sentence_end(LINE, 0)].endswith("thẩm định hồ sơ")


@given(st.text(alphabet="ab ;.:()\n", max_size=2000), st.integers(min_value=0, max_value=2000))
def test_bounds_hold_on_any_text(text, pos):
    pos = min(pos, len(text))
    start, _ = clause_start(text, pos)
    end = clause_end(text, pos)
    assert max(0, pos - SCAN) <= start <= pos <= end <= min(len(text), pos + SCAN)
    assert "\n" not in text[start:pos] and "\n" not in text[pos:end]


def test_soft_wraps_keep_a_wrapped_sentence_whole():
    text = "Sở Y tế triển khai kế hoạch\ntrước ngày 30/6/2026; báo cáo.\nTiếp theo"
    pos = text.index("30/6")
    assert clause_start(text, pos) == (text.index("trước"), False)  # a line break ends it ...
    assert clause_start(text, pos, soft_wraps=True) == (0, False)  # ... unless the line wraps
    assert clause_end(text, 3, soft_wraps=True) == text.index(";")
    assert clause_end(text, 3) == text.index("\n")
    # a line ending with ":" or a next line in capitals is a real break
    assert clause_start("Thời gian thực hiện\nQuý II/2026", 22, soft_wraps=True) == (20, False)
