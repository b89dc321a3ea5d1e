"""Cited documents: every số ký hiệu in the text ("45-NQ/TW", "182/KH-UBND", "140/2017/NĐ-CP").

One Reference per document (the same number written with spaces counts once), with its type
("Nghị quyết số ..." or the type symbol), date and issuer when they follow the first mention,
and every mention's span. Documents cited in the title (trích yếu) or in the opening
"Thực hiện ..." sentence are what the plan ``implements`` (with the other places a plan says
so, read in ``implements.py``); the rest are ``cites``. Numbers are read by
``vnplan.lang.docnumber``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..lang import docnumber, vocab
from ..lang.patterns import alternation
from .implements import (LEAD_MARKUP as _LEAD_MARKUP, issue_clause, named_numbers,
                         opening_span, parenthesis_span, purpose_spans, title_object)
from ..lang.timex import date_at
from ..lang.docnumber import NUMBER_RE, canonical_number, doc_types, type_named, type_of_symbol
from ..model import Document, Reference

_SEPS = re.compile(r"[-/‐–]")
_DIGIT = re.compile(r"\d")

_W = vocab.load("doctypes")["citation_words"]  # the fixed words of the patterns below
_NO = alternation(_W["number"], " ")  # "số"
_AND = alternation(_W["and"], " ")  # "và"
# What may stand between a number and its date: ", ngày", " ban hành ngày", " ngày".
_DATE_LEAD = re.compile(r"[\s,]*(?:\(\s*)?(?:" + alternation(_W["issued"], " ") + r"\s+)?(?:"
                        + alternation(_W["date"], " ") + r"\s*)?", re.I)
_OF_RE = re.compile(r"[\s,]*" + alternation(_W["of"], " ") + r"\s+", re.I)
# What ends the text before an item of a list of documents: "; ", ", ", " và ", " cùng ".
_LIST_CTX = re.compile(r"(?:[;,]|(?<!\w)" + alternation(_W["list_joiners"], " ") + r")[\s*_“”\"]*$", re.I)
# a bare "số" before a number: "(Số 1226/QĐ-BVHTTDL ... và số 2657/QĐ-BVHTTDL)" enumerates the
# documents just named in the plural ("các Quyết định ...")
_BARE_NO = re.compile(r"(?:(?P<paren>\()[\s*_]*)?(?<!\w)" + _NO + r"\s*:?\s*$", re.I)


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    types = list(doc_types())
    # "Nghị quyết số 45", "Nghị Quyết số:", "Kế hoạch liên tịch số", "Quyết_định số" (word-segmented)
    before = re.compile(r"(?P<t>" + alternation(types, r"[\s_]") + r")[\s_]*(?:" + _NO + r")?\s*:?\s*$", re.I)
    stop_re = re.compile(
        r"\s+" + alternation(d["issuer_stops"], " ") + r"\b|\s+" + _AND + r"\s+" + alternation(types, " ")
        + r"\b|\s+" + _AND + r"\s+(?=(?-i:[a-zđàáảãạăâêôơư]))|[,;:()\n.“”\"]|\s-\s", re.I)
    described = re.compile(
        r"(?<!\w)" + alternation(_W["about"], " ") + r"(?:\s+" + alternation(d["description_verbs"], r"\s+")
        + r"){1,3}\s+" + alternation(types, r"\s+") + r"[\s_]*(?:" + _NO + r")?\s*:?\s*$", re.I)
    return {"types": types, "before": before, "described": described, "stop": stop_re}


def date_after(text: str, pos: int) -> tuple[Optional[str], int]:
    """The date written right after a number ("ngày 24/11/2023", ", ngày 24 tháng 11 năm 2023")."""
    lead = _DATE_LEAD.match(text, pos, min(len(text), pos + 30))
    start = lead.end() if lead else pos
    # a full date is written with digits: without one in date_at's 30 characters there is none
    found = date_at(text, start) if _DIGIT.search(text, start, start + 30) else None
    return found if found else (None, pos)


def issuer_after(text: str, pos: int) -> Optional[str]:
    """"của Ban Chấp hành Trung ương Đảng khóa XIII về ..." -> "Ban Chấp hành Trung ương Đảng"."""
    m = _OF_RE.match(text, pos, min(len(text), pos + 12))
    if not m:
        return None
    window = text[m.end():m.end() + 120]
    stop = _data()["stop"].search(window)
    name = (window[:stop.start()] if stop else window).strip(" *_")
    words = name.split()
    if not words or not words[0][:1].isupper() or len(words) > 12:
        return None
    return name.replace("_", " ")


def type_before(text: str, pos: int) -> Optional[str]:
    """"... Nghị quyết số " right before a number -> "Nghị quyết" (sentence case)."""
    window = text[max(0, pos - 40):pos]
    m = _data()["before"].search(window)
    if not m:
        return None
    return type_named(m.group("t").replace("_", " "))


def find_numbers(text: str) -> Iterable[re.Match]:
    """Every số ký hiệu in ``text`` (a match of NUMBER_RE)."""
    return docnumber.find_numbers(text)


class _Collector:
    """The references read so far, and what ``extract_references`` was told about the text."""

    def __init__(self, own: set, opts: dict) -> None:
        self.own = own
        self.o = opts
        self.refs: dict[str, Reference] = {}
        self.seen: set = set()
        self.canon: dict[str, tuple[str, str]] = {}
        self.tries: dict[str, int] = {}
        self.years: dict[str, Optional[str]] = {}
        self.opened: set = set()  # (opening span, after its issuing clause) whose first number was seen
        self.issued: dict[int, int] = {}  # opening span -> where its issuing clause starts (-1: none)
        self.n_open = len(opts["opening_spans"])
        self.spans_read = list(opts["opening_spans"]) + list(opts["repeat_spans"])

    def _key(self, m: re.Match) -> tuple[str, str]:
        raw = m.group(0)
        got = self.canon.get(raw)
        if got is None:
            if not m.group("year") and len(_SEPS.findall(m.group("sym"))) < 2:
                got = ("", "")  # a lone "12-ABC": not a số ký hiệu
            else:
                number = canonical_number(raw)
                got = (number, number.upper())
            self.canon[raw] = got
        return got

    def add(self, m: re.Match, src: str, mention: list, offset_ok: bool) -> None:
        number, key = self._key(m)
        if not key or key in self.own:
            return
        if offset_ok and any(s <= mention[0] < e for s, e in self.o["exclude_spans"]):
            return
        ref = self.refs.get(key)
        if ref is None:
            ref = self.refs[key] = Reference(number=number)
            self.tries[key] = 0
            self.years[key] = m.group("year")
        if (key, mention[0], mention[1]) in self.seen:
            return
        self.seen.add((key, mention[0], mention[1]))
        ref.mentions.append(mention)
        self._describe(ref, key, m, src)
        if offset_ok:
            self._relate(ref, m, src, mention)

    def _describe(self, ref: Reference, key: str, m: re.Match, src: str) -> None:
        """Type, date and issuer from the words around one of the first mentions."""
        if ref.doc_type is None:
            ref.doc_type = type_before(src, m.start()) or type_of_symbol(m.group("sym"))
        if (ref.date is None or ref.issuer is None) and self.tries[key] < 8:
            self.tries[key] += 1
            date, after = date_after(src, m.end())
            if ref.date is None and date and date_possible(date, self.years[key], self.o["cited_before"]):
                ref.date = date  # else a typo ("163/2024/QH15 ngày ... năm 2025"): read on
            if ref.issuer is None or ref.issuer.isupper():
                ref.issuer = issuer_after(src, after) or ref.issuer

    def _relate(self, ref: Reference, m: re.Match, src: str, mention: list) -> None:
        """``implements`` when the mention is an item of an opening, a repeating purpose item
        (for a document named in the preamble) or an implementing span."""
        for k, (s, e) in enumerate(self.spans_read):
            if s <= mention[0] and mention[1] <= e:
                if k not in self.issued:
                    self.issued[k] = issue_clause(src, s, e)
                # the issuing clause restarts the list: "..., UBND tỉnh ban hành Kế hoạch triển
                # khai Quyết định số B" carries out B
                past_issue = 0 <= self.issued[k] < m.start()
                part = (k, past_issue)
                repeat_ok = k < self.n_open or ref.mentions[0][0] < self.o["preamble_end"]
                if repeat_ok and (part not in self.opened or top_level(
                        src, self.issued[k] if past_issue else s, m.start())):
                    ref.relation = "implements"
                self.opened.add(part)
                break
        for s, e in self.o["implement_spans"]:
            if s <= mention[0] and mention[1] <= e:
                if not described_in_title(src, s, m.start()):
                    ref.relation = "implements"
                break


def extract_references(text: str, *, implement_spans: Sequence[Sequence[int]] = (),
                       own_number: Optional[str] = None,
                       extra: Sequence[tuple[str, Sequence[int]]] = (),
                       opening_spans: Sequence[Sequence[int]] = (),
                       cited_before: Optional[str] = None,
                       own_numbers: Iterable[str] = (),
                       exclude_spans: Sequence[Sequence[int]] = (),
                       repeat_spans: Sequence[Sequence[int]] = (),
                       preamble_end: int = 0) -> list[Reference]:
    """All documents cited by number in ``text``, one per canonical number, in order of first
    mention. ``implement_spans``: spans whose every number is implemented (the title);
    ``opening_spans``: the opening "Thực hiện ..." sentence, whose top-level numbers are
    implemented but not those named inside another one's description ("Kế hoạch số 139/KH-UBND
    về thực hiện Nghị quyết số 71/NQ-CP": 71/NQ-CP is cited); ``extra``: (text, span) pairs such
    as footnote bodies, whose mentions get ``span``; ``cited_before``: the citing document's
    date (ISO, maybe "2024-02"): a cited document's date cannot be later; ``own_numbers``: the
    document's own numbers (never listed); ``exclude_spans``: the header block, whose numbers
    are never references; ``repeat_spans``: purpose items that repeat what the plan carries out
    (read like the opening), which make ``implements`` only a document already named before
    ``preamble_end`` (in the opening or a "Căn cứ"). In the title, a document named as the
    object of "về (tiếp tục) thực hiện ..." inside an earlier cited document's description is
    cited, not implemented."""
    own = {canonical_number(n).upper() for n in own_numbers if n}
    if own_number:
        own.add(canonical_number(own_number).upper())
    col = _Collector(own, {"implement_spans": implement_spans, "opening_spans": opening_spans,
                           "cited_before": cited_before, "exclude_spans": exclude_spans,
                           "repeat_spans": repeat_spans, "preamble_end": preamble_end})
    for m in find_numbers(text):
        col.add(m, text, [m.start(), m.end()], True)
    for body, span in extra:
        for m in find_numbers(body or ""):
            col.add(m, body, list(span) if span else [0, 0], False)
    return list(col.refs.values())


def described_in_title(text: str, start: int, pos: int) -> bool:
    """Whether the number at ``pos`` is named inside an earlier cited document's description in
    the title starting at ``start``: "Kết luận số 91-KL/TW ... về tiếp tục thực hiện Nghị quyết
    số 29-NQ/TW" (29-NQ/TW is cited by what the plan carries out, not carried out itself)."""
    lo = max(start, pos - 400)
    if NUMBER_RE.search(text, lo, pos) is None:
        return False
    return _data()["described"].search(text, max(lo, pos - 80), pos) is not None


