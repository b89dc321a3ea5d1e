"""A plan as a readable HTML page: its layout kept, its facts coloured, its outline linked.

``render(doc)`` lays the cleaned text out line by line as the document has it (headings at
their level, one paragraph per line, "| a | b |" rows as tables, the header and signature
blocks set apart), colours every extracted item by kind with a legend, and opens with the
outline, each entry a link to its section. Where items overlap (a body inside a deadline) the
innermost one gives the colour and every item's note is in the tooltip. Standard library only.
"""
from __future__ import annotations

from bisect import bisect_right
from html import escape
from typing import TYPE_CHECKING, NamedTuple, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document, Section

# kind -> (colour, legend text), in legend order.
KINDS = {
    "target": ("#b7e4c7", "target (goal with a number)"),
    "figure": ("#e5e7eb", "figure (reported number)"),
    "deadline": ("#ffd6a5", "deadline"),
    "assignment": ("#90c2f4", "body assigned a task"),
    "body": ("#d7ebfc", "body mentioned"),
    "reference": ("#e9d8fd", "cited document"),
}

_CSS = """
.vnr{font-family:Georgia,'Times New Roman',serif;max-width:58em;line-height:1.5;color:#111}
.vnr h1{font-size:1.35em}.vnr h2{font-size:1.2em}.vnr h3{font-size:1.08em}
.vnr h4,.vnr h5,.vnr h6{font-size:1em}
.vnr p{margin:.3em 0}.vnr .front,.vnr .foot{color:#555;font-size:.92em}
.vnr table.t{border-collapse:collapse;margin:.5em 0}
.vnr table.t td{border:1px solid #999;padding:2px 6px;vertical-align:top}
.vnr mark{padding:0 2px;border-radius:3px;color:inherit}
.vnr .legend span{display:inline-block;margin:0 .8em .3em 0}
.vnr .legend i{display:inline-block;width:1.1em;height:.9em;margin-right:.3em;
 vertical-align:middle;border-radius:2px}
.vnr nav{border:1px solid #ccc;padding:.4em 1em;margin:.6em 0 1.2em;background:#fafafa}
.vnr nav ul{margin:0;padding-left:1.3em}.vnr nav small{color:#666}
""" + "".join(f".vnr .k-{k}{{background:{c}}}" for k, (c, _) in KINDS.items())


class Item(NamedTuple):
    start: int
    end: int
    kind: str
    note: str


def _note(*parts) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def items(doc: Document) -> list[Item]:
    """Every extracted item with a span, as (start, end, kind, note), in text order."""
    out = [Item(*t.span, "target", _note("target", t.comparator, t.value, t.unit, t.year))
           for t in doc.targets if t.span]
    out += [Item(*f.span, "figure", _note("figure", f.value, f.unit)) for f in doc.figures if f.span]
    out += [Item(*d.span, "deadline", _note("deadline", d.due or d.recurrence))
            for d in doc.deadlines if d.span]
    assigned = {tuple(a.span): a for a in doc.assignments if a.span}
    out += [Item(*a.span, "assignment", _note(a.role, a.canonical or a.body))
            for a in assigned.values()]
    out += [Item(*m.span, "body", _note("body", b.canonical)) for b in doc.bodies
            for m in b.mentions if tuple(m.span) not in assigned]
    out += [Item(s, e, "reference", _note("cites" if r.relation == "cites" else r.relation,
                                           r.number)) for r in doc.references for s, e in r.mentions]
    return sorted(i for i in out if i.start < i.end)


def _pieces(n: int, found: list[Item]) -> list[tuple[int, int, list]]:
    """[0, n) cut where any item starts or ends: (start, end, items covering it, innermost
    first). One sweep over the cuts; only the few items open at a point are looked at."""
    cuts = sorted({0, n, *(min(i.start, n) for i in found), *(min(i.end, n) for i in found)})
    out, active, k = [], [], 0
    for a, b in zip(cuts, cuts[1:]):
        while k < len(found) and found[k].start <= a:
            active.append(found[k])
            k += 1
        active = [i for i in active if i.end > a]
        out.append((a, b, sorted(active, key=lambda i: i.end - i.start)))
    return out


