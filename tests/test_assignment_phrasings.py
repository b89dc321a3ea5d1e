"""Assignments on invented text, one phrasing class per test (UBND, Government and Party style)."""
from __future__ import annotations

import vnplan


def roles(text: str) -> list[tuple[str, str]]:
    return [(a.role, a.body) for a in vnplan.parse(text, strict=True).assignments]


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Hòa Phong
I. ĐÁNH GIÁ CHUNG
Năm qua, Bộ Xây dựng đã phối hợp với Tỉnh hoàn thành nhiều công trình.
II. VỀ CÁC ĐỀ XUẤT CỦA TỈNH
1. Về đề xuất nâng cấp tuyến đường ven biển:
Giao Bộ Xây dựng nghiên cứu đề xuất của Tỉnh, báo cáo Thủ tướng Chính phủ trong quý I/2026.
2. Về đề xuất hỗ trợ khắc phục hậu quả lũ lụt:
Bộ Nông nghiệp và Môi trường khẩn trương tổng hợp nhu cầu hỗ trợ, báo cáo Chính phủ xem xét.
Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Hòa Phong và các cơ quan liên quan biết, thực hiện.
"""


def test_conclusion_notice_tasks_in_a_section_of_no_kind():
    got = roles(NOTICE)
    assert ("lead", "Bộ Xây dựng") in got
    assert ("report_to", "Thủ tướng Chính phủ") in got
    assert ("lead", "Bộ Nông nghiệp và Môi trường") in got
    assert ("report_to", "Chính phủ") in got
    # the issuer announcing the notice leads nothing; past work in the assessment is no task
    assert not any(b == "Văn phòng Chính phủ" for _, b in got)
    assert got.count(("lead", "Bộ Xây dựng")) == 1


ARTICLES = """NGHỊ QUYẾT
Quy định về quản lý chợ trên địa bàn tỉnh
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định về quản lý chợ.
Điều 2. Đối tượng áp dụng
1. Sở Công Thương, Ủy ban nhân dân các xã, phường.
2. Tổ chức, cá nhân có liên quan.
Điều 3. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_articles_that_define_assign_nothing():
    got = roles(ARTICLES)
    assert ("lead", "Ủy ban nhân dân tỉnh") in got
    assert not any(b.startswith("Tổ chức, cá nhân") or b == "Sở Công Thương" for _, b in got)


def test_issuer_named_whole_does_not_lead_its_own_programme():
    text = ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH HÒA PHONG\n"
            "Ban Chấp hành Đảng bộ tỉnh Hòa Phong ban hành Chương trình hành động với các nội dung sau:\n"
            "- Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết.\n")
    got = roles(text)
    assert ("lead", "Ban Tuyên giáo Tỉnh ủy") in got
    assert not any(b.startswith("Ban Chấp hành") for _, b in got)


def test_collective_levels_are_one_entry():
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "1. Ủy ban nhân dân các xã, phường, đặc khu chủ trì rà soát diện tích rừng.\n"
            "2. Ủy ban nhân dân quận-huyện, xã, phường, thị trấn thực hiện đúng tiến độ.\n")
    got = roles(text)
    assert ("lead", "Ủy ban nhân dân các xã, phường, đặc khu") in got
    assert ("lead", "Ủy ban nhân dân quận-huyện, xã, phường, thị trấn") in got


LABELS = """II. NHIỆM VỤ CỤ THỂ
1. Xây dựng cơ sở dữ liệu dân cư của tỉnh
a) Cơ quan chủ trì
- Sở Khoa học và Công nghệ;
- Trung tâm Chuyển đổi số tỉnh.
b) Cơ quan phối hợp
- Công an tỉnh;
- Kho bạc Nhà nước khu vực VII.
c) Thời gian thực hiện: năm 2026.
2. Tập huấn kỹ năng số cho công chức
*Đơn vị chủ trì tham mưu thực hiện: *Sở Nội vụ.
*Đơn vị phối hợp thực hiện: *Trung tâm Thông tin tỉnh; các cơ quan, đơn vị, địa phương liên quan.
3. Rà soát thủ tục hành chính
Cơ quan chủ trì, phối hợp: Văn phòng UBND tỉnh; Sở Tư pháp, Chi cục Thống kê khu vực II.
"""


