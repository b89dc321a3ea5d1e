"""Assignments: who is charged with which task, in which role (lead, coordinate, report_to).

Runs last, over the cleaned text and the bodies recognizer. Three shapes are read:

* numbered items of the implementation section ("3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp
  với ... báo cáo Ban Thường vụ Tỉnh ủy"); an item whose heading is only a body name makes
  that body the lead of everything below it;
* labelled lines of UBND and Government task lists ("Cơ quan chủ trì: Bộ Công an",
  "Cơ quan phối hợp: ...") anywhere in the body of the document;
* markdown task tables with a "Cơ quan chủ trì" column, row by row.

Only bodies in a role position are emitted: the subject list that opens a clause, the list
after "phối hợp (với)", after "báo cáo ... với/về" and after "giao". A body written as the
author of a cited document ("... của Ban Chấp hành Trung ương") is never in such a position.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Optional

from ..lang import vocab
from ..model import Assignment, Document
from .bodies import BodyMatch, canonical_of, gazetteer, collector_paused, fold_same_length, key_of, scan_bodies, scan_range

# All patterns below run on the folded text (lower case, no diacritics, same offsets).
_MARKER = re.compile(r"[ \t]*(?:\*\*|\*)?[ \t]*(?:(?P<roman>[ivxlc]+)|(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})|"
                     r"(?P<letter>[a-z]))[ \t]*(?:[.)]|-(?!\d)|/)[.)]?[ \t]*(?:\*\*|\*)?[ \t]*"
                     r"|[ \t]*(?P<bullet>[-+•*])[ \t]+")
_LABEL = re.compile(r"(?:co quan|don vi|to chuc)[ \t]+(?P<what>chu tri|thuc hien|phoi hop|"
                    r"chiu trach nhiem)(?:[ \t]+(?:thuc hien|thuc hien chinh))?[ \t]*:[ \t]*")
_LEAD_IN = re.compile(r"(?:dong thoi,?[ \t]+)?(?:giao(?:[ \t]+cho)?|de nghi|yeu cau|chi dao)[ \t]+"
                      r"|can cu[^,;.\n]{0,160},[ \t]*")
_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*(?:va[ \t]+|cung[ \t]+)?|va[ \t]+|cung[ \t]+|voi[ \t]+)[ \t]*")
# "X yêu cầu / giao / đề nghị / (lãnh đạo,) chỉ đạo Y ...": an order from X to Y
_ORDER = re.compile(r"[ \t]*(?:(?:lanh dao,?[ \t]+)?chi dao|yeu cau|de nghi|giao(?:[ \t]+cho)?)(?!\w)[ \t]*")
_PASSIVE = re.compile(r"(?<!\w)(?:do|cua|khi|voi)[ \t]+$")
# The literal opens each pattern, the word-start check follows it as a lookbehind: the engine
# then jumps from one occurrence of the word to the next instead of testing every position.
_CHU_TRI = re.compile(r"chu tri(?<!\wchu tri)(?!\w)")
_PHOI_HOP = re.compile(r"phoi hop(?<!\wphoi hop)(?:[ \t]+(?:voi|cung))?[ \t]+")
_REPORT = re.compile(r"(?:bao cao(?<!\wbao cao)|gui(?<!\wgui))(?!\w)")
_REPORT_WHAT = re.compile(r"(?:ket qua|tinh hinh|tien do)(?:[ \t]+(?:thuc hien|trien khai))?[ \t]+")
_REPORT_TO = re.compile(r"(?:voi(?<!\wvoi)|ve(?<!\wve)|len(?<!\wlen)|cho(?<!\wcho))[ \t]+")
# "b) Chủ trì, phối hợp" / "phối hợp với:" ending its line: the bullets below name the partners
_DANGLING_PARTNER = re.compile(r"(?:^|[ \t,;])phoi hop(?:[ \t]+(?:voi|cung))?[ \t]*:?[ \t.]*$")
_GIAO = re.compile(r"giao(?<!\wgiao)(?:[ \t]+cho)?[ \t]+")
_CLAUSE_END = re.compile(r";|\.(?:[ \t]|$)|\n")
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


def _join_broken(text: str, folded: str) -> tuple[str, list[tuple[int, int]]]:
    """Join lines broken inside a sentence (PDF text: next line in lower case), keeping offsets.

    Returns the joined copy and the [start, end) spans that were blanked.
    """
    parts = []
    joins: list[tuple[int, int]] = []
    pos = 0
    for m in _BROKEN.finditer(folded):
        # a lower-case continuation, or a blank line inside a sentence (raw PDF text)
        if not text[m.end()].islower() and m.group().count("\n") < 2:
            continue
        start = m.start()
        while start > pos and folded[start - 1] in " \t":
            start -= 1
        if start == 0 or folded[start - 1] not in _OPEN_BEFORE_BREAK:
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


def _bodies_of(text: str, folded: str, joined: str, joins: list[tuple[int, int]]) -> list[BodyMatch]:
    """The body mentions of the joined text, reusing the scan of the plain one.

    The bodies stage scanned ``text`` already (the scan is kept); only the lines around a
    join are read again. Should a name run over such a line's edge, the whole joined text
    is scanned instead, so the result is always that of a full scan.
    """
    base = scan_bodies(text, folded)
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

    def __init__(self, text: str, issuer: Optional[str] = None):
        self.text = text
        self.issuer = _issuer_key(issuer)
        self.orderers: dict = {}  # canonical -> whether its orders charge the addressee
        folded = fold_same_length(text)
        self.folded, joins = _join_broken(text, folded)
        self.bodies = _bodies_of(text, folded, self.folded, joins)
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

    def ending_at(self, pos: int) -> Optional[BodyMatch]:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.bodies[i].end >= pos - 1:
            if self.bodies[i].end <= pos and not self.folded[self.bodies[i].end:pos].strip():
                return self.bodies[i]
            i -= 1
        return None


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
    for o in organs:
        if key.startswith(o + " "):
            key = key[len(o) + 1:]
            break
    # "Ủy ban nhân dân thành phố" issues "Ủy ban nhân dân thành phố Hà Nội" documents
    return issuer == key or issuer.startswith(key + " ")


def parse_list(ctx: _Ctx, pos: int, limit: int) -> list[BodyMatch]:
    """The list of bodies starting at ``pos`` ("X, Y và các cơ quan liên quan"); [] if none."""
    out: list[BodyMatch] = []
    while pos < limit:
        while pos < limit and ctx.folded[pos] in " \t":
            pos += 1
        b = ctx.at(pos)
        if b is None or b.end > limit or (b.weak and not out):
            break
        out.append(b)
        m = _SEP.match(ctx.folded, b.end, limit)
        if not m:
            break
        pos = m.end()
    return out


def _clause_end(ctx: _Ctx, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(ctx.folded, pos, limit)
    return m.start() if m else limit


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
    m = _MARKER.match(ctx.folded, a, b)
    if not m:
        return a, None
    kind = next((k for k in ("roman", "num", "letter", "bullet") if m.group(k)), None)
    if kind == "roman" and m.end("roman") - m.start("roman") == 1 and ctx.text[m.start("roman")].islower():
        kind = "letter"  # "c)", "i)", "v." in a lower-case a), b), c) list are letters
    if kind == "bullet":
        kind = "plus" if m.group("bullet") == "+" else "bullet"
    return m.end(), kind


def _roles_in(ctx: _Ctx, em: _Emitter, a: int, b: int, subject: list[BodyMatch], task: str,
              item: tuple[int, int], full: bool, opens: bool = True) -> list[BodyMatch]:
    """Roles inside one paragraph [a, b); returns the subject of its first clause."""
    f = ctx.folded
    lead: list[BodyMatch] = []
    # clause-initial subjects
    cues = set(_CUES.findall(f, a, b))  # which cue words the paragraph holds: one pass
    clause_starts = [a] if opens else []
    if full and ";" in cues:
        clause_starts += [m.end() for m in _SEMI.finditer(f, a, b)]
    # partners are read first only where a clause start may continue their list
    partners = _partner_lists(ctx, a, b) if len(clause_starts) > 1 and "phoi hop" in cues else None
    carried = {p[0].start for _, lists in partners for p in lists[1:]} if partners else ()
    covered = -1  # end of the last subject list: a clause start inside it reads its tail again
    for cs in clause_starts:
        if cs < covered:
            continue  # "X; Y; Z lãnh đạo": the list from X holds Y and Z (linear on long lists)
        if _skip_ws(f, cs) in carried:
            continue  # "phối hợp X; Y và Z rà soát": Y and Z are partners too
        m = _LEAD_IN.match(f, cs, b)
        pos = m.end() if m else cs
        found = parse_list(ctx, pos, b)
        if not found:
            holder = _office_holder(ctx, pos, b)
            if holder:
                lead.extend(holder)
                covered = holder[-1].end
                continue
        if found:
            covered = found[-1].end
        if found and not m and all(ctx.gives_orders(x) for x in found):
            order = _ORDER.match(f, found[-1].end, b)
            addressees = parse_list(ctx, order.end(), b) if order else []
            if addressees and not _is_author_or_object(ctx, addressees[-1].end, b):
                lead.extend(addressees)  # "UBND Thành phố yêu cầu các Sở ... triển khai"
                continue
        if found and not _is_author_or_object(ctx, found[-1].end, b):
            if full or m or _CHU_TRI.match(f, _skip_ws(f, found[-1].end)):
                lead.extend(found)
    # "X chủ trì" and "giao X" (str.find first: most lines have neither word)
    if "chu tri" in cues:
        for m in _CHU_TRI.finditer(f, a, b):
            prev = ctx.ending_at(m.start())
            if prev is not None and not prev.weak and not _PASSIVE.search(f, max(a, prev.start - 8), prev.start):
                lead.append(prev)
    if "giao" in cues:
        for m in _GIAO.finditer(f, a, b):
            lead.extend(parse_list(ctx, m.end(), b))
    if lead:
        em.add(lead, "lead", task, item)
    # a task list line with no subject of its own names no partner, but its reports still go
    # somewhere ("+ Các bộ ... gửi kết quả rà soát về Bộ Công an")
    if (full or lead or subject) and partners is None and "phoi hop" in cues:
        partners = _partner_lists(ctx, a, b)
    if partners and (full or lead or subject):
        own = {x.canonical for x in lead} | {x.canonical for x in subject}
        for start, lists in partners:
            who = ctx.ending_at(start)
            if who is not None and not who.weak and who.canonical not in own:
                # "tham mưu UBND tỉnh phối hợp Bộ Y tế": the partner of another subject
                continue
            for found in lists:
                em.add(found, "coordinate", task, item)
    if "bao cao" not in cues and "gui" not in cues:
        return lead
    for m in _REPORT.finditer(f, a, b):
        end = _clause_end(ctx, m.end(), b)
        skip = _REPORT_WHAT.match(f, _skip_ws(f, m.end()), end)
        direct = parse_list(ctx, skip.end() if skip else _skip_ws(f, m.end()), end)
        if direct:
            em.add(direct, "report_to", task, item)
            continue
        for t in _REPORT_TO.finditer(f, m.end(), end):
            got = parse_list(ctx, t.end(), end)
            if got:
                em.add(got, "report_to", task, item)
                break
    return lead


_SEMI_AT = re.compile(r"[ \t]*;[ \t]*")


def _partner_lists(ctx: _Ctx, a: int, b: int) -> list[tuple[int, list[list[BodyMatch]]]]:
    """Each "phối hợp (với)" of [a, b): (its start, the lists of partners it names).

    A list that runs up to a ";" leaves the phrase without its verb: the list that opens the
    next clause belongs to it ("phối hợp Ban Quản lý ...; các doanh nghiệp viễn thông và các
    đơn vị liên quan rà soát"), unless that list takes the lead itself ("...; Sở X chủ trì").
    """
    f = ctx.folded
    out = []
    for m in _PHOI_HOP.finditer(f, a, b):
        lists = []
        pos = m.end()
        while pos < b:
            found = _partner_list(ctx, pos, _clause_end(ctx, pos, b))
            if not found or (lists and _CHU_TRI.match(f, _skip_ws(f, found[-1].end))):
                break
            lists.append(found)
            semi = _SEMI_AT.match(f, found[-1].end, b)
            if not semi or len(lists) > 8:
                break
            pos = semi.end()
        out.append((m.start(), lists))
    return out


def _partner_list(ctx: _Ctx, pos: int, limit: int) -> list[BodyMatch]:
    """Like parse_list, but a partner the gazetteer does not know is read too: an
    organisation head and its capitalised name ("Trung tâm Chính trị thành phố")."""
    out: list[BodyMatch] = []
    f = ctx.folded
    while pos < limit:
        while pos < limit and f[pos] in " \t":
            pos += 1
        b = ctx.at(pos)
        if b is None or b.end > limit or (b.weak and not out):
            b = _unknown_org(ctx, pos, limit)
            if b is None:
                break
        out.append(b)
        m = _SEP.match(f, b.end, limit)
        if not m:
            break
        pos = m.end()
    return out


@lru_cache(maxsize=1)
def _unknown_org_res() -> tuple:
    """(organisation head followed by a capital, words a name never runs over) from bodies.yaml."""
    data = vocab.load("bodies") or {}
    heads = sorted(data.get("org_heads") or [], key=len, reverse=True)
    head = re.compile(r"(?:" + "|".join(map(re.escape, heads)) + r")(?=[ \t]+[A-Z" + _VIET_UPPER + "])") if heads else None
    breaks = frozenset(fold_same_length(w) for w in data.get("name_breaks") or [])
    return head, breaks


_VIET_UPPER = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
_NAME_WORD = re.compile(r"([ \t]*,[ \t]*|[ \t]+và[ \t]+|[ \t]+)([^\W\d_]+)")
_MAX_NAME_WORDS = 12
_MAX_LOWER_BEFORE_LEVEL = 3


def _unknown_org(ctx: _Ctx, pos: int, limit: int) -> Optional[BodyMatch]:
    """An organisation the gazetteer does not know: its head noun, the capitalised words of
    its name (joined by "và" or "," when a capital follows that opens no other name), then a
    level word, perhaps after one or two lower-case words ("... và Phát triển nông thôn
    huyện"). Canonical None."""
    head, breaks = _unknown_org_res()
    text, f = ctx.text, ctx.folded
    m = head.match(text, pos, limit) if head is not None else None
    if m is None or (pos and (text[pos - 1].isalnum())):
        return None
    g = gazetteer()
    i, end, lower, words = m.end(), 0, 0, 0
    while words < _MAX_NAME_WORDS:
        if end:
            lv = g.level_regex.match(f, i, limit)
            if lv is not None and text[lv.start():lv.end()].strip()[:1].islower():
                end = lv.end()
                break
        w = _NAME_WORD.match(text, i, limit)
        if not w:
            break
        sep, word = w.group(1).strip(), w.group(2)
        words += 1
        if word[0].isupper():
            if sep and (head.match(text, w.start(2), limit) or ctx.at(w.start(2)) is not None):
                break  # "và Phòng ...": the next name of the list
            end = i = w.end()
            lower = 0
            continue
        # lower-case syllables belong to the name only when a capital or a level closes them
        # ("Chính trị Lê Duẩn", "Phát triển nông thôn huyện"); a verb ends it
        nxt = _NAME_WORD.match(text, w.end(), limit)
        if f[w.start(2):w.end(2)] in breaks or (nxt and f[w.start(2):nxt.end(2)] in breaks):
            if lower and not sep:
                end = i  # "Trung tâm Y tế | hướng dẫn": the verb closes the name
            break
        if sep or not end or lower >= _MAX_LOWER_BEFORE_LEVEL:
            break
        i = w.end()
        lower += 1
    if not end:
        return None
    surface = text[pos:end]
    return BodyMatch(pos, end, surface, surface, False, _UNKNOWN)


def _skip_ws(f: str, pos: int) -> int:
    while pos < len(f) and f[pos] in " \t,":
        pos += 1
    return pos


_OPEN_END = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,")
_NOT_SUBJECT_AFTER = re.compile(r"[ \t]*(?:\(|cua(?!\w)|ve(?!\w)|$|\.)")


def _is_author_or_object(ctx: _Ctx, end: int, limit: int) -> bool:
    """A list followed by "của", "(" or nothing is not the subject of a task."""
    return bool(_NOT_SUBJECT_AFTER.match(ctx.folded, end, limit)) and ctx.folded[end:limit].strip() != ""


def _only_bodies(ctx: _Ctx, a: int, b: int) -> list[BodyMatch]:
    """The bodies of a heading that is nothing but a list of bodies ("2. Đảng đoàn HĐND tỉnh")."""
    found = parse_list(ctx, a, b)
    if found and not ctx.folded[found[-1].end:b].strip(" \t.:*"):
        return found
    return []


@lru_cache(maxsize=1)
def _org_heading_res() -> tuple:
    """(heading opening with an organisation head noun, action words) from bodies.yaml."""
    data = vocab.load("bodies") or {}
    heads = sorted(data.get("org_heads") or [], key=len, reverse=True)
    words = sorted((fold_same_length(w) for w in data.get("action_words") or []), key=len, reverse=True)
    head = re.compile(r"(?:(?P<ask>Đề nghị|ĐỀ NGHỊ)[ \t]+)?(?:" + "|".join(map(re.escape, heads)) +
                      r")(?:[ \t]+và)?[ \t]+(?=\w)") if heads else None
    action = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None
    return head, action


@lru_cache(maxsize=1)
def _office_re():
    """ "Bộ trưởng " / "Thủ trưởng " ... (folded) from bodies.yaml office_holders."""
    titles = sorted({fold_same_length(t) for t in (vocab.load("bodies") or {}).get("office_holders") or []},
                    key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, titles)) + r")[ \t]+") if titles else None


