"""Deadlines on the seeds (as in the gold files), seed snippets and corpus-style snippets."""
from __future__ import annotations

import pytest

import vnplan
from vnplan.extract.deadlines import clause_start, extract_deadlines, reference_date
from vnplan.model import Document, Metadata
from vnplan.lang.text import fold


def _doc(text: str, date: str | None = "2024-02-01") -> Document:
    """A bare document (no outline): the rules must work on plain text too."""
    return Document(text=text, metadata=Metadata(date=date))


def _rows(dls):
    return [(d.due, d.period_start, d.recurrence) for d in dls]


# --- the seeds, as annotated in the gold files ---------------------------------------------------

GOLD = {
    "000": [],
    "001": [("2024-04-30", None, "hoàn thành trong tháng 4/2024")],
    "002": [(None, "P1Y", "định kỳ hằng năm báo cáo kết quả thực hiện với ban thường vụ huyện ủy")],
    "003": [
        ("2019-12-31", None, "tổ chức học tập, quán triệt xong trong quý iv/2019"),
        (None, "P6M", "định kỳ 06 tháng báo cáo tình hình kết quả thực hiện về ban thường vụ tỉnh ủy"),
        ("2019-12-31", None, "hoàn thành xong trong quý iv/2019"),
        ("2020-12-31", None, "hoàn thành trong năm 2020"),
        ("2019-10-31", None, "tổ chức phổ biến, quán triệt xong trong tháng 10/2019"),
        (None, "P1Y", "định kỳ hằng năm báo cáo kết quả thực hiện với ban thường vụ tỉnh ủy và ban tuyên giáo trung ương"),
    ],
    "004": [
        # GOLD.md rule 5 (cadences on any task); the seed gold predates it and lacks this one
        (None, "P1Y", "hàng năm"),  # "Hàng năm, tổ chức xét chọn, tôn vinh trí thức tiêu biểu"
        ("2024-03-31", None, "hoàn thành trong quý i/2024"),
        ("2024-03-31", None, "hoàn thành trong quý i/2024"),
        ("2024-12-31", None, "hoàn thành trong năm 2024"),
    ],
}


@pytest.mark.parametrize("key", sorted(GOLD))
def test_seed_deadlines_match_gold(parsed, key):
    doc = parsed[key]
    got = doc.deadlines
    assert len(got) == len(GOLD[key])
    for d, (due, rec, text) in zip(got, GOLD[key]):
        assert (d.due, d.recurrence) == (due, rec)
        assert text in fold(d.text)
        assert doc.text[d.span[0]:d.span[1]] == d.text
        assert d.section is not None and doc.section(d.section) is not None
        assert d.task
    assert all(d.bodies == [] for d in extract_deadlines(doc))  # filled later by assignments


def test_seed_003_strategy_period_is_not_a_deadline(parsed):
    dues = [d.due for d in parsed["003"].deadlines]
    assert "2030-12-31" not in dues and dues.count("2020-12-31") == 1
    d = next(d for d in parsed["003"].deadlines if d.due == "2020-12-31")
    assert d.task == "xây dựng chiến lược phát triển đội ngũ trí thức của tỉnh giai đoạn 2021-2030"


def test_seed_000_narrative_has_no_deadline(parsed):
    # "Từ năm 2008 đến nay", "Sau 15 năm": the situation section
    assert parsed["000"].deadlines == []


def test_seed_004_task_of_parenthesised_deadline(parsed):
    d = parsed["004"].deadlines[3]
    assert d.text == "hoàn thành trong năm 2024"
    assert d.task.endswith("nghiên cứu xây dựng Quỹ đổi mới sáng tạo")


def test_reference_date(parsed):
    assert str(reference_date(parsed["003"])) == "2019-08-27"
    assert str(reference_date(parsed["004"])) == "2024-02-01"
    # no header date: the latest day written in the preamble
    doc = Document(text="KẾ HOẠCH\nThực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành\n",
                   preamble=[0, 70])
    assert str(reference_date(doc)) == "2023-11-24"


# --- snippets ------------------------------------------------------------------------------------

