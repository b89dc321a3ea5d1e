"""The outline segmenter on real text: the seeds against their gold, snippets of each marker
style copied from the seeds and the corpus, and properties over mangled seed text."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

from vnplan.outline import segment
from vnplan.text import fold

GOLD = Path("/work/shared/eval/gold")
KEYS = ["001", "002", "003", "004"]


def tree(o):
    return [(s.number, [c.number for c in s.children]) for s in o.sections]


def _gold(key: str) -> dict:
    (path,) = GOLD.glob(f"{key}_*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _covered(text: str, o) -> bool:
    spans = ([o.preamble] if o.preamble else []) + [s.span for s in o.sections] + ([o.footer] if o.footer else [])
    inside = bytearray(len(text))
    for a, b in spans:
        inside[a:b] = b"\x01" * (b - a)
    return all(inside[i] or ch.isspace() for i, ch in enumerate(text))


@pytest.mark.skipif(not GOLD.exists(), reason="gold not available")
@pytest.mark.parametrize("key", KEYS)
def test_seed_outline_matches_gold(parsed, key):
    gold, doc = _gold(key), parsed[key]
    got = doc.sections
    assert [s.number for s in got] == [g["number"] for g in gold["sections"]]
    for s, g in zip(got, gold["sections"]):
        assert fold(s.heading) == fold(g["heading"])
        kinds = g["kind"] if isinstance(g["kind"], list) else [g["kind"]]
        assert s.kind in kinds
        assert [c.number for c in s.children] == [c["number"] for c in g.get("children") or []]
        for c, gc in zip(s.children, g.get("children") or []):
            assert [x.number for x in c.children] == [x["number"] for x in gc.get("children") or []]


def test_seed_child_kinds_and_ids(parsed):
    d = parsed["004"]
    assert [c.kind for c in d.section("II").children] == ["viewpoints", "objectives", "vision"]
    assert {c.kind for c in d.section("IV").children} == {"implementation"}
    d2 = parsed["002"]
    assert d2.section("II/2/2.2").heading == "Tầm nhìn đến năm 2045"
    assert d2.section("II/2/2.2").kind == "vision" and d2.section("II/2/2.2").level == 3


def test_seed_000_narrative_has_no_sections(parsed):
    d = parsed["000"]
    assert d.sections == []
    assert d.preamble == [0, len(d.text)] or d.preamble[1] >= len(d.text.rstrip()) - 5


@pytest.mark.parametrize("key", ["001", "002", "003", "004"])
def test_seed_footer_starts_at_noi_nhan(parsed, key):
    d = parsed[key]
    assert d.footer is not None
    assert d.text[d.footer[0]:].lower().startswith("nơi nhận")
    last = d.sections[-1]
    assert last.span[1] <= d.footer[0]
    assert "Nơi nhận" not in last.text


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_seed_coverage_and_spans(parsed, key):
    d = parsed[key]
    o = segment(d.text)
    assert _covered(d.text, o)
    for s in d.walk():
        a, b = s.body_span
        assert d.text[a:b] == s.text
        assert s.span[0] <= a <= b <= s.span[1]
        for c in s.children:
            assert s.span[0] <= c.span[0] and c.span[1] <= s.span[1]


def test_seed_003_heading_alone_vs_running_text(parsed):
    d = parsed["003"]
    s = d.section("III/1")
    assert s.heading.startswith("Cấp ủy, tổ chức đảng, chính quyền") and s.heading.endswith("xã hội tỉnh")
    assert s.text.startswith("Tổ chức phổ biến")
    # an item with running text is headed by its first clause, the rest is its body
    s2 = parsed["001"].section("IV/1")
    assert s2.heading.startswith("Ban Thường vụ Tỉnh ủy lãnh đạo") and len(s2.heading) <= 201
    assert s2.heading not in s2.text


def test_marker_styles():
    text = ("Mở đầu văn bản.\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1) Mục đích\nnội dung\n2) Yêu cầu\n"
            "II- NHIỆM VỤ\n1. Nhiệm vụ chung\n1.1. Tuyên truyền\na) Hội nghị\nb) Tập huấn\nđ) sai thứ tự\n"
            "1.2. Kiểm tra\n2. Nhiệm vụ riêng\n"
            "III) TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì.")
    o = segment(text)
    assert [s.number for s in o.sections] == ["I", "II", "III"]
    assert [c.number for c in o.sections[0].children] == ["1", "2"]
    ii = o.sections[1]
    assert [c.id for c in ii.walk()] == ["II", "II/1", "II/1/1.1", "II/1/1.1/a", "II/1/1.1/b", "II/1/1.2", "II/2"]
    assert "đ) sai thứ tự" in ii.children[0].children[0].children[1].text
    assert [s.kind for s in o.sections] == ["purpose", "tasks", "implementation"]
    assert o.sections[2].text == "Sở Nội vụ chủ trì."


def test_top_level_arabic_and_dieu_articles():
    o = segment("Căn cứ Luật.\n1. Mục tiêu\nnội dung\n2. Nhiệm vụ\na) việc một\nb) việc hai")
    assert tree(o) == [("1", []), ("2", ["a", "b"])]
    assert [s.kind for s in o.sections] == ["objectives", "tasks"]
    o = segment("QUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực.\n"
                "Điều 3. Các sở chịu trách nhiệm thi hành.\nNơi nhận:\n- Như Điều 3;\nTHỦ TƯỚNG\n"
                "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Mục đích\nII. TỔ CHỨC THỰC HIỆN\nBộ Công an chủ trì.")
    assert [s.number for s in o.sections] == ["Điều 1", "Điều 2", "Điều 3", "I", "II"]
    assert o.sections[3].children[0].id == "I/1"
    assert o.sections[4].kind == "implementation"


def test_numbered_sentences_and_years_are_not_headings():
    text = ("I. TÌNH HÌNH\n2020 là năm bản lề.\n45-NQ/TW của Bộ Chính trị đã nêu.\n"
            "3. Con số ba không nối tiếp dãy nào.\n1.216 thạc sĩ đã được đào tạo.\n"
            "| 1 | Nhiệm vụ | Sở Nội vụ |\n- 1. gạch đầu dòng\n+ mục cộng\nII. MỤC TIÊU")
    o = segment(text)
    assert tree(o) == [("I", []), ("II", [])]
    assert "45-NQ/TW" in o.sections[0].text and "| 1 | Nhiệm vụ" in o.sections[0].text


def test_jumping_numbering_and_wordseg():
    # corpus 028: section headings missing in the page, numbering goes 2.1-2.2 then 1., 2.
    text = "Đánh giá hài lòng.\n2.1. Thống nhất tiêu chí.\n2.2. Xây dựng hệ thống.\n1. Sở, ban, ngành thực hiện.\n2. Việc thực hiện."
    o = segment(text)
    assert [s.id for s in o.sections] == ["2.1", "2.2", "1", "2"]
    # corpus 015: word-segmented text, "I ." roman with a space, "Ii." mixed case
    o = segment("Kế_hoạch\nI . tình_hình nhà_ở :\nnội dung\nIi. mục_đích yêu_cầu :\n1 . Đối_tượng được hỗ_trợ :\nLà hộ nghèo")
    assert [s.number for s in o.sections] == ["I", "II"]
    assert [s.kind for s in o.sections] == ["situation", "purpose"]
    assert o.sections[1].children[0].heading == "Đối_tượng được hỗ_trợ"


def test_kind_of_two_kinds_and_no_diacritics():
    o = segment("I. QUAN ĐIỂM, MỤC TIÊU\nII. NHIEM VU VA GIAI PHAP\nIII. TO CHUC THUC HIEN\nIV. KINH PHÍ")
    assert [s.kind for s in o.sections] == ["viewpoints", "tasks", "implementation", "other"]


def test_split_caps_heading_is_joined():
    o = segment("Mở đầu.\nI. MỤC ĐÍCH\nYÊU CẦU\n1. Mục đích\nII. TỔ\nCHỨC THỰC HIỆN\nnội dung")
    assert [s.heading for s in o.sections] == ["MỤC ĐÍCH YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert o.sections[1].text == "nội dung"


def test_footer_by_signature_and_end_mark():
    o = segment("I. NỘI DUNG\n1. Việc một.\n2. Việc hai./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A")
    assert o.footer is not None
    assert o.sections[0].span[1] <= o.footer[0]
    o = segment("I. NỘI DUNG\n1. Việc một.\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nTrần B")
    assert o.footer and o.sections[0].children[0].text == ""


@pytest.mark.parametrize("text", ["", " ", "\n\n", "I.", "1.", "Điều", "a)", "|", "*" * 50, "\x00\ufffd",
                                  "Hello world. 1. 2. 3.", "I.\nII.\nIII.", "1.\n" * 20])
def test_never_raises_edge_cases(text):
    o = segment(text)
    assert _covered(text, o)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=st.sampled_from(list("IVXabđ12345.)-:\n \tĐiều MỤC TIÊU Nơi nhận./|*")), max_size=300))
def test_never_raises_on_marker_soup(text):
    o = segment(text)
    assert _covered(text, o)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    o = segment(text)
    assert _covered(text, o)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(key=st.sampled_from(["000", "001", "002", "003", "004"]), seed=st.integers(0, 10_000),
       drop=st.floats(0, 0.5))
def test_coverage_on_shuffled_and_cut_seeds(parsed, key, seed, drop):
    lines = parsed[key].text.split("\n")
    rng = random.Random(seed)
    lines = [ln for ln in lines if rng.random() >= drop]
    if seed % 2:
        rng.shuffle(lines)
    text = "\n".join(lines)
    o = segment(text)
    assert _covered(text, o)
    ids = [s.id for top in o.sections for s in top.walk()]
    assert len(ids) == len(set(ids))
