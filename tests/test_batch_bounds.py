"""Batch conversion under hostile inputs: bounds, no silent failure, output that always loads.

Every input is built here, small; subprocesses have timeouts."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import vnplan
from vnplan import batch
from vnplan.batch import Limits
from vnplan.cli import main
from vnplan.read import ReadError, read_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples").glob("0*.txt"))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLAN = "KẾ HOẠCH\nI. MỤC TIÊU\nSở Nội vụ chủ trì, hoàn thành trước ngày 31/12/2026.\n"


def _report(out: Path) -> tuple[list, dict]:
    lines = [json.loads(x) for x in (out / batch.REPORT).read_text(encoding="utf-8").splitlines()]
    assert lines[-1]["summary"] is True
    return lines[:-1], lines[-1]


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


# --- what a .docx / .pdf may expand to -----------------------------------------------------------

def _docx(paragraphs: list, numbering: str = "", footnotes: str = "") -> bytes:
    """A minimal .docx: ``paragraphs`` are <w:p> XML strings."""
    body = "".join(paragraphs)
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ['<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                'package/2006/relationships">']
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        for rid, (part, kind, xml) in enumerate((("numbering.xml", "numbering", numbering),
                                                 ("footnotes.xml", "footnotes", footnotes))):
            if xml:
                zf.writestr(f"word/{part}", xml)
                doc_rels.append(f'<Relationship Id="rIdX{rid}" Type="http://schemas.openxml'
                                f'formats.org/officeDocument/2006/relationships/{kind}" '
                                f'Target="{part}"/>')
        zf.writestr("word/_rels/document.xml.rels", "".join(doc_rels) + "</Relationships>")
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}'
                                         "</w:body></w:document>")
    return buf.getvalue()


def _p(text: str, extra: str = "", num: bool = False) -> str:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


def test_docx_letter_numbering_from_two_billion_stays_small():
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl '
                 'w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/>'
                 '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1">'
                 '<w:abstractNumId w:val="0"/></w:num></w:numbering>')
    data = _docx([_p("KẾ HOẠCH")] + [_p("Nhiệm vụ trọng tâm", num=True)] * 3, numbering)
    t0 = time.perf_counter()
    text, _ = read_bytes(data, "so.docx")
    assert time.perf_counter() - t0 < 5 and len(text) < 200
    assert "2000000000) Nhiệm vụ" in text and "2000000002) Nhiệm vụ" in text


def test_docx_footnote_referenced_many_times_is_given_once():
    body = "Chú thích dài về căn cứ pháp lý của kế hoạch. " * 50
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>{body}'
                 "</w:t></w:r></w:p></w:footnote></w:footnotes>")
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    data = _docx([_p("KẾ HOẠCH"), _p("Căn cứ Luật", ref * 2000)], footnotes=footnotes)
    text, _ = read_bytes(data, "fn.docx")
    assert text.count("căn cứ pháp lý") == 50 and len(text) < 5000


def test_docx_that_expands_past_its_text_budget_is_refused(monkeypatch):
    from vnplan.read import docx as docx_reader

    monkeypatch.setattr(docx_reader, "text_budget", lambda n: 100)
    with pytest.raises(ReadError, match="big.docx: the document expands past its text limit"):
        read_bytes(_docx([_p("KẾ HOẠCH " * 20)] * 3), "big.docx")


def test_docx_package_with_a_bomb_part_is_refused():
    data = _docx([_p("KẾ HOẠCH")])
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/zeros.bin", b"\0" * (4 << 20))  # ~1000:1
    with pytest.raises(ReadError, match="bomb.docx: zip/docx package refused: part "
                                        "word/media/zeros.bin expands more than 200 times"):
        read_bytes(buf.getvalue(), "bomb.docx")


def test_docx_symbol_d800_gives_a_loadable_output_with_a_warning(tmp_path: Path):
    sym = '<w:r><w:sym w:font="Symbol" w:char="D800"/></w:r>'
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sym.docx").write_bytes(_docx([_p("KẾ HOẠCH"), _p("Sở Nội vụ", sym)]))
    summary = batch.convert([str(tmp_path / "in")], tmp_path / "out", workers=1, quiet=True)
    assert summary.ok == 1
    doc = vnplan.load(tmp_path / "out" / "sym.yaml")
    assert "\ufffd" in doc.text and "surrogate" in {w.code for w in doc.warnings}


def test_encrypted_pdf_opens_with_the_empty_password_else_says_encrypted(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("cryptography")
    from fixtures_build import build_pdf

    build_pdf(PLAN, tmp_path / "plain.pdf")
    for password, name in (("", "aes.pdf"), ("mật-khẩu", "locked.pdf")):
        writer = pypdf.PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
        writer.encrypt(user_password=password, owner_password="chủ", algorithm="AES-256")
        with open(tmp_path / name, "wb") as fh:
            writer.write(fh)
    text, src = read_bytes((tmp_path / "aes.pdf").read_bytes(), "aes.pdf")
    assert "Sở Nội vụ chủ trì" in text and src.format == "pdf"
    with pytest.raises(ReadError, match="locked.pdf: encrypted PDF: a password is needed"):
        read_bytes((tmp_path / "locked.pdf").read_bytes(), "locked.pdf")


# --- no silent failure ---------------------------------------------------------------------------

def _failing_stage(doc):
    raise ValueError("hỏng")


def _slow_stage(doc):
    if "CHẬM" in doc.text:
        time.sleep(30)


def _plus_stage(pipeline, name, fn):
    """The pipeline's stages and one more at the end, which reads the text and sets nothing."""
    return pipeline.STAGES + [pipeline.Stage(name, fn, reads=("text",), sets=())]


