"""The cleaner on real text: snippets copied from the seeds and the corpus, the whole seeds, and
property tests (idempotent, never raises, invents no letters, loses no Vietnamese words)."""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.clean import clean
from vnplan.lang.text import strip_accents, tone_style

CORPUS = Path("/work/shared/corpus")


def lines(raw: str) -> list:
    return clean(raw).text.split("\n")


# --- characters ---------------------------------------------------------------------------

def test_nfc_and_modern_tone_style():
    raw = unicodedata.normalize("NFD", "Tỉnh uỷ chỉ đạo công nghiệp hoá")
    assert clean(raw).text == "Tỉnh ủy chỉ đạo công nghiệp hóa"


def test_cjk_injected_in_seed_001_removed_and_reported(seeds):
    raw = seeds["001"]
    start = raw.index("栽培")
    c = clean(raw)
    assert "栽培" not in c.text
    assert "trọng dụng, ngộ thỏa đáng" in c.text
    w = [w for w in c.warnings if w.code == "foreign-script"]
    assert len(w) == raw.count("栽培")
    assert w[0].span == [start, start + 2]
    assert "栽培" in w[0].message and "CJK" in w[0].message


def test_cyrillic_lookalike_inside_word_removed_symbols_kept():
    c = clean("Tăng trưởng đạt 7,5% → vượt chỉ tiêu; nhiệt độ 30°C, § 2, «trí thức» • xâу dựng")
    assert "у" not in c.text  # Cyrillic u
    assert "7,5% → vượt" in c.text and "30°C" in c.text and "§ 2" in c.text
    assert "«trí thức» •" in c.text
    assert [w.code for w in c.warnings] == ["foreign-script"]
    assert "CYRILLIC" in c.warnings[0].message


def test_text_in_another_script_is_kept_and_reported_once():
    c = clean("中文文本，没有越南语。这是一个测试。")
    assert c.text == "中文文本，没有越南语。这是一个测试。"
    assert c.warnings == []  # the pipeline's language check owns "no-vietnamese"
    doc = vnplan.parse("中文文本，没有越南语。这是一个测试。", strict=True)
    assert [w.code for w in doc.warnings].count("no-vietnamese") == 1


def test_entities_zero_width_nbsp_soft_hyphen():
    c = clean("Sở Kế hoạch &amp; Đầu tư\u00a0tỉnh; Hội\u200b Nông\u00addân &amp;lt;b&amp;gt; – 2025")
    assert c.text == "Sở Kế hoạch & Đầu tư tỉnh; Hội Nôngdân <b> – 2025"


# --- artefacts and footnotes ----------------------------------------------------------------

def test_bookmarks_removed(seeds):
    text = clean(seeds["004"]).text
    assert "[bookmark" not in text and "footnoteRef" not in text
    assert "Hà Giang, ngày tháng 02 năm 2024" in text.split("\n")


def test_word_footnotes_of_seed_004(seeds):
    c = clean(seeds["004"])
    assert [f.id for f in c.footnotes] == ["1", "2"]
    f1, f2 = c.footnotes
    assert f1.text.startswith("Quyết định số 216/QĐ-UBND, ngày 31/01/2019 của Ủy ban nhân dân tỉnh")
    assert f1.text.endswith("con em của tỉnh về công tác tại xã đặc biệt khó khăn;...")
    assert f2.text.startswith("Đã có trên 38.000 lượt người được bồi dưỡng lý luận chính trị")
    assert "[1:" not in c.text and "38.000 lượt" not in c.text
    # the span is where the reference mark stood: right after "thu hút nhân tài"
    assert c.text[:f1.span[0]].endswith("thu hút nhân tài")
    assert c.text[:f2.span[0]].endswith("cho đội ngũ cán bộ, trí thức")
    assert c.text[f2.span[0]:].startswith(". Đẩy mạnh liên kết đào tạo")


