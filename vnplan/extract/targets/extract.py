"""The walk over a document's regions, lines and clauses that collects targets and figures."""
from __future__ import annotations

from typing import Optional

from ...model import Document, Figure, Target
from .clauses import _commitment_end, _drop_dependants, _indicator, _is_outcome, _is_spec, _primary, _trim, segments, sentences
from .cues import _COMMIT, _CUES_BY_BITS, _TextIndex, _cue_bits, _decide, _own_year, _recurrent
from .quantities import _candidate_lines, find_quantities
from .regions import _doc_year, _horizon, _lead_year, _lower, _regions
from .tables import _TableHead, _table_head, _table_items
from .words import MAX_ITEMS, MAX_QUANTITIES, _DIGIT, _LEAD_IN, _WINDOW

def extract_targets(doc: Document) -> tuple:
    """(targets, figures) of a document, in reading order."""
    text = doc.text or ""
    if not text:
        return [], []
    low = _lower(text)
    doc_year = _doc_year(doc)
    foot = doc.footer[0] if doc.footer else len(text)
    targets: list = []
    figures: list = []
    index = _TextIndex(low)
    horizon = _horizon(doc)
    n_read = 0
    table: Optional[_TableHead] = None
    for region in _regions(doc):
        r_end = min(region.end, foot)
        if r_end <= region.start:
            continue
        lead_year: Optional[int] = None
        lead_done = False
        situation = region.role == "situation"
        for line_s, line_e in _candidate_lines(low, region.start, r_end):
            if low.startswith("|", line_s):
                table = _table_head(low, line_s, line_e, table)
                if table is not None and table.years:
                    for (ia, ib), q, year, unit in _table_items(text, low, line_s, line_e, table):
                        if len(targets) >= MAX_ITEMS or len(figures) >= MAX_ITEMS:
                            return targets, figures
                        te = max(ib, q.end)
                        if situation or (region.role == "report" and doc_year and year < doc_year):
                            figures.append(Figure(text=text[ia:te], value=q.value, unit=unit,
                                                  counted=text[ia:ib], section=region.section,
                                                  span=[ia, te]))
                        else:
                            targets.append(Target(
                                text=text[ia:te], value=q.value, value_max=q.value_max, unit=unit,
                                comparator=q.comparator, year=year, indicator=text[ia:ib],
                                recurrence=None, section=region.section, span=[ia, te]))
                    continue
            full_s, full_cues, full_year, last_s = -1, None, None, line_s
            for s_s, s_e in sentences(text, line_s, line_e):
                if len(targets) >= MAX_ITEMS or len(figures) >= MAX_ITEMS:
                    return targets, figures
                qs_all = find_quantities(text, low, s_s, s_e)
                if not qs_all:
                    continue
                n_read += len(qs_all)
                if n_read > MAX_QUANTITIES:
                    return targets, figures
                if len(qs_all) >= MAX_ITEMS:
                    s_e = min(s_e, qs_all[-1].end + _WINDOW)
                prim = _drop_dependants(low, _primary(low, qs_all))
                # The whole sentence (through ";") for cue words and the clause-level year.
                dot = low.rfind(".", last_s, s_s)  # from the previous clause on: linear
                fs = dot + 1 if dot >= 0 else full_s if full_s >= 0 else line_s
                last_s = s_s
                if fs != full_s:
                    full_s = fs
                    full_end = low.find(".", s_e, line_e)
                    full_end = line_e if full_end < 0 else full_end
                    win_s, win_e = max(full_s, s_s - _WINDOW), min(full_end, s_s + _WINDOW)
                    full_cues = index.cues(win_s, win_e) if region.role != "situation" else None
                    full_year = index.year(win_s, win_e)
                sent_cues = (index.cues(max(s_s, qs_all[0].start - _WINDOW), min(s_e, qs_all[-1].end + _WINDOW))
                             if region.role == "target" else full_cues)
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
                    ts0, te0 = _trim(text, max(seg[0], in_seg[0].start - _WINDOW),
                                     min(seg[1], in_seg[-1].end + _WINDOW))
                    if te0 <= ts0:
                        continue
                    seg_low = low[ts0:te0]
                    seg_cues = None if situation else index.cues(ts0, te0)
                    seg_year = index.year(ts0, te0)
                    seen: set = set()
                    for q in in_seg:
                        if (q.value, q.value_max) in seen:
                            continue  # "10 Gigabit mỗi giây (10 Gbps)": one figure said twice
                        seen.add((q.value, q.value_max))
                        ts, te = ts0, te0
                        year = seg_year or (_own_year(low, q, ts0, te0, doc_year)
                                            if region.role == "target" or (sent_cues and sent_cues.commit)
                                            else None) or full_year
                        outcome = region.tasks and region.role == "other" and _is_outcome(low, q, ts0, te0)
                        q_cues = sent_cues
                        if (region.role == "other" and sent_cues is full_cues and full_cues.commit
                                and not index.commits(win_s, win_e, q.start)):
                            q_cues = _CUES_BY_BITS[_cue_bits(full_cues) & ~_COMMIT]
                        kind = _decide(region.role, q_cues, seg_cues, q, year, doc_year, seg_low,
                                       outcome)
                        if kind is None:
                            continue
                        if kind == "target" and _is_spec(low, q, ts0, seg_cues):
                            continue
                        if kind == "figure":
                            counted = q.counted or _indicator(text, (ts, te), q)
                            figures.append(Figure(text=text[ts:te], value=q.value, unit=q.unit,
                                                  counted=counted, section=region.section,
                                                  span=[ts, te]))
                            continue
                        lm = _LEAD_IN.match(seg_low)
                        if lm and lm.end() < q.start - ts and _DIGIT.search(seg_low, 0, lm.end()):
                            ts, te = _trim(text, ts + lm.end(), te)
                        cs = index.clause_start(ts, q.start)
                        if cs > ts:  # "..., phấn đấu đạt 20% ...": the clause starts at the cue
                            ts = cs
                            # "... giai đoạn 2025 - 2030, phấn đấu ... 20% ... trong năm 2025"
                            year = index.year(ts, te0) or year
                        if year is None:
                            year = region.year
                        if year is None:
                            if not lead_done:
                                lead_year, lead_done = _lead_year(low, region), True
                            year = lead_year
                        if year is None:
                            year = horizon
                        recurrence = _recurrent(low, index, q, ts0, te0, s_s)
                        te = _commitment_end(text, low, q, ts, te)
                        targets.append(Target(
                            text=text[ts:te], value=q.value, value_max=q.value_max, unit=q.unit,
                            comparator=q.comparator, year=year, indicator=_indicator(text, (ts, te), q),
                            recurrence=recurrence, section=region.section, span=[ts, te]))
    return targets, figures

