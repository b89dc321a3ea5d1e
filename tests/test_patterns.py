"""The vocabulary-to-pattern builder: longest first, one gap rule, whole words only."""
import re

from hypothesis import given, strategies as st

from vnplan.lang.patterns import LINE_GAP, NEVER, SHORT_GAP, alternation, phrase, words_pattern


def test_longest_phrase_wins():
    pat = words_pattern(["Ủy ban", "Ủy ban nhân dân tỉnh"])
    assert pat.search("giao Ủy ban nhân dân tỉnh chủ trì").group() == "Ủy ban nhân dân tỉnh"


def test_words_of_a_phrase_match_across_spaces_breaks_and_underscores():
    pat = words_pattern(["kế hoạch"], flags=re.I)
    for text in ("Kế hoạch số 5", "kế  hoạch", "kế\nhoạch", "Kế_hoạch"):
        assert pat.search(text), text


def test_line_gap_does_not_cross_a_line():
    pat = words_pattern(["kế hoạch"], gap=LINE_GAP)
    assert pat.search("kế \thoạch") and not pat.search("kế\nhoạch")


def test_whole_words_only():
    pat = words_pattern(["năm"])
    assert not pat.search("nămmươi") and not pat.search("hàngnăm") and pat.search("hằng năm")


def test_special_characters_are_escaped():
    assert words_pattern(["T.Ư", "(a)"]).search("ban T.Ư") and not words_pattern(["T.Ư"]).search("TXƯ")


def test_empty_vocabulary_matches_nothing():
    assert alternation([]) == NEVER and alternation(["", "  "]) == NEVER
    assert not words_pattern([]).search("bất kỳ văn bản nào")


@given(st.lists(st.text(alphabet="abcđêơư ", min_size=1, max_size=12), min_size=1, max_size=6))
def test_every_phrase_of_the_vocabulary_is_found_in_itself(phrases):
    pat = re.compile(alternation(phrases))
    for p in phrases:
        if p.split():
            assert pat.fullmatch(" ".join(p.split())), p
            assert phrase(p)  # never an empty pattern for a phrase with words


def test_reverse_reads_a_phrase_backwards():
    text = "trong giai  đoạn"
    assert re.match(alternation(["giai đoạn", "năm"], reverse=True), text[::-1]).group()[::-1] == "giai  đoạn"
    assert phrase("quý một", " ", reverse=True) == "tộm ýuq"


def test_short_gap_allows_at_most_three_blanks():
    pat = words_pattern(["định kỳ"], SHORT_GAP)
    assert pat.search("định _ kỳ") and not pat.search("định    kỳ")
