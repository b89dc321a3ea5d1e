"""The section at a position: one index over a document's outline, shared by every extractor.

Extractors ask, for each fact they find, which section holds it (to record ``section`` and to
skip the situation part). Documents may have thousands of items, so the index bisects over the
sections' start offsets instead of walking the tree for every question.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Optional

from ..model import Section


class SectionIndex:
    """The deepest section holding a position, and the chain of its ancestors."""

    def __init__(self, sections: Iterable[Section]):
        rows: list[tuple[int, int, Section, tuple[Section, ...]]] = []

        def visit(sec: Section, parents: tuple[Section, ...]) -> None:
            chain = parents + (sec,)
            if sec.span:
                rows.append((sec.span[0], sec.span[1], sec, chain))
            for child in sec.children:
                visit(child, chain)

        for top in sections:
            visit(top, ())
        rows.sort(key=lambda r: r[0])  # stable: a parent stays before a child starting with it
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def chain(self, pos: int) -> tuple[Section, ...]:
        """The sections holding ``pos``, outermost first; empty outside every section."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0:  # the last section started that still runs is the deepest
            start, end, _sec, chain = self._rows[i]
            if start <= pos < end:
                return chain
            if len(chain) == 1:
                break  # a top-level section ended before pos: the ones before it ended earlier
            i -= 1
        return ()

    def at(self, pos: int) -> Optional[Section]:
        """The deepest section holding ``pos``, or None."""
        chain = self.chain(pos)
        return chain[-1] if chain else None

    def id_at(self, pos: int) -> Optional[str]:
        """The id ("II/2") of the deepest section holding ``pos``, or None."""
        sec = self.at(pos)
        return sec.id if sec else None

    def within(self, pos: int, kinds: Iterable[str]) -> bool:
        """True when ``pos`` lies in a section (or below a section) of one of ``kinds``."""
        wanted = kinds if isinstance(kinds, (set, frozenset)) else set(kinds)
        for s in self.chain(pos):
            if s.kind in wanted:
                return True
        return False