def date_possible(date: str, year: Optional[str], cited_before: Optional[str]) -> bool:
    """Whether a cited document can bear ``date``: not after the citing document's date, and in
    the year its number carries ("163/2024/QH15" is from 2024) -- a mention's typo loses."""
    if year and not date.startswith(year):
        return False
    if cited_before and date[:len(cited_before)] > cited_before:
        return False
    return True


def top_level(text: str, start: int, pos: int) -> bool:
    """Whether the number at ``pos`` is an item of the opening sentence starting at ``start``
    rather than a document named inside the previous item's description: its type words
    ("Nghị quyết số") follow a list separator (";", ",", "và") or the opener itself."""
    window = text[max(start, pos - 40):pos]
    m = _data()["before"].search(window)
    if m is None:
        bare = _BARE_NO.search(window)
        if bare and bare.group("paren"):
            return True
        m = bare
    q = pos - len(window) + m.start() if m else pos
    return _LIST_CTX.search(text, max(start, q - 30), q) is not None


_OWN_NUM = re.compile(r"(?:^|(?<=[\t|]))[\s*#>]*" + docnumber.number_word(upper=True, lower=True) + r"(?:[ \t]*"
                      + docnumber.symbol_words() + r")?[ \t]*[:.]?[ \t]*|(?<!\w)" + docnumber.number_word(upper=True)
                      + r"(?:[ \t]*" + docnumber.symbol_words() + r")?[ \t]*[:.]?[ \t]*")
