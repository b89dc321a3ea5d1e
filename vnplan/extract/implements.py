"""Where a plan says what it carries out: the opening sentence ("Thực hiện ..., UBND tỉnh ban
hành Kế hoạch ..."), the "Căn cứ" document approving what the title names ("Kế hoạch thực hiện
Quy hoạch X" <- "Quyết định số N ... phê duyệt Quy hoạch X"), a purpose
item that repeats it ("1. Mục đích: Triển khai thực hiện có hiệu quả Kế hoạch số 14-KH/TU ...,
Kế hoạch số 24/KH-UBND ... và Nghị quyết số 66-NQ/TW"), a parenthesis under the title
("(Thực hiện điểm a khoản 2 Điều 28 Luật Thủ đô số 39/2024/QH15)") and the directive clause that
closes a Chỉ thị's opening ("..., Ủy ban nhân dân tỉnh yêu cầu:"). GOLD.md rule 2: a document
named so is ``implements`` even when a "Căn cứ" also cites it."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

from ..lang import vocab
from ..lang.docnumber import doc_types
from ..lang.patterns import alternation, phrase
from ..lang.text import fold, tone_style

# markup, bullets and an item label ("a)", "1.", "2.1.") before an item's first word
_ITEM_LEAD = re.compile(r"^[\s*_#>|+•–-]*(?:\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[).][\s*_]*)?", re.I)
_CLAUSE_END = re.compile(r"[;.](?=[\s*_]*(?:\n|$)|\s)")
_PURPOSE_READ = 4000  # characters of the purpose section read at most
_SPAN_MAX = 1500  # characters of one purpose sentence at most
_PAREN_LINES = 4  # lines under the title where a "(Thực hiện ...)" parenthesis may stand
_OPENING_LINES = 200  # lines of preamble read for the opening sentence at most
LEAD_MARKUP = re.compile(r"^(?:[\s*|#>]|\[bookmark:[^\]\n]{0,200}\])*")


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    verbs, types = alternation(d["issue_verbs"]), alternation(doc_types())
    return {"openers": tuple(sorted((fold(o) for o in d["implement_openers"]), key=len, reverse=True)),
            "directive": tuple(fold(v) for v in d["directive_verbs"]),
            "not_subject_end": {fold(w) for w in d["not_subject_ends"]},
            # "ban hành Kế hoạch", "xây dựng Chương trình": a body issues the plan
            "issue": re.compile(r"(?<!\w)" + verbs + r"[\s_]+" + types + r"(?!\w)", re.I)}


def _opens(line: str) -> bool:
    folded = fold(_ITEM_LEAD.sub("", line).replace("_", " "))
    return folded.startswith(_data()["openers"])


def purpose_spans(text: str, sections: Iterable) -> list[list[int]]:
    """Spans of the items of the first purpose section that open with an opener ("Triển khai
    thực hiện ...", "Thực hiện ..."), each to the end of its clause."""
    sec = next((s for top in sections for s in top.walk() if s.kind == "purpose"), None)
    if sec is None or not sec.span:
        return []
    start, end = sec.span[0], min(sec.span[1], sec.span[0] + _PURPOSE_READ)
    out: list[list[int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        if _opens(text[pos:le]):
            stop = _CLAUSE_END.search(text, pos, min(len(text), pos + _SPAN_MAX))
            out.append([pos, stop.end() if stop else le])
            pos = max(le, out[-1][1]) + 1
            continue
        pos = le + 1
    return out


def parenthesis_span(text: str, start: int, end: int) -> Optional[list[int]]:
    """The "(Thực hiện ...)" parenthesis among the first lines of text[start:end] (under the
    title), to its closing bracket."""
    pos = start
    for _ in range(_PAREN_LINES):
        if pos >= end:
            break
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        line = text[pos:le].strip(" \t*_")
        if line.startswith("(") and fold(line[1:]).startswith(_data()["openers"]):
            close = text.find(")", pos, min(len(text), pos + 600))
            return [pos, close + 1] if close > 0 else None
        pos = le + 1
    return None


def directs(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes with a body's directive: "..., Ủy ban nhân dân tỉnh yêu
    cầu:" (a Chỉ thị says what it carries out so)."""
    seg = text[max(start, end - 200):end].rstrip(" \t*_\n")
    if not seg.endswith(":"):
        return False
    clause = seg[max(seg.rfind(","), seg.rfind(";")) + 1:].strip(" \t*_\n:")
    words = clause.split()
    return 2 <= len(words) <= 12 and clause[:1].isupper() and fold(clause).endswith(_data()["directive"])


_CLAUSE_SPLIT = re.compile(r";|\n[ \t*_]*\n")
# Where a document's name ends: "Quy hoạch X thời kỳ 2021-2030", "... trên địa bàn tỉnh".
_NAME_STOP = re.compile(r"\s" + alternation(vocab.load("doctypes")["name_stops"], " ") + r"\s|[\d,;:(]")
_NO_FOLD = tuple(fold(w) for w in vocab.load("doctypes")["citation_words"]["number"])  # "số"
_NAME_MAX = 8  # words of a document's name kept at most
_NEAR = 200  # characters between a number and the name it describes at most


@lru_cache(maxsize=1)
def _types_fold() -> tuple[str, ...]:
    return tuple(fold(t) for t in doc_types())


def title_object(title: Optional[str]) -> Optional[str]:
    """The document the title says the plan carries out, named without a number: "Kế hoạch thực
    hiện Quy hoạch mạng lưới cơ sở văn hóa thời kỳ 2021-2030" -> "quy hoạch mạng lưới cơ sở văn
    hóa" (folded); None when the title names none or names it by number."""
    if not title:
        return None
    f = fold(title)
    for op in _data()["openers"]:
        k = f.find(op + " ")
        if k < 0 or (k and f[k - 1] != " "):
            continue
        rest = f[k + len(op) + 1:]
        typ = next((t for t in _types_fold() if rest.startswith(t + " ")), None)
        if typ is None or rest[len(typ):].lstrip().startswith(_NO_FOLD):
            return None
        stop = _NAME_STOP.search(rest)
        words = (rest[:stop.start()] if stop else rest).split()[:_NAME_MAX]
        return " ".join(words) if len(words) >= len(typ.split()) + 2 else None
    return None


def named_numbers(text: str, start: int, end: int, name: str,
                  numbers: list[list[int]]) -> list[list[int]]:
    """Spans of the numbers in text[start:end] whose description names ``name`` ("Căn cứ Quyết
    định số 991/QĐ-TTg ... phê duyệt Quy hoạch mạng lưới ..."): the last number before each
    mention of the name, in the same clause and at most ``_NEAR`` characters before it; not
    when the name is itself the object of "thực hiện" there (a document about carrying it out)."""
    low = _lower_same_length(text[start:end])
    rx = re.compile(r"(?<!\w)" + phrase(name, r"[\s*_]+") + r"(?!\w)")
    out: list[list[int]] = []
    for m in rx.finditer(low):
        if fold(low[max(0, m.start() - 30):m.start()]).endswith(_data()["openers"]):
            continue  # "về kế hoạch thực hiện Quy hoạch X": a document about carrying X out
        at = start + m.start()
        near = [n for n in numbers if n[1] <= at <= n[1] + _NEAR
                and not _CLAUSE_SPLIT.search(text, n[1], at)]
        if near and near[-1] not in out:
            out.append(near[-1])
    return out


def _lower_same_length(s: str) -> str:
    """``s`` lower-cased in the modern tone style, offsets unchanged (else plainly lower-cased)."""
    out = tone_style(unicodedata.normalize("NFC", s.lower()))
    return out if len(out) == len(s) else s.lower()


def opening_span(text: str, start: int, end: int) -> Optional[list]:
    """The span of the opening "Thực hiện ..." sentence of the preamble text[start:end]: the
    first body-like line (title-like short lines skipped) when it starts with an opener; else a
    later line before ``end`` (the first section) that starts with an opener and says the plan
    is issued ("Thực hiện X, Ủy ban nhân dân tỉnh ban hành Kế hoạch ..."), after a paragraph
    of context."""
    openers = _data()["openers"]
    pos = start
    first = True  # still in the title-like lines before the first body paragraph
    for _ in range(_OPENING_LINES):
        if pos >= end:
            break
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:min(line_end, pos + 300)]
        folded = fold(LEAD_MARKUP.sub("", line).replace("_", " "))
        if folded.startswith(openers):
            stop = _sentence_end(text, pos, line_end, end)
            if first or _issues_plan(text, pos, stop):
                return [pos, stop]
        if first and (line_end - pos > 120 or folded.endswith((".", ";", ":"))):
            first = False  # a body paragraph that is not an opening: look on for the issuing one
        pos = line_end + 1
    return None


def _issues_plan(text: str, start: int, end: int) -> bool:
    return issue_clause(text, start, end) >= 0 or directs(text, start, end)


def issue_clause(text: str, start: int, end: int) -> int:
    """Where text[start:end] says a body issues the plan ("..., Ủy ban nhân dân tỉnh ban hành
    Kế hoạch" -> the offset of "ban hành"), -1 if it does not; "Nghị quyết số 50/NQ-CP ... về ban
    hành Kế hoạch" is a cited document's description (the words before the verb hold a number
    or end with "về")."""
    for m in _data()["issue"].finditer(text, start, min(end, start + 3000)):
        lo = max(start, m.start() - 120)
        seg = text[lo:m.start()]
        cut = max(seg.rfind(ch) for ch in ",;.:)")
        subject = seg[cut + 1:].strip(" *_\t")
        words = subject.split()
        if 1 <= len(words) <= 12 and subject[:1].isupper() and not any(c.isdigit() for c in subject) \
                and fold(words[-1]) not in _data()["not_subject_end"]:
            return m.start()
    return -1


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
