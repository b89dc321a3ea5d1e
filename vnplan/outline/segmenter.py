"""segment(): the pass over a text's marker, footer and appendix lines that builds the outline."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..model import Document, Section
from .appendix import _appendix, _appendix_kind, _title_block, drop_appendices
from .headings import _doc_title_line, _footer_trigger, _plain, _take_heading, _unique
from .issued import issued_plan
from .kinds import _directive_kinds
from .markers import _END_MARK_LINE, _NOI_NHAN_LINE, _Frame, _legal
from .vocab import _vocab

Span = list


@dataclass
class Outline:
    """What ``segment`` finds: the section tree and the spans around it."""

    sections: list = field(default_factory=list)  # list[Section], top level
    preamble: Optional[Span] = None
    footer: Optional[Span] = None
    warnings: list = field(default_factory=list)  # list[Warning_]: numbering to check
    appendix: Optional[Span] = None  # from the first appendix ("PHỤ LỤC ...") to the end


@dataclass
class _Hit:
    section: Section
    line_start: int
    body_start: int
    restart: bool = False  # a top-level heading numbered first (I, 1, Điều 1): a new outline
    pending: Optional[tuple] = None  # (heading, body start) if its sub-items follow at once


@dataclass
class _Scan:
    """What the pass over the text's lines collects."""

    top: list = field(default_factory=list)  # top-level sections
    stack: list = field(default_factory=list)  # open _Frame per level
    hits: list = field(default_factory=list)  # _Hit per heading, in text order
    triggers: list = field(default_factory=list)  # (hit count when seen, where a footer would start)
    restarts: list = field(default_factory=list)  # (hit count, start, end) of a title after headings
    ids: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # warnings about the numbering
    appx_at: Optional[int] = None  # index in ``hits`` of the first appendix
    ended: bool = False  # a signature, Nơi nhận or "./." seen since the last heading
    skip_to: int = -1  # a heading that took the next line as well
    heading_line: int = -1


def segment(text: str) -> Outline:
    """Find the numbered outline of a cleaned plan text. Pure; never raises on a string."""
    if not isinstance(text, str) or not text:
        return Outline([], [0, 0] if isinstance(text, str) else None, None)
    v = _vocab()
    n = len(text)
    st = _scan(text, v)
    hits = st.hits
    main_n = st.appx_at if st.appx_at is not None else len(hits)
    footer_start, footer_end = _footer_bounds(st, main_n, n)
    # The title of an attached document (the KẾ HOẠCH a Quyết định issues), with the decision's
    # signature block before it, ends the article before it: block, title and the attached
    # document's opening text make an unnumbered section of their own.
    blocks = _attached_blocks(text, hits, main_n, st.triggers, st.restarts, st.ids, v)
    barriers = sorted({b.span[0] for b, _ in blocks} | ({footer_start} if footer_start is not None else set()))
    _fill_bodies(text, hits, barriers)
    top = st.top
    for sec in top:
        _close(sec)
    if blocks:
        top.extend(b for b, _ in blocks)
        top.sort(key=lambda x: x.span[0])
    preamble = [0, hits[0].line_start if hits else n]
    footer = None
    if footer_start is not None:
        fs, e = _trim(text, footer_start, footer_end)
        footer = [fs, e] if e > fs else None
    top, preamble, footer = issued_plan(top, preamble, footer, text, v)
    top, appendix = drop_appendices(top, text, v["appx_number"])
    _directive_kinds(top, text, preamble, v)
    return Outline(top, preamble, footer, st.notes, appendix)


def _scan(text: str, v: dict) -> _Scan:
    """One pass over the lines worth a look, in text order: 0 marker line, 1 Nơi nhận, 2 "./."
    line end, 3 line in capitals or appendix line (4 "PHỤ LỤC ...", 5 list title "DANH MỤC ...",
    6 "(Kèm theo ...)")."""
    n = len(text)
    st = _Scan()
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    events = [(m.start(), 0, m.end() - m.start()) for m in _line_matches(_legal()[0], text, starts)]
    events += [(m.start(), 1, 0) for m in _line_matches(_NOI_NHAN_LINE, text, starts)]
    events += [(m.start(), 2, m.end()) for m in _END_MARK_LINE.finditer(text)]
    events += [(m.start(), 3, 0) for m in _line_matches(v["caps_line_re"], text, starts)]
    events.sort()
    for pos, ev, arg in events:
        if ev == 2:  # also on a heading line: "4. ... thực hiện./."
            st.triggers.append((len(st.hits), min(n, arg + 1)))
            st.ended = True
            continue
        if pos < st.skip_to or pos == st.heading_line:
            continue
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if ev == 0:
            _on_marker(st, text, pos, end, line, arg, v)
            continue
        if ev == 3:  # an appendix line? (the capitals scan finds those too)
            ev = (4 if v["appx_re"].match(line) else 5 if v["appx_list_re"].match(line)
                  else 6 if v["kem_re"].match(line) else 3)
        if ev >= 4:
            _on_appendix(st, text, pos, end, line, ev, v)
            continue
        trig = "start" if ev == 1 else _footer_trigger(line, v)
        if trig == "start":
            st.triggers.append((len(st.hits), pos))
            st.stack.clear()  # what follows a Nơi nhận block is another document
            st.ended = True
        elif ev == 3 and st.hits and (_plain(line) in v["titles"] or (st.ended and _doc_title_line(line, v))):
            st.stack.clear()  # an attached KẾ HOẠCH restarts the numbering (after a signature,
            # its title may carry its subject: "KẾ HOẠCH HÀNH ĐỘNG NĂM 2031")
            st.restarts.append((len(st.hits), pos, end))
    return st


_NEWLINE = re.compile("\n")


