"""Deadlines written in blocks: the time column of a task table, a labelled time line."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..lang import vocab
from ..lang.text import fold
from ..lang.timex import Timex, find_timexes, normalize
from ..lang.patterns import SHORT_GAP, alternation
from ..model import Deadline, Document
from ..lang.markers import read_marker
from ..lang.sections import SectionIndex
from .deadline_text import Candidate, Drop, _trim

_V = vocab.load("time")["deadlines"]
# "- Thời gian thực hiện: Quý III/2025" at any numbering ("+", "a)", "3.", "2.1."); on a numbered
# line a period of years is the plan's own ("3. Thời gian thực hiện: 2025-2030"), not a task's.
_FIELD_RE = re.compile(
    rf"[ \t]*(?:[-+•*–]\s*|[a-zđ]\)\s*|(?P<num>(?:\d{{1,2}}\.){{1,3}}|\d{{1,2}}\)|[IVX]{{1,4}}\.)\s*)?"
    rf"[*_]{{0,2}}(?P<label>{alternation(_V['field_labels'], SHORT_GAP)})[*_]{{0,2}}[ \t]*:[*_]{{0,2}}[ \t]*(?P<value>[^\n]*)",
    re.I)
# First words of the labels, searched literally (fast) in the lower-cased text.
_FIELD_HEADS = sorted({fold(w).split()[0] for w in _V["field_labels"]})
_TABLE_CELL_CLEAN = re.compile(r"[*_`]+")
_TIME_HEADERS = {fold(h) for h in _V["table_time_headers"]}
_TASK_HEADERS = [fold(h) for h in _V["table_task_headers"]]


def _header_start() -> Optional[re.Pattern]:
    """How a cell that folds to a time header must begin: the header's first two letters, when
    ASCII, in either case, after blanks, ":", "." and markup (only "X" and "x" fold to "x"; not
    so for "k", the Kelvin sign folds to it too; "İ" folds to "i" and a dot no header holds).
    Folding every cell of a long table is slow; this test is cheap. None: no test."""
    starts = set()
    for h in _TIME_HEADERS:
        lead = re.match(r"[a-jl-z]{0,2}", h).group(0)
        if not lead:
            return None
        starts.add("[*_`]*".join(f"[{c}{c.upper()}]" for c in lead))
    return re.compile(r"[\s:.*_`]*(?:" + "|".join(sorted(starts)) + ")")


_HEADER_START = _header_start()


def _header_cols(cells: list) -> Optional[tuple]:
    """(time column, task column) when ``cells`` are a header row with a time column, else None."""
    for k, c in enumerate(cells):
        if _HEADER_START is not None and _HEADER_START.match(c) is None:
            continue  # cannot fold to a time header
        if fold(_TABLE_CELL_CLEAN.sub("", c)).strip(" :.") in _TIME_HEADERS:
            keys = [fold(_TABLE_CELL_CLEAN.sub("", c)).strip(" :.") for c in cells]
            return k, next((j for j, c in enumerate(keys) if any(h in c for h in _TASK_HEADERS)), None)
    return None


def table_deadlines(doc: Document, ref: Optional[date]) -> list:
    """Deadlines read from the time column of markdown task tables ("| ... | Quý III/2025 |")."""
    text = doc.text
    out: list = []
    if "|" not in text:
        return out
    time_col = task_col = None
    pos = 0
    for line in text.split("\n"):
        lo = pos
        pos += len(line) + 1
        s = line.strip()
        if not s.startswith("|"):
            time_col = task_col = None
            continue
        cells, offs = [], []
        i = line.index("|")
        while True:
            j = line.find("|", i + 1)
            if j < 0:
                break
            cells.append(line[i + 1:j])
            offs.append(lo + i + 1)
            i = j
        cols = _header_cols(cells)
        if cols is not None:
            time_col, task_col = cols
            continue
        if time_col is None or time_col >= len(cells):
            continue
        cell = cells[time_col]
        t = normalize(cell, ref)
        if t is None or not (t.due or t.recurrence):
            continue
        c0, c1 = _trim(text, offs[time_col], offs[time_col] + len(cell))
        tc = task_col
        if tc is None or tc >= len(cells):
            tc = max((k for k in range(len(cells)) if k != time_col), key=lambda k: len(cells[k]), default=None)
        task, lo, hi = "", c0, c1
        if tc is not None and tc != time_col:
            k0, k1 = _trim(text, offs[tc], offs[tc] + len(cells[tc]))
            task = text[k0:k1]
            if task:
                lo, hi = min(lo, k0), max(hi, k1)
        # the row says what is due when: "Xây dựng kế hoạch ... - Quý II/2025"
        label = f"{task} - {text[c0:c1]}" if task else text[c0:c1]
        d = Deadline(text=label, due=t.due, period_start=t.period_start,
                     recurrence=t.recurrence, task=task or None, span=[lo, hi])
        out.append(Candidate(Timex(text=text[c0:c1], span=[c0, c1], kind="table"), None, d))
    return out


def field_deadlines(doc: Document, ref: Optional[date], secs: SectionIndex, low: Optional[str] = None) -> list:
    """"- Thời gian thực hiện: Quý III/2025", "+ Thời hạn ban hành: trước ngày 01/01/2026"
    (``low``: the text lower-cased, when the caller has it)."""
    text = doc.text
    out: list = []
    low = text.lower() if low is None else low
    if len(low) != len(text):
        low = text
    campaign = None  # read from the title once a labelled line needs it
    starts = set()
    for head in _FIELD_HEADS:
        i = low.find(head)
        while i >= 0:
            starts.add(text.rfind("\n", max(0, i - 200), i) + 1 or max(0, i - 200))
            i = low.find(head, i + 1)
    for st in sorted(starts):
        m = _FIELD_RE.match(text, st)
        if m is None:
            continue
        value = m.group("value")
        t = normalize(value, ref)
        if t is None or not (t.due or t.recurrence or t.period_start):
            continue
        lo, hi = _trim(text, m.start(), m.end())
        cand = Timex(text=text[lo:hi], span=[lo, hi], kind="field")
        if campaign is None:
            campaign = _campaign(doc, ref)
        reason = _field_drop(t, bool(m.group("num")), campaign)
        if reason is not None:
            out.append(Candidate(cand, reason))
            continue
        out.append(Candidate(cand, None, Deadline(
            text=text[lo:hi], due=t.due, period_start=t.period_start, recurrence=t.recurrence,
            task=_item_heading(doc, m.start(), secs), span=[lo, hi])))
    return out


def _campaign(doc: Document, ref: Optional[date]) -> set:
    """(start, due) of the periods named in the title: the plan's own campaign period."""
    title = getattr(doc.metadata, "title", None) or ""
    return {(t.period_start, t.due) for t in find_timexes(title, ref) if t.period_start and t.due}


