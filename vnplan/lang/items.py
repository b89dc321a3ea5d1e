"""Outline items of a text: the marker of a line, its depth, where the item it opens ends.

Shared by the assignments stage (which task a body is charged with) and the links stage
(which deadlines belong to that task). Pure functions over the text and its folded copy.
"""
from __future__ import annotations

import re
from typing import Optional

from . import patterns, vocab
from .fold import fold_same_length, fold_text

# On the folded text (lower case, no diacritics, same offsets).
MARKER = re.compile(r"[ \t]*(?:\*\*|\*)?[ \t]*(?:(?P<roman>[ivxlc]+)|(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})|"
                     r"(?P<letter>[a-z]))[ \t]*(?:[.)]|-(?!\d)|/)[.)]?[ \t]*(?:\*\*|\*)?[ \t]*"
                     r"|[ \t]*(?P<bullet>[-+•*])[ \t]+"
                     r"|[ \t]*(?:\*\*)?(?P<article>dieu[ \t]+\d{1,3})[ \t]*[.:][ \t]*(?:\*\*)?[ \t]*")
_ROLES = vocab.load("roles")
# "Cơ quan chủ trì: X" under an item is an attribute of that item, not an item of its own.
_LABEL_LINE = re.compile(
    patterns.alternation({fold_same_length(w) for w in _ROLES["label_nouns"]}, r"[ \t]+") + r"[ \t]+"
    + patterns.alternation({fold_same_length(w) for w in _ROLES["label_roles"]}, r"[ \t]+"))
_LINE = re.compile(r"[^\n]+")
_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")


def content_start(text: str, folded: str, a: int, b: int) -> tuple[int, Optional[str]]:
    """Skip an outline marker; return (content start, marker kind)."""
    m = MARKER.match(folded, a, b)
    return _marked(text, m) if m else (a, None)


def line_contents(text: str, folded: str, lines: list[tuple[int, int]]) -> list[tuple[int, Optional[str]]]:
    """``content_start`` of each line: one marker match a line, the kind read on a marker only."""
    match, out = MARKER.match, []
    for la, lb in lines:
        m = match(folded, la, lb)
        out.append(_marked(text, m) if m else (la, None))
    return out


def _marked(text: str, m: re.Match) -> tuple[int, Optional[str]]:
    kind = m.lastgroup  # the one named group of the branch that matched
    if kind == "roman" and m.end("roman") - m.start("roman") == 1 and text[m.start("roman")].islower():
        kind = "letter"  # "c)", "i)", "v." in a lower-case a), b), c) list are letters
    if kind == "bullet":
        kind = "plus" if m.group("bullet") == "+" else "bullet"
    return m.end(), kind


def depth(kind: Optional[str], number: str) -> int:
    """Nesting depth of a marker: Điều, I > 1 > 1.1 > a) > - > +; no marker is deepest."""
    if kind == "num":
        return 1 + number.count(".")
    return _DEPTHS.get(kind, 99)


_DEPTHS = {"roman": 0, "article": 0, "letter": 10, "bullet": 20, "plus": 21}


def depths(folded: str, lines: list[tuple[int, int]], contents: list) -> list[int]:
    """The depth of each line's marker (99 for a line with none)."""
    return [99 if kind is None else depth(kind, folded[la:cs].strip(" \t.)*-/"))
            for (la, _), (cs, kind) in zip(lines, contents)]


def item_ends(folded: str, lines: list[tuple[int, int]], contents: list,
              line_depths: Optional[list[int]] = None) -> list[int]:
    """For each line, where the item it opens ends (next marker of the same or lower depth)."""
    if line_depths is None:
        line_depths = depths(folded, lines, contents)
    ends = [0] * len(lines)
    open_: list[tuple[int, int]] = []  # (depth, line index)
    last = lines[-1][1] if lines else 0
    for i, (la, lb) in enumerate(lines):
        cs, kind = contents[i]
        if kind is None:
            ends[i] = lb
            continue
        d = line_depths[i]
        while open_ and open_[-1][0] >= d:
            ends[open_.pop()[1]] = la
        open_.append((d, i))
    for _, i in open_:
        ends[i] = last
    for i, (la, lb) in enumerate(lines):
        if ends[i] == 0:
            ends[i] = lb
    return ends


def item_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every marked item, sorted by start.

    An unmarked line belongs to the item above it; a table row is an item of its own. A labelled line ("- Cơ quan chủ trì: X") is an attribute of the item above it, not an
    item of its own: its span is left out, so a position in it falls in the parent.
    """
    folded = fold_text(text)
    lines = [(m.start(), m.end()) for m in _LINE.finditer(folded)]
    contents = line_contents(text, folded, lines)
    ends = item_ends(folded, lines, contents)
    out = []
    for (la, lb), (cs, kind), end in zip(lines, contents, ends):
        if kind is None and folded.find("|", la, lb) >= 0 and _TABLE_ROW.match(folded, la, lb):
            out.append((la, lb))
        elif kind is not None and not _LABEL_LINE.match(folded, cs):
            out.append((la, end))
    return out
