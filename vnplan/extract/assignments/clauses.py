"""Roles inside one paragraph: subjects, "chủ trì", "giao", partners, reports, office-holders."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
from ...lang import patterns, vocab
from ...lang.bodies import canonical_of
from ...lang.fold import fold_same_length
from ...lang.gazetteer import BodyMatch
from ...lang.open_names import UNKNOWN as _UNKNOWN, open_name_ending
from .common import _words, _CHU_TRI, _CUES, _Ctx, _Emitter, _GIAO, _LEAD_IN, _ORDER, _PASSIVE, _PHOI_HOP, _REPORT, _REPORT_TO, _REPORT_WHAT, _SEMI, _clause_end, _is_author_or_object, _skip_ws
from .lists import parse_list

def _roles_in(ctx: _Ctx, em: _Emitter, a: int, b: int, subject: list[BodyMatch], task: str,
              item: tuple[int, int], full: bool, opens: bool = True) -> list[BodyMatch]:
    """Roles inside one paragraph [a, b); returns the bodies it charges as lead."""
    f = ctx.folded
    if not ctx.may_name(a, b) and f.find("chu tri", a, b) < 0:
        return []  # no body named here (nor one before a "chủ trì" opening the line)
    cues = set(_CUES.findall(f, a, b))  # which cue words the paragraph holds: one pass
    clause_starts = [a] if opens else []
    if full and ";" in cues:
        clause_starts += [m.end() for m in _SEMI.finditer(f, a, b)]
    # partners are read first only where a clause start may continue their list
    partners = _partner_lists(ctx, a, b) if len(clause_starts) > 1 and "phoi hop" in cues else None
    carried = {p[0].start for _, lists in partners for p in lists[1:]} if partners else set()
    lead = _subjects(ctx, a, b, clause_starts, carried, full, opens)
    lead += _cued_leads(ctx, a, b, cues)
    if lead:
        em.add(lead, "lead", task, item)
    # a task list line with no subject of its own names no partner, but its reports still go
    # somewhere ("+ Các bộ ... gửi kết quả rà soát về Bộ Công an")
    if partners is None and "phoi hop" in cues:
        partners = _partner_lists(ctx, a, b)
    for k, (start, lists) in enumerate(partners or ()):
        if _partners_of_the_task(ctx, a, start, full or bool(lead) or bool(subject), lead + subject, k == 0):
            for found in lists:
                em.add(found, "coordinate", task, item)
    if "phoi hop" in cues and f.find("do ", a, b) >= 0:
        em.add(_partners_by(ctx, a, b), "coordinate", task, item)
    if "bao cao" in cues or "gui" in cues:
        _reports(ctx, em, a, b, task, item)
    return lead


_BY_PARTNER = re.compile(r"[ \t]+phoi hop(?!\w)")


def _partners_by(ctx: _Ctx, a: int, b: int) -> list[BodyMatch]:
    """ "việc lấy mẫu do Chi cục Thú y phối hợp thực hiện": the agent of a passive "phối hợp"
    is a partner of the task, not its lead."""
    out: list[BodyMatch] = []
    for m in _BY.finditer(ctx.folded, a, b):
        found = parse_list(ctx, m.end(), b, unknown=True, holders="body")
        if found and _BY_PARTNER.match(ctx.folded, found[-1].end, b):
            out.extend(found)
    return out


def _partners_of_the_task(ctx: _Ctx, a: int, start: int, charged: bool, own: list[BodyMatch],
                          first: bool) -> bool:
    """Whether the partners of the "phối hợp" at ``start`` are the task's own.

    "X chủ trì, phối hợp với Y": yes. "Tham mưu UBND tỉnh phối hợp với Bộ Y tế" opening the
    task: yes, the advised body is no subject ("tham mưu X" is no role); after the task's own
    partners ("Chủ trì, phối hợp với A tham mưu UBND tỉnh phối hợp Bộ Y tế"): no, those are
    the advised body's. "Sở X đề nghị Bộ Y tế phối hợp với Bộ Z": no. A task line with no subject ("- Phối hợp với
    Bộ Công an ...", "Nhiệm vụ: ..., đồng thời phối hợp Bộ Công an"): the partners of the
    item's lead, named in its labels.
    """
    f = ctx.folded
    who = ctx.ending_at(start)
    if who is None or who.weak:
        return charged or not f[a:start].strip(" \t,;.:-*") or bool(_PARTNER_OPENER.search(f, max(a, start - 12), start))
    if first and _ADVISED.search(f, max(a, who.start - 12), who.start):
        return True
    return charged and who.canonical in {x.canonical for x in own}


def _subjects(ctx: _Ctx, a: int, b: int, clause_starts: list[int], carried: set, full: bool,
              opens: bool) -> list[BodyMatch]:
    """The bodies that open the clauses of [a, b) as their subject (an office-holder's body too)."""
    f = ctx.folded
    lead: list[BodyMatch] = []
    covered = -1  # end of the last subject list: a clause start inside it reads its tail again
    for cs in clause_starts:
        if cs < covered or _skip_ws(f, cs) in carried:
            continue  # "X; Y; Z lãnh đạo" read from X; "phối hợp X; Y và Z rà soát": partners
        o = _OPENER.match(f, cs, b)  # "Sau khi ... được thông qua, Bộ Tài chính ...": the subject follows
        m = _LEAD_IN.match(f, o.end() if o else cs, b)
        found = _named_subjects(ctx, parse_list(ctx, m.end() if m else o.end() if o else cs, b,
                                                unknown=True, holders="body"), b)
        if not found:
            continue
        covered = found[-1].end
        if not m and all(ctx.gives_orders(x) for x in found):
            order = _ORDER.match(f, found[-1].end, b)
            addressees = _named_subjects(ctx, parse_list(ctx, order.end(), b, unknown=True, holders="body"),
                                         b) if order else []
            if addressees and not _is_author_or_object(ctx, addressees[-1].end, b):
                lead.extend(addressees)  # "UBND Thành phố yêu cầu các Sở ... triển khai"
                continue
            if order and f.startswith(":", order.end()):
                continue  # "HĐND tỉnh giao:" the addressees follow below; the issuer orders
        if _is_author_or_object(ctx, found[-1].end, b):
            continue
        if full or m or _CHU_TRI.match(f, _skip_ws(f, found[-1].end)) or (
                cs == a and opens and not all(x.generic or ctx.gives_orders(x) for x in found)):
            lead.extend(found)  # a specific body opening a paragraph (not the issuer) is its subject
    return lead


def _named_subjects(ctx: _Ctx, found: list[BodyMatch], b: int) -> list[BodyMatch]:
    """The subject list ``found`` without the names the gazetteer lacks, unless a task verb
    or a colon follows it: "Cục Quản lý tài nguyên nước chủ trì" opens a task, "Trung tâm Dữ
    liệu quốc gia được xây dựng" none; neither does "Giao Cục Bưu điện Trung | ương ...", a
    name cut short."""
    if not any(x.kind == _UNKNOWN for x in found):
        return found
    if _SUBJECT_VERB.match(ctx.folded, found[-1].end, b):
        return found
    known = []
    for x in found:  # the known names before the first unknown one
        if x.kind == _UNKNOWN:
            break
        known.append(x)
    return known


def _cued_leads(ctx: _Ctx, a: int, b: int, cues: set) -> list[BodyMatch]:
    """ "X chủ trì", "giao X", "do X thực hiện" (str.find first: most lines have none)."""
    f = ctx.folded
    lead: list[BodyMatch] = []
    if "chu tri" in cues:
        for m in _CHU_TRI.finditer(f, a, b):
            prev = ctx.ending_at(m.start()) or _open_name_ending(ctx, a, m.start())
            if prev is not None and not prev.weak and not _PASSIVE.search(f, max(a, prev.start - 8), prev.start):
                lead.append(prev)
    if "giao" in cues:
        for m in _GIAO.finditer(f, a, b):
            lead.extend(_named_subjects(ctx, parse_list(ctx, m.end(), b, unknown=True, holders="body"), b))
    if f.find("do ", a, b) >= 0:
        for m in _BY.finditer(f, a, b):
            found = parse_list(ctx, m.end(), b, unknown=True, holders="body")
            if found and _PASSIVE_VERB.match(f, found[-1].end, b):
                lead.extend(found)  # "do Sở Tư pháp hướng dẫn": the agent leads
    return lead


def _open_name_ending(ctx: _Ctx, a: int, pos: int) -> Optional[BodyMatch]:
    """A name the gazetteer lacks ending right before ``pos`` ("..., Cục Quản lý dược chủ trì")."""
    end = pos
    while end > a and ctx.folded[end - 1] in " \t":
        end -= 1
    o = open_name_ending(ctx.flat, ctx.folded, max(a, end - _NAME_REACH), end, lambda i: ctx.at(i) is not None)
    return None if o is None or ctx.at(o.start) is not None else o  # a known name is read as known


_NAME_REACH = 120  # characters a name may take: the look back is bounded


def _reports(ctx: _Ctx, em: _Emitter, a: int, b: int, task: str, item) -> None:
    """The receivers of "báo cáo X", "gửi (kết quả) về X", "báo cáo cấp có thẩm quyền (X)"."""
    f = ctx.folded
    for m in _REPORT.finditer(f, a, b):
        end = _clause_end(ctx, m.end(), b)
        skip = _REPORT_WHAT.match(f, _skip_ws(f, m.end()), end)
        at = skip.end() if skip else _skip_ws(f, m.end())
        authority = _AUTHORITY.match(f, at, end)
        if authority:  # receivers in brackets, unless the report only passes through them
            if not f.startswith("qua ", authority.end()):
                em.add(parse_list(ctx, authority.end(), end, unknown=True, holders="written"),
                       "report_to", task, item)
            continue
        direct = parse_list(ctx, at, end, unknown=True, holders="written")
        if direct:
            em.add(direct, "report_to", task, item)
            continue
        for t in _REPORT_TO.finditer(f, m.end(), end):
            got = parse_list(ctx, t.end(), end, unknown=True, holders="written")
            if got:
                em.add(got, "report_to", task, item)
                break


_SUBJECT_VERB = re.compile(r"[ \t]*(?::|(?:" + _words("subject_verbs") + r")(?!\w))")
_SEMI_AT = re.compile(r"[ \t]*;[ \t]*")
_ADVISED = re.compile(r"(?<!\w)tham[ \t]+muu(?:[ \t]+(?:cho|voi))?[ \t]+$")
_PARTNER_OPENER = re.compile(r"(?:" + _words("partner_openers") + r"|,)[ \t]*$")
_OPENER = re.compile(r"(?:" + _words("clause_openers") + r")(?!\w)[^,;.\n]{0,160},[ \t]*")
_BY = re.compile(r"(?<!\w)do[ \t]+")
_PASSIVE_VERB = re.compile(r"[ \t]+(?:" + _words("passive_verbs") + r")(?!\w)")
_AUTHORITY = re.compile(r"(?:" + _words("authorities") + r")[ \t]*\([ \t]*")


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
    """Like parse_list, but a partner the gazetteer does not know is read too."""
    return parse_list(ctx, pos, limit, unknown=True)



def _only_bodies(ctx: _Ctx, a: int, b: int) -> list[BodyMatch]:
    """The bodies of a heading that is nothing but a list of bodies ("2. Đảng đoàn HĐND tỉnh")."""
    found = parse_list(ctx, a, b, holders="body")
    if found and not ctx.folded[found[-1].end:b].strip(" \t.:*"):
        return found
    return []


@lru_cache(maxsize=1)
def _org_heading_res() -> tuple:
    """(heading opening with an organisation head noun, action words) from bodies.yaml."""
    data = vocab.load("bodies") or {}
    heads = sorted(data.get("org_heads") or [], key=len, reverse=True)
    words = sorted((fold_same_length(w) for w in data.get("action_words") or []), key=len, reverse=True)
    ask = patterns.alternation(data.get("request_words") or [], " ")
    joined = patterns.alternation(data.get("heading_joiners") or [], " ")
    head = re.compile(r"(?:(?P<ask>" + ask + r")[ \t]+)?" + patterns.alternation(heads, " ")
                      + r"(?:[ \t]+" + joined + r")?[ \t]+(?=\w)") if heads else None
    action = re.compile(r"(?<!\w)" + patterns.alternation(words, " ") + r"(?!\w)") if words else None
    return head, action


_MAX_HEADING_WORDS = 12



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


