"""References on real text: numbers of every shape, type/date/issuer, one entry per document,
own number excluded, implements vs cites, footnotes; and the seeds against their gold."""
from __future__ import annotations

import pytest

from vnplan.extract.references import (date_after, date_possible, extract_references,
                                       opening_span, top_level)
from vnplan.lang.docnumber import canonical_number, type_of_symbol
from vnplan.model import Document, Footnote, Metadata
from vnplan.pipeline import parse


def numbers(text, **kw):
    return [r.number for r in extract_references(text, **kw)]


def test_party_and_state_numbers():
    text = ("Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội, Nghị quyết số "
            "50/NQ-CP ngày 13/3/2025 của Chính phủ và Quyết định số 7619/QĐ-BCA ngày 08 tháng 9 năm "
            "2025 của Bộ trưởng Bộ Công an phê duyệt Chương trình; Kế hoạch số 20-KH/TW, ngày "
            "28/11/2023 của Bộ Chính trị; Đề án 07-ĐA/TU; Nghị định số 140/2017/NĐ-CP ngày 05/12/2017.")
    refs = {r.number: r for r in extract_references(text)}
    assert list(refs) == ["163/2024/QH15", "50/NQ-CP", "7619/QĐ-BCA", "20-KH/TW", "07-ĐA/TU",
                          "140/2017/NĐ-CP"]
    assert (refs["163/2024/QH15"].doc_type, refs["163/2024/QH15"].date,
            refs["163/2024/QH15"].issuer) == ("Nghị quyết", "2024-11-27", "Quốc hội")
    assert refs["7619/QĐ-BCA"].date == "2025-09-08"
    assert refs["7619/QĐ-BCA"].issuer == "Bộ trưởng Bộ Công an"
    assert (refs["20-KH/TW"].doc_type, refs["20-KH/TW"].issuer) == ("Kế hoạch", "Bộ Chính trị")
    assert refs["07-ĐA/TU"].doc_type == "Đề án" and refs["07-ĐA/TU"].date is None
    assert refs["140/2017/NĐ-CP"].doc_type == "Nghị định"


def test_spaced_number_counts_once_with_all_mentions():
    # corpus 023 writes "100 - KL/TW" and later "100-KL/TW"; corpus 006 "71/NQ -CP"
    text = ("quán triệt Kết luận số 100 - KL/TW ngày 18/8/2014 của Ban Bí thư “về việc đổi mới”, "
            "Kế hoạch số 25-KH/TU thực hiện Kết luận số 100-KL/TW của Ban Bí thư; Nghị quyết số 71/NQ -CP")
    refs = extract_references(text)
    assert [r.number for r in refs] == ["100-KL/TW", "25-KH/TU", "71/NQ-CP"]
    assert len(refs[0].mentions) == 2
    s, e = refs[0].mentions[0]
    assert text[s:e] == "100 - KL/TW"
    assert refs[0].issuer == "Ban Bí thư" and refs[0].date == "2014-08-18"


def test_not_references():
    text = ("Nghị quyết 27 về trí thức; ngày 24/11/2023; giai đoạn 2021-2030; hạ tầng 5G, IoT; "
            "quý I/2024; tỷ lệ 96,3%; T/M BAN THƯỜNG VỤ; COVID-19; 12-ABC")
    assert numbers(text) == []


def test_own_number_excluded():
    text = "Số: 182/KH-UBND\nThực hiện Quyết định số 7619/QĐ-BCA ngày 08/9/2025"
    assert numbers(text, own_number="182/KH-UBND") == ["7619/QĐ-BCA"]


def test_date_forms():
    for tail, iso in ((", ngày 24/11/2023 của", "2023-11-24"), (" ngày 24-11-2023", "2023-11-24"),
                      (" ngày 24 tháng 11 năm 2023", "2023-11-24"), (" ngày 31/02/2023", None),  # read by timex: no such day
                      (" về việc", None)):
        assert date_after(tail, 0)[0] == iso


