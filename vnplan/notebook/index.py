"""A cross-archive index of converted documents.

``catalog(docs)`` answers, over a whole output folder: which documents carry out which
document number (the ``implements`` references), which cite it, and what falls due when and
for whom (deadlines by body and date). ``vnplan catalog OUTDIR`` prints it and writes
``OUTDIR/_catalog.yaml``.
"""
from __future__ import annotations

from collections import defaultdict

from .tables import Docs, iter_docs


def catalog(docs: Docs) -> dict:
    """{"documents": [...], "implemented_by": {number: [doc ids]}, "cited_by": {...},
    "deadlines": [{"due", "recurrence", "body", "doc", "section", "text"}] sorted by due date}."""
    documents, implemented, cited, deadlines = [], defaultdict(list), defaultdict(list), []
    for doc in iter_docs(docs):
        md = doc.metadata
        documents.append({"id": doc.id, "number": md.number, "doc_type": md.doc_type,
                          "issuer": md.issuer, "date": md.date, "title": md.title})
        for r in doc.references:
            (implemented if r.relation == "implements" else cited)[r.number].append(doc.id)
        for d in doc.deadlines:
            for body in d.bodies or [None]:
                deadlines.append({"due": d.due, "recurrence": d.recurrence, "body": body,
                                  "doc": doc.id, "number": md.number, "section": d.section,
                                  "text": d.text})
    deadlines.sort(key=lambda x: (x["due"] or "9999", x["body"] or "", x["doc"] or ""))
    return {"documents": documents,
            "implemented_by": {k: sorted(v) for k, v in sorted(implemented.items())},
            "cited_by": {k: sorted(v) for k, v in sorted(cited.items())},
            "deadlines": deadlines}


def format_catalog(cat: dict) -> str:
    """A short plain-text view for the terminal."""
    lines = [f"{len(cat['documents'])} documents"]
    lines.append("\nimplemented by:")
    for number, ids in cat["implemented_by"].items():
        lines.append(f"  {number:<22} {', '.join(str(i) for i in ids)}")
    lines.append("\ndeadlines:")
    for d in cat["deadlines"]:
        when = d["due"] or d["recurrence"] or "?"
        lines.append(f"  {when:<11} {(d['body'] or '-')[:40]:<40} {d['doc']}  {d['text'][:60]}")
    return "\n".join(lines)
