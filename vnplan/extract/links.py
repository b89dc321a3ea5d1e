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
    text = doc.text or ""
    items = _Items(doc, item_spans(text))
    # deadlines by start: an item's deadlines are found by binary search, in document order
    order = sorted(range(len(dls)), key=lambda i: dls[i].span[0])
    dl_starts = [dls[i].span[0] for i in order]
    for a in doc.assignments:
        if not a.span:
            continue
        ia, ib = items.of(text, a.span[0])
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


class _Items:
    """The items of a text (sorted by start), each cut at the end of the deepest section it
    starts in: the last item of a section does not run on into the next one or into an
    appendix. An item is cut when a lookup first reaches it (few are)."""

    def __init__(self, doc: Document, items: list[tuple[int, int]]):
        self.items = items
        self.starts = [a for a, _ in items]
        self.spans = sorted((tuple(s.span) for s in doc.walk() if s.span and s.span[1] > s.span[0]),
                            key=lambda sp: (sp[0], -sp[1]))
        self.span_starts = [a for a, _ in self.spans]
        self.cut: dict[int, int] = {}  # item index -> its end within its section

    def _end(self, k: int) -> int:
        end = self.cut.get(k)
        if end is None:
            a, b = self.items[k]
            i = bisect_right(self.span_starts, a) - 1
            while i >= 0 and self.spans[i][1] <= a:
                i -= 1  # nested spans: walk back to one that holds a (short walks)
            end = self.cut[k] = min(b, self.spans[i][1]) if i >= 0 else b
        return end

    def of(self, text: str, pos: int) -> tuple[int, int]:
        """The innermost item holding ``pos`` (items nest; they are sorted by start), else its line."""
        k = bisect_right(self.starts, pos) - 1
        while k >= 0:
            a, b = self.items[k]
            if a <= pos < b and pos < self._end(k):  # an item cut short holds less
                return a, self._end(k)
            k -= 1
        end = text.find("\n", pos)
        return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end