def test_date_after_end_and_miss():
    tail = "15/KH-UBND ngày 05/3/2024 của UBND tỉnh"
    assert date_after(tail, 10) == ("2024-03-05", len("15/KH-UBND ngày 05/3/2024"))
    assert date_after("15/KH-UBND về việc 05/3/2024", 10) == (None, 10)


def test_type_from_symbol():
    assert type_of_symbol("-NQ/TW") == "Nghị quyết"
    assert type_of_symbol("/KH-UBND") == "Kế hoạch"
    assert type_of_symbol("-CTr/TU") == "Chương trình"
    assert type_of_symbol("/HĐ-UBND") == "Hợp đồng" and type_of_symbol("/HD-UBND") == "Hướng dẫn"


def test_implements_title_and_opening_but_not_can_cu():
    text = ("KẾ HOẠCH\nthực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương\n"
            "-----\nThực hiện Chương trình hành động số 44-CTr/TU, ngày 28/3/2024 của Ban Thường vụ "
            "Tỉnh ủy Lai Châu (sau đây viết tắt là Chương trình hành động số 44-CTr/TU). Ban Thường "
            "vụ Huyện ủy ban hành kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH\nKế hoạch số 20-KH/TW.\n")
    title = [text.index("thực hiện"), text.index("\n-----")]
    start = text.index("-----") + 6
    op = opening_span(text, start, text.index("I. MỤC"))
    assert op and text[op[0]:op[1]].endswith("như sau:")
    refs = {r.number: r.relation for r in extract_references(text, implement_spans=[title, op])}
    assert refs == {"45-NQ/TW": "implements", "44-CTr/TU": "implements", "20-KH/TW": "cites"}
    can_cu = "Căn cứ Nghị Quyết số 48/NQ-CP ngày 03/4/2023 của Chính phủ, Ủy ban nhân dân tỉnh ban hành kế hoạch:\n"
    assert opening_span(can_cu, 0, len(can_cu)) is None


def test_opening_must_be_first_body_paragraph():
    # seed 000: "Thực hiện tốt ..." mid-narrative is not an opening
    text = ("Công tác tuyên truyền, quán triệt, triển khai thực hiện Nghị quyết được chú trọng và đạt "
            "nhiều kết quả quan trọng trong những năm qua.\nThực hiện tốt cơ chế Nghị quyết số 27-NQ/TW.\n")
    assert opening_span(text, 0, len(text)) is None


def relations(doc):
    return {r.number: r.relation for r in doc.references}


def test_opening_sentence_as_first_line_without_header():
    # corpus 028: no header; the sentence naming the issuing body is the first line of the text
    doc = parse("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về "
                "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, Ủy "
                "ban nhân dân thành phố ban hành Kế hoạch triển khai như sau:\n"
                "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nThống nhất tiêu chí đánh giá theo quy định tại "
                "Nghị định số 61/2018/NĐ-CP và Quyết định số 20/QĐ-UBND.\n")
    assert relations(doc) == {"61/2018/NĐ-CP": "implements", "20/QĐ-UBND": "cites"}


CONTEXT = ("Nước là nguồn tài nguyên có vai trò đặc biệt quan trọng trong phát triển kinh tế - xã "
           "hội cũng như đời sống sinh hoạt của con người, theo Quyết định số 1132/QĐ-TTg.\n")


def test_issuing_opening_after_a_context_paragraph():
    # corpus 004 narrative, then a corpus 027 opening: still the preamble, before section I
    doc = parse("KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ\n" + CONTEXT +
                "Thực hiện Quyết định số 411/QĐ-TTg, ngày 31/3/2022 của Thủ tướng Chính phủ về việc "
                "phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định "
                "hướng đến năm 2030, UBND tỉnh ban hành Kế hoạch triển khai trên địa bàn tỉnh như sau:\n"
                "I. MỤC TIÊU\nPhát triển kinh tế số.\n")
    assert relations(doc) == {"1132/QĐ-TTg": "cites", "411/QĐ-TTg": "implements"}


