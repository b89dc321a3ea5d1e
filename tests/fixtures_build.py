"""Builders for reader fixtures: real seed text saved as .docx, .pdf, TCVN3/VNI/VISCII bytes.

Nothing generated is committed: tests build into tmp dirs. The .docx uses real Word numbering
for the outline headings (rendered back by the reader), a table, a footnote and TCVN3-font runs;
the .pdf is a minimal hand-written PDF whose text layer maps glyph codes to Unicode.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path
from typing import Optional

from vnplan.read import legacy

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ROMAN_HEAD = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)([.\-])\s+(\S.*)$")
_DEC_HEAD = re.compile(r"^(\d{1,2})([.)])\s+(\S.*)$")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


# --- legacy encoders (inverse of the reader's tables) ---------------------------------------

def _inverse(encoding: str) -> dict:
    inv: dict[str, str] = {}
    for src, dst in legacy._charmap(encoding).pairs:
        inv.setdefault(dst, src)
    return inv


def encode_legacy(text: str, encoding: str) -> str:
    """Unicode -> legacy surface characters. TCVN3 has no toned capitals: they are written with
    the lowercase byte (what a .VnTimeH run holds), so compare case-folded."""
    inv = _inverse(encoding)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inv:
            out.append(inv[ch])
        elif encoding == "tcvn3" and ch.lower() in inv:
            out.append(inv[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def legacy_bytes(text: str, encoding: str) -> bytes:
    """A legacy-encoded text file: surface characters as single bytes; punctuation beyond
    Latin-1 (“ ” – …) as Windows wrote it, in cp1252 (not for VISCII, which has letters there)."""
    out = bytearray()
    for ch in encode_legacy(text, encoding):
        if ord(ch) < 256:
            out.append(ord(ch))
        elif encoding != "viscii":
            out += ch.encode("cp1252", errors="replace")
        else:
            out += b"?"
    return bytes(out)


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors write it: base letters precomposed where the code
    page has them, tone marks as combining bytes."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        tones = "".join(c for c in d if c in _TONES)
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)


# --- docx -----------------------------------------------------------------------------------

_ABSTRACT = """<w:abstractNum xmlns:w="{ns}" w:abstractNumId="{aid}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="%1{sep0}"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%2{sep1}"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>"""
_NUM = '<w:num xmlns:w="{ns}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'
_FOOTNOTES = """<w:footnotes xmlns:w="{ns}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _numbering_plan(lines: list[str]) -> dict[int, tuple[int, str]]:
    """Which lines become Word-numbered paragraphs: line index -> (ilvl, text after the label).

    Only where Word's counters would print exactly the number written, with the same
    separator, so the .docx shows the same labels as the text."""
    plan: dict[int, tuple[int, str]] = {}
    seps: dict[int, str] = {}
    roman = decimal = 0
    for i, line in enumerate(lines):
        m = _ROMAN_HEAD.match(line)
        if m:
            sep = seps.setdefault(0, m.group(2))
            if m.group(1) == _ROMANS[roman % 10] and sep == m.group(2) and roman < 10:
                roman += 1
                decimal = 0
                plan[i] = (0, m.group(3))
            continue
        m = _DEC_HEAD.match(line)
        if m and roman:
            sep = seps.setdefault(1, m.group(2))
            if int(m.group(1)) == decimal + 1 and sep == m.group(2):
                decimal += 1
                plan[i] = (1, m.group(3))
    plan["seps"] = seps  # type: ignore[index]
    return plan


def _add_run(paragraph, text: str, font: Optional[str] = None):
    from docx.oxml.ns import qn

    run = paragraph.add_run(text)
    if font:
        rpr = run._r.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), font)
    return run


def _add_tcvn3_runs(paragraph, text: str) -> None:
    """The text in .VnTime runs; toned capitals (absent from TCVN3) in .VnTimeH runs."""
    inv = _inverse("tcvn3")
    runs: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inv:
            piece, font = inv[ch], ".VnTime"
        elif ch.lower() in inv:
            piece, font = inv[ch.lower()], ".VnTimeH"
        else:
            piece, font = ch, ".VnTime"
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    for piece, font in runs:
        _add_run(paragraph, piece, font)


