"""Deadlines: the time constraints on tasks, and the cadences of reporting.

A time expression is a deadline only where the text puts it on a task: a parenthesised
"(hoàn thành trong quý I/2024)", "xong trong tháng 10/2019", "trước ngày 30/6/2024", a
"Thời gian thực hiện: Quý III/2025" line, the time column of a task table, or a cadence that
governs a reporting clause ("định kỳ hằng năm báo cáo kết quả ..."). Target years ("đến năm
2030"), dates of cited documents, periods in a strategy's name ("giai đoạn 2021-2030") and the
narrative of the situation section are not deadlines.
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Optional

from ..lang import vocab
from ..model import Deadline, Document
from ..lang.text import fold
from ..lang.timex import Timex, find_timexes, normalize, parse_iso
from ..lang.timex_patterns import _words

_V = vocab.load("time")["deadlines"]
_S = r"[\s_]{0,3}"

_COMPLETION_RE = re.compile(rf"(?<![^\W_]){_words(_V['completion_verbs'])}(?![^\W_])", re.I)
_REPORT_RE = re.compile(rf"(?<![^\W_]){_words(_V['report_words'])}(?![^\W_])", re.I)
_PERIODIC_RE = re.compile(rf"(?<![^\W_]){_words(vocab.load('time')['periodic_words'])}(?![^\W_])", re.I)
# "- Thời gian thực hiện: Quý III/2025" ("+", "a)", "*" also open such a line; "3." does not:
# a numbered heading "3. Thời gian thực hiện: 2025-2030" is the plan's own period).
_FIELD_RE = re.compile(
    rf"[ \t]*(?:[-+•*–]\s*|[a-zđ]\)\s*)?(?P<label>{_words(_V['field_labels'])})[ \t]*:[ \t]*(?P<value>[^\n]*)",
    re.I)
# First words of the labels, searched literally (fast) in the lower-cased text.
_FIELD_HEADS = sorted({fold(w).split()[0] for w in _V["field_labels"]})
_MARKER_RE = re.compile(r"\s*(?:[-+•*–]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|\d{1,3}-(?=\s)|[IVXLC]+[.-])\s*", re.I)
_TABLE_CELL_CLEAN = re.compile(r"[*_`]+")
_TIME_HEADERS = {fold(h) for h in _V["table_time_headers"]}
_TASK_HEADERS = [fold(h) for h in _V["table_task_headers"]]
_SKIP_KINDS = set(_V["skip_kinds"])
_SCAN = 600  # longest clause looked at, both ways (keeps every scan bounded)


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
    """(start, opened_by_paren) of the clause holding ``pos``: after the last ; . : or line
    break, or the unmatched "(" it sits in; parentheses closed before ``pos`` are skipped."""
    depth = 0
    stop = max(0, pos - _SCAN)
    i = pos - 1
    while i >= stop:
        c = text[i]
        if c == "\n":
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
        if c == "\n":
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

        def visit(sec, skipped):
            skip = skipped or sec.kind in _SKIP_KINDS
            if sec.span:
                rows.append((sec.span[0], sec.span[1], sec, skip))
            for ch in sec.children:
                visit(ch, skip)

        for s in doc.sections:
            visit(s, False)
        rows.sort(key=lambda r: r[0])  # stable: a parent stays before a child starting with it
        self.rows = rows
        self.starts = [r[0] for r in rows]

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


# --- the rules ---------------------------------------------------------------------------------

def _is_completion(text: str, t: Timex) -> Optional[tuple]:
    """If ``t`` constrains a task, (clause start, in parentheses); else None."""
    if t.due is None or t.kind in ("since", "open", "until"):
        return None
    start, paren = clause_start(text, t.span[0])
    before = text[start:t.span[0]]
    if t.cue_kind == "strong":
        return start, paren
    if t.cue_kind == "within" or (t.cue is None and paren):
        if t.cue is None:
            # "(Quý III/2025)", "(hoàn thành quý I/2024)": nothing but completion words before it
            if before.strip() and not _COMPLETION_RE.search(before):
                return None
            if t.kind in ("year", "range") and not _COMPLETION_RE.search(before):
                return None  # "(2020 - 2025)", "(2025)": a period named, not a deadline
            if clause_end(text, t.span[1], True) > t.span[1] + 2:
                return None
            return start, paren
        if t.kind in ("date", "month", "quarter", "half"):
            return start, paren
        if t.kind == "year" and _COMPLETION_RE.search(before[-60:]):
            return start, paren
    return None


def _report_cadence(text: str, t: Timex) -> Optional[tuple]:
    """If cadence ``t`` governs a reporting clause, (text start, clause end, task start)."""
    start, paren = clause_start(text, t.span[0])
    end = clause_end(text, t.span[1], paren)
    before = text[start:t.span[0]]
    after = text[t.span[1]:end]
    head = t.span[0]
    pm = None
    for pm in _PERIODIC_RE.finditer(before[-60:]):
        pass
    if pm is not None and _PERIODIC_RE.search(t.text) is None:
        head = t.span[0] - len(before[-60:]) + pm.start()  # "định kỳ trước ngày 30/11 hàng năm"
    rm = _REPORT_RE.search(after[:80])
    if rm is not None:
        lead = text[start:head]
        lo, _ = _trim(text, start, head) if lead.strip() else (head, head)
        ok = (not text[lo:head].strip() or text[lo:head].rstrip().endswith((",", "và", "đồng thời"))
              or pm is not None or _PERIODIC_RE.search(t.text) is not None)
        if ok:
            return head, end, t.span[1] + rm.start()
    if _REPORT_RE.search(before[-30:]) is not None:  # "báo cáo định kỳ 6 tháng"
        rb = list(_REPORT_RE.finditer(before[-30:]))[-1]
        head = t.span[0] - len(before[-30:]) + rb.start()
        return head, end, head
    return None


def _table_deadlines(doc: Document, ref: Optional[date]) -> list:
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
        keys = [fold(_TABLE_CELL_CLEAN.sub("", c)).strip(" :.") for c in cells]
        hdr = next((k for k, c in enumerate(keys) if c in _TIME_HEADERS), None)
        if hdr is not None:
            time_col = hdr
            task_col = next((k for k, c in enumerate(keys) if any(h in c for h in _TASK_HEADERS)), None)
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
        out.append(Deadline(text=label, due=t.due, period_start=t.period_start,
                            recurrence=t.recurrence, task=task or None, span=[lo, hi]))
    return out


def _field_deadlines(doc: Document, ref: Optional[date], secs: "_Sections") -> list:
    """"- Thời gian thực hiện: Quý III/2025", "+ Thời hạn ban hành: trước ngày 01/01/2026"."""
    text = doc.text
    out: list = []
    low = text.lower()
    if len(low) != len(text):
        low = text
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
        out.append(Deadline(text=text[lo:hi], due=t.due, period_start=t.period_start,
                            recurrence=t.recurrence, task=_item_heading(doc, m.start(), secs), span=[lo, hi]))
    return out


def _item_heading(doc: Document, pos: int, secs: "_Sections") -> Optional[str]:
    """The heading of the item a labelled line belongs to (the deepest section holding it)."""
    sec, _ = secs.at(pos)
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
        if re.match(r"\s*\d+(?:\.\d+)*[.)-]\s", line):
            return _MARKER_RE.sub("", line, count=1).strip() or None
        start = prev
    return None


def extract_deadlines(doc: Document) -> list:
    """Every time constraint on a task in ``doc``, in reading order."""
    text = doc.text or ""
    if not text:
        return []
    ref = reference_date(doc)
    secs = _Sections(doc)
    found = _table_deadlines(doc, ref)
    n_table = len(found)
    found += _field_deadlines(doc, ref, secs)
    blocks = sorted(d.span for d in found)  # table cells and labelled lines, in order
    block_starts = [b[0] for b in blocks]

    def in_block(span) -> bool:
        i = bisect.bisect_right(block_starts, span[0]) - 1
        return i >= 0 and blocks[i][1] > span[0]

    timexes = [t for t in find_timexes(text, ref) if not in_block(t.span)]
    starts = [t.span[0] for t in timexes]
    used: set = set()  # indexes of timexes already read into a deadline
    reported: set = set()
    # cadences of reporting first: a date in their clause is their first due date
    for k, t in enumerate(timexes):
        if not t.recurrence or k in used or _outside(doc, t.span[0]):
            continue
        hit = _report_cadence(text, t)
        if hit is None:
            continue
        head, end, task_at = hit
        para = text.rfind("\n", max(0, head - _SCAN), head)
        key = (para if para >= 0 else -1 - head // _SCAN, t.recurrence)
        if key in reported:
            continue
        reported.add(key)
        due = None
        task_end = end
        for j in range(bisect.bisect_left(starts, head), bisect.bisect_left(starts, end)):
            u = timexes[j]
            used.add(j)
            if due is None and u.due and u.cue_kind == "strong":
                due = u.due
                if u.span[0] > task_at:
                    task_end = u.span[0]  # "báo cáo ... chậm nhất ngày 17 tháng 12"
        lo, hi = _trim(text, head, end)
        tlo, thi = _trim(text, task_at, task_end)
        found.append(Deadline(text=text[lo:hi], due=due, recurrence=t.recurrence,
                              task=text[tlo:thi] or None, span=[lo, hi]))
    ref_iso = ref.isoformat() if ref is not None else None
    last_end = -1  # end of the last completion taken (chained clauses of one sentence)
    for k, t in enumerate(timexes):
        if t.recurrence or k in used or t.due is None or _outside(doc, t.span[0]):
            continue
        if ref_iso is not None and t.year_given and t.due < ref_iso:
            continue  # before the document itself: narrative, not a constraint
        hit = _is_completion(text, t)
        if hit is None:
            continue
        start, paren = hit
        if start < last_end <= t.span[0]:
            # "sơ kết giữa kỳ vào năm 2025, tổng kết vào năm 2030": the second starts after the first
            comma = text.find(",", last_end, t.span[0])
            if comma >= 0:
                start = comma + 1
        last_end = t.span[1]
        lo, hi = _trim(text, start, t.span[1])
        if paren:
            ts, _ = clause_start(text, start - 1)
            task_lo, task_hi = _trim(text, ts, start - 1)
        else:
            task_lo, task_hi = _trim(text, start, t.span[0])
        start_iso = t.period_start
        if start_iso is None:  # "Từ tháng 1/2010 ... trước 30/9/2010": the clause opens the period
            for j in range(bisect.bisect_left(starts, lo), k):
                u = timexes[j]
                if u.kind == "since" and u.period_start and u.period_start <= t.due:
                    start_iso = u.period_start
                    break
        found.append(Deadline(text=text[lo:hi], due=t.due, period_start=start_iso,
                              task=text[task_lo:task_hi] or None, span=[lo, hi]))
    result = []
    for n, d in enumerate(found):
        sec, skipped = secs.at(d.span[0])
        # a task table is one wherever it stands (appendices often follow the signature)
        if n >= n_table and (skipped or _outside(doc, d.span[0])):
            continue
        d.section = sec.id if sec is not None else None
        result.append(d)
    result.sort(key=lambda d: d.span[0])
    return result


def apply(doc: Document) -> None:
    doc.deadlines = extract_deadlines(doc)
