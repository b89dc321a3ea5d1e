"""Targets and figures on real text: seed snippets, the parsed seeds, each number form."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import vnplan
from vnplan.extract import targets as T
from vnplan.model import Document, Section


def _doc(text: str, kind: str | None = "objectives", heading: str = "Mục tiêu đến năm 2030",
         date: str | None = None) -> Document:
    """A document whose whole text is one section of ``kind`` (None: no outline at all)."""
    doc = Document(text=text)
    if date:
        doc.metadata.date = date
    if kind:
        doc.sections = [Section(id="II/1", number="1", heading=heading, kind=kind, level=2,
                                text=text, span=[0, len(text)], body_span=[0, len(text)])]
    return doc


def _targets(text: str, **kw) -> list:
    return T.extract_targets(_doc(text, **kw))[0]


def _figures(text: str, **kw) -> list:
    return T.extract_targets(_doc(text, **kw))[1]


def _one(items: list, value: float):
    found = [t for t in items if t.value == value]
    assert len(found) == 1, [(t.value, t.text) for t in items]
    return found[0]


# --- the gold targets of the seeds ------------------------------------------------------------

# Seed 002, as the cleaner gives it: one paragraph per line.
SEED_002 = (
    "- 100% cán bộ, công chức, viên chức cấp huyện, xã được bồi dưỡng theo tiêu chuẩn chức danh "
    "quy định và cập nhật kiến thức mới; 100% cán bộ, công chức, viên chức cấp huyện, xã có trình "
    "độ phù hợp với Đề án vị trí việc làm; từ 15 - 20% cán bộ lãnh đạo, quản lý các cấp dưới 40 "
    "tuổi; chú trọng phát triển số lượng trí thức có trình độ đại học, sau đại học đáp ứng mức "
    "chuẩn theo quy định của Trung ương, tỉnh. Phấn đấu đến năm 2030 toàn huyện có 60 cán bộ, "
    "công chức, viên chức có trình độ Thạc sĩ và tương đương.")


def test_seed_002_targets_split_by_clause():
    ts = _targets(SEED_002, heading="Mục tiêu đến năm 2030")
    assert [t.value for t in ts] == [100, 100, 15, 60]
    a, b, rng, sixty = ts
    assert a.text.startswith("100% cán bộ, công chức, viên chức cấp huyện, xã được bồi dưỡng")
    assert b.text == "100% cán bộ, công chức, viên chức cấp huyện, xã có trình độ phù hợp với Đề án vị trí việc làm"
    assert (rng.value, rng.value_max, rng.unit, rng.comparator) == (15, 20, "%", "range")
    assert rng.text == "từ 15 - 20% cán bộ lãnh đạo, quản lý các cấp dưới 40 tuổi"
    assert "dưới 40 tuổi" in rng.indicator  # the age is a qualifier, not the value
    assert sixty.text.startswith("toàn huyện có 60 cán bộ")
    assert sixty.unit == "cán bộ" and sixty.comparator == "="
    assert all(t.year == 2030 for t in ts)
    for t in ts:
        assert SEED_002[t.span[0]:t.span[1]] == t.text


@pytest.fixture(scope="module")
def seed_targets(parsed) -> dict:
    return {k: d.targets for k, d in parsed.items()}


def test_seed_001_gold_targets(seed_targets):
    ts = seed_targets["001"]
    fifty = _one(ts, 50)
    assert "số lượng tiến sĩ và tương đương trên 50 người" in fifty.text
    assert (fifty.unit, fifty.comparator, fifty.year) == ("người", ">", 2030)
    assert fifty.indicator == "số lượng tiến sĩ và tương đương"
    big = _one(ts, 1200)
    assert "thạc sĩ và tương đương trên 1.200 người" in big.text
    assert (big.unit, big.comparator, big.year) == ("người", ">", 2030)
    hundred = _one(ts, 100)
    assert "100% cán bộ, công chức, viên chức có trình độ đáp ứng yêu cầu vị trí việc làm" in hundred.text
    assert (hundred.unit, hundred.comparator, hundred.year) == ("%", "=", 2030)
    rng = _one(ts, 25)
    assert (rng.value_max, rng.unit, rng.comparator, rng.year) == (35, "%", "range", 2030)
    assert "cán bộ lãnh đạo quản lý cấp tỉnh đủ khả năng" in rng.text
    assert {t.section for t in ts} == {"II/1"}
    assert len(ts) == 4


def test_seed_004_gold_targets(seed_targets):
    ts = [t for t in seed_targets["004"] if t.unit == "%"]
    assert sorted(t.value for t in ts) == [25, 70, 100, 100]
    assert all((t.comparator, t.year) == ("=", 2030) for t in ts)
    yearly = [t for t in ts if t.recurrence == "P1Y"]
    assert len(yearly) == 1 and yearly[0].text.startswith("Hằng năm 100% đội ngũ trí thức")
    young = _one(ts, 25)
    assert "(dưới 40 tuổi)" in young.text  # qualifier kept in the text, not taken as a value
    assert not [t for t in seed_targets["004"] if t.value == 40]


def test_seed_000_report_gives_figures_and_no_targets(parsed):
    doc = parsed["000"]
    assert doc.targets == []
    by_value = {f.value: f for f in doc.figures}
    assert by_value[96.3].unit == "%" and "học tập, quán triệt Nghị quyết đạt 96,3%" in by_value[96.3].text
    assert by_value[16312].counted == "trí thức"
    assert by_value[600].unit == "người" and "sau đại học tăng 600 người" in by_value[600].text
    assert by_value[250].unit == "triệu đồng"
    assert by_value[2879].unit == "lượt người"
    # Document numbers, dates and years are not figures.
    assert not {2008, 2021, 1568, 2009, 2023} & set(by_value)
    for f in doc.figures:
        assert doc.text[f.span[0]:f.span[1]] == f.text
        assert f.section is None


def test_seeds_without_targets(seed_targets):
    assert seed_targets["003"] == []


# --- number forms and comparators --------------------------------------------------------------


@pytest.mark.parametrize("raw, value", [("1.200", 1200), ("96,3", 96.3), ("96.3", 96.3),
                                        ("16.312", 16312), ("1.000.000", 1e6), ("0,5", 0.5), ("12", 12)])
def test_parse_number(raw, value):
    assert T.parse_number(raw) == value


def test_parse_number_refuses_digit_floods():
    assert T.parse_number("9" * 50_000) is None


@pytest.mark.parametrize("text, value, value_max, comparator, unit", [
    ("- Tỷ lệ hộ nghèo giảm xuống dưới 2%.", 2, None, "<", "%"),
    ("- Tỷ lệ che phủ rừng đạt trên 50%.", 50, None, ">", "%"),
    ("- Có ít nhất 50% đơn vị hành chính cấp xã không ma túy.", 50, None, ">=", "%"),
    ("- Tối thiểu 2 dự án ứng dụng 5G trong khu công nghiệp.", 2, None, ">=", "dự án"),
    ("- Nợ xấu không quá 3% tổng dư nợ.", 3, None, "<=", "%"),
    ("- Thu ngân sách tối đa 500 tỷ đồng.", 500, None, "<=", "tỷ đồng"),
    ("- Đào tạo 500 người trở lên.", 500, None, ">=", "người"),
    ("- 25-35% cán bộ lãnh đạo quản lý cấp tỉnh đủ khả năng làm việc trong môi trường quốc tế.", 25, 35, "range", "%"),
    ("- Từ 10% đến 15% doanh nghiệp ứng dụng chuyển đổi số.", 10, 15, "range", "%"),
    ("- Diện tích rừng ngập mặn đạt 1.700 ha.", 1700, None, "=", "ha"),
    ("- Thu nhập bình quân đầu người tăng gấp 2 lần so với năm 2020.", 2, None, "=", "lần"),
    ("- Thu nhập bình quân đầu người tăng gấp hai lần.", 2, None, "=", "lần"),
    ("- Chiều dài đường giao thông nông thôn được cứng hóa thêm 120 km.", 120, None, "=", "km"),
])
def test_number_forms_and_comparators(text, value, value_max, comparator, unit):
    t = _one(_targets(text), value)
    assert (t.value_max, t.comparator, t.unit) == (value_max, comparator, unit)


def test_two_figures_in_one_sentence_make_two_clauses():
    text = ("Phấn đấu đến năm 2030, số lượng tiến sĩ và tương đương trên 50 người; thạc sĩ và "
            "tương đương trên 1.200 người.")
    ts = _targets(text, kind="tasks", heading="Nhiệm vụ")
    assert [(t.value, t.text) for t in ts] == [
        (50, "số lượng tiến sĩ và tương đương trên 50 người"),
        (1200, "thạc sĩ và tương đương trên 1.200 người")]
    assert [t.year for t in ts] == [2030, 2030]


def test_comma_cut_between_leading_and_trailing_figures():
    f = _figures("Tỷ lệ cán bộ, đảng viên được học tập đạt 96,3%, tỷ lệ nhân dân được tuyên truyền đạt 93,2%.",
                 kind=None)
    assert [x.text for x in f] == ["Tỷ lệ cán bộ, đảng viên được học tập đạt 96,3%",
                                   "tỷ lệ nhân dân được tuyên truyền đạt 93,2%"]
    ts = _targets("- Trên 80% số trạm y tế cấp xã trên toàn tỉnh và 100% cơ sở cai nghiện ma túy "
                  "công lập đủ điều kiện xác định tình trạng nghiện ma túy.")
    assert [t.text for t in ts] == ["Trên 80% số trạm y tế cấp xã trên toàn tỉnh",
                                    "100% cơ sở cai nghiện ma túy công lập đủ điều kiện xác định tình trạng nghiện ma túy"]


# --- what is not a quantity ----------------------------------------------------------------------


def test_labels_years_dates_and_document_numbers_are_skipped():
    text = ("Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng "
            "khóa XIII, Nghị quyết Trung ương 7, Đại hội lần thứ 8, Quyết định 1568/QĐ-UBND, "
            "cam kết tại COP 26, Điều 5, giai đoạn 2021-2025, định kỳ 06 tháng, mạng 5G, COVID-19.")
    assert T.extract_targets(_doc(text, kind=None)) == ([], [])
    assert _targets(text) == []


def test_qualifier_age_is_not_the_value():
    ts = _targets("- Từ 15 - 20% cán bộ lãnh đạo, quản lý các cấp dưới 40 tuổi.")
    assert [(t.value, t.value_max) for t in ts] == [(15, 20)]
    ts = _targets("- Tuổi thọ trung bình đạt 75 tuổi.")
    assert [t.value for t in ts] == [75]


def test_outline_markers_are_not_figures():
    text = "1. Mục tiêu đến năm 2030\n2.1. Chỉ tiêu cụ thể\n- 95% hộ dân được dùng nước sạch."
    ts = _targets(text)
    assert [t.value for t in ts] == [95]


# --- commitment vs achievement ------------------------------------------------------------------


def test_situation_section_gives_figures():
    text = "Toàn tỉnh hiện có 23 tiến sĩ, 1.216 thạc sĩ."
    doc = _doc(text, kind="situation", heading="TÌNH HÌNH CHUNG")
    ts, fs = T.extract_targets(doc)
    assert ts == []
    assert [(f.value, f.counted) for f in fs] == [(23, "tiến sĩ"), (1216, "thạc sĩ")]


def test_tasks_section_needs_a_commitment_cue():
    done = "Từ năm 2008 đến năm 2021 đã bổ nhiệm 2.879 lượt người."
    ts, fs = T.extract_targets(_doc(done, kind="tasks", heading="Nhiệm vụ"))
    assert ts == [] and [f.value for f in fs] == [2879]
    goal = "Phấn đấu đến năm 2030 đạt 50% xã, phường không ma túy."
    ts = _targets(goal, kind="tasks", heading="Nhiệm vụ")
    assert [(t.value, t.year) for t in ts] == [(50, 2030)]
    plain = "Hỗ trợ 15 triệu đồng cho mỗi hộ."
    assert T.extract_targets(_doc(plain, kind="tasks", heading="Nhiệm vụ")) == ([], [])


def test_report_without_outline_keeps_commitments():
    ts, fs = T.extract_targets(_doc("Tỉnh phấn đấu đến năm 2030 có 100% xã đạt chuẩn nông thôn mới.",
                                    kind=None, date="2024-02-01"))
    assert [(t.value, t.year) for t in ts] == [(100, 2030)] and fs == []
    ts, fs = T.extract_targets(_doc("Từ năm 2008 đến năm 2021 tỉnh bổ nhiệm 2.879 lượt người.",
                                    kind=None, date="2024-02-01"))
    assert ts == [] and [f.value for f in fs] == [2879]


def test_year_from_lead_sentence_and_recurrence():
    text = "Phấn đấu đến năm 2030, xây dựng đội ngũ vững mạnh.\nHằng năm 100% cán bộ được bồi dưỡng."
    ts = _targets(text, heading="Mục tiêu cụ thể")
    assert [(t.value, t.year, t.recurrence) for t in ts] == [(100, 2030, "P1Y")]


# --- robustness ----------------------------------------------------------------------------------


PLAN = ("KẾ HOẠCH\nThực hiện chương trình phát triển\n\nI. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n{body}\n"
        "II. NHIỆM VỤ\n1. Tổ chức tuyên truyền.\n")


@pytest.mark.parametrize("body, expected", [
    ("- Tỷ lệ hộ dân dùng nước sạch đạt 1 00 %.", [(100, None, "%", "=")]),  # OCR split digits
    ("- Phấn_đấu có 100 % xã đạt_chuẩn nông_thôn_mới .", [(100, None, "%", "=")]),  # word-segmented
    ("- Tỷ lệ\x00 hộ nghèo giảm\ufffd còn dưới 2%.", [(2, None, "%", "<")]),  # control characters
    ("9" * 50_000 + "\n- Tỷ lệ che phủ rừng đạt trên 45%.", [(45, None, "%", ">")]),  # a digit flood
    ("- Chỉ số đạt 1.2.3.4,5,6%; trồng mới 500ha rừng.", [(500, None, "ha", "=")]),  # garbage number
    ("| Chỉ tiêu | Đơn vị | Năm 2030 |\n|---|---|---|\n| Tỷ lệ đô thị hóa | % | 50 |\n| 50% | x |",
     [(50, None, "%", "=")]),  # a table with a broken row
    ("1. a\n" * 2000 + "- Có ít nhất 02 vùng nuôi tôm công nghệ cao.", [(2, None, "vùng", ">=")]),
    ("- Tăng trưởng GRDP bình quân 8%/năm; thu nhập tăng gấp hai lần so với năm 2020.",
     [(8, None, "%/năm", "="), (2, None, "lần", "=")]),
    ("- Tỷ lệ lao động qua đào tạo đạt từ 70 - 75%.", [(70, 75, "%", "range")]),
])
def test_odd_inputs_parse_strictly_to_their_targets(body, expected):
    doc = vnplan.parse(PLAN.format(body=body), strict=True)
    assert [(t.value, t.value_max, t.unit, t.comparator) for t in doc.targets] == expected
    assert all(t.year == 2030 and t.section == "I/1" for t in doc.targets)
    for t in doc.targets:
        assert doc.text[t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize("text", ["", "\x00\x01\ufffd", "Hello world 12 % 3.4.5", "9" * 50_000,
                                  "1. a\n" * 2000, "| 1 | 2 | 3 |\n| 50% | x |", "đạt 1.2.3.4,5,6%"])
def test_noise_gives_no_targets(text):
    for kind, heading in ((None, ""), ("situation", "Tình hình"), ("tasks", "Nhiệm vụ")):
        assert T.extract_targets(_doc(text, kind=kind, heading=heading))[0] == []
    assert [(t.value, t.unit) for t in _targets("Hello world 12 % 3.4.5")] == [(12, "%")]
    assert vnplan.parse(text, strict=True).targets == []


# --- generalisation on the corpus ---------------------------------------------------------------

# Corpus 001 (Đồng Nai KH 182), a tasks paragraph: a list comma inside what is counted, the
# clause's own year, "hàng năm" qualifying a roadmap (not the figure).
CORPUS_001 = (
    "Nâng cao ý thức toàn dân trong phòng, chống và kiểm soát ma túy. Kiên trì xây dựng văn hóa "
    "bài trừ ma túy trong toàn xã hội; từng địa phương phải đăng ký chỉ tiêu xây dựng đơn vị hành "
    "chính cấp xã “không ma túy” theo lộ trình thực hiện hàng năm, phấn đấu đạt 20% xã, phường "
    "“không ma túy” năm 2025, bảo đảm đến hết năm 2030 đạt 50% địa bàn cấp xã “không ma túy”; hoàn "
    "thành chỉ tiêu về ma túy trong các Nghị quyết về phát triển kinh tế - xã hội của Tỉnh ủy.")


def test_list_comma_and_own_year():
    ts = _targets(CORPUS_001, kind="tasks", heading="Nhiệm vụ, giải pháp", date="2025-09-01")
    assert [(t.value, t.year) for t in ts] == [(20, 2025), (50, 2030)]
    twenty, fifty = ts
    assert twenty.text == "phấn đấu đạt 20% xã, phường “không ma túy” năm 2025"
    assert fifty.text == "bảo đảm đến hết năm 2030 đạt 50% địa bàn cấp xã “không ma túy”"
    assert twenty.recurrence is None and fifty.recurrence is None  # "lộ trình thực hiện hàng năm"
    for t in ts:
        assert CORPUS_001[t.span[0]:t.span[1]] == t.text


def test_list_comma_helper():
    low = "100% xã, phường đạt chuẩn, tỷ lệ hộ nghèo"
    assert T._is_list_comma(low, low.index(", phường"))
    assert not T._is_list_comma(low, low.index(", tỷ lệ"))


# Corpus 006 (Hà Nội KH 310): a count describing the leading percentage's population, and a
# technical specification in an objectives section.
def test_figure_describing_percentage_population_is_not_a_target():
    text = "- 100% các khu công nghệ cao, khu công nghiệp, cụm công nghiệp có tối thiểu 1 trạm phát sóng 5G."
    ts = _targets(text, heading="Mục tiêu đến năm 2026")
    assert [(t.value, t.unit) for t in ts] == [(100, "%")]
    assert ts[0].text.endswith("có tối thiểu 1 trạm phát sóng 5G")
    # A count of its own after a list comma still stands.
    ts = _targets("- Tối thiểu 2 dự án ứng dụng 5G, 100% khu công nghiệp được phủ sóng.")
    assert sorted(t.value for t in ts) == [2, 100]


def test_technical_specs_are_not_targets():
    spec = ("- Triển khai hoàn thiện hệ thống cáp quang Internet XGS-PON thế hệ mới và hạ tầng truyền "
            "dẫn (cho phép truyền dữ liệu với tốc độ 10 Gigabit mỗi giây (10 Gbps) đối xứng (cả tải "
            "xuống và tải lên).")
    assert _targets(spec, heading="Mục tiêu đến năm 2030") == []
    governed = "- Phấn đấu đến năm 2030 tốc độ truy cập Internet di động đạt 100 Mbps."
    assert [t.value for t in _targets(governed, heading="Mục tiêu đến năm 2030")] == [100]


# Corpus 016 (Lai Châu, word-segmented): "cây hàng năm" are annual crops, not a yearly target.
def test_annual_crops_are_not_a_recurrence():
    text = "- Phấn đấu đến năm 2015 chuyển đổi 500 ha đất trồng cây hàng_năm sang trồng cao_su."
    ts = _targets(text, heading="Mục tiêu")
    assert [(t.value, t.unit, t.recurrence) for t in ts] == [(500, "ha", None)]


@pytest.mark.parametrize("text", [
    "- Hàng năm, số vụ phạm tội về ma túy được phát hiện, bắt giữ tăng trên 03%.",
    "6.1. Hàng năm, giảm 5% số người nghiện ma túy.",
    "- Số doanh nghiệp tăng hằng năm 10%.",
    "- Tỷ lệ hộ nghèo giảm 1,5% mỗi năm.",
])
def test_recurrence_qualifying_the_commitment(text):
    ts = _targets(text, heading="Chỉ tiêu chủ yếu đến năm 2030")
    assert len(ts) == 1 and ts[0].recurrence == "P1Y", [(t.value, t.recurrence) for t in ts]


# --- markdown tables ------------------------------------------------------------------------------

TABLE = ("2. Chỉ tiêu cụ thể\n| STT | Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 |\n|---|---|---|---|---|\n"
         "| 1 | Tỷ lệ dân số sử dụng điện thoại thông minh | % | 85 | trên 95 |\n"
         "| 2 | Số trạm BTS 5G | trạm | 1.200 | 3.000 |\n| 3 | Ghi chú | | | |")


def test_table_rows_give_one_target_per_year_cell():
    ts = _targets(TABLE, heading="Chỉ tiêu cụ thể")
    assert [(t.value, t.unit, t.comparator, t.year) for t in ts] == [
        (85, "%", "=", 2025), (95, "%", ">", 2030), (1200, "trạm", "=", 2025), (3000, "trạm", "=", 2030)]
    assert ts[0].indicator == "Tỷ lệ dân số sử dụng điện thoại thông minh"
    for t in ts:
        assert TABLE[t.span[0]:t.span[1]] == t.text and t.text.startswith(t.indicator)


def test_table_in_situation_section_gives_figures():
    ts, fs = T.extract_targets(_doc(TABLE, kind="situation", heading="Kết quả thực hiện"))
    assert ts == [] and [f.value for f in fs] == [85, 95, 1200, 3000]


def test_table_without_year_columns_reads_as_text():
    text = "| Nội dung | Chỉ tiêu |\n|---|---|\n| Tỷ lệ hộ dân dùng nước sạch | 95% |"
    assert [t.value for t in _targets(text)] == [95]


# --- the cue/year index answers as the regexes would ------------------------------------------------


def test_index_cues_years_and_recurrence():
    low = "phấn đấu đến năm 2030, tỷ lệ đã đạt 50% so với năm 2020; hằng năm tăng; giai đoạn 2021 - 2025"
    idx = T._TextIndex(low)
    c = idx.cues(0, len(low))
    assert (c.commit, c.achieved, c.baseline, c.strive) == (True, True, True, True)
    semi = low.index(";")
    assert not idx.cues(semi, len(low)).commit
    assert idx.year(0, len(low)) == 2030
    assert idx.year(semi, len(low)) == 2025  # "giai đoạn 2021 - 2025"
    assert idx.year(low.index("năm 2030"), len(low)) == 2030  # "năm 2030" at the clause start
    assert idx.recurrence(0, len(low))[0] == "P1Y"
    assert idx.recurrence(0, semi) == (None, -1)


# --- counts that name units (corpus 026 IV.1) -----------------------------------------------------

UNITS_NAMED = ("- Tiếp tục triển khai thực hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân "
               "tỉnh về phát triển nuôi trồng thủy sản trên biển tỉnh đến năm 2030; phối hợp với Ủy ban "
               "nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông thành lập mới khu bảo vệ "
               "nguồn lợi thủy sản, phục hồi hệ sinh thái biển đến năm 2030.")


@pytest.mark.parametrize("kind", ["tasks", "objectives", None])
def test_count_inside_a_body_name_is_no_quantity(kind):
    ts, fs = T.extract_targets(_doc(UNITS_NAMED, kind=kind, heading="Nhiệm vụ"))
    assert ts == [] and fs == []


@pytest.mark.parametrize("kind", ["tasks", "objectives"])
def test_count_followed_by_the_units_names_is_no_target(kind):
    text = UNITS_NAMED.replace("Ủy ban nhân dân 04 xã", "04 xã")
    ts, fs = T.extract_targets(_doc(text, kind=kind, heading="Nhiệm vụ"))
    assert ts == [] and fs == []


def test_count_that_must_be_reached_keeps_its_named_list():
    text = "- Phấn đấu đến năm 2030 có 03 xã đạt chuẩn nông thôn mới kiểu mẫu: Gia Thuận, Tân Điền, Tân Phú."
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 3)
    assert (t.unit, t.comparator, t.year) == ("xã", "=", 2030)
    # a body name with a count elsewhere does not hide it
    assert [x.value for x in _targets("- UBND 3 xã phấn đấu đến năm 2030 có 100% hộ dân dùng nước sạch.",
                                      kind="tasks", heading="Nhiệm vụ")] == [100]


# --- outcomes stated in a tasks section (corpus 026 III.3.a) ---------------------------------------

OUTCOMES = ("+ Phát triển ngành thủy sản toàn diện trên các lĩnh vực nuôi trồng, khai thác, chế biến và dịch "
            "vụ hậu cần thủy sản theo hướng hiệu quả, hiện đại, bền vững, góp phần bảo vệ quốc phòng, an "
            "ninh trên biển. Có ít nhất 02 vùng dự án nuôi thủy sản công nghệ cao. Có 30% diện tích nuôi "
            "thủy sản chủ lực áp dụng các quy trình/mô hình sản xuất tiên tiến; các tiêu chuẩn sản xuất "
            "tốt, an toàn, bền vững vào trong quá trình sản xuất. Phấn đấu đến năm 2030 diện tích rừng "
            "ngập mặn ven biển của tỉnh đạt 1.700 ha.")


def test_outcomes_of_a_task_are_targets():
    ts = _targets(OUTCOMES, kind="tasks", heading="Phân vùng sử dụng không gian biển")
    assert [t.value for t in ts] == [2, 30, 1700]
    two, thirty, _ = ts
    assert two.text == "Có ít nhất 02 vùng dự án nuôi thủy sản công nghệ cao"
    assert (two.comparator, two.year) == (">=", 2030)  # the year of the nearby "Phấn đấu đến năm 2030"
    assert thirty.text == "Có 30% diện tích nuôi thủy sản chủ lực áp dụng các quy trình/mô hình sản xuất tiên tiến"
    assert (thirty.unit, thirty.comparator, thirty.year) == ("%", "=", 2030)


def test_outcome_year_from_the_plan_horizon():
    text = OUTCOMES[:OUTCOMES.index(" Phấn đấu")]
    doc = _doc(text, kind="tasks", heading="Phân vùng sử dụng không gian biển")
    doc.metadata.title = ("THỰC HIỆN CHIẾN LƯỢC BẢO VỆ MÔI TRƯỜNG BIỂN VÀ HẢI ĐẢO ĐẾN NĂM 2030, "
                          "TẦM NHÌN ĐẾN NĂM 2050")
    ts = T.extract_targets(doc)[0]
    assert [(t.value, t.year) for t in ts] == [(2, 2030), (30, 2030)]
    assert [t.year for t in _targets(text, kind="tasks", heading="Nhiệm vụ")] == [None, None]


def test_leading_percentage_with_its_verb_is_an_outcome():
    text = "- Xây dựng vùng nuôi tập trung; 30% diện tích nuôi tôm nước lợ áp dụng quy trình VietGAP."
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 30)
    assert t.text == "30% diện tích nuôi tôm nước lợ áp dụng quy trình VietGAP" and t.unit == "%"


@pytest.mark.parametrize("text", [
    "Có 03 nhóm nhiệm vụ chủ yếu như sau:",  # the parts of the text
    "Có 02 nội dung trọng tâm cần triển khai.",
    "Có 30% diện tích nuôi thủy sản đã áp dụng quy trình tiên tiến.",  # achieved
    "Hiện nay có 12 vùng nuôi tập trung.",  # not an opening "Có"
    "Hội nghị có 150 đại biểu tham dự.",
    "- Tổ chức 02 hội nghị sơ kết; 30% kinh phí từ ngân sách tỉnh.",  # no outcome verb
])
def test_narrative_counts_of_a_task_are_not_targets(text):
    assert _targets(text, kind="tasks", heading="Nhiệm vụ") == []


def test_outcome_forms_outside_plans_stay_figures():
    text = OUTCOMES[:OUTCOMES.index(" Phấn đấu")]
    ts, fs = T.extract_targets(_doc(text, kind=None))  # no outline: a report
    assert ts == [] and [f.value for f in fs] == [2, 30]
    ts, fs = T.extract_targets(_doc(text, kind="situation", heading="Kết quả thực hiện"))
    assert ts == [] and [f.value for f in fs] == [2, 30]


# --- a target's text ends with its commitment (corpus 001, 006, 015) --------------------------------


def test_clause_ends_before_a_joined_purpose():
    text = ("2.1. Xác định cụ thể các nội dung nhiệm vụ; bảo đảm đến hết năm 2030, có ít nhất 50% đơn vị "
            "hành chính cấp xã trên toàn tỉnh “không ma túy” và từng bước đẩy lùi ma túy ra khỏi đời sống "
            "xã hội, góp phần bảo đảm an ninh trật tự, an toàn xã hội.")
    t = _one(_targets(text, kind="purpose", heading="Yêu cầu"), 50)
    assert t.text == ("bảo đảm đến hết năm 2030, có ít nhất 50% đơn vị hành chính cấp xã trên toàn tỉnh "
                      "“không ma túy”")
    assert (t.comparator, t.year) == (">=", 2030)
    assert text[t.span[0]:t.span[1]] == t.text


def test_clause_ends_before_a_colon_that_elaborates():
    text = ("- Thí điểm đầu tư ứng dụng 5G, IoT cho quản lý nhà máy thông minh cho tối thiểu 2 dự án trong "
            "các khu công nghệ cao, khu công nghiệp, cụm công nghiệp: tự động hóa, giám sát, tối ưu hóa quy "
            "trình sản xuất (bao gồm quản lý vật liệu, thiết bị…).")
    t = _one(_targets(text, heading="Mục tiêu đến hết năm 2026"), 2)
    assert t.text.endswith("cho tối thiểu 2 dự án trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp")
    assert (t.unit, t.comparator, t.year) == ("dự án", ">=", 2026)


def test_clause_ends_before_a_celebration_or_a_detail_note_in_word_segmented_text():
    text = ("- Phấn_đấu hoàn_thành chỉ_tiêu hỗ_trợ xây_dựng , sửa_chữa 2.305 nhà ở hộ nghèo trước ngày "
            "30/9/2010 , thiết_thực chào_mừng Đại_lễ kỷ_niệm 1.000 năm Thăng_Long - Hà_Nội .")
    t = _one(_targets(text, kind="implementation", heading="Tổ chức thực hiện"), 2305)
    assert t.text.endswith("trước ngày 30/9/2010") and t.unit == "nhà ở"
    text = "- Phấn đấu đến năm 2025 hỗ trợ 500 hộ nghèo sửa chữa nhà ở, (chi tiết theo phụ lục đính kèm)."
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 500)
    assert t.text.endswith("hỗ trợ 500 hộ nghèo sửa chữa nhà ở")


def test_guarantee_after_the_figure_commits_nothing():
    text = ("- Ngân sách Thành phố hỗ trợ 15 triệu đồng/hộ để mua nguyên vật liệu chính như gạch, ngói, xi "
            "măng để hộ nghèo tự xây dựng, sửa chữa, đảm bảo chất lượng theo quy định.")
    assert _targets(text, kind="tasks", heading="Nhiệm vụ") == []
    assert _targets("- Tổ chức 02 hội nghị sơ kết; 30% kinh phí do ngân sách tỉnh bảo đảm.",
                    kind="tasks", heading="Nhiệm vụ") == []
    # before the figure it commits, in tasks as in objectives
    t = _one(_targets("- Bảo đảm 95% hồ sơ được giải quyết đúng hạn, đảm bảo chất lượng.",
                      kind="tasks", heading="Nhiệm vụ"), 95)
    assert t.text == "Bảo đảm 95% hồ sơ được giải quyết đúng hạn"
    assert [x.value for x in _targets("- Hỗ trợ 500 hộ nghèo, bảo đảm chất lượng.", heading="Mục tiêu")] == [500]


def test_outcomes_only_in_tasks_sections():
    text = "1. Có 25 xã đạt chuẩn nông thôn mới.\n2. Có 30% diện tích lúa áp dụng cơ giới hóa."
    assert _targets(text, kind=None) == []  # a report's numbered list: no outline, no tasks
    assert _targets(text, kind="purpose", heading="Mục đích") == []
    assert [t.value for t in _targets(text, kind="implementation", heading="Tổ chức thực hiện")] == [25, 30]


def test_quantities_read_are_bounded():
    noise = "\n".join(f"- Tổ chức {i % 90 + 2} hội nghị tại xã" for i in range(T.MAX_QUANTITIES + 10))
    tail = "\n- Phấn đấu đến năm 2030 có 100% xã đạt chuẩn."
    assert _targets(tail, kind="tasks", heading="Nhiệm vụ") != []
    assert _targets(noise + tail, kind="tasks", heading="Nhiệm vụ") == []  # the rest is not read


def test_year_of_the_clause_after_its_cue_and_of_a_due_date():
    text = ("b) Triển khai hiệu quả Kế hoạch số 64/KH-UBND ngày 22/8/2025 của Ủy ban nhân dân tỉnh về xây "
            "dựng “xã, phường không ma túy” giai đoạn 2025 - 2030, phấn đấu đạt mục tiêu xây dựng 20% xã, "
            "phường “không ma túy” ngay trong năm 2025; đến năm 2030 đạt 100% “xã, phường không ma túy”.")
    ts = _targets(text, kind="tasks", heading="Nhiệm vụ")
    assert [(t.value, t.year) for t in ts] == [(20, 2025), (100, 2030)]
    assert ts[0].text.startswith("phấn đấu đạt mục tiêu")
    text = ("- Thành phố phấn đấu hoàn thành hỗ trợ hộ nghèo xây dựng, sửa chữa 2.305 nhà ở hư hỏng "
            "trước ngày 30/9/2010.")
    t = _one(_targets(text, kind="purpose", heading="Mục đích, yêu cầu"), 2305)
    assert (t.unit, t.year) == ("nhà ở", 2010)
    assert _one(_targets("- Phấn đấu hoàn thành 100 căn hộ trong quý II/2026.", kind="tasks",
                         heading="Nhiệm vụ"), 100).year == 2026


def test_goals_already_set_are_no_achievement():
    text = ("d) Hướng dẫn, theo dõi, đôn đốc các địa phương xây dựng, triển khai kế hoạch, lộ trình đạt mục "
            "tiêu ít nhất 50% xã, phường không có ma túy vào năm 2030 và các mục tiêu đã đề ra trong "
            "Chương trình MTQG.")
    ts, fs = T.extract_targets(_doc(text, kind="tasks", heading="Nhiệm vụ", date="2025-11-20"))
    assert [(t.value, t.comparator, t.year) for t in ts] == [(50, ">=", 2030)] and fs == []
    # a result stays a result
    ts, fs = T.extract_targets(_doc("Đến nay đã có 50% xã, phường không có ma túy.", kind="tasks",
                                    heading="Nhiệm vụ", date="2025-11-20"))
    assert ts == [] and [f.value for f in fs] == [50]


@pytest.mark.parametrize("low,year", [
    ("phấn đấu giai đoạn 2021-2025 đạt 5%", 2025), ("trước ngày 30-9-2010 đạt 5%", 2010),
    ("trước ngày 30/9/2010 đạt 5%", 2010), ("đến tháng 6/2027 đạt 5%", 2027),
    ("kế hoạch số 64/kh-ubnd ngày 22/8/2025 đạt 5%", None),  # a document's date dates nothing
])
def test_index_years_of_periods_and_due_dates(low, year):
    assert T._TextIndex(low).year(0, len(low)) == year


def test_grade_of_a_counted_figure_is_not_a_second_target():
    # "từ 4 sao", "hạng 1", "loại 2", "cấp độ 3" qualify what the clause's figure counts
    text = ("- Có thêm 45 sản phẩm OCOP đạt từ 4 sao trở lên.\n- Có thêm 8 bệnh viện đạt hạng 1 vào năm 2029.\n"
            "- Nâng cấp 6 tuyến đường đạt chuẩn loại 2 tại các xã.\n"
            "- 100% hệ thống thông tin được bảo đảm an toàn cấp độ 3.\n- Có 15 cán bộ dưới 35 tuổi.\n")
    got = _targets(text)
    assert [t.value for t in got] == [45, 8, 6, 100, 15]
    assert got[0].unit == "sản phẩm" and got[0].comparator == "="


def test_grade_alone_in_its_clause_is_the_value():
    got = _targets("- Sản phẩm du lịch đạt 5 sao; 20 xã đạt chuẩn nông thôn mới.\n")
    assert [(t.value, t.unit) for t in got] == [(5, "sao"), (20, "xã")]


# --- units as an open class, rates, glued units (invented text) ------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("- Biên soạn 03 bộ tài liệu hướng dẫn nghiệp vụ cho cấp xã.", 3, "bộ"),
    ("- Xuất bản 2 tập sách ảnh về di sản văn hóa của tỉnh.", 2, "tập"),
    ("- Xây dựng 5 kịch bản ứng phó với bão mạnh, siêu bão.", 5, "kịch bản"),
    ("- Hình thành 02 khu nông nghiệp ứng dụng công nghệ cao.", 2, "khu"),
    ("- Thành lập ít nhất 04 cụm liên kết ngành chế biến nông sản.", 4, "cụm"),
    ("- Xây dựng 01 trung tâm điều hành thông minh cấp tỉnh.", 1, "trung tâm"),
    ("- Tổng tỷ suất sinh duy trì ở mức 2,1 con/phụ nữ.", 2.1, "con/phụ nữ"),
    ("- Tốc độ tăng trưởng kinh tế bình quân đạt 8%/năm.", 8, "%/năm"),
    ("- Thu nhập bình quân đạt 80 triệu đồng/người.", 80, "triệu đồng/người"),
    ("- Thu nhập bình quân đạt 120 triệu đồng/người/năm vào năm 2030.", 120, "triệu đồng/người/năm"),
    ("- Số bác sĩ đạt 12 bác sĩ/vạn dân; giường bệnh đạt 35 giường/vạn dân.", 12, "bác sĩ/vạn dân"),
    ("- Năng suất lúa đạt 6,5 tấn/ha trong vụ đông xuân.", 6.5, "tấn/ha"),
    ("- Tỷ số giới tính khi sinh dưới 108 bé trai/100 bé gái sinh ra sống.", 108, "bé trai/100 bé gái"),
    ("- Đạt 15 bác sĩ/10.000 dân vào năm 2030.", 15, "bác sĩ/10.000 dân"),
    ("- Mật độ dân số đạt 900 người/km2.", 900, "người/km2"),
    ("- Hỗ trợ 200 doanh nghiệp/hợp tác xã chuyển đổi số.", 200, "doanh nghiệp"),  # an alternative
    ("- Mỗi năm tạo việc làm mới cho 30 nghìn lao động.", 30_000, "lao động"),
    ("- Thu hút 1,5 triệu lượt khách du lịch.", 1_500_000, "lượt"),
    ("- Sản lượng lương thực đạt 500 nghìn tấn.", 500, "nghìn tấn"),
    ("- Trồng mới 500ha rừng phòng hộ ven biển.", 500, "ha"),
    ("- Lắp đặt thêm 10MW điện mặt trời mái nhà.", 10, "MW"),
    ("- Tỷ lệ hộ dân dùng nước sạch đạt 95 %.", 95, "%"),
])
def test_unit_is_the_word_after_the_number(text, value, unit):
    assert _one(_targets(text), value).unit == unit


def test_glued_letters_that_are_no_unit_are_no_figure():
    ts = _targets("- Phủ sóng 5G đến 100% thôn, bản; ứng dụng 3D trong quy hoạch.")
    assert [(t.value, t.unit) for t in ts] == [(100, "%")]


@pytest.mark.parametrize("text, value", [
    ("- Tỷ lệ hộ dân dùng nước sạch đạt 1 00%.", 100),  # OCR split digits
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 9 5%.", 95),
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 9 5 %.", 95),
])
def test_ocr_split_digits_before_percent(text, value):
    t = _one(_targets(text), value)
    assert t.unit == "%"
    assert len(_targets(text)) == 1


def test_split_digits_over_a_hundred_are_no_figure():
    assert _targets("- Tổ chức 2 10% hội nghị.") == []


@pytest.mark.parametrize("text, value, comparator", [
    ("- Tăng trưởng kinh tế năm 2026 đạt từ 10% trở lên.", 10, ">="),
    ("- Đào tạo nghề cho từ 200 lao động nông thôn mỗi năm.", 200, ">="),
    ("- Phấn đấu có từ 3 sản phẩm đạt chuẩn OCOP.", 3, ">="),
    ("- Tỷ lệ che phủ rừng từ 45 - 47%.", 45, "range"),
    ("- Tỷ lệ che phủ rừng từ 45% đến 47%.", 45, "range"),
])
def test_from_n_alone_means_at_least(text, value, comparator):
    assert _one(_targets(text), value).comparator == comparator


@pytest.mark.parametrize("text, values", [
    ("- Vận hành hiệu quả chính quyền địa phương 2 cấp, 100% thủ tục được giải quyết đúng hạn.", [100]),
    ("- Các xã báo cáo kết quả trước 25 hằng tháng; 90% hồ sơ được số hóa.", [90]),
    ("- Thực hiện theo Điều 5, 6 và 7 của Luật; 80% cán bộ được tập huấn.", [80]),
    ("- Hoàn thành trước 25-12-2026 việc số hóa 100% hồ sơ.", [100]),
    ("- Tuyến đường 25-12 được nâng cấp đạt 30 km.", [30]),
])
def test_counts_that_name_or_date_are_no_targets(text, values):
    assert [t.value for t in _targets(text)] == values


def test_population_definitions_and_reported_figures_are_no_targets():
    ts = _targets("- 98% người từ 15 tuổi trở lên biết đọc, biết viết.")
    assert [(t.value, t.unit) for t in ts] == [(98, "%")]
    ts, fs = T.extract_targets(_doc("- Năm 2024 toàn tỉnh đã đạt 85% hộ dân dùng nước sạch.", date="2025-03-01"))
    assert ts == [] and [f.value for f in fs] == [85]


def test_year_from_the_clause_else_from_the_heading():
    text = "- Tỷ lệ hộ nghèo năm 2026 giảm còn dưới 3%; tỷ lệ lao động qua đào tạo đạt 75%."
    ts = _targets(text, heading="Mục tiêu đến năm 2030")
    assert [(t.value, t.year) for t in ts] == [(3, 2026), (75, 2030)]
    assert [t.year for t in _targets(text, heading="Mục tiêu cụ thể")] == [2026, None]


# --- milestones, clause ends, names with cue words (invented text) ---------------------------


def test_milestones_read_on_from_the_indicator_said_before():
    text = ("- Phấn đấu đến năm 2030 đạt 95% hộ gia đình được sử dụng nước sạch theo quy chuẩn, năm 2027 đạt "
            "90%, năm 2028 đạt trên 92%.")
    ts = _targets(text, kind="tasks", heading="Nhiệm vụ", date="2026-01-10")
    assert [(t.value, t.comparator, t.year) for t in ts] == [(95, "=", 2030), (90, "=", 2027), (92, ">", 2028)]
    for t in ts[1:]:
        assert t.text.startswith(ts[0].text) and ts[0].text.startswith("đạt 95% hộ gia đình")
        assert text[t.span[0]:t.span[1]] == t.text
    assert ts[2].text.endswith("năm 2028 đạt trên 92%")
    # a clause with words of its own keeps its own text
    ts = _targets("- Năm 2027 tỷ lệ hộ nghèo giảm còn 3%, năm 2028 tỷ lệ lao động có việc làm đạt 70%.")
    assert ts[1].text == "năm 2028 tỷ lệ lao động có việc làm đạt 70%"


def test_clause_ends_before_the_subject_of_a_new_clause():
    text = ("Phấn đấu tăng trưởng kinh tế năm 2026 đạt từ 9% trở lên, Ủy ban nhân dân tỉnh yêu cầu các sở, "
            "ngành triển khai ngay các giải pháp.")
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 9)
    assert (t.text, t.comparator, t.year) == ("Phấn đấu tăng trưởng kinh tế năm 2026 đạt từ 9% trở lên", ">=", 2026)


def test_a_target_of_the_documents_own_year_is_a_commitment():
    text = "- Các địa phương quyết liệt thực hiện để đạt mục tiêu giải ngân 95% kế hoạch vốn trong năm 2026."
    ts = _targets(text, kind="tasks", heading="Nhiệm vụ", date="2026-03-02")
    assert [(t.value, t.year) for t in ts] == [(95, 2026)]
    # a year already past is a report
    ts = _targets(text.replace("2026.", "2024."), kind="tasks", heading="Nhiệm vụ", date="2026-03-02")
    assert ts == []


def test_names_holding_a_cue_word_commit_nothing():
    text = "- Hợp nhất 3 chương trình mục tiêu quốc gia thành một chương trình; lồng ghép 2 đề án."
    assert _targets(text, kind="tasks", heading="Nhiệm vụ") == []
    assert _targets("- Tổ chức 3 giai đoạn 2026 - 2030 để phấn đấu đạt 80% xã nông thôn mới.",
                    kind="tasks", heading="Nhiệm vụ")[0].value == 80


APPENDIX_PLAN = ("KẾ HOẠCH\nThực hiện chương trình phát triển lâm nghiệp\n\nI. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n"
                 "- Tỷ lệ che phủ rừng đạt 45%.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp chủ trì thực hiện.\n\n"
                 "Phụ lục I\nCÁC CHỈ TIÊU CHỦ YẾU\n| STT | Chỉ tiêu | Đơn vị | Năm 2030 |\n|---|---|---|---|\n"
                 "| 1 | Tỷ lệ che phủ rừng | % | 45 |\n| 2 | Số xã có rừng cộng đồng | xã | 20 |\n")


def test_appendix_restatements_are_no_targets():
    doc = vnplan.parse(APPENDIX_PLAN, strict=True)
    # the appendix is no section (GOLD rule 3), but a new indicator in its table is a target
    assert [(t.value, t.year, t.section) for t in doc.targets] == [(45, 2030, "I/1"), (20, 2030, None)]
    assert doc.appendix and doc.text[doc.appendix[0]:].startswith("Phụ lục I")


def test_floor_percentage_required_in_a_task_is_a_target():
    text = "- Hằng năm, tối thiểu 30% cán bộ, công chức được bồi dưỡng kỹ năng số."
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 30)
    assert (t.comparator, t.recurrence) == (">=", "P1Y")
    # "từ 30%" of a budget is a share, not a requirement
    assert _targets("- Ngân sách tỉnh hỗ trợ từ 30% chi phí, phần còn lại được huy động xã hội hóa.",
                    kind="tasks", heading="Nhiệm vụ") == []


def test_outcome_after_a_label_in_a_task():
    text = ("- Chuyển đổi số trong trường học: 100% cơ sở giáo dục triển khai sổ điểm điện tử, gắn với "
            "cơ sở dữ liệu ngành.")
    t = _one(_targets(text, kind="tasks", heading="Nhiệm vụ"), 100)
    assert "100% cơ sở giáo dục triển khai sổ điểm điện tử" in t.text


def test_a_past_year_figure_in_objectives_is_a_baseline():
    text = "- Năm 2020 tỷ lệ hộ nghèo là 5%, phấn đấu đến năm 2030 giảm còn dưới 1%."
    ts, fs = T.extract_targets(_doc(text, date="2025-10-01"))
    assert [(t.value, t.comparator, t.year) for t in ts] == [(1, "<", 2030)]
    assert [f.value for f in fs] == [5]
    # a milestone of the plan's own years stays a target
    ts = _targets("- Năm 2026 tỷ lệ hộ nghèo giảm còn 4%, đến năm 2030 giảm còn dưới 1%.", date="2025-10-01")
    assert [(t.value, t.year) for t in ts] == [(4, 2026), (1, 2030)]


@pytest.mark.parametrize("text", [
    "- Thực hiện Thông báo 623 của Văn phòng Chính phủ; 90% hồ sơ được số hóa.",
    "- Triển khai Pháp lệnh 02 về ưu đãi người có công; 90% hồ sơ được số hóa.",
    "- Theo khoản 3 Điều 12, mục 2 Phần II; 90% hồ sơ được số hóa.",
])
def test_document_and_article_numbers_are_no_figures(text):
    assert [t.value for t in _targets(text)] == [90]



@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["%", " %", " ha", " tỷ đồng", " xã"]))
def test_any_figure_written_the_vietnamese_way_reads_back(n, unit):
    written = f"{n:,}".replace(",", ".")
    ts = _targets(f"- Chỉ tiêu phấn đấu đạt {written}{unit} trong năm 2030.")
    assert [(t.value, t.unit, t.year) for t in ts] == [(n, unit.strip(), 2030)]


def test_classifier_of_word_segmented_text_and_function_words():
    ts = _targets("- Phát_triển 39 siêu_thị và 20 trung_tâm thương_mại ; phát_thải ròng bằng 0 vào năm 2050 .")
    assert [(t.value, t.unit) for t in ts] == [(39, "siêu thị"), (20, "trung tâm thương mại"), (0, None)]


def test_a_bound_before_a_list_of_counts_of_one_noun_bounds_each():
    ts = _targets("- Hình thành ít nhất 60 doanh nghiệp khởi nghiệp sáng tạo, 25 doanh nghiệp khoa học công nghệ.")
    assert [(t.value, t.comparator) for t in ts] == [(60, ">="), (25, ">=")]
    ts = _targets("- Có trên 50 tiến sĩ, 300 thạc sĩ; tỷ lệ bao phủ bảo hiểm y tế trên 95% dân số, 45% lao động.")
    assert [(t.value, t.comparator) for t in ts] == [(50, ">"), (300, "="), (95, ">"), (45, "=")]


def test_a_goal_against_a_baseline_in_a_task_is_a_target():
    text = "1. Các sở, ngành phấn đấu giảm ít nhất 10% số vụ cháy so với năm 2024."
    ts, fs = T.extract_targets(_doc(text, kind="tasks", heading="Nhiệm vụ", date="2025-02-01"))
    assert [(t.value, t.comparator) for t in ts] == [(10, ">=")] and fs == []
    # a result against a baseline stays a result
    ts, fs = T.extract_targets(_doc("Năm 2024 số vụ cháy giảm 10% so với năm 2023.", kind="tasks",
                                    heading="Nhiệm vụ", date="2025-02-01"))
    assert ts == [] and [f.value for f in fs] == [10]


def test_a_floor_count_is_a_requirement():
    ts = _targets("- Thu hút ít nhất 500 học sinh tham gia hội thi.", kind="purpose", heading="Mục đích, yêu cầu")
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(500, "học sinh", ">=")]
    assert _targets("- Hỗ trợ tối đa 50 triệu đồng/hộ.", kind="tasks", heading="Nhiệm vụ") == []
    assert _targets("- Tổ chức 2 đợt diễn tập trong năm.", kind="tasks", heading="Nhiệm vụ") == []


def test_a_budget_table_of_a_task_gives_no_targets():
    budget = ("| STT | Nội dung | Năm 2026 | Năm 2027 |\n|---|---|---|---|\n"
              "| 1 | Kinh phí tuyên truyền | 200 | 250 |\n| 2 | Kinh phí tập huấn | 150 | 150 |")
    assert _targets(budget, kind="implementation", heading="Kinh phí thực hiện") == []
    goals = budget.replace("Nội dung", "Chỉ tiêu").replace("Kinh phí tuyên truyền", "Số lớp tập huấn")
    assert [t.value for t in _targets(goals, kind="tasks", heading="Nhiệm vụ")] == [200, 250, 150, 150]
    assert [t.value for t in _targets(budget, heading="Mục tiêu cụ thể")] == [200, 250, 150, 150]


def test_a_goal_set_by_a_body_is_no_result():
    text = "- Giải ngân 100% kế hoạch vốn đầu tư công năm 2026 đã được Ủy ban nhân dân tỉnh giao."
    ts, fs = T.extract_targets(_doc(text, kind="tasks", heading="Nhiệm vụ", date="2026-02-01"))
    assert [(t.value, t.year) for t in ts] == [(100, 2026)] and fs == []
    ts, fs = T.extract_targets(_doc("- Năm 2025 đã giải ngân 95% kế hoạch vốn.", kind="tasks",
                                    heading="Nhiệm vụ", date="2026-02-01"))
    assert ts == [] and [f.value for f in fs] == [95]


def test_stand_in_outline_reads_markers_with_lang_markers():
    from vnplan.extract.targets.regions import _scan_sections
    text = ("I. MỤC TIÊU\nNội dung.\nIi. mục_đích yêu_cầu :\n2.1. Chỉ tiêu\n"
            "a) Giảm 10%\n66.2/2025/NQ-CP ngày 1 tháng 8 năm 2025 của Chính phủ\n3 .\n")
    assert [(lvl, head) for _, lvl, head in _scan_sections(text)] == [
        (1, "MỤC TIÊU"), (1, "mục_đích yêu_cầu :"), (3, "Chỉ tiêu"), (5, "Giảm 10%")]


def test_a_compound_counted_noun_is_the_whole_unit():
    # "cửa hàng", "siêu thị": a classifier of two syllables is not cut to its first one
    ts = _targets("- Đến năm 2030 có ít nhất 12 siêu thị và 150 cửa hàng tiện lợi trên địa bàn.")
    assert [(t.value, t.unit) for t in ts] == [(12, "siêu thị"), (150, "cửa hàng")]
