"""Plain text bytes (.txt, .md, and the text behind .html) -> Unicode str, any Vietnamese encoding.

Order of trust: a byte-order mark; strict UTF-8 (then legacy surface characters inside it, the
usual state of a .VnTime text pasted into a UTF-8 editor); UTF-16 without a mark (NUL bytes in
alternate positions); then the 8-bit candidates - Windows-1258, TCVN3, VNI, VISCII - each
decoded and scored as Vietnamese, the best one winning (ties go to Windows-1258, which also
reads Western text right).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from . import legacy

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]
# Control bytes that never occur in a text file (VISCII's six letters in C0 are allowed).
_BINARY_CONTROLS = frozenset((set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 26,
                                                  27, 28, 29, 31}) - {2, 5, 6})


_SAMPLE_BYTES = 6_000


def _c1_table() -> dict:
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return table


_CP1252_C1 = _c1_table()
_C1 = re.compile(rb"[\x80-\x9f]")
# Latin-1 with cp1252 punctuation in 0x80-0x9F: one C charmap decode (a str.translate of the
# decoded text looks every character up in Python: 250 ms on 5 MB).
_LATIN1_CP1252 = "".join(_CP1252_C1.get(b, chr(b)) for b in range(256))


class NotText(ValueError):
    """The bytes are not text in any encoding we know (binary data)."""


def _utf16_order(data: bytes) -> Optional[str]:
    """"utf-16-le"/"utf-16-be" when NULs sit in alternate positions, as in ASCII-heavy UTF-16."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Too many control bytes for any text file."""
    sample = data[:8000]
    if not sample:
        return False
    bad = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return bad > max(2, len(sample) // 200)


def _eight_bit(data: bytes) -> tuple[str, str]:
    """Best reading of non-UTF-8 bytes among Windows-1258 and the legacy font encodings.

    Candidates are scored on a sample; only the winner decodes the whole file."""
    sample = data[:_SAMPLE_BYTES]
    best_enc = "cp1258"
    best = legacy.score(unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace")))
    margin = max(3.0, 0.02 * len(sample.split()))  # legacy must clearly beat the code page
    base = best
    for enc in legacy.LEGACY:
        s = legacy.score(legacy.convert(_surface(sample, enc), enc))
        if s > best and s - base >= margin:
            best_enc, best = enc, s
    if best_enc == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), best_enc
    table = _byte_table(best_enc)
    if table is not None:  # one byte -> one letter: a C-speed charmap decode
        text = codecs.charmap_decode(data, "strict", table)[0]
        return legacy.restore_case(unicodedata.normalize("NFC", text), best_enc), best_enc
    return legacy.restore_case(legacy.convert(_surface(data, best_enc), best_enc), best_enc), best_enc


@lru_cache(maxsize=None)
def _byte_table(encoding: str) -> Optional[str]:
    """A 256-character decoding table, when every sequence of the encoding is one byte."""
    if not legacy.single_char(encoding):
        return None
    chars = [legacy.convert(_surface(bytes([b]), encoding), encoding) for b in range(256)]
    return "".join(chars) if all(len(c) == 1 for c in chars) else None


def _surface(data: bytes, encoding: str) -> str:
    """Bytes of a legacy font file -> the surface characters the tables key on. TCVN3 and VNI
    files were written by Windows: 0x80-0x9F are cp1252 punctuation (“ ” – …). VISCII puts
    letters there, so it is read as Latin-1."""
    if encoding == "viscii" or not _C1.search(data):
        return data.decode("latin-1")
    return codecs.charmap_decode(data, "strict", _LATIN1_CP1252)[0]


def decode(data: bytes, fix_legacy: bool = True) -> tuple[str, str]:
    """Bytes -> (NFC text, encoding name as recorded in Source.encoding). Raises NotText.

    ``fix_legacy=False`` leaves legacy surface characters inside a Unicode file alone (HTML,
    whose elements name their fonts, converts per element instead)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                text = data[len(bom):].decode(codec, errors="replace")
            return _finish(text, name, fix_legacy)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text and looks_binary(data):
            raise NotText("binary data")
        return _finish(text, "utf-8", fix_legacy)
    order = _utf16_order(data)
    if order:
        return _finish(data.decode(order, errors="replace"), "utf-16", fix_legacy)
    if looks_binary(data):
        raise NotText("binary data")
    text, enc = _eight_bit(data)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise NotText("binary data")
    return text, enc


def _finish(text: str, enc: str, fix_legacy: bool = True) -> tuple[str, str]:
    """NFC, then legacy surface characters carried inside a Unicode file."""
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    if not fix_legacy:
        return text, enc
    fixed, legacy_enc = legacy.fix(text)
    return fixed, legacy_enc or enc
