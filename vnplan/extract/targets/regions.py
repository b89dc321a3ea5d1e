"""Where a number stands: the sections of a document with their role (target, situation,
other, report) and the years their headings give."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from ...lang import vocab
from ...lang.markers import START_SRC, readings
from ...model import Document, Section
from .words import _LEAD_YEAR, _TO, _WINDOW, _YEAR, _YEAR_ANY, _vocab, alt

@dataclass
class _Region:
    start: int
    end: int
    role: str  # "target", "situation", "other", "report"
    year: Optional[int]  # from the headings above
    section: Optional[str]
    lead_year: Optional[int] = None  # "Phấn đấu đến năm 2030" said somewhere in the body
    tasks: bool = False  # within a tasks or implementation section: outcomes may be stated bare
    appendix: bool = False  # within an appendix ("PHỤ LỤC I"): restatements of targets


def _first_year(text: str) -> Optional[int]:
    m = _YEAR_ANY.search(text.lower())
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def _head_words(heading: str) -> str:
    """The first words of a heading, lower case: where its topic word stands."""
    return " ".join(heading.lower().split()[:5])


def _own_role(sec: Section) -> Optional[str]:
    """The role a section's own kind or heading gives (None: its parents decide)."""
    v = _vocab()
    kind = (sec.kind or "").lower()
    head = _head_words(sec.heading or "")
    if kind in ("objectives", "vision") or v.target_head.search(head):
        return "target"
    if kind == "situation" or v.situation_head.search(head):
        return "situation"
    if kind in ("tasks", "implementation", "purpose", "viewpoints"):
        return "other"
    return None


def _role(chain: list) -> str:
    """Target, situation or other, from the kinds and headings of a section and its parents."""
    for sec in reversed(chain):  # deepest first
        role = _own_role(sec)
        if role:
            return role
    return "other"


# The outline level of a marker's style when no outline was given (decimals one deeper per dot).
_LEVEL = {"roman": 1, "arabic": 2, "decimal": 2, "letter": 5}
# A line that may open with a marker (read by lang.markers), behind blanks, "*" or "#".
_MARKER_LINE = re.compile(r"^[ \t*#]*(?=" + START_SRC + r")", re.M)


def _scan_sections(text: str) -> Iterator[tuple]:
    """A flat stand-in outline (markers and headings only) for when no outline was given.

    Only used to tell objectives from situation; ids stay unknown (None). Lazy: a huge text
    whose item cap is reached early is not scanned to its end.
    """
    for m in _MARKER_LINE.finditer(text):
        nl = text.find("\n", m.end())
        line = text[m.start():nl if nl >= 0 else len(text)]
        mk = next((r for r in readings(line, m.end() - m.start()) if r.style in _LEVEL and not r.bare), None)
        if mk is None:
            continue
        head = line[mk.end:].strip(" \t*")
        if not 2 <= len(head) <= 160 or ". " in head:
            continue
        yield m.start(), _LEVEL[mk.style] + (len(mk.value) - 1 if mk.style == "decimal" else 0), head


_TASK_KINDS = frozenset(["tasks", "implementation"])


@lru_cache(maxsize=1)
def _appendix_number() -> str:
    """How the outline numbers an appendix ("PHỤ LỤC"), from the heading vocabulary."""
    return str(vocab.load("headings")["appendix_number"]).lower()


def _is_appendix(top: Section) -> bool:
    return (top.number or "").lower().startswith(_appendix_number())


def _regions(doc: Document) -> Iterator[_Region]:
    """The spans of the text with their role, heading year and section id, in order (lazily)."""
    n = len(doc.text)
    if doc.sections:
        pre = doc.preamble
        if pre:
            yield _Region(max(0, pre[0]), min(n, pre[1]), "report", None, None)
        yield from _outline_regions(doc.sections, n)
        yield from _appendix_region(doc)
        return
    found = _scan_sections(doc.text)
    cur = next(found, None)
    yield _Region(0, cur[0] if cur else n, "report", None, None)
    stack: list = []
    while cur is not None:
        pos, level, head = cur
        cur = next(found, None)
        while stack and stack[-1].level >= level:
            stack.pop()
        stack.append(Section(id="", number=None, heading=head, kind="", level=level, text="",
                             span=[pos, pos]))
        year = next((y for y in (_first_year(x.heading) for x in reversed(stack)) if y), None)
        yield _Region(pos, cur[0] if cur else n, _role(stack), year, None)


def _outline_regions(sections: list, n: int) -> Iterator[_Region]:
    """The regions of an outline in reading order (lazily); what a section inherits (role,
    heading year, tasks) is read once per section and handed down to its children."""
    # (section, parent's role, parent's year, parent within tasks, in an appendix)
    stack = [(sec, "other", None, False, _is_appendix(sec)) for sec in reversed(sections)]
    while stack:
        sec, role, year, tasks, appendix = stack.pop()
        role = _own_role(sec) or role
        year = _first_year(sec.heading or "") or year
        tasks = tasks or (sec.kind or "").lower() in _TASK_KINDS
        span = sec.span or [0, 0]
        own_end = sec.children[0].span[0] if sec.children and sec.children[0].span else span[1]
        yield _Region(max(0, span[0]), min(n, own_end), role, year, sec.id, tasks=tasks,
                      appendix=appendix)
        stack.extend((ch, role, year, tasks, appendix) for ch in reversed(sec.children))


def _appendix_region(doc: Document) -> Iterator[_Region]:
    """The appendices after the footer: a table of indicators there may hold targets the body
    does not state (restatements are dropped later); the caption lines give role and year."""
    if not doc.appendix:
        return
    a, b = max(0, doc.appendix[0]), min(len(doc.text), doc.appendix[1])
    caption = " ".join(doc.text[a:b].split("\n")[:3])
    head = Section(id="", number=None, heading=caption, kind="", level=1, text="", span=[a, b])
    yield _Region(a, b, _role([head]), _first_year(caption), None, appendix=True)


_HORIZON = re.compile(
    _TO + r"\s+(?:" + alt("horizon_end_words") + r"\s+)?" + _YEAR + r"\s+((?:19|20)\d\d)(?!\d)"
    r"|" + alt("horizon_periods") + r"\s+(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")


def _horizon(doc: Document) -> Optional[int]:
    """The year a plan runs to, from its title ("... ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050" ->
    2030): the year of a commitment that neither its text nor its headings date."""
    title = doc.metadata.title if doc.metadata else None
    m = _HORIZON.search(title.lower()) if title else None
    return int(m.group(1) or m.group(2)) if m else None


def _lead_year(low: str, region: _Region) -> Optional[int]:
    m = _LEAD_YEAR.search(low, region.start, min(region.end, region.start + 20 * _WINDOW))
    return int(m.group(1)) if m else None


def _lower(text: str) -> str:
    """Lower case with the same length as the input ("_" of word-segmented text as a space)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("_", " ")


def _doc_year(doc: Document) -> Optional[int]:
    d = doc.metadata.date if doc.metadata else None
    if d and len(d) >= 4 and d[:4].isdigit():
        return int(d[:4])
    return None
