"""One calendar date in a line: the header's place-date line, a cited document's date.

``read_date("Hà Nội, ngày 24 tháng 11 năm 2023")`` -> ``("2023-11-24", 8, 34)``. A day left
blank for the signer to fill in ("ngày    tháng 02 năm 2024") gives the month, "2024-02"; a
blank month as well gives the year, "2024". Numeric forms ("ngày 24/11/2023", "24-11-2023")
are read by the time reader itself, so both stages agree on what a date is.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .timex import find_timexes
from .timex_patterns import _DAY, _LB, _MON, _S, _YEAR, repair_ocr

_BLANK = r"[\s.…_]{0,16}"  # what stands for a day or month left blank: spaces, dots, "…", "___"
_WORDY = re.compile(
    rf"{_LB}ngày(?:{_S}(?P<d>{_DAY}){_S}|{_BLANK})tháng(?:{_S}(?P<m>{_MON}){_S}|{_BLANK}),?{_S}"
    rf"năm{_S}(?P<y>{_YEAR})", re.I)


def _iso(y: int, m: Optional[int], d: Optional[int]) -> Optional[str]:
    try:
        if m is None:
            return f"{y:04d}"
        if d is None:
            return date(y, m, 1).isoformat()[:7]
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def read_date(text: str) -> Optional[tuple]:
    """(iso, start, end) of the first full date in ``text``; None when there is none.

    The day may be left blank ("2024-02"), or day and month ("2024"); a day with a blank
    month is no date.
    """
    if not text or not isinstance(text, str):
        return None
    shadow = repair_ocr(text)
    wm = _WORDY.search(shadow)
    numeric = next((t for t in find_timexes(text) if t.kind == "date" and t.year_given and t.due), None)
    if wm is not None and (numeric is None or wm.start() <= numeric.span[0]):
        d, m = wm.group("d"), wm.group("m")
        if d is not None and m is None:
            return None
        iso = _iso(int(wm.group("y")), int(m) if m else None, int(d) if d else None)
        return (iso, wm.start(), wm.end()) if iso else None
    if numeric is not None:
        start = numeric.span[0] + len(numeric.text) - len(numeric.text.lstrip())
        if numeric.cue:  # "trước ngày 30/6/2024": the date without its preposition
            start = numeric.span[0] + len(numeric.text) - len(numeric.text[len(numeric.cue):].lstrip())
        return numeric.due, start, numeric.span[1]
    return None
