"""Bodies stage: fill doc.bodies with every body named in the text (one Body per name).

The name reader itself is the language layer's ``vnplan/lang/bodies.py``.
"""
from __future__ import annotations

from ..lang.bodies import scan_bodies
from ..lang.collector import collector_paused
from ..model import Body, Document, Mention


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
