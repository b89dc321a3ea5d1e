"""Patterns of the time reader: vocabulary-built regexes, anchors and one match read.

Split from ``timex`` so the reader (``timex``) stays short; nothing here knows about dates
beyond the numbers a match holds.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from . import vocab
from .numbers import words_number
from .patterns import SHORT_GAP, alternation

_V = vocab.load("time")

# --- regex building blocks -----------------------------------------------------------------
_S = r"[\s_]{0,3}"  # optional gap (word-segmented text joins syllables with "_")
_W = SHORT_GAP  # required gap
_LB = r"(?<![^\W_])"  # not preceded by a letter or digit
_RB = r"(?![^\W_])"  # not followed by a letter or digit
_YEAR = r"(?:19|20|21)\d\d(?!\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_MON = r"(?:0?[1-9]|1[0-2])(?!\d)"


def _words(items) -> str:
    return alternation(items, _W)


def _count_words() -> dict:
    """Spelled-out counts (1-19) from the one list of number words (``data/numbers.yaml``), less
    the words time.yaml says are no count in a time phrase ("năm" is the year)."""
    nums = vocab.load("numbers")
    never, not_alone = set(_V["not_counts"]), set(_V["not_counts_alone"])
    digits = [w for w, v in nums["digits"].items() if 1 <= v <= 9 and w not in never]
    phrases = ([w for w in digits if w not in not_alone] + list(nums["ten"])
               + [f"{t} {w}" for t in nums["ten"] for w in digits])
    return {p: int(words_number(p)) for p in phrases}


_COUNT_WORDS = _count_words()
_NUMW = _words(_COUNT_WORDS)
_QUART = "(?:iv|iii|ii|i|[1-4])"
_HALF = _words(_V["half_words"])
_EVERY = _words(_V["every_words"])
_PERIODIC = _words(_V["periodic_words"])
_ONCE = _words(_V["once_words"])
_CAD_UNIT = _words(_V["cadence_units"])
_CNT_UNIT = _words(_V["count_units"])
_COUNT = rf"(?:\d{{1,2}}(?!\d)|{_NUMW})"
_PERIODW = _words(_V["period_words"])
_RCONN = rf"(?:[-–—]|{_words(_V['range_connectors'])})"

_ALTS = [
    # 15 tháng 3 năm 2025 / ngày 30 tháng 11 (year optional only after "ngày")
    ("dmyw", rf"{_LB}ngày{_S}(?P<dmyw_d>{_DAY}){_W}tháng{_S}(?P<dmyw_m>{_MON})"
             rf"(?:{_S},?{_S}năm{_S}(?P<dmyw_y>{_YEAR}))?"),
    ("dmyw2", rf"{_LB}(?P<dmyw2_d>{_DAY}){_W}tháng{_S}(?P<dmyw2_m>{_MON}){_S},?{_S}năm{_S}(?P<dmyw2_y>{_YEAR})"),
    # 24/11/2023, 24-11-2023, 24.11.2023
    ("dmyn", rf"{_LB}(?<![/.-])(?:ngày{_S})?(?P<dmyn_d>{_DAY}){_S}(?P<dmyn_s>[/.-]){_S}(?P<dmyn_m>{_MON})"
             rf"{_S}(?P=dmyn_s){_S}(?P<dmyn_y>{_YEAR})"),
    # 6 tháng đầu năm 2025, nửa cuối năm
    ("half", rf"{_LB}(?:(?P<half_n>{_COUNT}){_W}tháng|{_words(_V['half_nouns'])}){_W}(?P<half_w>{_HALF})"
             rf"{_W}năm(?:{_S}(?P<half_y>{_YEAR}))?{_RB}"),
    # giai đoạn 2021-2025, 2021 - 2025, từ năm 2025 đến hết năm 2030
    ("yr", rf"{_LB}(?:(?P<yr_w>{_PERIODW}){_S})?(?P<yr_a>{_YEAR}){_S}{_RCONN}{_S}(?:năm{_S})?"
           rf"(?P<yr_b>{_YEAR})"),
    # quý I/2024, Quý III Năm 2026, quý 4 năm 2019, quý II
    ("quarter", rf"{_LB}{_words(_V['quarter_words'])}{_S}(?P<q>{_QUART})(?![^\W_])(?:{_S}[/,.-]?{_S}(?:năm{_S})?(?P<q_y>{_YEAR}))?"),
    # Tháng 6, 7/2026; tháng 3, 6 và 9 năm 2026 (a list of months of one year: due the last)
    ("mlist", rf"{_LB}tháng{_S}(?P<ml_a>{_MON})(?:{_S},{_S}{_MON}){{0,10}}{_S}(?:,|{_words(_V['list_conjunctions'])}){_S}(?P<ml_b>{_MON})"
              rf"(?:{_S}[/.-]{_S}(?P<ml_y>{_YEAR})|{_S},?{_S}năm{_S}(?P<ml_y2>{_YEAR}))"),
    # tháng 4/2024, tháng 10 năm 2019, tháng 4
    ("month", rf"{_LB}tháng{_S}(?P<m>{_MON})(?:{_S}[/.-]{_S}(?P<m_y>{_YEAR})|{_S},?{_S}năm{_S}(?P<m_y2>{_YEAR}))?"
              rf"(?![/.-]?\d)"),
    # 30/6 (needs "ngày" or a cue such as "trước")
    ("dmn", rf"{_LB}(?<![/.-])(?P<dmn_n>ngày{_S})?(?P<dmn_d>{_DAY}){_S}/{_S}(?P<dmn_m>{_MON})(?![/.-]?\d)"),
    # năm 2020, 2020 (bare only after a cue)
    ("year", rf"{_LB}(?<![/.-])(?P<year_n>năm{_S})?(?P<year_y>{_YEAR})(?![/-]?\w)"),
    # định kỳ hằng năm, định kỳ 06 tháng, hằng quý, 6 tháng một lần
    ("cad1", rf"{_LB}{_PERIODIC}{_S}[,:]?{_S}(?:{_EVERY}{_W}(?P<cad1_u>{_CAD_UNIT})|(?P<cad1_n>{_COUNT}){_W}"
             rf"(?P<cad1_cu>{_CNT_UNIT})){_RB}"),
    ("cad2", rf"{_LB}{_EVERY}{_W}(?P<cad2_u>{_CAD_UNIT}){_RB}"),
    ("cad3", rf"{_LB}(?P<cad3_n>{_COUNT}){_W}(?P<cad3_cu>{_CNT_UNIT}){_W}{_ONCE}{_RB}"),
    ("ongoing", rf"{_LB}{_words(_V['ongoing'])}{_RB}"),
]
_MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _ALTS), re.I)

# Scanning with _MASTER at every position is slow (about 0.6 us a character); instead the
# expression is tried only at anchors, found with fast scans: digit runs and a few keywords
# (literal searches on the lower-cased text), each with the word that may open it just before.
# Digit runs that can open an expression: a year, or a day/month/count followed by a date
# separator and a digit, or by a unit word ("15 tháng 3", "6 tháng đầu năm", "2 năm một lần").
# List numbers ("12. Nội dung") are left out, so a 100,000-item list costs one scan.
_DIGITS = re.compile(
    rf"[0-9](?<![0-9][0-9])(?:(?<=[12])[0-9]{{3}}(?![0-9])|[0-9]?(?:[ \t]*[/.\-–][ \t]*[0-9]"
    rf"|[\s_]{{1,3}}{_CNT_UNIT}))", re.I)
_KEYWORDS = [re.compile(r"[ _]".join(re.escape(w) for w in k.split())) for k in
             ["tháng", "nửa", "hằng", "hàng", "mỗi"] + list(_V["periodic_words"]) + list(_V["ongoing"])
             + list(_V["quarter_words"])]
_KEYWORDS_I = [re.compile(k.pattern, re.I) for k in _KEYWORDS]
# One-word keywords are found with str.find (faster than a regex scan); phrases keep their regex.
_KEY_WORDS = [k.pattern for k in _KEYWORDS if re.escape(k.pattern) == k.pattern]
_KEY_PHRASES = [k for k in _KEYWORDS if re.escape(k.pattern) != k.pattern]


# The opening word of an expression, read backwards from its anchor on the reversed text.
_PREFIX_WORDS = (["ngày", "tháng"] + list(_V["quarter_words"]) + list(_V["period_words"]) + list(_V["periodic_words"])
                 + list(_COUNT_WORDS) + list(_V["half_nouns"]))
_RPREFIX = re.compile(rf"{_S}(?:{alternation(_PREFIX_WORDS, _W, reverse=True)}|\d{{1,2}}(?!\d)){_RB}", re.I)

_CUE_KINDS = {k: [c.lower() for c in v] for k, v in _V["cues"].items()}
_CUE_OF = {" ".join(c.split()): kind for kind, cs in _CUE_KINDS.items() for c in cs}
# The cue just before an expression, read in a short window that ends where it starts (what
# ``_cue_before`` finds; it reads it backwards, with ``_RCUE_RE``, which is faster).
_CUE_RE = re.compile(rf"{_LB}(?P<cue>{_words(_CUE_OF)}){_S}\Z", re.I)
_OPEN_RE = re.compile(rf"{_S},?{_S}{_words(_V['open_ended'])}{_RB}", re.I)
_NOW_RE = re.compile(rf"{_S}{_words(_V['until_now'])}{_RB}", re.I)
# The day or month a cadence falls on, just before it: "ngày 20 hằng tháng", "25/12 hàng năm",
# "tháng 3 và tháng 9 hằng năm" (the earlier members of such a list join it in timex).
_DAY_OF_CADENCE = re.compile(rf"{_LB}(?:ngày{_S}{_DAY}(?:(?:{_S}/{_S}|{_W}tháng{_S}){_MON})?|{_DAY}{_S}/{_S}{_MON}"
                             rf"|tháng{_S}{_MON})"
                             rf"{_S},?{_S}\Z", re.I)
_DASHES = ("", "-", "–", "—")  # what may stand between the two ends of a range (spaces aside)

_QUARTERS = {str(k).lower(): v for k, v in _V["quarters"].items()}
_UNIT_DUR = {k: v for k, v in _V["cadence_units"].items()}
_COUNT_UNIT = {k: v for k, v in _V["count_units"].items()}
_HALF_OF = {k: v for k, v in _V["half_words"].items()}


def _count(s: Optional[str]) -> Optional[int]:
    if not s:
        return None
    s = " ".join(s.lower().replace("_", " ").split())
    if s.isdigit():
        return int(s)
    return _COUNT_WORDS.get(s)


def _duration(n: int, unit: str) -> Optional[str]:
    if n <= 0 or n > 99:
        return None
    if unit == "M" and n % 12 == 0:
        return f"P{n // 12}Y"
    return f"P{n}{unit}"


def _unit_key(s: str) -> str:
    return " ".join(s.lower().replace("_", " ").split())


# --- reading one match -----------------------------------------------------------------------

def _read(m: re.Match) -> Optional[dict]:
    """The numbers of one master-regex match, or None when they do not make a date."""
    g = m.group
    name = m.lastgroup  # the alternative's own group: it closes after the groups inside it
    if name in ("cad1", "cad2", "cad3"):
        return _read_cadence(name, g)
    if name == "ongoing":
        return {"unit": "ongoing", "kind": "ongoing"}
    if name in ("dmyw", "dmyw2", "dmyn", "dmn"):
        return _read_day(name, g)
    return _read_period(name, g)


def _int(s: Optional[str]) -> Optional[int]:
    return int(s) if s else None


def _read_day(name: str, g) -> dict:
    if name == "dmn":
        return {"unit": "day", "d": int(g("dmn_d")), "m": int(g("dmn_m")), "y": None, "kind": "date",
                "needs_cue": g("dmn_n") is None}
    return {"unit": "day", "d": int(g(f"{name}_d")), "m": int(g(f"{name}_m")), "y": _int(g(f"{name}_y")),
            "kind": "date"}


def _read_period(name: str, g) -> Optional[dict]:
    """Halves, year ranges, quarters, months and years."""
    if name == "half":
        n = _count(g("half_n")) if g("half_n") else 6
        if n is None or not 1 <= n <= 12:
            return None
        return {"unit": "half", "n": n, "first": _HALF_OF.get(_unit_key(g("half_w"))) == "first",
                "y": _int(g("half_y")), "kind": "half"}
    if name == "yr":
        a, b = int(g("yr_a")), int(g("yr_b"))
        return {"unit": "range", "a": a, "b": b, "kind": "range"} if a <= b <= a + 100 else None
    if name == "quarter":
        q = _QUARTERS.get(g("q").lower())
        return {"unit": "quarter", "q": q, "y": _int(g("q_y")), "kind": "quarter"} if q else None
    if name == "mlist":
        a, b = int(g("ml_a")), int(g("ml_b"))
        if a >= b:
            return None
        return {"unit": "months", "m0": a, "m": b, "y": int(g("ml_y") or g("ml_y2")), "kind": "month"}
    if name == "month":
        return {"unit": "month", "m": int(g("m")), "y": _int(g("m_y") or g("m_y2")), "kind": "month"}
    if name == "year":
        return {"unit": "year", "y": int(g("year_y")), "kind": "year", "needs_cue": g("year_n") is None}
    return None


def _read_cadence(name: str, g) -> Optional[dict]:
    unit = g(f"{name}_u") if name != "cad3" else None
    if unit:
        return {"unit": "cadence", "recurrence": _UNIT_DUR.get(_unit_key(unit)), "kind": "cadence"}
    n = _count(g(f"{name}_n"))
    cu = _COUNT_UNIT.get(_unit_key(g(f"{name}_cu")))
    rec = _duration(n, cu) if n and cu else None
    return {"unit": "cadence", "recurrence": rec, "kind": "cadence"} if rec else None


# The same cue read backwards on the reversed window: past the blanks, the first (longest) cue
# that starts a word; every cue ends with a letter, so the blanks after it are all up to ``start``.
_RCUE_RE = re.compile(rf"{alternation(_CUE_OF, _W, reverse=True)}{_RB}", re.I)


def _cue_before(text: str, start: int) -> Optional[tuple]:
    """(cue, length from its start to ``start``) of the cue (``_CUE_RE``) just before ``start``,
    within 24 characters; read on the reversed window, which is faster than a search."""
    lo, e = max(0, start - 24), start
    while e > lo and start - e <= 3 and (text[e - 1] == "_" or text[e - 1].isspace()):
        e -= 1
    if start - e > 3:
        return None  # more blanks than _S allows
    m = _RCUE_RE.match(text[lo:e][::-1])
    return (text[e - m.end():e], start - e + m.end()) if m else None


def _anchors(text: str, low: Optional[str] = None, hits: Optional[dict] = None) -> list:
    if low is None:
        low = text.lower()
    found = [m.start() for m in _DIGITS.finditer(text)]
    if len(low) != len(text):
        for k in _KEYWORDS_I:
            found.extend(m.start() for m in k.finditer(text))
    else:
        for w in _KEY_WORDS:
            found.extend(hits[w] if hits is not None else _occurrences(low, w))
        for k in _KEY_PHRASES:
            found.extend(m.start() for m in k.finditer(low))
    found.sort()
    return found


def _keyword_hits(low: str) -> dict:
    """Where each one-word keyword stands in ``low``: anchors, and places of OCR damage."""
    return {w: _occurrences(low, w) for w in _KEY_WORDS}


def _occurrences(low: str, word: str) -> list:
    """Starts of the non-overlapping occurrences of ``word``: what a regex of it finds."""
    out, i = [], low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + len(word))
    return out


def _matches(text: str, low: Optional[str] = None, hits: Optional[dict] = None) -> Iterator[tuple]:
    """(match, its ``_read``) of the _MASTER matches that start at an anchor or at the opening
    word just before it (``low``: ``text.lower()``, ``hits``: its ``_keyword_hits``, if known)."""
    last_end = 0
    rev = text[::-1]
    n = len(text)
    for p in _anchors(text, low, hits):
        if p < last_end:
            continue
        pm = _RPREFIX.match(rev, n - p)
        starts = (p - len(pm.group(0)), p) if pm and p - len(pm.group(0)) >= last_end else (p,)
        for st in starts:
            m = _MASTER.match(text, st)
            parts = _read(m) if m is not None else None
            if parts is not None:
                last_end = m.end()
                yield m, parts
                break


# --- OCR damage, mapped as data (same length, so spans read on the repaired copy hold) -------

_OCR = _V["ocr"]
_OCR_CHARS = str.maketrans({k: v for k, v in _OCR["chars"].items() if len(k) == len(v) == 1})
_OCR_CHAR_SET = set(_OCR["chars"])
_OCR_WORDS = {k: v for k, v in _OCR["words"].items() if len(k) == len(v)}
_OCR_DIGIT = {k: v for k, v in _OCR["before_digit"].items() if len(k) == len(v)}
_NUMERAL_FIX = str.maketrans(_OCR["numeral_chars"])
_ANY_QUARTER = "|".join(map(re.escape, _V["quarter_words"] + _OCR["quarter_words"]))
# These run on the lower-cased text, without re.I: literal-led patterns then scan fast.
_OCR_WORD_RE = re.compile(rf"(?:{'|'.join(map(re.escape, _OCR_WORDS))}){_RB}")


def _needles(words) -> list:
    """Prefixes one of which every word starts with: phrases sharing a first word ("hang nam",
    "hang quy") are looked for once, by that word and its space; so a clean text costs few scans."""
    by_head: dict = {}
    for w in words:
        by_head.setdefault(w.split(" ")[0] + " " if " " in w else w, []).append(w)
    return sorted(head if len(ws) > 1 else ws[0] for head, ws in by_head.items())


_OCR_NEEDLES = _needles(_OCR_WORDS)
# A needle holding a keyword ("thàng" holds "hàng") is found from the keyword's places: all of
# them are known, as a keyword that cannot overlap itself is found at every place it stands.
_NEEDLE_VIA = {n: (k, n.find(k)) for n in _OCR_NEEDLES for k in _KEY_WORDS
               if k in n and not any(k[:j] == k[-j:] for j in range(1, len(k)))}
_OCR_DIGIT_RE = re.compile(rf"(?:{'|'.join(map(re.escape, _OCR_DIGIT))})(?=[\s_]{{1,3}}\d)")
_OCR_NUMERAL_RE = re.compile(rf"(?:{_ANY_QUARTER})[\s_]{{0,3}}(?P<n>[ivl|]{{1,4}})(?=[\s_]*[/.,-]|[\s_]+năm|[\s_]*\))")
_OCR_QUARTER_RE = re.compile(rf"(?:{'|'.join(map(re.escape, _OCR['quarter_words']))})"
                             rf"(?={_S}(?:{_QUART}|[ivl|]{{1,4}}){_RB})")
_QUARTER_WORD = _V["quarter_words"][0]


def _prefix_matches(pattern: re.Pattern, prefixes, low: str, hits: Optional[dict] = None) -> list:
    """``list(pattern.finditer(low))`` for a pattern whose every match starts with one of
    ``prefixes``: it is tried only where a prefix stands (found with fast literal searches, or
    from the keyword ``hits``); a short text is scanned at once, which costs less there."""
    if len(low) < 200:
        return list(pattern.finditer(low))
    starts = set()
    for w in prefixes:
        if hits is not None and w in _NEEDLE_VIA:
            k, o = _NEEDLE_VIA[w]
            starts.update(i - o for i in hits[k] if i >= o and low.startswith(w, i - o))
            continue
        i = low.find(w)
        while i >= 0:
            starts.add(i)
            i = low.find(w, i + 1)
    found, last_end = [], 0
    for i in sorted(starts):
        m = pattern.match(low, i) if i >= last_end else None
        if m is not None:
            found.append(m)
            last_end = m.end()
    return found


def _word_edits(low: str, hits: Optional[dict] = None) -> list:
    """(start, end, replacement) of the damaged words in ``low``, each a whole word."""
    out = [(m.start(), m.end(), _OCR_WORDS[m.group(0)])
           for m in _prefix_matches(_OCR_WORD_RE, _OCR_NEEDLES, low, hits)]
    out += [(m.start(), m.end(), _OCR_DIGIT[m.group(0)]) for m in _prefix_matches(_OCR_DIGIT_RE, _OCR_DIGIT, low)
            if low[max(0, m.start() - 5):m.start()] != "việt "]  # "Việt Nam 2045" names the country
    out += [(m.start(), m.end(), _QUARTER_WORD) for m in _OCR_QUARTER_RE.finditer(low)]
    return [e for e in out if e[0] == 0 or not (low[e[0] - 1].isalnum() or low[e[0] - 1] == "_")]


def _numeral_edits(text: str, low: str) -> list:
    """"Quý lI/2026" -> "II": only when the repaired numeral is a quarter's."""
    out = []
    for m in _OCR_NUMERAL_RE.finditer(low):
        if m.start() > 0 and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
            continue
        orig = text[m.start("n"):m.end("n")]
        num = orig.translate(_NUMERAL_FIX).upper()
        if num != orig and num in ("I", "II", "III", "IV"):
            out.append((m.start("n"), m.end("n"), num))
    return out


