"""Bodies: recognize Party, State, Front and association bodies named in the text.

The gazetteer (``vnplan/data/bodies.yaml``) is expanded once into a set of name keys
(lower case, accents stripped, punctuation as separate tokens) and compiled into one regex,
a trie factored character by character. The text is folded to the same form through the
charmap codec (one character -> one character, in C), so offsets in the folded text are
offsets in the original: case, tone style ("uỷ"/"ủy") and missing diacritics ("Tinh uy")
do not matter. The regex is tried only right after a character that may precede a name.
A misspelled name that the trie misses is caught by rapidfuzz, but only after a capitalized
head word (Ban, Sở, Hội ...) and only against the keys sharing that head, with a score cutoff.
The scan of the last texts is kept: the assignments stage reads the same mentions.
"""
from __future__ import annotations

import codecs
import gc
import re
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple, Optional

from ..lang import vocab
from ..model import Body, Document, Mention
from ..lang.text import strip_accents


def _fold_table() -> dict:
    """One character -> one character: lower case, no diacritics, "đ" -> "d", "_" -> " "."""
    table = {}
    ranges = [(0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            base = strip_accents(ch).lower()
            if len(base) == 1 and base != ch:
                table[cp] = base
    table[ord("_")] = " "
    table[0xA0] = " "
    table[ord("–")] = "-"
    table[ord("—")] = "-"
    return table


_FOLD = _fold_table()

# str.translate looks every character up in a dict (~0.2 us a character). The charmap codec
# does the same one-to-one mapping in C: the 256 characters Vietnamese text is made of are
# encoded to one byte each, and the bytes decoded to their folded form. A character outside
# those 256 goes through the error handler below, which folds it with the same table, or
# writes a stand-in of the same class (a letter, a space, a sign) that no name contains.
_VIET = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_LETTER_STAND_IN, _SPACE_STAND_IN, _SIGN_STAND_IN = "ª", "\x0b", "¤"
_CODEC_CHARS = ("\x00\t\n\x0b\x0c\r" + "".join(map(chr, range(32, 128))) + _VIET + _VIET.upper()
                + "\xa0–—“”‘’…•°≥≤→×·±≈" + _LETTER_STAND_IN + _SIGN_STAND_IN)
assert len(_CODEC_CHARS) <= 256 and len(set(_CODEC_CHARS)) == len(_CODEC_CHARS)
_CODEC_CHARS += "\ufffe" * (256 - len(_CODEC_CHARS))  # "\ufffe": an unused byte
_ENCODE = codecs.charmap_build(_CODEC_CHARS)
_DECODE = "".join(_FOLD.get(ord(c), c) for c in _CODEC_CHARS)
_KNOWN = frozenset(_CODEC_CHARS) - {"\ufffe"}
_ERRORS = "vnplan.bodies.fold"


def _fold_error(exc: UnicodeError) -> tuple[str, int]:
    """Fold a run of characters the codec table lacks: same length, same character class."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for c in exc.object[exc.start:exc.end]:
        f = _FOLD.get(ord(c), c)
        if f in _KNOWN:
            out.append(f)
        elif f.isalnum() or f == "_":
            out.append(_LETTER_STAND_IN)
        elif f.isspace():
            out.append(_SPACE_STAND_IN)
        else:
            out.append(_SIGN_STAND_IN)
    return "".join(out), exc.end


codecs.register_error(_ERRORS, _fold_error)


def fold_same_length(text: str) -> str:
    """Lower case, accent-stripped copy of ``text`` with exactly the same offsets.

    Characters no body name can contain (Greek, CJK, symbols) may come out as a stand-in of
    the same class: a letter stays a word character, a space a space, a sign a sign.
    """
    try:
        return codecs.charmap_decode(codecs.charmap_encode(text, _ERRORS, _ENCODE)[0], "strict", _DECODE)[0]
    except Exception:  # noqa: BLE001 - never expected; the same folding, one character at a time
        return "".join(c if c in _KNOWN else _fold_error(UnicodeEncodeError("", c, 0, 1, ""))[0]
                       for c in text)


# Every character a folded text can hold that may stand before a name (not a word character,
# not "&"): a name starts right after one of them, which the engine finds with a bitmap.
_BEFORE_NAME = "".join(sorted(c for c in set(_DECODE) - {"\ufffe"} if not re.match(r"[\w&]", c)))


_TOKEN_RE = re.compile(r"\w+|[-,&/]")


def key_of(name: str) -> str:
    """The matching key of a name: folded tokens joined by one space ("ct - xh")."""
    return " ".join(_TOKEN_RE.findall(fold_same_length(unicodedata.normalize("NFC", name))))


class Entry(NamedTuple):
    canonical: str
    kind: str
    generic: bool = False
    takes_level: bool = False
    needs_level: bool = False
    weak: bool = False  # a word that names a body only inside a list ("cơ quan", "đơn vị")
    place: bool = False  # may be followed directly by a place name ("Tỉnh ủy Hà Giang")
    group: bool = False  # a group that may name its kind ("các doanh nghiệp viễn thông")


class BodyMatch(NamedTuple):
    start: int
    end: int
    surface: str
    canonical: str
    generic: bool
    kind: str = "state"
    weak: bool = False


class _Gazetteer(NamedTuple):
    entries: dict  # key -> Entry
    regex: re.Pattern
    level_regex: re.Pattern
    levels: dict  # key -> accented level
    named_levels: frozenset
    by_head: dict  # head word -> {word count -> [keys]}
    anchor_regex: re.Pattern
    after_break: re.Pattern  # a character that may precede a name, then the name (group 1)
    counted_regex: re.Pattern  # a numeral and a level ("04 xã")
    group_regex: re.Pattern  # the kind of a group ("viễn thông")
    related_regex: re.Pattern  # "(có) liên quan" after a collective phrase
    suffixes: dict  # key -> accented form, for group kinds and "liên quan"
    related_heads: tuple  # " <first word> " of each "liên quan" phrase: a cheap first test


_SEP_PLUS, _SEP_STAR = "\x01", "\x02"  # token separators as units of the character trie


def _units(key: str) -> list[str]:
    """A key as trie units: its characters, with "[ \\t]+" between two words, else "[ \\t]*"."""
    toks = key.split(" ")
    out: list[str] = list(toks[0])
    for prev, tok in zip(toks, toks[1:]):
        word = (prev[0].isalnum() or prev[0] == "_") and (tok[0].isalnum() or tok[0] == "_")
        out.append(_SEP_PLUS if word else _SEP_STAR)
        out.extend(tok)
    return out


def _trie_regex(keys) -> str:
    """A regex alternation factored character by character.

    At each point the engine tries a handful of single characters instead of every first
    word of every name, and the pattern opens with a literal set the engine skips along.
    Longer words are tried before their prefixes and a name's continuation before its end,
    so the match is the one the word-by-word alternation "longest word first" would give.
    """
    trie: dict = {}
    for k in keys:
        node = trie
        for u in _units(k):
            node = node.setdefault(u, {})
        node[""] = {}

    def unit(u: str) -> str:
        return r"[ \t]+" if u == _SEP_PLUS else r"[ \t]*" if u == _SEP_STAR else re.escape(u)

    def emit(node: dict) -> str:
        chars = sorted(u for u in node if u and u not in (_SEP_PLUS, _SEP_STAR))
        seps = [u for u in (_SEP_PLUS, _SEP_STAR) if u in node]
        alts = [unit(u) + emit(node[u]) for u in chars + seps]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _add(entries: dict, name: str, entry: Entry) -> None:
    k = key_of(name)
    if k and k not in entries:
        entries[k] = entry
        first = name.split()[0] if name.split() else ""
        if first and first[0].isalpha():
            heads = entries.setdefault(_HEADS, set())
            for w in (first, strip_accents(first)):
                heads.update((w[0].upper() + w[1:], w.upper()))


_HEADS = "\x00heads"  # entries slot holding the written forms of head words


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The gazetteer expanded to keys and compiled (built once)."""
    data = vocab.load("bodies") or {}
    entries: dict = {}
    organs = data.get("party_organs") or []
    committees = data.get("committees") or []
    for f in data.get("fused") or []:
        for n in [f["name"]] + list(f.get("aliases") or []):
            _add(entries, n, Entry(f["name"], "party"))
    for org in organs:
        for com in committees:
            canon = f"{org['name']} {com['name']}"
            e = Entry(canon, "party", takes_level=bool(com.get("takes_level")), place=True)
            for o in [org["name"]] + list(org.get("aliases") or []):
                for c in [com["name"]] + list(com.get("aliases") or []):
                    _add(entries, f"{o} {c}", e)
    for com in committees:
        e = Entry(com["name"], "party", takes_level=bool(com.get("takes_level")), place=True)
        for c in [com["name"]] + list(com.get("aliases") or []):
            if len(c) > 2:  # "TU", "TW" alone are too ambiguous
                _add(entries, c, e)
    wrappers = data.get("wrappers") or []
    for b in data.get("bodies") or []:
        names = [b["name"]] + list(b.get("aliases") or [])
        e = Entry(b["name"], b.get("kind") or "state", takes_level=bool(b.get("takes_level")),
                  needs_level=bool(b.get("needs_level")))
        for n in names:
            _add(entries, n, e)
        if b.get("wrappable"):
            for w in wrappers:
                inner = b.get("wrapped_name") or b["name"]
                we = Entry(f"{w['name']} {inner}", "party", takes_level=e.takes_level)
                for wn in [w["name"]] + list(w.get("aliases") or []):
                    for n in names:
                        _add(entries, f"{wn} {n}", we)
    depts = data.get("departments") or []
    for d in depts:
        _add(entries, f"Sở {d}", Entry(f"Sở {d}", "state", takes_level=True))
    for d in list(depts) + list(data.get("ministries_only") or []):
        _add(entries, f"Bộ {d}", Entry(f"Bộ {d}", "state"))
    for abbr, d in (data.get("department_aliases") or {}).items():
        _add(entries, f"Sở {abbr}", Entry(f"Sở {d}", "state", takes_level=True))
    groups = {key_of(x) for x in data.get("qualified_groups") or []}
    for g in data.get("generic") or []:
        _add(entries, g, Entry(g, "generic", generic=True, takes_level=True, group=key_of(g) in groups))
    for g in data.get("list_only") or []:
        _add(entries, g, Entry(g, "generic", generic=True, takes_level=True, weak=True,
                               group=key_of(g) in groups))

    written_heads = entries.pop(_HEADS, set())
    trie = _trie_regex(entries)
    regex = re.compile(r"(?<![\w&])(?:" + trie + r")(?![\w&])")
    # the same names, each after the character before it: the engine tries the trie only
    # after such characters (a fifth of the positions) instead of at every position
    after_break = re.compile("[" + "".join(map(re.escape, _BEFORE_NAME)) + "](" + trie + r")(?![\w&])")
    levels = {key_of(lv): lv for lv in data.get("levels") or []}
    level_regex = re.compile(r"[ \t]+(?:" + _trie_regex(levels) + r")(?![\w&])")
    named = frozenset(key_of(x) for x in data.get("named_levels") or [])
    counted_regex = re.compile(r"[ \t]+\d{1,3}[ \t]+(?:" + _trie_regex(named) + r")(?![\w&])")
    kinds = {key_of(x): x for x in data.get("group_kinds") or []}
    related = {key_of(x): x for x in data.get("related") or []}
    group_regex = re.compile(r"[ \t]+(?:" + _trie_regex(kinds) + r")(?![\w&])")
    related_regex = re.compile(r"[ \t]+(?:" + _trie_regex(related) + r")(?![\w&])")
    by_head: dict = {}
    for k, e in entries.items():
        if e.weak or e.generic:
            continue
        toks = k.split(" ")
        if len(toks) < 2:
            continue
        by_head.setdefault(toks[0], {}).setdefault(len(toks), []).append(k)
    # case-sensitive written forms of capitalized head words: the regex engine then only
    # stops at upper-case letters, which keeps the fuzzy pass cheap
    heads = sorted((h for h in written_heads if key_of(h) in by_head), key=len, reverse=True)
    anchor = re.compile("(?:" + _trie_regex(heads) + r")(?=[ \t]+\w)")
    return _Gazetteer(entries, regex, level_regex, levels, named, by_head, anchor, after_break,
                      counted_regex, group_regex, related_regex, {**kinds, **related},
                      tuple({" " + k.split(" ")[0] + " " for k in related}))


_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
_COMMITTEE_AFTER = re.compile(r"[ \t]+uy(?![\w&])(?![ \t]+ban(?!\w))")  # folded "ủy" after a level word
_WORD_AFTER_NL = re.compile(r"\s+(\w+)")
# Capitalized words that start something else, not a place name.
_NOT_PLACE = frozenset("ban so bo hoi uy dang lien van cong mat thuong chu chinh thu quoc cac va "
                       "tinh huyen xa phuong ke nghi chuong quyet".split())


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
    suffix = ""
    base = end
    allow_place = entry.place
    if entry.takes_level or entry.needs_level:
        at = end
        if entry.generic and folded.startswith(" cua ", end):  # "các sở, ban, ngành của tỉnh"
            at = end + 4
        m = g.level_regex.match(folded, at)
        if m is None and not entry.generic and folded[end + 1:end + 2].isdigit():
            m = g.counted_regex.match(folded, end)
            if m is not None:
                suffix, allow_place, end = " " + " ".join(text[m.start():m.end()].split()), False, m.end()
        elif m:
            written = m.group()
            known = memo.get(written) if memo is not None else None
            if known is None:
                k = " ".join(_TOKEN_RE.findall(written))
                level = g.levels.get(k)
                known = (" " + (level if level is not None else text[m.start():m.end()].strip()),
                         k in g.named_levels)
                if memo is not None:
                    memo[written] = known
            suffix, allow_place = known
            end = m.end()
            c = _COMMITTEE_AFTER.match(folded, end)
            if c is not None:
                # "trực thuộc Huyện ủy": the level opens a committee's name, read whole
                com = g.entries.get(" ".join(_TOKEN_RE.findall(folded[m.start():c.end()])))
                if com is None or com.generic or com.kind != "party":
                    return base, ""
                suffix, allow_place, end = " " + com.canonical, False, c.end()
        if m is not None and folded.startswith(":", end):
            stop = _place_list(text, folded, end)
            if stop:
                suffix += ": " + " ".join(text[end + 1:stop].split())
                return stop, suffix
    if allow_place:
        n = 0
        while n < 4:
            w = _WORD_AFTER.match(text, end)
            if not w:
                break
            word = w.group(1)
            if not word[0].isupper() or folded[w.start(1):w.end(1)] in _NOT_PLACE:
                break
            if n == 0 and not suffix and len(word) > 1 and word.isupper():
                break  # an abbreviation such as "TU", not a place
            suffix += " " + word
            end = w.end()
            n += 1
    if entry.generic:
        if entry.group:
            q = g.group_regex.match(folded, end)
            if q:
                suffix += " " + g.suffixes.get(" ".join(_TOKEN_RE.findall(q.group())), q.group().strip())
                end = q.end()
        q = g.related_regex.match(folded, end) if folded.startswith(g.related_heads, end) else None
        if q:
            suffix += " " + g.suffixes.get(" ".join(_TOKEN_RE.findall(q.group())), q.group().strip())
            end = q.end()
    return end, suffix


_CAP = "[A-Z" + _VIET.upper() + "]"
_PLACE_ITEM = _CAP + r"[^\W\d_]*+(?:[ \t]++" + _CAP + r"[^\W\d_]*+){0,4}+"
# ": Gia Thuận, Tân Điền và Gò Công Đông": possessive, so a long line is read once
_PLACES = re.compile(r":[ \t]*+(" + _PLACE_ITEM + r"(?:(?:[ \t]*+,[ \t]*+|[ \t]++và[ \t]++)"
                     + _PLACE_ITEM + r")++)")
_PLACE_SEP = re.compile(r"(?:,|[ \t]va[ \t])[ \t]*(\w+)")
_PLACE_SPAN = 400  # characters a list of places may take


def _place_list(text: str, folded: str, colon: int) -> Optional[int]:
    """End of a list of two or more place names after ``colon`` on its line, else None.

    Each place is one to five capitalized words ("Gò Công Đông"); a word that opens a name
    or a sentence ("Chủ trì, ...") is no place, and ends the list before it.
    """
    m = _PLACES.match(text, colon, colon + _PLACE_SPAN)
    if m is None or folded[m.start(1):m.end(1)].split(" ", 1)[0] in _NOT_PLACE:
        return None
    items, end = 1, m.end()
    for s in _PLACE_SEP.finditer(folded, m.start(1), end):
        if s.group(1) in _NOT_PLACE:
            end = s.start()
            break
        items += 1
    return end if items >= 2 else None


@lru_cache(maxsize=1)
def _complement_heads() -> frozenset:
    return frozenset((vocab.load("bodies") or {}).get("complement_heads") or [])


@lru_cache(maxsize=1)
def _complement_levels() -> re.Pattern:
    """The levels closing a complement, on the text as written (folded, "phường" would be the
    "phương" of "địa phương"), after a space."""
    levels = sorted((vocab.load("bodies") or {}).get("complement_levels") or [], key=len, reverse=True) or ["tỉnh"]
    return re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, levels)) + r")(?!\w)", re.I)


