"""Assignments: who is charged with which task, in which role (lead, coordinate, report_to).

Reads the outline, the header's issuer and ``doc.bodies``; sets ``doc.assignments``. Three shapes are read:

* numbered items of the implementation section ("3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp
  với ... báo cáo Ban Thường vụ Tỉnh ủy"); an item whose heading is only a body name makes
  that body the lead of everything below it;
* labelled lines of UBND and Government task lists ("Cơ quan chủ trì: Bộ Công an",
  "Cơ quan phối hợp: ...") anywhere in the body of the document;
* markdown task tables with a "Cơ quan chủ trì" column, row by row.

Only bodies in a role position are emitted: the subject list that opens a clause, the list
after "phối hợp (với)", after "báo cáo ... với/về" and after "giao". A body written as the
author of a cited document ("... của Ban Chấp hành Trung ương") is never in such a position.
"""
from __future__ import annotations

from ...lang.collector import collector_paused
from ...model import Assignment, Document
from .clauses import _open_name_ending
from .common import _CHU_TRI, _Ctx, _Emitter, _GIAO, has_label
from .region import _region
from ...lang.sections import SectionIndex
from .sections import _outermost, _regions
from .tables import _tables

def extract(doc: Document) -> list[Assignment]:
    """The assignments of a parsed document (pure: reads doc, returns new items)."""
    text = doc.text or ""
    if not text.strip():
        return []
    ctx = _Ctx(doc)
    walked = list(doc.walk())  # every section, once
    em = _Emitter(ctx, SectionIndex(doc.sections).id_at)
    excluded = [tuple(x) for x in (doc.footer,) if x]
    impl, tasks = _regions(doc, ctx, walked)
    for a, b in impl:
        _region(ctx, em, a, _cut(a, b, excluded), True)
    for a, b in tasks:
        _region(ctx, em, a, _cut(a, b, excluded), False)
    # labelled lines elsewhere in the body (not preamble/footer), and tables anywhere
    done = impl + tasks
    body_a = doc.preamble[1] if doc.preamble and doc.sections else 0
    body_b = excluded[0][0] if excluded else len(text)
    situation = _outermost([tuple(s.span) for s in walked if s.span and s.kind == "situation"])
    pos = body_a
    for a, b in sorted(done) + [(body_b, body_b)]:
        if a > pos:
            # a directive without implementation/tasks sections: read its items in tasks mode
            _labels_only(ctx, em, pos, min(a, body_b), anything=not done)
            if done:
                _chu_tri_lines(ctx, em, pos, min(a, body_b), situation)
        pos = max(pos, b)
    _tables(ctx, em, 0, len(text))
    return [a for a, _ in sorted(em.out, key=lambda t: t[0].span[0])]


def _labels_only(ctx: _Ctx, em: _Emitter, a: int, b: int, anything: bool = False) -> None:
    if anything or has_label(ctx.folded, a, b):
        _region(ctx, em, a, b, False)


def _chu_tri_lines(ctx: _Ctx, em: _Emitter, a: int, b: int, situation: list) -> None:
    """ "3. Bộ Tài chính chủ trì tổng hợp ..." outside the task sections (a funding section):
    each line naming a body that "chủ trì" is a task of its own. Situation sections report
    past work: their "chủ trì" charges nobody."""
    f = ctx.folded
    if f.find("chu tri", a, b) < 0 or has_label(f, a, b):
        return  # none, or the labelled lines were read as a task list already
    pieces, pos = [], a
    for x, y in situation:  # the gap minus the situation sections
        if y > pos and x < b:
            if x > pos:
                pieces.append((pos, x))
            pos = y
    if pos < b:
        pieces.append((pos, b))
    for pa, pb in pieces:
        _chu_tri_piece(ctx, em, pa, pb)


def _chu_tri_piece(ctx: _Ctx, em: _Emitter, a: int, b: int) -> None:
    f = ctx.folded
    done = -1  # end of the last line read: each line once (linear on a long line)
    for m in _CHU_TRI.finditer(f, a, b):
        if m.start() < done:
            continue
        la = max(a, f.rfind("\n", a, m.start()) + 1)
        lb = f.find("\n", m.end(), b)
        lb = b if lb < 0 else lb
        if (ctx.ending_at(m.start()) is None and _open_name_ending(ctx, la, m.start()) is None
                and not _GIAO.search(f, la, m.start())):
            continue
        done = lb
        _region(ctx, em, la, lb, False)


def _cut(a: int, b: int, excluded: list) -> int:
    for x, _ in excluded:
        if a <= x < b:
            return x
    return b




def apply(doc: Document) -> None:
    """Fill doc.assignments (after targets, deadlines and bodies)."""
    with collector_paused(len(doc.text or "")):
        doc.assignments = extract(doc)
