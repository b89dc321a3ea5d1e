"""OpenDocument text (.odt): read like the .docx, the same facts as the text it was made from;
and old Word .doc through antiword."""
from __future__ import annotations

import shutil
import struct
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import vnplan
from vnplan.cli import main
from vnplan.read import ReadError, read_bytes, read_path
from vnplan.read.odt import _format

sys.path.insert(0, str(Path(__file__).parent))
import fixtures_build as fb  # noqa: E402
from test_read import IDS, SEEDS, facts, seed  # noqa: E402

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
LIST_STYLE = """<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="{s0}"/>
<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="{s1}"/>
</text:list-style>"""
TABLE = [["Chỉ tiêu", "Năm 2025", "Năm 2030"], ["Nước sạch", "90%", "95%"],
         ["Rác thải", "80%", "90%"], ["Điện", "99%", "100%"]]
NOTE = "Quyết định số 216/QĐ-UBND ngày 31/01/2019 của Ủy ban nhân dân tỉnh."


def _p(text: str) -> str:
    """A paragraph as LibreOffice writes it: runs of spaces as text:s, tabs as text:tab."""
    out = escape(text).replace("\t", "<text:tab/>")
    out = out.replace("   ", ' <text:s text:c="2"/>')
    return f"<text:p>{out}</text:p>"


def build_odt(text: str, path: Path, *, table=None, footnote=None) -> dict:
    """``text`` (one paragraph per line) as an .odt; "I." / "1." headings become automatic
    list numbering (label removed from the text) wherever it prints the same label."""
    lines = text.split("\n")
    plan = fb._numbering_plan(lines)
    seps = plan.pop("seps")
    anchor = next((i for i in range(min(plan) + 1 if plan else 1, len(lines))
                   if lines[i].strip() and i not in plan), None)
    body, started = [], False
    for i, line in enumerate(lines):
        if i in plan:
            level, rest = plan[i]
            cont = ' text:continue-numbering="true"' if started else ""
            item = f'<text:list-item><text:h text:outline-level="{level + 1}">{escape(rest)}</text:h></text:list-item>'
            if level == 1:
                item = f"<text:list-item><text:list>{item}</text:list></text:list-item>"
            body.append(f'<text:list text:style-name="L1"{cont}>{item}</text:list>')
            started = True
            continue
        para = _p(line)
        if i == anchor and footnote:
            para = para[:-len("</text:p>")] + (
                '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
                f"</text:note-citation><text:note-body>{_p(footnote)}</text:note-body>"
                "</text:note></text:p>")
        body.append(para)
        if i == anchor and table:
            rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell>{_p(c)}</table:table-cell>" for c in row) + "</table:table-row>"
                for row in table)
            body.append(f'<table:table table:name="T1">{rows}</table:table>')
    styles = LIST_STYLE.format(s0=seps.get(0, "."), s1=seps.get(1, "."))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", "<manifest/>")
    return {"numbered": plan, "anchor": anchor}


@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_odt_seed_same_as_text(path, tmp_path):
    text = seed(path)
    f = tmp_path / "seed.odt"
    info = build_odt(text, f, table=TABLE[:2], footnote=NOTE)
    raw, src = read_path(f)
    assert (src.format, src.reader, src.encoding) == ("odt", "odt", "utf-8")
    assert "| Chỉ tiêu | Năm 2025 | Năm 2030 |\n| Nước sạch | 90% | 95% |" in raw
    if info["anchor"] is not None:
        assert f"[1: {NOTE}]" in raw
    lines = raw.split("\n")
    for i in info["numbered"]:  # automatic numbering rendered as written
        assert text.split("\n")[i] in lines
    txt_doc, odt_doc = vnplan.parse(text, strict=True), vnplan.parse_file(f, strict=True)
    assert facts(odt_doc)["sections"] == facts(txt_doc)["sections"]
    assert facts(odt_doc)["deadlines"] == facts(txt_doc)["deadlines"]


def test_odt_without_table_or_note_reads_exactly_as_the_text(tmp_path):
    text = seed(SEEDS[1])
    build_odt(text, tmp_path / "a.odt")
    assert read_path(tmp_path / "a.odt")[0] == text


def test_odt_spaces_tabs_and_layout_table(tmp_path):
    header = [["ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập"]]
    cells = "".join("<table:table-cell>" + "".join(_p(x) for x in c.split("\n")) +
                    "</table:table-cell>" for c in header[0])
    content = (f"<office:document-content {NS}><office:body><office:text>"
               f"<table:table><table:table-row>{cells}</table:table-row></table:table>"
               '<text:p>Số<text:s text:c="3"/>12<text:tab/>ngày<text:line-break/>Kế hoạch</text:p>'
               "</office:text></office:body></office:document-content>")
    with zipfile.ZipFile(tmp_path / "h.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    raw, _ = read_path(tmp_path / "h.odt")
    assert raw.split("\n") == ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "TỈNH AN BÌNH\tĐộc lập", "Số   12\tngày", "Kế hoạch"]


def test_odt_number_formats():
    assert [_format(n, f) for n, f in [(4, "I"), (9, "i"), (1, "a"), (28, "A"), (7, "1")]] == \
        ["IV", "ix", "a", "AB", "7"]


def test_other_opendocument_files_are_refused_by_name(tmp_path):
    buf = tmp_path / "s.ods"
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(ReadError, match="s.ods: unknown format"):
        read_path(buf)
    with zipfile.ZipFile(tmp_path / "b.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<broken")
    with pytest.raises(ReadError, match="b.odt: cannot read this odt file"):
        read_path(tmp_path / "b.odt")