def test_later_opener_without_issuing_clause_is_not_an_opening():
    # "về ban hành Kế hoạch" describes the cited document: no body issues this plan here
    text = (CONTEXT + "Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ về ban hành Kế "
            "hoạch triển khai Nghị quyết số 163/2024/QH15, các sở đã chủ động triển khai.\n")
    assert opening_span(text, 0, len(text)) is None
    text2 = CONTEXT + "Thực hiện tốt cơ chế Nghị quyết số 27-NQ/TW, các cấp ủy ban hành Kế hoạch.\n"
    assert opening_span(text2, 0, len(text2)) is None  # the subject is not capitalised


def test_documents_inside_a_description_are_cited():
    # corpus 006: 71/NQ-CP is named inside the description of Kế hoạch 139/KH-UBND; 57-NQ/TW is
    # inside two descriptions but also an item of the sentence
    text = ("Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá "
            "phát triển khoa học; Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ về ban hành "
            "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024; "
            "Kế hoạch số 139/KH-UBND ngày 16/5/2025 của UBND Thành phố về thực hiện Nghị quyết số "
            "71/NQ -CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động của Ban Thường vụ Thành ủy "
            "Hà Nội về triển khai Nghị quyết số 57-NQ/TW. UBND thành phố Hà Nội ban hành Kế hoạch "
            "phát triển hạ tầng 5G như sau:\nTheo Nghị quyết số 18-NQ/TU.\n")
    op = opening_span(text, 0, len(text))
    assert op and text[op[0]:op[1]].endswith("như sau:")
    refs = {r.number: r.relation for r in extract_references(text, opening_spans=[op])}
    assert refs == {"57-NQ/TW": "implements", "03/NQ-CP": "implements", "139/KH-UBND": "implements",
                    "71/NQ-CP": "cites", "18-NQ/TU": "cites"}


def test_items_joined_by_comma_and_va_are_top_level():
    # corpus 001: ", Nghị quyết số 50/NQ-CP ... và Quyết định số 7619/QĐ-BCA"; "(Nghị quyết số
    # 163/2024/QH15)" repeats an item
    text = ("Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương "
            "đầu tư Chương trình (Nghị quyết số 163/2024/QH15), Nghị quyết số 50/NQ-CP ngày 13/3/2025 "
            "của Chính phủ về ban hành Kế hoạch triển khai Nghị quyết số 163/2024/QH15 (Nghị quyết số "
            "50/NQ-CP) và Quyết định số 7619/QĐ-BCA ngày 08/9/2025 của Bộ trưởng Bộ Công an; Ủy ban "
            "nhân dân tỉnh ban hành Kế hoạch như sau:\n")
    op = opening_span(text, 0, len(text))
    refs = {r.number: r.relation for r in extract_references(text, opening_spans=[op])}
    assert refs == {"163/2024/QH15": "implements", "50/NQ-CP": "implements",
                    "7619/QĐ-BCA": "implements"}
    start = text.index("Thực hiện")
    assert not top_level(text, start, text.index("163/2024/QH15), N"))
    assert top_level(text, start, text.index("7619"))


def test_what_the_issued_plan_carries_out_is_implemented():
    # the issuing clause restarts the list: its first number is carried out, the ones inside
    # that number's description are cited
    text = ("Thực hiện Công văn số 1234/UBND-VX ngày 02/3/2025 của Ủy ban nhân dân tỉnh về việc triển "
            "khai Quyết định số 99/QĐ-TTg, Ủy ban nhân dân huyện ban hành Kế hoạch triển khai "
            "Quyết định số 7619/QĐ-BCA ngày 08/9/2025 của Bộ Công an về thực hiện Nghị quyết số "
            "50/NQ-CP như sau:\n")
    op = opening_span(text, 0, len(text))
    refs = {r.number: r.relation for r in extract_references(text, opening_spans=[op])}
    assert refs == {"1234/UBND-VX": "implements", "99/QĐ-TTg": "cites", "7619/QĐ-BCA": "implements",
                    "50/NQ-CP": "cites"}


