"""The trích yếu: the lines after the type line, up to the separator, the enacting formula
("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ ...") or the body."""
from __future__ import annotations

import re
from typing import Optional

from ..lang.text import fold
from .cells import SEP_ONLY, Cell, is_caps
from .issuer import enacting_authority
from .words import data


def _skip(t: str, f: str, stop_folds: set) -> bool:
    """A separator, the issuer's own lines or a draft mark: never part of the title."""
    return bool(SEP_ONLY.match(t)) or f in stop_folds or f.startswith(data()["draft"]) and len(f) < 25


def _continues(prev: str, t: str, nxt: str) -> bool:
    """Whether the cell ``t`` continues the title line ``prev``: a lower-case continuation, or
    capitals after capitals unless ``t`` is the enacting authority and ``prev`` is complete."""
    if t[:1].islower():
        return True
    if not (is_caps(t) and is_caps(prev)) or t.endswith(":"):
        return False
    last = fold(prev).split()[-1:]
    if last and last[0] in data()["title_links"]:
        return True  # "... CỦA" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the title goes on
    return enacting_authority(t, nxt) is None


def find_title(cs: list[Cell], stop_folds: set) -> tuple[Optional[str], Optional[list], int]:
    """(title, span, index of the first cell after it) read from the cells after the type line."""
    parts: list[Cell] = []
    j = 0
    while j < len(cs):
        t = cs[j].text
        f = fold(t)
        if _skip(t, f, stop_folds):
            if parts:
                break
        elif not parts:
            if is_caps(t) and f.startswith(data()["of_lead"]) and len(t) < 80:
                pass  # "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH": the issuing body, not the summary
            elif t.endswith(":") or len(t) > 600:
                break
            else:
                parts.append(cs[j])
        elif _continues(parts[-1].text, t, cs[j + 1].text if j + 1 < len(cs) else ""):
            parts.append(cs[j])
        else:
            break
        j += 1
    if not parts:
        return None, None, j
    title = re.sub(r"\s+", " ", " ".join(p.text for p in parts)).strip(" .")
    return title, [parts[0].start, parts[-1].end], j
