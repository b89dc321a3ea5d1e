"""Walking the lines of a region: numbered items, headings made of bodies, labelled lines."""
from __future__ import annotations

from typing import Optional
from .clauses import _named_heading, _only_bodies, _roles_in
from .items import item_ends
from .common import _Ctx, _DANGLING_PARTNER, _Emitter, _LABEL, _LEAD_IN, _LINE, _OPEN_END, _PHOI_HOP, _TABLE_ROW, _clause_end, _content_start, _depth, _is_author_or_object, _skip_ws, parse_list

def _region(ctx: _Ctx, em: _Emitter, a: int, b: int, full: bool) -> None:
    """Walk the lines of a region: items, headings made of bodies, labelled lines."""
    f = ctx.folded
    lines = [(m.start(), m.end()) for m in _LINE.finditer(f, a, b)]
    contents = [_content_start(ctx, la, lb) for la, lb in lines]
    # items: (depth, start, end, task, subject)
    stack: list[list] = []
    ends = item_ends(f, lines, contents)
    prev_item = None
    named_depths: set = set()  # depths of items whose heading is a body name
    partners_of: Optional[tuple] = None  # (depth, item) of a "Chủ trì, phối hợp" line with no object
    for idx, (la, lb) in enumerate(lines):
        broken = False
        if idx:  # the line before is long and stops mid-sentence
            pa, pb = lines[idx - 1]
            while pb > pa and f[pb - 1].isspace():
                pb -= 1
            broken = pb - pa > 60 and f[pb - 1] in _OPEN_END
        if f.find("|", la, lb) >= 0 and _TABLE_ROW.match(f, la, lb):
            continue
        cs, kind = contents[idx]
        number = f[la:cs].strip(" \t.)*-/")
        depth = _depth(kind, number)
        if kind is not None:
            while stack and stack[-1][0] >= depth:
                stack.pop()
            if partners_of is not None and depth <= partners_of[0]:
                partners_of = None
        task = ctx.text[cs:lb]
        if partners_of is not None and kind in ("bullet", "plus"):
            # "- Sở Tài chính và các đơn vị có liên quan tham mưu ...": partners of the item
            pitem = partners_of[1]
            em.add(parse_list(ctx, cs, lb), "coordinate", task, pitem)
            _roles_in(ctx, em, cs, lb, [], task, pitem, full, opens=False)
            continue
        item_end = ends[idx]
        heading_bodies = _only_bodies(ctx, cs, lb) if kind not in (None, "bullet", "plus") or (
            kind is None and cs == la and idx and not full) else []
        if not heading_bodies and kind == "num":
            heading_bodies = _named_heading(ctx, cs, lb, asked_only=not (full or depth in named_depths))
        if heading_bodies:
            named_depths.add(depth)
            item = (la, item_end)
            nxt = _LINE.search(ctx.text, lb, max(item_end, lb))
            em.add(heading_bodies, "lead", nxt.group() if nxt else task, item)
            stack.append([depth, la, item_end, task, heading_bodies])
            continue
        lab = _LABEL.match(f, cs, lb)
        if lab:
            parent = next((s for s in reversed(stack) if s[0] < depth), None)
            ptask = parent[3] if parent else task
            item = (parent[1], parent[2]) if parent else (la, item_end)
            role = "coordinate" if lab.group("what") == "phoi hop" else "lead"
            _labelled(ctx, em, lab.end(), lb, role, ptask, item)
            continue
        inherited = None
        for entry in reversed(stack):
            if entry[4]:
                inherited = entry
                break
        if kind is not None:
            stack.append([depth, la, item_end, task, []])
            if _DANGLING_PARTNER.search(f, cs, lb):
                partners_of = (depth, (la, item_end))
        item = (la, item_end) if kind is not None else (
            (stack[-1][1], stack[-1][2]) if stack else (la, lb))
        own_subject = kind is None and not broken and inherited is not None and _opens_with_bodies(ctx, cs, lb)
        if own_subject:
            # "Ủy ban nhân dân Thành phố yêu cầu các Sở ...": a paragraph naming its own
            # subject after the last item is a task of its own, not the item's
            item, inherited = (la, lb), None
        elif inherited is not None and kind is None:
            item = (inherited[1], inherited[2])
        if kind is None and broken and prev_item is not None:
            item = prev_item
        prev_item = item
        _roles_in(ctx, em, cs, lb, inherited[4] if inherited else [], task, item, full,
                  opens=not (kind is None and broken))


def _opens_with_bodies(ctx: _Ctx, a: int, b: int) -> bool:
    """The paragraph [a, b) opens with a specific body (after "Giao", "Đề nghị" ...)."""
    m = _LEAD_IN.match(ctx.folded, a, b)
    found = parse_list(ctx, m.end() if m else a, b)
    return bool(found) and not all(x.generic for x in found) and not _is_author_or_object(ctx, found[-1].end, b)


def _labelled(ctx: _Ctx, em: _Emitter, a: int, b: int, role: str, task: str, item) -> None:
    """ "Cơ quan chủ trì: X; Y ..." -> each clause's opening list takes the label's role."""
    f = ctx.folded
    pos = a
    while pos < b:
        end = _clause_end(ctx, pos, b)
        found = parse_list(ctx, _skip_ws(f, pos), end)
        em.add(found, role, task, item)
        if role == "lead":
            for m in _PHOI_HOP.finditer(f, pos, end):
                em.add(parse_list(ctx, m.end(), end), "coordinate", task, item)
        pos = end + 1


