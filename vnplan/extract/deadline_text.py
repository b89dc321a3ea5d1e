"""Text helpers of the deadline reader: the reference date, clause bounds, sections."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Optional

from ..lang import clauses, vocab
from ..lang.sections import SectionIndex
from ..lang.timex import Timex, find_timexes, parse_iso
from ..model import Deadline, Document

_V = vocab.load("time")["deadlines"]
_MARKER_RE = re.compile(r"\s*(?:[-+•*–]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|\d{1,3}-(?=\s)|[IVXLC]+[.-])\s*", re.I)
_SKIP_KINDS = set(_V["skip_kinds"])
_SCAN = clauses.SCAN  # longest clause looked at, both ways (keeps every scan bounded)


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

def clause_start(text: str, pos: int) -> tuple:
    """(start, opened_by_paren) of the clause holding ``pos`` (``lang.clauses``, soft wraps kept)."""
    return clauses.clause_start(text, pos, soft_wraps=True)


def clause_end(text: str, pos: int) -> int:
    """End of the clause from ``pos`` (``lang.clauses``, soft wraps kept)."""
    return clauses.clause_end(text, pos, soft_wraps=True)


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

def top_kind(secs: SectionIndex, pos: int) -> Optional[str]:
    """The kind of the top-level section holding ``pos`` (objectives, tasks ...)."""
    chain = secs.chain(pos)
    return chain[0].kind if chain else None


def skipped(secs: SectionIndex, pos: int) -> bool:
    """In (or below) a section whose times are no deadlines (the situation part ...)."""
    return secs.within(pos, _SKIP_KINDS)


def _outside(doc: Document, pos: int) -> bool:
    """In the footer, or in the preamble of a document that has an outline."""
    if doc.footer and doc.footer[0] <= pos < doc.footer[1]:
        return True
    return bool(doc.sections) and bool(doc.preamble) and doc.preamble[0] <= pos < doc.preamble[1]
