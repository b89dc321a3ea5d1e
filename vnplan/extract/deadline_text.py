"""Text helpers of the deadline reader: the reference date, clause bounds, sections."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Optional

from ..lang import vocab
from ..lang.timex import Timex, find_timexes, parse_iso
from ..model import Deadline, Document

_V = vocab.load("time")["deadlines"]
_MARKER_RE = re.compile(r"\s*(?:[-+•*–]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|\d{1,3}-(?=\s)|[IVXLC]+[.-])\s*", re.I)
_SKIP_KINDS = set(_V["skip_kinds"])
_SCAN = 600  # longest clause looked at, both ways (keeps every scan bounded)


class Drop(str, Enum):
    """Why a time expression found in the text is not a deadline."""

    OUTSIDE = "outside"  # header or footer of the document
    NARRATIVE = "narrative"  # situation section, before the document's date, or told as done ("đã")
    CITED_DOCUMENT = "cited_document"  # "Nghị quyết số 45-NQ/TW, ngày 24/11/2023"
    TARGET_HORIZON = "target_horizon"  # "Đến năm 2030, 100% xã ...", "tầm nhìn đến năm 2045"
    PLAN_PERIOD = "plan_period"  # the plan's own period or a named plan's: "giai đoạn 2021-2025"
    TASK_OBJECT = "task_object"  # the time names what is acted on: "tổng kết năm 2025"
    BUDGET_YEAR = "budget_year"  # "dự toán ngân sách hằng năm"
    YEARLY_NOUN = "yearly_noun"  # a noun of every year: "kế hoạch công tác hằng năm", "cây hàng năm"
    OPEN_ENDED = "open_ended"  # "từ năm 2025", "năm 2025 và các năm tiếp theo", "đến nay"
    NO_DATE = "no_date"  # "thường xuyên", a day with no year to place it
    SAME_TASK = "same_task"  # a second cadence of one task


@dataclass
class Candidate:
    """A time expression and what became of it: a deadline, or the reason it is not one."""

    timex: Timex
    reason: Optional[Drop] = None
    deadline: Optional[Deadline] = None


# --- reference date ----------------------------------------------------------------------------

def reference_date(doc: Document) -> Optional[date]:
    """The document's date; failing that the latest date (else year) written in its preamble."""
    d = parse_iso(getattr(doc.metadata, "date", None))
    if d is not None:
        return d
    text = doc.text or ""
    lo, hi = (doc.preamble or [0, min(len(text), 3000)])[:2]
    head = text[lo:min(hi, lo + 5000)]
    # Days written in the header (the document's own date, the dates of what it implements)
    # come first; then single years; a period in the title ("giai đoạn 2009-2013") counts by
    # its start only, as a plan is dated before the period it covers.
    days, years = [], []
    for t in find_timexes(head, None):
        if t.kind == "date" and t.year_given and t.due:
            days.append(parse_iso(t.due))
        elif t.year_given and (t.period_start or t.due):
            v = parse_iso(t.period_start or t.due)
            if v is not None:
                years.append(date(v.year, 1, 1))
    days = [d for d in days if d is not None]
    if days:
        return max(days)
    return max(years) if years else None


# --- clauses -----------------------------------------------------------------------------------

def _soft_wrap(text: str, i: int) -> bool:
    """A line break inside a sentence (PDF text): the next line opens in lower case and the
    line does not end with . ; or :."""
    if not text[i + 1:i + 2].islower():
        return False
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] not in ".;:\n"


def clause_start(text: str, pos: int) -> tuple:
    """(start, opened_by_paren) of the clause holding ``pos``: after the last ; . : or line
    break, or the unmatched "(" it sits in; parentheses closed before ``pos`` are skipped."""
    depth = 0
    stop = max(0, pos - _SCAN)
    i = pos - 1
    while i >= stop:
        c = text[i]
        if c == "\n" and not _soft_wrap(text, i):
            return i + 1, False
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return i + 1, True
            depth -= 1
        elif depth == 0 and (c in ";:" or (c == "." and (i + 1 >= len(text) or text[i + 1] in " \t"))):
            return i + 1, False
        i -= 1
    return stop, False


def clause_end(text: str, pos: int, in_paren: bool = False) -> int:
    """End of the clause from ``pos``: the next ; . or line break outside parentheses (or the
    ")" closing the one it is in)."""
    depth = 0
    stop = min(len(text), pos + _SCAN)
    i = pos
    while i < stop:
        c = text[i]
        if c == "\n" and not _soft_wrap(text, i):
            return i
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i if in_paren else i
            depth -= 1
        elif depth == 0 and (c == ";" or (c == "." and (i + 1 >= len(text) or text[i + 1] in " \t\n"))):
            return i
        i += 1
    return stop


def _trim(text: str, lo: int, hi: int) -> tuple:
    """Shrink [lo, hi) past white space, list markers and trailing commas."""
    m = _MARKER_RE.match(text, lo, hi)
    if m:
        lo = m.end()
    while lo < hi and text[lo] in " \t,":
        lo += 1
    while hi > lo and text[hi - 1] in " \t,;:.":
        hi -= 1
    return lo, hi


# --- sections ----------------------------------------------------------------------------------

class _Sections:
    """Deepest section at a position, by bisection (documents may have thousands of items)."""

    def __init__(self, doc: Document):
        rows: list = []

        def visit(sec, skipped, top):
            skip = skipped or sec.kind in _SKIP_KINDS
            if sec.span:
                rows.append((sec.span[0], sec.span[1], sec, skip, top))
            for ch in sec.children:
                visit(ch, skip, top)

        for s in doc.sections:
            visit(s, False, s.kind)
        rows.sort(key=lambda r: r[0])  # stable: a parent stays before a child starting with it
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def top_kind(self, pos: int) -> Optional[str]:
        """The kind of the top-level section holding ``pos`` (objectives, tasks ...)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        for _ in range(64):
            if i < 0:
                break
            r = self.rows[i]
            if r[0] <= pos < r[1]:
                return r[4]
            i -= 1
        return None

    def at(self, pos: int) -> tuple:
        """(section, skipped) of the deepest section holding ``pos``; (None, False) if none."""
        i = bisect.bisect_right(self.starts, pos) - 1
        for _ in range(64):  # nested spans: the last one started that still runs is the deepest
            if i < 0:
                break
            r = self.rows[i]
            if r[0] <= pos < r[1]:
                return r[2], r[3]
            i -= 1
        return None, False


def _outside(doc: Document, pos: int) -> bool:
    """In the footer, or in the preamble of a document that has an outline."""
    if doc.footer and doc.footer[0] <= pos < doc.footer[1]:
        return True
    return bool(doc.sections) and bool(doc.preamble) and doc.preamble[0] <= pos < doc.preamble[1]
