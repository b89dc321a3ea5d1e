"""Word .docx -> text, in reading order, the way a reader sees the page.

- automatic numbering rendered from numbering.xml ("I.", "1.", "a)", bullets as "-"), with
  counters per abstract list as Word keeps them, restarts by startOverride;
- data tables row by row as "| cell | cell |"; small layout tables (the two-column header
  "TỈNH ỦY ... | ĐẢNG CỘNG SẢN VIỆT NAM", the signature block) line by line with the column
  gap kept as "\\t", as the cleaner expects;
- footnotes inline at their reference as "[N: text]" (the cleaner moves them out);
- page headers and footers, deleted revisions and hidden text left out; text boxes kept;
- runs in legacy fonts (.VnTime = TCVN3, .VnTimeH = TCVN3 capitals, VNI-Times = VNI)
  converted per run, fonts resolved through run, paragraph and document-default styles.
python-docx opens the package; the XML is walked directly (lxml), which is faster and sees
numbering, footnotes and text boxes that python-docx does not expose (numbering and styles
are read in ``docx_parts``). What a .docx may expand to is bounded (``limits``): letter labels
past 260 are written in digits, a footnote's text is given once, the whole text has a budget.
"""
from __future__ import annotations

import io
import unicodedata
from typing import Optional

from . import legacy
from .docx_parts import W, Numbering, Styles, _font_of, _int, _local, _on, _val
from .docx_parts import format_number  # noqa: F401 - part of this module's interface
from .limits import TooLarge, text_budget

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CONTAINERS = frozenset(["hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "bdo",
                         "dir"])
_SKIP = frozenset(["del", "moveFrom", "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd",
                   "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"])


# --- the document walk --------------------------------------------------------------------