class _Marker:
    """Renders any stretch of the text with its items marked."""

    def __init__(self, text: str, found: list[Item]):
        self.text = text
        self.pieces = _pieces(len(text), found)
        self.starts = [p[0] for p in self.pieces]

    def __call__(self, start: int, end: int) -> str:
        html = []
        k = max(bisect_right(self.starts, start) - 1, 0)
        while k < len(self.pieces) and self.pieces[k][0] < end:
            a, b, over = self.pieces[k]
            chunk = escape(self.text[max(a, start):min(b, end)]).replace("\t", " &emsp; ")
            if over:
                notes = escape("; ".join(i.note for i in over), quote=True)
                chunk = f'<mark class="k-{over[0].kind}" title="{notes}">{chunk}</mark>'
            html.append(chunk)
            k += 1
        return "".join(html)


def anchor(section: Section) -> str:
    """The HTML id of a section's heading (its id path with "-" for "/"), safe in an attribute."""
    return escape("s-" + section.id.replace("/", "-").replace(" ", "_"), quote=True)


def _opening(text: str, words: int = 10) -> str:
    """The first words of a run-in item (one without a heading), standing for it."""
    first = (text or "").split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _outline(doc: Document, sections: list) -> str:
    if not sections:
        return ""
    lis = []
    for s in sections:
        label = escape(" ".join(x for x in (s.number, s.heading or _opening(s.text)) if x) or s.id)
        lis.append(f'<li><a href="#{anchor(s)}">{label}</a> <small>{escape(s.kind)}</small>'
                   f"{_outline(doc, s.children)}</li>")
    return "<ul>" + "".join(lis) + "</ul>"


def _legend(found: list[Item]) -> str:
    counts = {k: 0 for k in KINDS}
    for i in found:
        counts[i.kind] += 1
    return "<div class='legend'>" + "".join(
        f"<span><i class='k-{k}'></i>{escape(label)} ({counts[k]})</span>"
        for k, (_, label) in KINDS.items()) + "</div>"


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the cells of a "| a | b |" row."""
    bars = [start + i for i, c in enumerate(text[start:end]) if c == "|"]
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


def _is_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _in(span: Optional[list], pos: int) -> bool:
    return bool(span) and span[0] <= pos < span[1]


def _block(doc: Document, mark: _Marker, a: int, b: int, section: Optional[Section]) -> str:
    """One line that is not a table row: a heading, a paragraph, or a header/footer line."""
    if section is not None:
        ident = f' id="{anchor(section)}"'
        if section.heading:
            level = min(section.level + 1, 6)
            return f"<h{level}{ident}>{mark(a, b)}</h{level}>"
        return f"<p{ident}>{mark(a, b)}</p>"
    cls = " class='front'" if _in(doc.preamble, a) else " class='foot'" if _in(doc.footer, a) else ""
    return f"<p{cls}>{mark(a, b)}</p>"


def _body(doc: Document, mark: _Marker) -> str:
    text = doc.text
    lines = _lines(text)
    line_starts = [a for a, _ in lines]
    heads: dict[int, Section] = {}
    for s in doc.walk():
        if s.span:
            heads.setdefault(max(bisect_right(line_starts, s.span[0]) - 1, 0), s)
    out, rows = [], []
    for n, (a, b) in enumerate(lines):
        if _is_row(text[a:b]) and n not in heads:
            if not set(text[a:b]) <= set("|-: "):  # skip markdown "|---|" rules
                rows.append("<tr>" + "".join(f"<td>{mark(x, y)}</td>"
                                             for x, y in _cells(text, a, b)) + "</tr>")
            continue
        if rows:
            out.append("<table class='t'>" + "".join(rows) + "</table>")
            rows = []
        if a < b:
            out.append(_block(doc, mark, a, b, heads.get(n)))
    if rows:
        out.append("<table class='t'>" + "".join(rows) + "</table>")
    return "\n".join(out)


def render(doc: Document, jupyter: bool = False) -> str:
    """HTML of the whole document: legend, linked outline, then the text in its layout with
    every extracted item coloured by kind (see ``KINDS``)."""
    found = items(doc)
    md = doc.metadata
    title = " ".join(x for x in (md.doc_type, md.number, md.title and f"– {md.title}") if x)
    nav = _outline(doc, doc.sections)
    nav = f"<nav><b>Outline</b>{nav}</nav>" if nav else ""
    html = (f"<div class='vnr'><style>{_CSS}</style>"
            f"<h1>{escape(title or doc.id or 'vnplan document')}</h1>{_legend(found)}{nav}"
            f"<div class='text'>\n{_body(doc, _Marker(doc.text, found))}\n</div></div>")
    if jupyter:  # pragma: no cover - display side effect only
        from IPython.display import HTML, display

        display(HTML(html))
    return html
