"""Clauses: where the text of a figure starts and ends, and which figures stand on their own."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from .cues import _Cues
from .quantities import Quantity, _FOLLOW
from .words import _A, _YEAR, _load, alt
from .words import _CLAUSE_LEAD, _LEAD_IN, _LETTER, _QUAL_VALUE, _SENT_END, _SPACE_PUNCT, _TRAIL_WORDS, _last_words, _vocab

_AND = " " + str(_load()["and_word"][0]) + " "  # " và " between two clauses


def _trim(text: str, s: int, e: int) -> tuple:
    """Shrink [s, e) past white space, bullets and trailing punctuation."""
    while s < e and (text[s].isspace() or text[s] in "-+*•–—·,;:."):
        s += 1
    m = _CLAUSE_LEAD.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.*"):
        e -= 1
    return s, e


def sentences(text: str, start: int, end: int) -> Iterable[tuple]:
    """[start, end) pairs of the sentences and ";"-clauses of one paragraph (lazily).

    A sentence ends at ". " before a capital letter (or a bullet); ";" always cuts.
    """
    s = start
    for m in _SENT_END.finditer(text, start, end):
        cut = m.start(1) if m.group(1) else m.start()
        if m.group(1) and text[m.end()].isalpha() and not text[m.end()].isupper():
            continue
        if cut > s:
            yield s, cut
        s = m.end()
    if end > s:
        yield s, end


@lru_cache(maxsize=4)
def _first_words(phrases: frozenset) -> frozenset:
    return frozenset(p.split(" ", 1)[0] for p in phrases)


def _is_list_comma(low: str, c: int) -> bool:
    """Whether the comma at ``c`` lists nouns ("xã, phường", "khu công nghiệp, cụm công
    nghiệp"): it then belongs to what a figure counts, not to a clause boundary."""
    lst = _vocab().list_nouns
    before = low[max(0, c - 48):c].split()[-4:]
    if not before or before[-1] not in _last_words(lst):
        return False  # the usual case, decided on one word
    after = low[c + 2:c + 50].split()[:4]
    if not after or after[0] not in _first_words(lst):
        return False
    while before and not before[0].isalpha():
        before = before[1:]
    for k, w in enumerate(after):
        if not w.isalpha():
            after = after[:k]
            break
    return (any(" ".join(before[-k:]) in lst for k in range(1, len(before) + 1))
            and any(" ".join(after[:k]) in lst for k in range(1, len(after) + 1)))


def _clause_comma(low: str, lo: int, hi: int, leading: bool) -> int:
    """Offset (in low[lo:hi]) of the ", " that ends a clause: the last one when a figure
    leads its part, else the first; commas listing nouns are passed over when another is
    there. -1 when there is none."""
    gap = low[lo:hi]
    ks = []
    k = gap.find(", ")
    while k >= 0:
        ks.append(k)
        k = gap.find(", ", k + 2)
    if not ks:
        return -1
    order = ks[::-1] if leading else ks
    for k in order:
        if not _is_list_comma(low, lo + k):
            return k
    return order[0]


def segments(low: str, start: int, end: int, qs: list) -> list:
    """Split one ";"-clause among its figures: at ", " (or ":") between two figures.

    When a figure leads its part ("100% cán bộ ..., 80% ..."), the cut is the last comma
    before the next figure; when it ends it ("tỷ lệ ... đạt 96,3%, tỷ lệ ..."), the first
    comma after it.
    """
    if len(qs) <= 1:
        return [(start, end)]
    bounds = [start]
    seg_start = start
    for prev, cur in zip(qs, qs[1:]):
        gap_lo, gap_hi = prev.end, cur.start
        if gap_hi <= gap_lo:
            continue
        lead = low[max(seg_start, prev.start - 60):prev.start]
        leading = not _LETTER.search(_LEAD_IN.sub("", lead, count=1)) or len(lead.split()) <= 2
        gap = low[gap_lo:gap_hi]
        found = [k + 1 for k in (_clause_comma(low, gap_lo, gap_hi, leading),
                                 gap.rfind(": ") if leading else gap.find(": "),
                                 gap.rfind(_AND) if leading else gap.find(_AND)) if k >= 0]
        cut = None
        if found:
            cut = gap_lo + (max(found) if leading else min(found))
        if cut is not None:
            bounds.append(cut)
            seg_start = cut
    bounds.append(end)
    return list(zip(bounds, bounds[1:]))


def _indicator(text: str, seg: tuple, q: Quantity) -> Optional[str]:
    """The segment without its lead-in and the value phrase: what is measured.

    A counted noun stays ("60 cán bộ, công chức" -> "cán bộ, công chức"); a measure unit and
    the comparator go.
    """
    s, e = seg
    if q.unit_is_noun and q.unit:
        cut_end = q.end - len(q.unit)
    else:
        cut_end = q.end
    left_s = s
    lm = _LEAD_IN.match(text[s:q.start].lower())
    if lm:
        left_s = s + lm.end()
    left = _TRAIL_WORDS.sub("", text[left_s:q.start].rstrip(" ,:").lower())
    left = text[left_s:left_s + len(left)]
    out = " ".join((left + " " + text[cut_end:e]).split()).strip(" ,;:.-")
    out = _SPACE_PUNCT.sub(r"\1", out)
    return out or None


def _commitment_end(text: str, low: str, q: Quantity, ts: int, te: int) -> int:
    """Where the commitment of a target's clause ends: before a ": " that opens an
    elaboration after the figure ("cho tối thiểu 2 dự án ...: tự động hóa, giám sát ...") and
    before a purpose or consequence joined to it (", góp phần ...", " và từng bước ...",
    ", thiết thực chào mừng ...", " nhằm ...")."""
    k = low.find(": ", q.end, te)
    if k >= 0:
        te = k
    m = _vocab().clause_end.search(low, q.end, te)
    if m:
        te = m.start()
    m = _NEW_SUBJECT.match(text, q.end, te)
    if m:
        te = q.end  # "... đạt từ 10% trở lên, Chính phủ yêu cầu ...": a new sentence's subject
    return _trim(text, ts, te)[1] if te > ts else te


# Right after a figure, a comma and a capitalised word then a lower-case one: the subject of a
# new clause ("..., Chính phủ yêu cầu", "..., Ủy ban nhân dân tỉnh giao"), not what is measured.
_NEW_SUBJECT = re.compile(r"[ \t]*,[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*[ \t]+[^\W\d_]+")


def is_milestone(low: str, ts: int, q: Quantity) -> bool:
    """Whether a figure's clause holds only a year and a verb before it ("năm 2026 đạt từ 10%",
    "năm 2018 đạt 99%"): a milestone of the indicator said just before, not a target of its own
    words."""
    lead = _MILESTONE_YEAR.match(low, ts, q.start)
    if not lead:
        return False
    v = _vocab()
    words = low[lead.end():q.start].replace(",", " ").split()
    return all(w in v.milestone_words or w in v.comp_words for w in words)


_MILESTONE_YEAR = re.compile(r"(?:" + _A + r"[ \t]+)?(?:" + alt("milestone_year_lead") + r"[ \t]+)*" + _YEAR
                             + r"[ \t]+(?:19|20)\d\d(?!\d)[ \t,:]*")


_COLON_AFTER = re.compile(r"[ \t]*:")


def _is_outcome(low: str, q: Quantity, ts: int, te: int) -> bool:
    """Whether a clause of a task states an outcome with its figure: it opens with the figure
    ("Có ít nhất 02 vùng dự án ...", "Có 30% diện tích ... áp dụng ...") or with a
    percentage whose measured noun a verb follows ("30% diện tích ... áp dụng ...").

    A count of the parts of a text ("Có 03 nhóm nhiệm vụ", "... như sau:") is not one.
    """
    v = _vocab()
    lead = " ".join(low[ts:q.start].split())
    if lead.endswith(":"):
        lead = ""  # "Đổi mới công nghệ trong khu công nghiệp: 100% ...": a label, then the outcome
    if lead and lead not in v.outcome_lead:
        return False
    if q.unit != "%" and not q.counted:
        return False  # nothing measured after the number
    if _COLON_AFTER.match(low, te):
        return False  # announces a list
    nm = _FOLLOW.match(low, q.end)
    if not nm:
        return False  # the number ends its clause: nothing is measured
    first = nm.group(1).split()
    if any(" ".join(first[:k]) in v.structure_nouns for k in (1, 2)):
        return False
    if lead:
        return True
    return q.unit == "%" and bool(v.outcome_verb.search(low, nm.end(), te))


def _primary(low: str, qs: list) -> list:
    """The quantities that may be figures of their own: an age qualifier ("dưới 40 tuổi") only
    where it is the value ("đạt 75 tuổi"); a grade ("từ 3 sao", "hạng 2") only where no figure
    precedes it in its clause ("Có thêm 30 sản phẩm OCOP đạt từ 3 sao trở lên" -> 30)."""
    out: list = []
    for q in qs:
        if q.qualifier and not _QUAL_VALUE.search(low, max(0, q.start - 12), q.start):
            continue
        if q.grade and out and not _CLAUSE_BREAK.search(low, out[-1].end, q.start):
            continue
        out.append(q)
    return out


_CLAUSE_BREAK = re.compile(r"[;.]\s|\n")


def _drop_dependants(low: str, prim: list) -> list:
    """Figures that describe the population of a leading percentage ("100% khu công nghiệp
    có tối thiểu 1 trạm") are part of its indicator, not figures of their own."""
    if len(prim) < 2:
        return prim
    v = _vocab()
    out = [prim[0]]
    for q in prim[1:]:
        prev = out[-1]
        if (prev.unit == "%" and q.unit != "%" and not _SEMI_OR_DOT.search(low, prev.end, q.start)
                and v.has_before.search(low, max(prev.end, q.start - 24), q.start)):
            continue
        out.append(q)
    return out


_SEMI_OR_DOT = re.compile(r"[;.]\s")


def _is_spec(low: str, q: Quantity, seg_s: int, cues: Optional[_Cues]) -> bool:
    """A technical specification ("tốc độ 10 Gigabit mỗi giây", "(10 Gbps)") that no
    commitment governs ("phấn đấu", "đến năm", "đạt tốc độ ...")."""
    v = _vocab()
    ne = q.num_end if q.num_end >= 0 else q.end
    if not (v.spec_unit.match(low, ne) or v.spec_before.search(low, max(seg_s, q.start - 40), q.start)):
        return False
    if cues is not None and cues.commit:
        return False
    return not v.spec_gov.search(low, max(seg_s, q.start - 40), q.start)