def test_label_subheadings_and_labels_in_any_dress():
    got = roles(LABELS)
    for body in ("Sở Khoa học và Công nghệ", "Trung tâm Chuyển đổi số tỉnh", "Sở Nội vụ", "Văn phòng UBND tỉnh"):
        assert ("lead", body) in got
    for body in ("Công an tỉnh", "Kho bạc Nhà nước khu vực VII", "Trung tâm Thông tin tỉnh", "Sở Tư pháp",
                 "Chi cục Thống kê khu vực II"):
        assert ("coordinate", body) in got
    # the collective is one entry; no name is cut to its head, no body gets two roles in an item
    assert ("coordinate", "các cơ quan, đơn vị, địa phương liên quan") in got
    assert not any(b in ("Kho bạc Nhà nước", "Chi cục", "địa phương liên quan") for _, b in got)
    assert ("lead", "Công an tỉnh") not in got


def test_implementation_heading_is_no_label():
    text = ("II. NHIỆM VỤ\n1. Tuyên truyền pháp luật\n"
            "III. TỔ CHỨC THỰC HIỆN\n- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ triển khai Kế hoạch.\n")
    got = roles(text)
    assert ("lead", "Sở Tư pháp") in got and ("coordinate", "Sở Nội vụ") in got
    assert ("lead", "Sở Nội vụ") not in got


