"""What every part of the assignments stage shares: the folded text and its body
mentions (``Ctx``), lists of bodies, the emitter, outline markers."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Optional
from ...lang import patterns, vocab
from ...model import Assignment, Document
from ...lang.bodies import canonical_of, scan_bodies, scan_range
from ...lang.fold import fold_same_length, fold_text, key_of
from ...lang.gazetteer import BodyMatch
from ...lang.open_names import UNKNOWN as _UNKNOWN, may_open
from ...lang.clauses import clause_end
from ...lang.items import MARKER as _MARKER, content_start

def _words(key: str) -> str:
    """An alternation of the folded words of roles.yaml[key], longest first."""
    words = {fold_same_length(w) for w in (vocab.load("roles") or {}).get(key) or []}
    return patterns.alternation(words, r"[ \t]+")


# All patterns below run on the folded text (lower case, no diacritics, same offsets).
# "Cơ quan chủ trì:", "*Đơn vị chủ trì tham mưu thực hiện: *", "Cơ quan chủ trì, phối hợp:"
_LABEL_ROLE = (r"[ \t]+(?P<what>" + _words("label_roles") + r")(?:[ \t]*,[ \t]*(?P<both>phoi hop))?"
               r"(?:[ \t]+" + _words("label_role_tails") + r"){0,3}[ \t]*\**[ \t]*")
_LABEL = re.compile(r"\**[ \t]*(?:" + _words("label_nouns") + "|(?=" + _words("short_label_roles") + "))"
                    + _LABEL_ROLE.replace("[ \\t]+", "[ \\t]*", 1)
                    + r":[ \t]*\**[ \t]*(?=\S)")  # also the short "Chủ trì: X", "Phối hợp: Y"
# the same label alone on its line (a sub-heading): the bullets below name the bodies
# ("Tổ chức thực hiện" alone is a section heading, not a label)
_LABEL_HEAD = re.compile(r"\**[ \t]*" + _words("label_head_nouns") + _LABEL_ROLE + r":?[ \t]*\**[ \t]*$")
def has_label(f: str, a: int, b: int) -> bool:
    """``_LABEL.search(f, a, b)`` as a test, tried only on the lines holding a ":" (a label
    ends with one and stays on its line; the pattern has no literal to search by)."""
    pos = f.find(":", a, b)
    while pos >= 0:
        le = f.find("\n", pos, b)
        le = b if le < 0 else le
        if _LABEL.search(f, max(a, f.rfind("\n", a, pos) + 1), le):
            return True
        pos = f.find(":", le, b)
    return False


_LEAD_IN = re.compile(r"(?:dong thoi,?[ \t]+)?" + _words("order_verbs") + r"[ \t]+"
                      r"|can cu[^,;.\n]{0,160},[ \t]*"
                      # "Theo chức năng, nhiệm vụ được giao, Sở Y tế ...": the subject follows
                      r"|theo[ \t]+chuc[ \t]+nang(?:[ \t]*,?[ \t]+(?:nhiem vu|quyen han|tham quyen))*"
                      r"(?:[ \t]+duoc[ \t]+giao)?(?:[ \t]+cua[ \t]+minh)?[ \t]*,[ \t]*")
_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*(?:va[ \t]+|cung[ \t]+)?|va[ \t]+|cung[ \t]+|voi[ \t]+)[ \t]*")
# "X yêu cầu / giao / đề nghị / (lãnh đạo,) chỉ đạo Y ...": an order from X to Y
_ORDER = re.compile(r"[ \t]*(?:(?:lanh dao,?[ \t]+)?" + _words("order_verbs") + r")(?!\w)[ \t]*")
_PASSIVE = re.compile(r"(?<!\w)" + _words("passive_markers") + r"[ \t]+$")
# The literal opens each pattern, the word-start check follows it as a lookbehind: the engine
# then jumps from one occurrence of the word to the next instead of testing every position.
_CHU_TRI = re.compile(r"chu tri(?<!\wchu tri)(?!\w)")
_PHOI_HOP = re.compile(r"phoi hop(?<!\wphoi hop)(?:[ \t]+(?:" + _words("partner_adverbs") + r"))?"
                       r"(?:[ \t]+(?:voi|cung))?[ \t]+")
_REPORT = re.compile(r"(?:bao cao(?<!\wbao cao)|gui(?<!\wgui))(?!\w)")
_REPORT_WHAT = re.compile(_words("report_objects") + r"(?:[ \t]+" + _words("report_object_tails") + r")?[ \t]+")
_REPORT_TO = re.compile(r"(?:voi(?<!\wvoi)|ve(?<!\wve)|len(?<!\wlen)|cho(?<!\wcho))[ \t]+")
# "b) Chủ trì, phối hợp" / "phối hợp với:" ending its line: the bullets below name the partners
_DANGLING_PARTNER = re.compile(r"(?:^|[ \t,;])phoi hop(?:[ \t]+(?:voi|cung))?[ \t]*:?[ \t.]*$")
_GIAO = re.compile(r"giao(?<!\wgiao)(?:[ \t]+cho)?[ \t]+")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_SEMI = re.compile(r";[ \t]*")
# The literals the cue patterns open with ("giao" also in "giao duc": only a first test).
_CUES = re.compile(r";|chu tri|giao|phoi hop|bao cao|gui")
_LINE = re.compile(r"[^\n]+")
_NOI_NHAN = re.compile(r"[ \t]*noi nhan[ \t]*[:.]", re.M)





def _impl_words() -> list[str]:
    kinds = (vocab.load("headings") or {}).get("kinds") or {}
    return [fold_same_length(w) for w in kinds.get("implementation") or []]


# A line break inside a sentence: the literal "\n" opens the pattern (fast search); the
# letter before it is checked in code, past the spaces that end the line.
# One break before a line that starts with a digit never joins (a lower-case letter or a
# blank line is needed): the pattern leaves those out, numbered lists cost nothing here.
_BROKEN = re.compile(r"\n(?:(?:[ \t]*\n)+[ \t]*(?=\w)|[ \t]*(?=[^\W\d_]))")
_OPEN_BEFORE_BREAK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,-")


@lru_cache(maxsize=1)
def _line_open_words() -> tuple[frozenset, frozenset]:
    """(lower-case words a sentence never ends on, head nouns of an organisation or an office)
    from bodies.yaml."""
    data = vocab.load("bodies") or {}
    return (frozenset(fold_same_length(w) for w in data.get("line_open_words") or []),
            frozenset(key_of(w) for w in (data.get("org_heads") or []) + (data.get("office_holders") or [])))


def _label_line(folded: str, pos: int) -> bool:
    """The line at ``pos`` opens with a label ("Thời gian thực hiện: ..."): a colon early on it."""
    eol = folded.find("\n", pos, pos + 40)
    return ":" in folded[pos:eol if eol >= 0 else pos + 40]


def _word_before(folded: str, end: int) -> int:
    """Start of the word ending at ``end`` (a bounded look back: no scan to the text's start)."""
    a = max(0, end - 40)
    return max(folded.rfind(" ", a, end), folded.rfind("\n", a, end), folded.rfind("\t", a, end), a - 1) + 1


def _open_end(text: str, folded: str, end: int) -> bool:
    """The line ending at ``end`` cannot end a sentence: a comma, a lower-case open word, or
    the capitalised head noun of an organisation or office whose name follows ("3. Sở" /
    "Tài chính", "Giám đốc" / "Sở Y tế")."""
    if folded[end - 1] == ",":
        return True
    w = _word_before(folded, end)
    words, heads = _line_open_words()
    w2 = _word_before(folded, max(w - 1, 0))
    for x in (w2, w):  # "Chủ tịch", "Ủy ban", "Sở" as written: capitalised, not all upper case
        if folded[x:end] in heads and text[x:x + 1].isupper() and not (text[x:end].isupper() and end - x > 1):
            return True
    return text[w:end].islower() and folded[w:end] in words


def _join_broken(text: str, folded: str) -> tuple[str, list[tuple[int, int]]]:
    """Join lines broken inside a sentence (PDF text: next line in lower case), keeping offsets.

    Returns the joined copy and the [start, end) spans that were blanked.
    """
    parts = []
    joins: list[tuple[int, int]] = []
    pos = 0
    for m in _BROKEN.finditer(folded):
        start = m.start()
        while start > pos and folded[start - 1] in " \t":
            start -= 1
        if start == 0 or folded[start - 1] not in _OPEN_BEFORE_BREAK:
            continue
        # a lower-case continuation, a blank line inside a sentence (raw PDF text), or a line
        # that cannot end there (after a comma or "và") and a next line that is no label
        if (not text[m.end()].islower() and m.group().count("\n") < 2
                and not (_open_end(text, folded, start) and not _label_line(folded, m.end()))):
            continue
        if _MARKER.match(folded, m.end()) or _TABLE_ROW.match(folded, m.end()):
            continue  # the next line opens an item: "a) ...", "- ..."
        parts.append(folded[pos:start])
        parts.append(" " * (m.end() - start))
        joins.append((start, m.end()))
        pos = m.end()
    if not parts:
        return folded, joins
    parts.append(folded[pos:])
    return "".join(parts), joins


def _pieces(joins: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """[0, n) cut at the joins: kept piece, join, kept piece, join ... kept piece."""
    out, pos = [], 0
    for x, y in joins:
        out += [(pos, x), (x, y)]
        pos = y
    return out + [(pos, n)]


def mentions_of(doc: Document) -> list[BodyMatch]:
    """The body mentions of the bodies stage (``doc.bodies``), in reading order."""
    new, out = tuple.__new__, []  # the tuples built directly, not through BodyMatch's __new__
    for b in doc.bodies or []:
        canonical, generic, kind = b.canonical, b.kind == "generic", b.kind or "state"
        for m in b.mentions:
            if m.span:
                out.append(new(BodyMatch, (m.span[0], m.span[1], m.text, canonical, generic, kind, False)))
    out.sort()
    return out


def _bodies_of(text: str, base: list[BodyMatch], joined: str, joins: list[tuple[int, int]]) -> list[BodyMatch]:
    """The body mentions of the joined text, from those of the plain one (``base``).

    Only the lines around a join are read again. Should a name run over such a line's edge,
    the whole joined text is scanned instead, so the result is always that of a full scan.
    """
    if not joins:
        return base
    windows: list[tuple[int, int]] = []
    for s, e in joins:
        ws = joined.rfind("\n", 0, s) + 1
        we = joined.find("\n", e)
        we = len(joined) if we < 0 else we
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(we, windows[-1][1]))
        else:
            windows.append((ws, we))
    out: list[BodyMatch] = []
    i = 0
    for ws, we in windows:
        while i < len(base) and base[i].start < ws:
            if base[i].end > ws:
                return scan_bodies(text, joined)
            out.append(base[i])
            i += 1
        while i < len(base) and base[i].start < we:
            if base[i].end > we:
                return scan_bodies(text, joined)
            i += 1
        again = scan_range(text, joined, ws, we)
        if any(b.end > we for b in again):
            return scan_bodies(text, joined)
        out.extend(again)
    out.extend(base[i:])
    return out


class _Ctx:
    """What one pass over a document needs: text, folded text and the body index."""

    def __init__(self, doc: Document):
        self.text = text = doc.text or ""
        self.issuer = _issuer_key(doc.metadata.issuer if doc.metadata else None)
        self.orderers: dict = {}  # canonical -> whether its orders charge the addressee
        folded = fold_text(text)
        self.folded, joins = _join_broken(text, folded)
        self.bodies = _bodies_of(text, mentions_of(doc), self.folded, joins)
        # the text with the same lines joined: a name the gazetteer lacks may run over a break
        self.flat = "".join(text[x:y] if k % 2 == 0 else " " * (y - x)
                            for k, (x, y) in enumerate(_pieces(joins, len(text)))) if joins else text
        self.starts = [b.start for b in self.bodies]
        self.by_start = {b.start: b for b in reversed(self.bodies)}  # the first one at a start

    def gives_orders(self, b: BodyMatch) -> bool:
        """The document's issuer (or an organ speaking for it) or a body above every addressee."""
        known = self.orderers.get(b.canonical)
        if known is None:
            known = self.orderers[b.canonical] = _gives_orders(key_of(b.canonical), self.issuer)
        return known

    def at(self, pos: int) -> Optional[BodyMatch]:
        return self.by_start.get(pos)

    def within(self, a: int, b: int) -> list[BodyMatch]:
        return self.bodies[bisect_left(self.starts, a):bisect_left(self.starts, b)]

    def may_name(self, a: int, b: int) -> bool:
        """Whether a body may be read in [a, b): a known name starts there, or a name the
        gazetteer lacks may (a list, a holder's body, an open name all need one of them)."""
        i = bisect_left(self.starts, a)
        return (i < len(self.starts) and self.starts[i] < b) or may_open(self.flat, a, b)

    def ending_at(self, pos: int) -> Optional[BodyMatch]:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.bodies[i].end >= pos - 1:
            if self.bodies[i].end <= pos and not self.folded[self.bodies[i].end:pos].strip():
                return self.bodies[i]
            i -= 1
        return None


@lru_cache(maxsize=64)
def _issuer_key(issuer: Optional[str]) -> Optional[str]:
    if not issuer or not issuer.strip():
        return None
    return key_of(canonical_of(issuer) or issuer) or None


@lru_cache(maxsize=1)
def _order_vocab() -> tuple[frozenset, tuple]:
    """(keys of the bodies above every addressee, keys of the organs speaking for a body)."""
    data = vocab.load("bodies") or {}
    return (frozenset(key_of(x) for x in data.get("superiors") or []),
            tuple(key_of(x) for x in data.get("issuing_organs") or []))


def _gives_orders(key: str, issuer: Optional[str]) -> bool:
    superiors, organs = _order_vocab()
    if key in superiors:
        return True
    if not issuer or not key:
        return False
    if issuer == key or issuer.startswith(key + " ") or issuer.endswith(" " + key):
        return True  # the issuer named whole ("Ban Chấp hành Đảng bộ thành phố ..."), or under its parent ("Bộ Y tế Cục ...")
    for o in organs:
        if key.startswith(o + " "):
            key = key[len(o) + 1:]
            break
    # "Ủy ban nhân dân thành phố" issues "Ủy ban nhân dân thành phố Hà Nội" documents
    return issuer == key or issuer.startswith(key + " ")


def _clause_end(ctx: _Ctx, pos: int, limit: int) -> int:
    return min(clause_end(ctx.folded, pos, scan=max(0, limit - pos)), limit)


class _Emitter:
    """Collects assignments, once per (item, body, role)."""

    def __init__(self, ctx: _Ctx, section_of):
        self.ctx = ctx
        self.section_of = section_of
        self.out: list[tuple[Assignment, tuple[int, int]]] = []
        self.seen: set = set()

    def add(self, bodies: Iterable[BodyMatch], role: str, task: str, item: tuple[int, int]) -> None:
        for b in bodies:
            if b.weak and not b.generic:
                continue
            key = (item, b.canonical.lower(), role)
            if key in self.seen:
                continue
            self.seen.add(key)
            a = Assignment(body=b.surface.strip(), canonical=None if b.kind == _UNKNOWN else b.canonical, role=role, generic=b.generic,
                           text=task.strip() or None, section=self.section_of(b.start),
                           span=[b.start, b.end])
            self.out.append((a, item))


def _content_start(ctx: _Ctx, a: int, b: int) -> tuple[int, Optional[str]]:
    """Skip an outline marker; return (content start, marker kind)."""
    return content_start(ctx.text, ctx.folded, a, b)


def _skip_ws(f: str, pos: int) -> int:
    while pos < len(f) and f[pos] in " \t,":
        pos += 1
    return pos


_OPEN_END = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,")
_NOT_SUBJECT_AFTER = re.compile(r"[ \t]*(?:\(|cua(?!\w)|ve(?!\w)|$|\.)")


def _is_author_or_object(ctx: _Ctx, end: int, limit: int) -> bool:
    """A list followed by "của", "(" or nothing is not the subject of a task."""
    return bool(_NOT_SUBJECT_AFTER.match(ctx.folded, end, limit)) and ctx.folded[end:limit].strip() != ""
