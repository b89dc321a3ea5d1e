"""HTML -> text: block elements as line breaks, tables as "| cell | cell |" rows, no scripts.

Standard library only (html.parser). Old Vietnamese pages set legacy fonts per element
(<font face=".VnTime">, style="font-family: VNI-Times"): text under such an element is
converted with that font's encoding, and whatever is left is checked like any text.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser
from typing import Optional

from . import legacy

_BLOCK = frozenset("""address article aside blockquote body center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend main nav ol p pre
section summary ul caption""".split())
_DROP = frozenset("script style head noscript template svg iframe object title".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_WS = re.compile(r"[ \t\r\n\f\u200b]+")
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;\"]+)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _font_encoding(attrs: dict) -> Optional[str]:
    """The legacy encoding named by an element's face= or style font-family, if any."""
    names = []
    if attrs.get("face"):
        names += attrs["face"].split(",")
    m = _FONT_FAMILY.search(attrs.get("style") or "")
    if m:
        names += m.group(1).split(",")
    for n in names:
        enc = legacy.encoding_for_font(n.strip().strip("'\""))
        if enc:
            return enc
    return None


class _Extractor(HTMLParser):
    """Collects lines; a table row becomes one "| a | b |" line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []  # pieces of the current line (or current cell)
        self.stack: list[tuple[str, Optional[str]]] = []  # (tag, legacy encoding it sets)
        self.drop = 0
        self.pre = 0
        self.tables: list[dict] = []  # open tables: {"row": [cells] or None}
        self.lists: list[list] = []  # open lists: [kind, counter]
        self.encodings: list[str] = []

    # -- helpers
    def _enc(self) -> Optional[str]:
        for _, enc in reversed(self.stack):
            if enc:
                return enc
        return None

    def _flush(self) -> None:
        line = "".join(self.cur)
        self.cur = []
        if not self.pre:
            line = _WS.sub(" ", line).strip()
        else:
            line = line.rstrip()
        if not line:
            return
        if self.tables:  # inside a cell: keep as part of the cell
            row = self.tables[-1]["row"]
            if row is not None:
                row[-1].append(line) if row else row.append([line])
                return
        self.lines.append(line)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        if tag in _DROP:
            if tag not in _VOID:
                self.drop += 1
                self.stack.append((tag, None))
            return
        if self.drop:
            if tag not in _VOID:
                self.stack.append((tag, None))
            return
        if tag == "br":
            self._flush()
            return
        if tag in _VOID:
            if tag == "hr":
                self._flush()
            return
        enc = _font_encoding(attrs)
        self.stack.append((tag, enc))
        if tag == "table":
            self._flush()
            self.tables.append({"row": None})
        elif tag == "tr" and self.tables:
            self._flush()
            self.tables[-1]["row"] = []
        elif tag in ("td", "th") and self.tables:
            self._flush()
            row = self.tables[-1]["row"]
            if row is None:
                self.tables[-1]["row"] = row = []
            row.append([])
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1][1] += 1
                kind, n = self.lists[-1]
                self.cur.append(f"{n}. " if kind == "ol" else "- ")
            else:
                self.cur.append("- ")
        elif tag == "pre":
            self._flush()
            self.pre += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return  # stray end tag
        while self.stack:
            t, _ = self.stack.pop()
            self._close(t)
            if t == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
            return
        if self.drop:
            return
        if tag in ("td", "th"):
            self._flush()
        elif tag == "tr" and self.tables:
            self._flush()
            self._emit_row()
        elif tag == "table" and self.tables:
            self._flush()
            self._emit_row()
            self.tables.pop()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "pre":
            self._flush()
            self.pre = max(0, self.pre - 1)
        elif tag in _BLOCK or tag == "li":
            self._flush()

    def _emit_row(self) -> None:
        table = self.tables[-1]
        row = table["row"]
        table["row"] = None
        if not row or not any(row):
            return
        cells = [" ".join(c).replace("|", "/") for c in row]
        line = "| " + " | ".join(cells) + " |"
        if len(self.tables) > 1:  # nested table: its row is text of the outer cell
            outer = self.tables[-2]["row"]
            if outer:
                outer[-1].append(line)
                return
        self.lines.append(line)

    def handle_data(self, data: str) -> None:
        if self.drop:
            return
        enc = self._enc()
        if enc:
            data = legacy.convert(data, enc)
            if enc not in self.encodings:
                self.encodings.append(enc)
        self.cur.append(data)

    def close(self) -> None:
        super().close()
        while self.tables:
            self._flush()
            self._emit_row()
            self.tables.pop()
        self._flush()


def _redecode(data: bytes, text: str, enc: str) -> tuple[str, str]:
    """Trust a declared <meta charset> when the bytes are not UTF-8."""
    m = _CHARSET.search(data[:4096])
    if not m or enc in ("utf-8", "utf-16", "utf-32"):
        return text, enc
    try:
        codec = codecs.lookup(m.group(1).decode("ascii", "replace")).name
    except LookupError:
        return text, enc
    if codec in ("utf-8", "cp1258"):
        try:
            return unicodedata.normalize("NFC", data.decode(codec)), codec
        except UnicodeDecodeError:
            return text, enc
    return text, enc


# A "<" whose tag never closes before the next "<" (or the end): html.parser re-scans the rest
# of the input from each of them, quadratic over "<a<a<a..."; as text ("&lt;") it reads once.
# Comments and declarations ("<!") may hold a "<" and are left to the parser.
_UNCLOSED_TAG = re.compile(r"<(?!!)(?=[^<>]*(?:<|$))")


def to_text(html: str) -> tuple[str, list]:
    """HTML markup -> (text lines joined by "\\n", legacy font encodings converted)."""
    p = _Extractor()
    if "<" in html:
        html = _UNCLOSED_TAG.sub("&lt;", html)
        end = html.rfind("-->")
        tail = end + 3 if end >= 0 else 0
        if "<!--" in html[tail:]:  # comments never closed: the same re-scan from each "<!--"
            html = html[:tail] + html[tail:].replace("<!", "&lt;!")
    try:
        p.feed(html)
        p.close()
    except Exception:  # noqa: BLE001 - html.parser rarely fails; keep what was read
        p._flush()
    return "\n".join(p.lines), p.encodings


def read(data: bytes, decoded: str, enc: str) -> tuple[str, str]:
    """(HTML bytes, their decoded text, encoding) -> (body text, encoding)."""
    decoded, enc = _redecode(data, decoded, enc)
    text, encodings = to_text(decoded)
    text = unicodedata.normalize("NFC", text)
    fixed, legacy_enc = legacy.fix(text)
    return fixed, (legacy_enc or (encodings[0] if encodings else enc))
