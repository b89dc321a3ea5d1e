"""List markers at the start of a line: "I.", "II-", "1.", "1-", "2.1.", "a)", "-", "+".

One Roman converter for the whole library (``to_roman`` / ``roman_value``), and ``read_marker``,
a pure reader of the marker a line opens with. The outline decides whether a marker is a
section; this module only says what is written.
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


@dataclass
class Marker:
    """A marker as written: its style, value, printed number and where the text after it starts."""

    style: str  # "roman", "arabic", "decimal", "letter", "bullet"
    value: object  # int, tuple of ints (decimal), a letter, or the bullet character
    number: str  # "II", "2", "2.1", "a", "-"
    end: int  # offset just after the marker and the blanks that follow it


_MARKER = re.compile(
    r"[ \t]*(?:(?P<dec>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=[ \t])"
    r"|(?P<ara>\d{1,3})(?:\.|[-–](?=[ \t])|\))(?![\d.])"
    r"|(?P<rom>[IVXLC]{1,7})[ \t]?[-.–)](?![\dIVXLC])"
    r"|(?P<let>[a-zđ])\)"
    r"|(?P<bul>[-+•])(?=[ \t]))[ \t]*")


def read_marker(line: str) -> Optional[Marker]:
    """The list marker ``line`` opens with, or None ("2020 ..." or "45-NQ/TW" are no markers)."""
    m = _MARKER.match(line)
    if not m:
        return None
    if m.group("dec"):
        parts = tuple(int(p) for p in m.group("dec").split("."))
        return Marker("decimal", parts, ".".join(map(str, parts)), m.end())
    if m.group("ara"):
        v = int(m.group("ara"))
        return Marker("arabic", v, str(v), m.end())
    if m.group("rom"):
        v = roman_value(m.group("rom"))
        return Marker("roman", v, to_roman(v), m.end()) if v else None
    if m.group("let"):
        return Marker("letter", m.group("let"), m.group("let"), m.end())
    return Marker("bullet", m.group("bul"), m.group("bul"), m.end())