def test_reference_date_consistent_with_its_number_and_the_citing_date():
    # corpus 003: the body writes "163/2024/QH15 ngày 27 tháng 11 năm 2025" (a typo, and after
    # the plan's own date), the footnote "27/11/2024"
    doc = Document(text="Triển khai Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025 phê duyệt[1]",
                   metadata=Metadata(date="2025-11-17"),
                   footnotes=[Footnote("1", "Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội",
                                       [74, 77])])
    from vnplan.extract import references
    references.apply(doc)
    (ref,) = doc.references
    assert ref.date == "2024-11-27" and ref.issuer == "Quốc hội"
    later = extract_references("Kế hoạch số 20-KH/TW ngày 28/11/2025 của Bộ Chính trị",
                               cited_before="2024-02")
    assert later[0].date is None and later[0].issuer == "Bộ Chính trị"
    assert date_possible("2024-02-15", None, "2024-02") and not date_possible("2024-03-01", None, "2024-02")
    assert not date_possible("2025-11-27", "2024", None)


def test_footnote_references_point_to_their_mark():
    doc = Document(text="thu hút nhân tài[1] góp phần", metadata=Metadata(),
                   footnotes=[Footnote("1", "Quyết định số 216/QĐ-UBND, ngày 31/01/2019 của Ủy ban "
                                            "nhân dân tỉnh Hà Giang", [16, 19])])
    from vnplan.extract import references
    references.apply(doc)
    (ref,) = doc.references
    assert (ref.number, ref.date, ref.mentions) == ("216/QĐ-UBND", "2019-01-31", [[16, 19]])
    assert ref.issuer == "Ủy ban nhân dân tỉnh Hà Giang"


def test_canonical():
    assert canonical_number("45 - NQ/TW") == "45-NQ/TW"
    assert canonical_number("45–NQ/TW") == "45-NQ/TW"


def test_never_raises():
    for t in ("", "\x00" * 10, "1" * 50000, "45-", "/NQ-CP", "Số 0-A/B " * 1000):
        extract_references(t, implement_spans=[[0, 5]], own_number="", opening_spans=[[0, 9]],
                           cited_before="2024")
        opening_span(t, 0, len(t))
    many = "Thực hiện Nghị quyết số 1/NQ-CP về x\n" * 100000
    assert opening_span(many, 0, len(many)) == [0, len(many.split("\n")[0])]


GOLD = {
    "000": {"27-NQ/TW": ("cites", None), "1568/QĐ-UBND": ("cites", "2009-10-06")},
    "001": {"45-NQ/TW": ("implements", "2023-11-24"), "20-KH/TW": ("implements", "2023-11-28"),
            "27-NQ/TW": ("cites", "2008-08-06"), "87-KH/TU": ("cites", "2022-05-20"),
            "14-KL/TW": ("cites", None)},
    "002": {"45-NQ/TW": ("implements", "2023-11-24"), "44-CTr/TU": ("implements", "2024-03-28"),
            "20-KH/TW": ("cites", None)},
    "003": {"52-KL/TW": ("implements", "2019-05-30"), "27-NQ/TW": ("cites", "2008-08-06")},
    "004": {"45-NQ/TW": ("implements", "2023-11-24"), "20-KH/TW": ("implements", "2023-11-28"),
            "27-NQ/TW": ("cites", "2008-08-06"), "216/QĐ-UBND": ("cites", "2019-01-31"),
            "140/2017/NĐ-CP": ("cites", "2017-12-05"), "07-ĐA/TU": ("cites", "2013-04-04")},
}


@pytest.mark.parametrize("key", sorted(GOLD))
def test_seeds(parsed, key):
    doc = parsed[key]
    got = {r.number: (r.relation, r.date) for r in doc.references}
    assert got == GOLD[key]
    for r in doc.references:
        assert r.mentions
        for s, e in r.mentions:
            assert 0 <= s <= e <= len(doc.text)  # a footnote mark may be zero-width