_HEADER_LINES = 20


def header_numbers(text: str, start: int, end: int) -> list[str]:
    """The document's own numbers: those on a "Số 45-KH/TU" / "Số: 123/KH-UBND" line of the
    header block (the short lines at the top), whatever the order of the columns."""
    out: list[str] = []
    pos = start
    for _ in range(_HEADER_LINES):
        if pos >= end:
            break
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        if le - pos > 200:
            break  # the body: the header is over
        line = text[pos:le]
        for m in _OWN_NUM.finditer(line):
            if m.start() and type_before(line, m.start()):
                continue  # "Nghị quyết Số 45-NQ/TW" names a document
            nm = NUMBER_RE.match(line, m.end())
            if nm:
                out.append(canonical_number(nm.group(0)))
        pos = le + 1
    return out


def _preamble(doc: Document, text: str) -> tuple[int, int]:
    """Where the opening may be read: after the title (or the type line), before the outline."""
    md = doc.metadata
    if doc.preamble:
        p_start, p_end = doc.preamble
    else:
        p_start = 0
        p_end = doc.sections[0].span[0] if doc.sections else min(len(text), 6000)
    t_end = md.spans.get("title", [None, None])[1]
    if t_end is not None and p_start <= t_end <= p_end:
        p_start = t_end + 1
    elif md.spans.get("doc_type"):
        d0, d1 = md.spans["doc_type"]
        line0 = text.rfind("\n", 0, d0) + 1
        # a type line, not a type named in a sentence, and no opening above it (a header-less
        # text: "Thực hiện ..." first, then "UBND Thành phố xây dựng Kế hoạch ...")
        if not _LEAD_MARKUP.sub("", text[line0:d0]) and opening_span(text, p_start, line0) is None:
            p_start = max(p_start, d1 + 1)
    return p_start, p_end


