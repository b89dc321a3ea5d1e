"""Cited documents: every số ký hiệu in the text ("45-NQ/TW", "182/KH-UBND", "140/2017/NĐ-CP").

One Reference per document (the same number written with spaces counts once), with its type
("Nghị quyết số ..." or the type symbol), date and issuer when they follow the first mention,
and every mention's span. Documents cited in the title (trích yếu) or in the opening
"Thực hiện ..." sentence are what the plan ``implements``; the rest are ``cites``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .. import vocab
from ..model import Document, Reference
from ..text import fold

# A syllable of a symbol: an upper-case letter, then upper case or digits, with at most one
# lower-case letter at a time ("CTr", "TTg", "QĐi", "QyĐ"), so words like "Ban" never match.
_SEG = r"[A-ZĐ](?:[A-ZĐ0-9]|[a-zđ](?![a-zđ])){0,9}"
_SEP = r"[ \t]?[-/‐–][ \t]?"
# number [/year] sep SEG (sep SEG)* ; the whole not glued to a preceding or following word.
NUMBER_RE = re.compile(
    r"(?=\d)(?<![\w/.-])(?P<n>\d{1,5}[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?"
    r"(?P<sym>" + _SEP + _SEG + r"(?:" + _SEP + _SEG + r"){0,3})(?![\w/])"
)
_SEPS = re.compile(r"[-/‐–]")
_DASHES = str.maketrans({"‐": "-", "–": "-"})

_DATE_NUM = re.compile(r"(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d\d)(?!\d)")
_DATE_WORDS = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)(?!\d)", re.I)
# What may stand between a number and its date: ", ngày", " ban hành ngày", " ngày".
_DATE_LEAD = re.compile(r"[\s,]*(?:\(\s*)?(?:ban hành\s+)?(?:ngày\s*)?", re.I)
_LEAD_MARKUP = re.compile(r"^(?:[\s*|#>]|\[bookmark:[^\]\n]{0,200}\])*")
_OF_RE = re.compile(r"[\s,]*của\s+", re.I)


def canonical_number(raw: str) -> str:
    """"45 - NQ/TW" -> "45-NQ/TW": no white space, one kind of dash; the Đ kept."""
    return re.sub(r"\s+", "", raw).translate(_DASHES)


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    types = sorted(d["types"], key=len, reverse=True)
    # "Nghị quyết số 45", "Nghị Quyết số:", "Kế hoạch liên tịch số", "Quyết_định số" (word-segmented)
    before = re.compile(
        r"(?P<t>" + "|".join(re.escape(t) for t in types) + r")[\s_]*(?:số)?\s*:?\s*$",
        re.I,
    )
    stops = sorted(d["issuer_stops"], key=len, reverse=True)
    stop_re = re.compile(
        r"\s+(?:" + "|".join(re.escape(s) for s in stops) + r")\b|\s+và\s+(?:"
        + "|".join(re.escape(t) for t in types) + r")\b|\s+và\s+(?=(?-i:[a-zđàáảãạăâêôơư]))|[,;:()\n.“”\"]|\s-\s", re.I)
    openers = sorted((fold(o) for o in d["implement_openers"]), key=len, reverse=True)
    return {"types": types, "before": before, "by_fold": {fold(t): t for t in types}, "symbols": d["symbols"],
            "stop": stop_re, "openers": tuple(openers)}


def type_of_symbol(sym: str, has_year: bool = False) -> Optional[str]:
    """The type named by a number's symbol: "-NQ/TW" -> "Nghị quyết", "/KH-UBND" -> "Kế hoạch"."""
    parts = [p for p in re.split(r"\s*[-/‐–]\s*", sym.strip()) if p]
    symbols = _data()["symbols"]
    for p in parts[:2]:
        if p in symbols:
            return symbols[p]
    return None


def _iso(d: str, m: str, y: str) -> Optional[str]:
    day, month = int(d), int(m)
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{y}-{month:02d}-{day:02d}"
    return None


def date_after(text: str, pos: int) -> tuple[Optional[str], int]:
    """The date written right after a number ("ngày 24/11/2023", ", ngày 24 tháng 11 năm 2023")."""
    lead = _DATE_LEAD.match(text, pos, min(len(text), pos + 30))
    start = lead.end() if lead else pos
    window = text[start:start + 30]
    for rx in (_DATE_NUM, _DATE_WORDS):
        m = rx.match(window)
        if m:
            return _iso(*m.groups()), start + m.end()
    return None, pos


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
    return _data()["by_fold"].get(fold(m.group("t").replace("_", " ")))


