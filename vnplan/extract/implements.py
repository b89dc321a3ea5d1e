"""Where a plan says what it carries out, besides its title and opening sentence: a purpose
item that repeats it ("1. Mục đích: Triển khai thực hiện có hiệu quả Kế hoạch số 14-KH/TU ...,
Kế hoạch số 24/KH-UBND ... và Nghị quyết số 66-NQ/TW"), a parenthesis under the title
("(Thực hiện điểm a khoản 2 Điều 28 Luật Thủ đô số 39/2024/QH15)") and the directive clause that
closes a Chỉ thị's opening ("..., Ủy ban nhân dân tỉnh yêu cầu:"). GOLD.md rule 2: a document
named so is ``implements`` even when a "Căn cứ" also cites it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from ..lang import vocab
from ..lang.text import fold

# markup, bullets and an item label ("a)", "1.", "2.1.") before an item's first word
_ITEM_LEAD = re.compile(r"^[\s*_#>|+•–-]*(?:\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[).][\s*_]*)?", re.I)
_CLAUSE_END = re.compile(r"[;.](?=[\s*_]*(?:\n|$)|\s)")
_PURPOSE_READ = 4000  # characters of the purpose section read at most
_SPAN_MAX = 1500  # characters of one purpose sentence at most
_PAREN_LINES = 4  # lines under the title where a "(Thực hiện ...)" parenthesis may stand


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    return {"openers": tuple(sorted((fold(o) for o in d["implement_openers"]), key=len, reverse=True)),
            "directive": tuple(fold(v) for v in d["directive_verbs"])}


def _opens(line: str) -> bool:
    folded = fold(_ITEM_LEAD.sub("", line).replace("_", " "))
    return folded.startswith(_data()["openers"])


def purpose_spans(text: str, sections: Iterable) -> list[list[int]]:
    """Spans of the items of the first purpose section that open with an opener ("Triển khai
    thực hiện ...", "Thực hiện ..."), each to the end of its clause."""
    sec = next((s for top in sections for s in top.walk() if s.kind == "purpose"), None)
    if sec is None or not sec.span:
        return []
    start, end = sec.span[0], min(sec.span[1], sec.span[0] + _PURPOSE_READ)
    out: list[list[int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        if _opens(text[pos:le]):
            stop = _CLAUSE_END.search(text, pos, min(len(text), pos + _SPAN_MAX))
            out.append([pos, stop.end() if stop else le])
            pos = max(le, out[-1][1]) + 1
            continue
        pos = le + 1
    return out


def parenthesis_span(text: str, start: int, end: int) -> Optional[list[int]]:
    """The "(Thực hiện ...)" parenthesis among the first lines of text[start:end] (under the
    title), to its closing bracket."""
    pos = start
    for _ in range(_PAREN_LINES):
        if pos >= end:
            break
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        line = text[pos:le].strip(" \t*_")
        if line.startswith("(") and fold(line[1:]).startswith(_data()["openers"]):
            close = text.find(")", pos, min(len(text), pos + 600))
            return [pos, close + 1] if close > 0 else None
        pos = le + 1
    return None


def directs(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes with a body's directive: "..., Ủy ban nhân dân tỉnh yêu
    cầu:" (a Chỉ thị says what it carries out so)."""
    seg = text[max(start, end - 200):end].rstrip(" \t*_\n")
    if not seg.endswith(":"):
        return False
    clause = seg[max(seg.rfind(","), seg.rfind(";")) + 1:].strip(" \t*_\n:")
    words = clause.split()
    return 2 <= len(words) <= 12 and clause[:1].isupper() and fold(clause).endswith(_data()["directive"])