def _line_matches(rx: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """The matches of ``rx.finditer(text)`` for a pattern whose every branch opens with a
    multi-line "^", tried at the line starts only (the engine tries every position)."""
    out, last = [], 0
    for ls in starts:
        if ls >= last:
            m = rx.match(text, ls)
            if m:
                out.append(m)
                last = m.end()
    return out


def _on_marker(st: _Scan, text: str, pos: int, end: int, line: str, lead: int, v: dict) -> None:
    sec, body_at, end, first, pending = _take_heading(text, pos, end, line, lead, st.stack, st.ids,
                                                       st.top, v, st.notes)
    if sec is not None:
        st.hits.append(_Hit(sec, pos, body_at, first, pending))
        st.heading_line = pos
        st.skip_to = end
        st.ended = False


def _on_appendix(st: _Scan, text: str, pos: int, end: int, line: str, ev: int, v: dict) -> None:
    ap = _appendix(text, pos, end, line, ev, st.ended, v) if st.hits else None
    if ap is None:
        return
    start, number, heading, body_at, hend = ap
    sec = Section(id=_unique(number, st.ids), number=number, heading=heading,
                  kind=_appendix_kind(heading, text, body_at, v), level=1, text="", span=[start, hend])
    st.top.append(sec)
    st.stack.clear()
    st.stack.append(_Frame("appendix", 0, sec))
    st.hits.append(_Hit(sec, start, body_at))
    if st.appx_at is None:
        st.appx_at = len(st.hits) - 1
    st.heading_line = pos
    st.skip_to = max(hend, pos + 1)
    st.ended = False


def _footer_bounds(st: _Scan, main_n: int, n: int) -> tuple:
    """(start or None, end) of the footer. It starts at the first trigger after the last
    heading of the main outline (or, with no outline, the first trigger in the second half of
    the text) and ends where an appendix starts; without one there, a trigger after the last
    appendix starts it."""
    hits = st.hits
    appx_start = hits[st.appx_at].line_start if st.appx_at is not None else n
    for count, off in st.triggers:
        if count == main_n and off < appx_start and (main_n or off >= n // 2):
            return min(off, n), appx_start
    if st.appx_at is not None:
        for count, off in st.triggers:
            if count == len(hits) and off > hits[-1].line_start:
                return min(off, n), n
    return None, appx_start


def _fill_bodies(text: str, hits: list, barriers: list) -> None:
    """Each heading's body runs to the next heading or barrier (footer, attached block)."""
    n = len(text)
    for i, h in enumerate(hits):
        stop = hits[i + 1].line_start if i + 1 < len(hits) else n
        if h.pending is not None:  # one sentence on its line: the heading of its sub-items
            head, at = h.pending
            sub = h.section.children[0] if h.section.children else None
            if sub is not None and i + 1 < len(hits) and hits[i + 1].section is sub and not text[at:stop].strip():
                h.section.heading, h.body_start = head, at
        j = bisect_right(barriers, h.line_start)
        if j < len(barriers):
            stop = min(stop, barriers[j])
        # trailing blanks first, so an empty body sits at the heading's end, not past it
        e = stop
        while e > h.line_start and text[e - 1].isspace():
            e -= 1
        s = min(h.body_start, stop)
        while s < e and text[s].isspace():
            s += 1
        s = min(s, e)
        h.section.body_span = [s, e]
        h.section.text = text[s:e]
        head_end = h.section.span[1]
        h.section.span = [h.line_start, max(e, min(head_end, stop))]


def _close(sec: Section) -> int:
    """Stretch a section's span over its children's; returns its end."""
    last = sec.span[1]
    for ch in sec.children:
        last = max(last, _close(ch))
    sec.span[1] = last
    return last


def _trim(text: str, a: int, b: int) -> tuple:
    """``[a, b)`` without outer white space (end trimmed first)."""
    while b > a and text[b - 1].isspace():
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _attached_blocks(text: str, hits: list, main_n: int, triggers: list, restarts: list,
                     ids: dict, v: dict) -> list:
    """[(section, hit index)] for each attached document between two headings: a title line
    ("KẾ HOẠCH") followed by a new outline (a restart). The section starts at the signature
    block before the title when there is one (a Quyết định's Nơi nhận), else at the title."""
    out: list = []
    done: set = set()
    offs: dict = {}  # hit count -> trigger offsets seen then, in order
    for c, off in triggers:
        offs.setdefault(c, []).append(off)
    for count, p, e in restarts:
        if not 0 < count < main_n or count in done or not hits[count].restart:
            continue
        prev, nxt = hits[count - 1].line_start, hits[count].line_start
        if not prev < p < nxt:
            continue
        done.add(count)
        start = next((o for o in offs.get(count, ()) if prev < o <= p), p)
        word = _plain(text[p:e])
        more, last = _title_block(text, e + 1, False, v) if e + 1 < nxt else ("", -1)
        hend = min(last if last >= 0 else e, nxt)
        b = nxt
        while b > hend and text[b - 1].isspace():
            b -= 1
        s = min(hend + 1, b)
        while s < b and text[s].isspace():
            s += 1
        fs = start
        while fs < p and text[fs].isspace():
            fs += 1
        sec = Section(id=_unique(word, ids), number=None, heading=" ".join(x for x in (word, more) if x),
                      kind="other", level=1, text=text[s:b], span=[fs, max(b, hend)], body_span=[s, b])
        out.append((sec, count))
    return out


def apply(doc: Document) -> None:
    """Fill doc.sections, doc.preamble, doc.footer and doc.appendix from doc.text."""
    out = segment(doc.text or "")
    doc.sections, doc.preamble, doc.footer = out.sections, out.preamble, out.footer
    doc.appendix = out.appendix
    doc.warnings.extend(out.warnings)
