"""Numbering markers: which readings a line's marker has and where each fits the outline."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..lang import patterns, vocab
from ..lang.markers import LEAD_SRC, NUMBER_SRC, START_SRC, Marker, read_number, readings
from ..lang.text import strip_accents
from ..model import Section

_MARK_SRC = r"^" + LEAD_SRC + r"(?=" + START_SRC  # lines worth a look (see ``_legal``)


def _loose(words: str) -> str:
    """A phrase with or without its diacritics ("n[ơo]i[ \t]+nh[ậa]n"), blanks between its words."""
    return r"[ \t]+".join("".join("[" + c + strip_accents(c) + "]" if strip_accents(c) != c else re.escape(c)
                                   for c in w) for w in words.split())


# The recipients' head ("Nơi nhận", doctypes.yaml recipients_words), written with or without accents.
RECIP_SRC = "(?:" + "|".join(_loose(str(w)) for w in vocab.load("doctypes")["recipients_words"]) + r")\b"
_NOI_NHAN_LINE = re.compile(r"^[ \t\u00a0*_]*" + RECIP_SRC, re.M | re.I)
_END_MARK_LINE = re.compile(r"\./\.[ \t*]*$", re.M)
# After the marker the heading starts with a letter, a quote or a bracket, or the line ends;
# or, after a blank, with a figure that a word or "%" follows ("1. 100% cán bộ được tập huấn").
_REST_OK = re.compile(r"[ \t*]*(?:$|[^\W\d_]|[\"“‘'(\[]|(?<=[ \t])\d{1,3}(?:[.,]\d{1,3})*+(?:%|[ \t]+[^\W\d_]))")
_REST_SKIP = re.compile(r"[ \t*]*")

# Clause ends inside a running-text heading: "." or ":" before a space or the line end.
_TERM = re.compile(r"(?<=\S)\.(?=[\s*]|$)|:(?=[\s*]|$)")

# Nesting prior used only when a style appears *above* a deeper one already open (numbering
# that jumps, e.g. "2.1 ... 2.4" then "1."): the smaller rank is the bigger division.
_DIVISIONS = ("chuong", "muc")  # the legal divisions above the article
_RANK = {"chuong": -2, "muc": -1, "dieu": 0, "roman": 1, "arabic": 2, "dec2": 3, "dec3": 4, "dec4": 5, "letter": 6}


@dataclass
class _Cand:
    """One reading of a line's marker."""

    style: str
    value: object  # int, or tuple of ints for decimals
    number: str  # as the id shows it: "II", "2", "2.1", "a", "Điều 1"
    end: int  # offset in the line just after the marker
    bare: bool = False  # a Roman number without its dot, alone on its line
    dash: bool = False  # a capital letter before "-" ("A- ĐÁNH GIÁ ..."): only over a title


@dataclass
class _Frame:
    style: str
    value: object
    section: Section


@lru_cache(maxsize=None)
def _legal() -> tuple:
    """(marker-line regex, [(style, label, regex)]) for the divisions of a legal-style text.

    The words come from ``legal_divisions`` in headings.yaml ("Chương", "Mục", "Điều"); the
    first word of each list is how the number is written ("Chương II", "Điều 3"). A division
    is numbered in Arabic or Roman figures, with an optional "." or ":" after the number.
    """
    data = (vocab.load("headings") or {}).get("legal_divisions") or {}
    out, words = [], []
    for style, names in data.items():
        names = [str(x) for x in names or []]
        if not names:
            continue
        alts = patterns.alternation(names, " ")
        words.append(alts)
        out.append((str(style), names[0], re.compile(
            alts + r"[ \t]+(" + NUMBER_SRC + r")[ \t]*[.:]?(?=[ \t*]|$)")))
    extra = "".join(r"|" + w + r"[ \t]" for w in words)
    return re.compile(_MARK_SRC + extra + ")", re.M), out


def _legal_cand(line: str, pos: int) -> Optional[_Cand]:
    """A legal division's marker at ``line[pos:]`` ("Chương II", "Mục 1", "Điều 5."), else None."""
    for style, label, rx in _legal()[1]:
        m = rx.match(line, pos)
        if m:
            val, printed = read_number(m.group(1))
            if val:
                return _Cand(style, val, f"{label} {printed}", m.end())
    return None


def _cand(mk: Marker) -> _Cand:
    """The outline's reading of a marker: decimals styled by depth ("dec2"), "1)" apart from "1."."""
    style = mk.style
    if style == "decimal":
        style = f"dec{len(mk.value)}"
    elif style == "arabic" and mk.close == ")":
        style = "arabic)"
    return _Cand(style, mk.value, mk.number, mk.end, mk.bare, style == "upper" and bool(mk.close))


def _candidates(line: str, pos: int) -> list:
    """Every reading of a numbering marker at ``line[pos:]``, most specific first: a legal
    division ("Chương II") before the list markers of lang.markers."""
    legal = _legal_cand(line, pos) if line[pos:pos + 1].isupper() else None
    if legal is not None:
        return [legal]
    return [_cand(mk) for mk in readings(line, pos)]


def _is_first(c: _Cand) -> bool:
    if c.style.startswith("dec"):
        return c.value[-1] == 1
    if c.style == "letter":
        return c.value == "a"
    if c.style == "upper":
        return c.value == "A"
    return c.value == 1


def _follows(prev: object, c: _Cand, loose: bool, v: dict) -> bool:
    """Does ``c`` continue the sequence whose last number was ``prev``?"""
    if c.style.startswith("dec"):
        if c.value[:-1] != prev[:-1]:
            return False
        gap = c.value[-1] - prev[-1]
    elif c.style == "letter":
        step = v["letter_next"].get(prev, set())
        return c.value in step or (loose and any(c.value in v["letter_next"].get(s, ()) for s in step))
    elif c.style == "upper":
        step = v["upper_next"].get(prev, set())
        return c.value in step or (loose and any(c.value in v["upper_next"].get(s, ()) for s in step))
    else:
        gap = c.value - prev
    return gap == 1 or (loose and gap == 2)


def _place(stack: list, c: _Cand, loose: bool, v: dict) -> Optional[int]:
    """The depth (index into ``stack``) at which ``c`` is accepted, or None."""
    for i, fr in enumerate(stack):
        if fr.style == c.style:
            return i if _follows(fr.value, c, loose, v) else None
    # articles are numbered through the whole text: "Điều 6" opens "Chương II"
    if not _is_first(c) and not (c.style == "dieu" and stack and stack[-1].style in _DIVISIONS):
        return None
    if c.style.startswith("dec") and stack:
        top = stack[-1]
        if (top.style == "arabic" and (top.value,) != c.value[:-1]) or (
                top.style.startswith("dec") and top.value != c.value[:-1]):
            return None
    rank = _RANK.get(c.style)
    if rank is not None:
        for i, fr in enumerate(stack):
            r = _RANK.get(fr.style)
            if r is not None and r > rank:
                return i
    return len(stack)