_RESPONSIBLE = re.compile(r"[ \t]*(?:co|chiu)[ \t]+trach[ \t]+nhiem(?!\w)")


def _office_holder(ctx: _Ctx, pos: int, b: int) -> list[BodyMatch]:
    """ "Bộ trưởng Bộ Công an có/chịu trách nhiệm ...": the holder of the body's office leads.

    The mention spans the office phrase; its canonical name is the body's."""
    office = _office_re()
    m = office.match(ctx.folded, pos, b) if office else None
    body = ctx.at(_skip_ws(ctx.folded, m.end())) if m else None
    if body is None or body.weak or body.generic or body.end > b:
        return []
    if not _RESPONSIBLE.match(ctx.folded, body.end, b):
        return []
    return [BodyMatch(pos, body.end, ctx.text[pos:body.end], body.canonical, False, body.kind)]


_MAX_HEADING_WORDS = 12
_UNKNOWN = "unknown"  # kind of a body named by a heading but not in the gazetteer: canonical None


def _named_heading(ctx: _Ctx, a: int, b: int, asked_only: bool) -> list[BodyMatch]:
    """A short heading naming an organisation the gazetteer may not know ("9. Ban Chỉ huy Bộ đội
    Biên phòng thành phố", "11. Đề nghị Chi cục Hải quan khu vực XIX"): the whole name, one body.

    It opens with an organisation head noun followed by a capitalised word, holds no word of a
    task and is at most a dozen words long. ``asked_only``: only after "Đề nghị".
    """
    head, action = _org_heading_res()
    if head is None:
        return []
    text = ctx.text
    while a < b and text[a] in " \t*":
        a += 1
    while b > a and text[b - 1] in " \t*.:;":
        b -= 1
    m = head.match(text, a, b)
    known = ctx.at(_skip_ws(ctx.folded, m.end("ask")) if m.group("ask") else a) if m else None
    if known is not None and known.end > m.end():
        return []  # opens with a known body: read as a task whose subject it is
    if not m or m.end() >= b or not text[m.end()].isupper() or (asked_only and not m.group("ask")):
        return []
    if len(text[a:b].split()) > _MAX_HEADING_WORDS or action.search(ctx.folded, m.end("ask") if m.group("ask") else a, b):
        return []
    start = _skip_ws(ctx.folded, m.end("ask")) if m.group("ask") else a
    surface = text[start:b]
    canonical = canonical_of(surface)
    return [BodyMatch(start, b, surface, canonical or surface, False, "other" if canonical else _UNKNOWN)]


