"""Assignments on seed items, corpus-style labelled task lists and a markdown task table."""
from __future__ import annotations

import vnplan
from vnplan.model import Deadline
from vnplan.extract import assignments, links
from vnplan.lang.sections import SectionIndex


def roles(doc):
    return [(a.role, a.body) for a in doc.assignments]


def test_seed_001(parsed):
    got = roles(parsed["001"])
    assert ("lead", "Ban Thường vụ Tỉnh ủy") in got
    assert ("lead", "Ban Thường vụ Tỉnh đoàn") in got
    assert ("lead", "Ban Tuyên giáo Tỉnh ủy") in got
    assert ("report_to", "Ban Thường vụ Tỉnh ủy") in got
    assert ("coordinate", "các cơ quan liên quan") in got
    # authors of cited documents are not assigned anything
    assert not any(b in ("Ban Chấp hành Trung ương", "Bộ Chính trị") for _, b in got)


def test_seed_003_heading_only_bodies_and_report_via(parsed):
    doc = parsed["003"]
    got = roles(doc)
    assert ("lead", "Đảng đoàn Hội đồng Nhân dân tỉnh") in got
    assert ("lead", "Ban Cán sự Đảng UBND tỉnh") in got
    assert ("coordinate", "Ban Cán sự Đảng UBND tỉnh") in got
    assert ("coordinate", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh") in got
    assert ("report_to", "Ban Tuyên giáo Trung ương") in got
    # "(qua Ban Tuyên giáo Tỉnh ủy)" is the channel, not the receiver
    assert got.count(("report_to", "Ban Thường vụ Tỉnh ủy")) == 2
    assert got.count(("lead", "Ban Tuyên giáo Tỉnh ủy")) == 1
    for a in doc.assignments:
        assert a.section and a.section.startswith("III")
        assert " ".join(doc.text[a.span[0]:a.span[1]].split()) == a.body


def test_seed_004_generic_marked(parsed):
    doc = parsed["004"]
    by_body = {a.body: a for a in doc.assignments}
    assert by_body["các cơ quan liên quan"].generic is True
    assert by_body["Ban cán sự đảng Ủy ban nhân dân tỉnh"].generic is False
    assert by_body["Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang"].role == "lead"


UBND_LIST = """I. MỤC ĐÍCH
1. Mục đích
Bảo đảm thi hành Luật.
II. NỘI DUNG
1. Tổ chức tập huấn chuyên sâu, bồi dưỡng kiến thức pháp luật
- Cơ quan chủ trì: Bộ Công an.
- Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan.
- Thời gian thực hiện: Quý III/2025.
2. Rà soát văn bản quy phạm pháp luật
- Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản.
"""


def test_labelled_task_list():
    doc = vnplan.parse(UBND_LIST)
    got = [(a.role, a.canonical, a.text) for a in doc.assignments]
    task1 = "Tổ chức tập huấn chuyên sâu, bồi dưỡng kiến thức pháp luật"
    assert ("lead", "Bộ Công an", task1) in got
    assert ("coordinate", "Văn phòng Chính phủ", task1) in got
    assert ("coordinate", "Bộ Tư pháp", task1) in got
    assert ("lead", "Sở Tư pháp", "Rà soát văn bản quy phạm pháp luật") in got
    assert ("coordinate", "Sở Nội vụ", "Rà soát văn bản quy phạm pháp luật") in got


def test_deadlines_linked_to_item():
    doc = vnplan.parse(UBND_LIST)
    start = doc.text.index("III/2025")
    doc.deadlines = [Deadline(text="III/2025", due="2025-09-30", span=[start, start + 8])]
    assignments.apply(doc)
    links.apply(doc)
    lead = next(a for a in doc.assignments if a.canonical == "Bộ Công an")
    assert lead.deadlines == ["2025-09-30"]
    assert "Bộ Công an" in doc.deadlines[0].bodies
    other = next(a for a in doc.assignments if a.canonical == "Sở Tư pháp")
    assert other.deadlines == []


TABLE = """III. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện nhiệm vụ tại Phụ lục.
| TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
| --- | --- | --- | --- | --- |
| 1 | Điều chỉnh quy hoạch hạ tầng viễn thông | Ban Quản lý các khu công nghệ cao và khu công nghiệp | Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã | Quý III Năm 2026 |
| 2 | Bảo đảm kinh phí | Doanh nghiệp, nhà cung cấp dịch vụ IoT | Sở Tài chính | Thường xuyên |
"""


def test_markdown_task_table():
    doc = vnplan.parse(TABLE)
    got = [(a.role, a.body, a.text) for a in doc.assignments]
    t1 = "Điều chỉnh quy hoạch hạ tầng viễn thông"
    assert ("lead", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", t1) in got
    assert ("coordinate", "Sở Khoa học và Công nghệ", t1) in got
    assert ("coordinate", "Sở Công Thương", t1) in got
    assert ("coordinate", "UBND các phường, xã", t1) in got
    assert ("lead", "nhà cung cấp dịch vụ IoT", "Bảo đảm kinh phí") in got
    assert ("coordinate", "Sở Tài chính", "Bảo đảm kinh phí") in got


def test_misspelled_and_unaccented_bodies():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyen giao Tinh uy chủ trì, phối hợp với Sở TT&TT tổ chức "
            "tuyên truyền; báo cáo kết quả BTV Tỉnh ủy.\n")
    doc = vnplan.parse(text)
    got = [(a.role, a.canonical) for a in doc.assignments]
    assert ("lead", "Ban Tuyên giáo Tỉnh ủy") in got
    assert ("coordinate", "Sở Thông tin và Truyền thông") in got
    assert ("report_to", "Ban Thường vụ Tỉnh ủy") in got


def test_odd_input_never_raises():
    for s in ["", "IV. TỔ CHỨC THỰC HIỆN\n", "| a | b |\n" * 100, "Ban chủ trì phối hợp với " * 200]:
        doc = vnplan.parse(s, strict=True)
        assert isinstance(doc.assignments, list)


def test_partner_of_another_subject_is_not_the_items():
    # corpus 001 (Đồng Nai, KH 182): the Sở drafts, UBND tỉnh works with the ministry
    text = ("III. TỔ CHỨC THỰC HIỆN\n2.5. Sở Y tế\nChủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban "
            "nhân dân tỉnh phối hợp Bộ Y tế tổ chức triển khai thực hiện Dự án 6 trên địa bàn tỉnh.\n"
            "2.6. Sở Tư pháp\nSở Tư pháp phối hợp với Sở Nội vụ rà soát văn bản.\n")
    doc = vnplan.parse(text)
    got = [(a.role, a.canonical) for a in doc.assignments]
    assert ("lead", "Sở Y tế") in got
    assert ("coordinate", "các đơn vị liên quan") in got
    assert ("coordinate", "Bộ Y tế") not in got
    # the item's own subject before "phối hợp" still names a partner
    assert ("coordinate", "Sở Nội vụ") in got


def test_joined_lines_read_like_a_full_scan():
    # a name broken over a line inside a sentence is found on the joined copy; the scan of the
    # plain text (kept from the bodies stage) is reused everywhere else
    from vnplan.extract.assignments.common import _bodies_of, _join_broken
    from vnplan.lang.bodies import scan_bodies
    from vnplan.lang.fold import fold_same_length
    text = ("1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận\ntỉnh ủy và Sở Nội vụ tổ chức "
            "quán triệt\n2. Sở Y tế báo cáo kết quả về Ban Thường vụ Tỉnh ủy.\n")
    folded = fold_same_length(text)
    joined, joins = _join_broken(text, folded)
    assert joins and joined != folded
    reused = _bodies_of(text, scan_bodies(text, folded), joined, joins)
    assert reused == scan_bodies(text, joined)
    assert "Ban Dân vận Tỉnh ủy" in [b.canonical for b in reused]


def _section_scan(spans: list):
    """The deepest (shortest) section span holding a position, by a plain scan."""
    def section_of(pos: int):
        best, best_len = None, None
        for st, _, en, sid in spans:
            if st > pos:
                break
            if st <= pos < en and (best_len is None or en - st <= best_len):
                best, best_len = sid, en - st
        return best
    return section_of


def test_section_lookup_matches_a_scan(parsed):
    # the assignments stage asks lang.sections.SectionIndex which section holds a body
    doc = parsed["001"]
    spans = sorted(((s.span[0], -s.level, s.span[1], s.id) for s in doc.walk() if s.span),
                   key=lambda t: (t[0], t[1]))
    fast, slow = SectionIndex(doc.sections).id_at, _section_scan(spans)
    assert any(fast(p) for p in range(0, len(doc.text), 7))
    assert all(fast(p) == slow(p) for p in range(-1, len(doc.text) + 1, 7))


def test_heading_names_several_bodies_or_a_list_of_places():
    # corpus 026 (Đồng Tháp, KH 556): the heading's bodies lead, split by ";" or with the
    # colon list of the communes they are
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n- Tiếp tục thực hiện Kế hoạch; phối hợp "
            "với Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thành lập mới khu bảo vệ "
            "nguồn lợi thủy sản.\n"
            "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông\n"
            "- Phối hợp với các đơn vị liên quan tổ chức tuyên truyền.\n"
            "13. Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường\n"
            "Căn cứ vào chức năng, nhiệm vụ của đơn vị, triển khai thực hiện các nhiệm vụ.\n")
    got = roles(vnplan.parse(text))
    places = "Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông"
    assert ("coordinate", f"Ủy ban nhân dân 04 xã: {places}") in got
    assert ("lead", f"Ủy ban nhân dân các xã: {places}") in got
    assert ("coordinate", "các đơn vị liên quan") in got
    assert ("lead", "Các sở, ngành có liên quan") in got
    assert ("lead", "Ủy ban nhân dân các xã, phường") in got
    # never the bare "Ủy ban nhân dân", which reads as the province's
    assert not any(b == "Ủy ban nhân dân" for _, b in got)


