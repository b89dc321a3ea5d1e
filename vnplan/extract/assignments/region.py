"""Walking the lines of a region: numbered items, headings made of bodies, labelled lines.

A label names the role of the bodies after it: on its line ("Cơ quan chủ trì: Sở Y tế"), or
as a sub-heading whose bullets below are the bodies ("a) Cơ quan phối hợp" / "- Sở Nội vụ").
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from .clauses import _OPENER, _named_heading, _only_bodies, _partner_list, _roles_in
from .common import (_Ctx, _DANGLING_PARTNER, _Emitter, _LABEL, _LABEL_HEAD, _LEAD_IN, _LINE, _OPEN_END,
                     _PHOI_HOP, _TABLE_ROW, _clause_end, _is_author_or_object,
                     _skip_ws)
from ...lang.gazetteer import BodyMatch
from ...lang.fold import key_of
from ...lang.items import depths, item_ends, line_contents
from .lists import parse_list


class _Listed(NamedTuple):
    """Bullets below a line that names a role and no body ("Chủ trì, phối hợp:", "Cơ quan chủ trì")."""
    depth: int
    item: tuple[int, int]
    role: str
    task: str
    label: bool  # a label sub-heading: each bullet's list takes the role, nothing else is read
    both: bool = False  # "Cơ quan chủ trì, phối hợp": the first bullet leads, the next ones coordinate


class _Walker:
    """One pass over the lines of a region; ``stack`` holds the open items:
    [depth, start, end, task, subject bodies]."""

    def __init__(self, ctx: _Ctx, em: _Emitter, a: int, b: int, full: bool):
        self.ctx, self.em, self.full = ctx, em, full
        f = ctx.folded
        self.lines = [(m.start(), m.end()) for m in _LINE.finditer(f, a, b)]
        self.contents = line_contents(ctx.text, f, self.lines)
        self.depths = depths(f, self.lines, self.contents)
        self.ends = item_ends(f, self.lines, self.contents, self.depths)
        self.stack: list[list] = []
        self.prev_item: Optional[tuple] = None
        self.named_depths: set = set()  # depths of items whose heading is a body name
        self.listed: Optional[_Listed] = None
        # labelled sub-tasks without a marker (a Word export lost their bullets): per item,
        # the current sub-task (item, task, roles labelled); the last unmarked task line
        self.subtasks: dict = {}
        self.plain: Optional[tuple[int, str]] = None
        self.may = False  # whether a body may be read on the current line (Ctx.may_name)

    def run(self) -> None:
        f = self.ctx.folded
        for idx, (la, lb) in enumerate(self.lines):
            if f.find("|", la, lb) >= 0 and _TABLE_ROW.match(f, la, lb):
                continue
            cs, kind = self.contents[idx]
            depth = self.depths[idx]
            if kind is not None:
                while self.stack and self.stack[-1][0] >= depth:
                    self.stack.pop()
                if self.listed is not None and depth <= self.listed.depth:
                    self.listed = None
            task = self.ctx.text[cs:lb]
            self.may = self.ctx.may_name(cs, lb)  # a line where no body can be read names none
            if self.listed is not None and kind in ("bullet", "plus") and not _LABEL.match(f, cs, lb):
                self._listed_line(cs, lb, task)
            elif not self._heading(idx, la, lb, cs, kind, depth, task) and not self._label(idx, la, lb, cs, kind, depth, task):
                self._paragraph(idx, la, lb, cs, kind, depth, task)

    def _broken(self, idx: int) -> bool:
        """The line before is long and stops mid-sentence."""
        if not idx:
            return False
        f = self.ctx.folded
        pa, pb = self.lines[idx - 1]
        while pb > pa and f[pb - 1].isspace():
            pb -= 1
        return pb - pa > 60 and f[pb - 1] in _OPEN_END

    def _listed_line(self, cs: int, lb: int, task: str) -> None:
        """ "- Sở Tài chính và các đơn vị có liên quan ...": bodies of the role above."""
        lst = self.listed
        found = _partner_list(self.ctx, cs, _clause_end(self.ctx, cs, lb))
        self.em.add(found, lst.role, lst.task, lst.item)
        if found and lst.both:
            self.listed = lst._replace(role="coordinate", both=False)
        if not lst.label:
            _roles_in(self.ctx, self.em, cs, lb, [], task, lst.item, self.full, opens=False)

    def _heading(self, idx, la, lb, cs, kind, depth, task) -> bool:
        """An item whose heading is only bodies: they lead everything below it."""
        ctx = self.ctx
        bodies = _only_bodies(ctx, cs, lb) if self.may and (kind not in (None, "bullet", "plus") or (
            kind is None and cs == la and idx and not self.full)) else []
        if not bodies and kind == "num":
            bodies = _named_heading(ctx, cs, lb, asked_only=not (self.full or depth in self.named_depths))
        if not bodies:
            return False
        self.named_depths.add(depth)
        end = self.ends[idx]
        nxt = _LINE.search(ctx.text, lb, max(end, lb))
        self.em.add(bodies, "lead", nxt.group() if nxt else task, (la, end))
        self.stack.append([depth, la, end, task, bodies])
        return True

    def _label(self, idx, la, lb, cs, kind, depth, task) -> bool:
        """ "Cơ quan chủ trì: X" on its line, or a label sub-heading with bullets below."""
        f = self.ctx.folded
        lab = _LABEL.match(f, cs, lb) if f.find(":", cs, lb) >= 0 else None  # a label ends with ":"
        head = None if lab else _LABEL_HEAD.match(f, cs, lb)
        if not lab and not head:
            return False
        m = lab or head
        parent = next((s for s in reversed(self.stack) if s[0] < depth), None)
        ptask = parent[3] if parent else task
        item = (parent[1], parent[2]) if parent else (la, self.ends[idx])
        role = "coordinate" if m.group("what") == "phoi hop" else "lead"
        if lab:
            item, ptask = self._subtask(item, ptask, role)
            _labelled(self.ctx, self.em, lab.end(), lb, role, ptask, item, both=bool(lab.group("both")))
        else:
            # an unmarked label ends with the item it belongs to
            self.listed = _Listed(depth if kind is not None else parent[0] if parent else 0, item, role, ptask,
                                  True, bool(head.group("both")))
        return True

    def _subtask(self, item: tuple[int, int], task: str, role: str) -> tuple[tuple[int, int], str]:
        """(item, task) a label charges. A role labelled again in the same item after an
        unmarked task line ("Nghị định A" / "Chủ trì: X" / "Nghị định B" / "Chủ trì: X")
        opens a sub-task of its own there: two tasks, not one read twice."""
        cur = self.subtasks.get(item)
        if cur is None:
            cur = self.subtasks[item] = [item, task, set()]
        if role in cur[2] and self.plain is not None and self.plain[0] > cur[0][0]:
            cur[:] = [(self.plain[0], item[1]), self.plain[1], set()]
        cur[2].add(role)
        self.plain = None
        return cur[0], cur[1]

    def _paragraph(self, idx, la, lb, cs, kind, depth, task) -> None:
        """A task line: its roles, charged to its own item or the item above it."""
        ctx, f = self.ctx, self.ctx.folded
        if kind is None:
            self.plain = (la, task)
        elif kind not in ("bullet", "plus"):
            self.plain = None  # a numbered item: bullets below a plain line are its details
        broken = self._broken(idx)
        inherited = next((entry for entry in reversed(self.stack) if entry[4]), None)
        end = self.ends[idx]
        if kind is not None:
            self.stack.append([depth, la, end, task, []])
            if _dangling_partner(f, cs, lb):
                self.listed = _Listed(depth, (la, end), "coordinate", task, False)
        item = (la, end) if kind is not None else (
            (self.stack[-1][1], self.stack[-1][2]) if self.stack else (la, lb))
        opening = _opens_with_bodies(ctx, cs, lb) if self.may and kind is None and not broken and (
            inherited is not None or self.stack) else []
        if opening and not (inherited is not None and _same_bodies(opening, inherited[4])):
            # "Ủy ban nhân dân Thành phố yêu cầu các Sở ...": a paragraph naming its own
            # subject after the last item is a task of its own, not the item's (unless it
            # names the heading's body again: "2. Sở Tài chính" / "Giao Sở Tài chính chủ trì")
            item, inherited = (la, lb), None
        elif inherited is not None and kind is None:
            item = (inherited[1], inherited[2])
        if kind is None and broken and self.prev_item is not None:
            item = self.prev_item
        self.prev_item = item
        if self.may or f.find("chu tri", cs, lb) >= 0:  # else no role to read (as _roles_in finds)
            _roles_in(ctx, self.em, cs, lb, inherited[4] if inherited else [], task, item, self.full,
                      opens=not (kind is None and broken))


def _dangling_partner(f: str, a: int, b: int) -> bool:
    """``_DANGLING_PARTNER.search(f, a, b)`` as a test: only the last "phoi hop" can end the
    line, so the pattern is tried there (from the sign before it), not at every position."""
    q = f.rfind("phoi hop", a, b)
    return q >= 0 and _DANGLING_PARTNER.match(f, max(a, q - 1), b) is not None


def _region(ctx: _Ctx, em: _Emitter, a: int, b: int, full: bool) -> None:
    """Walk the lines of a region: items, headings made of bodies, labelled lines."""
    _Walker(ctx, em, a, b, full).run()


def _opens_with_bodies(ctx: _Ctx, a: int, b: int) -> list[BodyMatch]:
    """The specific bodies the paragraph [a, b) opens with (after "Giao", "Đề nghị", "Sau khi
    ...,"), else []."""
    o = _OPENER.match(ctx.folded, a, b)
    a = o.end() if o else a
    m = _LEAD_IN.match(ctx.folded, a, b)
    found = parse_list(ctx, m.end() if m else a, b)
    if found and not all(x.generic for x in found) and not _is_author_or_object(ctx, found[-1].end, b):
        return found
    return []


def _same_bodies(found: list[BodyMatch], heading: list[BodyMatch]) -> bool:
    """Every body of ``found`` is one of the heading's."""
    names = {key_of(x.canonical) for x in heading}
    return all(key_of(x.canonical) in names for x in found)


def _labelled(ctx: _Ctx, em: _Emitter, a: int, b: int, role: str, task: str, item, both: bool = False) -> None:
    """ "Cơ quan chủ trì: X; Y ..." -> each clause's opening list takes the label's role.

    Bodies the gazetteer lacks are read too ("Trung tâm Thông tin tỉnh"). Under "Cơ quan
    chủ trì, phối hợp:" the first list leads and the lists after it coordinate.
    """
    f = ctx.folded
    pos = a
    while pos < b:
        end = _clause_end(ctx, pos, b)
        found = _partner_list(ctx, _skip_ws(f, pos), end)
        em.add(found, role, task, item)
        if role == "lead":
            for m in _PHOI_HOP.finditer(f, pos, end):
                em.add(parse_list(ctx, m.end(), end), "coordinate", task, item)
        if found and both:
            role = "coordinate"
        pos = end + 1