def _depth(kind: Optional[str], number: str) -> int:
    if kind == "roman":
        return 0
    if kind == "num":
        return 1 + number.count(".")
    if kind == "letter":
        return 10
    if kind == "bullet":
        return 20
    if kind == "plus":
        return 21
    return 99


def _region(ctx: _Ctx, em: _Emitter, a: int, b: int, full: bool) -> None:
    """Walk the lines of a region: items, headings made of bodies, labelled lines."""
    f = ctx.folded
    lines = [(m.start(), m.end()) for m in _LINE.finditer(f, a, b)]
    contents = [_content_start(ctx, la, lb) for la, lb in lines]
    # items: (depth, start, end, task, subject)
    stack: list[list] = []
    ends = _item_ends(ctx, lines, contents)
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


def _item_ends(ctx: _Ctx, lines: list[tuple[int, int]], contents: list) -> list[int]:
    """For each line, where the item it opens ends (next marker of the same or lower depth)."""
    ends = [0] * len(lines)
    open_: list[tuple[int, int]] = []  # (depth, line index)
    last = lines[-1][1] if lines else 0
    for i, (la, lb) in enumerate(lines):
        cs, kind = contents[i]
        if kind is None:
            ends[i] = lb
            continue
        depth = _depth(kind, ctx.folded[la:cs].strip(" \t.)*-/"))
        while open_ and open_[-1][0] >= depth:
            ends[open_.pop()[1]] = la
        open_.append((depth, i))
    for _, i in open_:
        ends[i] = last
    for i, (la, lb) in enumerate(lines):
        if ends[i] == 0:
            ends[i] = lb
    return ends


