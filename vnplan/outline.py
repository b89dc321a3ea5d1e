"""Outline: cleaned text -> section tree, preamble span and footer span.

The segmenter works like a real outline parser: a line that starts with a numbering marker
(``I-``, ``II.``, ``1.``, ``2.1.``, ``a)``, ``Điều 1.``) is a *candidate*; its nesting comes
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

Around the outline: the footer (Nơi nhận and signature) ends where an appendix starts, and
each appendix ("PHỤ LỤC II", "DANH MỤC NHIỆM VỤ ...") is a top-level section of its own; an
attached document's title in mid-document (the KẾ HOẠCH a Quyết định issues), with the
decision's signature block before it, is an unnumbered top-level section, so no article
swallows them. Every non-space character stays in the preamble, a top-level span or the footer.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from .lang import vocab
from .model import Document, Section, Warning_
from .lang.text import fold, strip_accents

Span = list


@dataclass
class Outline:
    """What ``segment`` finds: the section tree and the spans around it."""

    sections: list = field(default_factory=list)  # list[Section], top level
    preamble: Optional[Span] = None
    footer: Optional[Span] = None
    warnings: list = field(default_factory=list)  # list[Warning_]: numbering to check


# --- markers ---------------------------------------------------------------------------------

# What a marker may hide behind at the start of a line: spaces and tabs, markdown emphasis,
# header hashes, quote marks and Word bookmarks (left when the cleaner has not run).
# Possessive, so a long run of "*" or spaces cannot make the regex engine backtrack.
_LEAD_SRC = r"(?:[ \t\u00a0\u200b\ufeff]++|\*++(?=\S)|#{1,6}[ \t]|>[ \t]?|\[bookmark:[^\]\n]{0,200}\])*+"
_LEAD = re.compile(_LEAD_SRC)
_DIEU = re.compile(r"(?:Điều|ĐIỀU)[ \t]+(\d{1,3})[ \t]*[.:]?(?=[ \t*]|$)")
_DEC = re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})[ \t]?[.)]?(?=[ \t*]|$)")
_ARA = re.compile(r"(\d{1,3})[ \t]?([.)]|[-–](?=[ \t]))(?![\d.])")
_ROM = re.compile(r"([IVX][IVXivx]{0,5})[ \t]?[-.)–:](?![\dIVXivx])")
_UP = re.compile(r"([A-ZĐ])[ \t]?[.)](?=[ \t])")
_LET = re.compile(r"([a-zđ])[ \t]?[).](?![\w.])")
# Lines worth a look, found by the regex engine so plain prose never enters Python code:
# a line opening with something that may be a marker.

_MARK_LINE = re.compile(r"^" + _LEAD_SRC + r"(?=\d|[IVX][IVXivx]{0,5}[ \t]?[-.)–:]|[A-ZĐ][ \t]?[.)]"
                        r"|[a-zđ][ \t]?[).]|Điều[ \t]|ĐIỀU[ \t])", re.M)
_NOI_NHAN_LINE = re.compile(r"^[ \t\u00a0*_]*n[ơo]i[ \t]+nh[ậa]n\b", re.M | re.I)
_END_MARK_LINE = re.compile(r"\./\.[ \t*]*$", re.M)
# After the marker the heading starts with a letter, a quote or a bracket, or the line ends.
_REST_OK = re.compile(r"[ \t*]*(?:$|[^\W\d_]|[\"“‘'(\[])")
_REST_SKIP = re.compile(r"[ \t*]*")

# Clause ends inside a running-text heading: "." or ":" before a space or the line end.
_TERM = re.compile(r"(?<=\S)\.(?=[\s*]|$)|:(?=[\s*]|$)")

# Nesting prior used only when a style appears *above* a deeper one already open (numbering
# that jumps, e.g. "2.1 ... 2.4" then "1."): the smaller rank is the bigger division.
_RANK = {"dieu": 0, "roman": 1, "arabic": 2, "dec2": 3, "dec3": 4, "dec4": 5, "letter": 6}

# strip_accents as one str.translate over NFC text (the per-character version is too slow
# to run on every heading): every precomposed Latin letter -> its base letter.
_STRIP_TABLE = {cp: strip_accents(chr(cp)) for r in ((0xC0, 0x250), (0x1E00, 0x1F00))
                for cp in range(*r) if strip_accents(chr(cp)) != chr(cp)}

def _to_roman(n: int) -> str:
    out = ""
    for v, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += sym
            n -= v
    return out


_ROMAN = {_to_roman(i): i for i in range(1, 40)}


def _roman_value(s: str) -> int:
    """Value of a canonical Roman numeral up to 39 (any letter case), else 0."""
    return _ROMAN.get(s.upper(), 0)


@dataclass
class _Cand:
    """One reading of a line's marker."""

    style: str
    value: object  # int, or tuple of ints for decimals
    number: str  # as the id shows it: "II", "2", "2.1", "a", "Điều 1"
    end: int  # offset in the line just after the marker


