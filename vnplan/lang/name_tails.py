"""What follows a body's head name: a list of places, a mission complement, a joined organ."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import vocab
from .fold import VIET, fold_same_length, key_of
from .gazetteer import BodyMatch, Gazetteer as _Gazetteer

# Capitalized words that start something else, not a place name; as written, since a place
# may fold the same ("Hà Tĩnh" is no "tỉnh").
_NOT_PLACE_WRITTEN = frozenset("ban sở bộ hội ủy uỷ đảng liên văn công mặt thường chủ chính thủ quốc các "
                               "và tỉnh huyện xã phường kế nghị chương quyết".split())
NOT_PLACE = frozenset(fold_same_length(w) for w in _NOT_PLACE_WRITTEN)


def not_place(word: str, folded: str) -> bool:
    """``word`` (``folded`` its folded copy) opens something else, not a place name. A word
    written without any tone mark (OCR, telex-less text) is judged by its folded form."""
    if folded not in NOT_PLACE:
        return False
    low = word.lower()
    return low in _NOT_PLACE_WRITTEN or low == folded

_CAP = "[A-Z" + VIET.upper() + "]"
_PLACE_ITEM = _CAP + r"[^\W\d_]*+(?:[ \t]++" + _CAP + r"[^\W\d_]*+){0,4}+"
# ": Gia Thuận, Tân Điền và Gò Công Đông": possessive, so a long line is read once
_PLACES = re.compile(r":[ \t]*+(" + _PLACE_ITEM + r"(?:(?:[ \t]*+,[ \t]*+|[ \t]++và[ \t]++)"
                     + _PLACE_ITEM + r")++)")
_PLACE_SEP = re.compile(r"(?:,|[ \t]va[ \t])[ \t]*(\w+)")
_PLACE_SPAN = 400  # characters a list of places may take


def place_list(text: str, folded: str, colon: int) -> Optional[int]:
    """End of a list of two or more place names after ``colon`` on its line, else None.

    Each place is one to five capitalized words ("Gò Công Đông"); a word that opens a name
    or a sentence ("Chủ trì, ...") is no place, and ends the list before it.
    """
    m = _PLACES.match(text, colon, colon + _PLACE_SPAN)
    if m is None:
        return None
    first = folded[m.start(1):m.end(1)].split(" ", 1)[0]
    if not_place(text[m.start(1):m.start(1) + len(first)], first):
        return None
    items, end = 1, m.end()
    for s in _PLACE_SEP.finditer(folded, m.start(1), end):
        if not_place(text[s.start(1):s.end(1)], s.group(1)):
            end = s.start()
            break
        items += 1
    return end if items >= 2 else None


@lru_cache(maxsize=1)
def complement_heads() -> frozenset:
    return frozenset((vocab.load("bodies") or {}).get("complement_heads") or [])


@lru_cache(maxsize=1)
def _complement_levels() -> re.Pattern:
    """The levels closing a complement, on the text as written (folded, "phường" would be the
    "phương" of "địa phương"), after a space."""
    levels = sorted((vocab.load("bodies") or {}).get("complement_levels") or [], key=len, reverse=True) or ["tỉnh"]
    return re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, levels)) + r")(?!\w)", re.I)


# up to 30 lower-case words, commas and dashes; possessive: each name is read once


@lru_cache(maxsize=1)
def _complement_re() -> re.Pattern:
    """Up to 30 words, commas and dashes; possessive: each name is read once. A capitalised
    word or a number may belong to the mission ("thực hiện Đề án 06", "Chương trình mục tiêu
    quốc gia"); the head of another body ("Sở", "Ủy ban") never does."""
    stops = sorted((vocab.load("bodies") or {}).get("complement_stops") or [], key=len, reverse=True)
    stop = "(?!(?:" + "|".join(map(re.escape, stops)) + r")(?!\w))" if stops else ""
    return re.compile(r"(?:(?:[ \t]*+,[ \t]*+|[ \t]++)" + stop + r"(?:[^\W\d_]++|\d{1,3}+(?!\w))|[ \t]++-){1,30}+")


_COMPLEMENT_STOP = re.compile(r"[ \t]*(?:[,;.():]|va(?!\w)|$)|[ \t]+(?=" + _CAP + ")")


@lru_cache(maxsize=1)
def _action_after() -> re.Pattern:
    """The verb of a task after a level closes a complement too ("... tỉnh chủ trì")."""
    words = sorted({fold_same_length(w) for w in (vocab.load("bodies") or {}).get("action_words") or []},
                   key=len, reverse=True)
    return re.compile(r"[ \t]+(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?!\w)")


def complement(text: str, folded: str, g: _Gazetteer, end: int) -> tuple[int, str]:
    """ "Ban Chỉ đạo phòng, chống tội phạm ... tỉnh": (end, suffix) through the first level
    word that closes the complement (before a comma, "và", a bracket or a capital); else
    (end, "") when no level closes it within 30 words."""
    m = _complement_re().match(text, end)
    if not m:
        return end, ""
    lv = _complement_levels()
    pos = end
    while True:
        x = lv.search(text, pos, m.end())
        if x is None:
            return end, ""
        if x.start() > end and (_COMPLEMENT_STOP.match(folded, x.end()) or _action_after().match(folded, x.end())):
            return x.end(), " " + " ".join(text[end:x.end()].split())
        pos = x.end()


@lru_cache(maxsize=1)
def _organ_prefixes() -> frozenset:
    return frozenset(key_of(x) for x in (vocab.load("bodies") or {}).get("organ_prefixes") or [])


def join_organs(text: str, folded: str, out: list[BodyMatch]) -> list[BodyMatch]:
    """ "Cơ quan Thường trực" + " " + a named body: one name (the standing agency of that body);
    so is a party committee written bare before the body it serves ("Đảng ủy Bộ Y tế")."""
    prefixes = _organ_prefixes()
    if not prefixes or len(out) < 2:
        return out
    hits = [i for i in range(len(out) - 1) if out[i + 1].start - out[i].end == 1
            and not out[i + 1].generic and not out[i + 1].weak and key_of(out[i].canonical) in prefixes]
    if not hits:
        return out
    joined: list[BodyMatch] = []
    i = 0
    hit = set(hits)
    while i < len(out):
        b = out[i]
        if i in hit and folded[b.end] in " \t":
            n = out[i + 1]
            surface = " ".join(text[b.start:n.end].split())
            kind = "party" if b.kind == "party" else n.kind
            joined.append(BodyMatch(b.start, n.end, surface, surface[:len(b.surface)] + " " + n.canonical,
                                    False, kind, False))
            i += 2
            continue
        joined.append(b)
        i += 1
    return joined