# up to 30 lower-case words, commas and dashes; possessive: each name is read once
_COMPLEMENT = re.compile(r"(?:(?:[ \t]*+,[ \t]*+|[ \t]++)(?!" + _CAP + r")[^\W\d_]++|[ \t]++-){1,30}+")
_COMPLEMENT_STOP = re.compile(r"[ \t]*(?:[,;.():]|va(?!\w)|$)|[ \t]+(?=" + _CAP + ")")


def _complement(text: str, folded: str, g: _Gazetteer, end: int) -> tuple[int, str]:
    """ "Ban Chỉ đạo phòng, chống tội phạm ... tỉnh": (end, suffix) through the first level
    word that closes the complement (before a comma, "và", a bracket or a capital); else
    (end, "") when no level closes it within 30 words."""
    m = _COMPLEMENT.match(text, end)
    if not m:
        return end, ""
    lv = _complement_levels()
    pos = end
    while True:
        x = lv.search(text, pos, m.end())
        if x is None:
            return end, ""
        if x.start() > end and _COMPLEMENT_STOP.match(folded, x.end()):
            return x.end(), " " + " ".join(text[end:x.end()].split())
        pos = x.end()


@lru_cache(maxsize=1)
def _organ_prefixes() -> frozenset:
    return frozenset(key_of(x) for x in (vocab.load("bodies") or {}).get("organ_prefixes") or [])


