"""Readers: every seed through every format and encoding reads back to the same document."""
from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

import vnplan
from vnplan.read import ReadError, legacy, read_bytes, read_path
from vnplan.read.docx import Numbering, format_number

sys.path.insert(0, str(Path(__file__).parent))
import fixtures_build as fb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples").glob("0*.txt"))
CORPUS = sorted(Path("/work/shared/corpus").glob("*.txt"))
IDS = [p.name[:3] for p in SEEDS]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def seed(path: Path) -> str:
    return nfc(path.read_text(encoding="utf-8"))


def facts(doc) -> dict:
    """What the formats must agree on: outline, targets, deadlines, assignments."""
    return {
        "sections": [(s.id, s.heading) for s in doc.walk()],
        "targets": [t.text for t in doc.targets],
        "deadlines": [d.text for d in doc.deadlines],
        "assignments": [(a.body, a.role) for a in doc.assignments],
    }


# --- plain text in every encoding -------------------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_unicode_seed_is_read_unchanged(path):
    text, src = read_path(path)
    assert text == seed(path)
    assert (src.format, src.encoding, src.reader) == ("txt", "utf-8", "text")
    assert src.sha256 and len(src.sha256) == 64


@pytest.mark.parametrize("path", CORPUS, ids=[p.name[:3] for p in CORPUS])
def test_utf8_corpus_never_taken_for_legacy(path):
    text, src = read_path(path)
    assert src.encoding == "utf-8"
    assert text == nfc(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings(codec):
    text = seed(SEEDS[0])
    out, src = read_bytes(text.encode(codec), "x.txt")
    assert out == text
    assert src.encoding == ("utf-8" if codec.startswith("utf-8") else "utf-16")


@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_cp1258(path):
    text = seed(path)
    data = fb.cp1258_bytes(text)
    out, src = read_bytes(data, "x.txt")
    assert src.encoding == "cp1258"
    # characters outside the code page (a CJK slip in one seed) become "?" when encoded
    expected = nfc(data.decode("cp1258", errors="replace"))
    assert out == expected
    assert sum(a != b for a, b in zip(out, text)) <= 4


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_legacy_bytes_read_back(path, encoding):
    text = seed(path).replace("\xa0", " ")  # no NBSP in 8-bit legacy files
    text = "".join(c for c in text if ord(c) < 0x3000)  # nor CJK
    data = fb.legacy_bytes(text, encoding)
    out, src = read_bytes(data, "x.txt")
    if encoding == "viscii":  # punctuation beyond Latin-1 has no VISCII byte
        text = "".join(c if ord(c) < 256 or legacy._VIET_BEYOND_LATIN1.match(c) else "?" for c in text)
    assert src.encoding == encoding
    if encoding == "tcvn3":  # no toned capitals in TCVN3: .VnTimeH draws them
        assert out.lower() == text.lower()
    else:
        assert out == text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_surface_in_utf8_file(encoding):
    text = seed(SEEDS[3])
    data = fb.encode_legacy(text, encoding).encode("utf-8")
    out, src = read_bytes(data, "x.txt")
    assert src.encoding == encoding
    assert out.lower() == text.lower()


def test_vni_breve_hook_supplement():
    # viparse 0.1.31 has no VNI "ẳ": "khaúng ñònh" stayed half converted
    assert legacy.convert("khaúng ñònh", "vni") == "khẳng định"


def _vni_by_table(text: str) -> str:
    """The reference: viparse's table applied one match at a time, then NFC."""
    return nfc(legacy.convert_table(legacy._restore_glyphs(text), "vni"))


@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_vni_fast_path_equals_table(path):
    """convert() composes VNI base + mark pairs with NFC instead of a lookup per match: the
    very same output as the table, on the seed in VNI and on text that is not VNI at all."""
    assert legacy._composer("vni") is not None  # the fast path is really taken
    text = seed(path)
    for s in (fb.encode_legacy(text, "vni"), text, fb.encode_legacy(text, "tcvn3"),
              text.encode("utf-8").decode("latin-1")):
        assert legacy.convert(s, "vni") == _vni_by_table(s)
    assert legacy.convert(fb.encode_legacy(text, "vni"), "vni") == text


def test_vni_fast_path_stray_marks_and_random_words():
    # mark bytes after no base, or after a base the table does not pair them with, stay as is
    for s in ("uá eê iû õ x", "Aø aØ ôâ \u0301ù", "ñoàng boä “ñuùng” \u2212 aù\u0323"):
        assert legacy.convert(s, "vni") == _vni_by_table(s)
    assert legacy.convert("uá eê", "vni") == "uá eê"
    rng = random.Random(7)
    keys = "".join(k for k in legacy._converter("vni")[1])
    alphabet = sorted(set(keys) | set(" nbA\u0301\u0323“–"))
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        assert legacy.convert(s, "vni") == _vni_by_table(s), repr(s)
    vowels, tones = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY", ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    words = [rng.choice(["", "ng", "th", "đ", "Đ", "kh", "Tr"]) + nfc(rng.choice(vowels) + rng.choice(tones))
             + rng.choice(["", "i", "u", "ng", "n", "ơ", "ư"]) for _ in range(3000)]
    text = " ".join(words)
    vni = fb.encode_legacy(text, "vni")
    assert legacy.convert(vni, "vni") == _vni_by_table(vni) == text