@dataclass
class _Frame:
    style: str
    value: object
    section: Section


@dataclass
class _Hit:
    section: Section
    line_start: int
    body_start: int
    restart: bool = False  # a top-level heading numbered first (I, 1, Điều 1): a new outline
    pending: Optional[tuple] = None  # (heading, body start) if its sub-items follow at once


@lru_cache(maxsize=None)
def _vocab() -> dict:
    """Heading vocabulary compiled once: kind regexes, letter orders, footer words."""
    data = vocab.load("headings") or {}
    folded, stripped = {}, {}
    for kind, words in (data.get("kinds") or {}).items():
        for w in words or []:
            f = fold(str(w))
            folded.setdefault(f, kind)
            stripped.setdefault(strip_accents(f), kind)

    def alternation(words: dict) -> re.Pattern:
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")

    vi = [str(x) for x in data.get("letters_vi") or []]
    latin = [str(x) for x in data.get("letters_latin") or []]
    nexts: dict = {}
    for order in (vi, latin):
        for a, b in zip(order, order[1:]):
            nexts.setdefault(a, set()).add(b)
    upper_nexts = {a.upper(): {b.upper() for b in bs} for a, bs in nexts.items()}
    auth = sorted((str(a) for a in data.get("authorities") or []), key=len, reverse=True)
    return {
        "folded": folded, "stripped": stripped,
        "folded_re": alternation(folded), "stripped_re": alternation(stripped),
        "letter_next": nexts, "upper_next": upper_nexts,
        "lead": {strip_accents(fold(str(w))) for w in data.get("lead_words") or []},
        "abbrev": {str(a) for a in data.get("abbreviations") or []},
        "titles": {str(t) for t in data.get("doc_titles") or []},
        "posts": {str(p) for p in data.get("posts") or []},
        # one scan finds signature lines, document titles and appendix lines alike
        "caps_line_re": re.compile(
            r"^[ \t\u00a0*_#]*(?:" + "|".join(re.escape(a) for a in auth) + r")[ \t]*[^\W\d_]"
            + r"|^[ \t\u00a0*_#]*(?:" + "|".join(re.escape(str(w)) for w in sorted(
                [*(data.get("posts") or []), *(data.get("doc_titles") or [])], key=len, reverse=True))
            + r")[ \t*:.]*$|" + _appendix_line_src(data), re.M),
        "auth_re": re.compile(r"(?:" + "|".join(re.escape(a) for a in auth) + r")(?=[ \t]*[^\W\d_])"),
        **_appendix_vocab(data),
    }


def _words_re(words: list) -> str:
    """Alternation of phrases, longest first, any run of blanks between their words."""
    alts = sorted({str(w) for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(x) for x in w.split()) for w in alts) or r"(?!x)x"


_APPX_LEAD = r"^[ \t\u00a0*#]*"
_KEM_SRC = r"\(?[ \t]*(?i:ban[ \t]+hành[ \t]+)?(?i:kèm)[ \t]+(?i:theo)[ \t]"


def _appendix_line_src(data: dict) -> str:
    """Line starts that may open an appendix: "PHỤ LỤC", a list title, "(Kèm theo"."""
    return (_APPX_LEAD + r"(?:(?:" + _words_re(data.get("appendix_words") or []) + r")(?![^\W\d_])|(?:"
            + _words_re(data.get("appendix_list_titles") or []) + r")[ \t]|" + _KEM_SRC + ")")


