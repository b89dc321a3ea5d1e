"""Appendices and title blocks: "PHỤ LỤC ...", list titles after the signature, "(Kèm theo ...)"."""
from __future__ import annotations

from typing import Optional

from ..lang.markers import LEAD, read_number
from ..lang.text import fold
from .headings import _doc_title_line, _footer_trigger, _is_caps, _kind_of, _plain
from .markers import _REST_OK, _candidates

def _lines_after(text: str, pos: int, limit: int):
    """(start, end, line) of up to ``limit`` lines starting at offset ``pos``."""
    n = len(text)
    for _ in range(limit):
        if pos >= n:
            return
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        yield pos, end, text[pos:end]
        pos = end + 1


def _title_line(line: str, loose: bool, v: dict) -> Optional[str]:
    """The plain text of ``line`` if it may continue a title block, else None.

    A title line is in capitals (or, with ``loose``, any short line that is not a sentence),
    and is not a marker line, a table row, a "(Kèm theo ...)" line or a signature line.
    """
    p = _plain(line)
    if not p or len(p) > 250 or line.lstrip(" \t*")[:1] in "|(-+•" or v["kem_re"].match(line):
        return None
    lead = LEAD.match(line).end()
    if _footer_trigger(line, v) or any(_REST_OK.match(line, c.end) for c in _candidates(line, lead)):
        return None
    if _is_caps(p) or (loose and len(p) <= 200 and not line.rstrip(" \t*").endswith((".", ";", ","))):
        return p
    return None


def _title_block(text: str, pos: int, loose: bool, v: dict) -> tuple:
    """(joined title, end of its last line or -1) of the title lines starting at ``pos``:
    up to four, the first of them ``loose`` (any short non-sentence), the rest in capitals."""
    parts, last = [], -1
    for _, e, line in _lines_after(text, pos, 4):
        t = _title_line(line, loose and not parts, v)
        if t is None:
            break
        parts.append(t)
        last = e
    return " ".join(parts), last


def _appendix(text: str, pos: int, end: int, line: str, ev: int, ended: bool, v: dict) -> Optional[tuple]:
    """Read an appendix start at the line ``text[pos:end]`` (event 4: "PHỤ LỤC ..."; 5: a list
    title in capitals after the signature; 6: "(Kèm theo ...)" under title lines after it).

    Returns (start, number, heading or None, body start, end of the title) or None.
    """
    n = len(text)
    number = v["appx_number"]
    if ev == 4:
        m = v["appx_re"].match(line)
        if not m:
            return None
        rest = m.group("rest").strip(" \t*")
        sep = rest[:1] in ":.-–—"
        title = rest.lstrip(":.-–— \t*").strip(" \t*")
        if title and not (_is_caps(title) or (sep and len(title) <= 200
                                               and not title.endswith((".", ";", ",")))):
            return None
        num = m.group("num")
        if num:
            num = read_number(num)[1]
            if num:
                number = f"{number} {num}"
        more, last = _title_block(text, end + 1, not title, v) if end < n else ("", -1)
        heading = " ".join(x for x in (title.strip(" \t:."), more) if x) or None
        hend = last if last >= 0 else end
        return pos, number, heading, min(n, hend + 1), hend
    if not ended:
        return None
    if ev == 5:
        heading, last = _title_block(text, pos, False, v)
        if not heading:
            return None
        return pos, number, heading, min(n, last + 1), last
    # ev == 6: the title lines in capitals just above "(Kèm theo ...)"
    parts, start, p = [], pos, pos
    for _ in range(4):
        if p <= 0:
            break
        q = text.rfind("\n", 0, p - 1) + 1
        prev = text[q:p - 1]
        t = _title_line(prev, False, v)
        if t is None:
            if _doc_title_line(prev, v):  # an attached KẾ HOẠCH, not an appendix
                return None
            break
        if _doc_title_line(prev, v):
            return None
        parts.append(t)
        start = p = q
    if not parts:
        return None
    return start, number, " ".join(reversed(parts)), pos, pos


def _appendix_kind(heading: Optional[str], text: str, body_at: int, v: dict) -> str:
    """The kind an appendix's title names; else "tasks" for a table of nhiệm vụ; else other."""
    kind = _kind_of(heading, True)
    if kind:
        return kind
    for _, _, line in _lines_after(text, body_at, 6):
        if line.lstrip(" \t")[:1] == "|":
            f = fold(line[:400])
            if any(all(w in f for w in group) for group in v["task_table"]):
                return "tasks"
            break
    return "other"


def drop_appendices(top: list, text: str, appx: str) -> tuple:
    """(top without the appendices, span of the appendix part or None): an appendix caption
    ("PHỤ LỤC ...") and its tables are not sections (GOLD rule 3). The text from the first
    appendix to the end is the appendix part; the footer (signature) still ends before it."""
    keep = [s for s in top if not (s.number or "").startswith(appx)]
    if len(keep) == len(top):
        return top, None
    first = next(s for s in top if (s.number or "").startswith(appx)).span[0]
    e = len(text)
    while e > first and text[e - 1].isspace():
        e -= 1
    return keep, [first, e]