def test_header_number_never_a_reference_even_when_the_header_misses_it():
    # the number line comes after the place-date line; the exclusion reads the "Số ..." line itself
    text = ("ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY ĐÔ LƯƠNG\n"
            "- Đô Lương, ngày 09 tháng 6 năm 2023 Số 112-KH/HU\nKẾ HOẠCH\n"
            "thực hiện Chỉ thị số 21-CT/TW của Ban Bí thư về công tác phụ nữ\n"
            "Thực hiện Chỉ thị số 21-CT/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 112-KH/HU "
            "như sau:\nI. MỤC ĐÍCH\nTheo Quyết định số 15/QĐ-UBND của Ủy ban nhân dân huyện.\n")
    from vnplan.extract.references import header_numbers
    assert header_numbers(text, 0, len(text)) == ["112-KH/HU"]
    assert numbers(text, own_numbers=["112-KH/HU"]) == ["21-CT/TW", "15/QĐ-UBND"]
    doc = parse(text)
    assert [r.number for r in doc.references] == ["21-CT/TW", "15/QĐ-UBND"]
    # a type line in capitals naming a document is not an own number
    assert header_numbers("KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU\n", 0, 40) == []


def test_numbers_above_the_type_line_are_never_references():
    text = "TỈNH ỦY X\tSố: 7-KH/TU (thay Kế hoạch 3-KH/TU)\nKẾ HOẠCH\nthực hiện Nghị quyết số 09-NQ/TU\n"
    doc = Document(text=text, metadata=Metadata())
    t = text.index("KẾ HOẠCH")
    doc.metadata.spans = {"doc_type": [t, t + 8], "title": [t + 9, len(text) - 1]}
    from vnplan.extract import references as refmod
    refmod.apply(doc)
    assert [(r.number, r.relation) for r in doc.references] == [("09-NQ/TU", "implements")]


def test_document_described_inside_a_title_reference_is_cited():
    title = ("triển khai thực hiện Kết luận số 80-KL/TW, ngày 05/6/2024 của Ban Bí thư về tiếp tục "
             "thực hiện Nghị quyết số 33-NQ/TW của Ban Chấp hành Trung ương khóa XI về văn hóa")
    refs = extract_references(title, implement_spans=[[0, len(title)]])
    assert [(r.number, r.relation) for r in refs] == [("80-KL/TW", "implements"),
                                                      ("33-NQ/TW", "cites")]
    # a title that carries out two documents, or only one named after "về tiếp tục thực hiện"
    two = "thực hiện Nghị quyết số 45-NQ/TW của Bộ Chính trị và Kế hoạch số 20-KH/TW về trí thức"
    assert {r.relation for r in extract_references(two, implement_spans=[[0, len(two)]])} == \
        {"implements"}
    one = "về tiếp tục thực hiện Nghị quyết số 33-NQ/TW của Ban Chấp hành Trung ương"
    assert [r.relation for r in extract_references(one, implement_spans=[[0, len(one)]])] == \
        ["implements"]


# --- invented plans for the implements rules (GOLD.md rule 2) ----------------------------------

def relations(doc):
    return {r.number: r.relation for r in doc.references}


