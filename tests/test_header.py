"""Header metadata on real text: seed headers (tabs, interleaved columns, no header at all), the
corpus's pipe-table headers, signature blocks, and the whole seeds against their gold."""
from __future__ import annotations

import pytest

from vnplan.header import case_body, cells, doc_type_of, extract_metadata, issuer_from_caps

# seed 003: two-column header flattened with tabs, interleaved
SEED003_HEAD = (" \tTỈNH ỦY ĐIỆN BIÊN\n*\nSố 83-KH/TU\n\tĐẢNG CỘNG SẢN VIỆT NAM\n"
                "Điện Biên, ngày 27 tháng 8 năm 2019\nKẾ HOẠCH\n"
                "triển khai Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư\n"
                "về tiếp tục thực hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức\n"
                "-----\n"
                "Thực hiện Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư Trung ương Đảng, "
                "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau:\n")

# seed 004: blank number and day, "(dự thảo)", the issuing body under the type line
SEED004_HEAD = (" \tTỈNH ỦY HÀ GIANG\n          *\nSố    -CTr/TU\n    (dự thảo)\n\t\n"
                "\tĐẢNG CỘNG SẢN VIỆT NAM\nHà Giang, ngày  tháng 02 năm 2024\nCHƯƠNG TRÌNH\n"
                "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n"
                "thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng "
                "Khóa XIII về tiếp tục xây dựng\n-----\n"
                "Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương.\n")

# corpus 001 (Đồng Nai): header as markdown pipe-table rows
PIPE_HEAD = ("| ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
             "Tự do - Hạnh phúc --------------- |\n| Số: 182/KH-UBND | Đồng Nai, ngày 20 tháng 11 "
             "năm 2025 |\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÒNG, CHỐNG "
             "MA TÚY ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI\nThực hiện Nghị quyết số 163/2024/QH15 "
             "ngày 27/11/2024 của Quốc hội, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n")

# corpus 001's footer: the recipients and signature cells of one pipe row
PIPE_FOOT = ("| Nơi nhận:\n- Văn phòng Chính phủ;\n- Bộ Công an;\n- Chủ tịch, các PCT UBND tỉnh;\n"
             "- Lưu: VT, KGVX, KTNS, NC.\n| KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Trường Sơn\n|")


def test_tabbed_interleaved_header():
    md = extract_metadata(SEED003_HEAD)
    assert (md.doc_type, md.number, md.issuer) == ("Kế hoạch", "83-KH/TU", "Tỉnh ủy Điện Biên")
    assert (md.place, md.date, md.draft) == ("Điện Biên", "2019-08-27", False)
    assert md.title.startswith("triển khai Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư về")
    assert md.title.endswith("xây dựng đội ngũ trí thức")
    s, e = md.spans["number"]
    assert SEED003_HEAD[s:e] == "83-KH/TU"
    s, e = md.spans["date"]
    assert SEED003_HEAD[s:e].endswith("năm 2019")


def test_blank_number_and_day_draft_and_issuing_body_line():
    md = extract_metadata(SEED004_HEAD)
    assert md.number is None and "number" in md.spans
    assert (md.doc_type, md.issuer, md.place, md.date) == ("Chương trình", "Tỉnh ủy Hà Giang",
                                                           "Hà Giang", "2024-02")
    assert md.draft is True
    assert md.title.startswith("thực hiện Nghị quyết số 45-NQ/TW")  # not "CỦA BAN CHẤP HÀNH ..."


def test_pipe_table_header():
    md = extract_metadata(PIPE_HEAD)
    assert md.number == "182/KH-UBND"
    assert md.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert (md.place, md.date, md.doc_type) == ("Đồng Nai", "2025-11-20", "Kế hoạch")
    assert md.title.startswith("TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH") and md.title.endswith("ĐỒNG NAI")