REPORTS = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế theo dõi việc thực hiện, định kỳ gửi kết quả về Sở Nội vụ để tổng hợp.
2. Sở Công Thương tổng hợp, báo cáo cấp có thẩm quyền (Bộ Công Thương, Thủ tướng Chính phủ) xem xét.
3. Sở Xây dựng báo cáo Bộ trưởng Bộ Xây dựng và Chủ tịch UBND tỉnh kết quả thực hiện.
4. Sở Tài chính tham mưu Ủy ban nhân dân tỉnh trình cấp có thẩm quyền bố trí kinh phí; báo cáo cấp có thẩm quyền (qua Sở Kế hoạch và Đầu tư).
"""


def test_report_to_in_all_its_forms():
    got = roles(REPORTS)
    for body in ("Sở Nội vụ", "Bộ Công Thương", "Thủ tướng Chính phủ", "Bộ trưởng Bộ Xây dựng",
                 "Chủ tịch UBND tỉnh"):
        assert ("report_to", body) in got
    # "tham mưu X", "trình cấp có thẩm quyền" and a channel "(qua X)" are no roles
    assert not any(b in ("Ủy ban nhân dân tỉnh", "Sở Kế hoạch và Đầu tư") for _, b in got)
    assert ("lead", "Sở Tài chính") in got


def test_passive_agent_close_partners_and_function_lead_in():
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Tổ chức tập huấn nghiệp vụ do Sở Tư pháp hướng dẫn; thực hiện theo Kế hoạch do Ủy ban nhân dân tỉnh ban hành.\n"
            "2. Theo chức năng, nhiệm vụ được giao, Sở Văn hóa, Thể thao và Du lịch chủ động tuyên truyền.\n"
            "3. Công an tỉnh chủ trì, phối hợp chặt chẽ với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh.\n")
    got = roles(text)
    assert ("lead", "Sở Tư pháp") in got
    assert ("lead", "Ủy ban nhân dân tỉnh") not in got  # the author of a plan, not an agent
    assert ("lead", "Sở Văn hóa, Thể thao và Du lịch") in got
    assert ("coordinate", "Bộ Chỉ huy Quân sự tỉnh") in got


def test_office_holders_address_items_and_articles():
    text = ("QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng chống thiên tai.\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan, đơn vị liên quan "
            "chịu trách nhiệm thi hành Quyết định này.\n")
    got = roles(text)
    assert ("lead", "Văn phòng UBND tỉnh") in got and ("lead", "Sở Nội vụ") in got
    items = ("III. TỔ CHỨC THỰC HIỆN\n1. Giám đốc Sở Tài chính:\n- Bố trí kinh phí thực hiện Kế hoạch.\n"
             "2. Bộ trưởng Bộ Công an có trách nhiệm đôn đốc, báo cáo Thủ tướng Chính phủ.\n")
    got = roles(items)
    assert ("lead", "Sở Tài chính") in got and ("lead", "Bộ Công an") in got
    assert ("report_to", "Thủ tướng Chính phủ") in got


def test_heading_of_bodies_and_unknown_names_over_a_line_break():
    text = ("III. TỔ CHỨC THỰC HIỆN\n**4. Sở Y tế; Báo và Phát thanh, Truyền hình Hòa Phong**\n"
            "Tăng thời lượng tuyên truyền về công tác dân số.\n"
            "5. Tuyên truyền pháp luật\n- Đơn vị chủ trì thực hiện: Trung tâm Truyền thông và Văn hóa\n"
            "tỉnh; Sở Tư pháp.\n")
    got = roles(text)
    assert ("lead", "Báo và Phát thanh, Truyền hình Hòa Phong") in got and ("lead", "Sở Y tế") in got
    assert ("lead", "Trung tâm Truyền thông và Văn hóa tỉnh") in got and ("lead", "Sở Tư pháp") in got


def test_foreign_and_unknown_partners_whole():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với Quỹ Nhi đồng Liên hợp quốc, "
            "Cơ quan Hợp tác Quốc tế Nhật Bản và Chi cục Dân số tỉnh triển khai chương trình.\n")
    got = roles(text)
    for body in ("Quỹ Nhi đồng Liên hợp quốc", "Cơ quan Hợp tác Quốc tế Nhật Bản", "Chi cục Dân số tỉnh"):
        assert ("coordinate", body) in got


def test_boards_named_together_share_their_committee():
    text = ("II. TỔ CHỨC THỰC HIỆN\n1. Ban Tổ chức, Ban Tuyên giáo và Ban Dân vận Tỉnh ủy hướng dẫn thực hiện.\n"
            "2. Sở Y tế phối hợp với Ban Nội chính và Ủy ban Kiểm tra Huyện ủy kiểm tra.\n")
    got = [(a.role, a.body, a.canonical) for a in vnplan.parse(text, strict=True).assignments]
    assert ("lead", "Ban Tổ chức", "Ban Tổ chức Tỉnh ủy") in got
    assert ("lead", "Ban Tuyên giáo", "Ban Tuyên giáo Tỉnh ủy") in got
    assert ("lead", "Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy") in got
    assert ("coordinate", "Ban Nội chính", "Ban Nội chính Huyện ủy") in got
    assert not any(b == "Ban" for _, b, _ in got)


def test_partners_of_a_task_without_a_subject_or_after_advice():
    text = ("II. NHIỆM VỤ\n1. Bảo đảm an toàn thông tin\na) Nhiệm vụ:\n"
            "- Phối hợp với Bộ Công an bảo đảm an ninh mạng cho cơ sở dữ liệu.\n"
            "- Tham mưu UBND tỉnh phối hợp với Bộ Khoa học và Công nghệ hoàn thiện Chiến lược dữ liệu.\n"
            "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n"
            "2. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam chủ trì tuyên truyền.\n")
    got = roles(text)
    assert ("coordinate", "Bộ Công an") in got and ("coordinate", "Bộ Khoa học và Công nghệ") in got
    assert ("lead", "Sở Khoa học và Công nghệ") in got
    assert ("lead", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") in got
    assert not any(b == "UBND tỉnh" for _, b in got)  # "tham mưu X": no role


def test_subject_after_an_adverbial_opener_is_a_task_of_its_own():
    text = ("II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH\n1. Về đề xuất thành lập Hội đồng điều phối vùng:\n"
            "Giao Bộ Nội vụ khẩn trương hoàn thiện hồ sơ.\n"
            "Sau khi đề án được cấp có thẩm quyền thông qua, Bộ Nội vụ báo cáo Chính phủ kiện toàn Hội đồng.\n"
            "Trong thời hạn 15 ngày kể từ ngày nhận hồ sơ, Ủy ban nhân dân tỉnh gửi Bộ Nội vụ để tổng hợp.\n")
    got = roles(text)
    assert got.count(("lead", "Bộ Nội vụ")) == 2  # two paragraphs, two tasks
    assert ("lead", "Ủy ban nhân dân tỉnh") in got
    assert ("report_to", "Chính phủ") in got and ("report_to", "Bộ Nội vụ") in got


def test_short_labels_under_a_both_roles_subheading():
    text = ("II. NHIỆM VỤ\n1. Chuẩn hóa dữ liệu đất đai\na) Cơ quan chủ trì, phối hợp:\n"
            "- Chủ trì: Sở Nông nghiệp và Môi trường.\n- Phối hợp: Sở Tài chính; Văn phòng Đăng ký đất đai tỉnh.\n"
            "2. Cải cách thủ tục\nCơ quan chủ trì, phối hợp: Sở Nội vụ; Sở Tư pháp.\n")
    got = roles(text)
    assert ("lead", "Sở Nông nghiệp và Môi trường") in got
    assert ("coordinate", "Sở Tài chính") in got and ("coordinate", "Văn phòng Đăng ký đất đai tỉnh") in got
    assert ("lead", "Sở Nội vụ") in got and ("coordinate", "Sở Tư pháp") in got
    assert ("lead", "Sở Tài chính") not in got


def test_both_roles_subheading_with_bare_bullets():
    text = ("II. NHIỆM VỤ\n1. Chuẩn hóa dữ liệu đất đai\na) Cơ quan chủ trì, phối hợp\n"
            "- Sở Nông nghiệp và Môi trường;\n- Sở Tài chính, Sở Xây dựng.\nb) Thời gian: năm 2026.\n")
    got = roles(text)
    assert ("lead", "Sở Nông nghiệp và Môi trường") in got
    assert ("coordinate", "Sở Tài chính") in got and ("coordinate", "Sở Xây dựng") in got


def test_issuer_order_with_addressees_below_is_not_its_task():
    text = ("HỘI ĐỒNG NHÂN DÂN TỈNH HÒA PHONG\nNGHỊ QUYẾT\nvề quy hoạch chợ\n"
            "Điều 1. Thông qua quy hoạch mạng lưới chợ.\nĐiều 2. Tổ chức thực hiện\n"
            "Hội đồng nhân dân tỉnh giao:\n1. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n")
    got = roles(text)
    assert ("lead", "Ủy ban nhân dân tỉnh") in got
    assert not any(b.startswith("Hội đồng nhân dân") for _, b in got)


# Layouts of real exports (PDF text layer, Word): the same facts must come out.

WRAPPED = """KẾ HOẠCH
Phát triển thương mại điện tử tỉnh Hòa Phong
I. NHIỆM VỤ
1. Sở Công Thương
a) Chủ trì, phối hợp Sở Khoa học và
Công nghệ xây dựng sàn giao dịch điện tử của tỉnh.
b) Phối hợp với Sở Văn hóa, Thể thao và Du lịch,
Hội Nông dân tỉnh quảng bá sản phẩm.
"""


def test_body_name_broken_after_and_or_comma_over_a_capitalised_line():
    got = roles(WRAPPED)
    assert ("coordinate", "Sở Khoa học và Công nghệ") in got
    assert ("coordinate", "Hội Nông dân tỉnh") in got
    assert not any(b == "Sở Khoa học" for _, b in got)


def test_body_name_broken_after_its_head_noun():
    text = """KẾ HOẠCH