def test_stage_crash_is_partial_counted_apart_and_exit_1(tmp_path, monkeypatch, capsys):
    import vnplan.pipeline as pipeline

    monkeypatch.setattr(pipeline, "STAGES", _plus_stage(pipeline, "boom", _failing_stage))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN, encoding="utf-8")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1"]) == 1
    (rec,), total = _report(tmp_path / "out")
    assert rec["status"] == "partial" and rec["error"] == "stage boom: ValueError: hỏng"
    assert (total["ok"], total["partial"], total["error"]) == (0, 1, 0)
    assert vnplan.load(tmp_path / "out" / "a.yaml").text  # written all the same
    assert "0 converted, 0 failed, 1 partial (a stage failed)" in capsys.readouterr().err


def test_timeout_gives_the_input_its_line_and_the_others_go_on(tmp_path, monkeypatch):
    import vnplan.pipeline as pipeline

    monkeypatch.setattr(pipeline, "STAGES", _plus_stage(pipeline, "slow", _slow_stage))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(PLAN + "CHẬM\n", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(PLAN, encoding="utf-8")
    t0 = time.perf_counter()
    summary = batch.convert([str(tmp_path / "in")], tmp_path / "out", workers=1, quiet=True,
                            limits=Limits(timeout=0.5))
    assert time.perf_counter() - t0 < 10
    lines, _ = _report(tmp_path / "out")
    assert [(Path(r["input"]).name, r["status"]) for r in lines] == [
        ("a.txt", "ok"), ("b.txt", "error"), ("c.txt", "ok")]
    assert lines[1]["error"] == "timed out after 0.5 s (--timeout)" and summary.error == 1


def test_every_path_not_converted_has_a_line_saying_why(tmp_path: Path):
    src, outside = tmp_path / "in", tmp_path / "outside"
    src.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(PLAN, encoding="utf-8")
    os.symlink(outside / "secret.txt", src / "link.txt")
    os.symlink(outside, src / "linkdir")
    os.symlink(tmp_path / "nowhere.txt", src / "dangling.txt")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("x.txt", PLAN)
    with zipfile.ZipFile(src / "pack.zip", "w") as zf:
        zf.writestr("./dot.txt", PLAN)
        zf.writestr("nested.zip", inner.getvalue())
        zf.writestr("sheet.xlsx", b"PK")
    batch.convert([str(src)], tmp_path / "out", workers=1, quiet=True)
    lines, total = _report(tmp_path / "out")
    why = {r["input"].split("/in/")[1]: (r["status"], r["error"]) for r in lines}
    assert why == {
        "dangling.txt": ("ignored", "dangling link: its target does not exist"),
        "link.txt": ("ignored", "link to outside the input folder: not followed"),
        "linkdir": ("ignored", "link to outside the input folder: not followed"),
        "pack.zip!./dot.txt": ("ok", None),
        "pack.zip!nested.zip": ("ignored", "archive inside an archive: not opened (unpack it first)"),
        "pack.zip!sheet.xlsx": ("ignored", "unsupported format (.xlsx): not read")}
    assert (total["ok"], total["ignored"]) == (1, 5)


# --- output that always loads, in a stable order -------------------------------------------------

def test_jsonl_and_report_in_input_order_byte_identical_with_two_workers(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i, p in enumerate(SEEDS * 3):
        (src / f"{9 - i % 10}{i:02d}.txt").write_bytes(p.read_bytes())
    runs = []
    for k in range(2):
        out = tmp_path / f"out{k}"
        batch.convert([str(src)], out, fmt="jsonl", workers=2, chunksize=1, quiet=True)
        runs.append(((out / batch.JSONL).read_bytes(), [r["input"] for r in _report(out)[0]]))
    assert runs[0] == runs[1]
    assert runs[0][1] == sorted(runs[0][1])  # one folder: discovery order is name order


def test_long_input_name_is_shortened_with_a_hash(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    stems = ["kế-hoạch-" * 18 + "a", "kế-hoạch-" * 18 + "b"]  # 235 bytes + ".txt"
    for s in stems:
        (src / f"{s}.txt").write_text(PLAN, encoding="utf-8")
    summary = batch.convert([str(src)], tmp_path / "out", workers=1, quiet=True)
    outs = sorted(r["output"] for r in _report(tmp_path / "out")[0])
    assert summary.ok == 2 and len(set(outs)) == 2
    assert all(len(o.encode()) <= 170 and o.startswith("kế-hoạch-") for o in outs)


def test_own_file_names_never_taken_by_an_input(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "_catalog.txt").write_text(PLAN, encoding="utf-8")
    (src / "_report.txt").write_text(PLAN, encoding="utf-8")
    batch.convert([str(src)], tmp_path / "out", workers=1, quiet=True)
    outs = {r["output"] for r in _report(tmp_path / "out")[0]}
    assert not outs & {"_catalog.yaml", "_report.jsonl"} and len(outs) == 2


@pytest.mark.parametrize("fmt", ["jsonl", "yaml"])
def test_full_disk_is_one_clear_error_and_no_half_line(tmp_path: Path, fmt: str):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"d{i}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    out = tmp_path / "out"
    cap = 150_000 if fmt == "jsonl" else 20_000  # a few documents / one output fit
    code = (f"import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({cap}, {cap}));"
            "from vnplan.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, "convert", str(src), "-o", str(out),
                           "-f", fmt, "-j", "1", "-q"], capture_output=True, text=True,
                          timeout=120, env=_env(), cwd=str(ROOT))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"vnplan convert: stopped: cannot write {out}/" in proc.stderr
    assert ": File too large" in proc.stderr and len(proc.stderr.splitlines()) == 1
    for name in (batch.JSONL, batch.REPORT) if fmt == "jsonl" else (batch.REPORT,):
        text = (out / name).read_text(encoding="utf-8")
        assert text.endswith("\n") and all(json.loads(x) for x in text.splitlines())
    assert json.loads((out / batch.REPORT).read_text().splitlines()[-1])["summary"] is True


# --- the command and its workers -----------------------------------------------------------------

def _start(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "vnplan", "convert", str(src), "-o", str(out),
                             "-j", "2", "-q", "--chunksize", "1"], env=_env(), cwd=str(ROOT),
                            stderr=subprocess.PIPE, text=True)


def _children(pid: int) -> set:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _many(tmp_path: Path, n: int = 400) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        (src / f"d{i:04d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    return src


def _wait_for_workers(proc: subprocess.Popen) -> set:
    for _ in range(200):
        kids = _children(proc.pid)
        if len(kids) >= 2:
            return kids
        time.sleep(0.05)
    pytest.skip("the workers did not start in time")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_with_the_command_on_kill_9(tmp_path: Path):
    proc = _start(_many(tmp_path), tmp_path / "out")
    kids = _wait_for_workers(proc)
    proc.kill()
    proc.wait(timeout=20)
    deadline = time.time() + 10
    while time.time() < deadline and any(Path(f"/proc/{k}").exists() for k in kids):
        time.sleep(0.1)
    alive = [k for k in kids if Path(f"/proc/{k}/status").exists()
             and "zombie" not in Path(f"/proc/{k}/status").read_text()]
    assert not alive


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigterm_writes_the_summary_and_ends_the_workers(tmp_path: Path):
    proc = _start(_many(tmp_path), tmp_path / "out")
    kids = _wait_for_workers(proc)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143 and "terminated (SIGTERM)" in err
    lines = (tmp_path / "out" / batch.REPORT).read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert last["summary"] is True and last["interrupted"] is True
    time.sleep(0.5)
    assert not [k for k in kids if Path(f"/proc/{k}/status").exists()
                and "zombie" not in Path(f"/proc/{k}/status").read_text()]


def test_memory_limit_turns_an_allocation_into_memory_error():
    code = ("from vnplan.batch.bounds import limit_memory; limit_memory(300 << 20)\n"
            "try:\n    bytearray(1 << 30)\nexcept MemoryError:\n    print('bounded')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=_env())
    assert proc.stdout.strip() == "bounded"


def test_missing_input_creates_nothing_and_file_as_outdir_is_clear(tmp_path, capsys):
    assert main(["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "file")]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "File exists" not in err


def test_resume_keeps_the_counts_of_skipped_inputs(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEEDS[1].read_bytes())
    batch.convert([str(src)], tmp_path / "out", workers=1, quiet=True)
    (first,), _ = _report(tmp_path / "out")
    batch.convert([str(src)], tmp_path / "out", workers=1, quiet=True, resume=True)
    (again,), total = _report(tmp_path / "out")
    assert again["status"] == "skipped" and total["skipped"] == 1
    for k in ("sections", "targets", "deadlines", "assignments", "warnings"):
        assert again[k] == first[k] is not None


def test_progress_bar_counts_the_inputs_first(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"d{i}.txt").write_text(PLAN, encoding="utf-8")
    err = io.StringIO()
    batch.convert([str(src)], tmp_path / "out", workers=1, progress=True, err=err)
    assert "3/3" in err.getvalue()


def _hungry_stage(doc):
    if "ĐÓI" in doc.text:
        bytearray(3 << 30)


def test_in_process_memory_cap_costs_the_input_not_the_command(tmp_path, monkeypatch):
    import vnplan.pipeline as pipeline

    monkeypatch.setattr(pipeline, "STAGES", _plus_stage(pipeline, "hungry", _hungry_stage))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN + "ĐÓI\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(PLAN, encoding="utf-8")
    batch.convert([str(tmp_path / "in")], tmp_path / "out", workers=1, quiet=True,
                  limits=Limits(memory=256 << 20))
    lines, _ = _report(tmp_path / "out")
    assert [r["status"] for r in lines] == ["partial", "ok"]
    assert lines[0]["error"] == "stage hungry: MemoryError: "
    bytearray(512 << 20)  # the cap is lifted after the input


def _stuck_stage(doc):
    if "KẸT" in doc.text:  # the alarm cannot reach it, as in native code that never returns
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        t0 = time.process_time()
        while time.process_time() - t0 < 60:
            pass


def test_input_stuck_past_the_alarm_is_stopped_by_the_cpu_backstop(tmp_path, monkeypatch):
    import vnplan.pipeline as pipeline

    monkeypatch.setattr(pipeline, "STAGES", _plus_stage(pipeline, "stuck", _stuck_stage))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN + "KẸT\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(PLAN, encoding="utf-8")
    t0 = time.perf_counter()
    batch.convert([str(tmp_path / "in")], tmp_path / "out", workers=2, chunksize=1, quiet=True,
                  limits=Limits(timeout=0.2))
    assert time.perf_counter() - t0 < 30
    lines, _ = _report(tmp_path / "out")
    assert [r["status"] for r in lines] == ["error", "ok"]
    assert "past the --timeout" in lines[0]["error"]
