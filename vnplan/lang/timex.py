"""Time expressions of plan documents -> dates, periods and cadences.

Our own normalizer: dateparser and Duckling do not read "quý I/2024" (Duckling gives the
quarter's start; a deadline is its end), "6 tháng đầu năm 2025" or "định kỳ 06 tháng".

``find_timexes(text, ref_date)`` yields every expression with its span; ``normalize(expr,
ref_date)`` reads one expression. A period gives ``period_start`` .. ``due`` (its last day),
a single day gives ``due``, a cadence gives ``recurrence`` (ISO 8601 duration). Expressions
without a year ("trước 30/6", "trong tháng 4") take the year of ``ref_date`` (the document's
date), moved to the next year when the day would fall before the document itself.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Optional

from . import vocab

_V = vocab.load("time")

# --- regex building blocks -----------------------------------------------------------------
_S = r"[\s_]{0,3}"  # optional gap (word-segmented text joins syllables with "_")
_W = r"[\s_]{1,3}"  # required gap
_LB = r"(?<![^\W_])"  # not preceded by a letter or digit
_RB = r"(?![^\W_])"  # not followed by a letter or digit
_YEAR = r"(?:19|20|21)\d\d(?!\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_MON = r"(?:0?[1-9]|1[0-2])(?!\d)"


def _words(items) -> str:
    """Alternation of vocabulary phrases, longest first, gaps matching space or underscore."""
    alts = sorted({str(i).lower() for i in items}, key=len, reverse=True)
    return "(?:" + "|".join(_W.join(re.escape(w) for w in a.split()) for a in alts) + ")"


_NUMW = _words(_V["number_words"])
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
_ALT_NAMES = [name for name, _ in _ALTS]

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


def _rwords(items) -> str:
    """Like _words, for matching backwards on the reversed text."""
    alts = sorted({str(i).lower() for i in items}, key=len, reverse=True)
    return "(?:" + "|".join(_W.join(re.escape(w[::-1]) for w in reversed(a.split())) for a in alts) + ")"


# The opening word of an expression, read backwards from its anchor on the reversed text.
_PREFIX_WORDS = (["ngày", "tháng"] + list(_V["quarter_words"]) + list(_V["period_words"]) + list(_V["periodic_words"])
                 + list(_V["number_words"]) + list(_V["half_nouns"]))
_RPREFIX = re.compile(rf"{_S}(?:{_rwords(_PREFIX_WORDS)}|\d{{1,2}}(?!\d)){_RB}", re.I)

_CUE_KINDS = {k: [c.lower() for c in v] for k, v in _V["cues"].items()}
_CUE_OF = {" ".join(c.split()): kind for kind, cs in _CUE_KINDS.items() for c in cs}
# The cue just before an expression, read in a short window that ends where it starts.
_CUE_RE = re.compile(rf"{_LB}(?P<cue>{_words(_CUE_OF)}){_S}\Z", re.I)
_OPEN_RE = re.compile(rf"{_S},?{_S}{_words(_V['open_ended'])}{_RB}", re.I)
_NOW_RE = re.compile(rf"{_S}{_words(_V['until_now'])}{_RB}", re.I)
_DASHES = ("", "-", "–", "—")  # what may stand between the two ends of a range (spaces aside)

_NUM_WORDS = {" ".join(k.split()): v for k, v in _V["number_words"].items()}
_QUARTERS = {str(k).lower(): v for k, v in _V["quarters"].items()}
_UNIT_DUR = {k: v for k, v in _V["cadence_units"].items()}
_COUNT_UNIT = {k: v for k, v in _V["count_units"].items()}
_HALF_OF = {k: v for k, v in _V["half_words"].items()}


@dataclass
class Timex:
    """One time expression: where it is, and the dates or cadence it stands for."""

    text: str
    span: list  # [start, end) in the text it was found in
    due: Optional[str] = None  # ISO date: the last day of the period, or the day itself
    period_start: Optional[str] = None  # ISO date: first day of the period
    recurrence: Optional[str] = None  # ISO 8601 duration: P1Y, P6M, P3M, P1M, P1W
    kind: str = "date"  # date, month, quarter, half, year, range, until, since, open, cadence, ongoing
    cue: Optional[str] = None  # the preposition before it, folded: "trước", "trong", "đến" ...
    cue_kind: Optional[str] = None  # strong, within, until, since, other
    year_given: bool = True  # False when the year came from ref_date
    parts: dict = field(default_factory=dict, repr=False)  # the numbers read, for re-resolving


# --- calendar helpers ------------------------------------------------------------------------

def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _count(s: Optional[str]) -> Optional[int]:
    if not s:
        return None
    s = " ".join(s.lower().replace("_", " ").split())
    if s.isdigit():
        return int(s)
    return _NUM_WORDS.get(s)


def _bounds(parts: dict, year: int) -> Optional[tuple]:
    """(first day, last day) of the unit in ``parts`` for ``year``; None if not a real date."""
    unit = parts["unit"]
    try:
        if unit == "day":
            d = date(year, parts["m"], parts["d"])
            return d, d
        if unit == "month":
            return date(year, parts["m"], 1), _last_day(year, parts["m"])
        if unit == "quarter":
            q = parts["q"]
            return date(year, 3 * q - 2, 1), _last_day(year, 3 * q)
        if unit == "half":
            n = parts["n"]
            if parts["first"]:
                return date(year, 1, 1), _last_day(year, n)
            return date(year, 13 - n, 1), date(year, 12, 31)
        if unit == "year":
            return date(year, 1, 1), date(year, 12, 31)
    except (ValueError, OverflowError):
        return None
    return None


def _resolve(parts: dict, ref: Optional[date]) -> Optional[tuple]:
    """Bounds with the written year, or ref's year (the next one if it would fall before ref)."""
    if parts.get("y") is not None:
        return _bounds(parts, parts["y"])
    if ref is None:
        return None
    b = _bounds(parts, ref.year)
    if b is not None and b[1] < ref:
        b = _bounds(parts, ref.year + 1) or b
    return b


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
    name = next(n for n in _ALT_NAMES if g(n) is not None)
    if name in ("dmyw", "dmyw2"):
        y = g(f"{name}_y")
        return {"unit": "day", "d": int(g(f"{name}_d")), "m": int(g(f"{name}_m")), "y": int(y) if y else None,
                "kind": "date"}
    if name == "dmyn":
        return {"unit": "day", "d": int(g("dmyn_d")), "m": int(g("dmyn_m")), "y": int(g("dmyn_y")), "kind": "date"}
    if name == "dmn":
        return {"unit": "day", "d": int(g("dmn_d")), "m": int(g("dmn_m")), "y": None, "kind": "date",
                "needs_cue": g("dmn_n") is None}
    if name == "half":
        n = _count(g("half_n")) if g("half_n") else 6
        if n is None or not 1 <= n <= 12:
            return None
        y = g("half_y")
        return {"unit": "half", "n": n, "first": _HALF_OF.get(_unit_key(g("half_w"))) == "first",
                "y": int(y) if y else None, "kind": "half"}
    if name == "yr":
        a, b = int(g("yr_a")), int(g("yr_b"))
        if not a <= b <= a + 100:
            return None
        return {"unit": "range", "a": a, "b": b, "kind": "range"}
    if name == "quarter":
        q = _QUARTERS.get(g("q").lower())
        y = g("q_y")
        return {"unit": "quarter", "q": q, "y": int(y) if y else None, "kind": "quarter"} if q else None
    if name == "month":
        y = g("m_y") or g("m_y2")
        return {"unit": "month", "m": int(g("m")), "y": int(y) if y else None, "kind": "month"}
    if name == "year":
        return {"unit": "year", "y": int(g("year_y")), "kind": "year", "needs_cue": g("year_n") is None}
    if name in ("cad1", "cad2", "cad3"):
        unit = g(f"{name}_u") if name != "cad3" else None
        if unit:
            return {"unit": "cadence", "recurrence": _UNIT_DUR.get(_unit_key(unit)), "kind": "cadence"}
        n = _count(g(f"{name}_n"))
        cu = _COUNT_UNIT.get(_unit_key(g(f"{name}_cu")))
        rec = _duration(n, cu) if n and cu else None
        return {"unit": "cadence", "recurrence": rec, "kind": "cadence"} if rec else None
    if name == "ongoing":
        return {"unit": "ongoing", "kind": "ongoing"}
    return None