def test_markdown_footnote_of_corpus_003():
    raw = (CORPUS / "003_cantho-kh153-ubnd-ctmtqg-ma-tuy.txt").read_text(encoding="utf-8")
    c = clean(raw)
    assert [f.id for f in c.footnotes] == ["1"]
    assert c.footnotes[0].text.startswith("Nghị quyết số 163/2024/QH15 ngày 27/11/2024")
    assert c.text[:c.footnotes[0].span[0]].endswith("các văn bản có liên quan")
    assert "[1]" not in c.text


def test_markdown_emphasis_and_lone_asterisk():
    raw = ("**ỦY BAN NHÂN DÂN**\nTHÀNH PHỐ CẦN THƠ\n\n**1. Mục\nđích**\n\n*1.1. *Quán triệt"
           "\nvà triển khai *“rõ người, rõ việc”* chỉ tiêu (*).\n\n__Ghi chú__")
    assert lines(raw) == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "1. Mục đích",
                          "1.1. Quán triệt và triển khai “rõ người, rõ việc” chỉ tiêu (*).",
                          "Ghi chú"]
    assert lines(" \tTỈNH ỦY ĐIỆN BIÊN\n\n*\n\nSố 83-KH/TU") == ["TỈNH ỦY ĐIỆN BIÊN", "Số 83-KH/TU"]


def test_markdown_heading_table_and_separator_rows():
    raw = "## II. NHIỆM VỤ\n| TT | Nội dung |\n|---|---|\n| 1 |  Rà soát   quy hoạch |\n-----\nHết."
    assert lines(raw) == ["II. NHIỆM VỤ", "| TT | Nội dung |", "| 1 | Rà soát quy hoạch |", "Hết."]


def test_flattened_web_table_rebuilt_as_rows():
    raw = (CORPUS / "006_hanoi-kh310-ubnd-ha-tang-5g-iot.txt").read_text(encoding="utf-8")
    out = lines(raw)
    assert "| TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |" in out
    row = next(x for x in out if x.startswith("| 6 |"))
    assert row.endswith("| Ban Quản lý các khu công nghệ cao và khu công nghiệp "
                        "| Sở Khoa học và Công nghệ | Hàng năm |")


# --- reflow ---------------------------------------------------------------------------------

SEED_002_OPENING = (" KẾ HOẠCH \n\nthực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023  \n\n"
                    "của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng  \n\n"
                    "và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển  \n"
                    "đất nước nhanh và bền vững trong giai đoạn mới \n\n----- \n\n"
                    "Thực hiện Chương trình hành động số 44-CTr/TU, ngày 28/3/2024 của Ban \n\n"
                    "Thường vụ Tỉnh ủy Lai Châu về thực hiện Nghị quyết số 45-NQ/TW, ngày \n\n"
                    "24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây \n\n"
                    "dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất \n\n"
                    "nước nhanh và bền vững trong giai đoạn mới (sau đây viết tắt là Chương trình \n\n"
                    "hành động số 44-CTr/TU). Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện \n\n"
                    "như sau: \n\nI. MỤC ĐÍCH, YÊU CẦU  \n\n1. Mục đích \n\n"
                    "Quán triệt, tuyên truyền và triển khai thực hiện có hiệu quả Nghị quyết số 45-\n\n"
                    "NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII; \n\n"
                    "Chương trình hành động số 44-CTr/TU, ngày 28/3/2024 của Ban Thường vụ \n\n"
                    "Tỉnh ủy Lai Châu về thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của \n\n"
                    "Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và phát huy \n\n")


def test_seed_002_pdf_lines_reflowed():
    out = lines(SEED_002_OPENING)
    assert out[0] == "KẾ HOẠCH"
    assert out[1] == ("thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương "
                      "Đảng khóa XIII về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức "
                      "đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới")
    assert out[2].startswith("Thực hiện Chương trình hành động số 44-CTr/TU, ngày 28/3/2024 của Ban "
                             "Thường vụ Tỉnh ủy")
    assert out[2].endswith("ban hành kế hoạch thực hiện như sau:")
    assert out[3:5] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert out[5].startswith("Quán triệt, tuyên truyền và triển khai thực hiện có hiệu quả Nghị "
                             "quyết số 45-NQ/TW, ngày 24/11/2023")