def _tables(ctx: _Ctx, em: _Emitter, a: int, b: int) -> None:
    """Markdown task tables: the "chủ trì" column leads, the "phối hợp" column coordinates."""
    f = ctx.folded
    if f.find("|", a, b) < 0:
        return
    cols: Optional[dict] = None
    prev_end = -2
    for m in _TABLE_ROW.finditer(f, a, b):
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


def _cells(f: str, a: int, b: int) -> list[tuple[int, int]]:
    bars = [i for i in range(a, b) if f[i] == "|"]
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


def _section_index(doc: Document):
    """pos -> id of the deepest section containing it, by binary search.

    Section spans nest, so one sweep turns them into change points: from each point on,
    one section (or none) is the deepest. Spans that do not nest fall back to a scan.
    """
    spans = sorted(((s.span[0], -s.level, s.span[1], s.id) for s in doc.walk() if s.span),
                   key=lambda t: (t[0], t[1]))
    points = _change_points(spans)
    if points is None:
        return _section_scan(spans)
    starts = [p for p, _ in points]

    def section_of(pos: int) -> Optional[str]:
        i = bisect_right(starts, pos) - 1
        return points[i][1] if i >= 0 else None

    return section_of


def _change_points(spans: list) -> Optional[list]:
    """[(position, section id or None)] for nested spans; None when two spans cross.

    Of two equal spans the later in ``spans`` order is the one reported, as the scan does.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][2], i))
    order = [i for i in order if spans[i][2] > spans[i][0]]  # an empty span contains nothing
    points: list = []
    stack: list = []  # (end, id)
    for i in order:
        st, _, en, sid = spans[i]
        while stack and stack[-1][0] <= st:
            end = stack.pop()[0]
            points.append((end, stack[-1][1] if stack else None))
        if stack and en > stack[-1][0]:
            return None
        stack.append((en, sid))
        points.append((st, sid))
    while stack:
        end = stack.pop()[0]
        points.append((end, stack[-1][1] if stack else None))
    return points


def _section_scan(spans: list):
    def section_of(pos: int) -> Optional[str]:
        best = None
        best_len = None
        for st, _, en, sid in spans:
            if st > pos:
                break
            if st <= pos < en and (best_len is None or en - st <= best_len):
                best, best_len = sid, en - st
        return best

    return section_of


def _regions(doc: Document, ctx: _Ctx) -> tuple[list, list]:
    """(implementation regions, task regions) as [start, end) spans."""
    impl, tasks = [], []
    for s in doc.walk():
        if not s.span:
            continue
        if s.kind == "implementation":
            impl.append(tuple(s.span))
        elif s.kind == "tasks":
            tasks.append(tuple(s.span))
    impl = _outermost(impl)
    tasks = [t for t in _outermost(tasks) if not any(i[0] <= t[0] < i[1] for i in impl)]
    if not impl and not list(doc.walk()):
        impl = _fallback_impl(ctx)
    return impl, tasks


def _outermost(spans: list) -> list:
    spans = sorted(spans)
    out: list = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _fallback_impl(ctx: _Ctx) -> list:
    """Without an outline: from a short "TỔ CHỨC THỰC HIỆN" line to "Nơi nhận" or the end."""
    f = ctx.folded
    words = _impl_words()
    for m in _LINE.finditer(f):
        cs, kind = _content_start(ctx, m.start(), m.end())
        line = f[cs:m.end()].strip(" \t*:.")
        if len(line) < 60 and kind in ("roman", "num", None) and any(line.startswith(w) for w in words):
            end = _NOI_NHAN.search(f, m.end())
            return [(m.end() + 1, end.start() if end else len(f))]
    return []


def extract(doc: Document) -> list[Assignment]:
    """The assignments of a parsed document (pure: reads doc, returns new items)."""
    text = doc.text or ""
    if not text.strip():
        return []
    ctx = _Ctx(text, doc.metadata.issuer if doc.metadata else None)
    em = _Emitter(ctx, _section_index(doc))
    excluded = [tuple(x) for x in (doc.footer,) if x]
    impl, tasks = _regions(doc, ctx)
    for a, b in impl:
        _region(ctx, em, a, _cut(a, b, excluded), True)
    for a, b in tasks:
        _region(ctx, em, a, _cut(a, b, excluded), False)
    # labelled lines elsewhere in the body (not preamble/footer), and tables anywhere
    done = impl + tasks
    body_a = doc.preamble[1] if doc.preamble and doc.sections else 0
    body_b = excluded[0][0] if excluded else len(text)
    situation = _outermost([tuple(s.span) for s in doc.walk() if s.span and s.kind == "situation"])
    pos = body_a
    for a, b in sorted(done) + [(body_b, body_b)]:
        if a > pos:
            # a directive without implementation/tasks sections: read its items in tasks mode
            _labels_only(ctx, em, pos, min(a, body_b), anything=not done)
            if done:
                _chu_tri_lines(ctx, em, pos, min(a, body_b), situation)
        pos = max(pos, b)
    _tables(ctx, em, 0, len(text))
    _link_deadlines(doc, em)
    return [a for a, _ in sorted(em.out, key=lambda t: t[0].span[0])]


def _labels_only(ctx: _Ctx, em: _Emitter, a: int, b: int, anything: bool = False) -> None:
    if anything or _LABEL.search(ctx.folded, a, b):
        _region(ctx, em, a, b, False)


def _chu_tri_lines(ctx: _Ctx, em: _Emitter, a: int, b: int, situation: list) -> None:
    """ "3. Bộ Tài chính chủ trì tổng hợp ..." outside the task sections (a funding section):
    each line naming a body that "chủ trì" is a task of its own. Situation sections report
    past work: their "chủ trì" charges nobody."""
    f = ctx.folded
    if f.find("chu tri", a, b) < 0 or _LABEL.search(f, a, b):
        return  # none, or the labelled lines were read as a task list already
    pieces, pos = [], a
    for x, y in situation:  # the gap minus the situation sections
        if y > pos and x < b:
            if x > pos:
                pieces.append((pos, x))
            pos = y
    if pos < b:
        pieces.append((pos, b))
    for pa, pb in pieces:
        _chu_tri_piece(ctx, em, pa, pb)


def _chu_tri_piece(ctx: _Ctx, em: _Emitter, a: int, b: int) -> None:
    f = ctx.folded
    done = -1  # end of the last line read: each line once (linear on a long line)
    for m in _CHU_TRI.finditer(f, a, b):
        if m.start() < done:
            continue
        la = max(a, f.rfind("\n", a, m.start()) + 1)
        lb = f.find("\n", m.end(), b)
        lb = b if lb < 0 else lb
        if ctx.ending_at(m.start()) is None and not _GIAO.search(f, la, m.start()):
            continue
        done = lb
        _region(ctx, em, la, lb, False)


def _cut(a: int, b: int, excluded: list) -> int:
    for x, _ in excluded:
        if a <= x < b:
            return x
    return b


def _link_deadlines(doc: Document, em: _Emitter) -> None:
    """Give each assignment the due dates of its item, and each deadline the bodies its item
    charges (lead and coordinate; a report_to body receives the report, it owes nothing)."""
    dls = [d for d in doc.deadlines or [] if getattr(d, "span", None)]
    if not dls:
        return
    # deadlines by start: an item's deadlines are found by binary search, then read in
    # document order
    order = sorted(range(len(dls)), key=lambda i: dls[i].span[0])
    starts = [dls[i].span[0] for i in order]
    for a, (ia, ib) in em.out:
        hits = order[bisect_left(starts, ia):bisect_left(starts, ib)]
        if len(hits) > 1:
            hits.sort()
        for i in hits:
            d = dls[i]
            value = d.due or d.recurrence
            if value and value not in a.deadlines:
                a.deadlines.append(value)
            if a.role == "report_to":
                continue  # the deadline binds the bodies charged with the task, not the receiver
            name = a.canonical or a.body
            if name and name not in d.bodies:
                d.bodies.append(name)


def apply(doc: Document) -> None:
    """Fill doc.assignments (after targets, deadlines and bodies)."""
    with collector_paused(len(doc.text or "")):
        doc.assignments = extract(doc)
