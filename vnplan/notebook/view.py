"""The outline as HTML for Jupyter, and the facts as spaCy spans.

``outline_html`` is what a Document shows in Jupyter (``_repr_html_``); ``to_spacy`` builds a
spaCy ``Doc`` with the extracted items as spans (extra ``vnplan[spacy]``, imported only there).
The model is imported for type hints only, so ``model`` may import this module lazily without
an import cycle.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc as SpacyDoc

    from ..model import Document, Section

SPAN_KEY = "vnplan"


def _counts(doc: Document, section: Section) -> dict[str, int]:
    ids = {s.id for s in section.walk()}
    return {name: sum(1 for x in getattr(doc, name) if x.section in ids)
            for name in ("targets", "deadlines", "assignments")}


def _node_html(doc: Document, section: Section) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in _counts(doc, section).items() if n)
    head = escape(" ".join(x for x in (section.number, section.heading) if x))
    kids = "".join(_node_html(doc, c) for c in section.children)
    kids = f"<ul>{kids}</ul>" if kids else ""
    extra = f" <small>({escape(counts)})</small>" if counts else ""
    return f"<li><b>{head}</b> <code>{escape(section.kind)}</code>{extra}{kids}</li>"


def outline_html(doc: Document) -> str:
    """A compact HTML view: header fields, then the outline with kinds and counts of facts."""
    md = doc.metadata
    rows = [("type", md.doc_type), ("number", md.number), ("issuer", md.issuer),
            ("date", md.date), ("title", md.title)]
    head = "".join(f"<tr><th style='text-align:left'>{k}</th><td>{escape(str(v))}</td></tr>"
                   for k, v in rows if v)
    tally = (f"{len(doc.references)} references, {len(doc.targets)} targets, "
             f"{len(doc.figures)} figures, {len(doc.deadlines)} deadlines, "
             f"{len(doc.assignments)} assignments, {len(doc.warnings)} warnings")
    tree = "".join(_node_html(doc, s) for s in doc.sections) or "<li><i>no outline</i></li>"
    return (f"<div class='vnplan'><b>vnplan.Document {escape(doc.id or '')}</b>"
            f"<table>{head}</table><p>{escape(tally)}</p><ul>{tree}</ul></div>")


def _spans(doc: Document) -> list[tuple[int, int, str]]:
    out = [(t.span[0], t.span[1], "TARGET") for t in doc.targets if t.span]
    out += [(d.span[0], d.span[1], "DEADLINE") for d in doc.deadlines if d.span]
    out += [(m.span[0], m.span[1], "BODY") for b in doc.bodies for m in b.mentions]
    out += [(s, e, "REFERENCE") for r in doc.references for s, e in r.mentions]
    return sorted(out)


def to_spacy(doc: Document, nlp=None) -> "SpacyDoc":
    """A spaCy Doc of the cleaned text with targets, deadlines, bodies and references in
    ``doc.spans["vnplan"]`` (tokenized on white space by spaCy's Vietnamese tokenizer without
    pyvi, so no extra model is needed)."""
    try:
        import spacy
    except ImportError:
        raise ImportError("vnplan.to_spacy needs spaCy: pip install 'vnplan[spacy]'",
                          name="spacy") from None
    if nlp is None:
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    sdoc = nlp.make_doc(doc.text)
    spans = []
    for start, end, label in _spans(doc):
        span = sdoc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    sdoc.spans[SPAN_KEY] = spans
    return sdoc