def _cue_before(text: str, start: int) -> Optional[re.Match]:
    return _CUE_RE.search(text[max(0, start - 24):start])


def _period(parts: dict, ref: Optional[date]) -> Optional[tuple]:
    if parts["unit"] == "range":
        return date(parts["a"], 1, 1), date(parts["b"], 12, 31)
    if parts["unit"] in ("cadence", "ongoing"):
        return None
    return _resolve(parts, ref)


def _anchors(text: str) -> list:
    low = text.lower()
    keys = _KEYWORDS if len(low) == len(text) else _KEYWORDS_I
    if len(low) != len(text):
        low = text
    found = [m.start() for m in _DIGITS.finditer(text)]
    for k in keys:
        found.extend(m.start() for m in k.finditer(low))
    found.sort()
    return found


def _matches(text: str) -> Iterator[re.Match]:
    """_MASTER matches that start at an anchor or at the opening word just before it."""
    last_end = 0
    rev = text[::-1]
    n = len(text)
    for p in _anchors(text):
        if p < last_end:
            continue
        pm = _RPREFIX.match(rev, n - p)
        starts = (p - len(pm.group(0)), p) if pm and p - len(pm.group(0)) >= last_end else (p,)
        for st in starts:
            m = _MASTER.match(text, st)
            if m is not None and _read(m) is not None:
                last_end = m.end()
                yield m
                break


