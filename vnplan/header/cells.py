"""Header cells: the lines of a preamble or footer split at column gaps ("\\t") and markdown
table bars ("|"), markup stripped, so two-column headers flattened with tabs, interleaved by a
PDF export or written as pipe-table rows read the same way."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """A piece of a header line between column gaps; ``text`` is stripped of markup."""

    start: int
    end: int
    text: str
    line_start: bool  # first cell of its line


_CELL_SPLIT = re.compile(r"[\t|]")
MARKUP = re.compile(r"\[bookmark:[^\]\n]{0,200}\]|\*\*|(?<!\w)\*|\*(?!\w)|^#+\s|^>\s")
SEP_ONLY = re.compile(r"^[\s*\-_=~.·•]*$")
_LEAD = re.compile(r"^(?:[\s*#>]|\[bookmark:[^\]\n]{0,200}\])*")


def strip_span(s: str) -> tuple[int, int]:
    """Offsets of the meaningful part of ``s`` (markup and white space trimmed)."""
    m = _LEAD.match(s)
    a = m.end() if m else 0
    b = len(s)
    while b > a and s[b - 1] in " \t*\r":
        b -= 1
    return a, b


def is_caps(s: str) -> bool:
    """Written in capitals: a cased letter, and none in lower case (str methods run in C)."""
    return s.upper() == s and s.lower() != s


def _line_cells(text: str, pos: int, line_end: int) -> list[Cell]:
    out: list[Cell] = []
    cpos = pos
    for piece in _CELL_SPLIT.split(text[pos:line_end]):
        a, b = strip_span(piece)
        if b > a:
            clean = piece[a:b]
            if "*" in clean or "[" in clean or "#" in clean or ">" in clean:
                clean = MARKUP.sub("", clean)
            clean = clean.strip()
            if clean:
                out.append(Cell(cpos + a, cpos + b, clean, not out))
        cpos += len(piece) + 1
    return out


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The non-empty cells of text[start:end], in reading order."""
    out: list[Cell] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        out.extend(_line_cells(text, pos, line_end))
        pos = line_end + 1
    return out