@pytest.mark.parametrize("encoding", ["tcvn3", "viscii"])
def test_one_char_tables_by_charmap_equal_translate(encoding):
    """TCVN3/VISCII text is converted by a C charmap decode of its Latin-1 runs: the same as
    translating it with the table, characters beyond Latin-1 (“ ” – CJK) left in place."""
    assert legacy._byte_map(encoding) is not None
    table = legacy._translation(encoding)
    for path in SEEDS:
        text = seed(path)
        for s in (fb.encode_legacy(text, encoding), text, fb.encode_legacy(text, "vni")):
            assert legacy.convert(s, encoding) == nfc(legacy._restore_glyphs(s).translate(table))


def test_mixed_unicode_and_tcvn3_lines():
    uni = "Tăng cường sự lãnh đạo của Đảng đối với đội ngũ trí thức."
    tcvn = fb.encode_legacy("Các cấp ủy, tổ chức đảng quán triệt sâu sắc Nghị quyết số 45-NQ/TW; "
                            "xây dựng chương trình hành động cụ thể.", "tcvn3")
    data = "\n".join([tcvn, uni, tcvn]).encode("utf-8")
    out, src = read_bytes(data, "x.txt")
    lines = out.split("\n")
    assert src.encoding == "tcvn3"
    assert lines[1] == uni
    assert lines[0].startswith("Các cấp ủy, tổ chức đảng quán triệt")


def test_text_without_vietnamese_is_read():
    out, src = read_bytes(b"Annual plan\nThe committee meets every month.\n", "plan.txt")
    assert out.startswith("Annual plan") and src.encoding == "utf-8"
    fr = "Le comité se réunit à Genève; déjà prévu, très français.".encode("cp1252")
    out, src = read_bytes(fr, "fr.txt")
    assert out == "Le comité se réunit à Genève; déjà prévu, très français."
    doc = vnplan.parse_bytes(b"Annual plan only in English.", "en.txt")
    assert doc.source.format == "txt"


# --- errors a user can cause --------------------------------------------------------------

def test_empty(tmp_path):
    with pytest.raises(ReadError, match="empty"):
        vnplan.parse_bytes(b"")
    f = tmp_path / "blank.txt"
    f.write_bytes(b"")
    with pytest.raises(ReadError, match=r"blank\.txt: empty file"):
        read_path(f)
    f.write_bytes(b" \n\t\n")
    with pytest.raises(ReadError, match=r"blank\.txt: empty"):
        read_path(f)


