"""Folding a text for name matching: lower case, no diacritics, same offsets.

The text is folded through the charmap codec (one character -> one character, in C), so
offsets in the folded text are offsets in the original: case, tone style ("uỷ"/"ủy") and
missing diacritics ("Tinh uy") do not matter to the body-name reader.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

from .text import strip_accents


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
VIET = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_LETTER_STAND_IN, _SPACE_STAND_IN, _SIGN_STAND_IN = "ª", "\x0b", "¤"
_CODEC_CHARS = ("\x00\t\n\x0b\x0c\r" + "".join(map(chr, range(32, 128))) + VIET + VIET.upper()
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


@lru_cache(maxsize=4)
def fold_text(text: str) -> str:
    """``fold_same_length`` of a whole document's text, once per text: the stages that
    read the same text (bodies, assignments, links) share one copy."""
    return fold_same_length(text)


# Every character a folded text can hold that may stand before a name (not a word character,
# not "&"): a name starts right after one of them, which the engine finds with a bitmap.
BEFORE_NAME = "".join(sorted(c for c in set(_DECODE) - {"\ufffe"} if not re.match(r"[\w&]", c)))


TOKEN_RE = re.compile(r"\w+|[-,&/]")


def key_of(name: str) -> str:
    """The matching key of a name: folded tokens joined by one space ("ct - xh")."""
    return " ".join(TOKEN_RE.findall(fold_same_length(unicodedata.normalize("NFC", name))))

