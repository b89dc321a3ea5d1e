"""Header and footer -> Metadata: type, số ký hiệu, issuer, place and date, draft, trích yếu,
signer and recipients.

The header is read as a sequence of *cells* (``cells.py``): lines of the preamble split at
column gaps and table bars, so every layout of the two-column header reads the same way. Every
field keeps the span it was read from in ``Metadata.spans``.
"""
from __future__ import annotations

from typing import Optional

from ..lang.text import fold
from ..model import Document, Metadata
from .cells import Cell, cells, is_caps
from .footer import HEAD_MAX, read_footer
from .issuer import (case_body, enacting_authority, header_issuer, issuer_from_caps,
                     issuer_from_sentence)
from .number import NUM_LINE, STUB, place_date_cell, read_number, read_place_date
from .title import find_title
from .words import data, doc_type_of

__all__ = ["apply", "case_body", "cells", "doc_type_of", "extract_metadata", "issuer_from_caps"]


def _type_line(cs: list[Cell], md: Metadata) -> Optional[int]:
    """Index of the type line: the first cell that is one, before the body starts."""
    for k, c in enumerate(cs[:60]):
        t, n = doc_type_of(c.text)
        if t:
            md.doc_type = t
            md.spans["doc_type"] = [c.start, c.start + n]
            return k
        if len(c.text) > 200:
            break
    return None


def _head_cells(cs: list[Cell], ti: Optional[int]) -> list[Cell]:
    """The header block: the cells above the type line, else the short cells at the top."""
    if ti is not None:
        return cs[:ti]
    head = []
    for c in cs[:20]:
        if len(c.text) > 120:
            break
        head.append(c)
    return head


def _read_draft(cs: list[Cell], md: Metadata) -> None:
    for c in cs:
        f = fold(c.text)
        if any(w in f for w in data()["draft"]) and len(f) < 40:
            md.draft = True
            md.spans["draft"] = [c.start, c.end]
            return


def _read_title(cs: list[Cell], ti: int, stop_folds: set, md: Metadata) -> int:
    """Set the trích yếu (the type line's own tail first); the index of the cell after it."""
    tcell = cs[ti]
    _, n = doc_type_of(tcell.text)
    tail = []
    if n < len(tcell.text) and tcell.text[n:].strip():
        rest = tcell.text[n:]
        a = len(rest) - len(rest.lstrip())
        tail = [Cell(tcell.start + n + a, tcell.end, rest.strip(), False)]
    title, tspan, j = find_title(tail + cs[ti + 1:], stop_folds)
    if title:
        md.title = title
        md.spans["title"] = tspan
    return ti + 1 + j - len(tail)


def _issuer_from_enacting(cs: list[Cell], k: int, md: Metadata) -> bool:
    """The enacting formula under the trích yếu names the issuer ("BỘ TRƯỞNG BỘ Y TẾ")."""
    for i, c in enumerate(cs[k:k + 3], k):
        auth = enacting_authority(c.text, cs[i + 1].text if i + 1 < len(cs) else "")
        if auth:
            md.issuer = issuer_from_caps(auth.upper())
            md.spans["issuer"] = [c.start, c.end]
            return bool(md.issuer)
    return False


def _issuer_fallback(text: str, p0: int, p1: int, md: Metadata) -> None:
    """The issuer from an opening sentence, or from a congress's trích yếu."""
    d = data()
    iss = issuer_from_sentence(text, p0, p1)
    if iss:
        md.issuer, md.spans["issuer"], typ = iss
        if md.doc_type is None and typ:
            md.doc_type = typ
            md.spans["doc_type"] = md.spans["issuer"]
    elif md.title and fold(md.title).startswith(d["congress"]):
        # a congress resolution: its trích yếu names the congress that issued it
        end = d["congress_end"].search(md.title)
        name = md.title[:end.start() if end else len(md.title)].strip()
        md.issuer = case_body(name) if is_caps(name) else name
        md.spans["issuer"] = [md.spans["title"][0], md.spans["title"][0] + len(name)]


def extract_metadata(text: str, preamble: Optional[list] = None,
                     footer: Optional[list] = None) -> Metadata:
    """Metadata read from the preamble (header, type line, trích yếu, enacting formula, opening
    sentence) and the footer (signature, Nơi nhận). Without spans, the whole text is read."""
    md = Metadata()
    text = text or ""
    if not text.strip():
        return md
    p0, p1 = preamble if preamble else (0, min(len(text), 6000))
    p1 = min(max(p0, p1), len(text), p0 + HEAD_MAX)  # a header is short: bound the work
    cs = cells(text, p0, p1)
    ti = _type_line(cs, md)
    head = _head_cells(cs, ti)
    read_number(head, md)
    if head:
        read_place_date(text, head[0].start, head[-1].end, md)
    dated = place_date_cell(text, cs[ti + 1:ti + 8], md) if md.date is None and ti is not None else None
    _read_draft(head + (cs[ti:ti + 4] if ti is not None else []), md)
    md.issuer, span, frags, block = header_issuer(head, STUB, NUM_LINE)
    if span:
        md.spans["issuer"] = span
    after = 0
    if ti is not None:
        stop = {fold(c.text) for c in frags} | {" ".join(block.split())} | set(data()["national"])
        if dated:
            stop.add(fold(dated.text))
        after = _read_title(cs, ti, stop, md)
    if not md.issuer and not (ti is not None and _issuer_from_enacting(cs, after, md)):
        _issuer_fallback(text, p0, p1, md)
    read_footer(text, footer, md)
    return md


def apply(doc: Document) -> None:
    """Fill doc.metadata from the preamble and footer spans the outline found."""
    text = doc.text or ""
    pre = doc.preamble
    if pre is None and not doc.sections:
        pre = [0, min(len(text), 6000)]
    doc.metadata = extract_metadata(text, pre, doc.footer)