Cải cách hành chính
IV. TỔ CHỨC THỰC HIỆN
1. Sở
Nội vụ
a) Theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Sở Xây dựng
Chủ trì, phối hợp với Ban
Quản lý dự án đầu tư xây dựng tỉnh rà soát các công trình.
Đơn vị phối hợp thực hiện: Sở
Tư pháp.
Thời gian thực hiện: Quý IV/2026.
"""
    got = roles(text)
    assert ("lead", "Sở Nội vụ") in got
    assert ("coordinate", "Sở Tư pháp") in got
    assert ("lead", "Sở Xây dựng") in got


def test_upper_case_heading_ending_in_and_is_not_joined():
    text = "KẾ HOẠCH\nPhát triển du lịch\nI. NHIỆM VỤ VÀ\nGIẢI PHÁP\n1. Sở Du lịch chủ trì tổ chức lễ hội.\n"
    assert roles(text) == [("lead", "Sở Du lịch")]


def test_paragraph_naming_its_heading_body_again_is_the_same_task():
    text = """KẾ HOẠCH
Phát triển nông nghiệp
IV. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện Kế hoạch.
2. Sở Y tế
Sở Y tế chủ trì kiểm tra an toàn thực phẩm; Sở Công Thương phối hợp kiểm tra thị trường.
"""
    got = roles(text)
    assert got.count(("lead", "Sở Tài chính")) == 1
    assert got.count(("lead", "Sở Y tế")) == 1
    assert ("coordinate", "Sở Nội vụ") in got


def test_unknown_bodies_with_a_dash_or_a_long_lower_case_mission():
    text = """KẾ HOẠCH
