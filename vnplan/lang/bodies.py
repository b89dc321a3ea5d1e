"""Body names: the pure name reader of the language layer.

Recognizes Party, State, Front and association bodies named in a text: the gazetteer's
names (``lang/gazetteer.py``) with their level and place ("Ủy ban nhân dân tỉnh Hà Giang"),
a mission complement ("Ban Chỉ đạo ... tỉnh") and misspelled names (``lang/fuzzy_names.py``).
Pure functions over strings: no document, no cache of past texts.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import vocab
from .fold import TOKEN_RE as _TOKEN_RE, fold_same_length, fold_text
from .gazetteer import BodyMatch, Entry, Gazetteer as _Gazetteer, gazetteer
from .fuzzy_names import fuzzy as _fuzzy, merge as _merge
from .name_tails import complement, complement_heads, join_organs, not_place, place_list


_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
_COMMITTEE_AFTER = re.compile(r"[ \t]+uy(?![\w&])(?![ \t]+ban(?!\w))")  # folded "ủy" after a level word

@lru_cache(maxsize=1)
def _area_regex() -> Optional[re.Pattern]:
    words = sorted((vocab.load("bodies") or {}).get("numbered_areas") or [], key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, words)) + r")[ \t]+(?:[IVXLC]{1,6}|\d{1,3})(?![\w&])",
                      re.I)


def _numbered_area(text: str, end: int) -> Optional[tuple[int, str]]:
    """(end, suffix) of a numbered area after a name ("khu vực VII", "vùng 3"), else None."""
    r = _area_regex()
    m = r.match(text, end) if r is not None else None
    return (m.end(), " " + " ".join(m.group().split())) if m else None


def _extend(text: str, folded: str, g: _Gazetteer, end: int, entry: Entry,
            memo: Optional[dict] = None) -> tuple[int, str]:
    """Extend a name over its level and place name; returns (new end, canonical suffix).

    Also over a numeral before the level ("Ủy ban nhân dân 04 xã") and the colon list of
    places after it ("...: Gia Thuận, Tân Điền"): cut before them, the name would read as
    the province's own body. A collective phrase keeps the kind of its group ("các doanh
    nghiệp viễn thông") and its "có liên quan".
    ``memo`` (one scan's) keeps what each written level means, for texts that repeat names.
    """
    if folded[end:end + 1] not in (" ", "\t"):
        return end, ""  # every extension opens with a space: ", " and ". " end the name here
    suffix, allow_place = "", entry.place
    if entry.takes_level or entry.needs_level:
        end, suffix, allow_place, final = _level(text, folded, g, end, entry, memo)
        if final:
            return end, suffix
    if allow_place:
        end, suffix = _place_words(text, folded, end, suffix)
    if entry.generic:
        end, suffix = _collective_tail(folded, g, end, suffix, entry.group)
    return end, suffix


def _level(text: str, folded: str, g: _Gazetteer, end: int, entry: Entry,
           memo: Optional[dict]) -> tuple[int, str, bool, bool]:
    """The level after a name: (end, suffix, a place may follow, nothing more may follow)."""
    at = end + 4 if entry.generic and folded.startswith(" cua ", end) else end  # "các sở ... của tỉnh"
    m = g.level_regex.match(folded, at)
    if m is None and not entry.generic:
        area = _numbered_area(text, end)
        if area is not None:  # "Kho bạc Nhà nước khu vực VII": a regional branch, by its number
            return area[0], area[1], False, True
        c = g.counted_regex.match(folded, end) if folded[end + 1:end + 2].isdigit() else None
        if c is not None:  # "Ủy ban nhân dân 04 xã"
            return _then_places(text, folded, c.end(), " " + " ".join(text[c.start():c.end()].split()), False)
    if m is None:
        return end, "", entry.place, False
    written = m.group()
    known = memo.get(written) if memo is not None else None
    if known is None:
        k = " ".join(_TOKEN_RE.findall(written))
        level = g.levels.get(k)
        known = (" " + (level if level is not None else text[m.start():m.end()].strip()), k in g.named_levels)
        if memo is not None:
            memo[written] = known
    suffix, allow_place = known
    c = _COMMITTEE_AFTER.match(folded, m.end())
    if c is not None:
        # "trực thuộc Huyện ủy": the level opens a committee's name, read whole
        com = g.entries.get(" ".join(_TOKEN_RE.findall(folded[m.start():c.end()])))
        if com is None or com.generic or com.kind != "party":
            return end, "", False, True
        return c.end(), " " + com.canonical, False, False
    return _then_places(text, folded, m.end(), suffix, allow_place)


def _then_places(text: str, folded: str, end: int, suffix: str, allow_place: bool) -> tuple[int, str, bool, bool]:
    """After a level: a colon list of places ("xã: Gia Thuận, Tân Điền") closes the name."""
    stop = place_list(text, folded, end) if folded.startswith(":", end) else None
    if stop:
        return stop, suffix + ": " + " ".join(text[end + 1:stop].split()), False, True
    return end, suffix, allow_place, False


def _place_words(text: str, folded: str, end: int, suffix: str) -> tuple[int, str]:
    """Up to four capitalised words of a place name after a name or its level."""
    for n in range(4):
        w = _WORD_AFTER.match(text, end)
        if not w:
            break
        word = w.group(1)
        if not word[0].isupper() or not_place(word, folded[w.start(1):w.end(1)]):
            break
        if n == 0 and not suffix and len(word) > 1 and word.isupper():
            break  # an abbreviation such as "TU", not a place
        suffix += " " + word
        end = w.end()
    return end, suffix


def _collective_tail(folded: str, g: _Gazetteer, end: int, suffix: str, group: bool) -> tuple[int, str]:
    """The kind of a group ("các doanh nghiệp viễn thông") and "(có) liên quan" after a collective."""
    if group:
        q = g.group_regex.match(folded, end)
        if q:
            suffix += " " + g.suffixes.get(" ".join(_TOKEN_RE.findall(q.group())), q.group().strip())
            end = q.end()
    q = g.related_regex.match(folded, end) if folded.startswith(g.related_heads, end) else None
    if q:
        suffix += " " + g.suffixes.get(" ".join(_TOKEN_RE.findall(q.group())), q.group().strip())
        end = q.end()
    return end, suffix


def scan_bodies(text: str, folded: Optional[str] = None) -> list[BodyMatch]:
    """Every body name in ``text`` in order, including weak list-only words.

    ``folded`` may be given: a same-length folded copy (a caller that joined broken lines).
    """
    if not text:
        return []
    if folded is None or len(folded) != len(text):
        folded = fold_text(text)
    return scan_range(text, folded, 0, len(text))


def list_word_at(text: str, folded: str, pos: int) -> Optional[BodyMatch]:
    """The list-only word at ``pos`` ("cơ quan", "đơn vị liên quan"), marked weak, else None.

    Such words name a body only inside a list of bodies: a reader of a list asks for one
    right after a separator, instead of every text being scanned for them.
    """
    g = gazetteer()
    m = g.list_regex.match(folded, pos)
    if m is None or (pos and (folded[pos - 1].isalnum() or folded[pos - 1] == "&")):
        return None
    entry = g.entries.get(" ".join(_TOKEN_RE.findall(m.group())))
    if entry is None:
        return None
    end, suffix = _extend(text, folded, g, m.end(), entry)
    return BodyMatch(pos, end, " ".join(text[pos:end].split()), entry.canonical + suffix, entry.generic,
                     entry.kind, entry.weak)


def scan_range(text: str, folded: str, a: int, b: int) -> list[BodyMatch]:
    """The body names starting in [a, b) of ``text``, ``folded`` its same-length folded copy.

    ``a`` and ``b`` should be line bounds: no name runs over a line break, so the names of a
    range are those a scan of the whole text finds there (a caller re-reads a few lines).
    The search goes on after a name's level and place ("UBND tỉnh | Ủy ban MTTQ tỉnh"), so
    a level word is never read again as the start of a name ("tỉnh Ủy ban" is no Tỉnh ủy).
    """
    g = gazetteer()
    out: list[BodyMatch] = []
    keys: dict[str, Optional[Entry]] = {}  # matched folded string -> entry, for repeated names
    levels: dict = {}
    entries = g.entries
    level_match = g.level_regex.match
    search = g.after_break.search
    new_match = tuple.__new__
    first = g.regex.match(folded, a, b)  # a name that opens the range
    pos = a
    while True:
        if first is not None:
            start, stop = first.span()
            first = None
        else:
            m = search(folded, pos, b)
            if m is None:
                break
            start, stop = m.span(1)
        pos = stop
        written = folded[start:stop]
        entry = keys.get(written, entries)
        if entry is entries:
            entry = keys[written] = entries.get(" ".join(_TOKEN_RE.findall(written)))
        if entry is None:
            continue
        if entry.needs_level and not level_match(folded, stop):
            continue
        if entry.takes_level or entry.needs_level or entry.place:
            end, suffix = _extend(text, folded, g, stop, entry, levels)
        else:
            end, suffix = stop, ""
        if (not suffix and entry.canonical in complement_heads() and text[start].isupper()
                and " ".join(text[start:stop].split()).lower() == entry.canonical.lower()):
            # as written ("Ban Chỉ đạo", not "văn bản chỉ đạo ...")
            end, suffix = complement(text, folded, g, end)
        # tuple.__new__ skips the Python-level __new__ of the named tuple (a call per name)
        surface = " ".join(text[start:end].split())
        out.append(new_match(BodyMatch, (start, end, surface, entry.canonical + suffix,
                                         entry.generic, entry.kind, entry.weak)))
        pos = end
    misspelled = _fuzzy(text, folded, g, out, _extend, a, b)
    if misspelled:
        out = _merge(out, misspelled)
    return join_organs(text, folded, out)


def find_bodies(text: str) -> list[tuple[int, int, str, str, bool]]:
    """Body mentions: (start, end, surface, canonical, generic), in reading order."""
    try:
        return [(b.start, b.end, b.surface, b.canonical, b.generic)
                for b in scan_bodies(text) if not b.weak]
    except Exception:  # noqa: BLE001 - never raise on odd input
        return []


def canonical_of(name: str) -> Optional[str]:
    """The canonical name of a body written alone ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh")."""
    for b in scan_bodies(name):
        if b.start <= 1 and b.end >= len(name.rstrip(" .,;:")) - 1:
            return b.canonical
    return None