@dataclass
class _Atom:
    start: int
    end: int
    parts: dict
    lo: Optional[date] = None
    hi: Optional[date] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    open_end: bool = False
    until_now: bool = False


def _atoms(text: str, ref: Optional[date]) -> list:
    out: list = []
    for m in _matches(text):
        parts = _read(m)
        if parts is None:
            continue
        a = _Atom(m.start(), m.end(), parts)
        cm = _cue_before(text, a.start)
        if cm:
            a.cue = " ".join(cm.group("cue").lower().replace("_", " ").split())
            a.cue_start = a.start - (len(cm.group(0)))
        if parts.get("needs_cue") and a.cue is None:
            continue
        if parts["unit"] not in ("cadence", "ongoing"):
            b = _period(parts, ref)
            if b is None:
                if parts.get("y") is not None or parts["unit"] == "range":
                    continue  # 31/2/2024: not a date
                # no year and no ref date: keep the expression, undated, if it is a real day
                if parts["unit"] == "day" and _bounds(parts, 2000) is None:
                    continue
            else:
                a.lo, a.hi = b
            om = _OPEN_RE.match(text, a.end)
            if om and parts["unit"] in ("year", "range"):
                a.open_end, a.end = True, om.end()
            else:
                nm = _NOW_RE.match(text, a.end)
                if nm:
                    a.until_now, a.end = True, nm.end()
        out.append(a)
    return _merge_ranges(text, out, ref)


_UNTIL = {c for c, k in _CUE_OF.items() if k == "until"}


