"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII, VPS): detect them and convert to Unicode.

The conversion tables are viparse's (measured on real documents), plus the few sequences it
lacks (``vnplan/data/encodings.yaml``: ``supplements``). Detection is ours: viparse's own
detector costs ~12 ms on 20 KB and only runs when asked, while a reader must decide for every
file. A cheap gate (are there characters that Unicode Vietnamese never contains?) keeps
ordinary text on a fast path; only then is each candidate decoding scored by how many of its
words are valid Vietnamese syllables. viparse is imported only on that slow path.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..lang import vocab
from ..lang.patterns import alternation

LEGACY = ("tcvn3", "vni", "viscii")  # tried on content; VPS only by font name (see viparse)

_WORD = re.compile(r"[^\W\d_]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_COMBINING = re.compile("[\u0300-\u036f]")
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
# Letters only Unicode Vietnamese has (beyond Latin-1): their presence marks a Unicode line.
_VIET_BEYOND_LATIN1 = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                                 "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_SAMPLE = 40_000  # characters scored at most: enough to decide, bounded on huge files
_DETECT_SAMPLE = 6_000  # characters each candidate decoding is tried on


@lru_cache(maxsize=1)
def _data() -> dict:
    return vocab.load("encodings")


@lru_cache(maxsize=1)
def _foreign_re() -> re.Pattern:
    """Characters a wrong decoding leaves behind: Latin-1 symbols, non-Vietnamese letters,
    C0/C1 controls (VISCII letters read as Latin-1) and the replacement character."""
    chars = re.escape(_data()["foreign"])
    return re.compile(f"[{chars}\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


@lru_cache(maxsize=1)
def _syllable_re() -> re.Pattern:
    syl = _data()["syllable"]
    onsets, nuclei, codas = (alternation(map(str, syl[k])) for k in ("onsets", "nuclei", "codas"))
    return re.compile(f"{onsets}?{nuclei}{codas}?")


def encoding_for_font(font: Optional[str]) -> Optional[str]:
    """The legacy encoding a font name implies (".VnTime" -> "tcvn3", "VNI-Times" -> "vni")."""
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip()).lower()
    for prefix, enc in _data()["fonts"].items():
        if name.startswith(prefix):
            return enc
    return None


def is_caps_font(font: Optional[str]) -> bool:
    """A TCVN3 capitals face (.VnTimeH): its lowercase bytes are drawn as capitals."""
    if encoding_for_font(font) != "tcvn3":
        return False
    name = _SUBSET_TAG.sub("", (font or "").strip())
    return name.endswith("H")


@lru_cache(maxsize=None)
def _charmap(encoding: str):
    from viparse.normalize.encodings import get_charmap
    from viparse.normalize.tables import build_charmap

    base = get_charmap(encoding)
    if base is None:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    extra = (_data().get("supplements") or {}).get(encoding) or {}
    known = {src for src, _ in base.pairs}
    pairs = list(base.pairs) + [(k, v) for k, v in extra.items() if k not in known]
    return build_charmap(encoding, pairs)


@lru_cache(maxsize=None)
def _converter(encoding: str) -> tuple[re.Pattern, dict]:
    """One regex over the table's sequences, longest first: the same greedy left-to-right scan
    as viparse's ``convert``, run by the regex engine (5-10x faster than its Python loop)."""
    pairs = _charmap(encoding).pairs  # sorted longest first by build_charmap
    return re.compile("|".join(re.escape(src) for src, _ in pairs)), dict(pairs)


def _restore_glyphs(text: str) -> str:
    """PDF text layers put U+2212 / U+2219 for TCVN3's ư / ã: viparse restores them."""
    if "\u2212" not in text and "\u2219" not in text:
        return text
    try:
        from viparse.normalize.tables import _restore_substituted_glyphs
    except ImportError:  # pragma: no cover - a viparse without the helper
        return text
    return _restore_substituted_glyphs(text)


def convert(text: str, encoding: str) -> str:
    """Legacy surface characters -> Unicode NFC, with viparse's table for ``encoding``."""
    if not text:
        return text
    text = _restore_glyphs(text)
    if single_char(encoding):  # TCVN3, VISCII: one character each, C speed
        byte_map = _byte_map(encoding)
        out = (_decode_latin1(text, byte_map) if byte_map is not None
               else text.translate(_translation(encoding)))
    elif (composer := _composer(encoding)) is not None:  # VNI: base + mark, C speed
        out = _compose(text, *composer)
    else:
        out = convert_table(text, encoding)
    return unicodedata.normalize("NFC", out)


def convert_table(text: str, encoding: str) -> str:
    """The table conversion itself, one regex match at a time (a Python call each: ~0.5 us a
    letter). ``convert`` reaches the same result faster; this is the reference it is tested on."""
    pattern, table = _converter(encoding)
    return pattern.sub(lambda m: table[m.group()], text)


def _charset(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@lru_cache(maxsize=None)
def _composer(encoding: str) -> Optional[tuple[re.Pattern, dict]]:
    """For a base + mark table (VNI: "oá" = ố, "ôï" = ợ, "ñ" = đ): a one-character map (a mark
    byte -> the combining marks it stands for, a letter byte -> its letter) and a regex catching
    the mark bytes that do not follow one of their table bases (those stay as they are).

    Translating every other character and composing (NFC) then gives canonically the same text
    as the table, pair by pair, at C speed. None when the table is not of that shape: some
    sequence longer than two, a mark that is also a base or a letter, a mark meaning different
    marks after different bases, a key beyond Latin-1."""
    table = _converter(encoding)[1]
    if any(len(k) > 2 or max(map(ord, k)) > 0xFF for k in table):
        return None
    pairs = {k: v for k, v in table.items() if len(k) == 2}
    singles = {k: v for k, v in table.items() if len(k) == 1}
    bases = {k[0] for k in pairs}
    marks = {k[1] for k in pairs}
    if not pairs or marks & (bases | singles.keys()):
        return None
    combining: dict[str, str] = {}
    bases_of: dict[str, set] = {}
    for (b, m), v in pairs.items():
        letter = unicodedata.normalize("NFD", singles.get(b, b))
        full = unicodedata.normalize("NFD", v)
        tail = full[len(letter):]
        if (not full.startswith(letter) or not tail
                or not all(unicodedata.combining(c) for c in tail)
                or combining.setdefault(m, tail) != tail):
            return None
        bases_of.setdefault(m, set()).add(b)
    groups: dict[str, list] = {}  # marks sharing their bases: one lookbehind class each
    for m, bs in bases_of.items():
        groups.setdefault("".join(sorted(bs)), []).append(m)
    after_base = "|".join(_charset(bs) + _charset(ms) for bs, ms in groups.items())
    stray = re.compile(f"({_charset(marks)}(?<!{after_base}))")
    mapping = {i: chr(i) for i in range(256)}
    mapping.update({ord(k): v for k, v in singles.items()})
    mapping.update({ord(m): c for m, c in combining.items()})
    return stray, mapping


_BEYOND_LATIN1 = re.compile("([^\x00-\xff]+)")


def _decode_latin1(text: str, mapping) -> str:
    """``text.translate(mapping)`` for a 256-entry map (dict or str), by a C charmap decode of its Latin-1
    runs (str.translate looks each character up in Python: 4x slower)."""
    try:
        return codecs.charmap_decode(text.encode("latin-1"), "strict", mapping)[0]
    except UnicodeEncodeError:
        parts = _BEYOND_LATIN1.split(text)
        parts[0::2] = [codecs.charmap_decode(p.encode("latin-1"), "strict", mapping)[0]
                       for p in parts[0::2]]
        return "".join(parts)


def _compose(text: str, stray: re.Pattern, mapping: dict) -> str:
    """Base + mark text -> decomposed Unicode (NFC left to the caller); stray marks kept."""
    parts = stray.split(text)
    if len(parts) == 1:
        return _decode_latin1(text, mapping)
    parts[0::2] = [_decode_latin1(p, mapping) for p in parts[0::2]]
    return "".join(parts)


@lru_cache(maxsize=None)
def single_char(encoding: str) -> bool:
    """Every sequence of the table is one character (TCVN3, VISCII; not VNI's base + mark)."""
    return all(len(k) == 1 for k in _converter(encoding)[1])


@lru_cache(maxsize=None)
def _byte_map(encoding: str) -> Optional[str]:
    """The one-character table as a 256-character string (a C charmap decode), when every
    key is within Latin-1."""
    table = _translation(encoding)
    if any(k > 0xFF or len(v) != 1 for k, v in table.items()):
        return None
    return "".join(table.get(b, chr(b)) for b in range(256))


@lru_cache(maxsize=None)
def _translation(encoding: str) -> dict:
    return {ord(k): v for k, v in _converter(encoding)[1].items()}


def _word_valid(word: str) -> bool:
    """Is ``word`` (lower case, NFC) one well-formed Vietnamese syllable?"""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _syllable_re().fullmatch(base) is not None


def score(text: str) -> float:
    """How much ``text`` reads as Vietnamese: valid syllables with diacritics count for,
    malformed ones and foreign characters against. Comparable between decodings of one text."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE])
    counts: dict[str, int] = {}
    for w in _WORD.findall(sample.lower()):
        if not w.isascii():
            counts[w] = counts.get(w, 0) + 1
    total = 0.0
    for w, n in counts.items():
        total += n if _word_valid(w) else -2 * n
    total -= 2 * len(_foreign_re().findall(sample))
    total -= 2 * len(_COMBINING.findall(sample))  # marks left uncomposed
    return total


def suspicious(text: str) -> bool:
    """Cheap gate: does the text hold characters Unicode Vietnamese never uses?"""
    return len(_foreign_re().findall(text[:_SAMPLE])) >= 3


def detect(text: str) -> Optional[str]:
    """The legacy encoding whose conversion makes ``text`` read best, or None (leave as is)."""
    if not suspicious(text):
        return None
    sample = text[:_DETECT_SAMPLE]
    base = score(sample)
    best, best_score = None, base
    for enc in LEGACY:
        s = score(convert(sample, enc))
        if s > best_score:
            best, best_score = enc, s
    words = max(1, len(_WORD.findall(sample)))
    if best is None or best_score - base < max(3.0, 0.02 * words):
        return None
    return best


_ASCII_UPPER = re.compile(r"[A-Z]")
_ASCII_LOWER = re.compile(r"[a-z]")
_NUMBER_TOKEN = re.compile(r"\S*[\d/]\S*")
_CAPS_WORD = re.compile(r"\S*[A-Z]\S*[A-Z]\S*")


def restore_caps(line: str) -> str:
    """Capitals with a tone mark are lost in plain TCVN3 text (the .VnTimeH font draws them from
    lower-case codes): "KẾ HOẠCH" comes back "Kế HOạCH". A line, or a word, whose unaccented
    letters are all capitals was written in capitals: upper-case it whole."""
    words = _NUMBER_TOKEN.sub(" ", line)  # "83-KH/TU" says nothing about the line's case
    if not _ASCII_LOWER.search(words):
        if len(_ASCII_UPPER.findall(words)) >= 2:
            return line.upper()
        return line
    return _CAPS_WORD.sub(lambda m: m.group().upper() if not _ASCII_LOWER.search(m.group())
                          else m.group(), line)


def restore_case(text: str, encoding: str) -> str:
    """``restore_caps`` on every line, for the encodings that lose toned capitals."""
    if encoding not in _data().get("caps_lost", ("tcvn3",)):
        return text
    return "\n".join(restore_caps(line) for line in text.split("\n"))


def convert_lines(text: str, encoding: str) -> str:
    """Convert a document known to be in ``encoding``, sparing lines that are already Unicode
    (a mixed document: a Unicode paragraph pasted into a .VnTime file)."""
    out = []
    caps_lost = encoding in _data().get("caps_lost", ("tcvn3",))
    for line in text.split("\n"):
        conv = convert(line, encoding)
        if _VIET_BEYOND_LATIN1.search(line) and score(conv) <= score(line):
            out.append(line)  # already Unicode Vietnamese, and converting would not help
        else:
            out.append(restore_caps(conv) if caps_lost else conv)
    return "\n".join(out)


def fix(text: str) -> tuple[str, Optional[str]]:
    """Unicode text that may hold legacy surface characters -> (Unicode text, encoding or None)."""
    enc = detect(text)
    if enc is None:
        return text, None
    return convert_lines(text, enc), enc