Đào tạo nghề nông nghiệp
I. NHIỆM VỤ
1. Tập huấn kỹ thuật canh tác cho nông dân.
Cơ quan chủ trì: Trung tâm Khuyến nông tỉnh
Cơ quan phối hợp: Trường Cao đẳng Nghề Việt - Hàn Hòa Phong, Trung tâm Phục vụ hành chính công tỉnh
2. Sở Y tế
Kiểm tra vệ sinh cơ sở giết mổ; việc lấy mẫu xét nghiệm do Trung tâm Kiểm soát bệnh tật tỉnh phối hợp thực hiện.
"""
    got = roles(text)
    assert ("coordinate", "Trường Cao đẳng Nghề Việt - Hàn Hòa Phong") in got
    assert ("coordinate", "Trung tâm Phục vụ hành chính công tỉnh") in got
    # the agent of a passive "phối hợp" is a partner, and "phối hợp" is no part of its name
    assert ("coordinate", "Trung tâm Kiểm soát bệnh tật tỉnh") in got
    assert ("lead", "Sở Y tế") in got
    assert not any("phối hợp" in b for _, b in got)


def test_labelled_sub_tasks_that_lost_their_bullets_stay_two_tasks():
    # a Word export dropped the "-" of each sub-task: the labels repeat under one item
    text = """KẾ HOẠCH
Thi hành Luật Hòa giải cơ sở
II. NHIỆM VỤ
3.Xây dựng văn bản quy định chi tiết
Nghị định quy định chi tiết một số điều của Luật
+ Cơ quan chủ trì: Bộ Tư pháp.
+ Cơ quan phối hợp: Bộ Nội vụ, Bộ Tài chính.
+ Thời hạn: trước ngày 01/7/2026.
Thông tư hướng dẫn biểu mẫu hòa giải
+ Nội dung: quy định các biểu mẫu.
+ Cơ quan chủ trì: Bộ Tư pháp.
+ Cơ quan phối hợp: Bộ Nội vụ.
"""
    got = roles(text)
    assert got.count(("lead", "Bộ Tư pháp")) == 2
    assert got.count(("coordinate", "Bộ Nội vụ")) == 2
    assert got.count(("coordinate", "Bộ Tài chính")) == 1
    tasks = {a.text for a in vnplan.parse(text, strict=True).assignments if a.role == "lead"}
    assert any(t.startswith("Thông tư hướng dẫn") for t in tasks)


def test_office_holder_broken_from_its_body():
    text = """KẾ HOẠCH
Phòng chống dịch bệnh
IV. TỔ CHỨC THỰC HIỆN
1. Giám đốc
Sở Y tế chỉ đạo các bệnh viện sẵn sàng thu dung; báo cáo Chủ tịch
Ủy ban nhân dân tỉnh kết quả thực hiện.
"""
    got = roles(text)
    assert ("lead", "Sở Y tế") in got
    assert ("report_to", "Chủ tịch Ủy ban nhân dân tỉnh") in got


def test_report_channels_and_conditional_feedback_are_no_receivers():
    text = """KẾ HOẠCH
