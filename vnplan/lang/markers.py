"""List markers at the start of a line: "I.", "II-", "1.", "1-", "2.1.", "A.", "a)", "-", "+".

The one reader of list markers and Roman numerals for the whole library: ``to_roman`` /
``roman_value`` (the one Roman converter), ``read_number`` (a number written in Arabic or Roman
figures), ``number_style`` (the numbering style of a printed number), ``LEAD`` (what a marker
may hide behind), ``readings`` (every reading of the marker at a position) and ``read_marker``
(the marker a line opens with). The outline decides whether a marker is a section; this module
only says what is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

_ROMAN_STEPS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def to_roman(n: int) -> str:
    """Canonical Roman numeral of 1..3999 ("" outside that range)."""
    if not 0 < n < 4000:
        return ""
    out = []
    for v, sym in _ROMAN_STEPS:
        k, n = divmod(n, v)
        out.append(sym * k)
    return "".join(out)


def roman_value(s: str) -> int:
    """Value of a canonical Roman numeral in any letter case ("iv" -> 4), else 0."""
    u = s.strip().upper()
    if not u or not _ROMAN_RE.fullmatch(u):
        return 0
    total, i = 0, 0
    for v, sym in _ROMAN_STEPS:
        while u.startswith(sym, i):
            total += v
            i += len(sym)
    return total


def read_number(s: str) -> tuple[int, str]:
    """(value, printed number) of a number in Arabic or Roman figures: "03" -> (3, "3"),
    "iv" -> (4, "IV"); (0, "") for letters that are no Roman numeral."""
    s = s.strip()
    if s.isdecimal():
        return int(s), str(int(s))
    v = roman_value(s)
    return v, to_roman(v)


NUMBER_SRC = r"\d{1,3}|[IVXLC]{1,7}"  # a number after a word ("Chương II", "Điều 3")

_UPPER_ONE = re.compile(r"[A-ZĐ]")
_LOWER_ONE = re.compile(r"[a-zđ]")
_DECIMAL_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}")


def number_style(number: str) -> Optional[str]:
    """The numbering style of a printed number: "II" roman, "2" arabic, "2.1" decimal, "B"
    upper, "b" letter; None otherwise. A letter that is a Roman numeral ("I", "C") is roman."""
    if not number:
        return None
    if number.isdecimal():
        return "arabic"
    if roman_value(number) and number.isupper():
        return "roman"
    if _UPPER_ONE.fullmatch(number):
        return "upper"
    if _LOWER_ONE.fullmatch(number):
        return "letter"
    return "decimal" if _DECIMAL_NUMBER.fullmatch(number) else None


@dataclass
class Marker:
    """A marker as written: its style, value, printed number and where the text after it starts."""

    style: str  # "roman", "arabic", "decimal", "upper", "letter", "bullet"
    value: object  # int, tuple of ints (decimal), a letter, or the bullet character
    number: str  # "II", "2", "2.1", "A", "a", "-"
    end: int  # offset just after the marker
    close: str = ""  # what closes an Arabic or capital-letter number: ".", ")", "-", "–" or ""
    bare: bool = False  # a Roman number without its dot, alone on its line ("III")


# What a marker may hide behind at the start of a line: spaces and tabs, markdown emphasis,
# header hashes, quote marks and Word bookmarks (left when the cleaner has not run).
# Possessive, so a long run of "*" or spaces cannot make the regex engine backtrack.
LEAD_SRC = r"(?:[ \t\u00a0\u200b\ufeff]++|\*++(?=\S)|#{1,6}[ \t]|>[ \t]?|\[bookmark:[^\]\n]{0,200}\])*+"
LEAD = re.compile(LEAD_SRC)
# What may open a marker (a lookahead for a regex that finds marker lines in a whole text).
START_SRC = (r"\d|[IVX][IVXivx]{0,5}[ \t]?[-.)–:]|[IVX]{1,6}[ \t*]*$|[A-ZĐ][ \t]?[-.)–]"
             r"|[a-zđ][ \t]?[).]")
_DEC = re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})[ \t]?[.)]?(?=[ \t*]|$)")
_ARA = re.compile(r"(\d{1,3})[ \t]?([.)]|[-–](?=[ \t]))(?![\d.])")
_ROM = re.compile(r"([IVX][IVXivx]{0,5})[ \t]?[-.)–:](?![\dIVXivx])")
# A Roman number alone on its line, its dot lost in PDF text ("III" then "TỔ CHỨC THỰC HIỆN").
_ROM_BARE = re.compile(r"([IVX]{1,6})[ \t*]*$")
_UP = re.compile(r"([A-ZĐ])[ \t]?(?:[.)](?=[ \t])|([-–])(?=[ \t]*[^\W\d_]))")
_LET = re.compile(r"([a-zđ])[ \t]?[).](?![\w.])")
_BULLET = re.compile(r"([-+•])(?=[ \t])")
_BLANKS = re.compile(r"[ \t]*")


def _figures(line: str, pos: int) -> list[Marker]:
    m = _DEC.match(line, pos)
    if m:
        return [Marker("decimal", tuple(int(p) for p in m.group(1).split(".")), m.group(1), m.end())]
    m = _ARA.match(line, pos)
    if m:
        return [Marker("arabic", int(m.group(1)), str(int(m.group(1))), m.end(), m.group(2))]
    return []


def readings(line: str, pos: int = 0) -> list[Marker]:
    """Every reading of a numbering marker at ``line[pos:]``, most specific first ("I." is a
    Roman one, then a capital letter); bullets are not read here (see ``read_marker``)."""
    ch = line[pos:pos + 1]
    if not ch or ch in "|-+•*":
        return []
    if ch.isdigit():
        return _figures(line, pos)
    out = []
    m = _ROM.match(line, pos) or _ROM_BARE.match(line, pos)
    if m:
        v = roman_value(m.group(1))
        if v:
            out.append(Marker("roman", v, to_roman(v), m.end(), bare=m.re is _ROM_BARE))
    m = _UP.match(line, pos)
    if m:
        out.append(Marker("upper", m.group(1), m.group(1), m.end(), m.group(2) or ""))
    m = _LET.match(line, pos)
    if m:
        out.append(Marker("letter", m.group(1), m.group(1), m.end()))
    return out


def read_marker(line: str) -> Optional[Marker]:
    """The list marker ``line`` opens with (its first reading; ``end`` after the blanks that
    follow it), or None ("2020 ..." or "45-NQ/TW" are no markers)."""
    pos = LEAD.match(line).end()
    m = _BULLET.match(line, pos)
    found = [Marker("bullet", m.group(1), m.group(1), m.end())] if m else readings(line, pos)
    if not found:
        return None
    found[0].end = _BLANKS.match(line, found[0].end).end()
    return found[0]
