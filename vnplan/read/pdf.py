"""PDF with a text layer -> text (pypdf): page texts joined by a blank line.

The cleaner reflows hard line breaks and drops page numbers and running headers. A page set in
a legacy font (.VnTime, VNI-Times: the font names are in the page resources) is converted with
that font's table; text with no layer at all is reported, never returned empty.
"""
from __future__ import annotations

import io
import logging
import unicodedata
from typing import Optional

from . import legacy
from .limits import TooLarge, text_budget


def _page_encoding(page) -> Optional[str]:
    """The legacy encoding of the fonts a page uses, when its fonts name one."""
    try:
        fonts = page["/Resources"]["/Font"]
    except (KeyError, TypeError):
        return None
    try:
        for ref in fonts.values():
            font = ref.get_object()
            enc = legacy.encoding_for_font(str(font.get("/BaseFont", "")).lstrip("/"))
            if enc:
                return enc
    except Exception:  # noqa: BLE001 - odd font dictionaries: no font signal
        return None
    return None


def _page_text(page) -> str:
    """pypdf's text of a page, with a blank line where the vertical gap between two lines is
    clearly wider than the page's usual line spacing: the paragraph breaks the cleaner needs
    to tell a short heading line from a hard-wrapped one."""
    parts: list[tuple[str, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        try:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        except (TypeError, IndexError):
            y = 0.0
        parts.append((text, float(y)))

    full = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in parts) != full:
        return full
    lines: list[tuple[str, Optional[float]]] = []
    cur, cur_y = "", None
    for text, y in parts:
        for k, seg in enumerate(text.split("\n")):
            if k:
                lines.append((cur, cur_y))
                cur, cur_y = "", None
            if cur_y is None and seg.strip():
                cur_y = y
            cur += seg
    lines.append((cur, cur_y))
    ys = [y for _, y in lines if y is not None]
    gaps = sorted(a - b for a, b in zip(ys, ys[1:]) if a - b > 0.5)
    if len(gaps) < 3:
        return full
    usual = gaps[len(gaps) // 2]
    out: list[str] = []
    prev: Optional[float] = None
    for text, y in lines:
        if y is not None and prev is not None and prev - y > 1.5 * usual and out and out[-1]:
            out.append("")
        out.append(text)
        if y is not None:
            prev = y
    return "\n".join(out)


class Encrypted(ValueError):
    """A PDF whose text needs a password (or a decryption library that is missing)."""


def _decrypt(reader) -> None:
    """Open an encrypted PDF with the empty password, as viewers do; else raise Encrypted.
    AES needs the ``cryptography`` package (a dependency of vnplan)."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # noqa: BLE001 - pypdf's DependencyError, unknown algorithms
        raise Encrypted(f"encrypted PDF: cannot decrypt it ({type(exc).__name__}: {exc})") from None
    if not opened:
        raise Encrypted("encrypted PDF: a password is needed to read it")


def read(data: bytes) -> tuple[str, str]:
    """PDF bytes -> (text, encoding). Empty text means no text layer (the caller reports it)."""
    import pypdf

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # pypdf warns on every slightly malformed file
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader)
        pages = []
        encodings: list[str] = []
        budget = text_budget(len(data))
        for page in reader.pages:
            try:
                text = _page_text(page)
            except Exception:  # noqa: BLE001 - one bad page must not lose the others
                text = ""
            budget -= len(text)
            if budget < 0:
                raise TooLarge("the PDF expands past its text limit (the zip-bomb limits)")
            enc = _page_encoding(page)
            if enc and text:
                text = legacy.convert_lines(text, enc)
                if enc not in encodings:
                    encodings.append(enc)
            pages.append(text.strip("\n"))
    finally:
        log.setLevel(level)
    text = unicodedata.normalize("NFC", "\n\n".join(pages))
    if encodings:
        return text, encodings[0]
    text, found = legacy.fix(text)
    return text, found or "utf-8"