def build_docx(text: str, path: Path, *, numbering: bool = True, table: Optional[list] = None,
               footnote: Optional[str] = None, tcvn3_line: Optional[int] = None) -> dict:
    """Save ``text`` (one paragraph per line) as a .docx.

    ``numbering``: outline headings "I.", "1." become real Word numbering (label removed from the
    text). ``table``: rows of cells inserted after the first numbered heading's first body line.
    ``footnote``: a footnote referenced at the end of that same line. ``tcvn3_line``: index of a
    line written in TCVN3 .VnTime/.VnTimeH runs. Returns what was placed where."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    lines = text.split("\n")
    document = docx.Document()
    plan = _numbering_plan(lines) if numbering else {"seps": {}}
    seps = plan.pop("seps")  # type: ignore[arg-type]
    num_id = None
    if plan:
        numbering_el = document.part.numbering_part.element
        abstract = parse_xml(_ABSTRACT.format(ns=W_NS, aid=90, sep0=seps.get(0, "."),
                                              sep1=seps.get(1, ".")))
        first_num = numbering_el.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering_el.append(abstract)
        numbering_el.append(parse_xml(_NUM.format(ns=W_NS, nid=90, aid=90)))
        num_id = "90"
    anchor = None
    if plan:
        first_head = min(plan)
        anchor = next((i for i in range(first_head + 1, len(lines))
                       if lines[i].strip() and i not in plan), None)
    else:
        anchor = next((i for i in range(1, len(lines)) if lines[i].strip()), None)
    if footnote:
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    _FOOTNOTES.format(ns=W_NS, text=footnote).encode("utf-8"), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    for i, line in enumerate(lines):
        p = document.add_paragraph()
        if i in plan:
            ilvl, rest = plan[i]
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/>'
                                 f'<w:numId w:val="{num_id}"/></w:numPr>'))
            _add_run(p, rest)
        elif i == tcvn3_line:
            _add_tcvn3_runs(p, line)
        else:
            _add_run(p, line)
        if i == anchor and footnote:
            r = p.add_run()
            r._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="1"/>'))
        if i == anchor and table:
            t = document.add_table(rows=len(table), cols=len(table[0]))
            for r_i, row in enumerate(table):
                for c_i, cell in enumerate(row):
                    t.cell(r_i, c_i).text = cell
    document.save(str(path))
    return {"numbered": plan, "anchor": anchor}


# --- pdf ------------------------------------------------------------------------------------

def _pdf_string(s: str) -> str:
    return "<" + "".join(f"{ord(c):04X}" for c in s if ord(c) < 0x10000) + ">"


def build_pdf(text: str, path: Path, lines_per_page: int = 45) -> None:
    """A text-layer PDF: one Type0 font (Identity-H, codes = Unicode code points) with a
    ToUnicode CMap, one text line per input line, ``lines_per_page`` lines a page."""
    lines = [ln.replace("\t", " ") for ln in text.split("\n")]
    pages = [lines[i:i + lines_per_page] for i in range(0, max(1, len(lines)), lines_per_page)]
    codes = sorted({ord(c) for c in text if ord(c) < 0x10000} | {32})
    cmap_lines = [f"<{c:04X}> <{c:04X}>" for c in codes]
    chunks = [cmap_lines[i:i + 100] for i in range(0, len(cmap_lines), 100)]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "".join(f"{len(ch)} beginbfchar\n" + "\n".join(ch) + "\nendbfchar\n" for ch in chunks)
            + "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        comp = zlib.compress(data)
        return (f"<< /Length {len(comp)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
                + comp + b"\nendstream")

    catalog = add(b"")  # placeholders filled below
    pages_obj = add(b"")
    tounicode = add(stream(cmap.encode("ascii")))
    descriptor = add(b"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 "
                     b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 "
                     b"/CapHeight 700 /StemV 80 >>")
    cidfont = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans "
                  f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  f"/FontDescriptor {descriptor} 0 R /DW 500 /CIDToGIDMap /Identity >>".encode())
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
               f"/DescendantFonts [{cidfont} 0 R] /ToUnicode {tounicode} 0 R >>".encode())
    kids = []
    for page_lines in pages:
        ops = ["BT", "/F1 9 Tf", "11 TL", "40 800 Td"]
        for ln in page_lines:
            ops.append(f"{_pdf_string(ln)} Tj T*")
        ops.append("ET")
        content = add(stream("\n".join(ops).encode("ascii")))
        page = add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                   f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
                   .encode())
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
    Path(path).write_bytes(_pdf_file(objects, catalog, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))


def _pdf_file(objects: list, root: int, head: bytes) -> bytes:
    """The bytes of a PDF made of ``objects`` (numbered from 1), with its xref table."""
    out = bytearray(head)
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def build_scanned_pdf(path: Path) -> None:
    """A PDF whose page has no text at all (what a scan without OCR looks like to us)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 29 >>\nstream\n0 0 m 100 100 l S 1 0 0 1 0 0 cm\nendstream"]
    Path(path).write_bytes(_pdf_file(objs, 1, b"%PDF-1.4\n"))