def _appendix_vocab(data: dict) -> dict:
    """Patterns for appendices and directives, from the heading vocabulary."""
    lead = _APPX_LEAD
    appx = _words_re(data.get("appendix_words") or [])
    lists = _words_re(data.get("appendix_list_titles") or [])
    types = _words_re(data.get("directive_types") or [])
    heads = sorted({fold(str(w)) for w in data.get("body_heads") or []}, key=len, reverse=True)
    return {
        "appx_re": re.compile(lead + r"(?:" + appx + r")(?![^\W\d_])(?:[ \t]+(?:SỐ|[Ss]ố)?[ \t]*"
                              r"(?P<num>[IVXL]{1,6}|\d{1,3})(?![^\W_]))?(?P<rest>[^\n]{0,300})$", re.M),
        "appx_list_re": re.compile(lead + r"(?:" + lists + r")[ \t]+(?=[^\W\d_])", re.M),
        "kem_re": re.compile(lead + _KEM_SRC, re.M),
        "appx_number": str(data.get("appendix_number") or "PHỤ LỤC"),
        "task_table": [tuple(fold(str(w)) for w in g) for g in data.get("task_table_words") or []],
        "directive_re": re.compile(lead + r"(?:" + types + r")[ \t*:.]*$", re.M),
        "body_head_re": re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")(?![^\W_])")
        if heads else re.compile(r"(?!x)x"),
        "assign_cues": [fold(str(c)) for c in data.get("assign_cues") or []],
        "label_words": int(data.get("label_words") or 10),
        "label_max_words": int(data.get("label_max_words") or 12),
        "dot_label_words": int(data.get("dot_label_words") or 5),
        "sentence_head_words": int(data.get("sentence_head_words") or 6),
        "line_head_chars": int(data.get("line_head_chars") or 300),
        "max_part_repeats": int(data.get("max_part_repeats") or 20),
    }


def _candidates(line: str, pos: int) -> list:
    """Every reading of a numbering marker at ``line[pos:]``, most specific first."""
    out = []
    ch = line[pos:pos + 1]
    if not ch or ch in "|-+•*":
        return out
    if ch.isdigit():
        m = _DEC.match(line, pos)
        if m:
            parts = tuple(int(p) for p in m.group(1).split("."))
            out.append(_Cand(f"dec{len(parts)}", parts, m.group(1), m.end()))
        else:
            m = _ARA.match(line, pos)
            if m:
                style = "arabic)" if m.group(2) == ")" else "arabic"
                out.append(_Cand(style, int(m.group(1)), str(int(m.group(1))), m.end()))
        return out
    m = _DIEU.match(line, pos)
    if m:
        out.append(_Cand("dieu", int(m.group(1)), f"Điều {int(m.group(1))}", m.end()))
        return out
    m = _ROM.match(line, pos)
    if m:
        v = _roman_value(m.group(1))
        if v:
            out.append(_Cand("roman", v, _to_roman(v), m.end()))
    m = _UP.match(line, pos)
    if m:
        out.append(_Cand("upper", m.group(1), m.group(1), m.end()))
    m = _LET.match(line, pos)
    if m:
        out.append(_Cand("letter", m.group(1), m.group(1), m.end()))
    return out


def _is_first(c: _Cand) -> bool:
    if c.style.startswith("dec"):
        return c.value[-1] == 1
    if c.style == "letter":
        return c.value == "a"
    if c.style == "upper":
        return c.value == "A"
    return c.value == 1


def _follows(prev: object, c: _Cand, loose: bool, v: dict) -> bool:
    """Does ``c`` continue the sequence whose last number was ``prev``?"""
    if c.style.startswith("dec"):
        if c.value[:-1] != prev[:-1]:
            return False
        gap = c.value[-1] - prev[-1]
    elif c.style == "letter":
        step = v["letter_next"].get(prev, set())
        return c.value in step or (loose and any(c.value in v["letter_next"].get(s, ()) for s in step))
    elif c.style == "upper":
        step = v["upper_next"].get(prev, set())
        return c.value in step or (loose and any(c.value in v["upper_next"].get(s, ()) for s in step))
    else:
        gap = c.value - prev
    return gap == 1 or (loose and gap == 2)


def _place(stack: list, c: _Cand, loose: bool, v: dict) -> Optional[int]:
    """The depth (index into ``stack``) at which ``c`` is accepted, or None."""
    for i, fr in enumerate(stack):
        if fr.style == c.style:
            return i if _follows(fr.value, c, loose, v) else None
    if not _is_first(c):
        return None
    if c.style.startswith("dec") and stack:
        top = stack[-1]
        if (top.style == "arabic" and (top.value,) != c.value[:-1]) or (
                top.style.startswith("dec") and top.value != c.value[:-1]):
            return None
    rank = _RANK.get(c.style)
    if rank is not None:
        for i, fr in enumerate(stack):
            r = _RANK.get(fr.style)
            if r is not None and r > rank:
                return i
    return len(stack)


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