def test_directive_opening_chain_after_a_context_paragraph():
    # a Chỉ thị: a situation paragraph, then "Để tiếp tục thực hiện ...; ..., ...; ..." closed by
    # the body's directive: every document of the chain is carried out
    text = ("| ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 04/CT-UBND | "
            "Phú Yên, ngày 3 tháng 3 năm 2025 |\n\nCHỈ THỊ\n\nVề tăng cường phòng cháy rừng\n\n"
            "Thời gian qua, công tác phòng cháy rừng trên địa bàn tỉnh đã đạt nhiều kết quả, tuy nhiên "
            "số vụ cháy rừng vẫn còn cao, nhất là vào mùa khô; theo Quyết định số 1132/QĐ-TTg.\n\n"
            "Để tiếp tục thực hiện nghiêm\nChỉ thị số 12/CT-TTg ngày 5/5/2021 của Thủ tướng Chính phủ; "
            "Chỉ thị số 20-CT/TU ngày 6/6/2022, Kế hoạch số 88-KH/TU ngày 9/9/2022 của Ban Thường vụ "
            "Tỉnh ủy; Phương án số 15/PA-UBND ngày 1/2/2024 của UBND tỉnh, và để nâng cao hiệu quả "
            "phòng cháy rừng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Nông nghiệp chủ trì "
            "kiểm tra theo Thông tư số 25/2019/TT-BNNPTNT.\n")
    rel = relations(parse(text, strict=True))
    assert rel == {"1132/QĐ-TTg": "cites", "12/CT-TTg": "implements", "20-CT/TU": "implements",
                   "88-KH/TU": "implements", "15/PA-UBND": "implements",
                   "25/2019/TT-BNNPTNT": "cites"}


def test_a_later_paragraph_without_a_directive_is_no_opening():
    text = (CONTEXT + "Thực hiện Nghị quyết số 27-NQ/TW, các sở, ngành đã chủ động triển khai; nhiều "
            "kết quả được ghi nhận, các cơ quan yêu cầu:\n")
    assert opening_span(text, 0, len(text)) is None  # "các cơ quan": not a capitalised body


PLAN_REPEATING = (
    "UBND TỈNH HÒA BÌNH\nSố: 61/KH-UBND\nKẾ HOẠCH\nNâng cao năng lực thống kê giai đoạn 2026-2030\n"
    "Thực hiện Kế hoạch số 14-KH/TU ngày 2/7/2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết "
    "số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác thống kê, UBND tỉnh ban hành "
    "Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Triển khai thực hiện có hiệu "
    "quả Kế hoạch số 14-KH/TU của Ban Thường vụ Tỉnh ủy và Nghị quyết số 66-NQ/TW trên địa bàn tỉnh.\n"
    "\n- Triển khai nghiêm túc Nghị quyết số 99/NQ-CP ngày 3/3/2025 của Chính phủ.\n\n2. Yêu cầu\n\n"
    "Bám sát Quyết định số 7/QĐ-TTg.\n\nII. NHIỆM VỤ\n\n1. Sở Tài chính chủ trì rà soát số liệu.\n")


def test_purpose_item_repeating_a_preamble_document_makes_it_implemented():
    # 66-NQ/TW is named inside the description of 14-KH/TU in the opening (cited there), and the
    # purpose item names it again as carried out; 99/NQ-CP is named first in the purpose section
    rel = relations(parse(PLAN_REPEATING, strict=True))
    assert rel == {"14-KH/TU": "implements", "66-NQ/TW": "implements", "99/NQ-CP": "cites",
                   "7/QĐ-TTg": "cites"}


def test_purpose_item_repeating_a_can_cu_document_and_a_plural_enumeration():
    # a Quyết định cites the approvals under "Căn cứ"; the attached plan's purpose says it carries
    # them out, the later ones as "(Số A ... và số B)" after "các Quyết định"
    text = ("BỘ XÂY DỰNG\nSố: 12/QĐ-BXD\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH CẢNG CẠN\n"
            "BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Quy hoạch ngày 24/11/2017;\nCăn cứ Quyết định số "
            "979/QĐ-TTg ngày 22/8/2023 của Thủ tướng Chính phủ phê duyệt Quy hoạch cảng cạn; các Quyết "
            "định của Bộ trưởng phê duyệt điều chỉnh Quy hoạch (Số 31/QĐ-BXD ngày 2/1/2025 và số "
            "45/QĐ-BXD ngày 9/2/2025);\nCăn cứ Nghị định số 33/2025/NĐ-CP ngày 25/2/2025 của Chính phủ;"
            "\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này "
            "có hiệu lực kể từ ngày ký.\n\nKẾ HOẠCH\nTHỰC HIỆN QUY HOẠCH CẢNG CẠN\n\nI. MỤC ĐÍCH, YÊU "
            "CẦU\n\n1. Mục đích\n\na) Triển khai thực hiện có hiệu quả Quyết định số 979/QĐ-TTg của Thủ "
            "tướng Chính phủ và các Quyết định điều chỉnh (Số 31/QĐ-BXD và số 45/QĐ-BXD); bảo đảm "
            "tiến độ.\n\nII. NHIỆM VỤ\n\n1. Cục Đường bộ chủ trì theo dõi.\n")
    rel = relations(parse(text, strict=True))
    assert rel == {"979/QĐ-TTg": "implements", "31/QĐ-BXD": "implements", "45/QĐ-BXD": "implements",
                   "33/2025/NĐ-CP": "cites"}


