"""The ``vnplan`` command line: exit statuses, names the scorer needs, stderr, globs, formats."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import vnplan
from vnplan.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples").glob("0*.txt"))


def _lines(out: Path) -> list:
    return [json.loads(x) for x in (out / "_report.jsonl").read_text(encoding="utf-8").splitlines()]


def test_convert_seeds_names_outputs_after_the_input_stem(tmp_path: Path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(ROOT / "samples"), "-o", str(out), "--workers", "1"]) == 0
    assert sorted(p.name for p in out.glob("*.yaml")) == sorted(p.stem + ".yaml" for p in SEEDS)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"vnplan: {len(SEEDS)} converted, 0 failed")
    summary = _lines(out)[-1]
    assert summary["summary"] is True and summary["ok"] == len(SEEDS) and summary["error"] == 0
    assert vnplan.load(out / (SEEDS[0].stem + ".yaml")).id == SEEDS[0].stem


def test_some_inputs_fail_exit_1_others_written(tmp_path: Path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["convert", str(src), "-o", str(out), "-j", "2"]) == 1
    assert (out / (SEEDS[0].stem + ".yaml")).exists()
    err = capsys.readouterr().err
    assert "empty.txt" in err and "1 converted, 1 failed" in err


@pytest.mark.parametrize("argv", [
    ["convert", "x.txt"],  # no -o
    ["convert", "x.txt", "-o", "o", "--workers", "0"],
    ["convert", "x.txt", "-o", "o", "--format", "xml"],
    ["convert", "x.txt", "-o", "o", "--bogus"],
    ["frobnicate"],
    [],
])
def test_bad_usage_is_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_no_inputs_and_unwritable_outdir_are_exit_2(tmp_path: Path, capsys):
    assert main(["convert", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "o")]) == 2
    assert "no inputs found" in capsys.readouterr().err
    empty = tmp_path / "emptydir"
    empty.mkdir()
    assert main(["convert", str(empty), "-o", str(tmp_path / "o")]) == 2
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    assert main(["convert", str(SEEDS[0]), "-o", str(blocker / "sub")]) == 2
    assert "cannot write to the output folder" in capsys.readouterr().err
    assert main(["convert", str(SEEDS[0]), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]) == 2


def test_glob_expanded_by_us_and_quiet(tmp_path: Path, capsys):
    out = tmp_path / "out"
    pattern = str(ROOT / "samples" / "00[12]_*.txt")
    assert main(["convert", pattern, "-o", str(out), "-q", "-j", "1"]) == 0
    assert sorted(p.name[:3] for p in out.glob("*.yaml")) == ["001", "002"]
    assert capsys.readouterr().err == ""


def test_json_and_jsonl_formats(tmp_path: Path):
    assert main(["convert", str(SEEDS[0]), str(SEEDS[1]), "-o", str(tmp_path / "j"), "-f", "json",
                 "-q"]) == 0
    doc = json.loads((tmp_path / "j" / (SEEDS[1].stem + ".json")).read_text(encoding="utf-8"))
    assert doc["id"] == SEEDS[1].stem
    assert main(["convert", str(SEEDS[0]), str(SEEDS[1]), "-o", str(tmp_path / "l"), "-f", "jsonl",
                 "-q"]) == 0
    rows = (tmp_path / "l" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(r)["id"] for r in rows) == sorted(p.stem for p in SEEDS[:2])


def test_zip_input_with_traversal_member(tmp_path: Path):
    arc = tmp_path / "a.zip"
    with zipfile.ZipFile(arc, "w") as zf:
        zf.writestr("k/003_x.txt", SEEDS[3].read_bytes())
        zf.writestr("../evil.txt", SEEDS[0].read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(arc), "-o", str(out), "-q"]) == 1
    recs = {r["input"]: r for r in _lines(out)[:-1]}
    assert recs[f"{arc}!k/003_x.txt"]["output"] == "003_x.yaml"
    assert recs[f"{arc}!../evil.txt"]["status"] == "error"
    assert not (tmp_path / "evil.txt").exists() and not (out.parent / "evil.txt").exists()


def test_resume_flag(tmp_path: Path):
    out = tmp_path / "out"
    assert main(["convert", str(SEEDS[0]), "-o", str(out), "-q"]) == 0
    assert main(["convert", str(SEEDS[0]), "-o", str(out), "-q", "--resume"]) == 0
    assert _lines(out)[0]["status"] == "skipped" and _lines(out)[-1]["skipped"] == 1


def test_parser_has_subcommands_for_later_commands():
    ap = build_parser()
    sub = next(a for a in ap._actions if a.dest == "cmd")
    assert "convert" in sub.choices


def test_python_dash_m_piped_has_no_progress_bar(tmp_path: Path):
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "vnplan", "convert", str(ROOT / "samples"), "-o",
                           str(out)], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "\r" not in proc.stderr
    assert len(list(out.glob("*.yaml"))) == len(SEEDS)


def test_outdir_may_be_the_input_folder(tmp_path: Path):
    for p in SEEDS[:2]:
        shutil.copy(p, tmp_path)
    assert main(["convert", str(tmp_path), "-o", str(tmp_path), "-q", "-j", "1"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == sorted(p.stem + ".yaml" for p in SEEDS[:2])
    # a second run does not take its own outputs or report as inputs
    assert main(["convert", str(tmp_path), "-o", str(tmp_path), "-q", "-j", "1"]) == 0
    assert len(_lines(tmp_path)) == 3


def test_schema_command_prints_the_shipped_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema") and "metadata" in schema["properties"]


def test_a_closed_pipe_ends_quietly(tmp_path):
    """``vnplan schema | true``: the reader is gone before the first write; no BrokenPipeError
    traceback, the SIGPIPE status."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(vnplan.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(f"{sys.executable} -m vnplan schema | true; "
                          "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash",
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.stderr == "" and proc.stdout.strip() == "141"


def test_doc_reader_option_reaches_the_reader(monkeypatch):
    monkeypatch.setenv("VNPLAN_DOC_READER", "auto")  # restored after the test
    args = build_parser().parse_args(["convert", "x", "-o", "y", "--doc-reader", "libreoffice"])
    assert args.doc_reader == "libreoffice"
    assert main(["compare", "--doc-reader", "antiword", "nowhere.doc", "nowhere.yaml"]) == 2
    assert os.environ["VNPLAN_DOC_READER"] == "antiword"
