"""The body gazetteer (``vnplan/data/bodies.yaml``) expanded to name keys and compiled.

Each name becomes a key (lower case, accents stripped, punctuation as separate tokens); the
keys are compiled into one regex, a trie factored character by character, tried only right
after a character that may precede a name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import vocab
from .fold import BEFORE_NAME, key_of
from .text import strip_accents


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


class Gazetteer(NamedTuple):
    entries: dict  # key -> Entry
    regex: re.Pattern
    level_regex: re.Pattern
    levels: dict  # key -> accented level
    named_levels: frozenset
    by_head: dict  # head word -> {word count -> [keys]}
    anchor_regex: re.Pattern
    after_break: re.Pattern  # a character that may precede a name, then the name (group 1)
    list_regex: re.Pattern  # the list-only words alone ("cơ quan", "đơn vị")
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


def _party_entries(entries: dict, data: dict) -> None:
    """Fused abbreviations, "<organ> <committee>" and the committees alone."""
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


def _body_entries(entries: dict, data: dict) -> None:
    """Bodies standing alone, and their wrapped forms ("Ban cán sự đảng UBND tỉnh")."""
    wrappers = data.get("wrappers") or []
    for b in data.get("bodies") or []:
        names = [b["name"]] + list(b.get("aliases") or [])
        e = Entry(b["name"], b.get("kind") or "state", takes_level=bool(b.get("takes_level")),
                  needs_level=bool(b.get("needs_level")), place=bool(b.get("place")))
        for n in names:
            _add(entries, n, e)
        if not b.get("wrappable"):
            continue
        inner = b.get("wrapped_name") or b["name"]
        for w in wrappers:
            we = Entry(f"{w['name']} {inner}", "party", takes_level=e.takes_level)
            for wn in [w["name"]] + list(w.get("aliases") or []):
                for n in names:
                    _add(entries, f"{wn} {n}", we)


def _state_and_generic_entries(entries: dict, data: dict) -> None:
    """Departments and ministries by portfolio; collective and list-only phrases."""
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


def _after_break(trie: str) -> re.Pattern:
    """The names of ``trie``, each after the character before it: the engine tries the trie
    only after such characters (a fifth of the positions) instead of at every position."""
    return re.compile("[" + "".join(map(re.escape, BEFORE_NAME)) + "](" + trie + r")(?![\w&])")


def _suffix_regex(keys) -> re.Pattern:
    return re.compile(r"[ \t]+(?:" + _trie_regex(keys) + r")(?![\w&])")


def _fuzzy_index(entries: dict, written_heads: set) -> tuple[dict, re.Pattern]:
    """(head word -> {word count -> keys}, the capitalised head words as written)."""
    by_head: dict = {}
    for k, e in entries.items():
        toks = k.split(" ")
        if not (e.weak or e.generic) and len(toks) >= 2:
            by_head.setdefault(toks[0], {}).setdefault(len(toks), []).append(k)
    # case-sensitive written forms of capitalized head words: the regex engine then only
    # stops at upper-case letters, which keeps the fuzzy pass cheap
    heads = sorted((h for h in written_heads if key_of(h) in by_head), key=len, reverse=True)
    return by_head, re.compile("(?:" + _trie_regex(heads) + r")(?=[ \t]+\w)")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer expanded to keys and compiled (built once)."""
    data = vocab.load("bodies") or {}
    entries: dict = {}
    _party_entries(entries, data)
    _body_entries(entries, data)
    _state_and_generic_entries(entries, data)
    written_heads = entries.pop(_HEADS, set())
    trie = _trie_regex(entries)
    weak = _trie_regex([k for k, e in entries.items() if e.weak])
    levels = {key_of(lv): lv for lv in data.get("levels") or []}
    named = frozenset(key_of(x) for x in data.get("named_levels") or [])
    counted_regex = re.compile(r"[ \t]+\d{1,3}[ \t]+(?:" + _trie_regex(named) + r")(?![\w&])")
    kinds = {key_of(x): x for x in data.get("group_kinds") or []}
    related = {key_of(x): x for x in data.get("related") or []}
    by_head, anchor = _fuzzy_index(entries, written_heads)
    return Gazetteer(entries, re.compile(r"(?<![\w&])(?:" + trie + r")(?![\w&])"), _suffix_regex(levels),
                     levels, named, by_head, anchor, _after_break(trie),
                     re.compile("(?:" + weak + r")(?![\w&])"),
                     counted_regex, _suffix_regex(kinds), _suffix_regex(related), {**kinds, **related},
                     tuple({" " + k.split(" ")[0] + " " for k in related}))
