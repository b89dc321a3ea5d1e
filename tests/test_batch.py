"""Batch conversion (vnplan.batch): discovery, naming, report, atomic outputs, resume, pool crash.

Fixtures are built in a temporary folder from the real seeds in samples/. The extraction stages
are being written by others, so these tests assert structure (report lines, names, statuses,
files that load back), not extraction figures.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

import vnplan
from vnplan import batch
from vnplan.batch import Item, Limits, Namer, Task, resume

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples").glob("0*.txt"))
ENGLISH = "The committee will meet on Monday to review the annual budget and staffing plan.\n"


def _report(out: Path) -> tuple[list, dict]:
    lines = [json.loads(x) for x in (out / batch.REPORT).read_text(encoding="utf-8").splitlines()]
    assert lines[-1]["summary"] is True
    return lines[:-1], lines[-1]


def _by_input(lines: list) -> dict:
    return {rec["input"]: rec for rec in lines}


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """docs/ with the seeds, an empty file, a binary file, an English text, two files sharing a
    stem, a hidden file and a zip with a good member, a bad member and a traversal name."""
    docs = tmp_path / "docs"
    (docs / "seeds").mkdir(parents=True)
    for p in SEEDS:
        shutil.copy(p, docs / "seeds" / p.name)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "english.txt").write_text(ENGLISH, encoding="utf-8")
    for sub in ("a", "b"):
        (docs / sub).mkdir()
        shutil.copy(SEEDS[0], docs / sub / "dup.txt")
    (docs / ".hidden.txt").write_text("bí mật", encoding="utf-8")
    (docs / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with zipfile.ZipFile(docs / "pack.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner/good.txt", SEEDS[1].read_bytes())
        zf.writestr("inner/bad.txt", b"")
        zf.writestr("../evil.txt", b"Ke hoach")
        zf.writestr("image.png", b"\x89PNG")
    return docs


# --- discovery and names ------------------------------------------------------------------------

def test_discover_folder_skips_hidden_and_unsupported_and_refuses_traversal(tree: Path):
    found = list(batch.discover([str(tree)]))
    items = [x for x in found if isinstance(x, Item)]
    errors = [x for x in found if not isinstance(x, Item) and x["status"] == "error"]
    ignored = sorted(Path(x["input"]).name for x in found
                     if not isinstance(x, Item) and x["status"] == "ignored")
    assert ignored == [".hidden.txt", "notes.csv", "pack.zip!image.png"]
    names = [Path(i.name).name for i in items if i.member is None]
    assert ".hidden.txt" not in names and "notes.csv" not in names
    assert {"empty.txt", "binary.txt", "english.txt", "dup.txt"} <= set(names)
    assert names.count("dup.txt") == 2
    members = sorted(i.member for i in items if i.member is not None)
    assert members == ["inner/bad.txt", "inner/good.txt"]  # no png, no traversal
    assert len(errors) == 1 and errors[0]["input"].endswith("!../evil.txt")
    assert "'..'" in errors[0]["error"]
    # deterministic order
    assert [x["input"] if isinstance(x, dict) else x.name for x in batch.discover([str(tree)])] == \
        [x["input"] if isinstance(x, dict) else x.name for x in found]


def test_discover_glob_missing_and_outdir_excluded(tree: Path, tmp_path: Path):
    out = tree / "out"
    out.mkdir()
    (out / "000_x.txt").write_text("không được đọc", encoding="utf-8")
    found = list(batch.discover([str(tree / "seeds" / "00[01]*.txt"), str(tmp_path / "nope.txt"),
                                 str(tmp_path / "*.none")]))
    assert [Path(x.name).name[:3] for x in found if isinstance(x, Item)] == ["000", "001"]
    errs = [x["error"] for x in found if isinstance(x, dict)]
    assert errs == ["no such file or folder", "no file matches this pattern"]
    inside = [x for x in batch.discover([str(tree)], exclude=[out]) if isinstance(x, Item)]
    assert not any("/out/" in x.name for x in inside)


def test_zip_bomb_guards(tmp_path: Path):
    arc = tmp_path / "bomb.zip"
    with zipfile.ZipFile(arc, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * (2 << 20))  # compresses about 1000:1
        zf.writestr("ok.txt", SEEDS[0].read_bytes())
    found = list(batch.discover([str(arc)]))
    refused = [x for x in found if isinstance(x, dict)]
    assert len(refused) == 1 and "ratio" in refused[0]["error"]
    assert [x.member for x in found if isinstance(x, Item)] == ["ok.txt"]
    (whole,) = batch.discover([str(arc)], limits=Limits(max_members=1))
    assert whole["status"] == "error" and "members" in whole["error"]
    (whole,) = batch.discover([str(arc)], limits=Limits(max_total=1000))
    assert "bytes uncompressed" in whole["error"]
    (bad,) = batch.discover([str(tmp_path / "x.zip")]) if (tmp_path / "x.zip").write_bytes(b"PK no") \
        else [None]
    assert "cannot open the zip" in bad["error"]


def test_namer_disambiguates_shared_stems_deterministically():
    namer = Namer(".yaml")
    a = Item(path="docs/a/dup.txt", name="docs/a/dup.txt", rel="docs/a/dup.txt")
    b = Item(path="docs/b/dup.txt", name="docs/b/dup.txt", rel="docs/b/dup.txt")
    c = Item(path="docs/b/DUP.docx", name="docs/b/DUP.docx", rel="docs/b/DUP.docx")
    z = Item(path="p.zip", member="x/001_abc.txt", name="p.zip!x/001_abc.txt", rel="p/x/001_abc.txt")
    got = [namer(a), namer(b), namer(c), namer(z), namer(b)]
    assert got[0] == "dup.yaml"
    assert got[1] == "dup__docs_b_txt.yaml"
    assert got[2] == "DUP__docs_b_docx.yaml"  # case-insensitive clash with dup.yaml
    assert got[3] == "001_abc.yaml"  # zip members: the member's stem
    assert got[4] == "dup__docs_b_txt-2.yaml"
    assert len({g.casefold() for g in got}) == len(got)
    namer2 = Namer(".yaml")
    assert [namer2(a), namer2(b)] == got[:2]


def test_our_own_file_names_are_never_reused():
    namer = Namer(".jsonl")
    assert namer(Item(path="documents.txt", name="documents.txt", rel="documents.txt")) != "documents.jsonl"


# --- conversion ---------------------------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_convert_tree_report_outputs_and_exit_figures(tree: Path, tmp_path: Path, workers: int):
    out = tmp_path / "out"
    summary = batch.convert([str(tree)], out, workers=workers, quiet=True)
    lines, total = _report(out)
    recs = _by_input(lines)
    # one line per input, every line with every key
    # seeds, empty, binary, english, 2 dups, 3 zip entries; each file not read has its line
    assert len(lines) == len(SEEDS) + 5 + 3 + 3
    ignored = {Path(r["input"]).name: r["error"] for r in lines if r["status"] == "ignored"}
    assert ignored == {".hidden.txt": "hidden file or folder: not read",
                       "notes.csv": "unsupported format (.csv): not read",
                       "pack.zip!image.png": "unsupported format (.png): not read"}
    assert all(list(r) == list(lines[0]) for r in lines)
    assert total["ok"] + total["error"] + total["skipped"] + total["ignored"] == len(lines)
    assert [r["input"] for r in lines] == [  # in input order, whatever the workers
        x.name if isinstance(x, Item) else x["input"] for x in batch.discover([str(tree)])]
    assert (summary.ok, summary.error) == (total["ok"], total["error"])
    for p in SEEDS:
        r = recs[str(tree / "seeds" / p.name)]
        assert r["status"] == "ok" and r["output"] == p.stem + ".yaml"
        assert isinstance(r["sections"], int) and isinstance(r["seconds"], float)
        doc = vnplan.load(out / r["output"])
        assert doc.id == p.stem and doc.source.sha256 == r["sha256"]
        assert doc.text
    assert recs[str(tree / "empty.txt")]["status"] == "error"
    assert "empty" in recs[str(tree / "empty.txt")]["error"]
    assert recs[str(tree / "english.txt")]["status"] == "ok"
    binary = recs[str(tree / "binary.txt")]
    assert binary["status"] in ("ok", "error") and (binary["status"] == "ok") == bool(binary["output"])
    evil = recs[f"{tree / 'pack.zip'}!../evil.txt"]
    assert evil["status"] == "error" and evil["output"] is None
    good = recs[f"{tree / 'pack.zip'}!inner/good.txt"]
    assert good["output"] == "good.yaml" and vnplan.load(out / "good.yaml").text
    assert recs[f"{tree / 'pack.zip'}!inner/bad.txt"]["status"] == "error"
    dups = sorted(recs[str(tree / s / "dup.txt")]["output"] for s in ("a", "b"))
    assert dups == ["dup.yaml", "dup__docs_b_txt.yaml"]  # root folder name kept in rel
    # every ok output exists and loads; no temporary file left; nothing extracted to disk
    for r in lines:
        if r["status"] == "ok":
            assert vnplan.load(out / r["output"]).id == Path(r["output"]).stem
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*"))
    assert not (tmp_path / "evil.txt").exists() and not (out / "inner").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [r["output"] for r in lines if r["output"]] + [batch.REPORT])


def test_resume_skips_current_outputs_and_redoes_changed_ones(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    src = tree / "seeds"
    first = batch.convert([str(src)], out, workers=1, quiet=True)
    assert first.ok == len(SEEDS)
    stamp = {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}
    changed = src / SEEDS[2].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPhụ lục bổ sung.\n", encoding="utf-8")
    os.unlink(out / (SEEDS[3].stem + ".yaml"))
    again = batch.convert([str(src)], out, workers=1, quiet=True, resume=True)
    assert (again.ok, again.skipped, again.error) == (2, len(SEEDS) - 2, 0)
    recs = {Path(r["input"]).stem: r for r in _report(out)[0]}
    assert recs[SEEDS[2].stem]["status"] == "ok" and recs[SEEDS[3].stem]["status"] == "ok"
    assert recs[SEEDS[0].stem]["status"] == "skipped"
    assert recs[SEEDS[0].stem]["output"] == SEEDS[0].stem + ".yaml"
    assert (out / (SEEDS[0].stem + ".yaml")).stat().st_mtime_ns == stamp[SEEDS[0].stem + ".yaml"]
    assert vnplan.load(out / (SEEDS[2].stem + ".yaml")).text.rstrip().endswith("Phụ lục bổ sung.")
    # without --resume everything is converted again
    assert batch.convert([str(src)], out, workers=1, quiet=True).ok == len(SEEDS)


def test_jsonl_one_line_per_document_and_resume_appends(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    summary = batch.convert([str(tree / "seeds"), str(tree / "pack.zip")], out, fmt="jsonl",
                            workers=2, quiet=True)
    assert summary.ok == len(SEEDS) + 1 and summary.error == 2
    lines = (out / batch.JSONL).read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary.ok
    docs = [vnplan.loads(x) for x in lines]
    assert sorted(d.id for d in docs) == sorted([p.stem for p in SEEDS] + ["good"])
    assert all(json.loads(x)["source"]["sha256"] for x in lines)
    assert {r["output"] for r in _report(out)[0] if r["status"] == "ok"} == {batch.JSONL}
    assert not list(out.glob("*.yaml"))
    # a crash mid-line: resume drops the partial line and converts only what is missing
    with open(out / batch.JSONL, "a", encoding="utf-8") as fh:
        fh.write('{"id": "cut')
    again = batch.convert([str(tree / "seeds"), str(tree / "pack.zip")], out, fmt="jsonl",
                          workers=1, quiet=True, resume=True)
    assert (again.ok, again.skipped) == (0, len(SEEDS) + 1)
    text = (out / batch.JSONL).read_text(encoding="utf-8")
    assert text.endswith("\n") and len(text.splitlines()) == len(SEEDS) + 1


def crashing_batch(tasks, fmt, out_dir):
    """A batch function that kills its worker process on inputs named crash*: a native crash."""
    if any(Path(t.item.name).name.startswith("crash") for t in tasks):
        os._exit(13)
    return batch.convert_batch(tasks, fmt, out_dir)


def test_worker_crash_costs_only_its_input(tree: Path, tmp_path: Path):
    src = tree / "seeds"
    shutil.copy(SEEDS[0], src / "crash.txt")
    out = tmp_path / "out"
    summary = batch.convert([str(src)], out, workers=2, chunksize=2, quiet=True,
                            batch_fn=crashing_batch)
    recs = {Path(r["input"]).name: r for r in _report(out)[0]}
    assert recs["crash.txt"]["status"] == "error" and "crashed" in recs["crash.txt"]["error"]
    assert summary.ok == len(SEEDS) and summary.error == 1
    assert all(recs[p.name]["status"] == "ok" for p in SEEDS)


def test_usage_errors(tmp_path: Path):
    with pytest.raises(batch.UsageError, match="no inputs found"):
        batch.convert([str(tmp_path / "missing")], tmp_path / "out", quiet=True)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(batch.UsageError, match="cannot write"):
        batch.convert([str(SEEDS[0])], blocker / "out", quiet=True)
    with pytest.raises(batch.UsageError, match="unknown format"):
        batch.convert([str(SEEDS[0])], tmp_path / "out", fmt="xml", quiet=True)


def test_atomic_write_leaves_no_partial_file(tmp_path: Path):
    target = tmp_path / "x.yaml"
    batch.atomic_write(str(target), "a: 1\n")
    with pytest.raises(UnicodeEncodeError):
        batch.atomic_write(str(target), "a: \ud800\n")  # fails half way through the write
    assert target.read_text() == "a: 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_convert_task_never_raises_on_vanished_input(tmp_path: Path):
    item = Item(path=str(tmp_path / "gone.txt"), name="gone.txt", rel="gone.txt")
    rec, text = batch.convert_task(Task(item=item, output="gone.yaml", doc_id="gone"), "yaml",
                                   str(tmp_path))
    assert rec["status"] == "error" and "FileNotFoundError" in rec["error"] and text is None


def test_dask_engine_on_local_cluster(tree: Path, tmp_path: Path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from vnplan.batch.dask_engine import run_dask

    out = tmp_path / "out"
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                      dashboard_address=None) as cluster:
        summary = batch.convert([str(tree / "seeds"), str(tree / "pack.zip")], out, quiet=True,
                                engine="dask", scheduler=cluster.scheduler_address, chunksize=2)
        assert summary.ok == len(SEEDS) + 1 and summary.error == 2
        lines, _ = _report(out)
        for r in lines:
            if r["status"] == "ok":
                assert vnplan.load(out / r["output"]).source.sha256 == r["sha256"]
        # the engine alone, on an explicit client, driver-side sink, bounded window of 1
        got = []
        with Client(cluster) as client:
            items = [x for x in batch.discover([str(tree / "seeds")]) if isinstance(x, Item)]
            tasks = [Task(item=i, output=i.stem + ".json", doc_id=i.stem) for i in items]
            run_dask(tasks, lambda seq, rec, text: got.append((rec, text)), fmt="json",
                     client=client, max_inflight=1, batch_size=2)
    assert sorted(r["input"] for r, _ in got) == sorted(i.name for i in items)
    assert all(vnplan.loads(t).id == Path(r["output"]).stem for r, t in got)
    assert not list(out.glob("*.tmp"))


def test_trim_partial_line(tmp_path: Path):
    p = tmp_path / "d.jsonl"
    p.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c"')
    resume._trim_partial_line(p)
    assert p.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    p.write_bytes(b"no newline at all")
    resume._trim_partial_line(p)
    assert p.read_bytes() == b""


def _stack_depth() -> int:
    frame, n = sys._getframe(), 0
    while frame is not None:
        frame, n = frame.f_back, n + 1
    return n


def test_walk_survives_symlink_loops_and_deep_trees(tmp_path: Path):
    root = tmp_path / "r"
    deep = root / "/".join(["d"] * 300)  # shallow enough for shutil.rmtree in pytest's cleanup
    deep.mkdir(parents=True)
    shutil.copy(SEEDS[0], deep / "deep.txt")
    shutil.copy(SEEDS[1], root / "top.txt")
    os.symlink(root, root / "d" / "loop")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_stack_depth() + 150)  # a recursive walk of 300 levels would fail
    try:
        found = list(batch.discover([str(root)]))
    finally:
        sys.setrecursionlimit(limit)
    assert sorted(Path(x.name).name for x in found) == ["deep.txt", "top.txt"]


def test_zip_members_in_other_formats_are_read_in_memory(tmp_path: Path):
    docx = pytest.importorskip("docx")
    import io

    d = docx.Document()
    for line in SEEDS[1].read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    arc = tmp_path / "mixed.zip"
    with zipfile.ZipFile(arc, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("w/plan.docx", buf.getvalue())
        zf.writestr("w/broken.pdf", b"%PDF-1.4 not really")
    out = tmp_path / "out"
    summary = batch.convert([str(arc)], out, workers=1, quiet=True)
    recs = {r["input"].split("!")[1]: r for r in _report(out)[0]}
    assert recs["w/plan.docx"]["status"] == "ok" and recs["w/broken.pdf"]["status"] == "error"
    assert (summary.ok, summary.error) == (1, 1)
    doc = vnplan.load(out / "plan.yaml")
    assert doc.source.format == "docx" and doc.sections
    assert doc.source.path == f"{arc}!w/plan.docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mixed.zip", "out"]  # nothing extracted


def test_undecodable_file_name_is_reported_not_fatal(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    raw = os.path.join(os.fsencode(src), b"k\xff\xfeh.txt")
    try:
        with open(raw, "wb") as fh:
            fh.write(SEEDS[0].read_bytes())
    except OSError:
        pytest.skip("this file system refuses undecodable names")
    out = tmp_path / "out"
    summary = batch.convert([str(src)], out, workers=1, quiet=True)
    (rec,), _ = _report(out)
    assert summary.ok == 1 and rec["status"] == "ok"
    assert rec["output"] == "k\ufffd\ufffdh.yaml" and vnplan.load(out / rec["output"]).text