def _join_organs(text: str, folded: str, out: list[BodyMatch]) -> list[BodyMatch]:
    """ "Cơ quan Thường trực" + " " + a named body: one name (the standing agency of that body)."""
    prefixes = _organ_prefixes()
    if not prefixes or len(out) < 2:
        return out
    hits = [i for i in range(len(out) - 1) if out[i + 1].start - out[i].end == 1 and out[i].generic
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
            joined.append(BodyMatch(b.start, n.end, surface, surface[:len(b.surface)] + " " + n.canonical,
                                    False, n.kind, False))
            i += 2
            continue
        joined.append(b)
        i += 1
    return joined


def scan_bodies(text: str, folded: Optional[str] = None) -> list[BodyMatch]:
    """Every body name in ``text`` in order, including weak list-only words.

    ``folded`` may be given: a same-length folded copy (a caller that joined broken lines).
    The scan of the last texts is kept, so the assignments stage, which needs the same
    mentions, does not pay for it again.
    """
    if not text:
        return []
    if folded is None or len(folded) != len(text):
        folded = fold_same_length(text)
    return list(_scan(text, folded))


@lru_cache(maxsize=2)
def _scan(text: str, folded: str) -> tuple[BodyMatch, ...]:
    return tuple(scan_range(text, folded, 0, len(text)))


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
        if (not suffix and entry.canonical in _complement_heads() and text[start].isupper()
                and " ".join(text[start:stop].split()).lower() == entry.canonical.lower()):
            # as written ("Ban Chỉ đạo", not "văn bản chỉ đạo ...")
            end, suffix = _complement(text, folded, g, end)
        # tuple.__new__ skips the Python-level __new__ of the named tuple (a call per name)
        surface = " ".join(text[start:end].split())
        out.append(new_match(BodyMatch, (start, end, surface, entry.canonical + suffix,
                                         entry.generic, entry.kind, entry.weak)))
        pos = end
    fuzzy = _fuzzy(text, folded, g, out, a, b)
    if fuzzy:
        out = _merge(out, fuzzy)
    return _join_organs(text, folded, out)


def _merge(exact: list[BodyMatch], fuzzy: list[BodyMatch]) -> list[BodyMatch]:
    """Exact matches minus those a fuzzy match overlaps, plus the fuzzy ones, in order."""
    fuzzy = sorted(fuzzy)
    kept: list[BodyMatch] = []
    j = 0
    for b in exact:
        # fuzzy matches that end before b cannot overlap it or any later exact match
        while j < len(fuzzy) and fuzzy[j].end <= b.start:
            j += 1
        k = j
        overlap = False
        while k < len(fuzzy) and fuzzy[k].start < b.end:
            if b.start < fuzzy[k].end:
                overlap = True
                break
            k += 1
        if not overlap:
            kept.append(b)
    kept.extend(fuzzy)
    kept.sort()
    return kept


def _fuzzy(text: str, folded: str, g: _Gazetteer, found: list[BodyMatch], lo: int = 0,
           hi: Optional[int] = None) -> list[BodyMatch]:
    """Misspelled names after a capitalized head word the exact scan did not cover."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return []
    spans = [(b.start, b.end) for b in found if not b.weak]
    # nearly every head word opens a name the exact scan found: drop those in one pass
    named = {st for st, _ in spans}
    heads = [a.start() for a in g.anchor_regex.finditer(text, lo, len(text) if hi is None else hi)]
    extra: list[BodyMatch] = []
    j = 0
    for s in [h for h in heads if h not in named]:
        a = g.anchor_regex.match(text, s)
        if s and (text[s - 1].isalnum() or text[s - 1] == "&"):
            continue
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] <= s < spans[j][1]:
            continue
        if not text[s].isupper():
            continue
        nxt = _WORD_AFTER.match(text, a.end())
        if not nxt or not nxt.group(1)[0].isupper():
            continue
        # a name stays on its line and ends with a word ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ" and
        # "Ban Thường vụ, Chủ nhiệm" are no misspelled "Ban Thường vụ Huyện ủy")
        line_end = folded.find("\n", s, s + 120)
        words = list(_TOKEN_RE.finditer(folded, s, s + 120 if line_end < 0 else line_end))
        best = None
        for n, keys in g.by_head.get(folded[a.start():a.end()], {}).items():
            if n > len(words) or not words[n - 1].group()[0].isalnum():
                continue
            cand = " ".join([w.group() for w in words[:n]])
            r = process.extractOne(cand, keys, scorer=fuzz.ratio, score_cutoff=90)
            if r and (best is None or (r[1], n) > (best[1], best[2])):
                best = (r[0], r[1], n)
        if best is None:
            continue
        end = words[best[2] - 1].end()
        entry = g.entries[best[0]]
        if entry.needs_level:
            continue
        end, suffix = _extend(text, folded, g, end, entry)
        extra.append(BodyMatch(s, end, text[s:end], entry.canonical + suffix, entry.generic,
                               entry.kind, entry.weak))
    return extra


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


_PAUSE_COLLECTOR_FROM = 200_000  # characters


@contextmanager
def collector_paused(size: int):
    """Pause the cyclic garbage collector while the mentions of a very long text are built.

    Hundreds of thousands of small objects (mentions, their spans) make the collector walk
    the whole heap again and again: half the time of this stage on a 5 MB text. None of them
    is part of a reference cycle, so reference counting frees them all the same. Texts of
    ordinary length, and a collector someone else turned off, are left alone.
    """
    if size < _PAUSE_COLLECTOR_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def apply(doc: Document) -> None:
    """Fill doc.bodies: one Body per canonical name with every mention, over the whole text."""
    by_name: dict[str, Body] = {}
    with collector_paused(len(doc.text or "")):
        for b in scan_bodies(doc.text):
            if b.weak:
                continue
            body = by_name.get(b.canonical)
            if body is None:
                body = by_name[b.canonical] = Body(b.canonical, "generic" if b.generic else b.kind)
            body.mentions.append(Mention(b.surface, [b.start, b.end]))
    doc.bodies = list(by_name.values())
