"""Legal-style documents (Chương / Mục / Điều / Khoản) and Quyết định that issue a plan, on
invented text in the style of a province's rules and decisions."""
from __future__ import annotations

import vnplan
from vnplan.outline import segment


def paths(secs, prefix=""):
    out = []
    for s in secs:
        p = f"{prefix}{s.number}"
        out.append(p)
        out += paths(s.children, p + "/")
    return out


RULES = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH NAM
Số: 12/2031/QĐ-UBND
QUY ĐỊNH
Về quản lý chợ đêm trên địa bàn tỉnh
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định việc quản lý chợ đêm trên địa bàn tỉnh.
Điều 2. Đối tượng áp dụng
1. Các hộ kinh doanh tại chợ đêm.
2. Cơ quan, tổ chức có liên quan.
Chương II
QUẢN LÝ HOẠT ĐỘNG
KINH DOANH TẠI CHỢ ĐÊM
Mục 1
ĐIỀU KIỆN KINH DOANH
Điều 3. Điều kiện đối với hộ kinh doanh
1. Có đăng ký kinh doanh theo quy định.
2. Cam kết bảo đảm vệ sinh môi trường:
a) Thu gom rác đúng giờ;
b) Không lấn chiếm lòng đường.
Mục 2
THỜI GIAN HOẠT ĐỘNG
Điều 4. Giờ mở cửa
Chợ đêm mở cửa từ 18 giờ đến 23 giờ hằng ngày.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 5. Trách nhiệm tổ chức thực hiện
1. Sở Công Thương chủ trì hướng dẫn thực hiện Quy định này.
2. Ủy ban nhân dân các huyện kiểm tra việc chấp hành.
Điều 6. Hiệu lực thi hành
Quy định này có hiệu lực kể từ ngày ký.
"""


def test_legal_tree_with_chapters_sections_articles_and_clauses():
    doc = vnplan.parse(RULES, strict=True)
    assert paths(doc.sections) == [
        "Chương I", "Chương I/Điều 1", "Chương I/Điều 2", "Chương I/Điều 2/1", "Chương I/Điều 2/2",
        "Chương II", "Chương II/Mục 1", "Chương II/Mục 1/Điều 3", "Chương II/Mục 1/Điều 3/1",
        "Chương II/Mục 1/Điều 3/2", "Chương II/Mục 1/Điều 3/2/a", "Chương II/Mục 1/Điều 3/2/b",
        "Chương II/Mục 2", "Chương II/Mục 2/Điều 4",
        "Chương III", "Chương III/Điều 5", "Chương III/Điều 5/1", "Chương III/Điều 5/2",
        "Chương III/Điều 6"]
    top = doc.sections
    assert [s.heading for s in top] == ["QUY ĐỊNH CHUNG",
                                        "QUẢN LÝ HOẠT ĐỘNG KINH DOANH TẠI CHỢ ĐÊM", "TỔ CHỨC THỰC HIỆN"]
    assert [s.kind for s in top] == ["other", "other", "implementation"]
    assert top[0].children[1].heading == "Đối tượng áp dụng"
    assert top[1].children[0].heading == "ĐIỀU KIỆN KINH DOANH"


def test_article_title_names_its_kind_anywhere():
    doc = vnplan.parse(RULES, strict=True)
    assert doc.sections[2].children[0].kind == "implementation"


def test_chapter_words_in_prose_are_not_divisions():
    text = """KẾ HOẠCH
Triển khai chương trình chuyển đổi số năm 2031
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả quản lý.
Mục 1 của Phụ lục kèm theo được cập nhật hằng quý.
Chương trình được thực hiện trên toàn tỉnh.
2. Yêu cầu
Bảo đảm tiến độ.
II. NHIỆM VỤ
1. Hoàn thiện thể chế
"""
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["I", "I/1", "I/2", "II", "II/1"]


DECISION_HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH NAM
Số: 88/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển du lịch cộng đồng năm 2031
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
"""

ATTACHED = DECISION_HEAD + """Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch cộng đồng năm 2031.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Trần Văn Nam
KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2031
(Kèm theo Quyết định số 88/QĐ-UBND ngày 5/3/2031 của UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Phát triển du lịch cộng đồng bền vững.
2. Yêu cầu
Bảo đảm an toàn cho du khách.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng sản phẩm du lịch.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai thực hiện Kế hoạch này.
"""