def test_pipe_table_footer_signer_and_recipients():
    text = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo./.\n" + PIPE_FOOT
    md = extract_metadata(text, [0, 0], [text.index("| Nơi"), len(text)])
    assert (md.signer.name, md.signer.title, md.signer.authority) == ("Lê Trường Sơn",
                                                                      "Phó Chủ tịch", "KT.")
    assert md.recipients == ["Văn phòng Chính phủ", "Bộ Công an", "Chủ tịch, các PCT UBND tỉnh",
                             "Lưu: VT, KGVX, KTNS, NC"]
    s, e = md.signer.span
    assert text[s:e].startswith("KT. CHỦ TỊCH") and text[s:e].endswith("Lê Trường Sơn")


def test_signer_merged_into_recipients_lines():
    # seed 002: "Nơi nhận: T/M BAN THƯỜNG VỤ" then the list, the post, the name
    text = ("như sau.\nNơi nhận: T/M BAN THƯỜNG VỤ\n- Thường trực Tỉnh ủy (b/c),\n"
            "- Ban Tuyên giáo Tỉnh ủy,\n- Lưu.\nPHÓ BÍ THƯ\nCao Trang Trọng\n")
    md = extract_metadata(text, [0, 0], [text.index("Nơi"), len(text)])
    assert (md.signer.name, md.signer.title, md.signer.authority) == ("Cao Trang Trọng",
                                                                      "Phó Bí thư", "T/M")
    assert md.recipients == ["Thường trực Tỉnh ủy (b/c)", "Ban Tuyên giáo Tỉnh ủy", "Lưu"]


def test_recipient_lines_are_not_names():
    # seed 004: no signer name; "- Lưu Văn phòng Tỉnh ủy." is a recipient, not a person
    text = ("báo cáo.\nNơi nhận.\n- Thường trực Tỉnh ủy,\n- Các ban, sở, ngành  Mặt trận Tổ quốc\n"
            "và các tổ chức chính trị - xã hội tỉnh,\n- Lưu Văn phòng Tỉnh ủy.\n")
    md = extract_metadata(text, [0, 0], [text.index("Nơi"), len(text)])
    assert md.signer.name is None
    assert md.recipients[1] == "Các ban, sở, ngành Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh"
    assert md.recipients[-1] == "Lưu Văn phòng Tỉnh ủy"


def test_issuer_from_the_issuing_sentence_when_no_header():
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023\n"
            "Thực hiện Nghị quyết số 45-NQ/TW (sau đây gọi tắt là Nghị quyết số 45-NQ/TW); Ban "
            "Thường vụ Tỉnh ủy ban hành Chương trình hành động thực hiện Nghị quyết với những nội dung sau:\n")
    md = extract_metadata(text)
    assert md.issuer == "Ban Thường vụ Tỉnh ủy" and md.doc_type == "Chương trình hành động"
    assert md.number is None and md.date is None
    s, e = md.spans["issuer"]
    assert text[s:e] == "Ban Thường vụ Tỉnh ủy"


def test_no_header_narrative_gives_nothing():
    text = ("Công tác tuyên truyền, quán triệt được chú trọng. Tỉnh ủy tổ chức Hội nghị học tập Nghị "
            "quyết số 27-NQ/TW cho trên 500 cán bộ chủ chốt của tỉnh; tỉnh đã ban hành Kế hoạch.")
    md = extract_metadata(text)
    assert (md.doc_type, md.number, md.issuer, md.date, md.title) == (None,) * 5


@pytest.mark.parametrize("text, issuer", [
    # corpus 021 (glued "XXInhiệm" as on the page) and 029: the congress, not its session or term
    ("NGHỊ QUYẾT\nĐại hội đại biểu Đảng bộ huyện Tân Kỳ lần thứ XXInhiệm kỳ 2020 - 2025\n"
     "Đại hội đại biểu Đảng bộ huyện Tân Kỳ lần thứ XXI, nhiệm kỳ 2020 - 2025, diễn ra từ ngày 5 "
     "tháng 8 đến ngày 6 tháng 8 năm 2020, tại Hội trường Trung tâm Văn hóa huyện.\n",
     "Đại hội đại biểu Đảng bộ huyện Tân Kỳ"),
    ("NGHỊ QUYẾT\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BẮC GIANG LẦN THỨ XIX, NHIỆM KỲ 2020 - 2025\n-----\n"
     "Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX, nhiệm kỳ 2020-2025 họp từ ngày 13/10/2020.\n",
     "Đại hội đại biểu Đảng bộ tỉnh Bắc Giang"),
    ("NGHỊ QUYẾT\nĐẠI HỘI ĐẢNG BỘ XÃ TÂN PHÚ KHÓA XV\nĐại hội đã thảo luận các văn kiện.\n",
     "Đại hội Đảng bộ xã Tân Phú"),
])
def test_congress_issuer_without_session_or_term(text, issuer):
    md = extract_metadata(text)
    assert md.doc_type == "Nghị quyết" and md.issuer == issuer
    s, e = md.spans["issuer"]
    assert text[s:e].lower() == issuer.lower()


