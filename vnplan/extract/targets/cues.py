"""Cue words (commitment, achievement, baseline, recurrence) and clause years, indexed once
per document, and the decision target / figure / neither."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...lang import patterns, vocab
from .quantities import Quantity
from .words import _DIGIT, _MUST, _TO, _YEAR, _YEAR_WORDS, _vocab, alt, alt_body

@dataclass(frozen=True)
class _Cues:
    """Which cue words a stretch of text holds (computed once per clause or sentence)."""

    commit: bool
    achieved: bool
    baseline: bool
    strive: bool  # "phấn đấu": a commitment even about a year already past


def _cue_bits(c: "_Cues") -> int:
    return ((_COMMIT if c.commit else 0) | (_ACHIEVED if c.achieved else 0)
            | (_BASELINE if c.baseline else 0) | (_STRIVE_BIT if c.strive else 0))


def _decide(role: str, sent: _Cues, seg: _Cues, q: Quantity, year: Optional[int],
            doc_year: Optional[int], seg_low: str, outcome: bool = False) -> Optional[str]:
    """"target", "figure" or None (a number of a task that is neither).

    ``outcome``: the clause states what a task must yield ("Có ít nhất 02 vùng ...", "30%
    diện tích ... áp dụng ..."), a commitment of a tasks section without its own cue word.
    """
    if role == "situation":
        return "figure"
    achieved = seg.achieved or (sent.achieved and not seg.commit)
    past = bool(doc_year and year and year < doc_year)
    committed = sent.commit and not (past and not sent.strive)  # "từ năm 2008 đến năm 2021"
    if role == "target":
        if (achieved and not committed) or (past and not (seg.strive or seg.commit)):
            return "figure"  # a result, or a baseline "Năm 2020 tỷ lệ hộ nghèo là 5%, phấn đấu ..."
        return "target"
    if committed and not achieved:
        return "target"  # "phấn đấu giảm 10% ... so với năm 2024": a goal against a baseline
    achieved = achieved or sent.baseline
    if role == "other" and not achieved and (outcome or _required(q, seg_low)):
        return "target"
    return "figure" if role == "report" or achieved else None


def _required(q: Quantity, seg_low: str) -> bool:
    """A requirement with no cue word: "100% ... được/phải", a floor "ít nhất 500 học sinh"."""
    return q.floor or (q.unit == "%" and q.value == 100 and bool(_MUST.search(seg_low)))


# Years a clause is about: the year digits are found first (cheap), then what stands before
# them is checked ("đến năm ", "giai đoạn 2021 - "), "trước ngày 30/9/2010").
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d(?!\d)")
_YEAR_PRE = re.compile(
    r"(?:" + alt("year_cue_lead") + r"\s+(?:" + alt("year_end_words") + r"\s+)?" + _YEAR + r"\s+|" + _TO + r"\s+"
    r"|" + alt("period_words") + r"\s+(?:19|20)\d\d\s*[-–—]\s*)$")
# A due date before a year's digits: "trước ngày 30/9/2010", "đến tháng 6/2025", "trong quý
# i/2026"; only tried when a date separator stands right before the digits.
_DATE_PRE = re.compile(
    alt("date_cue_lead") + r"\s+(?:" + alt("day_word") + r"\s+\d{1,2}\s*[/.-]\s*\d{1,2}|" + alt("month_word")
    + r"\s+\d{1,2}|" + alt("quarter_word") + r"\s+[ivx1-4]{1,4})\s*[/.-]\s*$")


def _year_prefix(low: str, lo: int, at: int) -> Optional[re.Match]:
    """The phrase that makes the digits at ``at`` the year a clause is about, within [lo, at)."""
    k = at - 1
    while k > lo and low[k] == " ":
        k -= 1
    if k >= lo and low[k] in "/.":
        return _DATE_PRE.search(low, lo, at)
    m = _YEAR_PRE.search(low, lo, at)
    if m is None and k >= lo and low[k] == "-":  # "giai đoạn 2021-2025" first, then "ngày 30-9-2010"
        m = _DATE_PRE.search(low, lo, at)
    return m
def _year_digits(low: str, lo: int, hi: int) -> list:
    """The matches of _YEAR_DIGITS that start in [lo, hi), in order: "19" and "20" are found
    with ``str.find`` (C speed) and only there is the pattern tried (two matches never overlap:
    the digit after one would be a digit of the other)."""
    ks = [k for w in ("19", "20") for k in _find_all(low, w, lo, hi + 1) if k < hi]
    ks.sort()
    end = min(len(low), hi + 8)
    return [m for m in (_YEAR_DIGITS.match(low, k, end) for k in ks) if m]


def _find_all(low: str, word: str, lo: int, hi: int) -> list:
    out = []
    k = low.find(word, lo, hi)
    while k >= 0:
        out.append(k)
        k = low.find(word, k + 1, hi)
    return out


_YEAR_AT = re.compile(r"\W*" + _YEAR + r"\s+((?:19|20)\d\d)(?!\d)")
_YEAR_PRE_SPAN = 48  # longest prefix looked at before a year's digits
_CHUNK = 1024  # text indexed at a time: only the chunks a figure's clause reaches


_COMMIT, _ACHIEVED, _BASELINE, _STRIVE_BIT, _BEFORE_ONLY = 1, 2, 4, 8, 16


@lru_cache(maxsize=1)
def _neutral_phrases() -> tuple:
    """Phrases that start with a cue word but do not cue: a goal set ("các mục tiêu đã đề ra"),
    a name ("Chương trình mục tiêu quốc gia")."""
    v = vocab.load("targets") or {}
    return tuple(p for p in (" ".join(str(w).lower().split()) for w in v.get("neutral_cues") or []) if p)
@lru_cache(maxsize=1)
def _set_by() -> re.Pattern:
    """After an achievement word, a goal set by a body: "(kế hoạch vốn) đã được Thủ tướng
    Chính phủ giao", "đã được Hội đồng nhân dân tỉnh thông qua"."""
    words = vocab.load("targets")["set_by_verbs"]
    return re.compile(r"(?:[ \t]+[^\W\d_]+){0,6}?[ \t]+" + patterns.alternation(words, patterns.LINE_GAP)
                      + r"(?![^\W\d_])")


_CUES_BY_BITS = tuple(_Cues(bool(b & _COMMIT), bool(b & _ACHIEVED), bool(b & _BASELINE),
                            bool(b & _STRIVE_BIT)) for b in range(32))


@lru_cache(maxsize=1)
def _cue_phrases() -> tuple:
    """(phrase, cue bits, recurrence code) of every cue word (commitment, achievement,
    baseline, "phấn đấu", recurrence), built once from the vocabulary."""
    v = vocab.load("targets") or {}
    bits: dict = {}
    rec: dict = {}
    for bit, key in ((_COMMIT, "commitment_cues"), (_ACHIEVED, "achievement_cues"),
                     (_BASELINE, "baseline_cues")):
        for w in v.get(key) or []:
            w = " ".join(str(w).lower().split())
            bits[w] = bits.get(w, 0) | bit
    for code, ws in (v.get("recurrence") or {}).items():
        for w in ws or []:
            w = " ".join(str(w).lower().split())
            bits.setdefault(w, 0)
            rec[w] = str(code)
    for w in v.get("strive_cues") or []:
        w = " ".join(str(w).lower().split())
        bits[w] = bits.get(w, 0) | _STRIVE_BIT
    for w in v.get("commit_before_only") or []:
        w = " ".join(str(w).lower().split())
        if w in bits:
            bits[w] |= _BEFORE_ONLY
    return tuple((w, b, rec.get(w)) for w, b in bits.items() if w)


@lru_cache(maxsize=1)
def _cue_phrases_neutral() -> tuple:
    """The cue phrases with the neutral phrases that may stand where each is found (those
    that start with it, or that it starts with)."""
    neutral = _neutral_phrases()
    return tuple((w, b, rec, tuple(p for p in neutral if p.startswith(w) or w.startswith(p)))
                 for w, b, rec in _cue_phrases())


class _TextIndex:
    """Where the cue words and clause years of a text stand, indexed lazily by chunk where asked.

    Every clause, sentence and window asks about its own stretch of text; answering from
    one index (built with ``str.find`` per cue phrase, C speed) instead of one regex pass per
    question keeps the cost linear in the text, however many numbers a sentence holds.
    Phrases match as whole words on single spaces (the cleaned text's spacing).
    """

    def __init__(self, low: str) -> None:
        self.low = low
        self.indexed = bytearray(len(low) // _CHUNK + 1)  # 1: that chunk of the text is indexed
        self.ready = (0, 0)  # a span known to be indexed (the last one asked about)
        self.h_start: list = []  # cue hits, sorted by start
        self.h_end: list = []
        self.h_bits: list = []
        self.h_rec: list = []  # recurrence code of the hit, or None
        self.year_at: list = []  # offsets of year digits preceded by a year phrase
        self.year_from: list = []  # start of that phrase
        self.year_val: list = []

    def _index(self, c: int) -> None:
        """Index the chunk ``c`` of the text: the cue hits and years that start in it, spliced
        in order among those of the chunks already indexed."""
        low, n = self.low, len(self.low)
        lo = c * _CHUNK
        hi = min(n, lo + _CHUNK)
        hits: list = []
        for phrase, bits, rec, neutral in _cue_phrases_neutral():
            lim = hi + len(phrase) - 1
            k = low.find(phrase, lo, lim)
            while k >= 0:
                e = k + len(phrase)
                if (k == 0 or not low[k - 1].isalpha()) and (e >= n or not low[e].isalpha()):
                    hits.append((k, e, bits, rec, neutral))
                k = low.find(phrase, k + 1, lim)
        hits.sort(key=lambda h: h[0])
        set_by = _set_by()
        # cue hits are few: each is checked where it stands
        hits = [h for h in hits if not any(low.startswith(p, h[0]) for p in h[4])
                and not (h[2] & _ACHIEVED and set_by.match(low, h[1], h[1] + 64))]
        i = bisect_left(self.h_start, lo)
        self.h_start[i:i] = [h[0] for h in hits]
        self.h_end[i:i] = [h[1] for h in hits]
        self.h_bits[i:i] = [h[2] for h in hits]
        self.h_rec[i:i] = [h[3] for h in hits]
        years = [(m, pm) for m in _year_digits(low, lo, hi)
                 if (pm := _year_prefix(low, max(0, m.start() - _YEAR_PRE_SPAN), m.start()))]
        i = bisect_left(self.year_at, lo)
        self.year_at[i:i] = [m.start() for m, _ in years]
        self.year_from[i:i] = [pm.start() for _, pm in years]
        self.year_val[i:i] = [int(m.group(0)) for m, _ in years]
        self.indexed[c] = 1

    def _ensure(self, a: int, b: int) -> None:
        """Index the chunks that [a, b) overlaps (only those: most of a text holds no figure)."""
        c0, c1 = max(a, 0) // _CHUNK, (min(b, len(self.low)) - 1) // _CHUNK
        for c in range(c0, c1 + 1):
            if not self.indexed[c]:
                self._index(c)
        if c1 >= c0:
            self.ready = (c0 * _CHUNK, (c1 + 1) * _CHUNK)

    def cues(self, a: int, b: int) -> _Cues:
        """The cue words lying within [a, b)."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, a)
        bits = 0
        while i < len(starts) and starts[i] < b:
            if ends[i] <= b:
                bits |= hbits[i]
            i += 1
        return _CUES_BY_BITS[bits]

    def recurrence(self, a: int, b: int) -> tuple:
        """(code, offset) of the first recurrence word lying within [a, b), or (None, -1)."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        starts, ends, recs = self.h_start, self.h_end, self.h_rec
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if recs[i] is not None and ends[i] <= b:
                return recs[i], starts[i]
            i += 1
        return None, -1

    def recurrences(self, a: int, b: int) -> list:
        """(code, start, end) of the recurrence words lying within [a, b)."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        starts, ends, recs = self.h_start, self.h_end, self.h_rec
        i = bisect_left(starts, a)
        out = []
        while i < len(starts) and starts[i] < b:
            if recs[i] is not None and ends[i] <= b:
                out.append((recs[i], starts[i], ends[i]))
            i += 1
        return out

    def commits(self, a: int, b: int, pos: int) -> bool:
        """Whether a commitment cue within [a, b) commits the figure at ``pos``: any cue but
        those that commit only what follows them ("bảo đảm 100% ..." commits, "30% kinh phí
        do ngân sách tỉnh bảo đảm" does not)."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if hbits[i] & _COMMIT and ends[i] <= b and (not hbits[i] & _BEFORE_ONLY or starts[i] < pos):
                return True
            i += 1
        return False

    def clause_start(self, a: int, b: int) -> int:
        """Start of the last commitment cue in [a, b) that opens a clause after ", ", or -1."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, b) - 1
        while i >= 0 and starts[i] >= a:
            k = starts[i]
            if hbits[i] & _COMMIT and ends[i] <= b and self.low.startswith(", ", k - 2):
                return k
            i -= 1
        return -1

    def year(self, a: int, b: int) -> Optional[int]:
        """The year [a, b) is about: "đến năm 2030", "giai đoạn 2021-2025", or "Năm 2025" first."""
        if a < self.ready[0] or b > self.ready[1]:
            self._ensure(a, b)
        i = bisect_left(self.year_at, a)
        found: Optional[tuple] = None
        while i < len(self.year_at) and self.year_at[i] + 4 <= b:
            at, frm = self.year_at[i], self.year_from[i]
            if frm < a:  # the phrase starts before the clause: does its tail still read?
                pm = _year_prefix(self.low, a, at)
                frm = pm.start() if pm else -1
            if frm >= a:
                found = (frm, self.year_val[i])
                break
            i += 1
        if found and found[0] == a:
            return found[1]
        m = _YEAR_AT.match(self.low, a, b)
        if m:
            return int(m.group(1))
        return found[1] if found else None


_BARE_YEAR = re.compile(r"(?<![^\W\d_])" + _YEAR + r"\s+((?:19|20)\d\d)(?!\d)")
_NOT_OWN_YEAR = re.compile(r"(?:" + alt_body("not_own_year_before") + "|" + alt_body("month_word") + r"\s+\d+)\s*$")
_REC_AT_START = re.compile(r"[\W\d_]*(?:[a-zđ][.)][\W\d_]*)?")
_REC_AFTER_VALUE = re.compile(r"[ \t,]*$")


def _own_year(low: str, q: Quantity, ts: int, te: int, doc_year: Optional[int]) -> Optional[int]:
    """ "đạt 20% xã, phường ... năm 2025", "tỷ lệ hộ nghèo năm 2026 giảm còn 3%": a bare "năm
    YYYY" in the figure's own clause, with no other number between, is the year of that figure
    (not a baseline "so với năm", not a date or a document's year). The tail is read first."""
    yw = _YEAR_WORDS[0]
    k = low.find(yw, q.end, te)
    m = None
    while k >= 0 and m is None:
        m = _BARE_YEAR.match(low, k, te)
        k = low.find(yw, k + len(yw), te) if m is None else k
    if m and _DIGIT.search(low, q.end, m.start()):
        m = None
    if m is None:
        for b in _BARE_YEAR.finditer(low, ts, q.start):
            m = b  # the last one before the figure
        if m is None or _DIGIT.search(low, m.end(), q.num_start):
            return None
    if _NOT_OWN_YEAR.search(low, max(ts, m.start() - 16), m.start()):
        return None
    y = int(m.group(1))
    return y if doc_year is None or y >= doc_year else None


def _recurrent(low: str, index: "_TextIndex", q: Quantity, seg_s: int, seg_e: int,
               sent_s: int) -> Optional[str]:
    """The recurrence code when "hằng năm" qualifies the commitment itself: at the start of
    the sentence or clause ("Hằng năm, 100% ..."), right after the figure's verb ("tăng hằng
    năm 10%") or right after the value ("giảm 5% mỗi năm"); "cây hàng năm" (annual crops),
    "kế hoạch hằng năm" do not make a target recurrent."""
    for code, k, e in index.recurrences(sent_s, seg_e):
        if k < seg_s and k > sent_s + 12:
            continue
        if _REC_AT_START.fullmatch(low, sent_s, k) or _REC_AT_START.fullmatch(low, seg_s, k):
            return code
        if seg_s <= k < q.start and _vocab().rec_verb.search(low, max(seg_s, k - 24), k):
            return code
        if k >= q.end and _REC_AFTER_VALUE.match(low, q.end, k) and k - q.end <= 3:
            return code
    return None
