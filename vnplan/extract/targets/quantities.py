"""Quantities in a stretch of text: a number with its unit, comparator and what it counts.

Numbers that are not quantities (years, dates, document numbers, section markers, ordinals,
labels, names) are skipped; the digits and number words are read by ``vnplan.lang.numbers``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from ...lang.numbers import parse_number, words_number
from .words import MAX_ITEMS, _ACRONYM, _FILLERS, _MARKER_AFTER, _NAME_BEFORE, _TAIL_SPLIT, _WORD, _ends_with, _vocab

# A Vietnamese number: "1.200" (thousands dot), "96,3" (decimal comma), "12" and, before "%",
# the English "96.3". Not glued to letters ("5G", "H5N1"), slashes (dates, "45/QĐ") or a
# hyphen + letter ("45-NQ/TW"); "2.1" (a section number) is not one number.
_NUM = re.compile(
    r"(\d(?<![\w.,/]\d)(?<![^\W\d_]-\d)"  # digit first: the scan jumps from digit to digit
    r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?|\d*\.\d{1,2}(?=\s*%)))"
    r"(?![\w/]|[.,]\d|-[^\W\d_])"
)
# Between the two ends of a range: "15 - 20", "25-35", "từ 10% đến 15%".
_RANGE_GAP = re.compile(r"\s*(?:%\s*)?(?:[-–—]|đến|tới)\s*$")
# "tăng từ 50% lên 70%": the first number is the baseline.
_BASELINE_GAP = re.compile(r"\s*(?:%\s*)?(?:lên|lên mức|xuống|xuống còn|còn)\s*$")
# Punctuation first (one character class: the scan jumps between candidates); group 1 is
_PLAUSIBLE = re.compile(r"\d(?<![\w.,/]\d)(?<!số \d)(?<!thứ \d)(?<!quý \d)(?!\d*(?:\.\d+)*[.)](?:\s|$))")
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
    words = sorted(k for w in (" lần", " phần trăm") for k in _find_all(low, w, start, end))
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
    v = _vocab()
    out: list = []
    matches = []
    for m in _NUM.finditer(low, start, end):
        matches.append(m)
        if len(matches) > limit:
            break
    i = 0
    while i < len(matches):
        m = matches[i]
        i += 1
        raw = m.group(1)
        value = parse_number(raw)
        if value is None:
            continue
        s, e = m.span(1)
        before = low[max(start, s - 40):s]
        # Outline markers and table row numbers: first thing on the line, then ". ) -" or a cell.
        nl = low.rfind("\n", max(0, s - 16), s)
        if nl >= 0 or s <= 16:
            lead = low[nl + 1:s]
            if not lead.strip(" \t*(#[|") and _MARKER_AFTER.match(low, e, e + 3):
                continue
        if _BARE_MARKER.match(low, s, s + 24):
            continue  # "... quý I/2025 100. Nhiệm vụ": a marker run into the line, not a quantity
        # Footnote marks "(1)", "[2]", "[2: ...".
        if before.endswith("[") or (before.endswith("(") and low[e:e + 1] == ")"):
            continue
        tail = _TAIL_SPLIT.split(before.rstrip(" \t:.("))[-4:]
        if _ends_with(tail, v.label) and not _ends_with(tail, v.label_exc):
            continue
        if _ACRONYM.search(text, max(0, s - 12), s):
            continue  # "COP 26", "ISO 9001", "TCVN 5945": a name, not a quantity
        value_max = None
        num_end = e
        baseline = False
        # A range "15 - 20", "25-35", "từ 10% đến 15%"; "từ 50% lên 70%" keeps the second.
        if i < len(matches):
            n = matches[i]
            gap = low[e:n.start(1)]
            v2 = parse_number(n.group(1))
            if v2 is not None and len(gap) <= 12:
                if _RANGE_GAP.fullmatch(gap) and not _is_year(value, raw):
                    value_max, num_end = v2, n.end(1)
                    i += 1
                elif _BASELINE_GAP.fullmatch(gap):
                    baseline = True
        if baseline:
            continue
        if _is_year(value, raw) and value_max is None:
            # "2.000 người" has a dot; a bare 4-digit year-like number is a year unless a
            # unit follows it directly.
            if not (v.unit.match(low, num_end) or v.counted.match(low, num_end)) or before.rstrip().endswith(("năm", "-")):
                continue
        if v.time_unit.match(low, num_end) and not low.startswith(("%", " %"), num_end):
            continue
        q = Quantity(start=s, end=num_end, num_start=s, value=value, value_max=value_max, num_end=num_end)
        q.grade = _ends_with(tail, v.grade_before) is not None
        um = v.unit.match(low, num_end)
        if um:
            q.unit = v.unit_map.get(" ".join(um.group(1).split()), um.group(1))
            q.end = um.end()
        else:
            cm = v.counted.match(low, num_end)
            if cm:
                q.unit = " ".join(text[cm.start(1):cm.end(1)].replace("_", " ").split())
                q.counted = q.unit
                q.unit_is_noun = True
                q.end = cm.end()
            elif v.qualifier.match(low, num_end):
                q.qualifier = True
                q.unit = v.qualifier.match(low, num_end).group(0).strip()
            elif v.grade_unit.match(low, num_end):
                gm = v.grade_unit.match(low, num_end)
                q.grade = True
                q.unit = gm.group(0).strip()
                q.end = gm.end()
            else:
                nb = _NAME_BEFORE.search(text, max(start, s - 30), s)
                if nb and nb.group(1)[0].isupper() and not low.startswith("%", num_end):
                    continue  # "nhà máy điện gió Tân Phú Đông 2": part of a name
                q.counted = _follow_words(text, num_end)
        # Comparator before the number, or "trở lên" after it.
        ctail = tail
        while ctail and ctail[-1] in _FILLERS:
            ctail = ctail[:-1]
        word = _ends_with(ctail, v.comp_words)
        if value_max is not None:
            q.comparator = "range"
        elif word and word != "từ":
            q.comparator = v.comp_map.get(word, "=")
        if word:
            k = before.rfind(word.split()[0])
            if k >= 0:
                q.start = s - (len(before) - k)
        if (q.counted and value_max is None and q.comparator == "=" and not word
                and _names_units(text, low, q, tail)):
            continue  # "04 xã: Gia Thuận, Tân Điền, ...": which units, not how many to reach
        ca = v.comp_after.match(low, q.end)
        if ca and value_max is None:
            q.comparator = v.comp_after_map.get(" ".join(ca.group(1).split()), q.comparator)
            q.end = ca.end()
        out.append(q)
    for m in (v.numword.finditer(low, start, end)
              if any(low.find(u, start, end) >= 0 for u in v.numword_units) else ()):
        val = words_number(m.group(1))
        if val is None:
            continue
        u = " ".join(m.group(2).split())
        out.append(Quantity(start=m.start(1), end=m.end(2), num_start=m.start(1), value=val,
                            unit=v.unit_map.get(u, u)))
    out.sort(key=lambda q: q.num_start)
    return out


# A count's noun (up to 4 words), then ":", "(" or "gồm", then two names separated by a comma.
_NAMED_LIST = re.compile(
    r"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?[ \t]*(?::|\(|gồm:?)[ \t]*([^\W\d_])"
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


# --- clauses ---------------------------------------------------------------------------------
