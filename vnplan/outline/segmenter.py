"""segment(): the pass over a text's marker, footer and appendix lines that builds the outline."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..model import Document, Section
from .appendix import _appendix, _appendix_kind, _title_block, drop_appendices
from .headings import _footer_trigger, _plain, _take_heading, _unique
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


def segment(text: str) -> Outline:
    """Find the numbered outline of a cleaned plan text. Pure; never raises on a string."""
    if not isinstance(text, str) or not text:
        return Outline([], [0, 0] if isinstance(text, str) else None, None)
    v = _vocab()
    top: list = []
    stack: list = []
    hits: list = []
    triggers: list = []  # (hit count when seen, offset where the footer would start)
    restarts: list = []  # (hit count, start, end) of a document title line after headings
    ids: dict = {}
    notes: list = []  # warnings about the numbering
    appx_at = None  # index in ``hits`` of the first appendix
    ended = False  # a signature, Nơi nhận or "./." seen since the last heading
    n = len(text)
    # Events, in text order: 0 marker line, 1 Nơi nhận, 2 "./." line end, 3 line in capitals
    # or appendix line: 4 "PHỤ LỤC ...", 5 list title ("DANH MỤC ..."), 6 "(Kèm theo ...)".
    events = [(m.start(), 0, m.end() - m.start()) for m in _legal()[0].finditer(text)]
    events += [(m.start(), 1, 0) for m in _NOI_NHAN_LINE.finditer(text)]
    events += [(m.start(), 2, m.end()) for m in _END_MARK_LINE.finditer(text)]
    events += [(m.start(), 3, 0) for m in v["caps_line_re"].finditer(text)]
    events.sort()
    skip_to = -1  # a heading that took the next line as well
    heading_line = -1
    for pos, ev, arg in events:
        if ev == 2:  # also on a heading line: "4. ... thực hiện./."
            triggers.append((len(hits), min(n, arg + 1)))
            ended = True
            continue
        if pos < skip_to:
            continue
        if pos == heading_line:
            continue
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if ev == 0:
            sec, body_at, end, first, pending = _take_heading(text, pos, end, line, arg, stack, ids,
                                                               top, v, notes)
            if sec is not None:
                hits.append(_Hit(sec, pos, body_at, first, pending))
                heading_line = pos
                skip_to = end
                ended = False
            continue
        if ev == 3:  # an appendix line? (the capitals scan finds those too)
            ev = (4 if v["appx_re"].match(line) else 5 if v["appx_list_re"].match(line)
                  else 6 if v["kem_re"].match(line) else 3)
        if ev >= 4:
            ap = _appendix(text, pos, end, line, ev, ended, v) if hits else None
            if ap is None:
                continue
            start, number, heading, body_at, hend = ap
            sec = Section(id=_unique(number, ids), number=number, heading=heading,
                          kind=_appendix_kind(heading, text, body_at, v), level=1, text="",
                          span=[start, hend])
            top.append(sec)
            stack.clear()
            stack.append(_Frame("appendix", 0, sec))
            hits.append(_Hit(sec, start, body_at))
            if appx_at is None:
                appx_at = len(hits) - 1
            heading_line = pos
            skip_to = max(hend, pos + 1)
            ended = False
            continue
        trig = "start" if ev == 1 else _footer_trigger(line, v)
        if trig == "start":
            triggers.append((len(hits), pos))
            stack.clear()  # what follows a Nơi nhận block is another document
            ended = True
        elif ev == 3 and hits and _plain(line) in v["titles"]:
            stack.clear()  # an attached KẾ HOẠCH restarts the numbering
            restarts.append((len(hits), pos, end))

    main_n = appx_at if appx_at is not None else len(hits)
    appx_start = hits[appx_at].line_start if appx_at is not None else n
    # The footer starts at the first trigger after the last heading of the main outline (or,
    # with no outline, the first trigger in the second half of the text) and ends where an
    # appendix starts; without one there, a trigger after the last appendix starts it.
    footer_start = None
    footer_end = appx_start
    for count, off in triggers:
        if count == main_n and off < appx_start and (main_n or off >= n // 2):
            footer_start = min(off, n)
            break
    if footer_start is None and appx_at is not None:
        footer_end = n
        for count, off in triggers:
            if count == len(hits) and off > hits[-1].line_start:
                footer_start = min(off, n)
                break

    # The title of an attached document (the KẾ HOẠCH a Quyết định issues), with the decision's
    # signature block before it, ends the article before it: block, title and the attached
    # document's opening text make an unnumbered section of their own.
    blocks = _attached_blocks(text, hits, main_n, triggers, restarts, ids, v)
    barriers = sorted({b.span[0] for b, _ in blocks} | ({footer_start} if footer_start is not None else set()))

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

    def close(sec: Section) -> int:
        last = sec.span[1]
        for ch in sec.children:
            last = max(last, close(ch))
        sec.span[1] = last
        return last

    for sec in top:
        close(sec)
    if blocks:
        for b, _ in blocks:
            top.append(b)
        top.sort(key=lambda x: x.span[0])

    first = hits[0].line_start if hits else n
    preamble = [0, first]
    footer = None
    if footer_start is not None:
        e = footer_end
        while e > footer_start and text[e - 1].isspace():
            e -= 1
        fs = footer_start
        while fs < e and text[fs].isspace():
            fs += 1
        footer = [fs, e] if e > fs else None
    top, preamble, footer = issued_plan(top, preamble, footer, v["appx_number"])
    top, appendix = drop_appendices(top, text, v["appx_number"])
    _directive_kinds(top, text, preamble, v)
    return Outline(top, preamble, footer, notes, appendix)


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
    """Fill doc.sections, doc.preamble and doc.footer from doc.text."""
    out = segment(doc.text or "")
    doc.sections, doc.preamble, doc.footer = out.sections, out.preamble, out.footer
    doc.warnings.extend(out.warnings)