def _is_caps(s: str) -> bool:
    return any(c.isalpha() for c in s) and s.upper() == s


def _continues(nxt: str, any_text: bool, v: dict) -> bool:
    """Can line ``nxt`` be the rest of a heading begun on the line before it?"""
    lead = _LEAD.match(nxt).end()
    body = nxt[lead:]
    if not body.strip() or body[0] in "|-+•*" or _footer_trigger(nxt, v):
        return False
    if any(_REST_OK.match(nxt, c.end) for c in _candidates(nxt, lead)):
        return False
    return any_text or (len(body) <= 100 and _is_caps(_plain(body)))


def _plain(line: str) -> str:
    """A line without emphasis, tabs and outer spaces, for footer and title tests."""
    return line.replace("*", "").replace("_", " ").strip(" \t\u00a0:.")


_NOI_NHAN = re.compile(r"[ \t\u00a0*_]*n[ơo]i[ \t]+nh[ậa]n\b", re.I)


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
    n = len(text)
    for c in _candidates(line, lead):
        if not _REST_OK.match(line, c.end):
            continue
        repeat = _place(stack, c, True, v) is None
        if repeat and (len(notes) >= v["max_part_repeats"] or not _repeat_ok(stack, c)):
            continue
        hstart = _REST_SKIP.match(line, c.end).end()
        hend, bstart, alone, form = _heading(line, hstart, v)
        q = _bold_head(line, hstart) if "**" in line else -1
        if q > 0:
            hend, bstart, form = q, q + 2, "line" if form == "sentence" else "label"
        depth = 0 if repeat else _place(stack, c, alone, v)
        if depth is None:
            continue
        clause = line[hstart:hend].strip(" \t*:;,.") or None
        body_at = pos + bstart
        cstart = pos + hstart  # where the clause starts: the body of an item without heading
        # A heading split over two lines: the marker alone ("Điều 1." / "III."), or a
        # heading in capitals continued in capitals on the next line ("IV. TỔ" "CHỨC ...").
        if end < n and (clause is None or (alone and form == "line" and _is_caps(clause))):
            npos = end + 1
            nnl = text.find("\n", npos)
            nend = n if nnl < 0 else nnl
            nxt = text[npos:nend]
            if _continues(nxt, clause is None, v):
                nlead = _LEAD.match(nxt).end()
                nh_end, nb, nalone, nform = _heading(nxt, nlead, v)
                more = nxt[nlead:nh_end].strip(" \t*:;,.")
                if more:
                    if clause is None:
                        cstart = npos + nlead
                    clause = f"{clause} {more}" if clause else more
                    body_at = npos + nb
                    end = nend
                    alone, form = nalone, nform
                    line = nxt
        title = alone and clause is not None and (_is_caps(clause) or len(clause.split()) <= 10)
        if repeat and not (form == "line" and title and _kind_of(clause, True)):
            continue
        del stack[depth:]
        parent = stack[-1].section if stack else None
        sid = _unique((parent.id + "/" if parent else "") + c.number, ids)
        if repeat:
            prev = top[-1].number if top else None
            notes.append(Warning_("outline-numbering", f"part {c.number} ({clause}) repeats or goes back "
                                  f"after part {prev}: read as a new part {sid}", [pos, end]))
        # An item's long first clause, with running text after it, names a task, not a part
        # of the plan: "Tổ chức triển khai thực hiện các nội dung ..." under NHIỆM VỤ keeps
        # its parent's kind, as does a long one-sentence item; a heading alone on its line
        # still names its own.
        sentence = line.rstrip(" \t*").endswith((".", ";"))
        label = (parent is None or clause is None or (alone and not sentence)
                 or len(clause.split()) <= v["label_words"])
        kind = (_kind_of(clause, parent is None and title) if label else None) or (
            parent.kind if parent else "other")
        # Only a heading is a heading: running prose after the number has none, and its
        # body starts right after the number. An article ("Điều 2. Quyết định này có hiệu
        # lực ...") keeps its line as written: its title is what follows "Điều N." by law.
        pending = None
        heading = clause
        if c.style == "dieu":
            pass
        elif clause is not None and form == "run":
            heading, body_at = None, cstart
        elif clause is not None and form == "sentence" and not (
                _is_caps(clause) or len(clause.split()) <= v["sentence_head_words"]):
            pending = (clause, body_at)
            heading, body_at = None, cstart
        sec = Section(id=sid, number=c.number, heading=heading, kind=kind, level=depth + 1,
                      text="", span=[pos, end])
        (parent.children if parent else top).append(sec)
        stack.append(_Frame(c.style, c.value, sec))
        return sec, body_at, end, depth == 0 and _is_first(c), pending
    return None, pos, end, False, None


