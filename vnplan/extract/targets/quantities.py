"""Quantities in a stretch of text: a number with its unit, comparator and what it counts.

Numbers that are not quantities (years, dates, document numbers, section markers, ordinals,
labels, names) are skipped; the digits and number words are read by ``vnplan.lang.numbers``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Optional

from ...lang.numbers import SCALES_RE, parse_number, read_range, scale_of, split_glued, words_number
from .words import (MAX_ITEMS, _ACRONYM, _FILLERS, _JOINERS, _MARKER_AFTER, _LETTER, _NAME_BEFORE, _WORD, _YEAR_WORDS,
                    _ends_with, _load, _vocab, alt, alt_body, tail_words)

# A Vietnamese number: "1.200" (thousands dot), "96,3" (decimal comma), "12" and, before "%",
# the English "96.3", the OCR split "1 00%" (read as one number up to 100). Glued letters are
# checked after ("500ha" is a figure, "5G" is not); not glued to a letter before ("H5N1"),
# slashes (dates, "45/QĐ") or a hyphen + letter ("45-NQ/TW"); "2.1" (a section number) is
# not one number.
_NUM = re.compile(
    r"(\d(?<![\w.,/]\d)(?<![^\W\d_]-\d)"  # digit first: the scan jumps from digit to digit
    r"(?:[ ]\d{1,2}(?=[ ]?%)|\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?|\d*\.\d{1,2}(?=\s*%)))"
    r"(?![\d_/]|[.,]\d|-[^\W\d_])"
)
# Between the two ends of a range: "15 - 20", "25-35", "từ 10% đến 15%".
_RANGE_GAP = re.compile(r"\s*(?:%\s*)?(?:[-–—]|" + alt_body("to_words") + r")\s*$")
# "tăng từ 50% lên 70%": the first number is the baseline.
_BASELINE_GAP = re.compile(r"\s*(?:%\s*)?" + alt("baseline_gap_words", " ") + r"\s*$")
# A digit that may start a quantity (not a marker "12.", not after "số", "thứ", "quý").
_PLAUSIBLE = re.compile(r"\d(?<![\w.,/]\d)" + "".join(r"(?<!" + re.escape(str(w)) + r" \d)" for w in _load()["label_before_digit"])
                        + r"(?!\d*(?:\.\d+)*[.)](?:\s|$))")
# A date written with dashes: "25-12-2025".
_DASH_DATE = re.compile(r"\d{1,2}-\d{1,2}-(?:19|20)\d\d(?!\d)")
# The year that ends a dash date ("12" of "25-12-2025" is a month).
_DATE_END = re.compile(r"-(?:19|20)\d\d(?!\d)")
# What may follow a number of a list of labels ("Điều 5, 6 và 7").
_LIST_END = re.compile(r"[ \t]*(?:[,;.)]|" + "".join(re.escape(str(w)) + r"(?![^\W\d_])|" for w in _load()["list_joiners"])
                       + r"$)", re.M)
# Words whose lines are read for numbers written in words ("gấp hai lần", "năm phần trăm").
_NUMBER_WORD_MARKS = tuple(" " + str(w) for w in _load()["number_word_marks"])
_OPEN_FLOOR = frozenset(str(w) for w in _load()["open_floor"])  # "từ N": at least, but no floor
_BARE_MARKER = re.compile(r"\d+(?:\.\d+)*[.)](?:\s|$)")


@dataclass
class Quantity:
    """One number found in a clause, with what stands around it (offsets into the text)."""

    start: int  # of the value phrase (comparator included)
    end: int  # after the unit
    num_start: int
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    counted: Optional[str] = None
    comparator: str = "="
    qualifier: bool = False
    unit_is_noun: bool = False
    grade: bool = False  # "3 sao", "hạng 2": a qualifier only after another figure of its clause
    num_end: int = -1  # after the digits (of the range's second number)
    floor: bool = False  # bounded below by a word of requirement ("tối thiểu", "ít nhất"; not "từ")


def _is_year(v: float, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= v <= 2100


_FOLLOW = re.compile(r"\s*(" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,3})")


def _follow_words(text: str, pos: int) -> Optional[str]:
    """The words right after a number, up to punctuation or a function word: what it counts."""
    m = _FOLLOW.match(text, pos)
    if not m:
        return None
    words = m.group(1).split()
    stop = _vocab().counted_stop
    out = []
    for w in words:
        if w.lower() in stop:
            break
        out.append(w)
    return " ".join(out) or None


def _candidate_lines(low: str, start: int, end: int) -> Iterable[tuple]:
    """The lines of [start, end) that may hold a quantity, each once, in order (lazily).

    A cheap pre-filter: lines whose only digits are markers ("12. Nhiệm vụ") or follow
    "số"/"thứ"/"quý" are never looked at; lines with "lần"/"phần trăm" are (number words).
    """
    found = [f for f in (_find_all(low, w, start, end) for w in _NUMBER_WORD_MARKS) if f]
    words = found[0] if len(found) == 1 else sorted(k for f in found for k in f)
    wi = 0
    pos = start
    while pos < end:
        m = _PLAUSIBLE.search(low, pos, end)
        h = m.start() if m else end
        while wi < len(words) and words[wi] < pos:
            wi += 1
        if wi < len(words) and words[wi] < h:
            h = words[wi]
        if h >= end:
            return
        ls = max(low.rfind("\n", start, h) + 1, start)
        le = low.find("\n", h, end)
        le = end if le < 0 else le
        pos = le + 1
        yield ls, le


def _find_all(low: str, word: str, start: int, end: int) -> list:
    out: list = []
    k = low.find(word, start, end)
    while k >= 0 and len(out) < MAX_ITEMS:
        out.append(k)
        k = low.find(word, k + 1, end)
    return out


def find_quantities(text: str, low: str, start: int, end: int, limit: int = MAX_ITEMS) -> list:
    """Every quantity in ``text[start:end]``; ``low`` is the lower-cased text (same length).

    Labels (số 45, lần thứ 8), years, dates, markers and durations are skipped; ages
    ("dưới 40 tuổi") come back flagged as qualifiers.
    """
    out: list = []
    matches = list(islice(_NUM.finditer(low, start, end), max(limit, 0) + 1))
    i = 0
    while i < len(matches):
        q, i = _quantity_at(text, low, start, matches, i)
        if q is not None:
            out.append(q)
    words = _number_words(low, start, end)
    if words:  # the numbers in digits come in order
        out.extend(words)
        out.sort(key=lambda q: q.num_start)
    if len(out) > 1:
        _share_bounds(low, out)
    return out


_LIST_GAP = re.compile(r"[^\d,;.:()\n]{0,60},[ \t]*")


def _share_bounds(low: str, qs: list) -> None:
    """ "ít nhất 100 doanh nghiệp khởi nghiệp, 50 doanh nghiệp khoa học": a bound said before a
    list of counts of the same noun bounds each of them."""
    for prev, q in zip(qs, qs[1:]):
        if (q.comparator == "=" and q.start == q.num_start and prev.comparator in (">=", ">", "<", "<=")
                and q.unit_is_noun and q.unit == prev.unit and _LIST_GAP.fullmatch(low, prev.end, q.start)):
            q.comparator, q.floor = prev.comparator, prev.floor


def _is_label(text: str, low: str, start: int, s: int, e: int, tail: list) -> bool:
    """Whether the digits at [s, e) label something rather than count it: an outline marker,
    a footnote, "số 45", "Điều 5, 6 và 7", "COP 26", a date "25-12-2025", "chính quyền 2 cấp",
    "trước 25 hằng tháng"."""
    v = _vocab()
    if _ends_with(tail, v.label) and not _ends_with(tail, v.label_exc):
        return True  # the usual label ("số 45", "Điều 5"): tested first
    nl = low.rfind("\n", max(0, s - 16), s)
    if (nl >= 0 or s <= 16) and not low[nl + 1:s].strip(" \t*(#[|") and _MARKER_AFTER.match(low, e, e + 3):
        return True  # outline markers and table row numbers: first on the line, then ". ) -"
    if _BARE_MARKER.match(low, s, s + 24) or _DASH_DATE.match(low, s):
        return True  # "... quý I/2025 100. Nhiệm vụ": a marker run into the line
    before = low[max(start, s - 2):s]
    if before.endswith("[") or (before.endswith("(") and low[e:e + 1] == ")"):
        return True  # footnote marks "(1)", "[2]"
    if _label_list(tail, v) and (_LIST_END.match(low, e) or tail[-1] in _JOINERS):
        return True
    if low.startswith("-", s - 1) and low[s - 2:s - 1].isdigit() and _DATE_END.match(low, e):
        return True  # the month of "25-12-2025"
    if v.not_count_after.match(low, e):
        return True
    return bool(_ACRONYM.search(text, max(0, s - 12), s))  # "ISO 9001", "TCVN 5945"


def _label_list(tail: list, v) -> bool:
    """ "Điều 5, 6 và 7": the tail is a label followed by numbers joined by commas or "và"."""
    tail = [w for w in tail if w]
    k = len(tail)
    while k and (tail[k - 1].isdigit() or tail[k - 1] in _JOINERS):
        k -= 1
    return k < len(tail) and any(w.isdigit() for w in tail[k:]) and bool(_ends_with(tail[:k], v.label))


def _quantity_at(text: str, low: str, start: int, matches: list, i: int) -> tuple:
    """(Quantity or None, index of the next match) for the number ``matches[i]``."""
    v = _vocab()
    m = matches[i]
    i += 1
    raw = m.group(1)
    value = parse_number(raw)
    s, e = m.span(1)
    if value is None or (" " in raw and value > 100):
        return None, i
    before = low[max(start, s - 60):s]
    tail = tail_words(before)
    if _is_label(text, low, start, s, e, tail):
        return None, i
    value_max, num_end = None, e
    if i < len(matches):  # "15 - 20", "từ 10% đến 15%"; "từ 50% lên 70%": a baseline
        n = matches[i]
        gap = low[e:n.start(1)]
        v2 = parse_number(n.group(1))
        if v2 is not None and len(gap) <= 12:
            if _RANGE_GAP.fullmatch(gap) and not _is_year(value, raw):
                if read_range(low[s:n.end(1)]) is None:  # "25-12", "30-4": a date, a name
                    return None, i + 1
                value_max, num_end = v2, n.end(1)
                i += 1
            elif _BASELINE_GAP.fullmatch(gap):
                return None, i
    if _is_year(value, raw) and value_max is None:
        # "2.000 người" has a dot; a bare 4-digit year-like number is a year unless a
        # unit follows it directly.
        if not (v.unit.match(low, num_end) or v.counted.match(low, num_end)) or before.rstrip().endswith((*_YEAR_WORDS, "-")):
            return None, i
    if v.time_unit.match(low, num_end) and not low.startswith(("%", " %"), num_end):
        return None, i
    if _LETTER.match(low, num_end) and not _glued_unit(low, s, num_end):
        return None, i  # "5G", "3D": glued letters that are no unit ("500ha" is one)
    sm = None if v.unit.match(low, num_end) else _SCALE.match(low, num_end)
    if sm:  # "30 nghìn lao động": a scale word is part of the number
        scale = scale_of(sm.group(1))
        value, value_max, num_end = value * scale, value_max and value_max * scale, sm.end()
    q = Quantity(start=s, end=num_end, num_start=s, value=value, value_max=value_max, num_end=num_end)
    q.grade = _ends_with(tail, v.grade_before) is not None
    if not _read_unit(text, low, start, q):
        return None, i
    return (q if _read_comparator(text, low, q, tail, before) else None), i


_TOKEN_REST = re.compile(r"[^\W_]*(?:/[^\W\d_]+)?")


def _glued_unit(low: str, s: int, e: int) -> bool:
    """Whether the letters glued to the figure at [s, e) are a measure unit ("500ha", "10mw")."""
    glued = split_glued(low[s:_TOKEN_REST.match(low, e).end()])
    return bool(glued) and glued[1].split("/")[0] in _vocab().unit_map


def _read_unit(text: str, low: str, start: int, q: Quantity) -> bool:
    """Fill the unit of ``q`` from what follows it: a measure unit, a counted noun, an age, a
    grade, or else the classifier of an open class ("02 vùng", "3 bộ"); False when the number
    is part of a name ("nhà máy điện gió Tân Phú Đông 2")."""
    v = _vocab()
    ne = q.num_end
    um = v.unit.match(low, ne)
    cm = None if um else v.counted.match(low, ne)
    if um:
        q.unit = v.unit_map.get(" ".join(um.group(1).split()), um.group(1))
        q.end = um.end()
    elif cm:
        q.unit = q.counted = " ".join(text[cm.start(1):cm.end(1)].replace("_", " ").split())
        q.unit_is_noun = True
        q.end = cm.end()
    elif v.qualifier.match(low, ne):
        q.qualifier = True
        q.unit = v.qualifier.match(low, ne).group(0).strip()
    elif v.grade_unit.match(low, ne):
        gm = v.grade_unit.match(low, ne)
        q.grade = True
        q.unit = gm.group(0).strip()
        q.end = gm.end()
    else:
        nb = _NAME_BEFORE.search(text, max(start, q.num_start - 30), q.num_start)
        if nb and nb.group(1)[0].isupper():
            return False
        q.counted = _follow_words(text, ne)
        head = _RATE_HEAD.match(low, ne)
        if head and text[head.start(1):head.end(1)].islower():  # "109 bé trai/100 bé gái"
            q.unit = _rate(text, low, head.group(1), head.end())[0]
        else:
            q.unit = _classifier(text, ne)
            if q.unit:  # "2,1 con/phụ nữ": the rate is the unit, the indicator keeps its words
                q.unit = _rate(text, low, q.unit, _TOKEN.match(text, ne).end())[0]
    if q.unit and (um or cm):
        q.unit, q.end = _rate(text, low, q.unit, q.end)
    return True


_SCALE = re.compile(r"[ \t]+(" + SCALES_RE + r")(?![^\W\d_])")
_RATE = re.compile(r"[ \t]*/[ \t]*((?:\d[\d.,]*[ \t]+)?)(" + _WORD + r"\d?(?:[ \t]+" + _WORD + r")?)")
# The words of a rate's numerator in an open class: up to two words right before "/".
_RATE_HEAD = re.compile(r"\s*(" + _WORD + r"(?:[ \t]+" + _WORD + r")?)(?=[ \t]*/)")


def _rate(text: str, low: str, unit: str, end: int) -> tuple:
    """(unit, end) read on through a rate: "con/phụ nữ", "bác sĩ/vạn dân", "triệu đồng/người/năm",
    "bé trai/100 bé gái". The base is a listed one (units.yaml rate_bases) or has a number."""
    v = _vocab()
    for _ in range(2):
        m = _RATE.match(low, end)
        if not m:
            break
        words = m.group(2).split()
        if len(words) == 2 and " ".join(words) not in v.rate_bases and (
                not m.group(1) or words[1] in v.counted_stop):
            words = words[:1]  # one word unless a known base ("phụ nữ") or a counted one ("100 bé gái")
        if not m.group(1) and " ".join(words) not in v.rate_bases:
            break  # "doanh nghiệp/hợp tác xã": an alternative, not a rate
        if words[0] in v.counted_stop or unit.endswith("/" + " ".join(words)):
            break
        k = m.start(2)
        for w in words:
            k = low.index(w, k) + len(w)
        unit, end = unit + "/" + " ".join(text[m.start(1):k].split()), k
    return unit, end


_TOKEN = re.compile(r"\s*([^\W\d_]+(?:_[^\W\d_]+)*)")


def _classifier(text: str, pos: int) -> Optional[str]:
    """The classifier of what a number counts when no listed noun is there: the word after it,
    lower case ("02 vùng dự án" -> "vùng", word-segmented "39 siêu_thị" -> "siêu thị"); None
    for a name, a capitalised word or a function word ("bằng 0 vào năm 2050")."""
    m = _TOKEN.match(text, pos)
    if not m or not m.group(1).islower():
        return None
    w = m.group(1).replace("_", " ")
    return None if w.split()[0] in _vocab().counted_stop else w


def _read_comparator(text: str, low: str, q: Quantity, tail: list, before: str) -> bool:
    """Fill the comparator of ``q`` ("trên", "ít nhất", "từ N" alone: at least; "trở lên"
    after it); False when the count only says which units are meant ("04 xã: A, B, ...")."""
    v = _vocab()
    ctail = tail
    while ctail and ctail[-1] in _FILLERS:
        ctail = ctail[:-1]
    word = _ends_with(ctail, v.comp_words)
    if q.value_max is not None:
        q.comparator = "range"
    elif word:
        q.comparator = v.comp_map.get(word, "=")
        q.floor = q.comparator == ">=" and word not in _OPEN_FLOOR
    if word:
        k = before.rfind(word.split()[0])
        if k >= 0:
            q.start = q.num_start - (len(before) - k)
    if q.counted and q.value_max is None and not word and _names_units(text, low, q, tail):
        return False
    ca = v.comp_after.match(low, q.end)
    if ca and q.value_max is None:
        q.comparator = v.comp_after_map.get(" ".join(ca.group(1).split()), q.comparator)
        q.end = ca.end()
    return True


def _number_words(low: str, start: int, end: int) -> list:
    """Quantities written in words where they carry a figure ("gấp hai lần")."""
    v = _vocab()
    if not any(low.find(u, start, end) >= 0 for u in v.numword_units):
        return []
    out = []
    for m in v.numword.finditer(low, start, end):
        val = words_number(m.group(1))
        if val is None:
            continue
        u = " ".join(m.group(2).split())
        out.append(Quantity(start=m.start(1), end=m.end(2), num_start=m.start(1), value=val,
                            unit=v.unit_map.get(u, u)))
    return out


# A count's noun (up to 4 words), then ":", "(" or "gồm", then two names separated by a comma.
_NAMED_LIST = re.compile(
    r"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?[ \t]*(?::|\(|" + alt("list_intro") + r":?)[ \t]*([^\W\d_])"
    r"[^,;:\n()]{0,40},[ \t]*([^\W\d_])")


def _names_units(text: str, low: str, q: Quantity, tail: list) -> bool:
    """Whether a count of administrative units is followed by their names ("phối hợp với 04
    xã: Gia Thuận, Tân Điền, ..."): the number says which units are meant, it is no goal.
    A count that something must have or reach ("có 03 xã đạt chuẩn: A, B, C") still counts."""
    v = _vocab()
    words = q.counted.lower().split()
    if not any(" ".join(words[:k]) in v.named_units for k in (1, 2, 3)):
        return False
    if tail and _ends_with(tail, v.count_governors):
        return False
    m = _NAMED_LIST.match(text, q.num_end)
    return bool(m and m.group(1).isupper() and m.group(2).isupper())
