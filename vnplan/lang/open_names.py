"""Open-vocabulary body names: an organisation the gazetteer does not know.

"Trung tâm Chính trị thành phố", "Chi cục Thủy lợi tỉnh", "Viện Nghiên cứu Phát triển": a head
noun of an organisation (``org_heads`` in bodies.yaml), the capitalised words of its name, and
perhaps a few lower-case words closed by a level. Pure functions over strings.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from . import vocab
from .fold import fold_same_length
from .gazetteer import BodyMatch, gazetteer

UNKNOWN = "unknown"  # kind of a body not in the gazetteer: its canonical name is None


@lru_cache(maxsize=1)
def _unknown_org_res() -> tuple:
    """(organisation head followed by a capital, words a name never runs over, words of a
    sentence no verb closes into a name) from bodies.yaml."""
    data = vocab.load("bodies") or {}
    heads = sorted(data.get("org_heads") or [], key=len, reverse=True)
    head = re.compile(r"(?:" + "|".join(map(re.escape, heads)) + r")(?=[ \t]+[A-Z" + _VIET_UPPER + "])") if heads else None
    breaks = frozenset(fold_same_length(w) for w in data.get("name_breaks") or [])
    stops = frozenset(w.lower() for w in data.get("name_stops") or [])  # as written: "dược" is no "được"
    return head, breaks, stops


def may_open(text: str, a: int, b: int) -> bool:
    """Whether a name the gazetteer lacks may start in [a, b): a head noun followed by a
    capital stands there (``open_name`` reads none elsewhere)."""
    head = _unknown_org_res()[0]
    return head is not None and head.search(text, a, b) is not None


_VIET_UPPER = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
# a dash between two capitalised words belongs to a name ("Việt - Đức", "Khuyến nông - Khuyến ngư")
_NAME_WORD = re.compile(r"([ \t]*,[ \t]*|[ \t]+và[ \t]+|[ \t]+-[ \t]+|[ \t]+)([^\W\d_]+)")
_CLOSE = re.compile(r"[ \t]*(?:[:;)]|\.(?!\w)|\n|$)")  # what ends a name's last lower-case word
_MAX_NAME_WORDS = 12
_MAX_LOWER_BEFORE_LEVEL = 6  # "Trung tâm Phục vụ hành chính công tỉnh", "Cục Quản lý chất lượng nông lâm sản"


def _breaks_at(text: str, f: str, w: re.Match, limit: int, breaks: frozenset) -> bool:
    """The word of ``w``, alone or with the one or two after it, is a verb ("có trách nhiệm")."""
    if f[w.start(2):w.end(2)] in breaks:
        return True
    nxt = w
    for _ in range(2):
        nxt = _NAME_WORD.match(text, nxt.end(), limit)
        if not nxt:
            return False
        if f[w.start(2):nxt.end(2)] in breaks:
            return True
    return False


def _next_name(text: str, w: re.Match, limit: int, head: re.Pattern, known_at: Callable[[int], bool],
               lower: int) -> Optional[bool]:
    """For the capitalised word of ``w``: None when it goes on the name; else it opens the next
    name, and the name closes before it with its lower-case words (True) or without (False)."""
    at = w.start(2)
    if w.group(1).strip() and (head.match(text, at, limit) or known_at(at)):
        # "và Phòng ...": the next name of the list; "Quỹ Nhi đồng Liên hợp quốc, Cơ quan ..."
        return bool(lower)
    if lower and head.match(text, at, limit):
        return False  # "Cục Quản lý dược giao | Phòng ...": a sentence runs between two names
    return None


def open_name(text: str, folded: str, pos: int, limit: int,
              known_at: Callable[[int], bool]) -> Optional[BodyMatch]:
    """An organisation the gazetteer does not know: its head noun, the capitalised words of
    its name (joined by "và" or "," when a capital follows that opens no other name), then a
    level word, perhaps after one or two lower-case words ("... và Phát triển nông thôn
    huyện"). ``known_at(i)``: a gazetteer name starts at i (the next name of a list).
    Its kind is ``UNKNOWN``: the canonical name is the surface."""
    head, breaks, stops = _unknown_org_res()
    f = folded
    m = head.match(text, pos, limit) if head is not None else None
    if m is None or (pos and (text[pos - 1].isalnum())):
        return None
    g = gazetteer()
    i, end, lower, words = m.end(), 0, 0, 0
    while words < _MAX_NAME_WORDS:
        if end:
            lv = g.level_regex.match(f, i, limit)
            if lv is not None and text[lv.start():lv.end()].strip()[:1].islower():
                end = lv.end()
                break
        w = _NAME_WORD.match(text, i, limit)
        if not w:
            if lower and _CLOSE.match(text, i, limit):
                end = i  # "Báo Sức khỏe và Đời sống: ...": the punctuation closes the name
            break
        sep, word = w.group(1).strip(), w.group(2)
        words += 1
        if word[0].isupper():
            closes = _next_name(text, w, limit, head, known_at, lower)
            if closes is not None:
                end = i if closes else end
                break
            end = i = w.end()
            lower = 0
            continue
        # lower-case syllables belong to the name only when a capital or a level closes them
        # ("Chính trị Lê Duẩn", "Phát triển nông thôn huyện"); a verb ends it
        if word.lower() in stops:
            break  # "Trung tâm Dữ liệu quốc gia được ...": the name ends at its last capital
        if _breaks_at(text, f, w, limit, breaks):
            if lower and not sep:
                end = i  # "Trung tâm Y tế | hướng dẫn": the verb closes the name
            break
        if sep or not end or lower >= _MAX_LOWER_BEFORE_LEVEL:
            break
        i = w.end()
        lower += 1
    if not end:
        return None
    surface = text[pos:end]
    return BodyMatch(pos, end, surface, surface, False, UNKNOWN)




def open_name_ending(text: str, folded: str, a: int, end: int,
                     known_at: Callable[[int], bool]) -> Optional[BodyMatch]:
    """The longest name the gazetteer does not know that starts in [a, end) and ends at
    ``end`` ("..., Cục Quản lý dược | chủ trì"), else None."""
    head = _unknown_org_res()[0]
    if head is None:
        return None
    for m in head.finditer(text, a, end):
        o = open_name(text, folded, m.start(), end, known_at)
        if o is not None and o.end == end:
            return o
    return None