Phát triển giáo dục nghề nghiệp
IV. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo chủ trì triển khai, báo cáo về Ủy ban nhân dân tỉnh thông qua Sở Nội vụ.
2. Sở Lao động chủ trì tổ chức hội chợ việc làm; gửi kết quả về Văn phòng Ủy ban nhân dân tỉnh để theo dõi.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Giáo dục và Đào tạo để tổng hợp.
"""
    got = roles(text)
    assert ("report_to", "Ủy ban nhân dân tỉnh") in got
    assert ("report_to", "Văn phòng Ủy ban nhân dân tỉnh") in got
    assert not any(b == "Sở Nội vụ" for _, b in got)  # the channel of the report
    assert got.count(("lead", "Sở Giáo dục và Đào tạo")) == 1  # feedback receiver: no task of its own


MINISTRY_PLAN = """BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG
KẾ HOẠCH
Triển khai thi hành Luật Tài nguyên nước
I. MỤC ĐÍCH
Bảo đảm thi hành Luật.
II. TỔ CHỨC THỰC HIỆN
1. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Bộ bố trí kinh phí thực hiện.
2. Cục Quản lý tài nguyên nước chủ trì, phối hợp với Vụ Pháp chế theo dõi, đôn đốc việc thực hiện.
3. Tổng cục Khí tượng Thủy văn chỉ đạo các Đài Khí tượng Thủy văn khu vực cung cấp số liệu.
4. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát.
"""


def test_units_of_a_ministry_lead_though_the_gazetteer_lacks_them():
    got = roles(MINISTRY_PLAN)
    for lead in ("Vụ Kế hoạch - Tài chính", "Cục Quản lý tài nguyên nước", "Tổng cục Khí tượng Thủy văn",
                 "Sở Tài chính"):
        assert ("lead", lead) in got
    for partner in ("Văn phòng Bộ", "Vụ Pháp chế", "Sở Nội vụ"):
        assert ("coordinate", partner) in got
    assert not any(r == "lead" and b.startswith(("Văn phòng", "Vụ Pháp")) for r, b in got)


CENTRAL_TASKS = """BỘ Y TẾ
KẾ HOẠCH
Triển khai Đề án chuyển đổi số y tế
I. MỤC ĐÍCH
1. Trung tâm Dữ liệu quốc gia được xây dựng và vận hành ổn định.
II. NHIỆM VỤ
1. Hoàn thiện thể chế
Giao Vụ Pháp chế chủ trì xây dựng Thông tư hướng dẫn.
2. Phát triển hạ tầng
Cục Công nghệ thông tin có trách nhiệm xây dựng nền tảng.
- Viện Chiến lược và Chính sách y tế, Báo Sức khỏe và Đời sống: tuyên truyền về Đề án.
Đề nghị Bảo hiểm xã hội Việt Nam phối hợp triển khai.
Trung tâm Dữ liệu quốc gia được xây dựng vào năm 2026.
Giao Cục Bưu điện Trung ương bảo đảm hạ tầng.
III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các Vụ, Cục, Tổng cục và đơn vị trực thuộc Bộ tổ chức thực hiện Kế hoạch.
2. Chánh Văn phòng Bộ theo dõi, đôn đốc.
3. Vụ trưởng Vụ Kế hoạch - Tài chính bố trí kinh phí.
4. Các Bộ, cơ quan ngang Bộ phối hợp thực hiện.
5. Học viện Y dược học cổ truyền Việt Nam, Bệnh viện Hòa Bình chủ trì đào tạo nhân lực.
6. Thanh tra Bộ chủ trì kiểm tra việc thực hiện.
7. Đại học Quốc gia Hà Nội, Kho bạc Nhà nước khu vực I hướng dẫn thủ tục.
"""


def test_task_subjects_read_by_their_head_noun_in_every_task_section():
    got = roles(CENTRAL_TASKS)
    for lead in ("Vụ Pháp chế", "Cục Công nghệ thông tin", "Viện Chiến lược và Chính sách y tế",
                 "Báo Sức khỏe và Đời sống", "Bảo hiểm xã hội Việt Nam",
                 "Học viện Y dược học cổ truyền Việt Nam", "Bệnh viện Hòa Bình", "Thanh tra Bộ",
                 "Đại học Quốc gia Hà Nội", "Kho bạc Nhà nước khu vực I"):
        assert ("lead", lead) in got


def test_collective_subjects_and_office_holders_of_a_ministry():
    got = roles(CENTRAL_TASKS)
    # one collective entry, never split into "Vụ", "Cục"
    assert ("lead", "Thủ trưởng các Vụ, Cục, Tổng cục và đơn vị trực thuộc Bộ") in got
    assert ("lead", "Các Bộ, cơ quan ngang Bộ") in got
    # the office-holder leads as the body whose office it holds
    assert ("lead", "Văn phòng Bộ") in got
    assert ("lead", "Vụ Kế hoạch - Tài chính") in got


def test_a_common_noun_phrase_or_a_cut_name_is_no_subject():
    bodies = [b for _, b in roles(CENTRAL_TASKS)]
    assert not any(b.startswith(("Trung tâm Dữ", "Cục Bưu điện")) for b in bodies)
    assert not any(b in ("Vụ", "Cục", "Tổng cục") for b in bodies)


def test_a_known_ministry_is_not_read_again_with_the_adverb_after_it():
    text = """CHÍNH PHỦ
