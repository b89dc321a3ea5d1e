"""OpenDocument text (.odt, LibreOffice's own format) -> text, with the standard library only.

An .odt is a zip whose ``content.xml`` holds the body; it is walked directly, the way the .docx
reader walks Word's XML, so the text comes out in the same shape:
- headings and paragraphs one per line; spaces (``text:s``), tabs and line breaks kept;
- automatic list numbering rendered from the list styles ("I.", "1.", "a)", bullets as "-"),
  counters per list style, continued when a list says so; a number LibreOffice already wrote
  (``text:number``) is used as written;
- data tables row by row as "| cell | cell |"; small two- or three-column layout tables (the
  header block, the signature) line by line with the columns joined by a tab;
- footnotes inline at their reference as "[N: text]" (the cleaner moves them out); deleted
  tracked changes and annotations left out.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Optional
from xml.etree import ElementTree as ET

from ..lang.markers import to_roman
from . import legacy

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
T, TB, ST = "{%s}" % NS["text"], "{%s}" % NS["table"], "{%s}" % NS["style"]
_SKIP = frozenset([T + "tracked-changes", T + "deletion", T + "sequence-decls",
                   T + "soft-page-break", "{%s}annotation" % NS["office"], T + "bookmark-ref"])


class OdtError(ValueError):
    """The .odt is not a text document or its content cannot be read."""


def _format(n: int, fmt: str) -> str:
    """A counter in an ODF number format: "1", "I", "i", "A", "a" ("" prints nothing)."""
    if fmt in ("I", "i"):
        out = (to_roman(n) or str(n)) if n > 0 else ""  # the digits past 3999
        return out if fmt == "I" else out.lower()
    if fmt in ("A", "a"):
        out = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            out = chr(ord(fmt) + r) + out
        return out
    return str(n) if fmt else ""


class ListStyles:
    """Level styles of every named list style (in content.xml and styles.xml)."""

    def __init__(self, roots: list):
        self.levels: dict[str, dict[int, dict]] = {}
        for root in roots:
            for ls in root.iter(T + "list-style"):
                name = ls.get(ST + "name")
                levels = self.levels.setdefault(name, {})
                for lvl in ls:
                    levels[int(lvl.get(T + "level", "1"))] = {
                        "bullet": lvl.tag.endswith("bullet"),
                        "fmt": lvl.get(ST + "num-format", ""),
                        "prefix": lvl.get(ST + "num-prefix", ""),
                        "suffix": lvl.get(ST + "num-suffix", ""),
                        "start": int(lvl.get(T + "start-value", "1") or 1),
                        "display": int(lvl.get(T + "display-levels", "1") or 1)}

    def label(self, style: str, counts: list[int]) -> str:
        """The label of the item whose counters per level are ``counts``."""
        level = len(counts)
        spec = self.levels.get(style, {}).get(level)
        if spec is None:
            return ""
        if spec["bullet"]:
            return "-"
        if not spec["fmt"]:
            return ""
        first = max(level - spec["display"], 0)
        parts = []
        for k in range(first, level):
            s = self.levels[style].get(k + 1) or spec
            parts.append(_format(counts[k] + s["start"] - 1, s["fmt"]))
        return f"{spec['prefix']}{'.'.join(parts)}{spec['suffix']}"


class _Reader:
    def __init__(self, styles: ListStyles):
        self.styles = styles
        self.counters: dict[str, list[int]] = {}
        self.notes = 0

    def inline(self, el, out: list) -> None:
        """The text of a paragraph's content, spaces and breaks as written."""
        if el.text:
            out.append(el.text)
        for child in el:
            tag = child.tag
            if tag == T + "s":
                out.append(" " * int(child.get(T + "c", "1") or 1))
            elif tag == T + "tab":
                out.append("\t")
            elif tag == T + "line-break":
                out.append("\n")
            elif tag == T + "note":
                self.note(child, out)
            elif tag not in _SKIP:
                self.inline(child, out)
            if child.tail:
                out.append(child.tail)

    def note(self, el, out: list) -> None:
        self.notes += 1
        mark = el.findtext(T + "note-citation") or str(self.notes)
        body = el.find(T + "note-body")
        lines: list[str] = []
        if body is not None:
            self.blocks(body, lines)
        out.append(f"[{mark}: {' '.join(' '.join(lines).split())}]")

    def paragraph(self, el, lines: list, label: str = "") -> None:
        parts: list[str] = []
        number = el.find(T + "number")
        if number is not None:
            label = number.text or label
            el = _without(el, number)
        self.inline(el, parts)
        text = "".join(parts)
        lines.extend(((label + " " if label else "") + text).split("\n"))

    def blocks(self, parent, lines: list) -> None:
        for el in parent:
            tag = el.tag
            if tag in (T + "p", T + "h"):
                self.paragraph(el, lines)
            elif tag == T + "list":
                self.list(el, lines, el.get(T + "style-name"), 1)
            elif tag == TB + "table":
                self.table(el, lines)
            elif tag not in _SKIP:
                self.blocks(el, lines)  # sections, frames, table wrappers

    def list(self, el, lines: list, style: Optional[str], depth: int) -> None:
        style = el.get(T + "style-name") or style or ""
        counts = self.counters.setdefault(style, [])
        if depth == 1 and not (el.get(T + "continue-numbering") == "true"
                               or el.get(T + "continue-list")):
            counts.clear()
        for item in el:
            if item.tag not in (T + "list-item", T + "list-header"):
                continue
            first = True
            for child in item:
                if child.tag in (T + "p", T + "h") and first and item.tag == T + "list-item":
                    del counts[depth:]
                    counts.extend([0] * (depth - len(counts)))
                    start = item.get(T + "start-value")
                    counts[depth - 1] = int(start) if start else counts[depth - 1] + 1
                    self.paragraph(child, lines, self.styles.label(style, counts[:depth]))
                elif child.tag in (T + "p", T + "h"):
                    self.paragraph(child, lines)
                elif child.tag == T + "list":
                    self.list(child, lines, style, depth + 1)
                else:
                    self.blocks([child], lines)
                first = False

    def table(self, el, lines: list) -> None:
        rows = []
        for tr in el.iter(TB + "table-row"):
            row = []
            for tc in tr:
                if tc.tag == TB + "table-cell":
                    cell: list[str] = []
                    self.blocks(tc, cell)
                    row.append(cell)
            rows.append(row)
        _table_lines(rows, lines)


