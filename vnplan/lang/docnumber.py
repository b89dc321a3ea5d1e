"""Document numbers (số ký hiệu) and type symbols: the one reader the header and the reference
extractor share.

"45-NQ/TW", "182/KH-UBND", "140/2017/NĐ-CP", "66.2/2025/NQ-CP": a number, an optional year and
a symbol of one to four syllables. The document types, their symbols and the spellings of a
symbol that mean another ("TƯ" for "TW") are one data file, ``data/doctypes.yaml``, read once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from . import vocab
from .text import fold

# A syllable of a symbol: an upper-case letter, then upper case or digits, with at most one
# lower-case letter at a time ("CTr", "TTg", "QĐi", "QyĐ"), so words like "Ban" never match.
# "Ư" is read for the "TƯ" some documents write for "TW".
_SEG = r"[A-ZĐƯ](?:[A-ZĐƯ0-9]|[a-zđ](?![a-zđ])){0,9}"
_SEP = r"[ \t]?[-/‐–][ \t]?"
# number [.sub] [/year] sep SEG (sep SEG)* ; the whole not glued to a preceding or following
# word. A sub-number after a dot ("66.2/2025/NQ-CP") belongs to the number. The pattern opens
# with the digit (its boundary checked just after it) so the regex engine skips to digits fast.
NUMBER_RE = re.compile(
    r"(?P<n>\d(?<![\w/.-]\d)\d{0,4}(?:\.\d{1,3})?[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?"
    r"(?P<sym>" + _SEP + _SEG + r"(?:" + _SEP + _SEG + r"){0,3})(?![\w/])"
)
# Where a symbol opens: a dash or slash, maybe a blank, then a capital. A number's first one is
# at most _LEAD characters after its start (5 digits, ".123", a letter, "/2024", a blank), and
# nothing before it in a number is one; so a number is looked for only just before them.
_SYM_OPEN = re.compile(r"[-/‐–][ \t]?[A-ZĐƯ]")
_LEAD = 16
_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(r"\s*[-/‐–]\s*")
_DASHES = str.maketrans({"‐": "-", "–": "-"})
_SEGMENT = re.compile(r"[^-/]+")


def find_numbers(text: str) -> Iterator[re.Match]:
    """The matches of ``NUMBER_RE.finditer(text)``, tried only at the digits just before a
    symbol opens (tables are full of digits that start no number)."""
    pos = 0
    while True:
        sym = _SYM_OPEN.search(text, pos)
        if sym is None:
            return
        q = sym.start()
        found = None
        for d in _DIGIT.finditer(text, max(pos, q - _LEAD), q):
            found = NUMBER_RE.match(text, d.start())
            if found:
                break
        if found:
            yield found
            pos = found.end()
        else:
            pos = q + 1


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    types = sorted(d["types"], key=len, reverse=True)
    attached = tuple(t for t in types if t in set(d.get("attached_types") or ()))
    return {"types": tuple(types), "attached": attached, "symbols": dict(d["symbols"]),
            "aliases": dict(d.get("symbol_aliases") or {}),
            "by_fold": {fold(t): t for t in types}}


def doc_types() -> tuple[str, ...]:
    """The document type names in sentence case ("Kế hoạch"), longest first."""
    return _data()["types"]


def attached_types() -> tuple[str, ...]:
    """The types a Quyết định issues as an attached document (Kế hoạch, Đề án ...), longest first."""
    return _data()["attached"]


@lru_cache(maxsize=1024)
def type_named(words: str) -> Optional[str]:
    """The type name written as ``words`` in any case ("NGHỊ QUYẾT" -> "Nghị quyết"), else None.
    Cached: the words before a number are a few type names, written a few ways."""
    return _data()["by_fold"].get(fold(" ".join(words.split())))


def canonical_number(raw: str) -> str:
    """"45 - NQ/TƯ" -> "45-NQ/TW": no white space, one kind of dash, symbol spellings unified;
    the Đ kept."""
    s = re.sub(r"\s+", "", raw).translate(_DASHES)
    aliases = _data()["aliases"]
    if aliases and any(a in s for a in aliases):
        s = _SEGMENT.sub(lambda m: aliases.get(m.group(0), m.group(0)), s)
    return s


def type_of_symbol(sym: str) -> Optional[str]:
    """The type named by a number's symbol: "-NQ/TW" -> "Nghị quyết", "/KH-UBND" -> "Kế hoạch"."""
    parts = [p for p in _SPLIT.split(sym.strip()) if p]
    symbols = _data()["symbols"]
    for p in parts[:2]:
        if p in symbols:
            return symbols[p]
    return None


def number_word(capital: bool = True, upper: bool = False, lower: bool = False) -> str:
    """The word before a document's own number ("Số 45-KH/TU", doctypes.yaml citation_words) as
    a group of its written forms: capitalised ("Số"), in capitals ("SỐ"), as listed ("số")."""
    words = [str(w) for w in vocab.load("doctypes")["citation_words"]["number"]]
    forms = [f for w in words for f, on in ((w[:1].upper() + w[1:], capital), (w.upper(), upper), (w, lower)) if on]
    return "(?:" + "|".join(re.escape(f) for f in dict.fromkeys(forms)) + ")"


def symbol_words(gap: str = " ") -> str:
    """"và ký hiệu" of "Số và ký hiệu:" as a group (doctypes.yaml citation_words)."""
    words = vocab.load("doctypes")["citation_words"]["and_symbol"]
    return "(?:" + "|".join(re.escape(str(w)).replace(r"\ ", gap) for w in words) + ")"