def test_footer_stops_at_an_annexed_document():
    # corpus 012: a Quyết định whose Kế hoạch follows the signature; its bullets are no recipients
    text = ("Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Quyết định này.\n"
            "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Văn phòng Quốc hội;\n- Lưu: VT, KSTT (2b).\n"
            "THỦ TƯỚNG\nPhạm Minh Chính\nKẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN\n"
            "(Kèm theo Quyết định số /QĐ-TTg ngày tháng năm 2025 của Thủ tướng Chính phủ)\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Xác định cụ thể nội dung công việc, thời hạn.\n"
            "- Nâng cao nhận thức về Luật.\nNguyễn Văn An\n")
    md = extract_metadata(text, [0, 0], [text.index("Nơi nhận"), len(text)])
    assert md.recipients == ["Ban Bí thư Trung ương Đảng", "Văn phòng Quốc hội", "Lưu: VT, KSTT (2b)"]
    assert (md.signer.name, md.signer.title) == ("Phạm Minh Chính", "Thủ tướng")


@pytest.mark.parametrize("caps, cased", [
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ"),
    ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN SỞ Y TẾ", "Sở Y tế"),
    ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BẮC GIANG LẦN THỨ XIX",
     "Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX"),
    ("UBND TỈNH NAM ĐỊNH", "UBND tỉnh Nam Định"),  # abbreviations stay as written
    ("HĐND HUYỆN YÊN THẾ", "HĐND huyện Yên Thế"),
    ("BỘ TRƯỞNG BỘ TÀI CHÍNH", "Bộ Tài chính"),  # an enacting authority: the body
])
def test_issuer_casing(caps, cased):
    assert issuer_from_caps(caps) == cased


def test_type_line():
    assert doc_type_of("CHƯƠNG TRÌNH HÀNH ĐỘNG")[0] == "Chương trình hành động"
    assert doc_type_of("CHỈ THỊ")[0] == "Chỉ thị"
    assert doc_type_of("QUYẾT NGHỊ")[0] is None
    assert doc_type_of("Kế hoạch thực hiện như sau")[0] is None  # sentence case: only alone


def test_cells_split_columns():
    cs = cells("a\tB | C\n\n**D**", 0, 14)
    assert [c.text for c in cs] == ["a", "B", "C", "D"]


def test_never_raises_on_odd_input():
    for t in ("", "\x00\x01|||\t\t", "Số: ", "KẾ HOẠCH", "Nơi nhận:", "T/M", "|" * 1000,
              "ngày tháng năm", "1" * 50000, "ĐẢNG CỘNG SẢN VIỆT NAM\n" * 500):
        extract_metadata(t)
        extract_metadata(t, [0, len(t)], [0, len(t)])
    assert case_body("") == ""


GOLD = {
    "001": dict(doc_type="Chương trình hành động", number=None, issuer="Ban Thường vụ Tỉnh ủy",
                draft=False, signer=("Vũ Mạnh Hà", "Phó Bí thư")),
    "002": dict(doc_type="Kế hoạch", number=None, issuer="Ban Thường vụ Huyện ủy", draft=False,
                signer=("Cao Trang Trọng", "Phó Bí thư")),
    "003": dict(doc_type="Kế hoạch", number="83-KH/TU", issuer="Tỉnh ủy Điện Biên",
                place="Điện Biên", date="2019-08-27", draft=False, signer=("Lò Văn Muôn", None)),
    "004": dict(doc_type="Chương trình", number=None, issuer="Tỉnh ủy Hà Giang", place="Hà Giang",
                date="2024-02", draft=True, signer=(None, None)),
}