def _lines_after(text: str, pos: int, limit: int):
    """(start, end, line) of up to ``limit`` lines starting at offset ``pos``."""
    n = len(text)
    for _ in range(limit):
        if pos >= n:
            return
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        yield pos, end, text[pos:end]
        pos = end + 1


def _title_line(line: str, loose: bool, v: dict) -> Optional[str]:
    """The plain text of ``line`` if it may continue a title block, else None.

    A title line is in capitals (or, with ``loose``, any short line that is not a sentence),
    and is not a marker line, a table row, a "(Kèm theo ...)" line or a signature line.
    """
    p = _plain(line)
    if not p or len(p) > 250 or line.lstrip(" \t*")[:1] in "|(-+•" or v["kem_re"].match(line):
        return None
    lead = _LEAD.match(line).end()
    if _footer_trigger(line, v) or any(_REST_OK.match(line, c.end) for c in _candidates(line, lead)):
        return None
    if _is_caps(p) or (loose and len(p) <= 200 and not line.rstrip(" \t*").endswith((".", ";", ","))):
        return p
    return None


def _title_block(text: str, pos: int, loose: bool, v: dict) -> tuple:
    """(joined title, end of its last line or -1) of the title lines starting at ``pos``:
    up to four, the first of them ``loose`` (any short non-sentence), the rest in capitals."""
    parts, last = [], -1
    for _, e, line in _lines_after(text, pos, 4):
        t = _title_line(line, loose and not parts, v)
        if t is None:
            break
        parts.append(t)
        last = e
    return " ".join(parts), last


def _appendix(text: str, pos: int, end: int, line: str, ev: int, ended: bool, v: dict) -> Optional[tuple]:
    """Read an appendix start at the line ``text[pos:end]`` (event 4: "PHỤ LỤC ..."; 5: a list
    title in capitals after the signature; 6: "(Kèm theo ...)" under title lines after it).

    Returns (start, number, heading or None, body start, end of the title) or None.
    """
    n = len(text)
    number = v["appx_number"]
    if ev == 4:
        m = v["appx_re"].match(line)
        if not m:
            return None
        rest = m.group("rest").strip(" \t*")
        sep = rest[:1] in ":.-–—"
        title = rest.lstrip(":.-–— \t*").strip(" \t*")
        if title and not (_is_caps(title) or (sep and len(title) <= 200
                                               and not title.endswith((".", ";", ",")))):
            return None
        num = m.group("num")
        if num:
            num = _to_roman(_roman_value(num)) if num[0] in "IVXL" else str(int(num))
            if num:
                number = f"{number} {num}"
        more, last = _title_block(text, end + 1, not title, v) if end < n else ("", -1)
        heading = " ".join(x for x in (title.strip(" \t:."), more) if x) or None
        hend = last if last >= 0 else end
        return pos, number, heading, min(n, hend + 1), hend
    if not ended:
        return None
    if ev == 5:
        heading, last = _title_block(text, pos, False, v)
        if not heading:
            return None
        return pos, number, heading, min(n, last + 1), last
    # ev == 6: the title lines in capitals just above "(Kèm theo ...)"
    parts, start, p = [], pos, pos
    for _ in range(4):
        if p <= 0:
            break
        q = text.rfind("\n", 0, p - 1) + 1
        prev = text[q:p - 1]
        t = _title_line(prev, False, v)
        if t is None:
            if _plain(prev) in v["titles"]:  # an attached KẾ HOẠCH, not an appendix
                return None
            break
        if t in v["titles"]:
            return None
        parts.append(t)
        start = p = q
    if not parts:
        return None
    return start, number, " ".join(reversed(parts)), pos, pos


