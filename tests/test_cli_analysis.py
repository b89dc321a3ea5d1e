"""The analysis sub-commands: compare, catalog, export."""
from __future__ import annotations

import pytest

import vnplan
from vnplan.cli import main
from conftest import SAMPLES


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["convert", str(SAMPLES), "-o", str(out), "-q", "-j", "1"]) == 0
    return out


def test_compare_prints_pairs_and_changed_values(outdir, capsys):
    child = SAMPLES / "002_6b5c22b210b6856e.txt"
    assert main(["compare", str(child), str(outdir / "001_587a06bdb3baec45.yaml")]) == 0
    out = capsys.readouterr().out
    assert "value: >1200 người" in out and "(dropped)" in out


def test_compare_names_a_missing_file(capsys):
    assert main(["compare", "nowhere.txt", "nowhere.yaml"]) == 2
    assert "nowhere.txt" in capsys.readouterr().err


def test_catalog_writes_and_prints_the_index(outdir, capsys):
    assert main(["catalog", str(outdir)]) == 0
    assert "45-NQ/TW" in capsys.readouterr().out
    import yaml

    cat = yaml.safe_load((outdir / "_catalog.yaml").read_text(encoding="utf-8"))
    assert "52-KL/TW" in cat["implemented_by"]


def test_catalog_refuses_what_is_not_a_folder(tmp_path, capsys):
    assert main(["catalog", str(tmp_path / "none")]) == 2


def test_export_writes_csv_xlsx_and_ics(outdir, tmp_path):
    pytest.importorskip("openpyxl")
    pytest.importorskip("icalendar")
    args = ["export", str(outdir), "--csv", str(tmp_path / "a.csv"),
            "--xlsx", str(tmp_path / "a.xlsx"), "--ics", str(tmp_path / "d.ics")]
    assert main(args) == 0
    total = sum(len(vnplan.load(p).assignments) for p in outdir.glob("0*.yaml"))
    lines = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()
    assert total > 0 and len(lines) >= total + 1
    assert (tmp_path / "d.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_export_needs_a_target(outdir):
    assert main(["export", str(outdir)]) == 2


@pytest.fixture(scope="module")
def jsonl_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("jsonl")
    assert main(["convert", str(SAMPLES), "-o", str(out), "-f", "jsonl", "-q", "-j", "1"]) == 0
    return out


def test_jsonl_output_feeds_catalog_export_and_compare(jsonl_out, tmp_path, capsys):
    assert main(["catalog", str(jsonl_out)]) == 0
    assert capsys.readouterr().out.startswith("5 documents")
    assert main(["export", str(jsonl_out), "--csv", str(tmp_path / "a.csv")]) == 0
    rows = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    docs = vnplan.load(jsonl_out / "documents.jsonl")
    assert len(docs) == 5 and len(rows) == sum(len(d.assignments) for d in docs) > 0
    f = jsonl_out / "documents.jsonl"
    assert main(["compare", f"{f}#002_6b5c22b210b6856e", f"{f}#001_587a06bdb3baec45"]) == 0
    assert "value: >1200 người" in capsys.readouterr().out
    assert main(["compare", str(f), str(f)]) == 2
    assert "holds 5 documents" in capsys.readouterr().err


def test_export_of_no_documents_is_an_error(tmp_path, capsys):
    assert main(["export", str(tmp_path), "--csv", str(tmp_path / "a.csv")]) == 2
    assert "no vnplan documents" in capsys.readouterr().err


def test_export_to_a_missing_folder_names_it(outdir, tmp_path, capsys):
    assert main(["export", str(outdir), "--csv", str(tmp_path / "none" / "a.csv")]) == 1
    err = capsys.readouterr().err
    assert "no such folder" in err and str(tmp_path / "none") in err and ".tmp" not in err