def test_seed_002_whole(seeds):
    out = lines(seeds["002"])
    assert "I. MỤC ĐÍCH, YÊU CẦU" in out and "IV. TỔ CHỨC THỰC HIỆN" in out
    assert "Kế hoạch số 20-KH/TW" in clean(seeds["002"]).text
    i = out.index("Nơi nhận:")
    assert out[i + 1] == "T/M BAN THƯỜNG VỤ"  # two columns merged on one line in the PDF
    assert "- Thường trực Huyện ủy, HĐND huyện, Lãnh đạo UBND huyện," in out
    assert out[-2:] == ["PHÓ BÍ THƯ", "Cao Trang Trọng"]
    assert not any(x.startswith(("NQ/TW", "KH/TW")) for x in out)


def test_pdf_without_paragraph_spacing_keeps_numbered_headings(seeds):
    # seed 002 as a PDF reader gives it back when the blank line after every line is lost:
    # one line per printed line, a blank line only at each page break (every 10 lines)
    printed = [x for x in seeds["002"].split("\n") if x.strip()]
    raw = "\n\n".join("\n".join(printed[i:i + 10]) for i in range(0, len(printed), 10))
    out = lines(raw)
    assert out[3:6] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", out[5]]
    assert out[5].startswith("Quán triệt, tuyên truyền")
    assert "2. Yêu cầu" in out and "2.2. Tầm nhìn đến năm 2045" in out
    assert out == lines(seeds["002"])  # the same text as from the double-spaced export


def test_blank_line_paragraphs_still_join_short_numbered_first_lines():
    # web text: blank lines separate paragraphs, a hard break after "Bộ" is inside one
    raw = (CORPUS / "003_cantho-kh153-ubnd-ctmtqg-ma-tuy.txt").read_text(encoding="utf-8")
    assert "d) Phối hợp chặt chẽ với Bộ Công an, triển khai thực hiện" in clean(raw).text


def test_seed_001_page_break_inside_sentence(seeds):
    text = clean(seeds["001"]).text
    assert "lãnh đạo, chỉ đạo tổ chức nghiên cứu, học tập, quán triệt" in text
    out = text.split("\n")
    assert out[:3][0] == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert "II- MỤC TIÊU" in out and "1. Mục tiêu đến năm 2030" in out
    assert out[-3:] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Vũ Mạnh Hà"]  # was "**T/M ...\nPHÓ BÍ THƯ**"


