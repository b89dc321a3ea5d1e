"""Markdown task tables: the "chủ trì" column leads, the "phối hợp" column coordinates."""
from __future__ import annotations

import re
from typing import Iterator, Optional
from ...model import Assignment
from ...lang.gazetteer import BodyMatch
from .common import _Ctx, _Emitter, _TABLE_ROW

def _tables(ctx: _Ctx, em: _Emitter, a: int, b: int) -> None:
    """Markdown task tables: the "chủ trì" column leads, the "phối hợp" column coordinates."""
    f = ctx.folded
    if f.find("|", a, b) < 0:
        return
    cols: Optional[dict] = None
    prev_end = -2
    for m in _table_rows(f, a, b):
        if m.start() > prev_end + 1:
            cols = None  # a new table
        prev_end = m.end()
        cells = _cells(f, m.start(), m.end())
        if cols is None:
            heads = [f[x:y] for x, y in cells]
            lead = next((i for i, h in enumerate(heads) if "chu tri" in h or "thuc hien" in h and "co quan" in h
                         or "don vi thuc hien" in h or "trach nhiem" in h), None)
            if lead is not None:
                coord = next((i for i, h in enumerate(heads) if "phoi hop" in h), None)
                task = next((i for i, h in enumerate(heads) if "nhiem vu" in h or "noi dung" in h
                             or "ten" in h.split()), None)
                cols = {"lead": lead, "coord": coord, "task": task}
            continue
        if set(f[m.start():m.end()]) <= set("|-: \t"):
            continue
        task = ctx.text[cells[cols["task"]][0]:cells[cols["task"]][1]].strip() if (
            cols["task"] is not None and cols["task"] < len(cells)) else ctx.text[m.start():m.end()]
        item = (m.start(), m.end())
        for role, ci in (("lead", cols["lead"]), ("coordinate", cols["coord"])):
            if ci is not None and ci < len(cells):
                _cell(ctx, em, cells[ci], role, task, item)


def _table_rows(f: str, a: int, b: int) -> Iterator[re.Match]:
    """The matches of ``_TABLE_ROW.finditer(f, a, b)``, tried only on the lines holding a "|"
    (the "^" of a multi-line pattern is otherwise tried at every position of the text)."""
    pos = f.find("|", a, b)
    while pos >= 0:
        ls = f.rfind("\n", 0, pos) + 1
        m = _TABLE_ROW.match(f, ls, b) if ls >= a else None
        if m:
            yield m
        le = f.find("\n", pos, b)
        if le < 0:
            return
        pos = f.find("|", le, b)


_BAR = re.compile(r"\|")


def _cells(f: str, a: int, b: int) -> list[tuple[int, int]]:
    bars = [m.start() for m in _BAR.finditer(f, a, b)]
    out = []
    for x, y in zip(bars, bars[1:]):
        x += 1
        while x < y and f[x] in " \t":
            x += 1
        while y > x and f[y - 1] in " \t":
            y -= 1
        out.append((x, y))
    return out


def _cell(ctx: _Ctx, em: _Emitter, cell: tuple[int, int], role: str, task: str, item) -> None:
    """Every body of a responsibility cell; unknown names between commas count too."""
    a, b = cell
    found = [x for x in ctx.within(a, b) if x.end <= b and not x.weak]
    em.add(found, role, task, item)
    pos = a
    pieces = []
    for x in found + [None]:
        stop = x.start if x else b
        for piece in re.finditer(r"[^,;]+", ctx.text[pos:stop]):
            if piece.start() == 0 and pos > a:
                continue  # the tail of the body before it ("Các doanh nghiệp viễn thông")
            s = piece.group().strip(" \t.-")
            if len(s.split()) >= 2 and s.lower() not in ("và", "các"):
                st = pos + piece.start() + piece.group().find(s)
                pieces.append(BodyMatch(st, st + len(s), s, s, False, "other"))
        pos = x.end if x else b
    for p in pieces:
        key = (item, p.canonical.lower(), role)
        if key in em.seen:
            continue
        em.seen.add(key)
        em.out.append((Assignment(body=p.surface, canonical=None, role=role, generic=False, text=task or None,
                                  section=em.section_of(p.start), span=[p.start, p.end]), item))


