"""Heading lines: the heading an item has (if any), its kind, and the accepting of a marker line."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from ..lang.markers import LEAD
from ..lang.text import fold
from ..model import Section, Warning_
from .markers import RECIP_SRC, _REST_OK, _REST_SKIP, _TERM, _DIVISIONS, _Cand, _Frame, _candidates, _is_first, _place
from .vocab import _STRIP_TABLE, _vocab

def _heading(line: str, start: int, v: dict) -> tuple:
    """(clause end, body start, alone, form) for the item text at ``line[start:]``.

    The clause is the line when nothing follows it, else the first clause up to "." or ":"
    (capped near 200 characters); it is what kind detection reads. ``form`` says whether it
    is the item's heading: "line" (the whole line, "1. Mục đích"; or a line ending in ":"),
    "label" (a short label before ":" and running text, "1. Sở Nội vụ: chủ trì ..."),
    "sentence" (one sentence ending in "." or ";" that fills the line: a heading only when
    short or when the item's sub-items follow it at once) or "run" (running prose after the
    number: no heading).
    """
    n = len(line)
    limit = min(n, start + 201)
    for m in _TERM.finditer(line, start, limit):
        p = m.start()
        if line[p] == ".":
            word = line[max(line.rfind(" ", start, p), line.rfind("\t", start, p), start - 1) + 1:p]
            word = word.lstrip("(“\"")
            if word in v["abbrev"] or (len(word) == 1 and word.isupper()):
                continue
        if p <= start:
            continue
        if not line[p + 1:].strip(" \t*"):
            return p, n, n - start <= 150, "line" if line[p] == ":" else "sentence"
        words = len(line[start:p].split())
        if line[p] == ":" and words <= v["label_max_words"]:
            rest = line[p + 1:].rstrip(" \t*")
            if n - start <= 150 and not rest.endswith((".", ";")) and not _TERM.search(rest):
                return n, n, True, "line"  # "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền"
            return p, p + 1, False, "label"
        if line[p] == "." and words <= v["dot_label_words"] and _kind_of(line[start:p], False):
            return p, p + 1, False, "label"  # "1. Mục tiêu chung. Phấn đấu ..."
        return p, p + 1, False, "run"
    # a long line with no clause end is still a title ("I. Nhất trí những nội dung ... đã nêu"),
    # unless it strings clauses with ";" (prose cut short)
    if n - start <= 200 or (n - start <= v["line_head_chars"] and ";" not in line
                            and not _TERM.search(line, limit)):
        form = "sentence" if line.rstrip(" \t*").endswith(";") else "line"
        return n, n, n - start <= 150, form
    semi = line.rfind(";", start, start + 200)
    if semi > start:
        return semi, semi + 1, False, "run"
    sp = line.rfind(" ", start, start + 200)
    cut = sp if sp > start else start + 200
    return cut, cut, False, "run"


def _bold_head(line: str, start: int) -> int:
    """End of a markdown bold run open at ``start`` ("**1. Sở Nội vụ:** chủ trì"), else -1:
    in uncleaned markdown a bold lead is the item's heading whatever follows it."""
    if line.count("**", 0, start) % 2 == 0:
        return -1
    q = line.find("**", start, start + 250)
    return q if q > start else -1


def _kind(heading: Optional[str], anywhere: bool, v: dict) -> Optional[str]:
    """The kind a heading names, by the vocabulary word that comes first in it.

    ``anywhere``: a title such as "MỘT SỐ NHIỆM VỤ, GIẢI PHÁP" may name its kind at any
    place; an item's running text ("Bám sát quan điểm ...") names one only at its start,
    after lead words such as "các", "những".
    """
    if not heading:
        return None
    h = fold(heading[:240 if anywhere else 60].replace("_", " "))[:200]
    s = h.translate(_STRIP_TABLE)
    if anywhere:
        cut = len(h)
    else:
        words = s.split(" ")
        i = 0
        while i < len(words) - 1 and words[i] in v["lead"]:
            i += 1
        cut = len(" ".join(words[:i])) + (1 if i else 0)
    m = v["folded_re"].search(h)
    if m and m.start() <= cut:
        return v["folded"][m.group(0)]
    m = v["stripped_re"].search(s)
    if m and m.start() <= cut:
        return v["stripped"][m.group(0)]
    if len(s) > (120 if anywhere else 40):
        return None
    best = None
    for kw, kind in v["stripped"].items():
        if len(kw) < 7 or len(s) < len(kw):
            continue
        r = fuzz.partial_ratio_alignment(kw, s, score_cutoff=86)
        if r is None or r.dest_start > cut or (r.dest_start and s[r.dest_start - 1] != " "):
            continue
        if best is None or r.dest_start < best[0]:
            best = (r.dest_start, kind)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _kind_of(heading: Optional[str], anywhere: bool) -> Optional[str]:
    """``_kind`` memoized: headings repeat ("Mục đích", "Sở Tài chính"), the fuzzy pass is costly."""
    return _kind(heading, anywhere, _vocab())