def test_parenthesised_completion():
    text = ("2. Các cấp ủy chỉ đạo xây dựng kế hoạch triển khai thực hiện Nghị quyết số 45-NQ/TW, ngày "
            "24/11/2023 (hoàn thành trong quý I/2024); thường xuyên kiểm tra, đôn đốc.")
    (d,) = extract_deadlines(_doc(text))
    assert (d.text, d.due, d.period_start) == ("hoàn thành trong quý I/2024", "2024-03-31", "2024-01-01")
    assert d.task.startswith("Các cấp ủy chỉ đạo xây dựng kế hoạch")  # the list marker is dropped


def test_in_clause_completion_with_inner_parenthesis():
    text = ("Chủ trì tổ chức thực hiện Tiểu dự án 1. Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh "
            "(qua Công an tỉnh) trong tháng 11/2025.")
    (d,) = extract_deadlines(_doc(text, "2025-11-20"))
    assert d.due == "2025-11-30"
    assert d.text == "Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025"
    assert d.task == "Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh)"


@pytest.mark.parametrize("text,due", [
    ("Sở Nội vụ trình Ủy ban nhân dân tỉnh trước ngày 30/6/2024.", "2024-06-30"),
    ("Các sở gửi báo cáo chậm nhất ngày 15/3/2025.", "2025-03-15"),
    ("Các đơn vị gửi kế hoạch về Sở Tư pháp trước 30/6.", "2024-06-30"),
    ("Tổ chức hội nghị sơ kết (Quý III/2025).", "2025-09-30"),
    ("Xây dựng đề án, trình Ban Thường vụ trong 6 tháng đầu năm 2025.", "2025-06-30"),
])
def test_completion_cues(text, due):
    (d,) = extract_deadlines(_doc(text))
    assert d.due == due


@pytest.mark.parametrize("text", [
    "Đến năm 2030, 100% xã đạt chuẩn nông thôn mới.",
    "Tầm nhìn đến năm 2045",
    "Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương.",
    "Từ năm 2008 đến nay, cử đi đào tạo 120 người.",
    "Sau 15 năm triển khai thực hiện, nhận thức được nâng lên.",
    "Phấn đấu ngay trong năm 2025; đến năm 2030 đạt 100% xã không ma túy.",
    "lộ trình đạt mục tiêu ít nhất 50% xã không có ma túy vào năm 2030.",
    "xây dựng chiến lược phát triển đội ngũ trí thức giai đoạn 2021-2030.",
    "phương hướng, nhiệm vụ 5 năm (2020 - 2025).",
    "Thường xuyên kiểm tra, đánh giá, định kỳ sơ kết, tổng kết thực hiện Nghị quyết.",
    "Hằng năm 100% đội ngũ trí thức trong khu vực công được bồi dưỡng cập nhật kiến thức mới.",
    "bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm, báo cáo cấp có thẩm quyền.",
    "Trong tháng 12/2023, toàn tỉnh đã tổ chức 20 hội nghị.",  # before the document: narrative
])
def test_not_deadlines(text):
    assert extract_deadlines(_doc(text)) == []


@pytest.mark.parametrize("text,rec,due", [
    ("Ủy ban nhân dân huyện xây dựng kế hoạch; định kỳ hằng năm báo cáo kết quả thực hiện với Ban "
     "Thường vụ Huyện ủy.", "P1Y", None),
    ("Theo dõi việc thực hiện. Định kỳ 06 tháng báo cáo tình hình kết quả thực hiện về Ban Thường vụ "
     "Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy).", "P6M", None),
    ("b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố.", "P1Y",
     "2024-12-15"),
    ("yêu cầu các Sở nghiêm túc triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hàng năm báo cáo "
     "kết quả thực hiện về UBND Thành phố.", "P1Y", None),  # a day of every year, not one due date
    ("Hằng năm hoặc đột xuất báo cáo kết quả thực hiện về Bộ Công an.", "P1Y", None),
    ("Các sở thực hiện chế độ báo cáo định kỳ hằng quý về Sở Nội vụ.", "P3M", None),
])
def test_reporting_cadences(text, rec, due):
    (d,) = extract_deadlines(_doc(text))
    assert (d.recurrence, d.due) == (rec, due)
    assert "báo cáo" in d.text and d.task.startswith("báo cáo")


def test_one_cadence_per_paragraph():
    text = ("4. Các đơn vị định kỳ hàng năm báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm "
            "nhất ngày 17 tháng 12. Thời gian báo cáo định kỳ hàng năm tính từ ngày 15 tháng 12 năm trước "
            "kỳ báo cáo đến ngày 14 tháng 12 của kỳ báo cáo.")
    (d,) = extract_deadlines(_doc(text, "2025-11-19"))
    assert (d.recurrence, d.due) == ("P1Y", "2025-12-17")
    assert d.task == "báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường"