@pytest.mark.parametrize("key", sorted(GOLD))
def test_seeds(parsed, key):
    md = parsed[key].metadata
    text = parsed[key].text
    for field, want in GOLD[key].items():
        if field == "signer":
            assert (md.signer.name, md.signer.title) == want
        else:
            assert getattr(md, field) == want, field
    assert md.title.split()[:2] in (["thực", "hiện"], ["triển", "khai"])
    assert md.title.endswith(("giai đoạn mới", "hiện đại hóa đất nước"))
    for field, (s, e) in md.spans.items():
        assert 0 <= s < e <= len(text), field
    if md.signer.name:
        assert md.signer.name in text[md.signer.span[0]:md.signer.span[1]]


def test_seed000_has_no_header(parsed):
    md = parsed["000"].metadata
    assert (md.number, md.date, md.draft, md.doc_type) == (None, None, False, None)


# a two-column header flattened with tabs where the number line comes after the place-date line
# (right column first), and the cleaner's reflow of the "*" line into the date line
NUMBER_AFTER_DATE = ("ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY ĐÔ LƯƠNG\t\n"
                     "*\tĐô Lương, ngày 09 tháng 6 năm 2023\nSố 112-KH/HU\t\nKẾ HOẠCH\n"
                     "thực hiện Chỉ thị số 21-CT/TW của Ban Bí thư về công tác phụ nữ\n"
                     "Thực hiện Chỉ thị số 21-CT/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch:\n")
NUMBER_REFLOWED = ("ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY ĐÔ LƯƠNG\n"
                   "- Đô Lương, ngày 09 tháng 6 năm 2023 Số 112-KH/HU\nKẾ HOẠCH\n"
                   "thực hiện Chỉ thị số 21-CT/TW của Ban Bí thư về công tác phụ nữ\n")


@pytest.mark.parametrize("head", [NUMBER_AFTER_DATE, NUMBER_REFLOWED])
def test_number_line_after_the_place_date_line(head):
    md = extract_metadata(head)
    assert (md.doc_type, md.number, md.issuer) == ("Kế hoạch", "112-KH/HU", "Huyện ủy Đô Lương")
    assert (md.place, md.date) == ("Đô Lương", "2023-06-09")
    s, e = md.spans["number"]
    assert head[s:e] == "112-KH/HU"


# a draft whose number slot is left blank, the columns split by tabs on the same line
BLANK_STUB = ("DỰ THẢO\nBAN THƯỜNG VỤ TỈNH ỦY QUẢNG TRỊ\tĐẢNG CỘNG SẢN VIỆT NAM\n"
              "Số\t-KH/TU\tQuảng Trị, ngày\ttháng 7 năm 2024\nKẾ HOẠCH\n"
              "triển khai Nghị quyết số 09-NQ/TU của Tỉnh ủy về phát triển du lịch\n")
BLANK_STUB_SPACES = ("TỈNH ỦY QUẢNG TRỊ                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
                     "   Số      -KH/TU                 Quảng Trị, ngày     tháng 7 năm 2024\n"
                     "KẾ HOẠCH\ntriển khai Nghị quyết số 09-NQ/TU của Tỉnh ủy về phát triển du lịch\n")


@pytest.mark.parametrize("head,issuer", [(BLANK_STUB, "Ban Thường vụ Tỉnh ủy Quảng Trị"),
                                         (BLANK_STUB_SPACES, "Tỉnh ủy Quảng Trị")])
def test_blank_number_stub_is_the_number_slot_not_the_issuer(head, issuer):
    md = extract_metadata(head)
    assert md.number is None and "number" in md.spans
    assert "KH/TU" in head[md.spans["number"][0]:md.spans["number"][1]]
    assert md.issuer == issuer
    assert (md.doc_type, md.date) == ("Kế hoạch", "2024-07")


# --- invented headers for the classes of the header issue -------------------------------------

