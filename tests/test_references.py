"""References on real text: numbers of every shape, type/date/issuer, one entry per document,
own number excluded, implements vs cites, footnotes; and the seeds against their gold."""
from __future__ import annotations

import pytest

from vnplan.extract.references import (canonical_number, date_after, extract_references,
                                       opening_span, type_of_symbol)
from vnplan.model import Document, Footnote, Metadata


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
                      (" ngày 24 tháng 11 năm 2023", "2023-11-24"), (" ngày 31/02/2023", "2023-02-31"),
                      (" về việc", None)):
        assert date_after(tail, 0)[0] == iso


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
        extract_references(t, implement_spans=[[0, 5]], own_number="")


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