INSIDE = DECISION_HEAD.replace("Ban hành Kế hoạch", "Phê duyệt Đề án") + """Điều 1. Phê duyệt Đề án phát triển du lịch cộng đồng năm 2031 với những nội dung sau:
I. QUAN ĐIỂM
Du lịch cộng đồng là hướng đi quan trọng.
II. MỤC TIÊU
1. Mục tiêu chung
Đưa du lịch cộng đồng thành ngành kinh tế quan trọng.
2. Mục tiêu cụ thể
Đón 50.000 lượt khách năm 2031.
III. TỔ CHỨC THỰC HIỆN
Sở Văn hóa, Thể thao và Du lịch chủ trì theo dõi việc thực hiện.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Trần Văn Nam
"""


def _covered(doc) -> bool:
    spans = [doc.preamble] + [s.span for s in doc.sections] + ([doc.footer] if doc.footer else [])
    return all(ch.isspace() or any(a <= i < b for a, b in spans) for i, ch in enumerate(doc.text))


def test_decision_with_attached_plan_keeps_the_plan_outline():
    doc = vnplan.parse(ATTACHED, strict=True)
    assert paths(doc.sections) == ["I", "I/1", "I/2", "II", "II/1", "III"]
    assert [s.kind for s in doc.sections] == ["purpose", "tasks", "implementation"]
    assert doc.metadata.doc_type == "Quyết định" and doc.metadata.number == "88/QĐ-UBND"
    assert _covered(doc)


def test_decision_with_plan_inside_its_first_article_keeps_the_plan_outline():
    doc = vnplan.parse(INSIDE, strict=True)
    assert paths(doc.sections) == ["I", "II", "II/1", "II/2", "III"]
    assert [(s.heading, s.kind, s.level) for s in doc.sections] == [
        ("QUAN ĐIỂM", "viewpoints", 1), ("MỤC TIÊU", "objectives", 1),
        ("TỔ CHỨC THỰC HIỆN", "implementation", 1)]
    assert doc.sections[1].children[0].level == 2
    assert "Điều 3" in doc.text[doc.footer[0]:doc.footer[1]]
    assert _covered(doc)


def test_decision_without_an_issued_plan_keeps_its_articles():
    text = DECISION_HEAD + """Điều 1. Thành lập Ban Chỉ đạo phát triển du lịch cộng đồng tỉnh.
1. Trưởng ban: Chủ tịch UBND tỉnh.
2. Phó Trưởng ban: Giám đốc Sở Văn hóa, Thể thao và Du lịch.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["Điều 1", "Điều 1/1", "Điều 1/2", "Điều 2"]


def test_items_opening_with_a_figure_are_sections():
    text = """I. MỤC TIÊU CỤ THỂ
1. 100% cán bộ làm công tác pháp chế được bồi dưỡng hằng năm.
2. Ít nhất 80% hồ sơ được giải quyết trực tuyến.
3. 15 xã đạt chuẩn tiếp cận pháp luật năm 2031.
II. TỔ CHỨC THỰC HIỆN
Sở Tư pháp chủ trì.
"""
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["I", "I/1", "I/2", "I/3", "II"]
    assert doc.sections[0].children[0].heading is None  # running prose, no heading


def test_a_figure_after_a_number_is_no_marker():
    text = "I. MỤC TIÊU\nNăm 2031 đạt các chỉ tiêu:\n2.100 hộ được hỗ trợ;\n1.5 lần so với năm trước.\nII. NHIỆM VỤ\nRà soát.\n"
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["I", "II"]


def test_number_printed_twice_is_kept_when_the_title_carries_a_note():
    text = """I. MỤC TIÊU
Phát triển bền vững.
II. LỘ TRÌNH THỰC HIỆN
1. Giai đoạn 2031 - 2035
Hoàn thiện chính sách.
II. NHIỆM VỤ VÀ GIẢI PHÁP (chi tiết tại Phụ lục kèm theo)
III. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì.
"""
    doc = segment(text)  # (the cleaner joins "III." to a line ending in ")": left to clean.py)
    assert [s.number for s in doc.sections] == ["I", "II", "II", "III"]
    second = doc.sections[2]
    assert (second.heading, second.kind) == ("NHIỆM VỤ VÀ GIẢI PHÁP (chi tiết tại Phụ lục kèm theo)", "tasks")


def test_a_long_sentence_after_the_number_is_no_heading():
    text = """NGHỊ QUYẾT
