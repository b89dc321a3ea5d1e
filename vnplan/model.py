"""The document model: plain dataclasses that every stage fills and every exporter reads.

Every extracted node keeps ``span`` = ``[start, end)`` character offsets into
``Document.text`` (the cleaned text), so any item can be traced back to the words it came
from. ``to_dict`` / ``from_dict`` give the stable, schema-valid mapping that the YAML and JSON
emitters write and ``vnplan.load`` reads back.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Optional

Span = list  # [start, end) offsets into Document.text; a list so YAML round-trips it unchanged


@dataclass
class Warning_:
    """Something the reader or cleaner noticed and the user may want to check."""

    code: str  # e.g. "foreign-script", "no-vietnamese", "empty", "encoding"
    message: str
    span: Optional[Span] = None  # offsets into the *input* text for cleaner warnings


@dataclass
class Footnote:
    """A footnote body moved out of the running text (Word exports put it inline)."""

    id: str
    text: str
    span: Optional[Span] = None  # where its reference mark stood in Document.text


@dataclass
class Source:
    """Where a document came from; empty for text passed in directly."""

    path: Optional[str] = None
    format: Optional[str] = None  # txt, md, docx, pdf, html, doc
    sha256: Optional[str] = None
    encoding: Optional[str] = None  # utf-8, utf-16, cp1258, tcvn3, vni, viscii ...
    reader: Optional[str] = None


@dataclass
class Signer:
    name: Optional[str] = None
    title: Optional[str] = None  # post: "Phó Bí thư", "Chủ tịch"
    authority: Optional[str] = None  # T/M, K/T, TL., TM., KT., TUQ.
    span: Optional[Span] = None


@dataclass
class Metadata:
    doc_type: Optional[str] = None  # Vietnamese name: "Kế hoạch", "Chương trình hành động"
    number: Optional[str] = None  # số ký hiệu, e.g. "83-KH/TU"; None when left blank
    issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None  # ISO "2019-08-27", or "2024-02" when the day is blank
    draft: bool = False
    title: Optional[str] = None  # trích yếu
    signer: Signer = field(default_factory=Signer)
    recipients: list = field(default_factory=list)  # one string per Nơi nhận line
    spans: dict = field(default_factory=dict)  # field name -> span it was read from


@dataclass
class Section:
    id: str  # path of numbers, "II/2/2.1"; unique within the document
    number: Optional[str]
    heading: Optional[str]
    kind: str  # situation, purpose, viewpoints, objectives, vision, tasks, implementation, other
    level: int  # 1 for top-level sections
    text: str  # the section's own body: after its heading, before its first child
    span: Span  # heading + body + children
    body_span: Optional[Span] = None  # the span of ``text``
    children: list = field(default_factory=list)

    def walk(self):
        """This section and all below it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Reference:
    number: str  # canonical số ký hiệu, "45-NQ/TW"
    doc_type: Optional[str] = None  # "Nghị quyết"
    date: Optional[str] = None  # ISO
    issuer: Optional[str] = None
    relation: str = "cites"  # implements | cites
    mentions: list = field(default_factory=list)  # spans of every mention


@dataclass
class Target:
    text: str
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: Optional[str] = None
    comparator: str = "="  # =, >, >=, <, <=, range
    year: Optional[int] = None
    indicator: Optional[str] = None  # what is measured
    recurrence: Optional[str] = None  # P1Y for "hằng năm"
    section: Optional[str] = None
    span: Optional[Span] = None


@dataclass
class Figure:
    """An achieved or reported number (not a commitment): "đạt 96,3%", "16.312 trí thức"."""

    text: str
    value: Optional[float] = None
    unit: Optional[str] = None
    counted: Optional[str] = None  # what is counted
    section: Optional[str] = None
    span: Optional[Span] = None


@dataclass
class Deadline:
    text: str
    due: Optional[str] = None  # ISO date, end of the period
    period_start: Optional[str] = None
    recurrence: Optional[str] = None  # ISO 8601 duration: P6M, P1Y, P3M, P1M
    task: Optional[str] = None
    bodies: list = field(default_factory=list)  # canonical names of the item's bodies
    section: Optional[str] = None
    span: Optional[Span] = None