def repair_ocr(text: str) -> str:
    """``text`` with unambiguous OCR damage of time words undone ("hàng nãm", "Quy IV"); same length."""
    return repair_ocr_lower(text)[0]


def repair_ocr_lower(text: str, lowered: Optional[str] = None, keep_hits: bool = False) -> tuple:
    """(``repair_ocr(text)``, its lower-cased copy, and with ``keep_hits`` its ``_keyword_hits``
    or None): the time reader scans all three. ``lowered`` is ``text.lower()`` when the caller
    has it already (one pass less over a long text)."""
    if any(c in text for c in _OCR_CHAR_SET):  # a few fast searches, not a set test per character
        text, lowered = text.translate(_OCR_CHARS), None
    low = text.lower() if lowered is None else lowered
    if len(low) != len(text):
        return text, low, None  # a character that changes length when lower-cased: positions would not hold
    hits = _keyword_hits(low) if keep_hits else None
    edits = _word_edits(low, hits) + (_numeral_edits(text, low) if ("l" in low or "|" in low) else [])
    if not edits:
        return text, low, hits
    parts, pos = [], 0
    for a, b, new in sorted(edits):
        if a < pos:
            continue
        old = text[a:b]
        parts += [text[pos:a], new[0].upper() + new[1:] if old[:1].isupper() else new]
        pos = b
    parts.append(text[pos:])
    text = "".join(parts)
    return text, text.lower(), None