def test_missing_and_directory(tmp_path):
    with pytest.raises(ReadError, match="nope.txt: no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_path(tmp_path)


def test_binary_junk():
    rnd = random.Random(7)
    junk = bytes(rnd.randrange(256) for _ in range(5000))
    with pytest.raises(ReadError, match="junk.bin: unknown format"):
        read_bytes(junk, "junk.bin")
    with pytest.raises(ReadError, match="a PNG image"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + junk, "scan.txt")


def test_unknown_and_corrupt_containers():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(ReadError, match="a.zip: unknown format: a zip archive"):
        read_bytes(buf.getvalue(), "a.zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    with pytest.raises(ReadError, match="broken.docx: cannot read"):
        read_bytes(buf.getvalue(), "broken.docx")
    with pytest.raises(ReadError, match="bad.docx: corrupt zip"):
        read_bytes(b"PK\x03\x04" + b"\x00" * 40, "bad.docx")
    with pytest.raises(ReadError, match="bad.pdf"):
        read_bytes(b"%PDF-1.4\n1 0 obj garbage", "bad.pdf")
    with pytest.raises(ReadError, match="RTF is not supported"):
        read_bytes(b"{\\rtf1\\ansi hello}", "a.rtf")
    with pytest.raises(ReadError, match="x.txt: expected bytes"):
        read_bytes("text", "x.txt")


def test_scanned_pdf(tmp_path):
    f = tmp_path / "scan.pdf"
    fb.build_scanned_pdf(f)
    with pytest.raises(ReadError, match=r"scan\.pdf: no text layer: OCR it first"):
        read_path(f)


def test_doc_without_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError, match="old.doc: .*install antiword or LibreOffice"):
        read_path(f)


def test_huge_inputs_read_whole():
    line = ("Tăng cường lãnh đạo " * 260_000)[:5_000_000]
    out, _ = read_bytes(line.encode(), "big.txt")
    assert len(out) == len(line)
    many = "\n".join(f"{i}. Nhiệm vụ" for i in range(100_000))
    assert read_bytes(many.encode(), "n.txt")[0] == many
    digits = "7" * 50_000
    assert read_bytes(digits.encode(), "d.txt")[0] == digits


# --- content decides the format ---------------------------------------------------------

def test_format_by_content(tmp_path):
    text = seed(SEEDS[3])
    fb.build_docx(text, tmp_path / "a.docx", numbering=False)
    (tmp_path / "really_docx.txt").write_bytes((tmp_path / "a.docx").read_bytes())
    _, src = read_path(tmp_path / "really_docx.txt")
    assert (src.format, src.reader) == ("docx", "docx")
    fb.build_pdf(text, tmp_path / "a.pdf")
    (tmp_path / "really_pdf.doc").write_bytes((tmp_path / "a.pdf").read_bytes())
    _, src = read_path(tmp_path / "really_pdf.doc")
    assert src.format == "pdf"
    (tmp_path / "page.doc").write_text("<html><body><p>Kế hoạch</p></body></html>")
    out, src = read_path(tmp_path / "page.doc")
    assert (out, src.format) == ("Kế hoạch", "html")


# --- docx ---------------------------------------------------------------------------------

TABLE = [["Tên", "Ghi chú"], ["Tài liệu", "Bản chính"]]
NOTE = "Quyết định số 216/QĐ-UBND ngày 31/01/2019 của Ủy ban nhân dân tỉnh."


@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_docx_seed_same_as_text(path, tmp_path):
    text = seed(path)
    f = tmp_path / "seed.docx"
    lines = text.split("\n")
    info = fb.build_docx(text, f, table=TABLE, footnote=NOTE)
    raw, src = read_path(f)
    assert src.format == "docx"
    assert "| Tên | Ghi chú |\n| Tài liệu | Bản chính |" in raw
    if info["anchor"] is not None:
        assert f"[1: {NOTE}]" in raw
    for i, (ilvl, rest) in info["numbered"].items():  # Word numbering rendered as written
        assert lines[i] in raw.split("\n")
    txt_doc = vnplan.parse(text)
    docx_doc = vnplan.parse_file(f)
    assert facts(docx_doc)["sections"] == facts(txt_doc)["sections"]
    assert facts(docx_doc) == facts(txt_doc) or _only_table_differs(txt_doc, docx_doc)


def _only_table_differs(a, b) -> bool:
    fa, fb_ = facts(a), facts(b)
    return all(fa[k] == fb_[k] for k in ("sections", "deadlines"))


def test_docx_numbering_headings_really_numbered(tmp_path):
    text = seed(SEEDS[1])
    info = fb.build_docx(text, tmp_path / "n.docx")
    assert sum(1 for v in info["numbered"].values() if v[0] == 0) >= 3
    assert sum(1 for v in info["numbered"].values() if v[0] == 1) >= 2
    import docx

    body = docx.Document(str(tmp_path / "n.docx")).paragraphs
    heads = [p.text for p in body if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert heads and not heads[0].startswith("I")  # the label lives in numbering.xml only


def test_docx_tcvn3_runs(tmp_path):
    text = seed(SEEDS[3])
    lines = text.split("\n")
    caps = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸÀÁÃÈÉÌÍÒÓÕÙÚÝĨŨ"
    k = next(i for i, ln in enumerate(lines) if len(ln) > 80 and any(c in caps for c in ln))
    fb.build_docx(text, tmp_path / "v.docx", numbering=False, tcvn3_line=k)
    import docx

    fonts = {r.font.name for r in docx.Document(str(tmp_path / "v.docx")).paragraphs[k].runs}
    assert {".VnTime", ".VnTimeH"} <= fonts
    raw, src = read_path(tmp_path / "v.docx")
    assert src.encoding == "tcvn3"
    assert raw.split("\n")[k] == lines[k]
    assert raw.split("\n")[k + 2] == lines[k + 2]  # Unicode paragraphs untouched


def test_numbering_formats():
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(3, "decimalZero") == "03"
    from lxml import etree

    xml = f"""<w:numbering xmlns:w="{fb.W_NS}">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>
          <w:isLgl/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"""
    n = Numbering(etree.fromstring(xml))
    seq = [n.next("5", 0), n.next("5", 1), n.next("5", 1), n.next("5", 2), n.next("5", 2),
           n.next("5", 3), n.next("5", 0), n.next("5", 1), n.next("5", 2)]
    assert seq == ["I.", "1.1.", "1.2.", "a)", "b)", "-", "II.", "2.1.", "a)"]
    assert n.next("6", 0) == "I."  # restarted list
    assert n.next("0", 0) is None and n.next("99", 0) is None


def test_docx_layout_header_table(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    left.text = "TỈNH ỦY ĐIỆN BIÊN"
    left.add_paragraph("*")
    left.add_paragraph("Số 83-KH/TU")
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("")
    right.add_paragraph("Điện Biên, ngày 27 tháng 8 năm 2019")
    d.add_paragraph("KẾ HOẠCH")
    d.save(str(tmp_path / "h.docx"))
    raw, _ = read_path(tmp_path / "h.docx")
    assert raw.split("\n") == ["TỈNH ỦY ĐIỆN BIÊN\tĐẢNG CỘNG SẢN VIỆT NAM", "*",
                               "Số 83-KH/TU\tĐiện Biên, ngày 27 tháng 8 năm 2019", "KẾ HOẠCH"]
    doc = vnplan.parse_file(tmp_path / "h.docx")
    assert doc.metadata.number == "83-KH/TU"


# --- pdf ----------------------------------------------------------------------------------

PDF_CASES = [pytest.param(p, id=p.name[:3]) for p in SEEDS]


@pytest.mark.parametrize("path", PDF_CASES)
def test_pdf_seed_same_as_text(path, tmp_path):
    text = seed(path)
    f = tmp_path / "seed.pdf"
    fb.build_pdf(text, f, lines_per_page=10)
    raw, src = read_path(f)
    assert (src.format, src.reader) == ("pdf", "pdf")
    if text.count("\n") > 10:
        assert "\n\n" in raw  # pages joined by a blank line
    want = [ln.replace("\t", " ").strip() for ln in text.split("\n") if ln.strip()]
    assert [ln.strip() for ln in raw.split("\n") if ln.strip()] == want
    assert facts(vnplan.parse_file(f))["sections"] == facts(vnplan.parse(text))["sections"]


# --- html ---------------------------------------------------------------------------------

def test_html():
    page = """<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style></head>
    <body><script>var a = "<p>no</p>";</script>
    <p>I. MỤC ĐÍCH,<br>YÊU CẦU</p><div>1. Mục đích</div>
    <table><tr><th>Nội dung</th><th>Thời gian</th></tr><tr><td>Tuyên <b>truyền</b></td><td>Quý I/2024</td></tr></table>
    <ul><li>một</li><li>hai</li></ul><ol><li>ba</li></ol>
    <p><font face=".VnTime">Th\u00abng t\u00ad</font> &amp; <span style="font-family: 'VNI-Times'">Vie\u00e4t Nam</span></p>
    </body></html>"""
    out, src = read_bytes(page.encode("utf-8"), "p.html")
    assert src.format == "html"
    assert out.split("\n") == ["I. MỤC ĐÍCH,", "YÊU CẦU", "1. Mục đích", "| Nội dung | Thời gian |",
                               "| Tuyên truyền | Quý I/2024 |", "- một", "- hai", "1. ba",
                               "Thông tư & Việt Nam"]


def test_html_cp1258_meta():
    page = '<html><head><meta charset="windows-1258"></head><body><p>Kế hoạch số 83-KH/TU</p></body></html>'
    out, src = read_bytes(fb.cp1258_bytes(page), "old.htm")
    assert out == "Kế hoạch số 83-KH/TU" and src.encoding == "cp1258"


# --- import cost --------------------------------------------------------------------------

def test_import_vnplan_stays_light():
    code = ("import sys, vnplan; bad = [m for m in ('docx', 'pypdf', 'viparse', 'lxml') "
            "if m in sys.modules]; print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _facts(doc) -> dict:
    """What a user reads off a document, case-folded (plain TCVN3 text cannot tell "Ủy ban"
    from "ủy ban": its capitals font drew toned capitals from lower-case codes)."""
    low = lambda v: v.lower() if isinstance(v, str) else v  # noqa: E731
    md = doc.metadata
    return {
        "metadata": [low(x) for x in (md.doc_type, md.number, md.issuer, md.place, md.date,
                                      md.draft, md.title, md.signer.name, md.signer.title)],
        "sections": [(s.id, s.kind, low(s.heading), s.span) for s in doc.walk()],
        "references": [(r.number, r.relation, r.date, r.mentions) for r in doc.references],
        "targets": [(t.value, t.value_max, low(t.unit), t.comparator, t.year, t.span)
                    for t in doc.targets],
        "deadlines": [(d.due, d.period_start, d.recurrence, d.span) for d in doc.deadlines],
        "assignments": [(a.role, low(a.canonical), a.span) for a in doc.assignments],
    }


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("path", SEEDS, ids=IDS)
def test_legacy_seed_gives_the_same_document_as_unicode(path, encoding):
    """The issue's bar: a seed typed in TCVN3 or VNI gives the same document as the Unicode
    seed: the very same YAML (but for the source record) for VNI, the same facts for TCVN3."""
    import vnplan

    text = seed(path).replace("\xa0", " ")
    text = "".join(c for c in text if ord(c) < 0x3000)
    want = vnplan.parse(text, doc_id="x")
    got = vnplan.parse_bytes(fb.legacy_bytes(text, encoding), "x.txt", doc_id="x")
    assert _facts(got) == _facts(want)
    if encoding == "vni":
        a, b = want.to_dict(), got.to_dict()
        a.pop("source"), b.pop("source")
        assert a == b


def test_capitals_come_back_in_tcvn3_text():
    assert legacy.restore_caps("Kế HOạCH") == "KẾ HOẠCH"
    assert legacy.restore_caps("II- MụC TIêU") == "II- MỤC TIÊU"
    assert legacy.restore_caps("Số 83-KH/TU") == "Số 83-KH/TU"  # a number says nothing of case
    assert legacy.restore_caps("Ban Thường vụ Tỉnh ủy") == "Ban Thường vụ Tỉnh ủy"


def test_html_unclosed_tags_and_comments_read_as_text_and_closed_ones_as_markup():
    from vnplan.read.html import to_text

    text, _ = to_text("<html><body><p>Kế hoạch số 5</p><!-- <b>ẩn</b> --><p>a <b giữa</p>"
                      "<p>chỉ tiêu <a và <a hết</p></body></html>")
    assert text.split("\n") == ["Kế hoạch số 5", "a <b giữa", "chỉ tiêu <a và <a hết"]
    tail, _ = to_text("<html><body><p>Mở đầu</p>" + "<!--" * 50)
    assert tail.startswith("Mở đầu")


def test_read_bytes_refuses_a_docx_whose_parts_are_a_bomb_and_names_the_part():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("word/big.xml", b" " * (3 << 20))
    with pytest.raises(ReadError, match="x.docx: zip/docx package refused: part word/big.xml"):
        read_bytes(buf.getvalue(), "x.docx")


def test_word_roman_counters_use_the_one_converter():
    from vnplan.read.docx_parts import format_number
    assert [format_number(n, f) for n, f in ((4, "upperRoman"), (9, "lowerRoman"), (0, "lowerRoman"))] == ["IV", "ix", "0"]
