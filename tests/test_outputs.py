"""One reader of vnplan output for load, frames, catalog, export and compare: YAML, JSON and
jsonl files, and folders of any mix."""
from __future__ import annotations

import json

import pytest

import vnplan
from vnplan.emit import iter_outputs


def _line(doc, **source) -> str:
    data = doc.to_dict()
    data["source"].update(source)
    return json.dumps(data, ensure_ascii=False) + "\n"


@pytest.fixture()
def two(parsed):
    return parsed["001"], parsed["003"]


def test_load_of_a_jsonl_returns_every_document(two, tmp_path):
    a, b = two
    f = tmp_path / "documents.jsonl"
    f.write_text(_line(a, path="a.txt") + _line(b, path="b.txt"), encoding="utf-8")
    docs = vnplan.load(f)
    assert [d.metadata.number for d in docs] == [a.metadata.number, b.metadata.number]
    assert docs[1].text == b.text and docs[1].deadlines == b.deadlines


def test_jsonl_last_line_per_source_wins(two, tmp_path):
    a, b = two
    f = tmp_path / "documents.jsonl"
    f.write_text(_line(a, path="x.txt") + _line(b, path="y.txt") + _line(b, path="x.txt"),
                 encoding="utf-8")
    docs = list(iter_outputs(f))
    assert [d.source.path for d in docs] == ["y.txt", "x.txt"]
    assert docs[1].metadata.number == b.metadata.number  # the newer version of x.txt


def test_jsonl_cut_short_by_a_stopped_run_keeps_the_whole_lines(two, tmp_path):
    a, b = two
    f = tmp_path / "documents.jsonl"
    f.write_text(_line(a, path="a.txt") + _line(b, path="b.txt")[:200], encoding="utf-8")
    assert [d.source.path for d in iter_outputs(f)] == ["a.txt"]
    f.write_text(_line(a, path="a.txt")[:200] + "\n" + _line(b, path="b.txt"), encoding="utf-8")
    with pytest.raises(ValueError, match="documents.jsonl:1"):
        list(iter_outputs(f))


def test_a_folder_of_any_mix_skips_reports(two, tmp_path):
    a, b = two
    (tmp_path / "a.yaml").write_text(vnplan.to_yaml(a), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text(vnplan.to_json(b), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(_line(b, path="c.txt"), encoding="utf-8")
    (tmp_path / "_report.jsonl").write_text('{"status": "ok"}\n', encoding="utf-8")
    (tmp_path / "_catalog.yaml").write_text("documents: []\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not output", encoding="utf-8")
    docs = vnplan.load(tmp_path)
    assert len(docs) == 3
    f = vnplan.frames(tmp_path)
    assert len(f["targets"]) == len(a.targets) + 2 * len(b.targets)


def test_yaml_and_json_files_still_load_one_document(two, tmp_path):
    a, _ = two
    (tmp_path / "a.json").write_text(vnplan.to_json(a), encoding="utf-8")
    assert vnplan.load(tmp_path / "a.json").text == a.text
    (tmp_path / "bad.yaml").write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        vnplan.load(tmp_path / "bad.yaml")
    with pytest.raises(FileNotFoundError):
        list(iter_outputs(tmp_path / "none"))