def test_partner_role_carries_over_semicolon():
    # corpus 006 (Hà Nội, KH 310): "phối hợp X; Y và Z rà soát" -> X, Y and Z are partners
    text = ("V. TỔ CHỨC THỰC HIỆN\n2. Sở Khoa học và Công nghệ\n- Thực hiện công tác quản lý nhà nước về "
            "viễn thông; phối hợp Ban Quản lý các khu công nghệ cao và khu công nghiệp; các doanh nghiệp viễn "
            "thông và các đơn vị liên quan rà soát, điều chỉnh quy hoạch hạ tầng viễn thông.\n"
            "3. Sở Tài chính\n- Chủ trì, phối hợp với Sở Nội vụ; Sở Tư pháp chủ trì thẩm định văn bản.\n")
    got = roles(vnplan.parse(text))
    assert ("coordinate", "Ban Quản lý các khu công nghệ cao và khu công nghiệp") in got
    assert ("coordinate", "các doanh nghiệp viễn thông") in got
    assert ("coordinate", "các đơn vị liên quan") in got
    assert not any(r == "lead" and "doanh nghiệp" in b for r, b in got)
    # a list that takes the lead itself opens a new task
    assert ("coordinate", "Sở Nội vụ") in got
    assert ("lead", "Sở Tư pháp") in got and ("coordinate", "Sở Tư pháp") not in got