@pytest.mark.parametrize("line, typ", [("NGH Ị QUYẾT", "Nghị quyết"), ("K Ế HOẠCH", "Kế hoạch"),
                                       ("K Ế HOẠCH THỰC HIỆN CHỈ THỊ SỐ 05", "Kế hoạch"),
                                       ("CH Ỉ THỊ", "Chỉ thị"), ("KẾ HOẠCH", "Kế hoạch"),
                                       ("CH ƯƠNG TRÌNH HÀNH Đ ỘNG", "Chương trình hành động"),
                                       ("QUY ẾT ĐỊNH", "Quyết định")])
def test_ocr_split_type_words(line, typ):
    assert doc_type_of(line)[0] == typ


@pytest.mark.parametrize("line", ["VỀ VIỆC Ở XÃ", "B Ộ Y TẾ", "Ủy ban nhân dân"])
def test_ocr_joining_makes_no_type_of_other_lines(line):
    assert doc_type_of(line)[0] is None


def test_ocr_split_type_line_gives_type_and_title():
    md = extract_metadata("HUYỆN ỦY LỘC HÀ\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-NQ/HU\tLộc Hà, ngày 3 tháng 4 "
                          "năm 2024\nNGH Ị QUYẾT\nvề phát triển nông nghiệp xanh giai đoạn 2024-2030\n"
                          "-----\nI. TÌNH HÌNH\n")
    assert (md.doc_type, md.title) == ("Nghị quyết", "về phát triển nông nghiệp xanh giai đoạn 2024-2030")


def test_place_broken_over_two_lines_and_unit_words():
    head = ("|\n**ỦY BAN NHÂN DÂN**\nTHÀNH PHỐ HỒ CHÍ MINH\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
            "Độc lập - Tự do - Hạnh Phúc\n|\nSố: 15/KH-UBND\n|\n*Thành phố Hồ\nChí Minh, ngày 5 tháng 3 "
            "năm 2024*\n|\n\nKẾ HOẠCH\nPHÁT TRIỂN GIAO THÔNG XANH\n")
    md = extract_metadata(head)
    assert (md.place, md.date, md.number) == ("Thành phố Hồ Chí Minh", "2024-03-05", "15/KH-UBND")
    one = extract_metadata("THỊ ỦY SƠN TÂY\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 3-KH/TU\tThị xã Sơn Tây, ngày "
                           "2 tháng 5 năm 2023\nKẾ HOẠCH\nvề chuyển đổi số\n")
    assert one.place == "Thị xã Sơn Tây"
    # the national motto line above a place on its own line is not part of the place
    motto = extract_metadata("BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh Phúc\n"
                             "Hà Nội, ngày 9 tháng 9 năm 2022\nKẾ HOẠCH\nvề y tế cơ sở\n")
    assert motto.place == "Hà Nội"


def test_date_digits_split_by_ocr_and_table_header():
    md = extract_metadata("| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
                          "do - Hạnh phúc --------------- |\n|---|---|\n| Số: 41 /QĐ-TTg | Hà Nội, ngày 0 "
                          "8 tháng 0 6 năm 2021 |\n\nQUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH VỀ ĐƯỜNG SẮT\n")
    assert (md.place, md.date, md.number, md.issuer) == ("Hà Nội", "2021-06-08", "41/QĐ-TTg",
                                                         "Thủ tướng Chính phủ")


