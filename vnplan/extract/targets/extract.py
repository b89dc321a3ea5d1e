"""The walk over a document's regions, lines and clauses that collects targets and figures."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...model import Document, Figure, Target
from .clauses import is_milestone, _commitment_end, _drop_dependants, _indicator, _is_outcome, _is_spec, _primary, _trim, segments, sentences
from .cues import _COMMIT, _CUES_BY_BITS, _Cues, _TextIndex, _cue_bits, _decide, _own_year, _recurrent
from .quantities import Quantity, _candidate_lines, find_quantities
from .regions import _Region, _doc_year, _horizon, _lead_year, _lower, _regions
from .tables import _TableHead, _table_head, _table_items
from .words import MAX_ITEMS, MAX_QUANTITIES, _DIGIT, _LEAD_IN, _WINDOW

# How far back a milestone reads on to the target said before it (bounds long lists).
_MILESTONE_REACH = 400


@dataclass
class _Sentence:
    """The sentence (through ";") around a clause: its cue words and year, read once per
    sentence, and the window they were read in."""

    start: int = -1
    cues: Optional[_Cues] = None
    year: Optional[int] = None
    win: tuple = (0, 0)


class _Walk:
    """One pass over a document: regions, candidate lines, sentences, clauses, figures.

    Holds what the passes share (the text, its cue index, the items found) so that each
    step is a short method; stops when a pathological input reaches the item caps.
    """

    def __init__(self, doc: Document) -> None:
        self.text = doc.text or ""
        self.low = _lower(self.text)
        self.doc_year = _doc_year(doc)
        self.index = _TextIndex(self.low)
        self.horizon = _horizon(doc)
        self.targets: list = []
        self.figures: list = []
        self.n_read = 0
        self.table: Optional[_TableHead] = None
        self.region: Optional[_Region] = None
        self.lead: Optional[tuple] = None  # (year,) once the region's lead sentence is read
        self.prev_start: Optional[int] = None  # of the clause's last target: a milestone reads on
        self.stated: set = set()  # (value, value_max, year) of the targets of the body

    def full(self) -> bool:
        return len(self.targets) >= MAX_ITEMS or len(self.figures) >= MAX_ITEMS

    def run(self, doc: Document) -> tuple:
        foot = doc.footer[0] if doc.footer else len(self.text)
        for region in _regions(doc):
            r_end = min(region.end, foot)
            if r_end <= region.start:
                continue
            self.region, self.lead = region, None
            for line_s, line_e in _candidate_lines(self.low, region.start, r_end):
                if self.low.startswith("|", line_s) and self._table_row(line_s, line_e):
                    continue
                if self._line(line_s, line_e):
                    return self.targets, self.figures
        return self.targets, self.figures

    def _table_row(self, line_s: int, line_e: int) -> bool:
        """Read a row of a table with year columns; False when the row is no such row."""
        self.table = _table_head(self.low, line_s, line_e, self.table)
        if self.table is None or not self.table.years:
            return False
        region, text = self.region, self.text
        if region.role == "other" and not self.table.goals:
            return True  # a budget or schedule table of a task: no goals
        for (ia, ib), q, year, unit in _table_items(text, self.low, line_s, line_e, self.table):
            if self.full():
                return True
            te = max(ib, q.end)
            if region.role == "situation" or (region.role == "report" and self.doc_year and year < self.doc_year):
                self.figures.append(Figure(text=text[ia:te], value=q.value, unit=unit, counted=text[ia:ib],
                                           section=region.section, span=[ia, te]))
            else:
                self._add(Target(
                    text=text[ia:te], value=q.value, value_max=q.value_max, unit=unit,
                    comparator=q.comparator, year=year, indicator=text[ia:ib],
                    recurrence=None, section=region.section, span=[ia, te]))
        return True

    def _add(self, t: Target) -> bool:
        """Keep a target, unless an appendix restates one of the body (same value and year)."""
        key = (t.value, t.value_max, t.year)
        if self.region.appendix:
            if key in self.stated:
                return False
        else:
            self.stated.add(key)
        self.targets.append(t)
        return True

    def _line(self, line_s: int, line_e: int) -> bool:
        """Read the sentences of one line; True when the caps stop the walk."""
        sent, last_s = _Sentence(), line_s
        for s_s, s_e in sentences(self.text, line_s, line_e):
            if self.full():
                return True
            qs_all = find_quantities(self.text, self.low, s_s, s_e)
            if not qs_all:
                continue
            self.n_read += len(qs_all)
            if self.n_read > MAX_QUANTITIES:
                return True
            if len(qs_all) >= MAX_ITEMS:
                s_e = min(s_e, qs_all[-1].end + _WINDOW)
            # The whole sentence (through ";") for cue words and the clause-level year.
            dot = self.low.rfind(".", last_s, s_s)  # from the previous clause on: linear
            fs = dot + 1 if dot >= 0 else sent.start if sent.start >= 0 else line_s
            last_s = s_s
            if fs != sent.start:
                sent = self._sentence(fs, s_s, s_e, line_e)
            self._clause(s_s, s_e, qs_all, sent)
        return False

    def _sentence(self, fs: int, s_s: int, s_e: int, line_e: int) -> _Sentence:
        full_end = self.low.find(".", s_e, line_e)
        full_end = line_e if full_end < 0 else full_end
        win = (max(fs, s_s - _WINDOW), min(full_end, s_s + _WINDOW))
        cues = self.index.cues(*win) if self.region.role != "situation" else None
        return _Sentence(fs, cues, self.index.year(*win), win)

    def _clause(self, s_s: int, s_e: int, qs_all: list, sent: _Sentence) -> None:
        """Split one ";"-clause among its figures and read each part."""
        low, region = self.low, self.region
        prim = _drop_dependants(low, _primary(low, qs_all))
        sent_cues = (self.index.cues(max(s_s, qs_all[0].start - _WINDOW), min(s_e, qs_all[-1].end + _WINDOW))
                     if region.role == "target" else sent.cues)
        j = 0
        for seg in segments(low, s_s, s_e, prim):
            while j < len(prim) and prim[j].num_start < seg[0]:
                j += 1
            k = j
            while k < len(prim) and prim[k].num_start < seg[1]:
                k += 1
            in_seg, j = prim[j:k], k
            if not in_seg:
                continue
            ts0, te0 = _trim(self.text, max(seg[0], in_seg[0].start - _WINDOW),
                             min(seg[1], in_seg[-1].end + _WINDOW))
            if te0 > ts0:
                self._segment(in_seg, ts0, te0, s_s, sent, sent_cues)
        self.prev_start = None

    def _segment(self, in_seg: list, ts0: int, te0: int, s_s: int, sent: _Sentence,
                 sent_cues: Optional[_Cues]) -> None:
        """Decide each figure of one part of a clause: target, figure or neither."""
        low, region = self.low, self.region
        seg_low = low[ts0:te0]
        seg_cues = None if region.role == "situation" else self.index.cues(ts0, te0)
        seg_year = self.index.year(ts0, te0)
        seen: set = set()
        for q in in_seg:
            if (q.value, q.value_max) in seen:
                continue  # "10 Gigabit mỗi giây (10 Gbps)": one figure said twice
            seen.add((q.value, q.value_max))
            year = seg_year or (_own_year(low, q, ts0, te0, self.doc_year)
                                if region.role == "target" or (sent_cues and sent_cues.commit)
                                else None) or sent.year
            outcome = region.tasks and region.role == "other" and _is_outcome(low, q, ts0, te0)
            q_cues = sent_cues
            if (region.role == "other" and sent_cues is sent.cues and sent.cues.commit
                    and not self.index.commits(*sent.win, q.start)):
                q_cues = _CUES_BY_BITS[_cue_bits(sent.cues) & ~_COMMIT]
            kind = _decide(region.role, q_cues, seg_cues, q, year, self.doc_year, seg_low, outcome)
            if kind == "target" and _is_spec(low, q, ts0, seg_cues):
                continue
            if kind == "figure":
                self.figures.append(Figure(text=self.text[ts0:te0], value=q.value, unit=q.unit,
                                           counted=q.counted or _indicator(self.text, (ts0, te0), q),
                                           section=region.section, span=[ts0, te0]))
            elif kind == "target":
                t = self._target(q, ts0, te0, s_s, year or _own_year(low, q, ts0, te0, self.doc_year))
                if self._add(t):
                    self.prev_start = t.span[0]

    def _target(self, q: Quantity, ts0: int, te0: int, s_s: int, year: Optional[int]) -> Target:
        """The target of a figure: its clause trimmed to the commitment, its year."""
        text, low, region = self.text, self.low, self.region
        ts, te = ts0, te0
        lm = _LEAD_IN.match(low[ts0:te0])
        if lm and lm.end() < q.start - ts and _DIGIT.search(low, ts0, ts0 + lm.end()):
            ts, te = _trim(text, ts + lm.end(), te)
        cs = self.index.clause_start(ts, q.start)
        if cs > ts:  # "..., phấn đấu đạt 20% ...": the clause starts at the cue
            ts = cs
            # "... giai đoạn 2025 - 2030, phấn đấu ... 20% ... trong năm 2025"
            year = self.index.year(ts, te0) or year
        if self.prev_start is not None and ts - self.prev_start <= _MILESTONE_REACH and is_milestone(low, ts, q):
            ts = self.prev_start  # "..., năm 2018 đạt 99%": the indicator said before
        if year is None:
            year = region.year
        if year is None:
            if self.lead is None:
                self.lead = (_lead_year(low, region),)
            year = self.lead[0]
        if year is None:
            year = self.horizon
        recurrence = _recurrent(low, self.index, q, ts0, te0, s_s)
        te = _commitment_end(text, low, q, ts, te)
        return Target(text=text[ts:te], value=q.value, value_max=q.value_max, unit=q.unit,
                      comparator=q.comparator, year=year, indicator=_indicator(text, (ts, te), q),
                      recurrence=recurrence, section=region.section, span=[ts, te])


def extract_targets(doc: Document) -> tuple:
    """(targets, figures) of a document, in reading order."""
    if not doc.text:
        return [], []
    return _Walk(doc).run(doc)