ORDER = """I. MỤC ĐÍCH
Phát triển hạ tầng 5G.
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
- Chủ trì tổ chức triển khai.
Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố, UBND phường, xã và các doanh nghiệp viễn thông nghiêm túc triển khai thực hiện; định kỳ báo cáo kết quả thực hiện về UBND Thành phố.
2. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch.
"""


def test_order_from_the_issuer_charges_the_addressees():
    # corpus 006 (Hà Nội, KH 310): the issuer orders, the addressees do the work
    doc = vnplan.parse(ORDER)
    doc.metadata.issuer = "Ủy ban nhân dân thành phố Hà Nội"
    assignments.apply(doc)
    got = roles(doc)
    assert ("lead", "các Sở, ban, ngành Thành phố") in got
    assert ("lead", "UBND phường, xã") in got
    assert ("lead", "Ủy ban nhân dân Thành phố") not in got
    assert ("report_to", "UBND Thành phố") in got
    # a body that is not the issuer keeps the lead of what it directs (seed 004 style)
    assert ("lead", "Ban cán sự đảng Ủy ban nhân dân tỉnh") in got
    assert ("lead", "Ủy ban nhân dân tỉnh") not in got
    # without a known issuer only bodies above every addressee give orders
    doc.metadata.issuer = None
    assignments.apply(doc)
    assert ("lead", "Ủy ban nhân dân Thành phố") in roles(doc)
    doc = vnplan.parse("III. TỔ CHỨC THỰC HIỆN\n1. Thủ tướng Chính phủ giao Bộ Công an chủ trì thực hiện.\n")
    assert roles(doc) == [("lead", "Bộ Công an")]


