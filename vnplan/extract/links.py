"""Links stage: each assignment gets the due dates of its task, each deadline the bodies
its task charges.

Reads ``doc.assignments`` and ``doc.deadlines`` (set by their own stages) and fills
``Assignment.deadlines`` and ``Deadline.bodies``. The task of an assignment is the outline
item holding its body mention: a numbered, lettered or bulleted line up to the next marker
of the same or a higher level; a labelled line ("- Cơ quan chủ trì: ...") belongs to the
item above it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Document
from ..lang.items import item_spans


def apply(doc: Document) -> None:
    """Link deadlines and assignments that share a task (a report_to body owes nothing)."""
    dls = [d for d in doc.deadlines or [] if getattr(d, "span", None)]
    if not dls or not doc.assignments:
        return
    items = _within_sections(doc, item_spans(doc.text or ""))
    starts = [a for a, _ in items]
    # deadlines by start: an item's deadlines are found by binary search, in document order
    order = sorted(range(len(dls)), key=lambda i: dls[i].span[0])
    dl_starts = [dls[i].span[0] for i in order]
    for a in doc.assignments:
        if not a.span:
            continue
        ia, ib = _item_of(doc.text or "", items, starts, a.span[0])
        for i in sorted(order[bisect_left(dl_starts, ia):bisect_left(dl_starts, ib)]):
            d = dls[i]
            value = d.due or d.recurrence
            if value and value not in a.deadlines:
                a.deadlines.append(value)
            if a.role == "report_to":
                continue  # the deadline binds the bodies charged with the task, not the receiver
            name = a.canonical or a.body
            if name and name not in d.bodies:
                d.bodies.append(name)


def _within_sections(doc: Document, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items cut at the end of the deepest section they start in: the last item of a
    section does not run on into the next one or into an appendix."""
    spans = sorted((tuple(s.span) for s in doc.walk() if s.span and s.span[1] > s.span[0]),
                   key=lambda sp: (sp[0], -sp[1]))
    if not spans:
        return items
    starts = [a for a, _ in spans]
    out = []
    for a, b in items:
        i = bisect_right(starts, a) - 1
        while i >= 0 and spans[i][1] <= a:
            i -= 1  # nested spans: walk back to one that holds a (short walks)
        out.append((a, min(b, spans[i][1])) if i >= 0 else (a, b))
    return out


def _item_of(text: str, items: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    """The innermost item holding ``pos`` (items nest; they are sorted by start), else its line."""
    i = bisect_right(starts, pos) - 1
    while i >= 0:
        a, b = items[i]
        if a <= pos < b:
            return a, b
        i -= 1
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end
