"""read_date: the one reader of a calendar date in a line (header place-date line, cited dates)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.lang.timex import find_timexes, normalize
from vnplan.lang.timex import read_date


@pytest.mark.parametrize("text,iso,span_text", [
    ("Quảng Trị, ngày 24 tháng 11 năm 2023", "2023-11-24", "ngày 24 tháng 11 năm 2023"),
    ("Yên Bái, ngày 01 tháng 1 năm 2026", "2026-01-01", "ngày 01 tháng 1 năm 2026"),
    ("ngày 24/11/2023", "2023-11-24", "ngày 24/11/2023"),
    ("Kế hoạch số 12-KH/TU, ngày 5-3-2025 của Tỉnh ủy", "2025-03-05", "ngày 5-3-2025"),
    ("Lào Cai, ngày    tháng 02 năm 2024", "2024-02", "ngày    tháng 02 năm 2024"),
    ("Hà Giang, ngày ... tháng ... năm 2026", "2026", "ngày ... tháng ... năm 2026"),
    ("Sơn La, ngày 7 tháng 8, năm 2026", "2026-08-07", "ngày 7 tháng 8, năm 2026"),
    ("Gia Lai, ngày 3 tháng 9 Nǎm 2026", "2026-09-03", "ngày 3 tháng 9 Nǎm 2026"),  # font damage
])
def test_read_date(text, iso, span_text):
    got = read_date(text)
    assert got is not None and got[0] == iso
    assert text[got[1]:got[2]] == span_text


@pytest.mark.parametrize("text", ["", "không có ngày", "ngày 31 tháng 2 năm 2024", "ngày 5 tháng  năm 2024",
                                  "ngày 30/6", "Số: 15/KH-UBND", None])
def test_read_date_none(text):
    assert read_date(text) is None


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.booleans(), st.booleans())
def test_property_read_date_round_trip(d, zero_pad, numeric):
    dd, mm = (f"{d.day:02d}", f"{d.month:02d}") if zero_pad else (str(d.day), str(d.month))
    line = f"Cần Thơ, ngày {dd}/{mm}/{d.year}" if numeric else f"Cần Thơ, ngày {dd} tháng {mm} năm {d.year}"
    iso, start, end = read_date(line)
    assert iso == d.isoformat() and line[start:end].startswith("ngày")


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(2000, 2099),
       st.sampled_from(["Tháng {a}, {b}/{y}", "tháng {a} và tháng {b} năm {y}", "từ tháng {a} đến tháng {b} năm {y}",
                        "Quý {qa}/{y}, Quý {qb}/{y}"]))
def test_property_lists_and_ranges_valid(a, b, y, form):
    qa, qb = ["I", "II", "III", "IV"][(a - 1) // 3], ["I", "II", "III", "IV"][(b - 1) // 3]
    text = form.format(a=a, b=b, y=y, qa=qa, qb=qb)
    for t in find_timexes(text, date(y, 1, 1)):
        if t.due:
            date.fromisoformat(t.due)
        if t.period_start and t.due:
            assert t.period_start <= t.due


def test_day_of_a_cadence_is_not_a_due_date():
    t = normalize("trước ngày 25/12 hàng năm", date(2026, 1, 5))
    assert (t.recurrence, t.due, t.cue) == ("P1Y", None, "trước")


def test_header_date_unchanged_through_parse():
    doc = vnplan.parse("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 15/KH-UBND\nLạng Sơn, ngày 24 tháng 11 năm 2026\n"
                       "KẾ HOẠCH\nTriển khai công tác\nI. MỤC ĐÍCH\nNâng cao.\n", strict=True)
    line = "Lạng Sơn, ngày 24 tháng 11 năm 2026"
    assert read_date(line)[0] == doc.metadata.date == "2026-11-24"


def test_written_dates_forms_and_bounds():
    from vnplan.lang.timex import written_dates
    text = "Điện Biên, tháng 0 6 năm 2019\nHà Nội, ngày 5 tháng 3 năm 2024; ngày 31 tháng 2 năm 2024"
    got = list(written_dates(text))
    assert [g[0] for g in got] == ["2019-06", "2024-03-05", None]  # OCR-split month; no 31 February
    assert text[got[1][1]:got[1][2]] == "ngày 5 tháng 3 năm 2024"
    assert [g[0] for g in written_dates(text, got[1][1], got[1][2])] == ["2024-03-05"]


@pytest.mark.parametrize("text,pos,want", [
    ("số 15/KH-UBND ngày 05/3/2024 của", 19, ("2024-03-05", 28)),
    ("số 15/KH-UBND ngày 05 tháng 3 năm 2024", 19, ("2024-03-05", 38)),
    ("số 15/KH-UBND về việc 05/3/2024", 13, None),  # the date does not start there
    ("ngày tháng 3 năm 2024", 5, None),  # no day: not a full date
])
def test_date_at(text, pos, want):
    from vnplan.lang.timex import date_at
    assert date_at(text, pos) == want
