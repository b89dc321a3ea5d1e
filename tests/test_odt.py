"""OpenDocument text (.odt): read like the .docx, the same facts as the text it was made from;
and old Word .doc through antiword."""
from __future__ import annotations

import shutil
import subprocess
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


# --- .doc ------------------------------------------------------------------------------------

def _doc_fixture(tmp_path: Path) -> Path:
    """A real Word .doc, made by LibreOffice from a .docx; there is no other way to write one
    here (no pure-Python writer of the binary format), so without LibreOffice the test skips."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is needed to make the .doc fixture (not to read it)")
    fb.build_docx(seed(SEEDS[3]), tmp_path / "plan.docx", numbering=False)
    subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(tmp_path / "plan.docx")], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    return tmp_path / "plan.doc"


def test_doc_through_antiword_reads_like_the_text(tmp_path, monkeypatch):
    if not shutil.which("antiword"):
        pytest.skip("antiword is not installed (.ci/run installs it)")
    f = _doc_fixture(tmp_path)
    monkeypatch.setenv("VNPLAN_DOC_READER", "antiword")
    doc = vnplan.parse_file(f, strict=True)
    assert doc.source.reader == "doc:antiword"
    assert facts(doc)["sections"] == facts(vnplan.parse(seed(SEEDS[3])))["sections"]


def test_doc_reader_choice(monkeypatch):
    from vnplan.read import doc as docmod

    monkeypatch.setattr(docmod.shutil, "which", {"antiword": "/bin/aw"}.get)
    assert docmod._choose("auto") == ("antiword", "/bin/aw")
    with pytest.raises(docmod.DocError, match="libreoffice is not installed"):
        docmod._choose("libreoffice")
    monkeypatch.setattr(docmod.shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="install antiword or LibreOffice"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "x.doc")