def find_numbers(text: str) -> Iterable[re.Match]:
    """Every số ký hiệu in ``text`` (a match of NUMBER_RE)."""
    return NUMBER_RE.finditer(text)


def extract_references(text: str, *, implement_spans: Sequence[Sequence[int]] = (),
                       own_number: Optional[str] = None,
                       extra: Sequence[tuple[str, Sequence[int]]] = ()) -> list[Reference]:
    """All documents cited by number in ``text``, one per canonical number, in order of first
    mention. ``implement_spans``: spans of the title and the opening "Thực hiện ..." sentence;
    ``extra``: (text, span) pairs such as footnote bodies, whose mentions get ``span``."""
    own = canonical_number(own_number).upper() if own_number else None
    refs: dict[str, Reference] = {}
    seen: set = set()

    canon: dict[str, tuple[str, str]] = {}
    tries: dict[str, int] = {}

    def add(m: re.Match, src: str, mention: list, offset_ok: bool) -> None:
        raw = m.group(0)
        got = canon.get(raw)
        if got is None:
            sym = m.group("sym")
            if not m.group("year") and len(_SEPS.findall(sym)) < 2:
                got = ("", "")  # a lone "12-ABC": not a số ký hiệu
            else:
                number = canonical_number(raw)
                got = (number, number.upper())
            canon[raw] = got
        number, key = got
        if not key or key == own:
            return
        ref = refs.get(key)
        if ref is None:
            ref = refs[key] = Reference(number=number)
            tries[key] = 0
        if (key, mention[0], mention[1]) in seen:
            return
        seen.add((key, mention[0], mention[1]))
        ref.mentions.append(mention)
        if ref.doc_type is None:
            ref.doc_type = type_before(src, m.start()) or type_of_symbol(m.group("sym"))
        if (ref.date is None or ref.issuer is None) and tries[key] < 8:
            tries[key] += 1  # the date and issuer follow one of the first mentions
            date, after = date_after(src, m.end())
            if ref.date is None:
                ref.date = date
            if ref.issuer is None or ref.issuer.isupper():
                ref.issuer = issuer_after(src, after) or ref.issuer
        if offset_ok and any(s <= mention[0] and mention[1] <= e for s, e in implement_spans):
            ref.relation = "implements"

    for m in find_numbers(text):
        add(m, text, [m.start(), m.end()], True)
    for body, span in extra:
        for m in find_numbers(body or ""):
            add(m, body, list(span) if span else [0, 0], False)
    return list(refs.values())


def opening_span(text: str, start: int, end: int) -> Optional[list]:
    """The span of the opening "Thực hiện ..." paragraph of the preamble text[start:end]:
    the first body-like line (title-like short lines skipped) when it starts with an opener."""
    openers = _data()["openers"]
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:min(line_end, pos + 300)]
        folded = fold(_LEAD_MARKUP.sub("", line).replace("_", " "))
        if folded.startswith(openers):
            return [pos, _sentence_end(text, pos, line_end, end)]
        if line_end - pos > 120 or folded.endswith((".", ";", ":")):
            return None  # a body paragraph that is not an opening
        pos = line_end + 1
    return None


def _sentence_end(text: str, start: int, line_end: int, end: int) -> int:
    """The end of the opening paragraph: through the line closing it with ":" ("... như sau:"),
    40 lines at most (PDF text keeps hard line breaks); else the opener's own line."""
    pos, stop = start, line_end
    for _ in range(40):
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        if text[pos:le].rstrip(" \t*").endswith((":", ".")):
            return le  # "... như sau:" or the end of the sentence
        if nl < 0:
            break
        pos = le + 1
    return stop


def apply(doc: Document) -> None:
    """Fill doc.references from the text and the footnotes."""
    text = doc.text or ""
    md = doc.metadata
    spans = []
    if md.spans.get("title"):
        spans.append(md.spans["title"])
    pre = doc.preamble
    if pre:
        p_start, p_end = pre
    else:
        p_start, p_end = 0, min(len(text), 6000)
    t_end = md.spans.get("title", [None, None])[1]
    if t_end is not None and p_start <= t_end <= p_end:
        p_start = t_end + 1
    elif md.spans.get("doc_type"):
        p_start = max(p_start, md.spans["doc_type"][1] + 1)
    op = opening_span(text, p_start, p_end)
    if op:
        spans.append(op)
    extra = [(f.text, f.span) for f in (doc.footnotes or [])]
    doc.references = extract_references(text, implement_spans=spans, own_number=md.number,
                                        extra=extra)