def test_labelled_time_lines():
    text = ("1. Tổ chức tập huấn chuyên sâu\n- Cơ quan chủ trì: Bộ Công an.\n"
            "- Thời gian thực hiện: năm 2025 và các năm tiếp theo.\n"
            "2. Xây dựng Cổng thông tin\n- Thời gian thực hiện: năm 2026 - 2027.\n"
            "3. Xây dựng Nghị định\n+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n"
            "4. Khảo sát\n- Thời gian thực hiện: Quý III/2025\n"
            "5. Theo dõi\n- Thời gian thực hiện: Thường xuyên\n")
    got = extract_deadlines(_doc(text, "2025-11-29"))
    # "năm 2025 và các năm tiếp theo" has no end: not a deadline (Drop.OPEN_ENDED)
    assert _rows(got) == [("2027-12-31", "2026-01-01", None),
                          ("2026-01-01", None, None), ("2025-09-30", "2025-07-01", None)]
    assert got[0].text == "Thời gian thực hiện: năm 2026 - 2027"
    assert [d.task for d in got] == ["Xây dựng Cổng thông tin", "Xây dựng Nghị định", "Khảo sát"]


def test_numbered_heading_period_is_not_a_task_deadline():
    text = "3. Thời gian thực hiện: Từ năm 2025 đến hết năm 2030.\n"
    assert extract_deadlines(_doc(text, "2025-11-17")) == []


def test_task_table_time_column():
    text = ("PHỤ LỤC\n| TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
            "| 1 | Tổ chức điều chỉnh quy hoạch hạ tầng viễn thông đến năm 2030 | Ban Quản lý | Sở Công Thương | Quý III Năm 2026 |\n"
            "| 2 | Khảo sát thực trạng hạ tầng | Ban Quản lý | Sở Khoa học và Công nghệ | Quý IV/2025- Quý II/2026 |\n"
            "| 3 | Xây dựng kế hoạch đầu tư công | Ban Quản lý | Sở Tài chính | Thường xuyên |\n"
            "| 4 | Công bố kết quả | Ban Quản lý | Sở Khoa học và Công nghệ | Hàng năm |\n")
    got = extract_deadlines(_doc(text, "2025-11-24"))
    assert _rows(got) == [("2026-09-30", "2026-07-01", None), ("2026-06-30", "2025-10-01", None),
                          (None, None, "P1Y")]
    # the row's task cell says what is due: text = task - time
    assert [d.text for d in got] == [
        "Tổ chức điều chỉnh quy hoạch hạ tầng viễn thông đến năm 2030 - Quý III Năm 2026",
        "Khảo sát thực trạng hạ tầng - Quý IV/2025- Quý II/2026", "Công bố kết quả - Hàng năm"]
    assert got[0].task == "Tổ chức điều chỉnh quy hoạch hạ tầng viễn thông đến năm 2030"
    for d in got:
        row = text[d.span[0]:d.span[1]]
        assert row.startswith(d.task) and row.endswith(d.text.rsplit(" - ", 1)[1])


def test_review_verbs_take_a_year():
    # "sơ kết"/"tổng kết" are tasks: a year after "vào/trong năm" is their deadline
    text = ("3- Văn phòng Tỉnh ủy theo dõi, đôn đốc; tham mưu Ban Thường vụ Tỉnh ủy sơ kết giữa kỳ vào năm 2027, "
            "tổng kết vào năm 2031.\n4- Ban Dân vận tham mưu tổ chức sơ kết trong năm 2028.\n")
    got = extract_deadlines(_doc(text, "2026-03-02"))
    assert [(d.due, d.text) for d in got] == [
        ("2027-12-31", "tham mưu Ban Thường vụ Tỉnh ủy sơ kết giữa kỳ vào năm 2027"),
        ("2031-12-31", "tổng kết vào năm 2031"),
        ("2028-12-31", "Ban Dân vận tham mưu tổ chức sơ kết trong năm 2028")]
    assert got[1].task == "tổng kết"


