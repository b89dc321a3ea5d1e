"""Notebook and follow-up tools on the seeds: tables, HTML, alignment, catalog, exports."""
from __future__ import annotations

import csv

import pytest

import vnplan
from vnplan.notebook import export
from vnplan.notebook.index import catalog, format_catalog

pd = pytest.importorskip("pandas")


def test_frames_have_one_row_per_item_with_doc_section_and_span(parsed):
    docs = list(parsed.values())
    f = vnplan.frames(docs)
    assert set(f) == {"sections", "targets", "figures", "deadlines", "assignments", "bodies",
                      "references"}
    assert len(f["targets"]) == sum(len(d.targets) for d in docs)
    assert len(f["assignments"]) == sum(len(d.assignments) for d in docs)
    assert len(f["sections"]) == sum(1 for d in docs for _ in d.walk())
    t = f["targets"]
    row = t[(t.doc == "001") & (t.value == 1200)].iloc[0]
    assert row.comparator == ">" and row.year == 2030 and row.section.startswith("II/1")
    assert parsed["001"].text[row.start:row.end].count("1.200") == 1
    assert {"doc", "section", "start", "end"} <= set(f["deadlines"].columns)


def test_frames_of_nothing_keep_their_columns():
    f = vnplan.frames([])
    assert list(f["targets"].columns)[:3] == ["doc", "section", "kind"]
    assert f["targets"].empty


def test_frames_read_an_output_folder(parsed, tmp_path):
    for key, doc in parsed.items():
        (tmp_path / f"{key}.yaml").write_text(vnplan.to_yaml(doc), encoding="utf-8")
    (tmp_path / "_report.jsonl").write_text("{}\n", encoding="utf-8")
    f = vnplan.frames(tmp_path)
    assert sorted(set(f["sections"].doc)) == ["001", "002", "003", "004"]


def test_outline_html_shows_kinds_and_counts(parsed):
    html = parsed["003"]._repr_html_()
    assert "TỔ CHỨC THỰC HIỆN" in html and "implementation" in html
    assert "83-KH/TU" in html
    assert "no outline" in parsed["000"]._repr_html_()


def test_to_spacy_holds_targets_deadlines_and_bodies(parsed):
    pytest.importorskip("spacy")
    doc = parsed["001"]
    sdoc = vnplan.to_spacy(doc)
    labels = {s.label_ for s in sdoc.spans["vnplan"]}
    assert {"TARGET", "DEADLINE", "BODY"} <= labels
    assert sdoc.text == doc.text


def test_compare_district_plan_with_provincial_programme(parsed):
    child, parent = parsed["002"], parsed["001"]
    result = vnplan.compare(child, parent)
    targets = [p for p in result.pairs if p.kind == "target"]
    masters = [p for p in targets if "thạc sĩ" in p.parent.lower()]
    assert masters and "60" in masters[0].child and "1200" in masters[0].changes[0]
    assert any("25-35" in c and "15-20" in c for p in targets for c in p.changes)
    tasks = {p.parent_ref: p.child_ref for p in result.pairs if p.kind == "task"}
    for n in "12345":
        assert tasks.get(f"III/{n}") == f"III/{n}"
    assert any(kind == "target" and "tiến sĩ" in text for kind, _, text in result.dropped)
    assert "(dropped)" in result.table()


def test_catalog_indexes_implementations_and_deadlines(parsed):
    cat = catalog(parsed.values())
    assert sorted(cat["implemented_by"]["45-NQ/TW"]) == ["001", "002", "004"]
    dues = [d["due"] for d in cat["deadlines"] if d["due"]]
    assert dues == sorted(dues) and "2019-12-31" in dues
    assert "45-NQ/TW" in format_catalog(cat)


def test_assignments_csv_and_xlsx_hold_every_assignment(parsed, tmp_path):
    from openpyxl import load_workbook

    docs = list(parsed.values())
    total = sum(len(d.assignments) for d in docs)
    assert export.assignments_csv(docs, tmp_path / "a.csv") == total
    with open(tmp_path / "a.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == total and rows[0].keys() >= {"body", "role", "task", "due", "source"}
    assert export.assignments_xlsx(docs, tmp_path / "a.xlsx") == total
    ws = load_workbook(tmp_path / "a.xlsx").active
    assert ws.max_row == total + 1
    bodies = {r[0].value for r in ws.iter_rows(min_row=2)}
    assert "Ban Tuyên giáo Tỉnh ủy" in bodies
    assert not list(tmp_path.glob("*.tmp"))


def test_deadlines_ics_parses_back_with_due_dates_and_rrules(parsed, tmp_path):
    icalendar = pytest.importorskip("icalendar")
    n = export.deadlines_ics([parsed["003"]], tmp_path / "d.ics")
    cal = icalendar.Calendar.from_ical((tmp_path / "d.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == n and n >= 5
    starts = {str(e.decoded("dtstart")) for e in events}
    assert {"2019-12-31", "2020-12-31", "2019-10-31"} <= starts
    rules = [e.get("rrule") for e in events if e.get("rrule")]
    assert {tuple(r["FREQ"]) + tuple(r.get("INTERVAL", [1])) for r in rules} >= {("MONTHLY", 6), ("YEARLY", 1)}