def test_organ_of_the_issuer_and_heads_of_bodies():
    # corpus 025 (Đắk Lắk, CT 012): "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ...; Chủ tịch UBND
    # các xã, phường tổ chức ..." in a UBND tỉnh directive
    text = ("1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường\na) Thực hiện nghiêm việc cải cách.\n"
            "2. Sở Nội vụ\na) Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường "
            "tổ chức quán triệt Chỉ thị này.\n")
    doc = vnplan.parse(text)
    doc.metadata.issuer = "Ủy ban nhân dân tỉnh Đắk Lắk"
    assignments.apply(doc)
    got = roles(doc)
    assert got.count(("lead", "Chủ tịch UBND các xã, phường")) == 2
    assert ("lead", "Thủ trưởng các sở, ban, ngành tỉnh") in got
    assert ("lead", "Chủ tịch UBND tỉnh") not in got


def test_deadline_bodies_are_the_bodies_charged():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ theo dõi; "
            "định kỳ hằng năm báo cáo kết quả thực hiện với Ban Thường vụ Tỉnh ủy.\n")
    doc = vnplan.parse(text)
    start = doc.text.index("định kỳ hằng năm")
    doc.deadlines = [Deadline(text="định kỳ hằng năm", recurrence="P1Y", span=[start, start + 16])]
    assignments.apply(doc)
    links.apply(doc)
    assert doc.deadlines[0].bodies == ["Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ"]
    # every assignment of the item, the receiver included, still carries the deadline
    assert {a.role: a.deadlines for a in doc.assignments} == {
        "lead": ["P1Y"], "coordinate": ["P1Y"], "report_to": ["P1Y"]}


def test_paragraph_with_its_own_subject_is_its_own_task():
    # corpus 006: the closing paragraph after the last item names its own addressees; it is
    # no part of that item (whose heading names one of them too)
    text = ("I. MỤC ĐÍCH\nPhát triển hạ tầng.\nII. TỔ CHỨC THỰC HIỆN\n"
            "5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan\n- Tuân thủ các quy định.\n"
            "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố và các doanh nghiệp viễn thông "
            "nghiêm túc triển khai thực hiện.\n")
    doc = vnplan.parse(text)
    doc.metadata.issuer = "Ủy ban nhân dân thành phố Hà Nội"
    assignments.apply(doc)
    closing = [(a.role, a.body) for a in doc.assignments if a.text.startswith("Ủy ban nhân dân Thành phố")]
    assert closing == [("lead", "các Sở, ban, ngành Thành phố"), ("lead", "các doanh nghiệp viễn thông")]


