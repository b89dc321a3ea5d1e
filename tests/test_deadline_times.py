"""Deadlines by phrasing class, on invented text in the style of provincial plans, and the
reason each dropped time expression is given."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.extract.deadlines import Drop, candidates, extract_deadlines
from vnplan.model import Document, Metadata


def _doc(text: str, date: str = "2026-02-10") -> Document:
    return Document(text=text, metadata=Metadata(date=date))


def _one(text: str):
    got = extract_deadlines(_doc(text))
    assert len(got) == 1, [(d.text, d.due, d.recurrence) for d in got]
    return got[0]


@pytest.mark.parametrize("text,due,shown", [
    # labelled time lines at any numbering
    ("2. Số hóa hồ sơ địa chính\n3. Thời gian thực hiện: Quý II/2026\n", "2026-06-30", "Thời gian thực hiện: Quý II/2026"),
    ("a) Lập danh mục\nc) Thời hạn hoàn thành: tháng 9/2026\n", "2026-09-30", "Thời hạn hoàn thành: tháng 9/2026"),
    ("1. Tập huấn\n- Thời gian thực hiện: Tháng 6, 7/2026\n", "2026-07-31", "Tháng 6, 7/2026"),
    # ranges, lists: due the last
    ("Tổ chức tập huấn cho cán bộ cấp xã từ tháng 2 đến tháng 11 năm 2027.", "2027-11-30", "từ tháng 2 đến tháng 11 năm 2027"),
    ("a) Kể từ ngày 01 tháng 7 năm 2026 đến hết ngày 31\ntháng 12 năm 2027: Áp dụng thí điểm tại các phường.",
     "2027-12-31", "Kể từ ngày 01 tháng 7 năm 2026"),
    ("Tổ chức kiểm tra liên ngành vào tháng 3 và tháng 9 năm 2026.", "2026-09-30", "vào tháng 3 và tháng 9 năm 2026"),
    ("Rà soát, cập nhật cơ sở dữ liệu (Quý II/2026, Quý IV/2026 và thường xuyên).", "2026-12-31", "Quý II/2026, Quý IV/2026"),
    ("Xây dựng phần mềm quản lý văn bản (trong năm 2026).", "2026-12-31", "trong năm 2026"),
    # a year heading a task
    ("Năm 2026: Hoàn thiện hệ thống văn bản hướng dẫn.", "2026-12-31", "Năm 2026"),
    ("Đến năm 2027, hoàn thành số hóa hồ sơ đất đai.", "2027-12-31", "Đến năm 2027"),
    ("Hoàn thành việc cấp giấy chứng nhận cho các hộ đến hết năm 2026.", "2026-12-31", "đến hết năm 2026"),
    ("Xây dựng kịch bản ứng phó từ nay đến hết năm 2026.", "2026-12-31", "từ nay đến hết năm 2026"),
    ("Hội thi tuyên truyền viên\n- Thời gian tổ chức: dự kiến tháng 10/2026.\n", "2026-10-31", "tháng 10/2026"),
    ("Tổ chức hội chợ xúc tiến thương mại, dự kiến trong quý III/2026.", "2026-09-30", "quý III/2026"),
    ("Khảo sát hiện trạng\n- Thời gian thực hiện:\n+ Quý II/2026\n", "2026-06-30", "Quý II/2026"),  # value below
    # a time closing its task clause
    ("Sở Tư pháp xây dựng đề án, trình Ủy ban nhân dân tỉnh, hoàn thành quý II/2026.", "2026-06-30", "quý II/2026"),
    ("Các huyện rà soát danh mục dự án, tháng 8/2026.", "2026-08-31", "tháng 8/2026"),
    # a task that opens by completing something is due at the year that closes it
    ("- Hoàn thành nâng cấp tuyến đê bao phía Bắc huyện năm 2027.", "2027-12-31", "năm 2027"),
    ("- Sơ kết giữa nhiệm kỳ vào năm 2028.", "2028-12-31", "vào năm 2028"),
    # OCR damage
    ("Các huyện hoàn thành trong Quy IV/2026.", "2026-12-31", "Quy IV/2026"),
])
def test_dated_classes(text, due, shown):
    d = _one(text)
    assert d.due == due and d.recurrence is None
    assert shown in d.text and text[d.span[0]:d.span[1]] == d.text


@pytest.mark.parametrize("text,rec", [
    ("Hằng năm, tổ chức hội thi tuyên truyền viên giỏi cấp tỉnh.", "P1Y"),
    ("Sở Y tế tổ chức kiểm tra an toàn thực phẩm hằng quý.", "P3M"),
    ("Các phòng chuyên môn rà soát định kỳ 6 tháng.", "P6M"),
    ("Các đơn vị gửi báo cáo tiến độ trước ngày 20 hằng tháng về Sở Tài chính.", "P1M"),
    ("Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.", "P1Y"),
    ("Định kỳ báo cáo kết quả thực hiện Kế hoạch\nhằng năm về Sở Nội vụ.", "P1Y"),  # across a wrap
    ("Các sở báo cáo kết quả hàng nãm về Ủy ban nhân dân tỉnh.", "P1Y"),  # OCR
    ("Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã vào tháng 3 và tháng 9 hằng năm.", "P1Y"),
    ("Định kỳ hằng năm báo cáo kết quả thực hiện các chỉ tiêu về Sở Kế hoạch và Đầu tư.", "P1Y"),
])
def test_cadence_classes(text, rec):
    d = _one(text)
    assert (d.recurrence, d.due) == (rec, None)


def test_yearless_time_in_a_cadence_clause_belongs_to_the_cadence():
    d = _one("Định kỳ hằng năm, trong quý IV tổ chức kiểm tra việc thực hiện.")
    assert (d.recurrence, d.due) == ("P1Y", None)


def test_second_clause_reuses_the_verb():
    text = "Hoàn thành trong quý II/2026 đối với cấp tỉnh, quý IV/2026 đối với cấp xã."
    got = extract_deadlines(_doc(text))
    assert [d.due for d in got] == ["2026-06-30", "2026-12-31"]
    assert got[1].text.startswith("quý IV/2026")


@pytest.mark.parametrize("text,reason", [
    ("Thực hiện Nghị quyết số 12-NQ/TU ngày 15/3/2026 của Tỉnh ủy về chuyển đổi số.", Drop.CITED_DOCUMENT),
    ("Đến năm 2030, 100% xã đạt chuẩn nông thôn mới nâng cao.", Drop.TARGET_HORIZON),
    ("Triển khai Chiến lược phát triển du lịch đến năm 2030.", Drop.PLAN_PERIOD),
    ("Tổ chức sơ kết giai đoạn 2026-2027.", Drop.TASK_OBJECT),
    ("Xây dựng kế hoạch đầu tư công giai đoạn 2026-2030.", Drop.PLAN_PERIOD),
    ("Kinh phí bố trí từ nguồn ngân sách nhà nước hằng năm.", Drop.BUDGET_YEAR),
    ("Thực hiện theo kế hoạch công tác hằng năm của ngành.", Drop.YEARLY_NOUN),
    ("Lồng ghép vào các kế hoạch chuyển đổi số trung hạn và hằng năm của Sở.", Drop.YEARLY_NOUN),
    ("Hỗ trợ 5 triệu đồng/ha đối với đất trồng cây hàng năm.", Drop.YEARLY_NOUN),
    ("Kinh phí chi thường xuyên được cân đối hằng năm cho các sở.", Drop.BUDGET_YEAR),
    ("Áp dụng năm 2026 và các năm tiếp theo.", Drop.OPEN_ENDED),
    ("Kiểm tra, đôn đốc thường xuyên.", Drop.NO_DATE),
    ("Các đơn vị gửi báo cáo kết quả năm 2026 về Sở Nội vụ.", Drop.TASK_OBJECT),
    ("Tổng hợp số liệu báo cáo tháng 8/2026 của các huyện.", Drop.TASK_OBJECT),
    ("- Ban hành kế hoạch, báo cáo kết quả công tác bảo vệ bí mật nhà nước năm 2026.", Drop.TASK_OBJECT),
    ("- Tổng kết công tác thi đua khen thưởng năm 2026.", Drop.TASK_OBJECT),
    ("Trong năm 2026, các huyện đã tổ chức 30 lớp tập huấn.", Drop.NARRATIVE),
    ("Đến năm 2028, hệ thống quan trắc môi trường được hoàn thiện.", Drop.TARGET_HORIZON),
    ("Trồng mới cây dược liệu (năm 2027 trồng mới 1.200 ha; năm 2028 trồng mới 900 ha).", Drop.TARGET_HORIZON),
    ("Giảm phát thải theo hướng đạt mức phát thải ròng bằng 0 vào năm 2050.", Drop.TARGET_HORIZON),
    ("Trong tháng 12/2025, toàn tỉnh tổ chức 20 hội nghị.", Drop.NARRATIVE),  # before the document
])
def test_drop_reasons(text, reason):
    got = candidates(_doc(text))
    assert got and all(c.deadline is None for c in got)
    assert reason in [c.reason for c in got]


def test_numbered_line_with_the_plans_period_is_dropped():
    text = "III. TỔ CHỨC THỰC HIỆN\n3. Thời gian thực hiện: Từ năm 2026 đến hết năm 2030.\n"
    (c,) = candidates(_doc(text))
    assert c.reason is Drop.PLAN_PERIOD and c.deadline is None


def test_objectives_section_years_are_target_horizons():
    text = ("KẾ HOẠCH\nPhát triển\nI. MỤC TIÊU\n1. Mục tiêu chung\nĐến năm 2028, hoàn thành chuyển đổi số.\n"
            "II. NHIỆM VỤ\n1. Hằng năm, tổ chức hội nghị đối thoại với doanh nghiệp.\n")
    doc = vnplan.parse(text, strict=True)
    assert [(d.recurrence, d.due) for d in doc.deadlines] == [("P1Y", None)]


def test_years_over_targets_are_horizons():
    text = ("I. NHIỆM VỤ\n1. Phát triển chợ\nĐến năm 2028 phát triển 20 trung tâm thương mại và 39 siêu thị.\n"
            "b) Đến năm 2029\n- 100% dự án đầu tư công được quản lý trên nền tảng số.\n")
    doc = vnplan.parse(text, strict=True)
    assert doc.targets  # the targets stage ran first
    assert doc.deadlines == []


def test_one_entry_when_a_clause_repeats_its_time():
    text = ("Giảm lãi suất cho vay từ ngày 01 tháng 10 năm 2026 đến hết ngày 31 tháng 12 năm 2026 và thời gian "
            "thực hiện từ ngày 01 tháng 10 năm 2026 đến hết ngày 31 tháng 12 năm 2026.")
    got = candidates(_doc(text))
    assert [c.reason for c in got] == [None, Drop.SAME_TASK]


def test_a_later_bare_time_of_the_clause_is_an_object_not_a_second_deadline():
    text = "Hoàn thành trong tháng 10/2026 và bảo đảm trong phạm vi kế hoạch vốn được giao năm 2026."
    got = candidates(_doc(text))
    assert [(c.timex.due, c.reason) for c in got] == [("2026-10-31", None), ("2026-12-31", Drop.TASK_OBJECT)]


def test_labelled_line_with_the_campaign_period_of_the_title_is_dropped():
    doc = _doc("1. Rà soát quy hoạch\n- Thời gian thực hiện: 2026-2030\n2. Khảo sát\n- Thời gian thực hiện: năm 2026\n")
    doc.metadata.title = "Chuyển đổi số tỉnh Lạng Sơn giai đoạn 2026-2030"
    got = candidates(doc)
    assert [(c.reason, c.deadline.due if c.deadline else None) for c in got] == [
        (Drop.PLAN_PERIOD, None), (None, "2026-12-31")]


_PIECES = ["Hoàn thành trong quý {q}/{y}", "trước ngày {d}/{m}/{y}", "Năm {y}: Tổ chức tập huấn",
           "Đến năm {y}, hoàn thành rà soát", "từ tháng {m} đến tháng 12 năm {y}", "(Quý {q}/{y}, Quý IV/{y})",
           "Hằng năm, tổ chức hội nghị", "báo cáo trước ngày {d} hằng tháng", "vào tháng {m} và tháng 12 năm {y}",
           "Tháng {m}, 12/{y}", "giai đoạn {y}-2040", "đến năm {y}"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.integers(2026, 2035), st.integers(1, 11),
                          st.integers(1, 28), st.sampled_from(["I", "II", "III", "IV"])), min_size=1, max_size=6),
       st.sampled_from(["; ", ". ", ", ", "\n- ", "\n"]))
def test_property_every_deadline_is_a_valid_ordered_date(pieces, sep):
    text = sep.join(p.format(y=y, m=m, d=d, q=q) for p, y, m, d, q in pieces) + "."
    doc = vnplan.parse(text, strict=True)
    for d in doc.deadlines:
        assert d.due or d.recurrence
        if d.due:
            due = date.fromisoformat(d.due)
            assert due.year >= 2026
            if d.period_start:
                assert date.fromisoformat(d.period_start) <= due
        assert doc.text[d.span[0]:d.span[1]] == d.text


def test_a_time_closing_a_task_sentence_does_not_take_the_target_of_the_next_line():
    text = ("I. MỤC ĐÍCH\nBảo đảm hiệu quả.\nII. NHIỆM VỤ\n- Thành lập Trung tâm đổi mới sáng tạo của tỉnh trong năm 2027.\n"
            "- 100% hồ sơ thủ tục hành chính được số hóa.\n"
            "Mục tiêu đến năm 2030:\n- 90% hộ gia đình sử dụng nước sạch.\n")
    doc = vnplan.parse("KẾ HOẠCH\nThực hiện nhiệm vụ\n" + text, strict=True)
    assert [d.due for d in doc.deadlines] == ["2027-12-31"]  # the heading year stays a horizon


def test_each_cadence_of_a_list_is_a_deadline_of_its_own():
    text = ("I. MỤC ĐÍCH\nBảo đảm hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Văn phòng Sở theo dõi, đôn đốc; định kỳ 6 tháng, hằng năm tổng hợp, báo cáo UBND tỉnh.\n")
    doc = vnplan.parse("KẾ HOẠCH\nThực hiện nhiệm vụ\n" + text, strict=True)
    assert sorted(d.recurrence for d in doc.deadlines) == ["P1Y", "P6M"]


def test_a_bare_unit_listed_after_a_cadence_is_a_cadence_too():
    text = ("I. MỤC ĐÍCH\nBảo đảm hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Các sở, ngành định kỳ hằng quý, 6 tháng báo cáo kết quả về Sở Nội vụ.\n"
            "2. Sở Nội vụ báo cáo hằng năm; năm 2027 tổ chức sơ kết.\n")
    doc = vnplan.parse("KẾ HOẠCH\nThực hiện nhiệm vụ\n" + text, strict=True)
    assert sorted(d.recurrence for d in doc.deadlines if d.recurrence) == ["P1Y", "P3M", "P6M"]
