"""A decision that issues a plan keeps the plan's outline, not its own articles.

A Quyết định "ban hành kèm theo" a Kế hoạch (a Đề án, a Chương trình, a Quy định) is read for
what it issues: its articles (Điều 1-3) and the attached document's title go to the preamble,
and the attached document's outline is the outline. Two layouts are met: the attached
document after the decision's signature (an unnumbered title block, then I, II ...), and the
plan written inside an article ("Điều 1. Phê duyệt Đề án ... với những nội dung sau: I. ...
II. ...; Điều 2 ..."), whose Roman (or capital-letter) items become the top level while the
articles after it join the footer.
"""
from __future__ import annotations

from typing import Optional

from ..lang.markers import number_style
from ..lang.text import fold
from ..model import Section
from .headings import _kind_of
from .markers import _legal

_PLAN_TOP = ("roman", "upper")  # the numbering styles of the top level of a plan


def _article_label() -> Optional[str]:
    return next((label for style, label, _ in _legal()[1] if style == "dieu"), None)


def _is_article(sec: Section, label: str) -> bool:
    return bool(sec.number) and sec.number.startswith(label + " ")


def issued_plan(top: list, preamble: list, footer: Optional[list], text: str, v: dict) -> tuple:
    """(top, preamble, footer) with the issued document's outline in place of the decision's.

    The attached document follows an unnumbered title block: it is what the text issues when
    the part before it is all articles, or names what it issues ("ban hành kèm theo Nghị
    quyết này Chương trình hành động ...": ``issue_cues`` in headings.yaml).
    """
    label = _article_label()
    if not label or not top:
        return top, preamble, footer
    appx = v["appx_number"]
    b = next((i for i, s in enumerate(top) if s.number is None), None)
    if b and b + 1 < len(top) and top[b + 1].number and not top[b + 1].number.startswith(appx):
        cover = top[:b]
        if all(_is_article(s, label) for s in cover) or _names_issue(text, cover, v):
            plan = top[b + 1:]
            return plan, [preamble[0], plan[0].span[0]], footer
    if not _is_article(top[0], label):
        return top, preamble, footer
    k = next((i for i, s in enumerate(top) if not _is_article(s, label)), len(top))
    for j in range(k):
        kids = top[j].children
        if kids and number_style(kids[0].number or "") in _PLAN_TOP:
            return _promote(top, j, k, preamble, footer)
    return top, preamble, footer


def _names_issue(text: str, cover: list, v: dict) -> bool:
    """Does the cover part (before the attached title) say it issues a document?"""
    if not cover:
        return False
    f = fold(text[cover[0].span[0]:cover[-1].span[1]][:20000])
    return any(c in f for c in v["issue_cues"])


def _promote(top: list, j: int, k: int, preamble: list, footer: Optional[list]) -> tuple:
    """Article ``j`` holds the plan: its items become the top level, the articles after it
    (up to ``k``) start the footer."""
    art = top[j]
    plan = art.children
    cut = len(art.id) + 1
    taken = {x.id for s in top[k:] for x in s.walk()}
    if any(x.id[cut:] in taken for s in plan for x in s.walk()):
        return top, preamble, footer  # ids must stay unique: keep the articles
    for sec in plan:
        for x in sec.walk():
            x.id = x.id[cut:]
            x.level -= 1
        sec.kind = _kind_of(sec.heading, True) or sec.kind
        for x in sec.walk():
            if x is not sec and x.kind == art.kind:
                x.kind = sec.kind
    rest = top[j + 1:k]
    if rest:
        end = footer[1] if footer and footer[0] >= rest[-1].span[0] else rest[-1].span[1]
        footer = [rest[0].span[0], max(end, rest[-1].span[1])]
        plan[-1].span[1] = min(plan[-1].span[1], rest[0].span[0])
    return plan + top[k:], [preamble[0], plan[0].span[0]], footer
