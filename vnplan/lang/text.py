"""Small text helpers shared by the stages: one tone-mark style, folding for matching."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement -> the modern one ("hoá" -> "hóa", "uỷ" -> "ủy"), on NFC text.
_OLD_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_NEW.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_NEW.items())})
_OLD_NEW.update({k.upper(): v.upper() for k, v in list(_OLD_NEW.items())})
# Only where the pair ends the syllable: "hoàng" keeps its mark on "à"... it is "oà" + "ng",
# which the modern style also writes "hoàng", so the pair must not be followed by a letter.
# After "q" the "u" belongs to the consonant ("quý", "Quỳnh"): the tone stays where it is.
# The pattern opens with a character class (so the regex engine skips ahead fast) and finds every
# vowel-and-tone pair; the pairs that are not old style ("uà", "oÀ") are put back as they were.
_TONE_RE = re.compile("([" + "".join(sorted({k[0] for k in _OLD_NEW})) + "]["
                      + "".join(sorted({k[1] for k in _OLD_NEW})) + r"])(?<![qQ]..)(?![^\W\d_])")


def _modern(m: re.Match) -> str:
    pair = m.group(1)
    return _OLD_NEW.get(pair, pair)


def tone_style(text: str) -> str:
    """Rewrite old-style tone placement to the modern style; NFC in, NFC out."""
    return _TONE_RE.sub(_modern, text)


def fold(text: str) -> str:
    """Lower case, NFC, modern tone style, white space folded: the form matching compares."""
    s = tone_style(unicodedata.normalize("NFC", text).lower())
    return " ".join(s.split())


_STRIP = str.maketrans({"đ": "d", "Đ": "D"})


def strip_accents(text: str) -> str:
    """"Tỉnh ủy" -> "Tinh uy": for matching text typed without diacritics."""
    s = unicodedata.normalize("NFD", text.translate(_STRIP))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))