NGHỊ QUYẾT
II. NHIỆM VỤ
1. Bộ Nông nghiệp và Môi trường khẩn trương chủ trì, phối hợp với Cục Quản lý đê điều rà soát.
"""
    got = roles(text)
    assert ("lead", "Bộ Nông nghiệp và Môi trường") in got
    assert ("coordinate", "Cục Quản lý đê điều") in got
    assert not any("khẩn trương" in b for _, b in got)


UNIT_PLAN = """BỘ Y TẾ
CỤC QUẢN LÝ DƯỢC
KẾ HOẠCH
Kiểm tra chất lượng thuốc năm 2026
I. KẾT QUẢ NĂM 2025
Trung tâm Kiểm nghiệm thuốc tỉnh đã chủ trì lấy mẫu 500 mẫu thuốc.
Viện Kiểm nghiệm thuốc Trung ương được đầu tư thiết bị.
II. NHIỆM VỤ
1. Cục Quản lý dược giao Phòng Quản lý chất lượng chủ trì xây dựng kế hoạch lấy mẫu.
2. Bệnh viện Đa khoa tỉnh đã triển khai phần mềm quản lý.
3. Trung tâm Dữ liệu y tế được nâng cấp trong năm 2026.
III. TỔ CHỨC THỰC HIỆN
1. Cục Quản lý dược yêu cầu Viện Kiểm nghiệm thuốc Trung ương tổ chức lấy mẫu.
2. Phòng Pháp chế - Thanh tra theo dõi, tổng hợp.
"""


def test_an_issuer_the_gazetteer_lacks_gives_orders_and_leads_none():
    got = roles(UNIT_PLAN)
    assert ("lead", "Phòng Quản lý chất lượng") in got
    assert ("lead", "Viện Kiểm nghiệm thuốc Trung ương") in got
    assert ("lead", "Phòng Pháp chế - Thanh tra") in got
    bodies = [b for _, b in got]
    assert not any(b.startswith("Cục Quản lý dược") for b in bodies)  # the issuer, under its ministry
    # past work, passive sentences: no subject of a task
    assert not any(b.startswith(("Trung tâm", "Bệnh viện")) for b in bodies)
    assert len(got) == 3


def test_a_unit_the_gazetteer_lacks_chu_tri_outside_the_task_sections():
    text = """BỘ TÀI CHÍNH
KẾ HOẠCH
Triển khai Luật Ngân sách nhà nước
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm thi hành Luật.
2. Vụ Hành chính sự nghiệp chủ trì bố trí kinh phí thực hiện Kế hoạch.
II. TÌNH HÌNH THỰC HIỆN NĂM TRƯỚC
Năm 2025, Cục Quản lý công sản chủ trì kiểm kê tài sản.
III. NHIỆM VỤ
1. Vụ Pháp chế chủ trì, phối hợp với Vụ Ngân sách nhà nước xây dựng Thông tư.
"""
    got = roles(text)
    assert ("lead", "Vụ Hành chính sự nghiệp") in got
    assert ("lead", "Vụ Pháp chế") in got
    assert ("coordinate", "Vụ Ngân sách nhà nước") in got
    assert not any(b.startswith("Cục Quản lý công sản") for _, b in got)  # past work


def test_the_units_of_a_ministry_as_one_collective_each():
    text = """BỘ NỘI VỤ
KẾ HOẠCH
Triển khai Luật
I. MỤC ĐÍCH
Bảo đảm thi hành.
II. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các cơ quan, đơn vị thuộc Bộ tổ chức thực hiện.
2. Các Vụ, Cục, Tổng cục và đơn vị trực thuộc Bộ căn cứ chức năng, nhiệm vụ triển khai.
3. Các đơn vị thuộc Bộ báo cáo kết quả thực hiện.
"""
    got = roles(text)
    assert got == [("lead", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ"),
                   ("lead", "Các Vụ, Cục, Tổng cục và đơn vị trực thuộc Bộ"),
                   ("lead", "Các đơn vị thuộc Bộ")]