# A note in brackets after a title in capitals ("NHIỆM VỤ (chi tiết tại Phụ lục)") keeps it a title.
_NOTE = re.compile(r"[ \t]*\([^()\n]{0,120}\)[ \t*]*$")


def _is_caps(s: str) -> bool:
    return any(c.isalpha() for c in s) and s.upper() == s


def _continues(nxt: str, any_text: bool, v: dict) -> bool:
    """Can line ``nxt`` be the rest of a heading begun on the line before it?"""
    lead = LEAD.match(nxt).end()
    body = nxt[lead:]
    if not body.strip() or body[0] in "|-+•*" or _footer_trigger(nxt, v):
        return False
    if any(_REST_OK.match(nxt, c.end) for c in _candidates(nxt, lead)):
        return False
    return any_text or (len(body) <= 100 and _is_caps(_plain(body)))


def _doc_title_line(line: str, v: dict) -> bool:
    """Is ``line`` a document's title in capitals ("KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG NĂM 2031")?"""
    p = _plain(line)
    return _is_caps(p) and any(p == t or p.startswith(t + " ") for t in v["titles"])


def _plain(line: str) -> str:
    """A line without emphasis, tabs and outer spaces, for footer and title tests."""
    return line.replace("*", "").replace("_", " ").strip(" \t\u00a0:.")


_NOI_NHAN = re.compile(r"[ \t\u00a0*_]*" + RECIP_SRC, re.I)


def _footer_trigger(line: str, v: dict) -> Optional[str]:
    """"start" if the signature/Nơi nhận block starts at this line, "after" if after it."""
    if _NOI_NHAN.match(line):
        return "start"
    p = _plain(line)
    if not p:
        return None
    if p.endswith("./") or line.rstrip(" \t*").endswith("./."):
        return "after"
    if p.upper() != p or not any(c.isalpha() for c in p) or len(p) > 80:
        return None
    if v["auth_re"].match(p) or p in v["posts"]:
        return "start"
    return None


def _unique(path: str, ids: dict) -> str:
    """``path``, or ``path~k`` on its k-th use (a counter per path: linear on repeats)."""
    k = ids.get(path, 0) + 1
    ids[path] = k
    return path if k == 1 else f"{path}~{k}"


def _repeat_ok(stack: list, c: _Cand) -> bool:
    """Might ``c`` restart the top level? Its style is the top level's and its number repeats
    or goes back ("IV. PHÂN CÔNG NHIỆM VỤ" ... "IV. TỔ CHỨC THỰC HIỆN")."""
    if not stack or stack[0].style != c.style or c.style in ("letter", "upper"):
        return False
    return c.value <= stack[0].value


def _run_on(clause: str, v: dict) -> bool:
    """A long sentence in sentence case after the number is running prose, not a heading,
    even alone on its line ("I- Tán thành những nội dung cơ bản ... trình Đại hội.")."""
    return len(clause.split()) > v["run_on_words"] and not _is_caps(_NOTE.sub("", clause))


def _next_part(text: str, npos: int, any_text: bool, v: dict) -> Optional[tuple]:
    """The line at ``npos`` read as the rest of a heading begun above it, else None:
    (line start, lead, clause end, body start, alone, form), offsets in the line."""
    nnl = text.find("\n", npos)
    nxt = text[npos:len(text) if nnl < 0 else nnl]
    if not _continues(nxt, any_text, v):
        return None
    nlead = LEAD.match(nxt).end()
    nh_end, nb, nalone, nform = _heading(nxt, nlead, v)
    if not nxt[nlead:nh_end].strip(" \t*:;,."):
        return None
    return npos, nlead, nh_end, nb, nalone, nform