def test_objective_years_stay_no_deadline():
    text = ("II. MỤC TIÊU\nTầm nhìn đến năm 2045\nĐến năm 2030, tỷ lệ đô thị hóa đạt 50%; "
            "phấn đấu vào năm 2030 hoàn thiện hạ tầng.\n")
    assert extract_deadlines(_doc(text, "2026-03-02")) == []


def test_dash_and_paren_item_markers_stripped():
    text = "1- Các chi bộ tổ chức quán triệt xong trong quý III/2026.\n2) Các đảng bộ hoàn thành trong tháng 9/2026.\n"
    got = extract_deadlines(_doc(text, "2026-03-02"))
    assert [d.text for d in got] == ["Các chi bộ tổ chức quán triệt xong trong quý III/2026",
                                     "Các đảng bộ hoàn thành trong tháng 9/2026"]
    assert got[0].task == "Các chi bộ tổ chức quán triệt xong"


def test_since_clause_gives_period_start():
    text = "Từ tháng 1/2010 thực hiện rà soát, hướng dẫn các hộ xây dựng và nghiệm thu trước 30/9/2010."
    (d,) = extract_deadlines(_doc(text, "2009-12-01"))
    assert (d.period_start, d.due) == ("2010-01-01", "2010-09-30")


def test_clause_start_skips_closed_parentheses():
    text = "a; Hoàn thành, báo cáo (qua Công an tỉnh) trong tháng 11/2025"
    assert clause_start(text, text.index("trong")) == (2, False)
    assert clause_start("x (hoàn thành trong quý I/2024)", 20) == (3, True)


def test_whole_pipeline_on_corpus_style_text():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 182/KH-UBND\nĐồng Nai, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "Phòng, chống ma túy\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Căn cứ Kế hoạch này, các Sở xây dựng kế hoạch triển khai thực hiện "
            "(hoàn thành trong tháng 11/2025) gửi về Công an tỉnh.\n")
    doc = vnplan.parse(text, strict=True)
    (d,) = doc.deadlines
    assert (d.text, d.due) == ("hoàn thành trong tháng 11/2025", "2025-11-30")
    assert d.section is not None


@pytest.mark.parametrize("text,want", [
    ("", []),
    ("\x00\x01\ufffd", []),
    ("|||\n| a |", []),
    ("(" * 5000 + "hoàn thành trong quý I/2024", [("hoàn thành trong quý I/2024", "2024-03-31", "2024-01-01", None)]),
    ("trước " * 3000 + "ngày 30/6/2024", [(None, "2024-06-30", None, None)]),
    ("- Thời gian thực hiện: Quý III/2025\n" * 3, [("Thời gian thực hiện: Quý III/2025", "2025-09-30", "2025-07-01", None)] * 3),
    ("Định kỳ hằng năm báo cáo kết quả.\n" * 50, [("Định kỳ hằng năm báo cáo kết quả", None, None, "P1Y")] * 50),
    ("Các đơn vị hoàn thành trong Quy lI/2026.",  # OCR damage: "Quy lI" is "Quý II"
     [("Các đơn vị hoàn thành trong Quy lI/2026", "2026-06-30", "2026-04-01", None)]),
    ("Các đơn vị hoàn_thành trong tháng 4/2024.",  # word-segmented text
     [("Các đơn vị hoàn_thành trong tháng 4/2024", "2024-04-30", "2024-04-01", None)]),
    ("Sở Tài chính báo cáo trước ngày 31/2/2024.", []),  # no such day
    ("Ngày 15 tháng 3 năm 2025; hoàn thành trước ngày 30/6/2025",
     [("hoàn thành trước ngày 30/6/2025", "2025-06-30", None, None)]),
])
def test_odd_but_meaningful_inputs(text, want):
    """Pathological or damaged input still gives exactly the deadlines it states (strict parse:
    an exception would fail the test)."""
    got = [(d.text, d.due, d.period_start, d.recurrence) for d in vnplan.parse(text, strict=True).deadlines]
    assert len(got) == len(want)
    for (text_got, *dates_got), (text_want, *dates_want) in zip(got, want):
        assert dates_got == dates_want and text_want in (None, text_got)


def test_a_yearless_day_needs_the_document_date():
    text = "Các sở báo cáo trước ngày 30/6."
    assert _rows(extract_deadlines(_doc(text))) == [("2024-06-30", None, None)]
    assert extract_deadlines(_doc(text, None)) == []
