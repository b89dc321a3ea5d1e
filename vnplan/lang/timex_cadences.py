"""Cadences listed after a cadence: "định kỳ hằng quý, 6 tháng" (P3M, P6M), "hằng quý, năm".

The first member carries the cadence word ("hằng", "định kỳ"); the next ones are bare units or
counted units joined by a comma or a conjunction. A unit followed by a year ("năm 2026") is a
date, not a cadence.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from . import patterns
from .timex_patterns import _COUNT_UNIT, _UNIT_DUR, _V, _duration, _unit_key

_JOIN = r"[ \t]*(?:,|" + patterns.alternation(_V["list_conjunctions"], r"[ \t]+") + r")[ \t]*"
_TAIL = re.compile(
    _JOIN + r"(?:(?P<n>\d{1,2})[ \t]+(?P<cu>" + patterns.alternation(_V["count_units"], r"[ \t]+") + r")"
    r"|(?P<u>" + patterns.alternation(_V["cadence_units"], r"[ \t]+") + r"))"
    r"(?![^\W\d_])(?![ \t]*\d)", re.I)


def listed_cadences(text: str, end: int, recurrence: Optional[str]) -> list[tuple[int, int, str]]:
    """(start, end, recurrence) of each cadence listed right after one that ends at ``end``."""
    out: list[tuple[int, int, str]] = []
    seen = {recurrence}
    pos = end
    while True:
        m = _TAIL.match(text, pos)
        if m is None:
            return out
        if m.group("u"):
            rec, start = _UNIT_DUR.get(_unit_key(m.group("u"))), m.start("u")
        else:
            rec = _duration(int(m.group("n")), _COUNT_UNIT.get(_unit_key(m.group("cu"))) or "")
            start = m.start("n")
        if not rec or rec in seen:
            return out
        seen.add(rec)
        out.append((start, m.end(), rec))
        pos = m.end()


def with_listed_cadences(text: str, atoms: list, make: Callable) -> list:
    """``atoms`` (in reading order) with an atom ``make(start, end, recurrence)`` added after each
    cadence for every cadence listed right after it, up to the next atom."""
    out: list = []
    for k, a in enumerate(atoms):
        out.append(a)
        if a.parts["unit"] == "cadence":
            limit = atoms[k + 1].start if k + 1 < len(atoms) else len(text)
            out += [make(s, e, rec) for s, e, rec in listed_cadences(text, a.end, a.parts.get("recurrence"))
                    if e <= limit]
    return out
