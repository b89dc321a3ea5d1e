"""The number reader of the language layer: digits with separators, number words, ranges."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from vnplan.lang import numbers as N

# --- digits ----------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, value", [
    ("1.200", 1200), ("2,5", 2.5), ("1.234,5", 1234.5), ("96.3", 96.3), ("16.312", 16312),
    ("1.000.000", 1e6), ("0,5", 0.5), ("12", 12), (" 7 ", 7), ("1 00", 100), ("9 5", 95),
])
def test_parse_number(raw, value):
    assert N.parse_number(raw) == value


@pytest.mark.parametrize("raw", ["", "abc", "1.2.3", "1,2,3", "9" * 50_000, "12a", "1 000 000"])
def test_parse_number_refuses_what_is_not_one_number(raw):
    assert N.parse_number(raw) is None


def _vn_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_dot_round_trip(n):
    assert N.parse_number(_vn_thousands(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimal_comma_round_trip(whole, frac):
    raw = f"{_vn_thousands(whole)},{frac:02d}"
    assert N.parse_number(raw) == pytest.approx(whole + frac / 100)


# --- number words ----------------------------------------------------------------------------


@pytest.mark.parametrize("words, value", [
    ("một", 1), ("hai", 2), ("mười", 10), ("mười hai", 12), ("mười lăm", 15), ("hai mươi", 20),
    ("hai mươi mốt", 21), ("hai mươi tư", 24), ("hai mươi lăm", 25), ("chín mươi chín", 99),
    ("một trăm", 100), ("trăm", 100), ("một trăm linh năm", 105), ("hai trăm lẻ một", 201),
    ("ba trăm hai mươi", 320), ("một nghìn", 1000), ("hai ngàn", 2000), ("năm trăm nghìn", 500_000),
    ("ba triệu", 3e6), ("hai tỷ", 2e9), ("hai tỉ", 2e9), ("một nghìn tỷ", 1e12),
    ("một triệu hai trăm nghìn", 1_200_000), ("Hai Mươi", 20), ("hai chục", 20),
])
def test_words_number(words, value):
    assert N.words_number(words) == value


@pytest.mark.parametrize("words", ["", "hai ba", "mươi", "năm năm", "trăm trăm", "linh năm",
                                   "hai mười", "mười mươi", "lần", "hai lần"])
def test_words_number_refuses_ill_formed_words(words):
    assert N.words_number(words) is None


_UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _spell(n: int) -> str:
    """A plain spelling of 1..999 (the reference the reader must agree with)."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out = [_UNITS[h], "trăm"] if h else []
    if t == 0 and u and h:
        out.append("linh")
    elif t == 1:
        out.append("mười")
    elif t:
        out += [_UNITS[t], "mươi"]
    if u:
        out.append(_UNITS[u])
    return " ".join(out)


@given(st.integers(min_value=1, max_value=999))
def test_spelled_groups_read_back(n):
    assert N.words_number(_spell(n)) == n


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_spelled_thousands_read_back(a, b):
    words = _spell(a) + " nghìn" + (" " + _spell(b) if b else "")
    assert N.words_number(words) == a * 1000 + b


def test_the_one_list_of_number_words_is_data():
    words = N.number_words()
    assert {"một", "mươi", "trăm", "nghìn", "triệu", "tỷ"} <= words


# --- ranges and glued units ------------------------------------------------------------------


@pytest.mark.parametrize("text, pair", [
    ("15-20", (15, 20)), ("15 - 20", (15, 20)), ("25–35%", (25, 35)), ("từ 15 đến 20", (15, 20)),
    ("Từ 1.200 tới 1.500", (1200, 1500)), ("2,5 - 3,5", (2.5, 3.5)), ("10% - 15", (10, 15)),
])
def test_read_range(text, pair):
    assert N.read_range(text) == pair


@pytest.mark.parametrize("text", ["20-15", "15", "15 20", "từ 15", "15-15", "a-b"])
def test_read_range_refuses(text):
    assert N.read_range(text) is None


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_rising_ranges_read_back(lo, step):
    assert N.read_range(f"từ {lo} đến {lo + step}") == (lo, lo + step)


@pytest.mark.parametrize("token, pair", [
    ("500ha", (500, "ha")), ("1.200km2", (1200, "km2")), ("10MW", (10, "MW")), ("2,5tấn", (2.5, "tấn")),
])
def test_split_glued(token, pair):
    assert N.split_glued(token) == pair


@pytest.mark.parametrize("token", ["500", "ha500", "H5N1", ""])
def test_split_glued_refuses(token):
    assert N.split_glued(token) is None


@given(st.text(max_size=40))
def test_readers_never_raise(s):
    N.parse_number(s)
    N.words_number(s)
    N.read_range(s)
    N.split_glued(s)


def test_scale_words():
    assert (N.scale_of("nghìn"), N.scale_of("Triệu"), N.scale_of("tỷ"), N.scale_of("người")) == (1000, 10**6, 10**9, 1)