ĐẠI HỘI ĐẢNG BỘ XÃ
I- Tán thành những nội dung cơ bản về đánh giá kết quả thực hiện nhiệm vụ 5 năm qua và phương hướng, mục tiêu, nhiệm vụ 5 năm tới đã nêu trong Báo cáo chính trị trình Đại hội.
1. Đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ trước
Kinh tế tăng trưởng khá.
2. Mục tiêu tổng quát
Xây dựng xã phát triển.
"""
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["I", "I/1", "I/2"]
    assert doc.sections[0].heading is None
    assert doc.sections[0].children[0].heading.startswith("Đánh giá kết quả")
    # it sums up the plan's parts (contents, assessment, aims, tasks): the first one named is
    # its kind (GOLD lists all of them for such an item)
    assert doc.sections[0].kind == "tasks"


def test_a_running_item_naming_one_or_two_kinds_keeps_its_own():
    o = segment("Mở đầu.\n1. Các sở thực hiện đúng yêu cầu, tiến độ của Kế hoạch, bảo đảm việc đánh giá theo quy định "
                "hiện hành của pháp luật và hướng dẫn của cấp trên.\n2. Các huyện tổ chức thực hiện.\n")
    assert o.sections[0].heading is None and o.sections[0].kind == "other"


PDF = """KẾ HOẠCH

Chuyển đổi số năm 2031.

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao hiệu quả quản lý.

2

2. Yêu cầu

Bảo đảm tiến độ.

II.

NHIỆM VỤ, GIẢI PHÁP

1. Hoàn thiện thể chế

Rà soát văn bản.

- 3 -

III

TỔ CHỨC THỰC HIỆN

Sở Khoa học và Công nghệ chủ trì.

IV. KINH PHÍ

Ngân sách tỉnh.

IV. KINH PHÍ CỦA CÁC ĐƠN VỊ

Nguồn hợp pháp khác.
"""


def test_roman_headings_in_pdf_text_with_page_furniture():
    doc = vnplan.parse(PDF, strict=True)
    assert paths(doc.sections) == ["I", "I/1", "I/2", "II", "II/1", "III", "IV", "IV"]
    assert [s.heading for s in doc.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN",
                                                 "KINH PHÍ", "KINH PHÍ CỦA CÁC ĐƠN VỊ"]
    assert doc.sections[2].kind == "implementation"


def test_a_bare_roman_number_needs_a_title_in_capitals():
    o = segment("I. MỤC TIÊU\nNội dung.\nII\nnội dung thường của đoạn văn\nIII. NHIỆM VỤ\nNội dung.\n")
    assert [s.number for s in o.sections] == ["I", "III"]  # "II" over prose is no part
    assert "nội dung thường" in o.sections[0].text


def test_heading_split_over_two_lines_keeps_its_comma_and_drops_markdown():
    o = segment("**I. MỤC ĐÍCH,\nYÊU CẦU**\n**1. Mục đích:** nâng cao hiệu quả.\n*2. Yêu cầu*\nBảo đảm tiến độ.\n"
                "II. TỔ\nCHỨC THỰC HIỆN\n1. Thời gian thực hiện: Quý III/2031.\n")
    assert [s.heading for s in o.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert [c.heading for c in o.sections[0].children] == ["Mục đích", "Yêu cầu"]
    assert o.sections[1].children[0].heading == "Thời gian thực hiện"
    assert [s.kind for s in o.sections] == ["purpose", "implementation"]


def test_decision_issuing_rules_keeps_the_rules_tree():
    text = DECISION_HEAD.replace("Ban hành Kế hoạch", "Ban hành Quy định") + """Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chợ đêm.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
CHỦ TỊCH
Trần Văn Nam
QUY ĐỊNH
Quản lý chợ đêm trên địa bàn tỉnh
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng cho chợ đêm.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 2. Trách nhiệm thi hành
1. Sở Công Thương chủ trì.
2. Ủy ban nhân dân các huyện phối hợp.
"""
    doc = vnplan.parse(text, strict=True)
    assert paths(doc.sections) == ["Chương I", "Chương I/Điều 1", "Chương II", "Chương II/Điều 2",
                                   "Chương II/Điều 2/1", "Chương II/Điều 2/2"]
    assert _covered(doc)


def test_party_resolution_issuing_a_programme_keeps_the_programme_outline():
    text = """TỈNH ỦY HÒA BÌNH NAM
