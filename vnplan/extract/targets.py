"""Targets and figures: the numbers of a plan, split into commitments and reported results.

A *target* is a quantified goal ("Phấn đấu đến năm 2030 ... trên 50 tiến sĩ", "100% cán bộ
... được bồi dưỡng"); a *figure* is an achieved or reported number ("đạt 96,3%", "16.312 trí
thức"). Which is which depends first on where the number stands (objectives and vision
sections hold targets, situation sections and outline-less reports hold figures), then on cue
words of the sentence (phấn đấu, đến năm ... vs đã, hiện có, so với năm ...).

Everything works over ``Document.text`` with precompiled regexes; the words live in
``vnplan/data/targets.yaml``. Numbers that are not quantities (years, dates, document numbers,
section markers, ordinals, ages inside an indicator) are skipped.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from ..lang import vocab
from ..model import Document, Figure, Section, Target

# --- patterns that do not depend on the vocabulary -------------------------------------------

# A Vietnamese number: "1.200" (thousands dot), "96,3" (decimal comma), "12" and, before "%",
# the English "96.3". Not glued to letters ("5G", "H5N1"), slashes (dates, "45/QĐ") or a
# hyphen + letter ("45-NQ/TW"); "2.1" (a section number) is not one number.
_NUM = re.compile(
    r"(\d(?<![\w.,/]\d)(?<![^\W\d_]-\d)"  # digit first: the scan jumps from digit to digit
    r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?|\d*\.\d{1,2}(?=\s*%)))"
    r"(?![\w/]|[.,]\d|-[^\W\d_])"
)
# Between the two ends of a range: "15 - 20", "25-35", "từ 10% đến 15%".
_RANGE_GAP = re.compile(r"\s*(?:%\s*)?(?:[-–—]|đến|tới)\s*$")
# "tăng từ 50% lên 70%": the first number is the baseline.
_BASELINE_GAP = re.compile(r"\s*(?:%\s*)?(?:lên|lên mức|xuống|xuống còn|còn)\s*$")
# Punctuation first (one character class: the scan jumps between candidates); group 1 is
# the white space after a full stop, absent for ";".
_SENT_END = re.compile(r"[.!?…;](?:(?<=;)|(\s+)(?=[^\W_]|[\"“(*\-+]))")
# A list marker or a joining "và" left at the start of a clause: not part of its text.
_CLAUSE_LEAD = re.compile(r"(?:\(?[a-zđ0-9]{1,2}\)\s+|và\s+)")
_YEAR_CLAUSE = re.compile(
    r"(?:(?:đến|tới|vào|hết|trước|trong|sau)\s+(?:hết\s+|cuối\s+)?năm\s+|(?:đến|tới)\s+)"
    r"((?:19|20)\d\d)(?!\d)"
    r"|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)(?!\d)"
    r"|^\W*năm\s+((?:19|20)\d\d)(?!\d)"
)
_YEAR_ANY = re.compile(
    r"(?:năm|đến|tới)\s+((?:19|20)\d\d)(?!\d)|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)(?!\d)"
)
_LEAD_IN = re.compile(
    r"^\W*(?:[a-zđ0-9]{1,2}[.)]\s+)?(?:(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu)\s*(?:là|:)?\s*)?"
    r"(?:(?:đến|tới|vào|hết|trong)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d"
    r"(?:\s*,?\s*tầm\s+nhìn\s+(?:đến|tới)\s+năm\s+(?:19|20)\d\d)?)?\s*[,:]?\s*"
)
_TRAIL_WORDS = re.compile(r"(?:\s+(?:đạt|là|có|ở mức|khoảng|đạt mức|bằng|chiếm))+\s*$")
_WORD = r"[^\W\d_]+"
_ACRONYM = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,}[ \t]+$")
# A capitalised word (not the first of its sentence) right before a bare number: a name.
_NAME_BEFORE = re.compile(r"[^\W\d_][^\S\n]+([^\W\d_]+)[^\S\n]+$")  # group 1 capitalised: see _name_before
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_MARKER_AFTER = re.compile(r"\s*(?:[.)\]:]|-\s|\|)")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPACE_PUNCT = re.compile(r"\s+([,;:.)])")
_LEAD_YEAR = re.compile(r"(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu)[^.;\n]{0,40}?(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)")
# No plan has thousands of numbers; past this many items (per kind) the rest is left out, so
# that a pathological input costs bounded time.
MAX_ITEMS = 1000
# Quantities read per document, emitted or not (numbers of tasks are neither targets nor
# figures): past this many, the rest of a pathological input is not read.
MAX_QUANTITIES = 5 * MAX_ITEMS
_TAIL_SPLIT = re.compile(r"[\s(\[,;:]+")
_FILLERS = frozenset(["mức", "khoảng"])


@lru_cache(maxsize=16)
def _last_words(phrases: frozenset) -> frozenset:
    return frozenset(p.rsplit(" ", 1)[-1] for p in phrases)


def _ends_with(words: list, phrases: frozenset) -> Optional[str]:
    """The longest phrase of ``phrases`` that the word list ends with (up to 4 words)."""
    if not words or words[-1] not in _last_words(phrases):
        return None  # the usual case, decided without joining words
    for k in (4, 3, 2, 1):
        if len(words) >= k:
            cand = " ".join(words[-k:])
            if cand in phrases:
                return cand
    return None


_PLAUSIBLE = re.compile(r"\d(?<![\w.,/]\d)(?<!số \d)(?<!thứ \d)(?<!quý \d)(?!\d*(?:\.\d+)*[.)](?:\s|$))")
_BARE_MARKER = re.compile(r"\d+(?:\.\d+)*[.)](?:\s|$)")
_MARKER_NUM = re.compile(r"\d+(?:\.\d+)*[.)]\s")
_WINDOW = 1000  # chars of context read around a clause's numbers (bounds pathological lines)
_STRIVE = re.compile(r"phấn\s+đấu")
_MUST = re.compile(r"(?<![^\W\d_])(?:được|phải|có)(?![^\W\d_])")
# An age that is itself the value: "tuổi thọ bình quân đạt 75 tuổi".
_QUAL_VALUE = re.compile(r"(?:đạt|lên|là|khoảng)\s*$")
_MAX_DIGITS = 15


@dataclass(frozen=True)
class _Vocab:
    unit: re.Pattern
    unit_map: dict
    counted: re.Pattern
    comp_map: dict
    comp_words: frozenset
    comp_after: re.Pattern
    comp_after_map: dict
    commit: re.Pattern
    achieved: re.Pattern
    baseline: re.Pattern
    target_head: re.Pattern
    situation_head: re.Pattern
    label: frozenset
    label_exc: frozenset
    qualifier: re.Pattern
    time_unit: re.Pattern
    numword: re.Pattern
    numword_map: dict
    numword_units: tuple  # the number-word regex runs only where one of these is written
    recurrence: tuple
    counted_stop: frozenset
    list_nouns: frozenset  # counted and list nouns: a comma between two of them is a list
    has_before: re.Pattern
    spec_unit: re.Pattern
    spec_before: re.Pattern
    spec_gov: re.Pattern
    rec_verb: re.Pattern
    table_unit: frozenset
    table_indicator: frozenset
    named_units: frozenset  # units that a list of names may follow ("04 xã: A, B")
    count_governors: frozenset  # words that make such a count a goal ("có 03 xã")
    outcome_lead: frozenset  # words that may open an outcome clause before its figure ("có")
    outcome_verb: re.Pattern  # verbs of an outcome after a leading percentage ("áp dụng")
    structure_nouns: frozenset  # what counts the parts of a text ("03 nhóm nhiệm vụ")
    clause_end: re.Pattern  # a purpose or consequence joined after a commitment
    grade_before: frozenset  # "hạng 2", "loại 1": a grade of what is counted
    grade_unit: re.Pattern  # "3 sao"


def _alt(words: Iterable[str]) -> str:
    """An alternation of words, longest first, spaces matching any white space or "_"."""
    items = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = vocab.load("targets") or {}
    units = {str(k).lower(): v for k, v in (data.get("units") or {}).items()}
    comps = {w.lower(): op for op, ws in (data.get("comparators") or {}).items() for w in ws}
    after = {w.lower(): op for op, ws in (data.get("comparators_after") or {}).items() for w in ws}
    nw = {k.lower(): int(v) for k, v in (data.get("number_words") or {}).items()}
    end = r"(?![^\W\d_])"
    return _Vocab(
        unit=re.compile(r"\s*(" + _alt(units) + ")" + end),
        unit_map=units,
        counted=re.compile(r"\s*(" + _alt(data.get("counted_nouns") or []) + ")" + end),
        comp_map=comps,
        comp_words=frozenset(list(comps) + ["từ"]),
        comp_after=re.compile(r"\s*(" + _alt(after) + ")" + end),
        comp_after_map=after,
        commit=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("commitment_cues") or []) + ")" + end),
        achieved=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("achievement_cues") or []) + ")" + end),
        baseline=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("baseline_cues") or []) + ")" + end),
        target_head=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("target_headings") or []) + ")" + end),
        situation_head=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("situation_headings") or []) + ")" + end),
        label=frozenset(" ".join(str(w).lower().split())
                        for w in (data.get("label_before") or []) + (data.get("body_before") or [])),
        label_exc=frozenset(" ".join(w.lower().split()) for w in data.get("label_exceptions") or []),
        qualifier=re.compile(r"\s*(?:" + _alt(data.get("qualifier_units") or []) + ")" + end),
        time_unit=re.compile(r"\s*(?:" + _alt(data.get("time_units") or []) + ")" + end),
        numword=re.compile(
            r"(?<![^\W\d_])(?:gấp|tăng|giảm|bằng|đạt|hơn|trên)\s+((?:(?:" + _alt(nw) + r")\s+)+)("
            + _alt(data.get("number_word_units") or []) + ")" + end),
        numword_map=nw,
        numword_units=tuple(" ".join(str(u).lower().split()) for u in data.get("number_word_units") or []),
        recurrence=tuple((code, re.compile(r"(?<![^\W\d_])(?:" + _alt(ws) + ")" + end))
                         for code, ws in (data.get("recurrence") or {}).items()),
        counted_stop=frozenset(w.lower() for w in data.get("counted_stop") or [] if " " not in w),
        list_nouns=frozenset(" ".join(str(w).lower().split())
                             for w in (data.get("counted_nouns") or []) + (data.get("list_nouns") or [])),
        has_before=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("has_words") or ["có"]) + r")\s+$"),
        spec_unit=re.compile(r"\s*\(?\s*(?:" + _alt(data.get("spec_units") or ["gbps"]) + ")" + end),
        spec_before=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("spec_before") or ["tốc độ"]) + r")"
                               r"(?:\s+[^\W\d_]+){0,2}\s+$"),
        spec_gov=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("spec_governing") or ["đạt"]) + ")" + end),
        rec_verb=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("recurrence_verbs") or ["tăng"]) + r")\s+$"),
        table_unit=frozenset(" ".join(str(w).lower().split()) for w in data.get("table_unit_headers") or []),
        table_indicator=frozenset(" ".join(str(w).lower().split())
                                  for w in data.get("table_indicator_headers") or []),
        named_units=frozenset(" ".join(str(w).lower().split()) for w in data.get("named_units") or []),
        count_governors=frozenset(" ".join(str(w).lower().split())
                                  for w in data.get("count_governors") or []),
        outcome_lead=frozenset(" ".join(str(w).lower().split()) for w in data.get("outcome_lead") or []),
        outcome_verb=re.compile(r"(?<![^\W\d_])(?:" + _alt(data.get("outcome_verbs") or ["được"]) + ")" + end),
        structure_nouns=frozenset(" ".join(str(w).lower().split())
                                  for w in data.get("structure_nouns") or []),
        # literal-first (a comma, "và", an ender): the scan jumps between candidates
        clause_end=re.compile(
            r"(?:,[ \t]*(?:và[ \t]+)?|(?<=[ \t])và[ \t]+)\(?[ \t]*(?:"
            + _alt(data.get("clause_enders") or ["góp phần"]) + ")" + end
            + r"|(?<=[ \t])(?:" + _alt(data.get("clause_enders_bare") or ["nhằm"]) + ")" + end),
        grade_before=frozenset(" ".join(str(w).lower().split()) for w in data.get("grade_before") or []),
        grade_unit=re.compile(r"\s*(?:" + _alt(data.get("grade_units") or ["sao"]) + ")" + end),
    )


# --- numbers ---------------------------------------------------------------------------------


def parse_number(s: str) -> Optional[float]:
    """ "1.200" -> 1200, "96,3" -> 96.3, "96.3" -> 96.3; None when not a sane number."""
    s = s.strip()
    if not s or (len(s) > _MAX_DIGITS and sum(c.isdigit() for c in s) > _MAX_DIGITS):
        return None
    if _THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def words_number(words: str, table: dict) -> Optional[float]:
    """ "hai" -> 2, "một trăm" -> 100, "hai mươi lăm" (lăm unknown) -> None."""
    total, cur = 0, 0
    for w in words.split():
        v = table.get(w)
        if v is None:
            return None
        if v in (100, 1000, 1000000):
            cur = (cur or 1) * v
            if v >= 1000:
                total, cur = total + cur, 0
        elif v == 10 and w == "mươi":
            cur = (cur or 1) * 10
        else:
            cur += v
    total += cur
    return float(total) if total else None


@dataclass
class Quantity:
    """One number found in a clause, with what stands around it (offsets into the text)."""

    start: int  # of the value phrase (comparator included)
    end: int  # after the unit
    num_start: int
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    counted: Optional[str] = None
    comparator: str = "="
    qualifier: bool = False
    unit_is_noun: bool = False
    grade: bool = False  # "3 sao", "hạng 2": a qualifier only after another figure of its clause
    num_end: int = -1  # after the digits (of the range's second number)


def _is_year(v: float, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= v <= 2100


_FOLLOW = re.compile(r"\s*(" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,3})")


def _follow_words(text: str, pos: int) -> Optional[str]:
    """The words right after a number, up to punctuation or a function word: what it counts."""
    m = _FOLLOW.match(text, pos)
    if not m:
        return None
    words = m.group(1).split()
    stop = _vocab().counted_stop
    out = []
    for w in words:
        if w.lower() in stop:
            break
        out.append(w)
    return " ".join(out) or None


def _candidate_lines(low: str, start: int, end: int) -> Iterable[tuple]:
    """The lines of [start, end) that may hold a quantity, each once, in order (lazily).

    A cheap pre-filter: lines whose only digits are markers ("12. Nhiệm vụ") or follow
    "số"/"thứ"/"quý" are never looked at; lines with "lần"/"phần trăm" are (number words).
    """
    words = sorted(k for w in (" lần", " phần trăm") for k in _find_all(low, w, start, end))
    wi = 0
    pos = start
    while pos < end:
        m = _PLAUSIBLE.search(low, pos, end)
        h = m.start() if m else end
        while wi < len(words) and words[wi] < pos:
            wi += 1
        if wi < len(words) and words[wi] < h:
            h = words[wi]
        if h >= end:
            return
        ls = max(low.rfind("\n", start, h) + 1, start)
        le = low.find("\n", h, end)
        le = end if le < 0 else le
        pos = le + 1
        yield ls, le


def _find_all(low: str, word: str, start: int, end: int) -> list:
    out: list = []
    k = low.find(word, start, end)
    while k >= 0 and len(out) < MAX_ITEMS:
        out.append(k)
        k = low.find(word, k + 1, end)
    return out


def find_quantities(text: str, low: str, start: int, end: int, limit: int = MAX_ITEMS) -> list:
    """Every quantity in ``text[start:end]``; ``low`` is the lower-cased text (same length).

    Labels (số 45, lần thứ 8), years, dates, markers and durations are skipped; ages
    ("dưới 40 tuổi") come back flagged as qualifiers.
    """
    v = _vocab()
    out: list = []
    matches = []
    for m in _NUM.finditer(low, start, end):
        matches.append(m)
        if len(matches) > limit:
            break
    i = 0
    while i < len(matches):
        m = matches[i]
        i += 1
        raw = m.group(1)
        value = parse_number(raw)
        if value is None:
            continue
        s, e = m.span(1)
        before = low[max(start, s - 40):s]
        # Outline markers and table row numbers: first thing on the line, then ". ) -" or a cell.
        nl = low.rfind("\n", max(0, s - 16), s)
        if nl >= 0 or s <= 16:
            lead = low[nl + 1:s]
            if not lead.strip(" \t*(#[|") and _MARKER_AFTER.match(low, e, e + 3):
                continue
        if _BARE_MARKER.match(low, s, s + 24):
            continue  # "... quý I/2025 100. Nhiệm vụ": a marker run into the line, not a quantity
        # Footnote marks "(1)", "[2]", "[2: ...".
        if before.endswith("[") or (before.endswith("(") and low[e:e + 1] == ")"):
            continue
        tail = _TAIL_SPLIT.split(before.rstrip(" \t:.("))[-4:]
        if _ends_with(tail, v.label) and not _ends_with(tail, v.label_exc):
            continue
        if _ACRONYM.search(text, max(0, s - 12), s):
            continue  # "COP 26", "ISO 9001", "TCVN 5945": a name, not a quantity
        value_max = None
        num_end = e
        baseline = False
        # A range "15 - 20", "25-35", "từ 10% đến 15%"; "từ 50% lên 70%" keeps the second.
        if i < len(matches):
            n = matches[i]
            gap = low[e:n.start(1)]
            v2 = parse_number(n.group(1))
            if v2 is not None and len(gap) <= 12:
                if _RANGE_GAP.fullmatch(gap) and not _is_year(value, raw):
                    value_max, num_end = v2, n.end(1)
                    i += 1
                elif _BASELINE_GAP.fullmatch(gap):
                    baseline = True
        if baseline:
            continue
        if _is_year(value, raw) and value_max is None:
            # "2.000 người" has a dot; a bare 4-digit year-like number is a year unless a
            # unit follows it directly.
            if not (v.unit.match(low, num_end) or v.counted.match(low, num_end)) or before.rstrip().endswith(("năm", "-")):
                continue
        if v.time_unit.match(low, num_end) and not low.startswith(("%", " %"), num_end):
            continue
        q = Quantity(start=s, end=num_end, num_start=s, value=value, value_max=value_max, num_end=num_end)
        q.grade = _ends_with(tail, v.grade_before) is not None
        um = v.unit.match(low, num_end)
        if um:
            q.unit = v.unit_map.get(" ".join(um.group(1).split()), um.group(1))
            q.end = um.end()
        else:
            cm = v.counted.match(low, num_end)
            if cm:
                q.unit = " ".join(text[cm.start(1):cm.end(1)].replace("_", " ").split())
                q.counted = q.unit
                q.unit_is_noun = True
                q.end = cm.end()
            elif v.qualifier.match(low, num_end):
                q.qualifier = True
                q.unit = v.qualifier.match(low, num_end).group(0).strip()
            elif v.grade_unit.match(low, num_end):
                gm = v.grade_unit.match(low, num_end)
                q.grade = True
                q.unit = gm.group(0).strip()
                q.end = gm.end()
            else:
                nb = _NAME_BEFORE.search(text, max(start, s - 30), s)
                if nb and nb.group(1)[0].isupper() and not low.startswith("%", num_end):
                    continue  # "nhà máy điện gió Tân Phú Đông 2": part of a name
                q.counted = _follow_words(text, num_end)
        # Comparator before the number, or "trở lên" after it.
        ctail = tail
        while ctail and ctail[-1] in _FILLERS:
            ctail = ctail[:-1]
        word = _ends_with(ctail, v.comp_words)
        if value_max is not None:
            q.comparator = "range"
        elif word and word != "từ":
            q.comparator = v.comp_map.get(word, "=")
        if word:
            k = before.rfind(word.split()[0])
            if k >= 0:
                q.start = s - (len(before) - k)
        if (q.counted and value_max is None and q.comparator == "=" and not word
                and _names_units(text, low, q, tail)):
            continue  # "04 xã: Gia Thuận, Tân Điền, ...": which units, not how many to reach
        ca = v.comp_after.match(low, q.end)
        if ca and value_max is None:
            q.comparator = v.comp_after_map.get(" ".join(ca.group(1).split()), q.comparator)
            q.end = ca.end()
        out.append(q)
    for m in (v.numword.finditer(low, start, end)
              if any(low.find(u, start, end) >= 0 for u in v.numword_units) else ()):
        val = words_number(" ".join(m.group(1).split()), v.numword_map)
        if val is None:
            continue
        u = " ".join(m.group(2).split())
        out.append(Quantity(start=m.start(1), end=m.end(2), num_start=m.start(1), value=val,
                            unit=v.unit_map.get(u, u)))
    out.sort(key=lambda q: q.num_start)
    return out


# A count's noun (up to 4 words), then ":", "(" or "gồm", then two names separated by a comma.
_NAMED_LIST = re.compile(
    r"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?[ \t]*(?::|\(|gồm:?)[ \t]*([^\W\d_])"
    r"[^,;:\n()]{0,40},[ \t]*([^\W\d_])")


def _names_units(text: str, low: str, q: Quantity, tail: list) -> bool:
    """Whether a count of administrative units is followed by their names ("phối hợp với 04
    xã: Gia Thuận, Tân Điền, ..."): the number says which units are meant, it is no goal.
    A count that something must have or reach ("có 03 xã đạt chuẩn: A, B, C") still counts."""
    v = _vocab()
    words = q.counted.lower().split()
    if not any(" ".join(words[:k]) in v.named_units for k in (1, 2, 3)):
        return False
    if tail and _ends_with(tail, v.count_governors):
        return False
    m = _NAMED_LIST.match(text, q.num_end)
    return bool(m and m.group(1).isupper() and m.group(2).isupper())


# --- clauses ---------------------------------------------------------------------------------


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
                                 gap.rfind(" và ") if leading else gap.find(" và ")) if k >= 0]
        cut = None
        if found:
            cut = gap_lo + (max(found) if leading else min(found))
        if cut is not None:
            bounds.append(cut)
            seg_start = cut
    bounds.append(end)
    return list(zip(bounds, bounds[1:]))


# --- where a number stands -------------------------------------------------------------------


@dataclass
class _Region:
    start: int
    end: int
    role: str  # "target", "situation", "other", "report"
    year: Optional[int]  # from the headings above
    section: Optional[str]
    lead_year: Optional[int] = None  # "Phấn đấu đến năm 2030" said somewhere in the body
    tasks: bool = False  # within a tasks or implementation section: outcomes may be stated bare


def _first_year(text: str) -> Optional[int]:
    m = _YEAR_ANY.search(text.lower())
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def _head_words(heading: str) -> str:
    """The first words of a heading, lower case: where its topic word stands."""
    return " ".join(heading.lower().split()[:5])


def _role(chain: list) -> str:
    """Target, situation or other, from the kinds and headings of a section and its parents."""
    v = _vocab()
    for sec in reversed(chain):  # deepest first
        kind = (sec.kind or "").lower()
        head = _head_words(sec.heading or "")
        if kind in ("objectives", "vision") or v.target_head.search(head):
            return "target"
        if kind == "situation" or v.situation_head.search(head):
            return "situation"
        if kind in ("tasks", "implementation", "purpose", "viewpoints"):
            return "other"
    return "other"


_HEADING_BODY = (
    r"[ \t*#]*(?:(?P<roman>[IVXLC]{1,6})\s*[.\-–)]|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]"
    r"|(?P<letter>[a-zđ])\))[ \t*]*(?P<head>[^\n]{2,160})(?=\n|\Z)")
# A heading line: led by its "\n" (a literal the scan can jump to), or at the very start.
_HEADING = re.compile(r"\n" + _HEADING_BODY)
_HEADING_FIRST = re.compile(_HEADING_BODY)


def _scan_sections(text: str) -> Iterator[tuple]:
    """A flat stand-in outline (markers and headings only) for when no outline was given.

    Only used to tell objectives from situation; ids stay unknown (None). Lazy: a huge text
    whose item cap is reached early is not scanned to its end.
    """
    first = _HEADING_FIRST.match(text)
    for m in (itertools.chain([first], _HEADING.finditer(text)) if first else _HEADING.finditer(text)):
        head = m.group("head").strip(" *")
        if len(head) > 160 or head.count(". ") > 0:
            continue
        if m.group("roman"):
            level = 1
        elif m.group("num"):
            level = 2 + m.group("num").count(".")
        else:
            level = 5
        yield (m.start() + 1 if m.group(0).startswith("\n") else m.start()), level, head


_TASK_KINDS = frozenset(["tasks", "implementation"])


def _regions(doc: Document) -> Iterator[_Region]:
    """The spans of the text with their role, heading year and section id, in order (lazily)."""
    n = len(doc.text)

    def visit(sec: Section, chain: list) -> Iterator[_Region]:
        chain = chain + [sec]
        span = sec.span or [0, 0]
        own_end = sec.children[0].span[0] if sec.children and sec.children[0].span else span[1]
        year = next((y for y in (_first_year(a.heading or "") for a in reversed(chain)) if y), None)
        tasks = any((a.kind or "").lower() in _TASK_KINDS for a in chain)
        yield _Region(max(0, span[0]), min(n, own_end), _role(chain), year, sec.id, tasks=tasks)
        for ch in sec.children:
            yield from visit(ch, chain)

    if doc.sections:
        pre = doc.preamble
        if pre:
            yield _Region(max(0, pre[0]), min(n, pre[1]), "report", None, None)
        for sec in doc.sections:
            yield from visit(sec, [])
        return
    found = _scan_sections(doc.text)
    cur = next(found, None)
    yield _Region(0, cur[0] if cur else n, "report", None, None)
    stack: list = []
    while cur is not None:
        pos, level, head = cur
        cur = next(found, None)
        while stack and stack[-1].level >= level:
            stack.pop()
        stack.append(Section(id="", number=None, heading=head, kind="", level=level, text="",
                             span=[pos, pos]))
        year = next((y for y in (_first_year(x.heading) for x in reversed(stack)) if y), None)
        yield _Region(pos, cur[0] if cur else n, _role(stack), year, None)


_HORIZON = re.compile(
    r"(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d\d)(?!\d)"
    r"|(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")


def _horizon(doc: Document) -> Optional[int]:
    """The year a plan runs to, from its title ("... ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050" ->
    2030): the year of a commitment that neither its text nor its headings date."""
    title = doc.metadata.title if doc.metadata else None
    m = _HORIZON.search(title.lower()) if title else None
    return int(m.group(1) or m.group(2)) if m else None


def _lead_year(low: str, region: _Region) -> Optional[int]:
    m = _LEAD_YEAR.search(low, region.start, min(region.end, region.start + 20 * _WINDOW))
    return int(m.group(1)) if m else None


def _clause_year(low: str, s: int, e: int) -> Optional[int]:
    m = _YEAR_CLAUSE.search(low[s:e])
    if not m:
        return None
    return int(m.group(1) or m.group(2) or m.group(3))


def _lower(text: str) -> str:
    """Lower case with the same length as the input ("_" of word-segmented text as a space)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("_", " ")


def _doc_year(doc: Document) -> Optional[int]:
    d = doc.metadata.date if doc.metadata else None
    if d and len(d) >= 4 and d[:4].isdigit():
        return int(d[:4])
    return None


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


def _recurrence(low_seg: str) -> Optional[str]:
    for code, rx in _vocab().recurrence:
        if rx.search(low_seg):
            return code
    return None


@dataclass(frozen=True)
class _Cues:
    """Which cue words a stretch of text holds (computed once per clause or sentence)."""

    commit: bool
    achieved: bool
    baseline: bool
    strive: bool  # "phấn đấu": a commitment even about a year already past


def _cue_bits(c: "_Cues") -> int:
    return ((_COMMIT if c.commit else 0) | (_ACHIEVED if c.achieved else 0)
            | (_BASELINE if c.baseline else 0) | (_STRIVE_BIT if c.strive else 0))


def _cues(low_part: str) -> _Cues:
    v = _vocab()
    return _Cues(bool(v.commit.search(low_part)), bool(v.achieved.search(low_part)),
                 bool(v.baseline.search(low_part)), bool(_STRIVE.search(low_part)))


def _decide(role: str, sent: _Cues, seg: _Cues, q: Quantity, year: Optional[int],
            doc_year: Optional[int], seg_low: str, outcome: bool = False) -> Optional[str]:
    """"target", "figure" or None (a number of a task that is neither).

    ``outcome``: the clause states what a task must yield ("Có ít nhất 02 vùng ...", "30%
    diện tích ... áp dụng ..."), a commitment of a tasks section without its own cue word.
    """
    if role == "situation":
        return "figure"
    achieved = seg.achieved or (sent.achieved and not seg.commit)
    committed = sent.commit
    if committed and doc_year and year and year <= doc_year and not sent.strive:
        committed = False  # "từ năm 2008 đến năm 2021": a past period
    if role == "target":
        if achieved and not committed:
            return "figure"
        return "target"
    if role == "situation":
        return "figure"
    achieved = achieved or sent.baseline
    if committed and not achieved:
        return "target"
    if (role == "other" and q.unit == "%" and q.value == 100 and not achieved
            and _MUST.search(seg_low)):
        return "target"
    if role == "other" and outcome and not achieved:
        return "target"
    if role == "report" or achieved:
        return "figure"
    return None


def _first_recurrence(low_part: str) -> tuple:
    """(code, offset) of the first recurrence word ("hằng năm") in a text, or (None, -1)."""
    best: tuple = (None, -1)
    for code, rx in _vocab().recurrence:
        m = rx.search(low_part)
        if m and (best[1] < 0 or m.start() < best[1]):
            best = (code, m.start())
    return best


# Years a clause is about: the year digits are found first (cheap), then what stands before
# them is checked ("đến năm ", "giai đoạn 2021 - "), the same phrases as _YEAR_CLAUSE.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d(?!\d)")
_YEAR_PRE = re.compile(
    r"(?:(?:đến|tới|vào|hết|trước|trong|sau)\s+(?:hết\s+|cuối\s+)?năm\s+|(?:đến|tới)\s+"
    r"|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–—]\s*)$")
# A due date before a year's digits: "trước ngày 30/9/2010", "đến tháng 6/2025", "trong quý
# i/2026"; only tried when a date separator stands right before the digits.
_DATE_PRE = re.compile(
    r"(?:trước|đến|tới|hết|vào|trong)\s+(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2}"
    r"|quý\s+[ivx1-4]{1,4})\s*[/.-]\s*$")


def _year_prefix(low: str, lo: int, at: int) -> Optional[re.Match]:
    """The phrase that makes the digits at ``at`` the year a clause is about, within [lo, at)."""
    k = at - 1
    while k > lo and low[k] == " ":
        k -= 1
    if k >= lo and low[k] in "/.":
        return _DATE_PRE.search(low, lo, at)
    m = _YEAR_PRE.search(low, lo, at)
    if m is None and k >= lo and low[k] == "-":  # "giai đoạn 2021-2025" first, then "ngày 30-9-2010"
        m = _DATE_PRE.search(low, lo, at)
    return m
_YEAR_AT = re.compile(r"\W*năm\s+((?:19|20)\d\d)(?!\d)")
_YEAR_PRE_SPAN = 48  # longest prefix looked at before a year's digits
_CHUNK = 8192  # text indexed at a time (a pathological input stops early, unindexed)


_COMMIT, _ACHIEVED, _BASELINE, _STRIVE_BIT, _BEFORE_ONLY = 1, 2, 4, 8, 16


@lru_cache(maxsize=1)
def _neutral_phrases() -> tuple:
    """Phrases that start with an achievement word but speak of a goal ("các mục tiêu đã đề ra")."""
    v = vocab.load("targets") or {}
    return tuple(p for p in (" ".join(str(w).lower().split()) for w in v.get("neutral_cues") or []) if p)
_CUES_BY_BITS = tuple(_Cues(bool(b & _COMMIT), bool(b & _ACHIEVED), bool(b & _BASELINE),
                            bool(b & _STRIVE_BIT)) for b in range(32))


@lru_cache(maxsize=1)
def _cue_phrases() -> tuple:
    """(phrase, cue bits, recurrence code) of every cue word (commitment, achievement,
    baseline, "phấn đấu", recurrence), built once from the vocabulary."""
    v = vocab.load("targets") or {}
    bits: dict = {}
    rec: dict = {}
    for bit, key in ((_COMMIT, "commitment_cues"), (_ACHIEVED, "achievement_cues"),
                     (_BASELINE, "baseline_cues")):
        for w in v.get(key) or []:
            w = " ".join(str(w).lower().split())
            bits[w] = bits.get(w, 0) | bit
    for code, ws in (v.get("recurrence") or {}).items():
        for w in ws or []:
            w = " ".join(str(w).lower().split())
            bits.setdefault(w, 0)
            rec[w] = str(code)
    bits["phấn đấu"] = bits.get("phấn đấu", 0) | _STRIVE_BIT
    for w in v.get("commit_before_only") or []:
        w = " ".join(str(w).lower().split())
        if w in bits:
            bits[w] |= _BEFORE_ONLY
    return tuple((w, b, rec.get(w)) for w, b in bits.items() if w)


class _TextIndex:
    """Where the cue words and clause years of a text stand, indexed lazily from its start.

    Every clause, sentence and window asks about its own stretch of text; answering from
    one index (built with ``str.find`` per cue phrase, C speed) instead of one regex pass per
    question keeps the cost linear in the text, however many numbers a sentence holds.
    Phrases match as whole words on single spaces (the cleaned text's spacing).
    """

    def __init__(self, low: str) -> None:
        self.low = low
        self.done = 0  # the text before this offset is indexed
        self.h_start: list = []  # cue hits, sorted by start
        self.h_end: list = []
        self.h_bits: list = []
        self.h_rec: list = []  # recurrence code of the hit, or None
        self.year_at: list = []  # offsets of year digits preceded by a year phrase
        self.year_from: list = []  # start of that phrase
        self.year_val: list = []

    def _extend(self, pos: int) -> None:
        low, n = self.low, len(self.low)
        lo = self.done
        hi = min(n, max(pos, lo + _CHUNK))
        hits: list = []
        for phrase, bits, rec in _cue_phrases():
            lim = hi + len(phrase) - 1
            k = low.find(phrase, lo, lim)
            while k >= 0:
                e = k + len(phrase)
                if (k == 0 or not low[k - 1].isalpha()) and (e >= n or not low[e].isalpha()):
                    hits.append((k, e, bits, rec))
                k = low.find(phrase, k + 1, lim)
        hits.sort(key=lambda h: h[0])
        neutral = _neutral_phrases()
        if neutral:  # achievement hits are few: each is checked where it stands
            hits = [h for h in hits if not (h[2] & _ACHIEVED and any(low.startswith(p, h[0]) for p in neutral))]
        for k, e, bits, rec in hits:
            self.h_start.append(k)
            self.h_end.append(e)
            self.h_bits.append(bits)
            self.h_rec.append(rec)
        for m in _YEAR_DIGITS.finditer(low, lo, min(n, hi + 8)):
            if m.start() >= hi:
                break
            pm = _year_prefix(low, max(0, m.start() - _YEAR_PRE_SPAN), m.start())
            if pm:
                self.year_at.append(m.start())
                self.year_from.append(pm.start())
                self.year_val.append(int(m.group(0)))
        self.done = hi

    def _ensure(self, pos: int) -> None:
        while self.done < min(pos, len(self.low)):
            self._extend(pos)

    def cues(self, a: int, b: int) -> _Cues:
        """The cue words lying within [a, b)."""
        if self.done < b:
            self._ensure(b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, a)
        bits = 0
        while i < len(starts) and starts[i] < b:
            if ends[i] <= b:
                bits |= hbits[i]
            i += 1
        return _CUES_BY_BITS[bits]

    def recurrence(self, a: int, b: int) -> tuple:
        """(code, offset) of the first recurrence word lying within [a, b), or (None, -1)."""
        if self.done < b:
            self._ensure(b)
        starts, ends, recs = self.h_start, self.h_end, self.h_rec
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if recs[i] is not None and ends[i] <= b:
                return recs[i], starts[i]
            i += 1
        return None, -1

    def recurrences(self, a: int, b: int) -> list:
        """(code, start, end) of the recurrence words lying within [a, b)."""
        if self.done < b:
            self._ensure(b)
        starts, ends, recs = self.h_start, self.h_end, self.h_rec
        i = bisect_left(starts, a)
        out = []
        while i < len(starts) and starts[i] < b:
            if recs[i] is not None and ends[i] <= b:
                out.append((recs[i], starts[i], ends[i]))
            i += 1
        return out

    def commits(self, a: int, b: int, pos: int) -> bool:
        """Whether a commitment cue within [a, b) commits the figure at ``pos``: any cue but
        those that commit only what follows them ("bảo đảm 100% ..." commits, "30% kinh phí
        do ngân sách tỉnh bảo đảm" does not)."""
        if self.done < b:
            self._ensure(b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if hbits[i] & _COMMIT and ends[i] <= b and (not hbits[i] & _BEFORE_ONLY or starts[i] < pos):
                return True
            i += 1
        return False

    def clause_start(self, a: int, b: int) -> int:
        """Start of the last commitment cue in [a, b) that opens a clause after ", ", or -1."""
        if self.done < b:
            self._ensure(b)
        starts, ends, hbits = self.h_start, self.h_end, self.h_bits
        i = bisect_left(starts, b) - 1
        while i >= 0 and starts[i] >= a:
            k = starts[i]
            if hbits[i] & _COMMIT and ends[i] <= b and self.low.startswith(", ", k - 2):
                return k
            i -= 1
        return -1

    def year(self, a: int, b: int) -> Optional[int]:
        """The year [a, b) is about: "đến năm 2030", "giai đoạn 2021-2025", or "Năm 2025" first."""
        if self.done < b:
            self._ensure(b)
        i = bisect_left(self.year_at, a)
        found: Optional[tuple] = None
        while i < len(self.year_at) and self.year_at[i] + 4 <= b:
            at, frm = self.year_at[i], self.year_from[i]
            if frm < a:  # the phrase starts before the clause: does its tail still read?
                pm = _year_prefix(self.low, a, at)
                frm = pm.start() if pm else -1
            if frm >= a:
                found = (frm, self.year_val[i])
                break
            i += 1
        if found and found[0] == a:
            return found[1]
        m = _YEAR_AT.match(self.low, a, b)
        if m:
            return int(m.group(1))
        return found[1] if found else None


_BARE_YEAR = re.compile(r"(?<![^\W\d_])năm\s+((?:19|20)\d\d)(?!\d)")
_NOT_OWN_YEAR = re.compile(r"(?:so\s+với|từ|kể\s+từ|tháng\s+\d+|của|ban\s+hành|số)\s*$")
_REC_AT_START = re.compile(r"[\W\d_]*(?:[a-zđ][.)][\W\d_]*)?")
_REC_AFTER_VALUE = re.compile(r"[ \t,]*$")


def _own_year(low: str, q: Quantity, te: int, doc_year: Optional[int]) -> Optional[int]:
    """ "đạt 20% xã, phường ... năm 2025": a bare "năm YYYY" in the figure's own tail, with no
    other number between, is the year of that figure (not a baseline "so với năm", not a
    date or a document's year)."""
    k = low.find("năm", q.end, te)
    m = None
    while k >= 0 and m is None:
        m = _BARE_YEAR.match(low, k, te)
        k = low.find("năm", k + 3, te) if m is None else k
    if not m or _DIGIT.search(low, q.end, m.start()):
        return None
    if _NOT_OWN_YEAR.search(low, max(q.end, m.start() - 16), m.start()):
        return None
    y = int(m.group(1))
    return y if doc_year is None or y >= doc_year else None


def _recurrent(low: str, index: "_TextIndex", q: Quantity, seg_s: int, seg_e: int,
               sent_s: int) -> Optional[str]:
    """The recurrence code when "hằng năm" qualifies the commitment itself: at the start of
    the sentence or clause ("Hằng năm, 100% ..."), right after the figure's verb ("tăng hằng
    năm 10%") or right after the value ("giảm 5% mỗi năm"); "cây hàng năm" (annual crops),
    "kế hoạch hằng năm" do not make a target recurrent."""
    for code, k, e in index.recurrences(sent_s, seg_e):
        if k < seg_s and k > sent_s + 12:
            continue
        if _REC_AT_START.fullmatch(low, sent_s, k) or _REC_AT_START.fullmatch(low, seg_s, k):
            return code
        if seg_s <= k < q.start and _vocab().rec_verb.search(low, max(seg_s, k - 24), k):
            return code
        if k >= q.end and _REC_AFTER_VALUE.match(low, q.end, k) and k - q.end <= 3:
            return code
    return None


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
    return _trim(text, ts, te)[1] if te > ts else te


_COLON_AFTER = re.compile(r"[ \t]*:")


def _is_outcome(low: str, q: Quantity, ts: int, te: int) -> bool:
    """Whether a clause of a task states an outcome with its figure: it opens with the figure
    ("Có ít nhất 02 vùng dự án ...", "Có 30% diện tích ... áp dụng ...") or with a
    percentage whose measured noun a verb follows ("30% diện tích ... áp dụng ...").

    A count of the parts of a text ("Có 03 nhóm nhiệm vụ", "... như sau:") is not one.
    """
    v = _vocab()
    lead = " ".join(low[ts:q.start].split())
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


# --- markdown tables: "| Chỉ tiêu | Đơn vị | 2025 | 2030 |" ------------------------------------

_YEAR_CELL = re.compile(
    r"[\W_]*(?:(?:đến|tới|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|năm)\s+)*((?:19|20)\d\d)[\W_]*")
_ROW_NUMBER = frozenset(["stt", "tt", "số tt", "số thứ tự"])


def _cells(low: str, s: int, e: int) -> list:
    """[start, end) of each cell of the table row low[s:e], white space trimmed."""
    out = []
    k = s + 1 if low.startswith("|", s) else s
    while k < e:
        j = low.find("|", k, e)
        j = e if j < 0 else j
        a, b = k, j
        while a < b and low[a].isspace():
            a += 1
        while b > a and low[b - 1].isspace():
            b -= 1
        out.append((a, b))
        k = j + 1
    return out


@dataclass
class _TableHead:
    """What the first row of a table says: which columns hold years, units, indicators."""

    start: int  # of the header row
    end: int  # of the last row checked to belong to the table
    years: list  # (column, year)
    unit_col: int
    ind_col: int


def _table_head(low: str, line_s: int, line_e: int, cur: Optional[_TableHead]) -> Optional[_TableHead]:
    """The header of the table the row at ``line_s`` belongs to (None: no year columns).

    ``cur`` is the last table seen: rows of the same table reuse it, so that a long table
    costs one walk over its rows.
    """
    if cur is not None and cur.end <= line_s:
        k = cur.end + 1
        while k < line_s and low.startswith("|", k):
            nl = low.find("\n", k, line_s)
            k = line_s if nl < 0 else nl + 1
        if k >= line_s:
            cur.end = line_e
            return cur if cur.years else None
    p = line_s
    while p > 0:
        prev = low.rfind("\n", 0, p - 1) + 1
        if not low.startswith("|", prev):
            break
        p = prev
    hs = p
    he = low.find("\n", hs)
    he = len(low) if he < 0 else he
    v = _vocab()
    years, unit_col, ind_col = [], -1, -1
    for i, (a, b) in enumerate(_cells(low, hs, he)):
        cell = " ".join(low[a:b].split())
        m = _YEAR_CELL.fullmatch(cell)
        if m:
            years.append((i, int(m.group(1))))
        elif cell in v.table_unit:
            unit_col = i
        elif cell in v.table_indicator or (ind_col < 0 and cell and cell not in _ROW_NUMBER):
            if cell in v.table_indicator or ind_col < 0:
                ind_col = i
    return _TableHead(hs, line_e, years, unit_col, ind_col)


def _table_items(text: str, low: str, line_s: int, line_e: int, head: _TableHead) -> list:
    """(indicator span, Quantity, year, unit) of each year cell of one table row."""
    if line_s == head.start:
        return []
    cells = _cells(low, line_s, line_e)
    if head.ind_col < 0 or head.ind_col >= len(cells):
        return []
    ia, ib = cells[head.ind_col]
    if ib <= ia or not _LETTER.search(low, ia, ib):
        return []  # the separator row "|---|---|" or an empty indicator
    v = _vocab()
    unit_cell = None
    if 0 <= head.unit_col < len(cells):
        ua, ub = cells[head.unit_col]
        u = " ".join(low[ua:ub].split())
        unit_cell = v.unit_map.get(u) or (" ".join(text[ua:ub].split()) if 0 < len(u) <= 24 else None)
    out = []
    for col, year in head.years:
        if col >= len(cells):
            continue
        a, b = cells[col]
        qs = _primary(low, find_quantities(text, low, a, b))
        if qs:
            out.append(((ia, ib), qs[0], year, qs[0].unit or unit_cell))
    return out


def extract_targets(doc: Document) -> tuple:
    """(targets, figures) of a document, in reading order."""
    text = doc.text or ""
    if not text:
        return [], []
    low = _lower(text)
    doc_year = _doc_year(doc)
    foot = doc.footer[0] if doc.footer else len(text)
    targets: list = []
    figures: list = []
    index = _TextIndex(low)
    horizon = _horizon(doc)
    n_read = 0
    table: Optional[_TableHead] = None
    for region in _regions(doc):
        r_end = min(region.end, foot)
        if r_end <= region.start:
            continue
        lead_year: Optional[int] = None
        lead_done = False
        situation = region.role == "situation"
        for line_s, line_e in _candidate_lines(low, region.start, r_end):
            if low.startswith("|", line_s):
                table = _table_head(low, line_s, line_e, table)
                if table is not None and table.years:
                    for (ia, ib), q, year, unit in _table_items(text, low, line_s, line_e, table):
                        if len(targets) >= MAX_ITEMS or len(figures) >= MAX_ITEMS:
                            return targets, figures
                        te = max(ib, q.end)
                        if situation or (region.role == "report" and doc_year and year < doc_year):
                            figures.append(Figure(text=text[ia:te], value=q.value, unit=unit,
                                                  counted=text[ia:ib], section=region.section,
                                                  span=[ia, te]))
                        else:
                            targets.append(Target(
                                text=text[ia:te], value=q.value, value_max=q.value_max, unit=unit,
                                comparator=q.comparator, year=year, indicator=text[ia:ib],
                                recurrence=None, section=region.section, span=[ia, te]))
                    continue
            full_s, full_cues, full_year, last_s = -1, None, None, line_s
            for s_s, s_e in sentences(text, line_s, line_e):
                if len(targets) >= MAX_ITEMS or len(figures) >= MAX_ITEMS:
                    return targets, figures
                qs_all = find_quantities(text, low, s_s, s_e)
                if not qs_all:
                    continue
                n_read += len(qs_all)
                if n_read > MAX_QUANTITIES:
                    return targets, figures
                if len(qs_all) >= MAX_ITEMS:
                    s_e = min(s_e, qs_all[-1].end + _WINDOW)
                prim = _drop_dependants(low, _primary(low, qs_all))
                # The whole sentence (through ";") for cue words and the clause-level year.
                dot = low.rfind(".", last_s, s_s)  # from the previous clause on: linear
                fs = dot + 1 if dot >= 0 else full_s if full_s >= 0 else line_s
                last_s = s_s
                if fs != full_s:
                    full_s = fs
                    full_end = low.find(".", s_e, line_e)
                    full_end = line_e if full_end < 0 else full_end
                    win_s, win_e = max(full_s, s_s - _WINDOW), min(full_end, s_s + _WINDOW)
                    full_cues = index.cues(win_s, win_e) if region.role != "situation" else None
                    full_year = index.year(win_s, win_e)
                sent_cues = (index.cues(max(s_s, qs_all[0].start - _WINDOW), min(s_e, qs_all[-1].end + _WINDOW))
                             if region.role == "target" else full_cues)
                j = 0
                for seg in segments(low, s_s, s_e, prim):
                    while j < len(prim) and prim[j].num_start < seg[0]:
                        j += 1
                    k = j
                    while k < len(prim) and prim[k].num_start < seg[1]:
                        k += 1
                    in_seg, j = prim[j:k], k
                    if not in_seg:
                        continue
                    ts0, te0 = _trim(text, max(seg[0], in_seg[0].start - _WINDOW),
                                     min(seg[1], in_seg[-1].end + _WINDOW))
                    if te0 <= ts0:
                        continue
                    seg_low = low[ts0:te0]
                    seg_cues = None if situation else index.cues(ts0, te0)
                    seg_year = index.year(ts0, te0)
                    seen: set = set()
                    for q in in_seg:
                        if (q.value, q.value_max) in seen:
                            continue  # "10 Gigabit mỗi giây (10 Gbps)": one figure said twice
                        seen.add((q.value, q.value_max))
                        ts, te = ts0, te0
                        year = seg_year or (_own_year(low, q, te0, doc_year)
                                            if region.role == "target" or (sent_cues and sent_cues.commit)
                                            else None) or full_year
                        outcome = region.tasks and region.role == "other" and _is_outcome(low, q, ts0, te0)
                        q_cues = sent_cues
                        if (region.role == "other" and sent_cues is full_cues and full_cues.commit
                                and not index.commits(win_s, win_e, q.start)):
                            q_cues = _CUES_BY_BITS[_cue_bits(full_cues) & ~_COMMIT]
                        kind = _decide(region.role, q_cues, seg_cues, q, year, doc_year, seg_low,
                                       outcome)
                        if kind is None:
                            continue
                        if kind == "target" and _is_spec(low, q, ts0, seg_cues):
                            continue
                        if kind == "figure":
                            counted = q.counted or _indicator(text, (ts, te), q)
                            figures.append(Figure(text=text[ts:te], value=q.value, unit=q.unit,
                                                  counted=counted, section=region.section,
                                                  span=[ts, te]))
                            continue
                        lm = _LEAD_IN.match(seg_low)
                        if lm and lm.end() < q.start - ts and _DIGIT.search(seg_low, 0, lm.end()):
                            ts, te = _trim(text, ts + lm.end(), te)
                        cs = index.clause_start(ts, q.start)
                        if cs > ts:  # "..., phấn đấu đạt 20% ...": the clause starts at the cue
                            ts = cs
                            # "... giai đoạn 2025 - 2030, phấn đấu ... 20% ... trong năm 2025"
                            year = index.year(ts, te0) or year
                        if year is None:
                            year = region.year
                        if year is None:
                            if not lead_done:
                                lead_year, lead_done = _lead_year(low, region), True
                            year = lead_year
                        if year is None:
                            year = horizon
                        recurrence = _recurrent(low, index, q, ts0, te0, s_s)
                        te = _commitment_end(text, low, q, ts, te)
                        targets.append(Target(
                            text=text[ts:te], value=q.value, value_max=q.value_max, unit=q.unit,
                            comparator=q.comparator, year=year, indicator=_indicator(text, (ts, te), q),
                            recurrence=recurrence, section=region.section, span=[ts, te]))
    return targets, figures


def apply(doc: Document) -> None:
    """Fill ``doc.targets`` and ``doc.figures``."""
    doc.targets, doc.figures = extract_targets(doc)
