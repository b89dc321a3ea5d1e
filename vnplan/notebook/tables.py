"""Tables for notebooks and follow-up: one row per item, across any number of documents.

``frames(docs)`` takes a Document, a list of them, or vnplan output (a .yaml/.json/.jsonl file or a
folder) and returns pandas DataFrames of sections, targets, figures, deadlines,
assignments, bodies and references. ``rows(docs)`` gives the same rows as plain dicts, for
code that does not want pandas; ``iter_docs`` is what the exports and the catalog read their
documents with. pandas is imported only by ``frames``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Union

from ..emit import iter_outputs
from ..model import Document, Section

Docs = Union[Document, str, Path, Iterable[Union[Document, str, Path]]]
TABLES = ("sections", "targets", "figures", "deadlines", "assignments", "bodies", "references")


def iter_docs(docs: Docs) -> Iterator[Document]:
    """Documents from a Document, a path (a .yaml/.json/.jsonl file or a folder of output, read
    by ``vnplan.emit.iter_outputs``), or a list of any of these."""
    if isinstance(docs, Document):
        yield docs
    elif isinstance(docs, (str, Path)):
        yield from iter_outputs(docs)
    else:
        for d in docs:
            yield from iter_docs(d)


def _doc_id(doc: Document) -> str:
    return doc.id or doc.source.path or ""


def _section_rows(doc: Document, sections: list, parent: str | None) -> Iterator[dict]:
    for s in sections:
        yield {"doc": _doc_id(doc), "section": s.id, "parent": parent, "number": s.number,
               "heading": s.heading, "kind": s.kind, "level": s.level,
               "start": s.span[0], "end": s.span[1], "n_children": len(s.children)}
        yield from _section_rows(doc, s.children, s.id)


def _span(item) -> tuple:
    return tuple(item.span) if item.span else (None, None)


def rows(docs: Docs) -> dict[str, list[dict]]:
    """The tables as lists of dicts (one row per item, with document id, section and span)."""
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc in iter_docs(docs):
        did = _doc_id(doc)
        kinds = {s.id: s.kind for s in doc.walk()}
        out["sections"].extend(_section_rows(doc, doc.sections, None))
        for t in doc.targets:
            start, end = _span(t)
            out["targets"].append({"doc": did, "section": t.section, "kind": kinds.get(t.section),
                                   "indicator": t.indicator, "value": t.value,
                                   "value_max": t.value_max, "unit": t.unit,
                                   "comparator": t.comparator, "year": t.year,
                                   "recurrence": t.recurrence, "text": t.text,
                                   "start": start, "end": end})
        for f in doc.figures:
            start, end = _span(f)
            out["figures"].append({"doc": did, "section": f.section, "value": f.value,
                                   "unit": f.unit, "counted": f.counted, "text": f.text,
                                   "start": start, "end": end})
        for d in doc.deadlines:
            start, end = _span(d)
            out["deadlines"].append({"doc": did, "section": d.section, "due": d.due,
                                     "period_start": d.period_start, "recurrence": d.recurrence,
                                     "bodies": "; ".join(d.bodies), "task": d.task, "text": d.text,
                                     "start": start, "end": end})
        for a in doc.assignments:
            start, end = _span(a)
            out["assignments"].append({"doc": did, "section": a.section, "body": a.body,
                                       "canonical": a.canonical, "role": a.role,
                                       "generic": a.generic, "deadlines": "; ".join(a.deadlines),
                                       "task": a.text, "start": start, "end": end})
        for b in doc.bodies:
            for m in b.mentions:
                out["bodies"].append({"doc": did, "canonical": b.canonical, "kind": b.kind,
                                      "text": m.text, "start": m.span[0], "end": m.span[1]})
        for r in doc.references:
            first = r.mentions[0] if r.mentions else (None, None)
            out["references"].append({"doc": did, "number": r.number, "doc_type": r.doc_type,
                                       "date": r.date, "issuer": r.issuer,
                                       "relation": r.relation, "mentions": len(r.mentions),
                                       "start": first[0], "end": first[1]})
    return out


def frames(docs: Docs) -> dict:
    """pandas DataFrames, one per table in ``TABLES``; empty tables keep their columns."""
    import pandas as pd

    data = rows(docs)
    empty = rows([_empty_doc()])
    return {name: pd.DataFrame(data[name], columns=list(empty[name][0]) if empty[name] else None)
            for name in TABLES}


def _empty_doc() -> Document:
    """A one-of-each document, used only to learn the columns of every table."""
    from ..model import Assignment, Body, Deadline, Figure, Mention, Reference, Target

    s = Section(id="I", number="I", heading="", kind="other", level=1, text="", span=[0, 0])
    return Document(sections=[s], targets=[Target(text="")], figures=[Figure(text="")],
                    deadlines=[Deadline(text="")], assignments=[Assignment(body="")],
                    bodies=[Body(canonical="", mentions=[Mention(text="", span=[0, 0])])],
                    references=[Reference(number="", mentions=[[0, 0]])])