def _without(el, drop):
    """A shallow copy of ``el`` without the child ``drop`` (its tail kept as text)."""
    copy = ET.Element(el.tag, el.attrib)
    copy.text = (el.text or "") + (drop.tail or "")
    copy.extend(c for c in el if c is not drop)
    return copy


def _table_lines(rows: list, lines: list) -> None:
    """Rows of cells (each a list of lines) -> lines, as the .docx reader writes them: a small
    table of two or three columns with multi-line cells is layout (the header block, the
    signature), read across line by line; any other table is data, one "| a | b |" per row."""
    if not rows:
        return
    ncols = max(len(r) for r in rows)
    multi = any(len([x for x in c if x.strip()]) >= 2 for r in rows for c in r)
    layout = 2 <= ncols <= 3 and len(rows) <= 3 and multi
    for row in rows:
        lines.extend(_layout_row(row) if layout else _data_row(row))


def _layout_row(row: list) -> list[str]:
    out = []
    for k in range(max((len(c) for c in row), default=0)):
        parts = [" ".join(c[k].split()) if k < len(c) else "" for c in row]
        if any(parts):
            out.append("\t".join(parts).rstrip("\t"))
    return out


def _data_row(row: list) -> list[str]:
    cells = [" ".join(" ".join(x.split()) for x in c if x.strip()).replace("|", "/") for c in row]
    return ["| " + " | ".join(cells) + " |"] if any(cells) else []


def read(data: bytes) -> tuple[str, str]:
    """.odt bytes -> (text, encoding: "utf-8", or the legacy encoding found and converted)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = ET.fromstring(z.read("content.xml"))
            styles = ET.fromstring(z.read("styles.xml")) if "styles.xml" in z.namelist() else None
    except KeyError:
        raise OdtError("no content.xml: not an OpenDocument text") from None
    except ET.ParseError as exc:
        raise OdtError(f"broken content.xml ({exc})") from None
    body = content.find("{%s}body/{%s}text" % (NS["office"], NS["office"]))
    if body is None:
        raise OdtError("an OpenDocument file that is not a text document (save it as .odt)")
    reader = _Reader(ListStyles([r for r in (content, styles) if r is not None]))
    lines: list[str] = []
    reader.blocks(body, lines)
    text, found = legacy.fix(unicodedata.normalize("NFC", "\n".join(lines)))
    return text, found or "utf-8"
