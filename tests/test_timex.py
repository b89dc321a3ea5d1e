"""The time-expression normalizer on the forms plan documents use (seed and corpus wording)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.lang.timex import find_timexes, normalize, parse_iso

REF = date(2024, 2, 1)  # a document of February 2024

# (expression, due, period_start, recurrence)
CASES = [
    # quarters
    ("hoàn thành trong quý I/2024", "2024-03-31", "2024-01-01", None),
    ("quý IV năm 2019", "2019-12-31", "2019-10-01", None),
    ("Quý III/2025", "2025-09-30", "2025-07-01", None),
    ("Quý III Năm 2026", "2026-09-30", "2026-07-01", None),
    ("QUÝ II/2024", "2024-06-30", "2024-04-01", None),
    ("quý 1/2024", "2024-03-31", "2024-01-01", None),
    ("quý 4 năm 2025", "2025-12-31", "2025-10-01", None),
    ("qúy IV/2019", "2019-12-31", "2019-10-01", None),  # old-style spelling
    ("quý IV-2019", "2019-12-31", "2019-10-01", None),
    ("trong quý II", "2024-06-30", "2024-04-01", None),  # year of the document
    ("xong trong quý IV/2019", "2019-12-31", "2019-10-01", None),
    ("Quý IV/2025- Quý II/2026", "2026-06-30", "2025-10-01", None),
    # months
    ("trong tháng 4/2024", "2024-04-30", "2024-04-01", None),
    ("tháng 10/2019", "2019-10-31", "2019-10-01", None),
    ("tháng 02/2024", "2024-02-29", "2024-02-01", None),  # leap year
    ("tháng 2/2023", "2023-02-28", "2023-02-01", None),
    ("tháng 12 năm 2025", "2025-12-31", "2025-12-01", None),
    ("tháng 11/2025", "2025-11-30", "2025-11-01", None),
    ("trong tháng 4", "2024-04-30", "2024-04-01", None),
    ("trong tháng 1", "2025-01-31", "2025-01-01", None),  # January 2024 is before the document
    ("từ tháng 1 đến tháng 6/2025", "2025-06-30", "2025-01-01", None),
    # years
    ("trong năm 2020", "2020-12-31", "2020-01-01", None),
    ("hoàn thành trong năm 2024", "2024-12-31", "2024-01-01", None),
    ("năm 2025", "2025-12-31", "2025-01-01", None),
    ("đến năm 2030", "2030-12-31", None, None),
    ("đến hết năm 2025", "2025-12-31", None, None),
    ("năm 2025 và các năm tiếp theo", None, "2025-01-01", None),
    ("năm 2026 và những năm tiếp theo", None, "2026-01-01", None),
    ("Từ năm 2008 đến nay", None, "2008-01-01", None),
    ("từ năm 2026 trở đi", None, "2026-01-01", None),
    # days
    ("trước ngày 30/6/2024", "2024-06-30", None, None),
    ("chậm nhất ngày 15/3/2025", "2025-03-15", None, None),
    ("chậm nhất là ngày 05/01/2025", "2025-01-05", None, None),
    ("trước 30/6", "2024-06-30", None, None),
    ("trước ngày 15/01", "2025-01-15", None, None),  # past for the document: next year
    ("ngày 15 tháng 3 năm 2025", "2025-03-15", None, None),
    ("trước ngày 01 tháng 01 năm 2026", "2026-01-01", None, None),
    ("trước ngày 31 tháng 12 năm 2025", "2025-12-31", None, None),
    ("ngày 24-11-2023", "2023-11-24", None, None),
    ("ngày 24.11.2023", "2023-11-24", None, None),
    ("ngày 29/02/2024", "2024-02-29", None, None),
    ("trước ngày 30/9/2010", "2010-09-30", None, None),
    ("trước ngày 15 tháng 12", "2024-12-15", None, None),
    ("từ ngày 5 tháng 8 đến ngày 6 tháng 8 năm 2020", "2020-08-06", "2020-08-05", None),
    # halves
    ("6 tháng đầu năm 2025", "2025-06-30", "2025-01-01", None),
    ("6 tháng cuối năm 2025", "2025-12-31", "2025-07-01", None),
    ("06 tháng đầu năm 2024", "2024-06-30", "2024-01-01", None),
    ("sáu tháng cuối năm 2024", "2024-12-31", "2024-07-01", None),
    ("9 tháng đầu năm 2025", "2025-09-30", "2025-01-01", None),
    ("nửa đầu năm 2026", "2026-06-30", "2026-01-01", None),
    # periods
    ("giai đoạn 2021-2025", "2025-12-31", "2021-01-01", None),
    ("2021 - 2025", "2025-12-31", "2021-01-01", None),
    ("giai đoạn 2021 – 2030", "2030-12-31", "2021-01-01", None),
    ("nhiệm kỳ 2020 - 2025", "2025-12-31", "2020-01-01", None),
    ("năm 2026 - 2027", "2027-12-31", "2026-01-01", None),
    ("Từ năm 2025 đến hết năm 2030", "2030-12-31", "2025-01-01", None),
    ("từ năm 2025 đến năm 2030", "2030-12-31", "2025-01-01", None),
    ("giai_đoạn 2009-2013", "2013-12-31", "2009-01-01", None),  # word-segmented text
    # cadences
    ("định kỳ 6 tháng", None, None, "P6M"),
    ("Định kỳ 06 tháng báo cáo", None, None, "P6M"),
    ("định kỳ hằng năm", None, None, "P1Y"),
    ("định kỳ hàng năm", None, None, "P1Y"),
    ("hằng năm", None, None, "P1Y"),
    ("Hàng năm", None, None, "P1Y"),
    ("hằng quý", None, None, "P3M"),
    ("hàng quý", None, None, "P3M"),
    ("định kỳ hàng quý", None, None, "P3M"),
    ("hằng tháng", None, None, "P1M"),
    ("hàng tháng", None, None, "P1M"),
    ("hằng tuần", None, None, "P1W"),
    ("định kỳ 03 tháng", None, None, "P3M"),
    ("định kỳ 12 tháng", None, None, "P1Y"),
    ("định kỳ 2 năm", None, None, "P2Y"),
    ("6 tháng một lần", None, None, "P6M"),
    ("mỗi năm", None, None, "P1Y"),
    ("định_kỳ hàng_năm", None, None, "P1Y"),
    ("Định kỳ hằng năm (trước ngày 15 tháng 12)", "2024-12-15", None, "P1Y"),
    ("định kỳ trước ngày 30 tháng 11 hàng năm", None, None, "P1Y"),
    ("trước ngày 20 hằng tháng", None, None, "P1M"),
    ("trước ngày 25/12 hàng năm", None, None, "P1Y"),
    ("chậm nhất ngày 10 hàng quý", None, None, "P3M"),
    ("vào tháng 3 và tháng 9 hằng năm", None, None, "P1Y"),
    ("trước ngày 15/6 và 15/12 hằng năm", None, None, "P1Y"),
    # month lists: due the last month
    ("Tháng 6, 7/2026", "2026-07-31", "2026-06-01", None),
    ("tháng 3, 6 và 9 năm 2026", "2026-09-30", "2026-03-01", None),
    ("từ tháng 2 đến tháng 11 năm 2027", "2027-11-30", "2027-02-01", None),
    ("Kể từ ngày 01 tháng 7 năm 2026 đến hết ngày 31 tháng 12 năm 2027", "2027-12-31", "2026-07-01", None),
    # OCR and font damage (data: time.yaml ocr)
    ("hàng nãm", None, None, "P1Y"),
    ("Quy IV/2026", "2026-12-31", "2026-10-01", None),
    ("Nǎm 2026", "2026-12-31", "2026-01-01", None),
    ("Quý lI/2026", "2026-06-30", "2026-04-01", None),  # l for I
    ("hoàn thành trong Quy Il năm 2026", "2026-06-30", "2026-04-01", None),
    ("thang 6/2026", "2026-06-30", "2026-06-01", None),  # diacritics lost
    ("truoc ngay 15/6/2026", "2026-06-15", None, None),
    ("bao cao hang nam", None, None, "P1Y"),
    ("dinh ky 6 tháng", None, None, "P6M"),  # a day of every year: no due date
]


@pytest.mark.parametrize("expr,due,start,rec", CASES)
def test_normalize(expr, due, start, rec):
    t = normalize(expr, REF)
    assert t is not None, expr
    assert (t.due, t.period_start, t.recurrence) == (due, start, rec)


def test_many_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("expr", [
    "", "   ", "Sau 15 năm triển khai thực hiện", "ngày 31/2/2024", "29/02/2023", "tháng 13/2024",
    "quý V/2024", "số 12/2021/NĐ-CP", "Luật An ninh mạng 2025", "6 tháng", "30/6", "tháng 4/24",
    "Hello world", "đạt 96,3%", "định kỳ sơ kết, tổng kết", "Việt Nam 2045", "quy định 2 năm",
])
def test_not_a_time(expr):
    assert normalize(expr, REF) is None


def test_thuong_xuyen_has_no_date():
    t = normalize("Thường xuyên", REF)
    assert t is not None and t.kind == "ongoing"
    assert (t.due, t.period_start, t.recurrence) == (None, None, None)


def test_until_and_since_kinds():
    assert normalize("đến năm 2030", REF).kind == "until"
    assert normalize("Từ năm 2008 đến nay", REF).kind == "since"
    assert normalize("năm 2025 và các năm tiếp theo", REF).kind == "open"


def test_no_year_without_reference_date():
    t = normalize("trước 30/6", None)
    assert t is not None and t.due is None and not t.year_given
    assert normalize("trong quý I/2024", None).due == "2024-03-31"


def test_cue_is_kept():
    t = normalize("chậm nhất là ngày 15/3/2025", REF)
    assert t.cue == "chậm nhất là" and t.cue_kind == "strong"
    assert normalize("hoàn thành trong quý I/2024", REF).cue_kind == "within"


def test_finder_spans_on_seed_sentence():
    text = ("xây dựng chiến lược phát triển đội ngũ trí thức của tỉnh giai đoạn 2021-2030 "
            "(hoàn thành trong năm 2020).")
    found = list(find_timexes(text, REF))
    assert [text[a:b] for a, b in (t.span for t in found)] == ["giai đoạn 2021-2030", "trong năm 2020"]
    assert [t.due for t in found] == ["2030-12-31", "2020-12-31"]


def test_finder_citation_date():
    text = "Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương"
    (t,) = list(find_timexes(text, REF))
    assert t.text == "ngày 24/11/2023" and t.due == "2023-11-24" and t.cue is None


def test_finder_table_cells():
    text = "| 1 | Khảo sát | Ban Quản lý | Sở Công Thương | Quý IV/2025- Quý II/2026 |\n| 2 | X | Y | Z | Hàng năm |"
    found = list(find_timexes(text, REF))
    assert [(t.period_start, t.due, t.recurrence) for t in found] == [
        ("2025-10-01", "2026-06-30", None), (None, None, "P1Y")]


def test_parse_iso():
    assert parse_iso("2019-08-27") == date(2019, 8, 27)
    assert parse_iso("2024-02") == date(2024, 2, 1)
    assert parse_iso("2024-02-30") is None and parse_iso(None) is None and parse_iso("x") is None


def test_long_inputs_finish():
    # no timing asserted: these only must not blow up (a slow regex would hang the suite)
    assert list(find_timexes("1" * 50000, REF)) == []
    assert len(list(find_timexes("tháng 4/2024\n" * 20000, REF))) == 20000
    assert list(find_timexes("tháng" + " " * 100000 + "4", REF)) == []


# --- properties ------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "quý", "Quý", "I", "II", "III", "IV", "V", "tháng", "năm", "ngày", "đầu", "cuối", "6", "06", "12", "13",
    "29", "30", "31", "0", "2", "2019", "2020", "2024", "2100", "1899", "/", "-", " - ", "đến", "hết", "từ",
    "trước", "trong", "hằng", "hàng", "định kỳ", "giai đoạn", "và các năm tiếp theo", "đến nay", "(", ")",
    " ", ",", ".", "nửa", "sáu", "một lần", "thường xuyên", "_",
])


def _valid(iso):
    return iso is None or date.fromisoformat(iso).isoformat() == iso


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join), st.none() | st.dates(date(1990, 1, 1), date(2090, 12, 31)))
def test_property_dates_valid_and_ordered(expr, ref):
    for t in find_timexes(expr, ref):
        assert _valid(t.due) and _valid(t.period_start)
        if t.due and t.period_start:
            assert t.period_start <= t.due
        assert 0 <= t.span[0] <= t.span[1] <= len(expr)
        assert expr[t.span[0]:t.span[1]] == t.text
    t = normalize(expr, ref)
    if t is not None:
        assert _valid(t.due) and _valid(t.period_start)
        if t.due and t.period_start:
            assert t.period_start <= t.due


@settings(max_examples=300, deadline=None)
@given(st.text(), st.none() | st.dates())
def test_property_never_raises(text, ref):
    for t in find_timexes(text, ref):
        assert _valid(t.due) and _valid(t.period_start)
    normalize(text, ref)


@pytest.mark.parametrize("expr,rec", [
    ("định kỳ mười lăm ngày", "P15D"),  # counts come from data/numbers.yaml
    ("định kỳ bẩy ngày", "P7D"),
    ("bốn tháng một lần", "P4M"),
    ("định kỳ mười năm", "P10Y"),  # "năm" is the unit here, never five
    ("định kỳ năm tháng", None),
])
def test_spelled_counts_from_the_one_number_list(expr, rec):
    t = normalize(expr, date(2025, 1, 1))
    assert (t.recurrence if t else None) == rec


def test_cadences_listed_after_a_cadence():
    from vnplan.lang.timex import find_timexes as ft
    got = [(t.text, t.recurrence) for t in ft("định kỳ hằng quý, 6 tháng và năm báo cáo", None)]
    assert got == [("định kỳ hằng quý", "P3M"), ("6 tháng", "P6M"), ("năm", "P1Y")]
    # a unit followed by a year is a date, not a cadence
    assert [t.recurrence for t in ft("báo cáo hằng năm, năm 2026 tổ chức sơ kết", None)] == ["P1Y", None]
