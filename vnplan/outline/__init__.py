"""Outline: cleaned text -> section tree, preamble span and footer span.

The segmenter works like a real outline parser: a line that starts with a numbering marker
(``I-``, ``II.``, ``1.``, ``2.1.``, ``a)``, ``Chương I``, ``Điều 1.``) is a *candidate*; its nesting comes
from the order in which marker styles first appear (so a document whose top level is ``1.``
works), and it is accepted only if its number continues the sequence at its level. That
sanity check is what rejects "2020 ..." or "45-NQ/TW ..." lines and numbered sentences.
Bullets (``-``, ``+``, ``•``, ``*``) and table rows (``| ... |``) are never sections.
A top-level number that repeats or goes back on a line alone naming a part of the plan
("IV. PHÂN CÔNG NHIỆM VỤ" ... "IV. TỔ CHỨC THỰC HIỆN") starts a new part, with a warning.

Headings: an item has one when its line is the heading ("1. Mục đích"), when a short label
ends in ":" ("1. Sở Nội vụ: chủ trì ..."), or when its one-sentence line is followed at once
by its sub-items; a number followed by running prose has none (its text starts at once).
Kinds still read an item's first clause, so a long running clause keeps its parent's kind.

Around the outline: the footer (Nơi nhận and signature) ends where an appendix starts. The
appendices ("PHỤ LỤC II", "DANH MỤC NHIỆM VỤ ...") are not sections: ``Outline.appendix`` spans
them, from the first to the end of the text. An attached document's title in mid-document (the
KẾ HOẠCH a Quyết định issues), with the decision's signature block before it, ends the article
before it; a decision that issues a plan keeps the plan's outline, its own articles going to
the preamble (``issued``). A legal-style text is its Chương / Mục / Điều / Khoản tree. Every
non-space character stays in the preamble, a top-level span, the footer or the appendix part.
"""
from __future__ import annotations

from .segmenter import Outline, apply, segment

__all__ = ["Outline", "apply", "segment"]