def test_dangling_partner_line_takes_the_bullets_as_partners():
    # corpus (Đồng Nai, KH 182): "b) Chủ trì, phối hợp" with no object, the bullets name the partners;
    # "c)" after "b)" is a letter, not the Roman numeral 100: the heading still leads "đ)"
    text = ("I. MỤC ĐÍCH\nPhòng, chống ma túy.\nII. NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG TRÁCH NHIỆM\n2.3. Công an tỉnh\na) Chủ trì, phối hợp với các đơn vị liên quan tham mưu.\n"
            "b) Chủ trì, phối hợp\n- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n"
            "- Sở Xây dựng, Sở Nội vụ tổ chức rà soát cơ sở vật chất.\n"
            "c) Tổ chức triển khai các dự án do Bộ Công an chủ trì.\n"
            "đ) Tham mưu tổ chức sơ kết, báo cáo Quốc hội, Chính phủ, Thủ tướng Chính phủ theo quy định.\n"
            "2.4. Sở Y tế\n- Sở Tư pháp hướng dẫn.\n")
    got = roles(vnplan.parse(text))
    for body in ("Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"):
        assert ("coordinate", body) in got and ("lead", body) not in got
    assert got.count(("lead", "Công an tỉnh")) == 1
    for body in ("Quốc hội", "Chính phủ", "Thủ tướng Chính phủ"):
        assert ("report_to", body) in got
    # the partner run ends with the item: a bullet of the next item is no partner
    assert ("coordinate", "Sở Tư pháp") not in got


def test_numbered_heading_naming_an_unknown_organisation_leads():
    # corpus (Cần Thơ, KH 153): bodies absent from the gazetteer, named by the item heading
    text = ("I. MỤC TIÊU\nGiảm ma túy.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\na) Chủ trì điều trị.\n"
            "9. Ban Chỉ huy Bộ đội Biên phòng thành phố\na) Chỉ đạo các đơn vị trực thuộc tuần tra.\n"
            "10. Báo và Phát thanh, Truyền hình Cần Thơ\nPhối hợp với các sở, ban, ngành liên quan tuyên truyền.\n"
            "11. Đề nghị Chi cục Hải quan khu vực XIX\na) Tăng cường kiểm soát.\n"
            "12. Tăng cường công tác kiểm tra, giám sát\nSở Nội vụ kiểm tra.\n"
            "13. Ban hành Quy chế phối hợp\nBan hành trong quý III.\n")
    doc = vnplan.parse(text)
    got = {(a.role, a.body): a.canonical for a in doc.assignments}
    assert got[("lead", "Ban Chỉ huy Bộ đội Biên phòng thành phố")] is None
    assert ("lead", "Báo và Phát thanh, Truyền hình Cần Thơ") in got
    assert ("lead", "Chi cục Hải quan khu vực XIX") in got
    assert got[("lead", "Sở Y tế")] == "Sở Y tế"
    # a task heading (a verb, or "Ban hành" in lower case after the head) is no body
    assert not any("Tăng cường" in b or "Ban hành" in b for _, b in got)


def test_reports_of_timeline_sub_bullets():
    # corpus (QĐ 2623/QĐ-TTg): "+" timeline bullets of a labelled task list, no subject of the item
    text = ("I. MỤC ĐÍCH\nBảo vệ dữ liệu.\nII. NỘI DUNG\n4. Rà soát văn bản quy phạm pháp luật\n"
            "- Cơ quan thực hiện: Bộ Công an tiến hành rà soát.\n- Thời gian thực hiện:\n"
            "+ Các bộ, cơ quan ngang bộ gửi kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.\n"
            "+ Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.\n")
    got = roles(vnplan.parse(text))
    assert ("report_to", "Bộ Công an") in got
    assert ("report_to", "Thủ tướng Chính phủ") in got
    assert ("lead", "Bộ Công an") in got


