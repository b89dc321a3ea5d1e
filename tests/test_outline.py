"""The outline segmenter on real text: the seeds against their gold, snippets of each marker
style copied from the seeds and the corpus, and properties over mangled seed text."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

import vnplan
from vnplan.outline import segment
from vnplan.lang.text import fold

GOLD = Path("/work/shared/eval/gold")
CORPUS = Path("/work/shared/corpus")


def _corpus(prefix: str):
    """A corpus document parsed whole (skips when the corpus is not there)."""
    paths = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip("corpus not available")
    return vnplan.parse_file(paths[0])
KEYS = ["001", "002", "003", "004"]


def tree(o):
    return [(s.number, [c.number for c in s.children]) for s in o.sections]


def _gold(key: str) -> dict:
    (path,) = GOLD.glob(f"{key}_*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _covered(text: str, o) -> bool:
    spans = ([o.preamble] if o.preamble else []) + [s.span for s in o.sections] + ([o.footer] if o.footer else [])
    spans += [o.appendix] if getattr(o, "appendix", None) else []
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
    # an item of running prose has no heading: its whole text is its body
    s2 = parsed["001"].section("IV/1")
    assert s2.heading is None and s2.kind == "implementation"
    assert s2.text.startswith("Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo")


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
    # a decision that issues a plan: the plan's outline is the outline; the articles, the
    # decision's Nơi nhận/signature block and the plan's title are the preamble
    assert [s.number for s in o.sections] == ["I", "II"]
    assert o.preamble == [0, o.sections[0].span[0]]
    assert o.sections[0].children[0].id == "I/1"
    assert o.sections[1].kind == "implementation"
    assert o.footer is None


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


# --- appendices ------------------------------------------------------------------------------

SIGNED = ("I. MỤC ĐÍCH\nNội dung.\nII. TỔ CHỨC THỰC HIỆN\nCác sở triển khai thực hiện./.\n"
          "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
          "PHÓ CHỦ TỊCH\nTrương Việt Dũng\n")


def _footer_text(text, o):
    return text[o.footer[0]:o.footer[1]]


def _appendix_text(text, o):
    return text[o.appendix[0]:o.appendix[1]]


def test_appendix_after_signature_corpus_006():
    # corpus 006: a task table after the signature is an appendix: not a section (GOLD rule 3),
    # not the footer either; the facts in its rows are still read
    d = _corpus("006")
    o = segment(d.text)
    assert not any((s.number or "").startswith("PHỤ LỤC") for s in d.sections)
    assert _appendix_text(d.text, o).startswith("PHỤ LỤC\nNHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG 5G")
    assert "| 6 | Thực hiện khảo sát" in _appendix_text(d.text, o)
    assert d.text[d.footer[0]:].startswith("Nơi nhận")
    assert d.text[d.footer[0]:d.footer[1]].endswith("Trương Việt Dũng")
    assert d.footer[1] < o.appendix[0] and o.appendix[1] == len(d.text.rstrip())
    assert d.metadata.signer.name == "Trương Việt Dũng"
    assert len([a for a in d.assignments if a.span[0] >= o.appendix[0]]) >= 10
    dues = [x for x in d.deadlines if x.span[0] >= o.appendix[0]]
    assert {x.due for x in dues} >= {"2026-09-30", "2026-06-30"}
    assert _covered(d.text, o)


def test_numbered_appendices_are_not_sections():
    text = (SIGNED + "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ TRỌNG TÂM\n(Kèm theo Kế hoạch số 12/KH-UBND)\n"
            "1. Rà soát quy hoạch\nSở Xây dựng chủ trì.\n2. Đầu tư hạ tầng\n"
            "Phụ lục 02: Chỉ tiêu phát triển\n| TT | Chỉ tiêu | Năm 2030 |\n| 1 | Phủ sóng 5G | 100% |\n")
    o = segment(text)
    assert [s.number for s in o.sections] == ["I", "II"]
    assert _appendix_text(text, o).startswith("PHỤ LỤC I\nDANH MỤC")
    assert _appendix_text(text, o).endswith("| 1 | Phủ sóng 5G | 100% |")
    assert _footer_text(text, o).startswith("Nơi nhận") and _footer_text(text, o).endswith("Trương Việt Dũng")
    assert o.sections[1].span[1] < o.footer[0] and o.footer[1] < o.appendix[0] and _covered(text, o)


def test_appendix_without_the_word_phu_luc():
    # a list title in capitals after the signature, or title lines above "(Kèm theo Kế hoạch ...)"
    for head in ("DANH MỤC CÁC NHIỆM VỤ ƯU TIÊN\n(Kèm theo Kế hoạch số 5/KH-UBND)\n",
                 "NHIỆM VỤ CHỦ YẾU NĂM 2026\n(Kèm theo Kế hoạch số 5/KH-UBND)\n"):
        text = SIGNED + head + "| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Rà soát | Sở Y tế |\n"
        o = segment(text)
        assert [s.number for s in o.sections] == ["I", "II"]
        assert _appendix_text(text, o).startswith(head.split("\n")[0])
        assert _footer_text(text, o).endswith("Trương Việt Dũng") and _covered(text, o)


def test_not_an_appendix():
    # a sentence opening with "Phụ lục", and an attached plan "(Kèm theo Quyết định ...)"
    text = "I. NỘI DUNG\nPhụ lục I kèm theo Kế hoạch này nêu các nhiệm vụ.\nII. TỔ CHỨC THỰC HIỆN\nThực hiện."
    o = segment(text)
    assert [s.number for s in o.sections] == ["I", "II"] and "Phụ lục I" in o.sections[0].text
    text = ("Điều 1. Ban hành Kế hoạch.\nĐiều 2. Thi hành./.\nNơi nhận:\n- Như Điều 2;\nTHỦ TƯỚNG\nNguyễn A\n"
            "KẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT\n(Kèm theo Quyết định số 1/QĐ-TTg)\nMở đầu.\nI. MỤC ĐÍCH\nNội dung.")
    o = segment(text)
    assert [s.number for s in o.sections] == ["I"]  # the issued plan, no PHỤ LỤC
    assert text[:o.preamble[1]].rstrip().endswith("(Kèm theo Quyết định số 1/QĐ-TTg)\nMở đầu.")
    # a narrative without an outline keeps its appendix in the footer (no sections invented)
    text = "Báo cáo tình hình.\n" * 30 + "Nơi nhận:\n- Lưu.\nPHỤ LỤC\n| TT | Nhiệm vụ |\n"
    o = segment(text)
    assert o.sections == [] and _covered(text, o)


def test_quyet_dinh_with_attached_plan_corpus_012():
    # corpus 012: the decision's Nơi nhận and signature sat inside Điều 3's body
    # a decision that issues a plan keeps the plan's outline (GOLD rule 3); its articles,
    # Nơi nhận and signature and the plan's title stay in the preamble
    d = _corpus("012")
    assert [s.number for s in d.sections] == ["I", "II", "III", "IV"]
    pre = d.text[d.preamble[0]:d.preamble[1]]
    assert "Điều 3." in pre and "Nơi nhận" in pre and "KẾ HOẠCH TRIỂN KHAI THI HÀNH" in pre
    assert d.section("III/2").kind == "other"  # "Đối với các nhiệm vụ ..." under KINH PHÍ
    assert _covered(d.text, segment(d.text))


# --- directives ------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["004", "025"])
def test_directive_items_are_tasks_corpus(key):
    d = _corpus(key)
    assert len(d.sections) >= 4
    assert {s.kind for s in d.walk()} == {"tasks"}


def test_directive_items_are_tasks_snippets():
    head = "CHỈ THỊ\nVỀ TĂNG CƯỜNG QUẢN LÝ TÀI NGUYÊN NƯỚC\nNước là tài nguyên quý.\n"
    items = "1. Sở Nông nghiệp và Môi trường\na) Tăng cường tuyên truyền.\n2. Sở Xây dựng\na) Rà soát.\n"
    assert {s.kind for s in segment(head + items).sections} == {"tasks"}
    # without the type line: most items name a body -> tasks
    assert {s.kind for s in segment("Mở đầu.\n" + items).sections} == {"tasks"}
    # numbered statements that assign nothing stay "other"
    plain = "Mở đầu.\n1. Năm 2024 kinh tế tăng trưởng khá.\n2. Thu ngân sách vượt dự toán.\n3. Đời sống được cải thiện."
    assert {s.kind for s in segment(plain).sections} == {"other"}
    # a document whose headings name kinds is left alone
    o = segment(head + "I. MỤC TIÊU\n1. Sở Y tế\nnội dung\nII. KINH PHÍ\n1. Sở Tài chính chủ trì")
    assert [s.kind for s in o.sections] == ["objectives", "other"]


# --- kinds, ids --------------------------------------------------------------------------------

def test_long_running_clause_keeps_parent_kind():
    # corpus 001: "c) Tổ chức triển khai thực hiện ..." under a task list is a task
    text = ("I. NHIỆM VỤ, GIẢI PHÁP\n1. Công an tỉnh\na) Chủ trì tham mưu.\n"
            "b) Tổ chức triển khai thực hiện các nội dung, nhiệm vụ các dự án, tiểu dự án do Bộ Công an chủ trì "
            "theo chức năng, nhiệm vụ được giao (khi Bộ Công an triển khai thực hiện trên địa bàn tỉnh và các huyện):\n"
            "- Dự án 1.\nII. KINH PHÍ\n1. Kinh phí bảo đảm.\n2. Đối với các nhiệm vụ triển khai trong năm 2025, các bộ chủ động bố trí.")
    o = segment(text)
    assert o.sections[0].children[0].children[1].kind == "tasks"
    assert [c.kind for c in o.sections[1].children] == ["other", "other"]
    # a heading alone on its line still names its own kind (corpus 021)
    o = segment("I- Tán thành những nội dung cơ bản của Báo cáo chính trị.\n"
                "1. Đánh giá tình hình thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2015 - 2020\n"
                "Giai đoạn 2015 - 2020 ...")
    assert o.sections[0].children[0].kind == "situation"


def test_repeated_numbers_get_counted_ids():
    o = segment("I. A\nNơi nhận:\n" * 5)
    assert [s.id for s in o.sections] == ["I", "I~2", "I~3", "I~4", "I~5"]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "1. Sở Y tế", "2. Việc hai", "a) việc",
                                 "Điều 1. Ban hành.", "Điều 2. Thi hành./.", "Nơi nhận:", "- Lưu: VT.",
                                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A", "KẾ HOẠCH", "PHỤ LỤC",
                                 "PHỤ LỤC II", "Phụ lục 3: Danh mục", "DANH MỤC NHIỆM VỤ", "TIÊU ĐỀ IN HOA",
                                 "(Kèm theo Kế hoạch số 1/KH-UBND)", "(Kèm theo Quyết định số 2)", "CHỈ THỊ",
                                 "| TT | Nhiệm vụ | Cơ quan chủ trì |", "| 1 | Rà soát | Sở Y tế |", "Câu văn.", "",
                                 "Chương I", "CHƯƠNG II", "QUY ĐỊNH CHUNG", "Mục 1", "Điều 3. Hiệu lực",
                                 "1. Ban hành kèm theo Nghị quyết này Chương trình.", "III", "II. KINH PHÍ (chi tiết)",
                                 "1. 100% cán bộ được tập huấn."]),
                max_size=40))
def test_coverage_and_nesting_on_document_part_soup(lines):
    text = "\n".join(lines)
    o = segment(text)
    assert _covered(text, o)
    ids = [s.id for top in o.sections for s in top.walk()]
    assert len(ids) == len(set(ids))
    ends = [o.preamble[1]] if o.preamble else [0]
    for top in o.sections:
        assert top.span[0] >= ends[-1] - 0 and top.span[0] <= top.span[1]
        ends.append(top.span[1])
        for s in top.walk():
            a, b = s.body_span
            assert text[a:b] == s.text and s.span[0] <= a <= b <= s.span[1]
            for c in s.children:
                assert s.span[0] <= c.span[0] and c.span[1] <= s.span[1]
    if o.footer:
        assert all(not (top.span[0] < o.footer[0] < top.span[1]) for top in o.sections)


@pytest.mark.parametrize("key", ["001", "003", "004", "006", "012", "015", "016", "021", "025", "026", "028",
                                 "031", "033", "035", "038", "040", "041"])
def test_corpus_coverage_and_spans(key):
    d = _corpus(key)
    assert _covered(d.text, segment(d.text))
    for s in d.walk():
        a, b = s.body_span
        assert d.text[a:b] == s.text and s.span[0] <= a <= b <= s.span[1]


def test_attached_plan_without_signature_block():
    # a web copy of a Quyết định that lost its signature: the plan's title still ends Điều 2
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Các sở chịu trách nhiệm thi hành.\n"
            "KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ\n(Kèm theo Quyết định số 5/QĐ-UBND)\nI. MỤC TIÊU\nNội dung.")
    o = segment(text)
    assert [s.number for s in o.sections] == ["I"]  # the issued plan's outline
    assert text[o.preamble[0]:o.preamble[1]].rstrip().endswith("(Kèm theo Quyết định số 5/QĐ-UBND)")
    assert _covered(text, o)


# --- repeated top-level numbers (corpus 003) ----------------------------------------------------

_REPEAT = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nnội dung\nII. PHẠM VI\nnội dung\nIII. NỘI DUNG\nnội dung\n"
           "IV. PHÂN CÔNG NHIỆM VỤ\n1. Công an thành phố\na) Tham mưu tổ chức thực hiện.\n2. Sở Tài chính\n"
           "IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường:\n"
           "a) Căn cứ chức năng và nhiệm vụ được giao tại Kế hoạch này, xây dựng kế hoạch cụ thể.\n"
           "2. Giao Công an thành phố có trách nhiệm theo dõi, hướng dẫn, đôn đốc các sở, ban, ngành thành phố "
           "triển khai, thực hiện Kế hoạch nghiêm túc, hiệu quả./.")


def test_repeated_top_number_on_a_part_title_starts_a_new_part():
    o = segment(_REPEAT)
    assert [s.id for s in o.sections] == ["I", "II", "III", "IV", "IV~2"]
    assert [s.number for s in o.sections][-2:] == ["IV", "IV"]
    iv, iv2 = o.sections[-2], o.sections[-1]
    assert iv.heading == "PHÂN CÔNG NHIỆM VỤ" and [c.id for c in iv.children] == ["IV/1", "IV/2"]
    assert iv2.heading == "TỔ CHỨC THỰC HIỆN" and iv2.kind == "implementation"
    assert [c.id for c in iv2.children] == ["IV~2/1", "IV~2/2"]
    assert "TỔ CHỨC THỰC HIỆN" not in iv.children[-1].text  # no longer swallowed by IV/2
    assert iv.span[1] < iv2.span[0] and _covered(_REPEAT, o)
    assert [w.code for w in o.warnings] == ["outline-numbering"] and "IV~2" in o.warnings[0].message


def test_repeated_number_warning_reaches_the_document():
    d = vnplan.parse(_REPEAT)
    assert "outline-numbering" in [w.code for w in d.warnings]
    assert vnplan.parse("I. MỤC TIÊU\nnội dung\nII. NHIỆM VỤ\nnội dung").warnings == []


def test_backward_top_number_and_numbers_that_are_no_part():
    # going back to a part title: a new part too
    o = segment("I. MỤC TIÊU\nnội dung\nII. NHIỆM VỤ\nnội dung\nIII. KINH PHÍ\nnội dung\nII. TỔ CHỨC THỰC HIỆN\nnội dung")
    assert [s.id for s in o.sections] == ["I", "II", "III", "II~2"] and o.sections[-1].kind == "implementation"
    # a repeated number on running prose, or on a line naming no part, stays text
    text = ("I. MỤC TIÊU\nnội dung\nII. NHIỆM VỤ\nnội dung\n"
            "II. Nhiệm vụ của các sở được thực hiện theo quy định hiện hành của pháp luật, bảo đảm hiệu quả.\n"
            "I. KHEN THƯỞNG\nnội dung")
    o = segment(text)
    assert [s.id for s in o.sections] == ["I", "II"] and o.warnings == []
    assert "II. Nhiệm vụ của các sở" in o.sections[1].text and "I. KHEN THƯỞNG" in o.sections[1].text


# --- headings of run-in items -------------------------------------------------------------------

def test_run_in_items_have_no_heading():
    # corpus 004 (Chỉ thị): items 1-3 are running prose, 4 is headed by the body charged
    text = ("CHỈ THỊ\nVỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ, BẢO VỆ TÀI NGUYÊN NƯỚC DƯỚI ĐẤT\nNước là tài nguyên quý.\n"
            "1. Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm tổ chức, thực hiện hiệu quả "
            "và chấp hành nghiêm quy định của Luật Tài nguyên nước; thực hiện tốt công tác quản lý.\n"
            "Hoạt động thăm dò phải tuân thủ đúng quy định của Pháp luật.\n"
            "2. Kết hợp hoặc luân phiên khai thác nước mặt với khai thác nước dưới đất, nước mưa và tăng cường "
            "tuần hoàn, tái sử dụng nước nhằm tối ưu hóa việc sử dụng nguồn nước.\n"
            "3. Tuân thủ nguyên tắc khoanh định vùng cấm. Bảo đảm yêu cầu bảo vệ nước dưới đất.\n"
            "4. Sở Nông nghiệp và Môi trường\na) Tăng cường công tác tuyên truyền, phổ biến, tập huấn các quy định.\n")
    o = segment(text)
    assert [s.heading for s in o.sections] == [None, None, None, "Sở Nông nghiệp và Môi trường"]
    first = o.sections[0]
    assert first.text.startswith("Các cơ quan quản lý nhà nước") and first.text.endswith("đúng quy định của Pháp luật.")
    assert text[first.body_span[0]:first.body_span[1]] == first.text
    assert o.sections[2].text.startswith("Tuân thủ nguyên tắc") and {s.kind for s in o.sections} == {"tasks"}


def test_labels_and_whole_line_headings():
    o = segment("I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì, phối hợp với các sở theo dõi, đôn đốc thực hiện.\n"
                "a) Cơ quan chủ trì: Sở Y tế.\nb) Thời gian thực hiện: Từ năm 2025 đến hết năm 2030.\n"
                "2. Đảng đoàn Hội đồng Nhân dân tỉnh\nlãnh đạo thể chế hóa.\n"
                "3. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông\nnội dung\n"
                "4. Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường:\na) xây dựng kế hoạch.")
    s1, s2, s3, s4 = o.sections[0].children
    assert s1.heading == "Sở Nội vụ" and s1.text.startswith("chủ trì, phối hợp")
    assert [c.heading for c in s1.children] == ["Cơ quan chủ trì", "Thời gian thực hiện"]
    assert s2.heading == "Đảng đoàn Hội đồng Nhân dân tỉnh" and s2.text == "lãnh đạo thể chế hóa."
    assert s3.heading == "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông"
    assert s4.heading == "Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường"
    # seeds 001/003: a title alone on its line keeps it, however long
    o = segment("I- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tiếp tục nâng cao nhận thức về vị trí, vai trò, tầm quan trọng "
                "của đội ngũ trí thức\nNội dung.\nII- TỔ CHỨC THỰC HIỆN\n1. Mục đích\nNội dung.")
    assert [c.heading for s in o.sections for c in s.children] == [
        "Tiếp tục nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức", "Mục đích"]


def test_one_sentence_line_is_a_heading_only_over_its_sub_items():
    # a short resolution clause alone on its line heads the items under it
    o = segment("QUYẾT NGHỊ\nI-Thông qua Báo cáo chính trị trình Đại hội lần thứ XX.\n"
                "1. Đánh giá tình hình thực hiện Nghị quyết\nNội dung.")
    assert o.sections[0].heading == "Thông qua Báo cáo chính trị trình Đại hội lần thứ XX"
    assert o.sections[0].text == ""
    # corpus 021: a long one (more than run_on_words words) runs on: no heading (GOLD rule 3)
    o = segment("QUYẾT NGHỊ\nI-Tán thành những nội dung cơ bản về đánh giá tình hình 5 năm (2015 - 2020) "
                "đã nêu trong Báo cáo chính trị trình Đại hội.\n1. Đánh giá tình hình thực hiện Nghị quyết\nNội dung.")
    assert o.sections[0].heading is None and o.sections[0].text.startswith("Tán thành")
    # corpus 028: one-sentence items followed by their siblings are running prose
    text = ("Mở đầu.\n2.1. Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá, đảm bảo phù hợp với quy định "
            "tại Nghị định số 61/2018/NĐ-CP.\n2.2. Xây dựng hệ thống đánh giá hài lòng về giải quyết thủ tục "
            "hành chính và triển khai hệ thống đánh giá đến các sở, ban, ngành.")
    o = segment(text)
    assert [s.heading for s in o.sections] == [None, None]
    assert o.sections[0].text.startswith("Thống nhất tiêu chí") and o.sections[1].text.endswith("ban, ngành.")
    # a short sentence or one in capitals is a heading ("1. Mục đích.")
    o = segment("I. MỤC ĐÍCH, YÊU CẦU.\n1. Mục đích.\nnội dung\n2. Yêu cầu.\nnội dung")
    assert [s.heading for s in o.sections[0].walk()] == ["MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Yêu cầu"]


def test_bold_lead_is_a_heading_in_uncleaned_markdown():
    o = segment("I. NHIỆM VỤ\n**1. Tăng cường công tác tuyên truyền.** Các cơ quan, đơn vị tổ chức tuyên truyền "
                "sâu rộng đến cán bộ, đảng viên và Nhân dân.\n2. Các cơ quan, đơn vị tổ chức kiểm tra, giám sát "
                "thường xuyên việc thực hiện. Báo cáo kết quả.")
    a, b = o.sections[0].children
    assert a.heading == "Tăng cường công tác tuyên truyền" and a.text.startswith("Các cơ quan")
    assert b.heading is None and b.text.startswith("Các cơ quan, đơn vị tổ chức kiểm tra")


def test_run_in_kind_reads_the_first_words():
    o = segment("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục tiêu: giảm 10% số người nghiện ma túy.\n"
                "2. Nhiệm vụ của các cơ quan, đơn vị là tổ chức tuyên truyền sâu rộng, thường xuyên, liên tục "
                "đến cán bộ, đảng viên. Kiểm tra thường xuyên.\n3. Mục tiêu chung. Phấn đấu đến năm 2030 giảm.")
    a, b, c = o.sections[0].children
    assert (a.heading, a.kind) == ("Mục tiêu", "objectives")
    assert (b.heading, b.kind) == (None, "purpose")  # a long running clause keeps its parent's kind
    assert (c.heading, c.kind) == ("Mục tiêu chung", "objectives")
    assert c.text.startswith("Phấn đấu")


# --- body-named sections without kind-bearing parts ----------------------------------------------

def test_body_named_sections_are_tasks_without_type_line():
    text = ("Mở đầu văn bản.\n1. Năm 2024 kinh tế tăng trưởng khá, thu ngân sách vượt dự toán được giao.\n"
            "2. Đời sống nhân dân được cải thiện rõ rệt ở mọi vùng trong tỉnh.\n"
            "3. Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội bảo đảm.\n"
            "4. Công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển biến.\n"
            "5. Sở Nông nghiệp và Môi trường\na) Tăng cường tuyên truyền.\n"
            "6. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành\nchỉ đạo thực hiện.\n"
            "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố\nphối hợp tuyên truyền.")
    o = segment(text)
    assert [s.kind for s in o.sections] == ["other"] * 4 + ["tasks"] * 3
    assert o.sections[4].children[0].kind == "tasks"
    # in a plan with kind-bearing parts a body-named child keeps its parent's kind
    o = segment("I. MỤC TIÊU\n1. Sở Y tế\nnội dung\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nnội dung")
    assert [c.kind for s in o.sections for c in s.walk()] == ["objectives", "objectives", "implementation",
                                                              "implementation"]
