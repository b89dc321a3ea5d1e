"""Lists of bodies: "X, Y và các cơ quan liên quan", office-holders standing for their body,
boards sharing the committee named after the last one, names the gazetteer lacks."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...lang import patterns, vocab
from ...lang.bodies import list_word_at
from ...lang.fold import fold_same_length
from ...lang.gazetteer import BodyMatch
from ...lang.open_names import open_name
from .common import _Ctx, _SEP


def _item_at(ctx: _Ctx, pos: int, limit: int, going_on: bool, unknown: bool, holders: str) -> Optional[BodyMatch]:
    """The body an item of a list names at ``pos``: a known name, an organ sharing the
    committee named after it, a list word (only once the list is ``going_on``), an
    office-holder's body, an organisation the gazetteer lacks (``unknown``)."""
    f = ctx.folded
    b = ctx.at(pos)
    if b is None and _organ_re().match(f, pos, limit):
        b = _shared_committee(ctx, pos, limit)  # "Ban Tổ chức, Ban Tuyên giáo Tỉnh ủy"
    if b is None and going_on:  # "Sở Y tế và các đơn vị": list words only go on a list
        b = list_word_at(ctx.text, f, pos)
    if (b is None or b.weak) and holders:
        b = _holder(ctx, pos, limit, holders) or b
    if unknown and (b is None or b.weak or b.end > limit):
        o = open_name(ctx.flat, f, pos, limit, lambda i: ctx.at(i) is not None)
        b = o if o is not None and (b is None or o.end > b.end) else b
    return b


def parse_list(ctx: _Ctx, pos: int, limit: int, unknown: bool = False, holders: str = "") -> list[BodyMatch]:
    """The list of bodies starting at ``pos`` ("X, Y và các cơ quan liên quan"); [] if none.

    ``unknown``: a body the gazetteer lacks is read too, by its head noun and capitalised
    name ("Trung tâm Chính trị thành phố"). A collective phrase runs on over the list words
    after a comma ("các cơ quan, đơn vị, địa phương"): one entry, never split.
    ``holders``: an office-holder ("Giám đốc Sở Tài chính") stands for the body whose office
    it holds: "body" gives that body (a task's lead), "written" the phrase as written (a
    report's receiver, "Bộ trưởng Bộ Y tế").
    """
    out: list[BodyMatch] = []
    f = ctx.folded
    while pos < limit:
        while pos < limit and f[pos] in " \t":
            pos += 1
        b = _item_at(ctx, pos, limit, bool(out), unknown, holders)
        if b is None or b.end > limit or (b.weak and not out):
            break
        if out and out[-1].generic and b.weak and f[out[-1].end:b.start].strip() == ",":
            last = out.pop()
            b = BodyMatch(last.start, b.end, " ".join(ctx.text[last.start:b.end].split()),
                          last.canonical + f[last.end:b.start].rstrip() + " " + b.canonical, True, last.kind)
        out.append(b)
        m = _SEP.match(f, b.end, limit)
        if not m:
            break
        pos = m.end()
    return out


@lru_cache(maxsize=2)
def _organ_re(before_committee: bool = False) -> re.Pattern:
    """A party organ named without its committee ("Ban Tổ chức"), folded, from bodies.yaml:
    before a list separator, or (``before_committee``) before the committee's name."""
    organs = (vocab.load("bodies") or {}).get("party_organs") or []
    names = {fold_same_length(n) for o in organs for n in [o["name"]] + list(o.get("aliases") or []) if len(n) > 3}
    after = r"[ \t]+" if before_committee else r"(?=[ \t]*,|[ \t]+va[ \t])"
    return re.compile(patterns.alternation(names, r"[ \t]+") + after)


_ORGAN_SEP = re.compile(r"[ \t]*,[ \t]*|[ \t]+va[ \t]+")


def _shared_committee(ctx: _Ctx, pos: int, limit: int) -> Optional[BodyMatch]:
    """Boards named together share the committee written after the last one ("Ban Tổ chức,
    Ban Tuyên giáo và Ban Dân vận Tỉnh ủy"): the organ at ``pos`` as written, its canonical
    name with that committee; None when the list ends on no organ of a committee."""
    f, at, own = ctx.folded, pos, None
    for _ in range(8):
        m = _organ_re().match(f, at, limit)
        nxt = _ORGAN_SEP.match(f, m.end(), limit) if m else None
        if nxt is None:
            return None
        own = own or m.end()
        at = nxt.end()
        last = ctx.at(at)
        if last is not None and last.kind == "party" and not last.generic and last.end <= limit:
            organ = " ".join(ctx.text[pos:own].split())
            committee = _committee_of(last.canonical)
            return BodyMatch(pos, own, organ, f"{organ} {committee}", False, "party") if committee else None
    return None


def _committee_of(canonical: str) -> Optional[str]:
    """ "Ban Dân vận Tỉnh ủy" -> "Tỉnh ủy": the committee after a party organ's name."""
    m = _organ_re(True).match(fold_same_length(canonical))
    return (canonical[m.end():].strip() or None) if m else None


@lru_cache(maxsize=1)
def _office_re() -> Optional[re.Pattern]:
    """ "Bộ trưởng " / "Giám đốc " ... (folded) from bodies.yaml office_holders."""
    titles = {fold_same_length(t) for t in (vocab.load("bodies") or {}).get("office_holders") or []}
    return re.compile(patterns.alternation(titles, " ") + r"[ \t]+") if titles else None


def _holder(ctx: _Ctx, pos: int, limit: int, mode: str) -> Optional[BodyMatch]:
    """The body of an office-holder written at ``pos`` ("Chánh Văn phòng UBND tỉnh"), else None."""
    office = _office_re()
    m = office.match(ctx.folded, pos, limit) if office is not None else None
    if m is None:
        return None
    # the title may open the body's own name: "Chánh Văn phòng" + "UBND tỉnh"
    body = next((x for x in ctx.within(pos + 1, m.end()) if x.end > m.end() and not x.weak), None) or ctx.at(m.end())
    if body is None or body.weak:
        body = _open_body(ctx, pos, m.end(), limit)  # "Vụ trưởng Vụ Pháp chế", "Chánh Văn phòng Bộ"
    if body is None or body.weak or body.end > limit:
        return None
    if mode == "body" and not body.generic:
        return body
    written = " ".join(ctx.text[pos:body.end].split())
    return BodyMatch(pos, body.end, written, written, body.generic, body.kind)


def _open_body(ctx: _Ctx, pos: int, end: int, limit: int) -> Optional[BodyMatch]:
    """A body the gazetteer lacks after an office title ending at ``end``, or opening inside
    the title ("Chánh Văn phòng" + "Bộ": "Văn phòng Bộ"), else None."""
    known = lambda i: ctx.at(i) is not None  # noqa: E731
    for at in [i + 1 for i in range(pos, end - 1) if ctx.folded[i] == " "] + [end]:
        o = open_name(ctx.flat, ctx.folded, at, limit, known)
        if o is not None and o.end > end:
            return o
    return None