def test_chu_tri_outside_task_sections():
    # corpus (QĐ 2623/QĐ-TTg): a funding section charges a body; a situation section does not
    text = ("I. KẾT QUẢ THỰC HIỆN\nNăm 2024, Sở Y tế chủ trì tổ chức hội thảo.\nII. NHIỆM VỤ\n"
            "1. Bộ Công an chủ trì xây dựng Nghị định.\nIII. KINH PHÍ THỰC HIỆN\n"
            "3. Bộ Tài chính chủ trì tổng hợp, trình cấp có thẩm quyền bố trí kinh phí.\n")
    doc = vnplan.parse(text)
    got = roles(doc)
    assert ("lead", "Bộ Tài chính") in got and ("lead", "Bộ Công an") in got
    assert not any(b == "Sở Y tế" for _, b in got)


def test_office_holder_with_responsibility_leads():
    # corpus (QĐ 2623/QĐ-TTg) IV.1: an office-holder's item charges the body of the office
    # (GOLD rule 6: "a named office-holder's body included")
    text = ("I. MỤC ĐÍCH\nBảo vệ dữ liệu.\nIV. TỔ CHỨC THỰC HIỆN\n1. Bộ trưởng Bộ Công an có trách nhiệm giúp "
            "Thủ tướng Chính phủ theo dõi, đôn đốc; báo cáo Thủ tướng Chính phủ.\n"
            "2. Giám đốc Sở Y tế chỉ đạo kiểm tra.\n")
    doc = vnplan.parse(text)
    got = {(a.role, a.body): a.canonical for a in doc.assignments}
    assert got[("lead", "Bộ Công an")] == "Bộ Công an"
    assert ("report_to", "Thủ tướng Chính phủ") in got
    assert ("lead", "Sở Y tế") in got
    assert not any(b.startswith(("Bộ trưởng", "Giám đốc")) for _, b in got)


def test_partners_the_gazetteer_does_not_know():
    doc = vnplan.parse("IV. TỔ CHỨC THỰC HIỆN\n"
                       "1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Trung tâm Chính trị huyện "
                       "biên soạn tài liệu, hoàn thành trong quý II/2026.\n"
                       "2. Văn phòng Huyện ủy chủ trì, phối hợp với Trường Chính trị Nguyễn Văn Cừ "
                       "và Phòng Văn hóa và Thông tin huyện tổ chức hội nghị sơ kết.\n"
                       "3. Ban Dân vận Huyện ủy chủ trì, phối hợp với Trung tâm Y tế hướng dẫn các xã.\n")
    got = [(a.role, a.body, a.canonical) for a in doc.assignments if a.role == "coordinate"]
    assert got == [("coordinate", "Trung tâm Chính trị huyện", None),
                   ("coordinate", "Trường Chính trị Nguyễn Văn Cừ", None),
                   ("coordinate", "Phòng Văn hóa và Thông tin huyện", None),
                   ("coordinate", "Trung tâm Y tế", None)]


def test_party_committee_of_a_state_body_leads():
    doc = vnplan.parse("I. MỤC ĐÍCH, YÊU CẦU\nQuán triệt sâu sắc kết luận.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
                       "Đẩy mạnh chuyển đổi số.\nIII. TỔ CHỨC THỰC HIỆN\n"
                       "1. Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch, hoàn thành trong quý III/2026.\n"
                       "2. Đảng ủy Quân sự tỉnh chủ trì, phối hợp với Đảng ủy Công an tỉnh triển khai.\n")
    got = [(a.role, a.canonical) for a in doc.assignments]
    assert ("lead", "Đảng ủy Ủy ban nhân dân tỉnh") in got
    assert ("lead", "Đảng ủy Quân sự tỉnh") in got
    assert ("coordinate", "Đảng ủy Công an tỉnh") in got
    assert ("lead", "Đảng ủy") not in got