def test_parenthesis_under_the_title_is_carried_out():
    text = ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\nSố: 20/2025/NQ-HĐND\nNGHỊ QUYẾT\nQUY ĐỊNH MỨC HỖ TRỢ "
            "XE BUÝT\n*(Thực hiện khoản 3 Điều 35 Luật Thủ đô số 39/2024/QH15)*\n*Căn cứ Luật Tổ chức "
            "chính quyền địa phương số 72/2025/QH15;*\nQUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh.\n")
    assert relations(parse(text, strict=True)) == {"39/2024/QH15": "implements", "72/2025/QH15": "cites"}


def test_dotted_and_tu_numbers_are_references():
    text = ("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 15/7/2025 của Chính phủ; Kết luận số 27-KL/TƯ "
            "ngày 2/2/2022 của Ban Bí thư; mục 1.2 của Phần II.\n")
    refs = {r.number: r.date for r in extract_references(text)}
    assert refs == {"66.2/2025/NQ-CP": "2025-07-15", "27-KL/TW": "2022-02-02"}


def test_can_cu_document_approving_what_the_title_carries_out():
    # the title names the carried-out document by name only; the "Căn cứ" decision that approves
    # it is carried out, a letter about carrying it out and the others are cited
    text = ("BỘ Y TẾ\nSố: 15/QĐ-BYT\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC PHÁT TRIỂN NGÀNH "
            "DƯỢC ĐẾN NĂM 2030\nBỘ TRƯỞNG BỘ Y TẾ\n\n*Căn cứ Nghị định số 95/2022/NĐ-CP ngày 15/11/2022 "
            "của Chính phủ;*\n\n*Căn cứ Quyết định số 1165/QĐ-TTg ngày 9/10/2023 của Thủ tướng Chính phủ "
            "phê duyệt Chiến lược phát\ntriển ngành Dược đến năm 2030;*\n\n*Căn cứ Công văn số "
            "55/VPCP-KGVX ngày 3/1/2024 của Văn phòng Chính phủ về kế hoạch thực hiện Chiến lược phát "
            "triển ngành dược;*\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    rel = relations(parse(text, strict=True))
    assert rel == {"95/2022/NĐ-CP": "cites", "1165/QĐ-TTg": "implements", "55/VPCP-KGVX": "cites"}


def test_an_opening_above_a_sentence_that_names_the_type_is_still_the_opening():
    # a header-less text: "Thực hiện ..." first, then the issuer's sentence naming "Kế hoạch"
    text = ("Kế hoạch hỗ trợ hộ nghèo sửa chữa nhà ở năm 2026\n"
            "Thực hiện Quyết định số 12/2025/QĐ-TTg ngày 05/3/2025 của Thủ tướng Chính phủ về hỗ trợ nhà ở.\n"
            "UBND Thành phố xây dựng Kế hoạch hỗ trợ 500 hộ nghèo, nội dung như sau:\n"
            "I. MỤC ĐÍCH\nBảo đảm hỗ trợ kịp thời.\n")
    doc = parse(text, strict=True)
    assert [(r.number, r.relation) for r in doc.references] == [("12/2025/QĐ-TTg", "implements")]