@dataclass
class Mention:
    text: str
    span: Span


@dataclass
class Body:
    canonical: str
    kind: Optional[str] = None  # party, state, front, association, generic
    mentions: list = field(default_factory=list)  # list of Mention


@dataclass
class Assignment:
    body: str  # as written
    canonical: Optional[str] = None
    role: str = "lead"  # lead, coordinate, report_to
    generic: bool = False  # "các cơ quan liên quan"
    text: Optional[str] = None  # the task
    deadlines: list = field(default_factory=list)  # due dates / recurrences of the task
    section: Optional[str] = None
    span: Optional[Span] = None  # the body mention


@dataclass
class Document:
    text: str = ""  # the cleaned text: every span points into it
    id: Optional[str] = None
    source: Source = field(default_factory=Source)
    metadata: Metadata = field(default_factory=Metadata)
    references: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    assignments: list = field(default_factory=list)
    bodies: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    preamble: Optional[Span] = None  # text before the first heading
    footer: Optional[Span] = None  # signature and Nơi nhận block
    appendix: Optional[Span] = None  # appendices (PHỤ LỤC ...) after the footer: not sections

    def walk(self):
        """Every section, depth first, in reading order."""
        for s in self.sections:
            yield from s.walk()

    def section(self, sid: str) -> Optional[Section]:
        return next((s for s in self.walk() if s.id == sid), None)

    def to_dict(self) -> dict:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        return from_dict(data)

    # ``_repr_html_`` (Jupyter's view of a Document) is attached by the ``vnplan`` package from
    # ``vnplan.notebook``, so the model imports no presentation code.


# --- mapping --------------------------------------------------------------------------------

# Key order of the emitted mapping: what a reader looks for first comes first.
_ORDER = ["id", "source", "metadata", "references", "sections", "targets", "figures", "deadlines",
          "assignments", "bodies", "footnotes", "warnings", "preamble", "footer", "appendix", "text"]


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_dict(doc: Document) -> dict:
    """A plain mapping (str, int, float, bool, None, list, dict) in a stable key order."""
    raw = _plain(doc)
    return {k: raw[k] for k in _ORDER}


def _build(cls, data):
    if data is None:
        return cls()
    kwargs = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = data[f.name]
    return cls(**kwargs)


def _section(d: dict) -> Section:
    s = _build(Section, {k: v for k, v in d.items() if k != "children"})
    s.children = [_section(c) for c in d.get("children") or []]
    return s


def from_dict(data: dict) -> Document:
    """Rebuild a Document from ``to_dict`` output (or the YAML/JSON written from it)."""
    md = dict(data.get("metadata") or {})
    md["signer"] = _build(Signer, md.get("signer"))
    bodies = []
    for b in data.get("bodies") or []:
        body = _build(Body, b)
        body.mentions = [_build(Mention, m) for m in b.get("mentions") or []]
        bodies.append(body)
    doc = Document(
        text=data.get("text") or "",
        id=data.get("id"),
        source=_build(Source, data.get("source")),
        metadata=_build(Metadata, md),
        references=[_build(Reference, r) for r in data.get("references") or []],
        sections=[_section(s) for s in data.get("sections") or []],
        targets=[_build(Target, t) for t in data.get("targets") or []],
        figures=[_build(Figure, f) for f in data.get("figures") or []],
        deadlines=[_build(Deadline, d) for d in data.get("deadlines") or []],
        assignments=[_build(Assignment, a) for a in data.get("assignments") or []],
        bodies=bodies,
        footnotes=[_build(Footnote, f) for f in data.get("footnotes") or []],
        warnings=[_build(Warning_, w) for w in data.get("warnings") or []],
        preamble=data.get("preamble"),
        footer=data.get("footer"),
        appendix=data.get("appendix"),
    )
    return doc