def test_convert_an_odt_like_its_text(tmp_path):
    text = seed(SEEDS[3])
    build_odt(text, tmp_path / "plan.odt")
    (tmp_path / "plan_txt.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "plan.odt"), str(tmp_path / "plan_txt.txt"),
                 "-o", str(out), "-q", "-j", "1"]) == 0
    a, b = vnplan.load(out / "plan.yaml"), vnplan.load(out / "plan_txt.yaml")
    assert a.source.format == "odt" and facts(a) == facts(b) and a.metadata == b.metadata


def test_a_folder_of_odt_files_is_converted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in (1, 3):
        build_odt(seed(SEEDS[i]), folder / f"plan{i}.odt")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out), "-q", "-j", "1"]) == 0
    assert sorted(p.name for p in out.glob("plan*.yaml")) == ["plan1.yaml", "plan3.yaml"]


# --- .doc ------------------------------------------------------------------------------------

# A real Word 97 .doc, written here: an OLE compound file (512-byte sectors, one FAT sector)
# holding a WordDocument stream (a FIB, then the text as UTF-16) and a 1Table stream (a piece
# table of one piece and an empty style sheet). Streams are padded to 4096 bytes so that no
# mini stream is needed. antiword reads it cleanly (checked under valgrind).
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def _word_streams(text: str) -> tuple[bytes, bytes]:
    """(WordDocument, 1Table) of a Word 97 file: a FIB, the text as UTF-16 at 0x400, and a
    piece table of one piece."""
    body = text.replace("\r\n", "\n").replace("\n", "\r")
    if not body.endswith("\r"):
        body += "\r"
    n = len(body)
    fib = bytearray(0x400)
    struct.pack_into("<HHHH", fib, 0, 0xA5EC, 0x00C1, 0x6A62, 0x042A)  # wIdent nFib nProduct lid
    struct.pack_into("<H", fib, 0x0A, 0x0200)  # fWhichTblStm: the table stream is 1Table
    struct.pack_into("<II", fib, 0x18, 0x400, 0x400 + 2 * n)  # fcMin, fcMac
    struct.pack_into("<I", fib, 0x4C, n)  # ccpText
    clx = bytes([2]) + struct.pack("<I", 16) + struct.pack("<II", 0, n) + struct.pack("<HIH", 0, 0x400, 0)
    stsh = struct.pack("<H6H3H", 18, 0, 10, 1, 15, 15, 0, 0, 0, 0)  # a style sheet of no styles
    struct.pack_into("<II", fib, 0x1A2, 0, len(clx))  # fcClx, lcbClx
    struct.pack_into("<II", fib, 0xA2, 64, len(stsh))  # fcStshf, lcbStshf
    word = bytes(fib) + body.encode("utf-16-le")
    table = clx.ljust(64, b"\0") + stsh
    return word.ljust(max(len(word), 4096), b"\0"), table.ljust(4096, b"\0")


def _entry(name: str, kind: int, child=FREE, left=FREE, right=FREE, start=END, size=0) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", left, right, child) + b"\0" * 36 + struct.pack("<IQ", start, size))


def build_doc(text: str) -> bytes:
    """A Word 97 binary (.doc): an OLE compound file with the WordDocument and 1Table streams."""
    word, table = _word_streams(text)
    streams, fat, data = [], [], b""
    for blob in (word, table):
        blob = blob.ljust(-(-len(blob) // 512) * 512, b"\0")
        first, count = len(fat), len(blob) // 512
        fat += [first + k + 1 for k in range(count - 1)] + [END]
        streams.append(first)
        data += blob
    d_sector = len(fat)
    fat.append(END)
    dirs = (_entry("Root Entry", 5, child=1) + _entry("WordDocument", 2, left=2, start=streams[0],
            size=len(word)) + _entry("1Table", 2, start=streams[1], size=len(table))
            + _entry("", 0))
    n_fat = -(-(len(fat) + 1) // 128)
    fat_first = len(fat)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * 128 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, n_fat, d_sector, 0, 4096, END, 0, END, 0)
    difat = [fat_first + k for k in range(n_fat)] + [FREE] * (109 - n_fat)
    struct.pack_into("<109I", header, 76, *difat)
    return bytes(header) + data + dirs + struct.pack(f"<{len(fat)}I", *fat)


@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_doc_through_antiword_reads_like_the_text(path, tmp_path, monkeypatch):
    if not shutil.which("antiword"):
        pytest.skip("antiword is not installed (.ci/run installs it)")
    text = seed(path)
    (tmp_path / "plan.doc").write_bytes(build_doc(text))
    monkeypatch.setenv("VNPLAN_DOC_READER", "antiword")
    doc = vnplan.parse_file(tmp_path / "plan.doc", strict=True)
    assert (doc.source.format, doc.source.reader) == ("doc", "doc:antiword")
    assert facts(doc) == facts(vnplan.parse(text, strict=True))


def test_doc_reader_choice(monkeypatch):
    from vnplan.read import doc as docmod

    monkeypatch.setattr(docmod.shutil, "which", {"antiword": "/bin/aw"}.get)
    assert docmod._choose("auto") == ("antiword", "/bin/aw")
    with pytest.raises(docmod.DocError, match="libreoffice is not installed"):
        docmod._choose("libreoffice")
    monkeypatch.setattr(docmod.shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="install antiword or LibreOffice"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "x.doc")


def test_roman_counters_use_the_one_converter():
    from vnplan.read.odt import _format
    assert [_format(n, f) for n, f in ((4, "I"), (19, "i"), (0, "I"), (4000, "I"))] == ["IV", "xix", "", "4000"]