def _merge_ranges(text: str, atoms: list, ref: Optional[date]) -> list:
    """Join "Quý IV/2025 - Quý II/2026" and "từ tháng 1 đến tháng 6/2025" into one range."""
    out: list = []
    for a in atoms:
        prev = out[-1] if out else None
        if (prev is not None and not prev.open_end and not prev.until_now
                and a.parts["unit"] not in ("cadence", "ongoing", "range")
                and prev.parts["unit"] not in ("cadence", "ongoing")):
            gap_end = a.cue_start if (a.cue in _UNTIL and a.cue_start is not None) else a.start
            gap = text[prev.end:gap_end] if prev.end <= gap_end <= prev.end + 40 else None
            # str.strip, not a regex: "\\s*-?\\s*\\Z" backtracks quadratically over long space runs
            dash = gap is not None and gap.strip() in _DASHES
            if dash and (gap.strip() or a.cue in _UNTIL):
                lo = prev.lo
                if (prev.parts.get("y") is None and a.parts.get("y") is not None
                        and prev.parts["unit"] in ("day", "month", "quarter", "half")):
                    b = _bounds(prev.parts, a.parts["y"])  # "ngày 5 tháng 8 đến ngày 6 tháng 8 năm 2020"
                    lo = b[0] if b else lo
                if a.hi is not None and lo is not None and lo <= a.hi:
                    prev.end, prev.hi, prev.lo = a.end, a.hi, lo
                    prev.parts = {"unit": "range", "kind": "range", "y": a.parts.get("y"),
                                  "merged": True}
                    prev.open_end, prev.until_now = a.open_end, a.until_now
                    continue
        out.append(a)
    return out


def _timex(text: str, a: _Atom) -> Timex:
    start = a.cue_start if a.cue_start is not None else a.start
    p = a.parts
    t = Timex(text=text[start:a.end], span=[start, a.end], kind=p["kind"], cue=a.cue,
              cue_kind=_CUE_OF.get(a.cue) if a.cue else None, parts=dict(p),
              year_given=p["unit"] in ("range", "cadence", "ongoing") or p.get("y") is not None)
    if p["unit"] == "cadence":
        t.recurrence = p["recurrence"]
        return t
    if p["unit"] == "ongoing" or a.hi is None:
        return t
    lo, hi = a.lo.isoformat(), a.hi.isoformat()
    if a.open_end:
        t.kind, t.period_start = "open", lo
    elif a.until_now or (t.cue_kind == "since" and p["unit"] != "range"):
        t.kind, t.period_start = "since", lo
    elif t.cue_kind == "until" and p["unit"] != "range":
        t.kind, t.due = "until", hi
    elif p["unit"] == "day":
        t.due = hi
    else:
        t.period_start, t.due = lo, hi
    return t


def find_timexes(text: str, ref_date: Optional[date] = None) -> Iterator[Timex]:
    """Every time expression in ``text`` in reading order, with its span; never raises."""
    if not text or not isinstance(text, str):
        return iter(())
    try:
        atoms = _atoms(text, ref_date)
    except Exception:  # noqa: BLE001 - a malformed input must not cost the document
        return iter(())
    return iter([_timex(text, a) for a in atoms])


def normalize(expr: str, ref_date: Optional[date] = None) -> Optional[Timex]:
    """Read one expression: the first dated part, with the cadence of the whole if it has one.

    "định kỳ hằng năm (trước ngày 15 tháng 12)" -> recurrence P1Y, due the next 15 December.
    """
    found = list(find_timexes(expr, ref_date))
    if not found:
        return None
    dated = [t for t in found if t.due or t.period_start]
    cadence = next((t for t in found if t.recurrence), None)
    base = dated[0] if dated else (cadence or found[0])
    if cadence is not None and base is not cadence:
        base.recurrence = cadence.recurrence
        lo, hi = min(base.span[0], cadence.span[0]), max(base.span[1], cadence.span[1])
        base.span, base.text = [lo, hi], expr[lo:hi]
    return base


def parse_iso(value: Optional[str]) -> Optional[date]:
    """"2019-08-27" -> date; "2024-02" -> its first day; anything else -> None."""
    if not value or not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
