"""Bodies stage: fill doc.bodies with every body named in the text (one Body per name).

The name reader itself is the language layer's ``vnplan/lang/bodies.py``.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

from ..lang.bodies import scan_bodies
from ..model import Body, Document, Mention


_PAUSE_COLLECTOR_FROM = 200_000  # characters


@contextmanager
def collector_paused(size: int):
    """Pause the cyclic garbage collector while the mentions of a very long text are built.

    Hundreds of thousands of small objects (mentions, their spans) make the collector walk
    the whole heap again and again: half the time of this stage on a 5 MB text. None of them
    is part of a reference cycle, so reference counting frees them all the same. Texts of
    ordinary length, and a collector someone else turned off, are left alone.
    """
    if size < _PAUSE_COLLECTOR_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def apply(doc: Document) -> None:
    """Fill doc.bodies: one Body per canonical name with every mention, over the whole text."""
    by_name: dict[str, Body] = {}
    with collector_paused(len(doc.text or "")):
        for b in scan_bodies(doc.text):
            if b.weak:
                continue
            body = by_name.get(b.canonical)
            if body is None:
                body = by_name[b.canonical] = Body(b.canonical, "generic" if b.generic else b.kind)
            body.mentions.append(Mention(b.surface, [b.start, b.end]))
    doc.bodies = list(by_name.values())
