"""Clause and sentence boundaries: where the task around a word begins and ends.

A clause ends at ";", at a "." followed by a space or a line break, or at a line break (plan
items are one per line once the cleaner has reflowed the text); a ":" opens a new clause ("Thời
gian thực hiện: Quý II/2026"). Parentheses are skipped as a whole, and a position inside "( ... )"
belongs to the parenthesised clause. Every scan is bounded by ``SCAN`` characters both ways, so a
pathological line never makes the readers above quadratic.

With ``soft_wraps=True`` a line break inside a sentence (PDF text: the next line opens in lower
case and the line does not end with . ; or :) does not end the clause; the deadline reader
reads clauses so.
"""
from __future__ import annotations

import re
from typing import Iterator

SCAN = 600  # longest clause looked at, both ways


def _full_stop(text: str, i: int) -> bool:
    """A "." that ends a sentence: followed by white space or the end (not "1.200", "T.Ư")."""
    return i + 1 >= len(text) or text[i + 1] in " \t\n"


def soft_wrap(text: str, i: int) -> bool:
    """Whether the line break at ``i`` is inside a sentence: the next line opens in lower case
    and the line does not end with . ; or :."""
    if not text[i + 1:i + 2].islower():
        return False
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] not in ".;:\n"


# The only characters a clause scan stops at; everything between them is skipped in one search.
_BACK_CHARS = "\n();:."
_FORWARD_STOPS = re.compile(r"[\n();.]")


def _stops_back(text: str, stop: int, pos: int) -> Iterator[int]:
    """Positions of the stop characters in ``text[stop:pos]``, nearest first: the last of each
    kind, found with ``str.rfind`` (a clause mostly starts a few words back)."""
    if pos <= stop:
        return  # (a negative pos would read as an offset from the end)
    last = [text.rfind(c, stop, pos) for c in _BACK_CHARS]
    while True:
        i = max(last)
        if i < 0:
            return
        yield i
        k = last.index(i)
        last[k] = text.rfind(_BACK_CHARS[k], stop, i)


def clause_start(text: str, pos: int, scan: int = SCAN, soft_wraps: bool = False) -> tuple[int, bool]:
    """(start, opened_by_paren) of the clause holding ``pos``: after the last ; . : or line break,
    or after the unmatched "(" it sits in; parentheses closed before ``pos`` are skipped."""
    depth = 0
    stop = max(0, pos - scan)
    for i in _stops_back(text, stop, pos):
        c = text[i]
        if c == "\n":
            if not (soft_wraps and soft_wrap(text, i)):
                return i + 1, False
        elif c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return i + 1, True
            depth -= 1
        elif depth == 0 and (c != "." or _full_stop(text, i)):
            return i + 1, False
    return stop, False


def clause_end(text: str, pos: int, scan: int = SCAN, soft_wraps: bool = False) -> int:
    """End of the clause from ``pos``: the next ; . or line break outside parentheses, or the
    ")" closing a parenthesis opened before ``pos``."""
    depth = 0
    stop = min(len(text), pos + scan)
    for m in _FORWARD_STOPS.finditer(text, pos, stop):
        i = m.start()
        c = text[i]
        if c == "\n":
            if not (soft_wraps and soft_wrap(text, i)):
                return i
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (c != "." or _full_stop(text, i)):
            return i
    return stop


def clause_at(text: str, pos: int, scan: int = SCAN) -> tuple[int, int]:
    """[start, end) of the clause holding ``pos``."""
    start, _ = clause_start(text, pos, scan)
    return start, clause_end(text, pos, scan)


def sentence_end(text: str, pos: int, scan: int = SCAN) -> int:
    """End of the sentence from ``pos``: the next full stop or line break (";" does not end it)."""
    stop = min(len(text), pos + scan)
    i = pos
    while i < stop:
        c = text[i]
        if c == "\n" or (c == "." and _full_stop(text, i)):
            return i
        i += 1
    return stop
