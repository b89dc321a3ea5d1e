"""Numbers as Vietnamese plans write them: digits with separators, number words, ranges.

Plans write "1.200" (thousands dot), "2,5" (decimal comma), "1.234,5", the English "96.3"
before "%", number words ("hai mươi lăm", "ba nghìn"), ranges ("15-20", "từ 15 đến 20") and,
in OCR text or careless typing, a figure glued to its unit ("500ha") or split digits ("1 00%").
These readers are pure functions over strings; the words live in ``vnplan/data/numbers.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import vocab
from .patterns import alternation

MAX_DIGITS = 15  # past this a "number" is noise (a digit flood), not a quantity
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_OCR_SPLIT = re.compile(r"(\d) (\d{1,2})")
# One figure as written: "1.234,5", "2,5", "12", "500" of "500ha".
_FIGURE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_RANGE = re.compile(
    r"\s*(?:" + alternation(vocab.load("numbers")["range_from"]) + r"\s+)?(" + _FIGURE + r")\s*(?:%\s*)?(?:[-–—]|"
    + alternation(vocab.load("numbers")["range_to"]) + r")\s*(" + _FIGURE + r")\s*%?\s*",
    re.IGNORECASE)
_GLUED = re.compile(r"(" + _FIGURE + r")([^\W\d_][^\W_]*(?:/[^\W\d_]+)?)")


def parse_number(s: str) -> Optional[float]:
    """ "1.200" -> 1200, "2,5" -> 2.5, "1.234,5" -> 1234.5, "96.3" -> 96.3, "1 00" (OCR) -> 100.

    None when the string is not one sane number (a digit flood, "1.2.3").
    """
    if s.isdigit() and s.isascii() and len(s) <= MAX_DIGITS:
        return float(s)  # the usual case: plain ASCII digits
    s = s.strip()
    if not s or (len(s) > MAX_DIGITS and sum(c.isdigit() for c in s) > MAX_DIGITS):
        return None
    ocr = _OCR_SPLIT.fullmatch(s)
    if ocr:
        s = ocr.group(1) + ocr.group(2)
    if _THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif _PLAIN.fullmatch(s):
        s = s.replace(",", ".")
    else:
        return None
    return float(s)


@dataclass(frozen=True)
class _Words:
    digits: dict
    ten: frozenset
    tens: frozenset
    hundred: frozenset
    fillers: frozenset
    scales: dict


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = vocab.load("numbers") or {}

    def _set(key: str) -> frozenset:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return _Words({str(k).lower(): int(v) for k, v in (data.get("digits") or {}).items()},
                  _set("ten"), _set("tens"), _set("hundred"), _set("zero_fillers"),
                  {str(k).lower(): int(v) for k, v in (data.get("scales") or {}).items()})


@lru_cache(maxsize=1)
def number_words() -> frozenset:
    """Every word that may stand in a spelled-out number (for building patterns)."""
    w = _words()
    return frozenset(w.digits) | w.ten | w.tens | w.hundred | w.fillers | frozenset(w.scales)


def scale_of(word: str) -> int:
    """ "nghìn" -> 1000, "triệu" -> 1e6; 1 for a word that is no scale."""
    return _words().scales.get(" ".join(word.lower().split()), 1)


def _scales_re() -> str:
    data = vocab.load("numbers") or {}
    return "|".join(re.escape(str(w).lower()) for w in sorted(data.get("scales") or {}, key=len, reverse=True))


# The scale words as a regex alternation ("30 nghìn lao động", "1,5 triệu lượt khách").
SCALES_RE = _scales_re()


def _group(tokens: list) -> Optional[int]:
    """The value of a group below a thousand ("hai trăm linh năm" -> 205), None if ill-formed."""
    w = _words()
    hundreds = tens = 0
    unit: Optional[int] = None
    for t in tokens:
        if t in w.hundred:
            if hundreds or tens:
                return None
            hundreds, unit = (1 if unit is None else unit) * 100, None
        elif t in w.ten or t in w.tens:
            if tens or (t in w.ten) == (unit is not None):
                return None  # "mười" stands alone, "mươi" needs its digit
            tens, unit = (10 if unit is None else unit * 10), None
        elif t in w.fillers:
            if not hundreds or tens or unit is not None:
                return None
        elif unit is None:
            unit = w.digits[t]
        else:
            return None  # two digits in a row: "hai ba"
    return hundreds + tens + (unit or 0)


def words_number(words: str) -> Optional[float]:
    """ "hai" -> 2, "hai mươi lăm" -> 25, "một trăm" -> 100, "ba nghìn" -> 3000,
    "hai tỷ" -> 2e9; None when a word is not a number word or the words do not form a number."""
    w = _words()
    tokens = words.lower().split()
    known = number_words()
    if not tokens or any(t not in known for t in tokens):
        return None
    total, group, last_scale = 0, [], 0
    for t in tokens:
        if t not in w.scales:
            group.append(t)
            continue
        scale = w.scales[t]
        g = _group(group) if group else None
        if g is None and group:
            return None
        if not group and total and scale > last_scale:
            total *= scale  # "một nghìn tỷ": the scales multiply
        else:
            total += (g if g else 1) * scale
        group, last_scale = [], scale
    if group:
        g = _group(group)
        if g is None:
            return None
        total += g
    return float(total) if total or (len(tokens) == 1 and w.digits.get(tokens[0]) == 0) else None  # "không"


def read_range(text: str) -> Optional[tuple]:
    """ "15-20", "15 - 20%", "từ 15 đến 20" -> (15.0, 20.0); None when not a rising range."""
    m = _RANGE.fullmatch(text)
    if not m:
        return None
    lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
    if lo is None or hi is None or hi <= lo:
        return None
    return lo, hi


def split_glued(token: str) -> Optional[tuple]:
    """ "500ha" -> (500.0, "ha"), "1.200km2" -> (1200.0, "km2"); None when no figure leads
    or nothing is glued to it."""
    m = _GLUED.fullmatch(token.strip())
    if not m:
        return None
    value = parse_number(m.group(1))
    return None if value is None else (value, m.group(2))