def _header_block(doc: Document, text: str) -> list:
    """The header above the type line, whose numbers are never references."""
    md, pre = doc.metadata, doc.preamble
    ds = md.spans.get("doc_type")
    if ds and ds != md.spans.get("issuer") and (pre is None or pre[0] <= ds[0] <= pre[1]):
        line0 = text.rfind("\n", 0, ds[0]) + 1
        if not _LEAD_MARKUP.sub("", text[line0:ds[0]]):
            return [[pre[0] if pre else 0, line0]]
    return []


def _implementing(text: str, title: Optional[str], title_span, p_start: int, p_end: int) -> list:
    """Spans whose numbers are carried out: the title, a "(Thực hiện ...)" parenthesis under it
    and the "Căn cứ" document approving what the title names ("Kế hoạch thực hiện Quy hoạch X")."""
    spans = [title_span] if title_span else []
    name = title_object(title)
    if name:
        found = [[m.start(), m.end()] for m in find_numbers(text[:p_end])]
        spans.extend(named_numbers(text, p_start, p_end, name, found))
    paren = parenthesis_span(text, p_start, p_end)
    if paren:
        spans.append(paren)
    return spans


def apply(doc: Document) -> None:
    """Fill doc.references from the text and the footnotes."""
    text = doc.text or ""
    md = doc.metadata
    p_start, p_end = _preamble(doc, text)
    op = opening_span(text, p_start, p_end)
    doc.references = extract_references(
        text, implement_spans=_implementing(text, md.title, md.spans.get("title"), p_start, p_end),
        own_number=md.number, extra=[(f.text, f.span) for f in (doc.footnotes or [])],
        opening_spans=[op] if op else (), cited_before=md.date,
        own_numbers=header_numbers(text, doc.preamble[0] if doc.preamble else 0, p_end),
        exclude_spans=_header_block(doc, text),
        repeat_spans=purpose_spans(text, doc.sections or []), preamble_end=p_end)
