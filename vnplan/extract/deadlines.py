"""Deadlines: the time constraints on tasks, and their cadences.

Every time expression outside the table and labelled-line blocks is a candidate; the rules in
``deadline_rules`` keep it or drop it for a named reason (``Drop``): a target's horizon, a cited
document's date, the plan's own period, the object of a task, a budget year, narrative.
``candidates(doc)`` shows every decision; ``extract_deadlines(doc)`` keeps the deadlines.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..lang.timex import Timex, find_timexes
from ..model import Deadline, Document
from .deadline_blocks import field_deadlines, table_deadlines
from .deadline_rules import (Clause, clause_of, judge_cadence, judge_dated, report_cadence)
from ..lang.sections import SectionIndex
from .deadline_text import (_SCAN, Candidate, Drop, _outside, _trim, clause_start, reference_date, skipped,
                            top_kind)

__all__ = ["Candidate", "Drop", "candidates", "clause_start", "extract_deadlines", "reference_date"]
_LIST_GAPS = {",", "và", "hoặc", ", và", ";"}


@dataclass
class _Ctx:
    doc: Document
    text: str
    ref_iso: Optional[str]
    secs: SectionIndex
    targets: list  # sorted spans of the targets found before (targets run first)


def _merge_lists(text: str, timexes: list) -> list:
    """"Quý II/2026, Quý IV/2026", "vào tháng 3 và tháng 9 năm 2026": one time, due the last."""
    out: list = []
    for t in timexes:
        prev = out[-1] if out else None
        if (prev is not None and prev.due and t.due and not prev.recurrence and not t.recurrence
                and t.cue in (None, prev.cue) and prev.kind not in ("since", "open") and t.due >= prev.due):
            gap = text[prev.span[1]:t.span[0]]
            if len(gap) <= 8 and " ".join(gap.split()) in _LIST_GAPS:
                lo = prev.period_start or prev.due
                out[-1] = Timex(text=text[prev.span[0]:t.span[1]], span=[prev.span[0], t.span[1]], due=t.due,
                                period_start=min(lo, t.period_start or t.due), kind=prev.kind, cue=prev.cue,
                                cue_kind=prev.cue_kind, year_given=t.year_given, parts=dict(prev.parts))
                continue
        out.append(t)
    return out


def _clause(ctx: _Ctx, t: Timex) -> Clause:
    """The clause of ``t``, told whether it (or the line below a time alone) holds a target."""
    c = clause_of(ctx.text, t)
    lo, hi = c.start, c.end
    if _heads_lines_below(c):
        nl = ctx.text.find("\n", hi, hi + 2)
        if nl >= 0:
            end = ctx.text.find("\n", nl + 1, nl + 1 + _SCAN)
            hi = end if end >= 0 else min(len(ctx.text), nl + 1 + _SCAN)
    i = bisect.bisect_left(ctx.targets, (lo,))
    c.targeted = (i < len(ctx.targets) and ctx.targets[i][0] < hi) or (i > 0 and ctx.targets[i - 1][1] > lo)
    return c


def _heads_lines_below(c: Clause) -> bool:
    """A time alone on its line, or after a short label ("Mục tiêu đến năm 2030:"), heads the
    lines below; a time that closes a task sentence ("- Hình thành X trong năm 2027.") does not."""
    return c.after.strip(" \t") in ("", ":") and len(c.before.split()) <= _HEAD_WORDS


_HEAD_WORDS = 3  # words of a label before a heading time


def _common_drop(ctx: _Ctx, t: Timex) -> Optional[Drop]:
    """Reasons that hold for any time expression: where it stands, and when."""
    if _outside(ctx.doc, t.span[0]):
        return Drop.OUTSIDE
    if skipped(ctx.secs, t.span[0]):
        return Drop.NARRATIVE
    if ctx.ref_iso is not None and t.year_given and t.due and t.due < ctx.ref_iso:
        return Drop.NARRATIVE  # before the document itself
    return None


def _cadences(ctx: _Ctx, timexes: list, used: set) -> list:
    """Cadences: of reporting clauses first (a date in their clause is their first due date),
    then on any task; one per task."""
    text, out, seen = ctx.text, [], set()
    starts = [t.span[0] for t in timexes]
    for k, t in enumerate(timexes):
        if not t.recurrence or k in used:
            continue
        reason = _common_drop(ctx, t)
        if reason is not None:  # where it stands decides: its clause is not read
            out.append(Candidate(t, reason))
            continue
        c = _clause(ctx, t)
        reason = judge_cadence(c, top_kind(ctx.secs, t.span[0]))
        # a reporting clause wins over what its object names ("báo cáo kết quả các chỉ tiêu hằng năm")
        hit = report_cadence(text, t, c) if reason in (None, Drop.YEARLY_NOUN, Drop.TARGET_HORIZON) else None
        if hit is not None:
            reason = None
            head, end, task_at = hit
        elif reason is None:
            head, end, task_at = t.span[0], t.span[1], t.span[1]
        if reason is None:
            para = text.rfind("\n", max(0, head - _SCAN), head) if hit else c.start
            key = (para if para >= 0 else -1 - head // _SCAN, t.recurrence)
            reason = Drop.SAME_TASK if key in seen else None
            seen.add(key)
        if reason is not None:
            out.append(Candidate(t, reason))
            continue
        due, task_end = None, (end if hit else c.end)
        for j in range(bisect.bisect_left(starts, head), bisect.bisect_left(starts, end)):
            u = timexes[j]
            if u.recurrence and u.recurrence != t.recurrence:
                continue  # "định kỳ 6 tháng, hằng năm báo cáo": each cadence is a deadline of its own
            used.add(j)
            if hit and due is None and u.due and u.cue_kind == "strong":
                due = u.due
                if u.span[0] > task_at:
                    task_end = u.span[0]  # "báo cáo ... chậm nhất ngày 17 tháng 12"
        if not hit:  # "Hằng năm, trong quý IV tổ chức kiểm tra": a yearless time is the cadence's own
            used.update(j for j in range(bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end))
                        if not timexes[j].year_given and not timexes[j].recurrence)
        lo, hi = _trim(text, head, end)
        tlo, thi = _trim(text, task_at, task_end)
        out.append(Candidate(t, None, Deadline(text=text[lo:hi], due=due, recurrence=t.recurrence,
                                                task=text[tlo:thi] or None, span=[lo, hi])))
    return out


def _dated_deadline(ctx: _Ctx, t: Timex, c: Clause, start: int, timexes: list, k: int) -> Deadline:
    text = ctx.text
    if c.head:  # "Năm 2026: <task>": the time alone, the task after it
        lo, hi = _trim(text, t.span[0], t.span[1])
        task_lo, task_hi = _trim(text, t.span[1], c.end)
        if text[task_lo:task_hi][:1] in (":", ","):
            task_lo, task_hi = _trim(text, task_lo + 1, task_hi)
    else:
        lo, hi = _trim(text, start, t.span[1])
        if c.paren:
            ts, _ = clause_start(text, start - 1)
            task_lo, task_hi = _trim(text, ts, start - 1)
        else:
            task_lo, task_hi = _trim(text, start, t.span[0])
    start_iso = t.period_start
    if start_iso is None:  # "Từ tháng 1/2010 ... trước 30/9/2010": the clause opens the period
        start_iso = next((u.period_start for u in timexes[:k] if u.span[0] >= lo and u.kind == "since"
                          and u.period_start and u.period_start <= t.due), None)
    return Deadline(text=text[lo:hi], due=t.due, period_start=start_iso,
                    task=text[task_lo:task_hi] or None, span=[lo, hi])


def _dated(ctx: _Ctx, timexes: list, used: set) -> list:
    """Dated expressions: each kept or dropped by ``judge_dated``."""
    out: list = []
    last_end, last_due = -1, None  # the last deadline kept (chained clauses of one sentence)
    for k, t in enumerate(timexes):
        if t.recurrence or k in used:
            continue
        if t.due is None:
            out.append(Candidate(t, Drop.OPEN_ENDED if t.period_start else Drop.NO_DATE))
            continue
        common = _common_drop(ctx, t)
        if common is not None and last_due != t.due:  # only SAME_TASK (below) could come first
            out.append(Candidate(t, common))
            continue
        c = _clause(ctx, t)
        # right after a comma or "và" that follows the last deadline of this clause
        after_prev = c.start < last_end <= t.span[0]
        chained = after_prev and ctx.text[last_end:t.span[0]].rstrip().endswith((",", " và"))
        if chained and last_due == t.due:
            out.append(Candidate(t, Drop.SAME_TASK))
            continue
        reason = common or judge_dated(ctx.text, t, c, top_kind(ctx.secs, t.span[0]), chained)
        if reason is not None:
            out.append(Candidate(t, reason))
            continue
        start = c.start
        if after_prev:  # "sơ kết vào năm 2025, tổng kết vào năm 2030": the second after the first
            comma = ctx.text.rfind(",", last_end, t.span[0])
            start = comma + 1 if comma >= 0 else last_end
        if c.start < last_end and last_due == t.due:
            out.append(Candidate(t, Drop.SAME_TASK))  # the same time said twice of one task
            continue
        last_end, last_due = t.span[1], t.due
        out.append(Candidate(t, None, _dated_deadline(ctx, t, c, start, timexes, k)))
    return out


def candidates(doc: Document) -> list:
    """Every time expression of ``doc`` as a Candidate: kept (with its Deadline) or dropped (with
    its reason); table cells and labelled lines come as kept candidates, in reading order."""
    text = doc.text or ""
    if not text:
        return []
    ref = reference_date(doc)
    secs = SectionIndex(doc.sections)
    low = text.lower()  # lower-cased once, for the labelled lines and the time reader
    blocks = table_deadlines(doc, ref) + field_deadlines(doc, ref, secs, low)
    spans = sorted(c.deadline.span if c.deadline is not None else c.timex.span for c in blocks)
    span_starts = [b[0] for b in spans]

    def in_block(span) -> bool:
        i = bisect.bisect_right(span_starts, span[0]) - 1
        return i >= 0 and spans[i][1] > span[0]

    timexes = _merge_lists(text, [t for t in find_timexes(text, ref, low) if not in_block(t.span)])
    tspans = sorted(tuple(x.span) for x in (doc.targets or []) if getattr(x, "span", None))
    ctx = _Ctx(doc, text, ref.isoformat() if isinstance(ref, date) else None, secs, tspans)
    used: set = set()
    found = blocks + _cadences(ctx, timexes, used) + _dated(ctx, timexes, used)
    for cand in found:
        d = cand.deadline
        if d is None:
            continue
        sec = secs.at(d.span[0])
        # a task table is one wherever it stands (appendices often follow the signature)
        if cand.timex.kind != "table" and (skipped(secs, d.span[0]) or _outside(doc, d.span[0])):
            cand.reason, cand.deadline = Drop.OUTSIDE if _outside(doc, d.span[0]) else Drop.NARRATIVE, None
            continue
        d.section = sec.id if sec is not None else None
    found.sort(key=lambda c: c.timex.span[0])
    return found


def extract_deadlines(doc: Document) -> list:
    """Every time constraint on a task in ``doc``, in reading order."""
    kept = [c.deadline for c in candidates(doc) if c.reason is None and c.deadline is not None]
    kept.sort(key=lambda d: d.span[0])
    return kept


def apply(doc: Document) -> None:
    doc.deadlines = extract_deadlines(doc)