Số 05-NQ/TU
NGHỊ QUYẾT
về phát triển kinh tế số
BAN CHẤP HÀNH ĐẢNG BỘ TỈNH QUYẾT NGHỊ:
1. Ban hành kèm theo Nghị quyết này Chương trình hành động phát triển kinh tế số.
2. Các cấp ủy, tổ chức đảng tổ chức thực hiện Nghị quyết này.
Nơi nhận:
- Như trên,
T/M TỈNH ỦY
BÍ THƯ
Lê Văn Ba
CHƯƠNG TRÌNH HÀNH ĐỘNG
phát triển kinh tế số
I. MỤC TIÊU
Kinh tế số chiếm 20% GRDP.
II. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số
"""
    o = segment(text)  # (the cleaner joins "I. MỤC TIÊU" to a title line: left to clean.py)
    assert paths(o.sections) == ["I", "II", "II/1"]
    assert "Ban hành kèm theo Nghị quyết này" in text[o.preamble[0]:o.preamble[1]]


def test_numbered_cover_that_issues_nothing_keeps_its_outline():
    text = """UBND TỈNH HÒA BÌNH NAM
CÔNG VĂN
1. Các sở rà soát số liệu.
2. Báo cáo trước ngày 15/12/2031.
Nơi nhận:
- Như trên;
CHỦ TỊCH
Trần Văn Nam
KẾ HOẠCH
I. MỤC TIÊU
Nội dung.
"""
    o = segment(text)
    assert [s.number for s in o.sections] == ["1", "2", None, "I"]


def test_capital_letters_with_a_dash_as_the_top_level():
    o = segment("A- ĐÁNH GIÁ TÌNH HÌNH\nI- KẾT QUẢ ĐẠT ĐƯỢC\nnội dung\nB- PHƯƠNG HƯỚNG, NHIỆM VỤ\nI- MỤC TIÊU\nnội dung\n"
                "II- NHIỆM VỤ, GIẢI PHÁP\nnội dung\n")
    assert paths(o.sections) == ["A", "A/I", "B", "B/I", "B/II"]
    assert [s.kind for s in o.sections] == ["situation", "tasks"]
    # a place name written with a dash is no marker
    o = segment("I. MỤC TIÊU\n1. Kinh tế\nA-Lưới là huyện miền núi.\nB- Việc khác\nII. NHIỆM VỤ\nnội dung\n")
    assert paths(o.sections) == ["I", "I/1", "II"]


def test_attached_plan_whose_title_carries_its_subject_is_no_appendix():
    text = DECISION_HEAD + """Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động phát triển du lịch.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
CHỦ TỊCH
Trần Văn Nam
KẾ HOẠCH HÀNH ĐỘNG PHÁT TRIỂN DU LỊCH NĂM 2031
(Kèm theo Quyết định số 88/QĐ-UBND ngày 5/3/2031)
I. MỤC ĐÍCH, YÊU CẦU
Nội dung.
II. NHIỆM VỤ
Nội dung.
"""
    o = segment(text)
    assert paths(o.sections) == ["I", "II"] and o.appendix is None
    assert text[:o.preamble[1]].rstrip().endswith("(Kèm theo Quyết định số 88/QĐ-UBND ngày 5/3/2031)")


def test_title_like_line_inside_a_plan_does_not_restart_it():
    o = segment("I. NHIỆM VỤ\n1. Tuyên truyền\nnội dung\nKẾ HOẠCH TUYÊN TRUYỀN NĂM 2031\n2. Kiểm tra\nnội dung\n"
                "II. TỔ CHỨC THỰC HIỆN\nnội dung\n")
    assert paths(o.sections) == ["I", "I/1", "I/2", "II"]


def test_an_excerpt_that_starts_at_a_later_part_keeps_its_numbers():
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Đẩy mạnh cải cách hành chính\nSở Nội vụ chủ trì rà soát thủ tục.\n"
            "2. Phát triển hạ tầng số\nTriển khai nền tảng dùng chung.\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Tài chính bố trí kinh phí thực hiện.\n")
    doc = vnplan.parse(text, strict=True)
    assert [(s.id, s.kind) for s in doc.sections] == [("II", "tasks"), ("III", "implementation")]
    assert [s.id for s in doc.sections[0].children] == ["II/1", "II/2"]
    # a sentence that merely starts with a later Roman number is no part
    doc = vnplan.parse("II. Các nhiệm vụ đã nêu được giao cho các sở thực hiện trong năm.\n1. Tập huấn.\n",
                       strict=True)
    assert "II" not in [s.id for s in doc.sections]