class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering, footnotes: dict,
                 budget: int = 1 << 62) -> None:
        self.styles = styles
        self.numbering = numbering
        self.footnotes = footnotes  # id -> footnote element
        self.footnote_no = 0
        self.footnotes_seen: set = set()  # a footnote's text is given at its first reference
        self.budget = budget  # characters the document may still produce
        self.encodings: list[str] = []
        self.in_footnote = False

    # paragraphs ------------------------------------------------------------------------
    def paragraph(self, p, extra: list) -> str:
        """Text of one <w:p>, numbering label first; text boxes go to ``extra`` lines."""
        ppr = p.find(W + "pPr")
        pstyle = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        pieces: list[tuple[str, Optional[str], bool]] = []  # (text, font, caps)
        self._collect(p, pstyle, pieces, extra)
        text = self._convert(pieces)
        num_id, ilvl = None, None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(W + "numId"))
            ilvl = _val(numpr.find(W + "ilvl"))
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self.styles.numbering(pstyle)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if num_id and not self.in_footnote:
            label = self.numbering.next(num_id, _int(ilvl))
            if label and text.strip():
                text = label + self.numbering.suffix(num_id, _int(ilvl)) + text.lstrip()
        return text

    def _collect(self, parent, pstyle, pieces: list, extra: list) -> None:
        for el in parent:
            name = _local(el)
            if name == "r":
                self._run(el, pstyle, pieces, extra)
            elif name in _CONTAINERS:
                self._collect(el, pstyle, pieces, extra)
            elif name == "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    self._collect(content, pstyle, pieces, extra)

    def _run(self, r, pstyle, pieces: list, extra: list) -> None:
        rpr = r.find(W + "rPr")
        rstyle = font = caps = None
        if rpr is not None:
            if _on(rpr.find(W + "vanish")) or _on(rpr.find(W + "webHidden")):
                return
            rstyle = _val(rpr.find(W + "rStyle"))
            font = _font_of(rpr.find(W + "rFonts"))
            caps = _on(rpr.find(W + "caps"))
        font = font or self.styles.get(rstyle, "font") or self.styles.get(pstyle, "font") \
            or self.styles.default_font
        if caps is None:
            caps = self.styles.get(rstyle, "caps") or self.styles.get(pstyle, "caps") or False
        enc = legacy.encoding_for_font(font)
        buf: list[str] = []
        for el in r:
            name = _local(el)
            if name == "t":
                buf.append(el.text or "")
            elif name == "tab" or name == "ptab":
                buf.append("\t")
            elif name in ("br", "cr"):
                buf.append("\n")
            elif name == "noBreakHyphen":
                buf.append("-")
            elif name == "softHyphen":
                if enc == "tcvn3":
                    buf.append("\xad")  # TCVN3 keeps ư in the soft-hyphen slot
            elif name == "sym":
                ch = el.get(W + "char") or ""
                if ch and not ch.upper().startswith("F0"):
                    try:
                        buf.append(chr(int(ch, 16)))
                    except ValueError:
                        pass
            elif name == "footnoteReference" and not self.in_footnote:
                if buf:
                    pieces.append(("".join(buf), font, caps))
                    buf = []
                pieces.append((self._footnote(el.get(W + "id")), None, False))
            elif name in ("AlternateContent", "pict", "drawing", "object"):
                self._textboxes(el, extra)
        if buf:
            pieces.append(("".join(buf), font, caps))

    def _textboxes(self, el, extra: list) -> None:
        """Text boxes inside a drawing; of an mc:AlternateContent only the first choice."""
        if _local(el) == "AlternateContent":
            choice = el.find(MC + "Choice")
            el = choice if choice is not None else el.find(MC + "Fallback")
            if el is None:
                return
        for box in el.iter(W + "txbxContent"):
            lines: list[str] = []
            self.blocks(box, lines)
            extra.extend(lines)

    def _footnote(self, fid: Optional[str]) -> str:
        fn = self.footnotes.get(fid)
        if fn is None or fid in self.footnotes_seen:
            return ""
        self.footnotes_seen.add(fid)
        self.footnote_no += 1
        self.in_footnote = True
        try:
            lines: list[str] = []
            self.blocks(fn, lines)
        finally:
            self.in_footnote = False
        body = " ".join(" ".join(line.split()) for line in lines if line.strip())
        return f"[{self.footnote_no}: {body}]"

    def _convert(self, pieces: list) -> str:
        """Join runs; runs of one legacy encoding converted together (VNI marks may straddle
        runs); capitals faces and <w:caps/> upper-cased."""
        out: list[str] = []
        i = 0
        while i < len(pieces):
            text, font, caps = pieces[i]
            enc = legacy.encoding_for_font(font)
            upper = caps or legacy.is_caps_font(font)
            j = i + 1
            while j < len(pieces):
                t2, f2, c2 = pieces[j]
                if legacy.encoding_for_font(f2) != enc or (c2 or legacy.is_caps_font(f2)) != upper:
                    break
                text += t2
                j += 1
            if enc:
                text = legacy.convert(text, enc)
                if enc not in self.encodings:
                    self.encodings.append(enc)
            if upper:
                text = text.upper()
            out.append(text)
            i = j
        return "".join(out)

    # blocks ----------------------------------------------------------------------------
    def blocks(self, parent, lines: list) -> None:
        for el in parent:
            name = _local(el)
            if name == "p":
                extra: list[str] = []
                text = self.paragraph(el, extra)
                self.budget -= len(text) + sum(len(x) for x in extra)
                if self.budget < 0:
                    raise TooLarge("the document expands past its text limit (the zip-bomb "
                                   "limits: numbering, repeated parts)")
                lines.extend(extra)
                lines.append(text)
            elif name == "tbl":
                self.table(el, lines)
            elif name in ("sdt",):
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, lines)
            elif name in ("customXml", "ins", "moveTo"):
                self.blocks(el, lines)

    def _cells(self, tbl) -> list[list[list[str]]]:
        """Rows -> cells -> the cell's lines (paragraphs; nested tables as their rows)."""
        rows = []
        for tr in tbl.findall(W + "tr"):
            row = []
            for tc in tr:
                if _local(tc) == "sdt":
                    content = tc.find(W + "sdtContent")
                    tcs = content.findall(W + "tc") if content is not None else []
                elif _local(tc) == "tc":
                    tcs = [tc]
                else:
                    continue
                for cell in tcs:
                    cell_lines: list[str] = []
                    self.blocks(cell, cell_lines)
                    row.append(cell_lines)
            rows.append(row)
        return rows

    def table(self, tbl, lines: list) -> None:
        rows = self._cells(tbl)
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        multi = any(len([x for x in c if x.strip()]) >= 2 for r in rows for c in r)
        if 2 <= ncols <= 3 and len(rows) <= 3 and multi:
            for row in rows:  # layout table: columns side by side, line by line
                height = max(len(c) for c in row) if row else 0
                for k in range(height):
                    parts = [" ".join(c[k].split()) if k < len(c) else "" for c in row]
                    if any(parts):
                        lines.append("\t".join(parts).rstrip("\t"))
            return
        for row in rows:
            cells = [" ".join(" ".join(x.split()) for x in c if x.strip()).replace("|", "/")
                     for c in row]
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")


def _part_xml(document, reltype_suffix: str):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            try:
                return etree.fromstring(rel.target_part.blob)
            except Exception:  # noqa: BLE001 - a broken side part must not lose the body
                return None
    return None


def read(data: bytes) -> tuple[str, str]:
    """.docx bytes -> (text, encoding: "utf-8", or the legacy font encoding converted)."""
    import docx  # python-docx

    document = docx.Document(io.BytesIO(data))
    styles = Styles(_part_xml(document, "/styles"))
    numbering = Numbering(_part_xml(document, "/numbering"))
    fn_root = _part_xml(document, "/footnotes")
    footnotes = {}
    if fn_root is not None:
        for fn in fn_root.findall(W + "footnote"):
            if fn.get(W + "type") in (None, "normal"):
                footnotes[fn.get(W + "id")] = fn
    reader = _Reader(styles, numbering, footnotes, text_budget(len(data)))
    lines: list[str] = []
    reader.blocks(document.element.body, lines)
    text = unicodedata.normalize("NFC", "\n".join(lines))
    enc = reader.encodings[0] if reader.encodings else "utf-8"
    if not reader.encodings:  # legacy bytes under a font name we do not know
        text, found = legacy.fix(text)
        enc = found or enc
    return text, enc