@pytest.mark.parametrize("authority", ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ Y TẾ"])
def test_title_stops_before_the_enacting_authority(authority):
    text = ("| ỦY BAN NHÂN DÂN TỈNH HÀ NAM ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
            "Hạnh phúc --------------- |\n|---|---|\n| Số: 71/QĐ-UBND | Hà Nam, ngày 2 tháng 3 năm 2023 |"
            "\n\nQUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI NĂM 2023\n\n" + authority +
            "\n\nCăn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\n\nQUYẾT ĐỊNH:\n")
    md = extract_metadata(text)
    assert md.title == "BAN HÀNH KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI NĂM 2023"
    assert md.issuer == "Ủy ban nhân dân tỉnh Hà Nam"  # the header's issuer stays


def test_title_goes_on_after_a_linking_word():
    # "... CỦA" ends the line: the post on the next line belongs to the trích yếu
    md = extract_metadata("UBND TỈNH NAM ĐỊNH\nSố: 5/KH-UBND\nKẾ HOẠCH\nTHỰC HIỆN KẾT LUẬN CỦA\n"
                          "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n-----\nThực hiện Kết luận, UBND tỉnh ban hành:\n")
    assert md.title == "THỰC HIỆN KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"


@pytest.mark.parametrize("formula, issuer", [
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("THỦ TƯỚNG CHÍNH PHỦ QUYẾT ĐỊNH:", "Thủ tướng Chính phủ"),
    ("BỘ TRƯỞNG BỘ Y TẾ", "Bộ Y tế"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
])
def test_issuer_given_only_in_the_enacting_formula(formula, issuer):
    text = ("Số: 88/QĐ-XX\tHà Nội, ngày 4 tháng 7 năm 2022\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH "
            "CHUYỂN ĐỔI SỐ NĂM 2022\n" + formula + "\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm "
            "2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    md = extract_metadata(text)
    assert md.issuer == issuer
    assert md.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2022"


def test_number_with_tu_read_as_tw():
    md = extract_metadata("BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 15-QĐ/TƯ\tHà Nội, ngày "
                          "3 tháng 2 năm 2021\nQUY ĐỊNH\nvề kết nối dữ liệu\n")
    assert (md.number, md.doc_type) == ("15-QĐ/TW", "Quy định")


def test_on_behalf_of_a_body_named_like_a_post_gives_no_post():
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 9-QĐ/TW\nQUY ĐỊNH\nvề lưu trữ\n-----\nĐiều 1. Nội dung.\n"
            "| Nơi nhận: - Các tỉnh ủy; - Lưu Văn phòng Trung ương. | T/M BAN BÍ THƯ Lê Văn Tám |\n")
    md = extract_metadata(text)
    assert (md.signer.authority, md.signer.title, md.signer.name) == ("T/M", None, "Lê Văn Tám")
    party = extract_metadata(text.replace("T/M BAN BÍ THƯ", "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"))
    assert party.signer.title == "Phó Bí thư"


DECISION_WITH_PLAN = (
    "| ỦY BAN NHÂN DÂN TỈNH AN GIANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
    "Hạnh phúc --------------- |\n|---|---|\n| Số: 310/QĐ-UBND | An Giang, ngày 12 tháng 4 năm 2024 |\n\n"
    "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2024\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch cộng đồng năm 2024.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Văn hóa chịu trách nhiệm thi hành.\n\n"
    "| Nơi nhận: - Như Điều 3; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Lâm |\n"
    "|---|---|\n\nKẾ HOẠCH\n\nPHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2024 (Kèm theo Quyết định số 310/QĐ-UBND "
    "ngày 12/4/2024 của Chủ tịch Ủy ban nhân dân tỉnh)\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
    "Phát triển du lịch cộng đồng bền vững.\n\nII. NHIỆM VỤ\n\n1. Sở Văn hóa chủ trì xây dựng sản phẩm "
    "du lịch.\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành triển khai thực hiện Kế hoạch này.\n")


def test_signer_of_a_decision_that_carries_a_plan():
    from vnplan import parse
    md = parse(DECISION_WITH_PLAN, strict=True).metadata
    assert (md.doc_type, md.number, md.issuer) == ("Quyết định", "310/QĐ-UBND", "Ủy ban nhân dân tỉnh An Giang")
    assert md.title == "BAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2024"
    assert (md.signer.title, md.signer.name) == ("Phó Chủ tịch", "Trần Văn Lâm")
    # the plan signs again at its end, for the body: the decision's own signer is still the first
    signed = DECISION_WITH_PLAN + "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thanh Bình\n"
    md2 = parse(signed, strict=True).metadata
    assert (md2.signer.title, md2.signer.name) == ("Phó Chủ tịch", "Trần Văn Lâm")


def test_place_date_below_the_type_line_and_without_comma():
    # the right column flattened under the type line; a title with a date is not a place-date
    md = extract_metadata("TỈNH ỦY LẠNG SƠN\nSố 21-CTr/TU\nCHƯƠNG TRÌNH\nLạng Sơn, ngày 9 tháng 10 năm 2021\n"
                          "thực hiện Nghị quyết số 12-NQ/TW, ngày 16 tháng 10 năm 2012\n-----\n")
    assert (md.place, md.date) == ("Lạng Sơn", "2021-10-09")
    assert md.title == "thực hiện Nghị quyết số 12-NQ/TW, ngày 16 tháng 10 năm 2012"
    title_only = extract_metadata("TỈNH ỦY LẠNG SƠN\nSố 21-CTr/TU\nCHƯƠNG TRÌNH\nTHỰC HIỆN NGHỊ QUYẾT SỐ "
                                  "12-NQ/TW, NGÀY 16 THÁNG 10 NĂM 2012\n-----\n")
    assert title_only.date is None
    bare = extract_metadata("UBND HUYỆN ĐÔNG ANH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 7/KH-UBND\t"
                            "Đông Anh ngày 11 tháng 01 năm 2024\nKẾ HOẠCH\nvề vệ sinh môi trường\n")
    assert (bare.place, bare.date) == ("Đông Anh", "2024-01-11")


@pytest.mark.parametrize("formula, issuer", [
    ("HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU\nKHÓA XV, KỲ HỌP THỨ 9", "Hội đồng nhân dân tỉnh Lai Châu"),
    ("ỦY BAN NHÂN DÂN TỈNH KON TUM", "Ủy ban nhân dân tỉnh Kon Tum"),
    ("BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH:", "Ban Thường vụ Tỉnh ủy"),
])
def test_body_alone_as_enacting_formula(formula, issuer):
    # no header issuer (an excerpt): the body above the legal bases is the issuer, not the title
    text = ("Số: 10/2024/NQ-HĐND\tLai Châu, ngày 4 tháng 7 năm 2024\nNGHỊ QUYẾT\nQUY ĐỊNH MỨC CHI HỖ "
            "TRỢ PHÁT TRIỂN CHÈ\n" + formula + "\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 "
            "tháng 6 năm 2015;\nQUYẾT NGHỊ:\nĐiều 1. Phạm vi.\n")
    md = extract_metadata(text)
    assert (md.title, md.issuer) == ("QUY ĐỊNH MỨC CHI HỖ TRỢ PHÁT TRIỂN CHÈ", issuer)


def test_a_title_line_naming_a_body_is_kept_without_legal_bases_after_it():
    md = extract_metadata("TỈNH ỦY BẮC KẠN\nSố 5-KH/TU\nKẾ HOẠCH\nTỔNG KẾT CÔNG TÁC NĂM 2024\nỦY BAN "
                          "KIỂM TRA TỈNH ỦY\n-----\nThực hiện Quy định, Tỉnh ủy ban hành Kế hoạch:\n")
    assert md.title == "TỔNG KẾT CÔNG TÁC NĂM 2024 ỦY BAN KIỂM TRA TỈNH ỦY"


def test_blank_number_slot_with_tu_symbol():
    # the slot's symbol on a line of its own is not part of the issuer
    md = extract_metadata("BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố\n-QĐ/TƯ\tHà Nội, ngày "
                          "  tháng 2 năm 2021\nQUY ĐỊNH\nvề kết nối dữ liệu\n")
    assert (md.number, md.issuer, md.date) == (None, "Ban Chấp hành Trung ương", "2021-02")
    assert md.spans.get("number")


def test_signer_above_an_attached_plan_without_recipients():
    # an OCR'd decision lost its Nơi nhận block: the signature after Điều 3, above the plan
    from vnplan import parse
    text = DECISION_WITH_PLAN.replace("| Nơi nhận: - Như Điều 3; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH "
                                      "PHÓ CHỦ TỊCH Trần Văn Lâm |\n|---|---|\n",
                                      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Lâm\n")
    text += "".join(f"{k}. Các huyện tổ chức lớp tập huấn về du lịch cộng đồng lần {k}.\n" for k in range(2, 30))
    assert "Nơi nhận" not in text
    md = parse(text, strict=True).metadata
    assert (md.signer.title, md.signer.name) == ("Phó Chủ tịch", "Trần Văn Lâm")


def test_roman_numerals_keep_their_capitals_in_an_issuer():
    # Roman numerals are read by lang.markers (the library's one Roman converter)
    assert issuer_from_caps("ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XIV") == "Đại hội Đảng bộ tỉnh lần thứ XIV"