@dataclass
class _Item:
    """A marker line read as an item: its clause (heading or first clause) and where things are."""

    clause: Optional[str]
    cstart: int  # where the clause starts: the body of an item without heading
    body_at: int
    end: int  # end of the item's last heading line
    line: str  # that line
    alone: bool
    form: str  # see ``_heading``
    raw: str = ""  # the clause as printed, its inner punctuation kept ("MỤC ĐÍCH,")


def _read_item(text: str, pos: int, end: int, line: str, c: _Cand, v: dict) -> _Item:
    hstart = _REST_SKIP.match(line, c.end).end()
    hend, bstart, alone, form = _heading(line, hstart, v)
    q = _bold_head(line, hstart) if "**" in line else -1
    if q > 0:
        hend, bstart, form = q, q + 2, "line" if form == "sentence" else "label"
    raw = line[hstart:hend].strip(" \t*")
    return _Item(raw.strip(" \t*:;,.") or None, pos + hstart, pos + bstart, end, line, alone, form, raw)


def _join_lines(text: str, it: _Item, c: _Cand, v: dict) -> None:
    """A heading split over lines: the marker alone ("Điều 1." / "Chương II" then its title),
    or a heading in capitals continued in capitals ("IV. TỔ" "CHỨC ...")."""
    n = len(text)
    for _ in range(2):
        if it.end >= n or not (it.clause is None or (it.alone and it.form == "line" and _is_caps(it.clause))):
            return
        more = _next_part(text, it.end + 1, it.clause is None and not c.bare, v)
        if more is None:
            return
        npos, nlead, nh_end, nb, it.alone, it.form = more
        if it.clause is None:
            it.cstart = npos + nlead
        part = text[npos + nlead:npos + nh_end].strip(" \t*:;,.")
        # "MỤC ĐÍCH," / "YÊU CẦU" -> "MỤC ĐÍCH, YÊU CẦU": the comma at the break stays
        it.clause = f"{it.raw.rstrip(' :;.')} {part}" if it.clause else part
        it.raw = it.clause
        it.body_at = npos + nb
        end = text.find("\n", npos)
        it.end = n if end < 0 else end
        it.line = text[npos:it.end]


def _fits(it: _Item, c: _Cand, stack: list, repeat: bool) -> bool:
    """May the item stand as read? Divisions and bare numbers head titles; a repeated or
    backward top number heads a part title."""
    clause, form = it.clause, it.form
    if c.style in _DIVISIONS and clause is not None and form != "line":
        return False  # "Chương II" / "Mục 1" head a title line, never a sentence
    if c.bare and clause is None:
        return False  # a bare "III" is a heading only over a title in capitals
    if c.dash and not (form == "line" and clause is not None and _is_caps(clause)):
        return False  # "A- ĐÁNH GIÁ TÌNH HÌNH" heads a part; "A-Lưới ..." is a name
    if not repeat:
        return True
    # a part title repeating the number before it ("IV" then "IV") is kept as printed when
    # in capitals; going back ("II" after "III") needs a title naming a part of the plan
    twice = c.value == stack[0].value and _is_caps(_NOTE.sub("", clause or ""))
    return form == "line" and _is_title(it) and (twice or bool(_kind_of(clause, True)))


def _is_title(it: _Item) -> bool:
    clause = it.clause
    return it.alone and clause is not None and (_is_caps(_NOTE.sub("", clause)) or len(clause.split()) <= 10)


def _kind_for(it: _Item, c: _Cand, parent: Optional[Section], v: dict) -> str:
    """An item's long first clause, with running text after it, names a task, not a part of
    the plan: "Tổ chức triển khai thực hiện các nội dung ..." under NHIỆM VỤ keeps its
    parent's kind, as does a long one-sentence item; a heading alone on its line still names
    its own. A top-level title, or an article's title ("Điều 12. Trách nhiệm tổ chức thực
    hiện"), may name its kind anywhere in it."""
    clause = it.clause
    sentence = it.line.rstrip(" \t*").endswith((".", ";"))
    label = (parent is None or clause is None or (it.alone and not sentence)
             or len(clause.split()) <= v["label_words"])
    kind = _kind_of(clause, (parent is None or c.style == "dieu") and _is_title(it)) if label else None
    return kind or (parent.kind if parent else "other")


