"""Kinds of directives: numbered items that assign work to a body are tasks."""
from __future__ import annotations

from ..lang.text import fold
from ..model import Section
from .headings import _heading

def _lead_clause(sec: Section, v: dict) -> str:
    """The heading of an item, or for an item of running prose its first clause."""
    if sec.heading:
        return sec.heading
    line = sec.text[:sec.text.find("\n")] if "\n" in sec.text else sec.text
    return line[:_heading(line, 0, v)[0]]


def _is_body_head(h: str, v: dict) -> bool:
    """Is a (folded) heading the name of a body ("sở y tế", "đề nghị ủy ban mặt trận ...")?"""
    return len(h.split()) <= 25 and bool(v["body_head_re"].match(h))


def _assigns(sec: Section, v: dict) -> bool:
    """Does a numbered item assign work? Its heading (or first clause) is a body's name
    ("Sở Y tế"), or its heading or opening text says so ("chủ trì", "có trách nhiệm")."""
    h = fold(_lead_clause(sec, v)[:300])
    if _is_body_head(h, v):
        return True
    probe = h + " " + fold(sec.text[:300])
    return any(c in probe for c in v["assign_cues"])


def _directive_kinds(top: list, text: str, preamble: list, v: dict) -> None:
    """Numbered directives (a Chỉ thị's "4. Sở Nông nghiệp và Môi trường: a) ...") are tasks.

    Only when no heading in the outline names a kind: the items of a document typed as a
    directive are tasks when one of them assigns work, of any other when most of them do;
    whatever the type, a section headed by a body's name ("4. Sở Xây dựng", "Đề nghị Ủy ban
    Mặt trận ...") assigns work to it, so it and its sub-items are tasks.
    """
    main = [s for s in top if s.number and not s.number.startswith(v["appx_number"])]
    if not main or any(x.kind != "other" for s in main for x in s.walk()):
        return
    directive = v["directive_re"].search(text, 0, min(len(text), max(preamble[1], 0) + 1, 8000))
    k = sum(_assigns(s, v) for s in main)
    if k and (directive or (len(main) >= 2 and 2 * k >= len(main))):
        for s in main:
            for x in s.walk():
                x.kind = "tasks"
        return
    for s in main:
        _body_sections_are_tasks(s, v)


def _body_sections_are_tasks(sec: Section, v: dict) -> None:
    if sec.heading and _is_body_head(fold(sec.heading[:300]), v):
        for x in sec.walk():
            x.kind = "tasks"
        return
    for ch in sec.children:
        _body_sections_are_tasks(ch, v)