def _appendix_kind(heading: Optional[str], text: str, body_at: int, v: dict) -> str:
    """The kind an appendix's title names; else "tasks" for a table of nhiệm vụ; else other."""
    kind = _kind_of(heading, True)
    if kind:
        return kind
    for _, _, line in _lines_after(text, body_at, 6):
        if line.lstrip(" \t")[:1] == "|":
            f = fold(line[:400])
            if any(all(w in f for w in group) for group in v["task_table"]):
                return "tasks"
            break
    return "other"


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


def segment(text: str) -> Outline:
    """Find the numbered outline of a cleaned plan text. Pure; never raises on a string."""
    if not isinstance(text, str) or not text:
        return Outline([], [0, 0] if isinstance(text, str) else None, None)
    v = _vocab()
    top: list = []
    stack: list = []
    hits: list = []
    triggers: list = []  # (hit count when seen, offset where the footer would start)
    restarts: list = []  # (hit count, start, end) of a document title line after headings
    ids: dict = {}
    notes: list = []  # warnings about the numbering
    appx_at = None  # index in ``hits`` of the first appendix
    ended = False  # a signature, Nơi nhận or "./." seen since the last heading
    n = len(text)
    # Events, in text order: 0 marker line, 1 Nơi nhận, 2 "./." line end, 3 line in capitals
    # or appendix line: 4 "PHỤ LỤC ...", 5 list title ("DANH MỤC ..."), 6 "(Kèm theo ...)".
    events = [(m.start(), 0, m.end() - m.start()) for m in _MARK_LINE.finditer(text)]
    events += [(m.start(), 1, 0) for m in _NOI_NHAN_LINE.finditer(text)]
    events += [(m.start(), 2, m.end()) for m in _END_MARK_LINE.finditer(text)]
    events += [(m.start(), 3, 0) for m in v["caps_line_re"].finditer(text)]
    events.sort()
    skip_to = -1  # a heading that took the next line as well
    heading_line = -1
    for pos, ev, arg in events:
        if ev == 2:  # also on a heading line: "4. ... thực hiện./."
            triggers.append((len(hits), min(n, arg + 1)))
            ended = True
            continue
        if pos < skip_to:
            continue
        if pos == heading_line:
            continue
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if ev == 0:
            sec, body_at, end, first, pending = _take_heading(text, pos, end, line, arg, stack, ids,
                                                               top, v, notes)
            if sec is not None:
                hits.append(_Hit(sec, pos, body_at, first, pending))
                heading_line = pos
                skip_to = end
                ended = False
            continue
        if ev == 3:  # an appendix line? (the capitals scan finds those too)
            ev = (4 if v["appx_re"].match(line) else 5 if v["appx_list_re"].match(line)
                  else 6 if v["kem_re"].match(line) else 3)
        if ev >= 4:
            ap = _appendix(text, pos, end, line, ev, ended, v) if hits else None
            if ap is None:
                continue
            start, number, heading, body_at, hend = ap
            sec = Section(id=_unique(number, ids), number=number, heading=heading,
                          kind=_appendix_kind(heading, text, body_at, v), level=1, text="",
                          span=[start, hend])
            top.append(sec)
            stack.clear()
            stack.append(_Frame("appendix", 0, sec))
            hits.append(_Hit(sec, start, body_at))
            if appx_at is None:
                appx_at = len(hits) - 1
            heading_line = pos
            skip_to = max(hend, pos + 1)
            ended = False
            continue
        trig = "start" if ev == 1 else _footer_trigger(line, v)
        if trig == "start":
            triggers.append((len(hits), pos))
            stack.clear()  # what follows a Nơi nhận block is another document
            ended = True
        elif ev == 3 and hits and _plain(line) in v["titles"]:
            stack.clear()  # an attached KẾ HOẠCH restarts the numbering
            restarts.append((len(hits), pos, end))

    main_n = appx_at if appx_at is not None else len(hits)
    appx_start = hits[appx_at].line_start if appx_at is not None else n
    # The footer starts at the first trigger after the last heading of the main outline (or,
    # with no outline, the first trigger in the second half of the text) and ends where an
    # appendix starts; without one there, a trigger after the last appendix starts it.
    footer_start = None
    footer_end = appx_start
    for count, off in triggers:
        if count == main_n and off < appx_start and (main_n or off >= n // 2):
            footer_start = min(off, n)
            break
    if footer_start is None and appx_at is not None:
        footer_end = n
        for count, off in triggers:
            if count == len(hits) and off > hits[-1].line_start:
                footer_start = min(off, n)
                break

    # The title of an attached document (the KẾ HOẠCH a Quyết định issues), with the decision's
    # signature block before it, ends the article before it: block, title and the attached
    # document's opening text make an unnumbered section of their own.
    blocks = _attached_blocks(text, hits, main_n, triggers, restarts, ids, v)
    barriers = sorted({b.span[0] for b, _ in blocks} | ({footer_start} if footer_start is not None else set()))

    for i, h in enumerate(hits):
        stop = hits[i + 1].line_start if i + 1 < len(hits) else n
        if h.pending is not None:  # one sentence on its line: the heading of its sub-items
            head, at = h.pending
            sub = h.section.children[0] if h.section.children else None
            if sub is not None and i + 1 < len(hits) and hits[i + 1].section is sub and not text[at:stop].strip():
                h.section.heading, h.body_start = head, at
        j = bisect_right(barriers, h.line_start)
        if j < len(barriers):
            stop = min(stop, barriers[j])
        # trailing blanks first, so an empty body sits at the heading's end, not past it
        e = stop
        while e > h.line_start and text[e - 1].isspace():
            e -= 1
        s = min(h.body_start, stop)
        while s < e and text[s].isspace():
            s += 1
        s = min(s, e)
        h.section.body_span = [s, e]
        h.section.text = text[s:e]
        head_end = h.section.span[1]
        h.section.span = [h.line_start, max(e, min(head_end, stop))]

    def close(sec: Section) -> int:
        last = sec.span[1]
        for ch in sec.children:
            last = max(last, close(ch))
        sec.span[1] = last
        return last

    for sec in top:
        close(sec)
    if blocks:
        for b, _ in blocks:
            top.append(b)
        top.sort(key=lambda x: x.span[0])

    first = hits[0].line_start if hits else n
    preamble = [0, first]
    footer = None
    if footer_start is not None:
        e = footer_end
        while e > footer_start and text[e - 1].isspace():
            e -= 1
        fs = footer_start
        while fs < e and text[fs].isspace():
            fs += 1
        footer = [fs, e] if e > fs else None
    _directive_kinds(top, text, preamble, v)
    return Outline(top, preamble, footer, notes)


def _attached_blocks(text: str, hits: list, main_n: int, triggers: list, restarts: list,
                     ids: dict, v: dict) -> list:
    """[(section, hit index)] for each attached document between two headings: a title line
    ("KẾ HOẠCH") followed by a new outline (a restart). The section starts at the signature
    block before the title when there is one (a Quyết định's Nơi nhận), else at the title."""
    out: list = []
    done: set = set()
    offs: dict = {}  # hit count -> trigger offsets seen then, in order
    for c, off in triggers:
        offs.setdefault(c, []).append(off)
    for count, p, e in restarts:
        if not 0 < count < main_n or count in done or not hits[count].restart:
            continue
        prev, nxt = hits[count - 1].line_start, hits[count].line_start
        if not prev < p < nxt:
            continue
        done.add(count)
        start = next((o for o in offs.get(count, ()) if prev < o <= p), p)
        word = _plain(text[p:e])
        more, last = _title_block(text, e + 1, False, v) if e + 1 < nxt else ("", -1)
        hend = min(last if last >= 0 else e, nxt)
        b = nxt
        while b > hend and text[b - 1].isspace():
            b -= 1
        s = min(hend + 1, b)
        while s < b and text[s].isspace():
            s += 1
        fs = start
        while fs < p and text[fs].isspace():
            fs += 1
        sec = Section(id=_unique(word, ids), number=None, heading=" ".join(x for x in (word, more) if x),
                      kind="other", level=1, text=text[s:b], span=[fs, max(b, hend)], body_span=[s, b])
        out.append((sec, count))
    return out


def apply(doc: Document) -> None:
    """Fill doc.sections, doc.preamble and doc.footer from doc.text."""
    out = segment(doc.text or "")
    doc.sections, doc.preamble, doc.footer = out.sections, out.preamble, out.footer
    doc.warnings.extend(out.warnings)