def test_seed_004_header_keeps_its_lines(seeds):
    out = lines(seeds["004"])
    assert out[:4] == ["TỈNH ỦY HÀ GIANG", "Số -CTr/TU", "(dự thảo)", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert out[5:7] == ["CHƯƠNG TRÌNH", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"]
    assert out[7].startswith("thực hiện Nghị quyết số 45-NQ/TW") and out[7].endswith("giai đoạn mới")
    assert "- Các ban, sở, ngành Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh," in out


def test_seed_003_two_column_header_and_trich_yeu(seeds):
    out = lines(seeds["003"])
    assert out[:5] == ["TỈNH ỦY ĐIỆN BIÊN", "Số 83-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                       "Điện Biên, ngày 27 tháng 8 năm 2019", "KẾ HOẠCH"]
    assert out[5] == ("triển khai Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư về tiếp tục thực "
                      "hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức trong thời kỳ "
                      "đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước")
    assert "I- MỤC ĐÍCH, YÊU CẦU" in out


def test_column_gaps_become_one_tab():
    assert clean("Số 83-KH/TU\t\t   ĐẢNG CỘNG SẢN VIỆT NAM").text == "Số 83-KH/TU\tĐẢNG CỘNG SẢN VIỆT NAM"
    assert clean("TỈNH ỦY        ĐẢNG CỘNG SẢN").text == "TỈNH ỦY\tĐẢNG CỘNG SẢN"
    assert clean("Số    -CTr/TU  ngày").text == "Số -CTr/TU ngày"


def test_corpus_bold_heading_split_over_two_lines():
    raw = ("thời phản ánh về Bộ Công an để tổng hợp.\n\n**IV. TỔ CHỨC\nTHỰC HIỆN**\n\n"
           "1. Bộ trưởng Bộ Công an có\ntrách nhiệm giúp Thủ tướng Chính phủ theo dõi, kiểm tra,"
           " đôn đốc các bộ, cơ\nquan ngang bộ.\n\n**IV. TỔ**\n**CHỨC THỰC HIỆN**")
    assert lines(raw) == ["thời phản ánh về Bộ Công an để tổng hợp.", "IV. TỔ CHỨC THỰC HIỆN",
                          "1. Bộ trưởng Bộ Công an có trách nhiệm giúp Thủ tướng Chính phủ theo dõi,"
                          " kiểm tra, đôn đốc các bộ, cơ quan ngang bộ.", "IV. TỔ CHỨC THỰC HIỆN"]


def test_corpus_header_cells_and_signature():
    raw = (CORPUS / "026_dongthap-kh556-ubnd-thuc-hien-nq48-cp-tai-nguyen-bien.txt").read_text(
        encoding="utf-8")
    out = lines(raw)
    assert out[:7] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc", "Số: 556/KH-UBND",
                       "Đồng Tháp, ngày 19 tháng 11 năm 2025", "KẾ HOẠCH"]
    assert "- VPUB: CVP, các PCVP, các Phòng: ĐTQH, TH, KGVX, NgV;" in out
    assert out[-4:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Diệu"]


def test_dash_inside_a_wrapped_sentence_is_not_a_bullet():
    raw = (CORPUS / "003_cantho-kh153-ubnd-ctmtqg-ma-tuy.txt").read_text(encoding="utf-8")
    assert "vai trò chủ động, tích cực của Công an thành phố - Thường trực tham mưu" in clean(raw).text


def test_place_date_split_over_lines_rejoined_without_pipes():
    raw = (CORPUS / "027_vinhlong-kh43-ubnd-kinh-te-so-2025-2030.txt").read_text(encoding="utf-8")
    out = lines(raw)
    assert "Vĩnh Long, ngày 06 tháng 6 năm 2022" in out and "KẾ HOẠCH" in out
    assert "I. MỤC TIÊU" in out


def test_page_numbers_and_image_lines_dropped():
    raw = ("đội ngũ trí thức trong\n\n- 3 -\n\nthời kỳ mới.\n12\nTrang 4/10\n"
           "tit-phu-cho-chuong-trinh-hanh-dong-1.png\n- Quán triệt nghị quyết.")
    assert lines(raw) == ["đội ngũ trí thức trong thời kỳ mới.", "- Quán triệt nghị quyết."]


def test_no_blank_lines_and_lines_stripped_on_every_document(seeds):
    docs = list(seeds.values()) + [p.read_text(encoding="utf-8") for p in CORPUS.glob("0*.txt")]
    for raw in docs:
        text = clean(raw).text
        assert text and "\n\n" not in text and "**" not in text and "\r" not in text
        assert all(x == x.strip() for x in text.split("\n"))
        assert clean(text).text == text  # idempotent on real documents


# --- properties ---------------------------------------------------------------------------

def _alnum(s: str) -> Counter:
    return Counter(strip_accents(c).lower() for c in s if c.isalnum())


VIET = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị"
               "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂĐÊÔƠƯ0123456789 .,;:-()\n\t*|#_[]/", max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_idempotent_on_any_text(s):
    c = clean(s)
    assert isinstance(c.text, str)
    assert not any(w.code == "clean-error" for w in c.warnings)
    assert clean(c.text).text == c.text


@settings(max_examples=300, deadline=None)
@given(VIET)
def test_idempotent_and_no_letter_invented_or_lost_on_vietnamese_like_text(s):
    c = clean(s)
    assert clean(c.text).text == c.text
    out, inp = _alnum(c.text), _alnum(tone_style(unicodedata.normalize("NFC", s)))
    assert not out - inp  # nothing invented
    # what is lost can only be page numbers / footnote marks (digits alone on their line)
    lost = inp - out
    assert all(ch.isdigit() for ch in lost)


def test_huge_inputs_do_not_hang():
    for raw in ("nghị quyết " * 500_000, "\n".join(f"{i}. Nhiệm vụ" for i in range(100_000)),
                "1" * 50_000, "[1: " * 100_000, "**a\n" * 50_000, "|\n" * 100_000):
        assert isinstance(clean(raw).text, str)


def test_lone_hash_line_is_an_empty_heading():
    # found by hypothesis: "#" alone was kept and joined ("# a"), and a second pass dropped it
    assert clean("#\na").text == "a"
    assert clean("## II. NHIỆM VỤ\n#\nNội dung.").text == "II. NHIỆM VỤ\nNội dung."


@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", "\x00\x01", "\ud800", "|", "*", "[1:", "&#0;"])
def test_degenerate_inputs(raw):
    assert isinstance(clean(raw).text, str)


def test_heading_in_capitals_ending_with_a_number_word_is_not_joined_to_the_next_item():
    # "ĐIỂM" / "PHẦN" in capitals end a heading; lower-case "tại điểm" still runs on to "1."
    text = ("Điều 1. Phê duyệt Kế hoạch thực hiện với các nội dung chính sau đây:\n"
            "I. MỤC TIÊU VÀ QUAN ĐIỂM\n"
            "1. Phát triển hạ tầng số là nhiệm vụ trọng tâm của các cấp, các ngành trên địa bàn.\n"
            "II. NỘI DUNG CỦA PHẦN\n"
            "2. Nâng cao chất lượng dịch vụ công trực tuyến toàn trình của tỉnh.")
    out = clean(text).text
    assert "QUAN ĐIỂM\n1. Phát triển" in out and "CỦA PHẦN\n2. Nâng" in out
    assert clean(out).text == out
    assert "thực hiện theo điểm 2. Kế hoạch" in clean(
        "Các sở, ngành thực hiện theo điểm\n2. Kế hoạch số 15/KH-UBND của tỉnh.").text


def test_lone_surrogates_become_replacement_characters_with_a_warning():
    out = clean("Sở Nội vụ \ud800 chủ trì, \udfff phối hợp.")
    assert out.text == "Sở Nội vụ \ufffd chủ trì, \ufffd phối hợp."
    assert [w.code for w in out.warnings] == ["surrogate"] and "2 lone" in out.warnings[0].message
    out.text.encode("utf-8")
    assert clean(out.text).text == out.text


def test_type_lines_come_from_the_one_list_of_document_types():
    # the cleaner keeps no list of its own: every type of doctypes.yaml, in capitals and alone
    # on its line, stays a line of its own (wrapped text would otherwise run on into it)
    from vnplan.clean.rules import _rules
    from vnplan.lang import vocab
    from vnplan.lang.docnumber import doc_types
    assert "doc_types" not in vocab.load("clean")
    assert {t.upper() for t in doc_types()} <= _rules()["doc_types"]
    for t in ("KẾ HOẠCH", "THÔNG TƯ", "PHỤ LỤC"):  # THÔNG TƯ: only in doctypes.yaml
        wrapped = "\n".join(["một dòng văn bản dài được ngắt ở cuối dòng và tiếp tục"] * 4)
        assert t in lines(wrapped + "\n" + t + "\n" + wrapped)


BARE_TABLE = (
    "III. NHIỆM VỤ CỤ THỂ\n"
    "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn\n"
    "1 | Rà soát quy hoạch vùng trồng | Sở Nông nghiệp và Môi trường | Sở Tài chính | Quý III/2026\n"
    "2 | Xây dựng cơ sở dữ liệu đất đai | Văn phòng Đăng ký đất đai | Sở Khoa học và Công nghệ | Tháng 10/2026\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "Giao Sở Tài chính bố trí kinh phí | nếu có.\n"
)


def test_a_table_flattened_without_outer_bars_becomes_markdown_rows():
    lines = clean(BARE_TABLE).text.split("\n")
    assert lines[1] == "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |"
    assert lines[3].startswith("| 2 | Xây dựng") and lines[3].endswith("| Tháng 10/2026 |")
    assert lines[5] == "Giao Sở Tài chính bố trí kinh phí | nếu có."  # one bar alone is no table
    assert clean(clean(BARE_TABLE).text).text == clean(BARE_TABLE).text


def test_a_bare_table_gives_its_rows_deadlines_and_bodies():
    doc = vnplan.parse("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n" + BARE_TABLE, strict=True)
    assert sorted(d.due for d in doc.deadlines) == ["2026-09-30", "2026-10-31"]
    roles = {(a.role, a.body) for a in doc.assignments}
    assert ("lead", "Văn phòng Đăng ký đất đai") in roles and ("coordinate", "Sở Tài chính") in roles


def test_a_numbered_item_after_a_time_word_is_the_next_item():
    # "hằng năm" ends the label's value; "2. Xây dựng ..." is the next item, not "năm 2"
    text = "1. Rà soát thủ tục\n- Thời gian thực hiện: hằng năm\n2. Xây dựng cơ sở dữ liệu\n"
    assert clean(text).text.split("\n")[-1] == "2. Xây dựng cơ sở dữ liệu"
    # a lower-case run-on still joins ("theo quy định tại khoản" / "2. điều này" stays one line)
    assert clean("được quy định tại khoản\n2. của Điều này.").text == "được quy định tại khoản 2. của Điều này."


def test_a_repeated_content_line_of_a_pdf_is_not_a_running_header():
    page = ["KẾ HOẠCH SỐ 45/KH-UBND", "Áp dụng mức hỗ trợ lãi suất cho các hộ dân vay vốn sản xuất từ năm",
            "2025 và các năm tiếp theo.",
            "Sở Tài chính chủ trì hướng dẫn thực hiện cho các địa phương trong tỉnh, báo cáo định kỳ."]
    text = clean("\n".join(page * 3)).text
    assert "KẾ HOẠCH SỐ 45/KH-UBND" not in text  # the real running header goes
    assert text.count("từ năm 2025 và các năm tiếp theo.") == 3  # the repeated sentence stays


@pytest.mark.parametrize("raw,fixed", [
    ("Hình thành ít nhất l5 vùng sản xuất tập trung.", "Hình thành ít nhất 15 vùng sản xuất tập trung."),
    ("Hoàn thành trước ngày 3l/12/2O26.", "Hoàn thành trước ngày 31/12/2026."),
    ("Tỷ lệ che phủ rừng đạt l0%.", "Tỷ lệ che phủ rừng đạt 10%."),
    # letters that belong where they stand are kept
    ("Nâng cấp Quốc lộ QL1A, giảm phát thải CO2 và H2O.", "Nâng cấp Quốc lộ QL1A, giảm phát thải CO2 và H2O."),
    ("Theo điểm l khoản 2 Điều 5; mã l23abc.", "Theo điểm l khoản 2 Điều 5; mã l23abc."),
])
def test_ocr_letters_inside_numbers_are_read_back(raw, fixed):
    out = clean(raw)
    assert out.text == fixed
    assert ("ocr-digits" in [w.code for w in out.warnings]) == (raw != fixed)
