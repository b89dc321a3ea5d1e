"""Time expressions of plan documents -> dates, periods and cadences.

Our own normalizer: dateparser and Duckling do not read "quý I/2024" (Duckling gives the
quarter's start; a deadline is its end), "6 tháng đầu năm 2025" or "định kỳ 06 tháng".

``find_timexes(text, ref_date)`` yields every expression with its span; ``normalize(expr,
ref_date)`` reads one expression. A period gives ``period_start`` .. ``due`` (its last day),
a single day gives ``due``, a cadence gives ``recurrence`` (ISO 8601 duration). Expressions
without a year ("trước 30/6", "trong tháng 4") take the year of ``ref_date`` (the document's
date), moved to the next year when the day would fall before the document itself.

``read_date(line)`` -> ``(iso, start, end)`` reads the one calendar date of a line: a header's
place-date line "Hà Nội, ngày 24 tháng 11 năm 2023", a cited "ngày 24/11/2023"; a day left
blank ("ngày    tháng 02 năm 2024") gives "2024-02". This module is meant to be the project's
one reader of dates, periods and cadences.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Optional

from .timex_cadences import with_listed_cadences
from .timex_patterns import (_CUE_OF, _DASHES, _DAY, _DAY_OF_CADENCE, _KEY_PHRASES, _KEY_WORDS, _LB, _MON,
                             _NOW_RE, _OCR, _OCR_CHAR_SET, _OCR_DIGIT, _OCR_WORDS, _OPEN_RE, _S, _V, _YEAR,
                             _cue_before, _keyword_hits, _matches, repair_ocr, repair_ocr_lower)

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


def _bounds(parts: dict, year: int) -> Optional[tuple]:
    """(first day, last day) of the unit in ``parts`` for ``year``; None if not a real date."""
    unit = parts["unit"]
    try:
        if unit == "day":
            d = date(year, parts["m"], parts["d"])
            return d, d
        if unit == "months":
            return date(year, parts["m0"], 1), _last_day(year, parts["m"])
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


def _period(parts: dict, ref: Optional[date]) -> Optional[tuple]:
    if parts["unit"] == "range":
        return date(parts["a"], 1, 1), date(parts["b"], 12, 31)
    if parts["unit"] in ("cadence", "ongoing"):
        return None
    return _resolve(parts, ref)


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


def _atoms(text: str, ref: Optional[date], low: Optional[str] = None, hits: Optional[dict] = None) -> list:
    out: list = []
    for m, parts in _matches(text, low, hits):
        a = _Atom(m.start(), m.end(), parts)
        cm = _cue_before(text, a.start)
        if cm:
            a.cue = " ".join(cm[0].lower().replace("_", " ").split())
            a.cue_start = a.start - cm[1]
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
    atoms = with_listed_cadences(text, _day_cadences(text, out),
                                 lambda s, e, rec: _Atom(s, e, {"unit": "cadence", "recurrence": rec, "kind": "cadence"}))
    return _merge_ranges(text, atoms, ref)



_LIST_JOINS = {",", "và", "hoặc", ", và"}


def _day_cadences(text: str, atoms: list) -> list:
    """"(trước) ngày 20 hằng tháng", "25/12 hàng năm": the day opens the cadence, it is no due date."""
    out: list = []
    for a in atoms:
        if a.parts["unit"] == "cadence":
            w0 = max(0, a.start - 30)
            dm = _DAY_OF_CADENCE.search(text[w0:a.start])
            if dm is not None:
                start = w0 + dm.start()
                while out and out[-1].start >= start and out[-1].parts.get("y") is None:
                    out.pop()  # the yearless day read on its own
                while (out and out[-1].parts.get("y") is None and out[-1].parts["unit"] in ("day", "month")
                       and " ".join(text[out[-1].end:start].split()) in _LIST_JOINS):
                    start = out.pop().start  # "tháng 3 và tháng 9 hằng năm": the whole list
                if not out or out[-1].end <= start:
                    a.start = start
                    cm = _cue_before(text, start)
                    if cm:
                        a.cue = " ".join(cm[0].lower().replace("_", " ").split())
                        a.cue_start = start - cm[1]
        out.append(a)
    return out


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


def find_timexes(text: str, ref_date: Optional[date] = None, lowered: Optional[str] = None) -> Iterator[Timex]:
    """Every time expression in ``text`` in reading order, with its span; never raises.
    ``lowered``: ``text.lower()``, when the caller has it (saves a pass over a long text)."""
    if not text or not isinstance(text, str):
        return iter(())
    try:
        repaired, low, hits = repair_ocr_lower(text, lowered, keep_hits=True)
        atoms = _atoms(repaired, ref_date, low, hits)
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


# --- one calendar date in a line (header place-date line, cited dates) --------------------------

_BLANK = r"[\s.…_]{0,16}"  # what stands for a day or month left blank: spaces, dots, "…", "___"
_SPLIT = r"\d(?: ?\d)?(?!\d)"  # a day or month, its two digits maybe split by OCR ("tháng 0 6")
_WORDY = re.compile(
    rf"{_LB}(?:ngày(?:{_S}(?P<d>{_SPLIT}){_S}|{_BLANK}))?tháng(?:{_S}(?P<m>{_SPLIT}){_S}|{_BLANK}),?{_S}"
    rf"năm{_S}(?P<y>{_YEAR})", re.I)


def _iso(y: int, m: Optional[int], d: Optional[int]) -> Optional[str]:
    try:
        if m is None:
            return f"{y:04d}"
        if d is None:
            return date(y, m, 1).isoformat()[:7]
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _written_iso(wm: re.Match) -> Optional[str]:
    d, m = wm.group("d"), wm.group("m")
    if d is not None and m is None:
        return None
    return _iso(int(wm.group("y")), int(m.replace(" ", "")) if m else None,
                int(d.replace(" ", "")) if d else None)


def written_dates(text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[tuple]:
    """(iso, start, end) of every written-out date "ngày 24 tháng 11 năm 2023" in
    ``text[pos:endpos]`` ("ngày" may be missing, day or month left blank, OCR-split digits);
    iso is None when the numbers make no date."""
    if not text or not isinstance(text, str):
        return
    end = len(text) if endpos is None else min(endpos, len(text))
    base = max(0, pos - 8)  # a little context before pos, for the word boundary and OCR repairs
    shadow = repair_ocr(text[base:end])
    for wm in _WORDY.finditer(shadow, pos - base):
        yield _written_iso(wm), base + wm.start(), base + wm.end()


def date_at(text: str, pos: int, width: int = 30) -> Optional[tuple]:
    """(iso, end) of the full calendar date that starts at ``pos`` ("24/11/2023", "24 tháng 11
    năm 2023"), read in the next ``width`` characters; None when none starts there."""
    if not text or not isinstance(text, str):
        return None
    found = read_date(text[pos:pos + width])
    if found is None or found[1] != 0 or len(found[0] or "") != 10:
        return None
    return found[0], pos + found[2]


def read_date(text: str) -> Optional[tuple]:
    """(iso, start, end) of the first full date in ``text``; None when there is none.

    The day may be left blank ("2024-02"), or day and month ("2024"); a day with a blank
    month is no date.
    """
    if not text or not isinstance(text, str):
        return None
    low = text.lower()
    intact = not _repairable(text, low)
    if intact:  # what repair_ocr_lower gives back, without its scans (hits when needed)
        repaired, hits = text, None
    else:
        repaired, low, hits = repair_ocr_lower(text, low, keep_hits=True)
    plain = _plain_date(repaired, low)
    if plain is not None:
        return plain
    if intact:
        hits = _keyword_hits(low)
    # what written_dates(text) reads first: it needs the word "tháng"
    wm = _WORDY.search(repaired) if "tháng" in low else None
    if wm is not None:
        wm = (_written_iso(wm), wm.start(), wm.end())
    try:  # what find_timexes(text) reads, on the same repaired copy
        atoms = _atoms(repaired, None, low, hits)
    except Exception:  # noqa: BLE001 - a malformed input must not cost the document
        atoms = []
    numeric = next((t for t in (_timex(text, a) for a in atoms)
                    if t.kind == "date" and t.year_given and t.due), None)
    if wm is not None and (numeric is None or wm[1] <= numeric.span[0]):
        return wm if wm[0] else None
    if numeric is not None:
        start = numeric.span[0] + len(numeric.text) - len(numeric.text.lstrip())
        if numeric.cue:  # "trước ngày 30/6/2024": the date without its preposition
            start = numeric.span[0] + len(numeric.text) - len(numeric.text[len(numeric.cue):].lstrip())
        return numeric.due, start, numeric.span[1]
    return None


# Every literal a repair of repair_ocr_lower starts from: the damaged words, the words before a
# digit, and the quarter words (OCR-damaged, or before a damaged numeral)
_REPAIR_NEEDLES = tuple(dict.fromkeys([*_OCR_WORDS, *_OCR_DIGIT, *_OCR["quarter_words"], *_V["quarter_words"]]))


def _repairable(text: str, low: str) -> bool:
    """Whether ``repair_ocr_lower`` could change ``text`` (``low``: its lower-cased copy): a
    damaged character, a length-changing lower case, or a literal one of its repairs needs."""
    return (len(low) != len(text) or any(c in text for c in _OCR_CHAR_SET)
            or any(w in low for w in _REPAIR_NEEDLES))


# "24/11/2023" at the very start, as the "dmyn" alternative reads it without blanks or "ngày"
_PLAIN_RE = re.compile(rf"(?P<d>{_DAY})(?P<s>[/.-])(?P<m>{_MON})(?P=s)(?P<y>{_YEAR})")
_ANY_DIGIT = re.compile(r"\d")


def _plain_date(repaired: str, low: str) -> Optional[tuple]:
    """What ``read_date`` gives for a text that opens with a plain numeric date ("24/11/2023 của
    ...") and holds no other place a time expression could start (no digit, no time keyword)
    nor "đến nay" after it: (iso, 0, end). None when the full reader must decide."""
    m = _PLAIN_RE.match(repaired)
    if m is None or len(low) != len(repaired) or _NOW_RE.match(repaired, m.end()):
        return None
    end = m.end()
    if _ANY_DIGIT.search(repaired, end) or any(low.find(w, end) >= 0 for w in _KEY_WORDS):
        return None
    if any(k.search(low, end) for k in _KEY_PHRASES):
        return None
    iso = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return (iso, 0, end) if iso else None
