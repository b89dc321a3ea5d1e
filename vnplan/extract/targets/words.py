"""The vocabulary of targets (``vnplan/data/targets.yaml``) compiled once, and the patterns
that do not depend on it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ...lang import numbers, vocab

# the white space after a full stop, absent for ";".
_SENT_END = re.compile(r"[.!?…;](?:(?<=;)|(\s+)(?=[^\W_]|[\"“(*\-+]))")
# A list marker or a joining "và" left at the start of a clause: not part of its text.
_CLAUSE_LEAD = re.compile(r"(?:\(?[a-zđ0-9]{1,2}\)\s+|và\s+)")
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


_WINDOW = 1000  # chars of context read around a clause's numbers (bounds pathological lines)
_STRIVE = re.compile(r"phấn\s+đấu")
_MUST = re.compile(r"(?<![^\W\d_])(?:được|phải|có)(?![^\W\d_])")
# An age that is itself the value: "tuổi thọ bình quân đạt 75 tuổi".
_QUAL_VALUE = re.compile(r"(?:đạt|lên|là|khoảng)\s*$")



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
    not_count_after: re.Pattern  # "2 cấp", "25 hằng tháng": the number names, it does not count


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
    nw = numbers.number_words()
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
        not_count_after=re.compile(r"[ \t]*(?:" + _alt(data.get("not_count_after") or ["cấp"]) + ")" + end),
    )


# --- numbers ---------------------------------------------------------------------------------