def _field_drop(t: Timex, numbered: bool, campaign: set) -> Optional[Drop]:
    """Why a labelled time line is no deadline of its task, if it is not."""
    if t.due is None and t.recurrence is None:
        return Drop.OPEN_ENDED  # "năm 2025 và các năm tiếp theo", "Từ 01/7/2025"
    if (t.period_start, t.due) in campaign:
        return Drop.PLAN_PERIOD
    if numbered and _years_period(t):
        return Drop.PLAN_PERIOD
    return None


def _years_period(t: Timex) -> bool:
    """A period over several years, or one with no end: on a numbered line, the plan's own."""
    if t.recurrence:
        return False
    if t.due is None:
        return True
    return t.period_start is not None and t.period_start[:4] != t.due[:4]


def _item_heading(doc: Document, pos: int, secs: SectionIndex) -> Optional[str]:
    """The heading of the item a labelled line belongs to (the deepest section holding it)."""
    sec = secs.at(pos)
    if sec is not None and sec.heading:
        return sec.heading
    # no outline: the last numbered line above (a few lines up at most)
    text = doc.text
    floor = max(0, pos - 2000)
    start = text.rfind("\n", floor, pos)  # the end of the line above
    for _ in range(20):
        if start < 0:
            break
        prev = text.rfind("\n", floor, start)
        line = text[prev + 1:start]
        mk = read_marker(line)
        core = line[:mk.end].rstrip() if mk else ""
        if mk and mk.style in ("arabic", "decimal") and core[-1:] in (".", ")", "-") and len(core) < mk.end:
            return line[mk.end:].strip() or None  # "2. Tuyên truyền ...", "2.1. ...": numbered
        start = prev
    return None