def _head_of(it: _Item, c: _Cand, v: dict) -> tuple:
    """(heading, body start, pending). Only a heading is a heading: running prose after the
    number has none, and its body starts right after the number. An article ("Điều 2.
    Quyết định này có hiệu lực ...") keeps its line as written: its title is what follows
    "Điều N." by law."""
    clause, form = it.clause, it.form
    if c.style == "dieu" or clause is None:
        return clause, it.body_at, None
    if form == "run" or (form in ("line", "sentence") and _run_on(clause, v)):
        return None, it.cstart, None
    if form == "sentence" and not (_is_caps(clause) or len(clause.split()) <= v["sentence_head_words"]):
        return None, it.cstart, (clause, it.body_at)
    return clause, it.body_at, None


def _listed_kind(clause: str, v: dict) -> Optional[str]:
    """The first kind of a running clause that lists parts of a plan ("Tán thành ...
    đánh giá tình hình ... và phương hướng, mục tiêu, nhiệm vụ ..."), else None."""
    h = fold(clause[:300])
    kinds = [v["folded"][m.group(0)] for m in v["folded_re"].finditer(h)]
    return kinds[0] if len(set(kinds)) >= v["listed_kinds"] else None


def _excerpt_part(it) -> bool:
    """An excerpt that starts at a later part: "II. NHIỆM VỤ, GIẢI PHÁP" alone on its line, in
    capitals, before any other heading, opens the outline at II."""
    clause = (it.clause or "").strip()
    return bool(it.alone and clause and any(ch.isalpha() for ch in clause) and clause == clause.upper())


def _take_heading(text: str, pos: int, end: int, line: str, lead: int, stack: list, ids: dict,
                  top: list, v: dict, notes: list) -> tuple:
    """Accept the line at ``pos`` as a heading if a reading of its marker fits the outline.

    Returns (section or None, body start, end of the heading's last line, restart, pending);
    on success the section is linked into ``top``/``stack`` and its id counted in ``ids``;
    ``restart`` tells a top-level heading numbered first (a new outline begins there);
    ``pending`` = (heading, body start) for a one-sentence line that is the heading only if
    the item's sub-items follow it at once (decided by ``segment``), else None.
    A top-level number that repeats or goes back on a line alone that names a part of the
    plan starts a new part (id made unique); a note for the user goes to ``notes``.
    """
    for c in _candidates(line, lead):
        if not _REST_OK.match(line, c.end):
            continue
        late = not top and not stack and c.style == "roman" and not _is_first(c)
        repeat = not late and _place(stack, c, True, v) is None
        if repeat and (len(notes) >= v["max_part_repeats"] or not _repeat_ok(stack, c)):
            continue
        it = _read_item(text, pos, end, line, c, v)
        depth = 0 if repeat or (late and _excerpt_part(it)) else _place(stack, c, it.alone, v)
        if depth is None:
            continue
        _join_lines(text, it, c, v)
        if not _fits(it, c, stack, repeat):
            continue
        del stack[depth:]
        parent = stack[-1].section if stack else None
        sid = _unique((parent.id + "/" if parent else "") + c.number, ids)
        if repeat:
            prev = top[-1].number if top else None
            notes.append(Warning_("outline-numbering", f"part {c.number} ({it.clause}) repeats or goes back "
                                  f"after part {prev}: read as a new part {sid}", [pos, it.end]))
        kind = _kind_for(it, c, parent, v)
        heading, body_at, pending = _head_of(it, c, v)
        if parent is None and heading is None and pending is None and it.clause:
            kind = _listed_kind(it.clause, v) or kind
        sec = Section(id=sid, number=c.number, heading=heading, kind=kind, level=depth + 1,
                      text="", span=[pos, it.end])
        (parent.children if parent else top).append(sec)
        stack.append(_Frame(c.style, c.value, sec))
        return sec, body_at, it.end, depth == 0 and _is_first(c), pending
    return None, pos, end, False, None
