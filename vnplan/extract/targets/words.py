"""The vocabulary of targets (``vnplan/data/targets.yaml``) compiled once, and the patterns
that do not depend on it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ...lang import numbers, patterns, vocab

# The vocabulary files read by the targets extractor, one per concept.
_FILES = ("targets", "units", "comparators")


@lru_cache(maxsize=1)
def _load() -> dict:
    data: dict = {}
    for name in _FILES:
        data.update(vocab.load(name) or {})
    return data


def alt(key: str, gap: str = r"\s+") -> str:
    """The words of ``key`` (targets.yaml and the other files of ``_FILES``) as one group, longest
    first (lang.patterns), the words of a phrase joined by ``gap``: a fixed pattern's words."""
    return patterns.alternation((str(w).lower() for w in _load()[key]), gap)


def alt_body(*keys: str, gap: str = r"\s+") -> str:
    """The words of ``keys`` as bare alternatives, to stand among the other alternatives of one
    group: a group nested first in an alternative costs the regex engine its first-character scan."""
    s = patterns.alternation((str(w).lower() for k in keys for w in _load()[k]), gap)
    return s if s == patterns.NEVER else s[3:-1]


_A = alt("and_word")
_YEAR = alt("year_word")
_TO = alt("to_words")
_GOAL = alt("goal_lead")
_YEAR_WORDS = tuple(str(w) for w in _load()["year_word"])  # "năm" read with str.find / endswith
_JOINERS = tuple(str(w) for w in _load()["list_joiners"])  # "và", "hoặc" between listed numbers
# Where a sentence or a ";"-clause ends. Punctuation first (one character class: the scan
# jumps between candidates); group 1 is the white space after a full stop, absent for ";".
_SENT_END = re.compile(r"[.!?…;](?:(?<=;)|(\s+)(?=[^\W_]|[\"“(*\-+]))")
# A list marker or a joining "và" left at the start of a clause: not part of its text.
_CLAUSE_LEAD = re.compile(r"(?:\(?[a-zđ0-9]{1,2}\)\s+|" + _A + r"\s+)")
_YEAR_ANY = re.compile(
    r"(?:" + alt_body("year_word", "to_words") + r")\s+((?:19|20)\d\d)(?!\d)|" + alt("period_words")
    + r"\s+(?:19|20)\d\d\s*[-–—]\s*((?:19|20)\d\d)(?!\d)"
)
_LEAD_IN = re.compile(
    r"^\W*(?:[a-zđ0-9]{1,2}[.)]\s+)?(?:" + _GOAL + r"\s*(?:" + alt("goal_copula") + r"|:)?\s*)?"
    r"(?:" + alt("by_year_lead") + r"\s+(?:" + alt("year_end_words") + r"\s+)?" + _YEAR + r"\s+(?:19|20)\d\d"
    r"(?:\s*,?\s*" + alt("vision_words") + r"\s+" + _TO + r"\s+" + _YEAR + r"\s+(?:19|20)\d\d)?)?\s*[,:]?\s*"
)
_TRAIL_WORDS = re.compile(r"(?:\s+" + alt("value_lead_words", " ") + r")+\s*$")
_WORD = r"[^\W\d_]+"
_ACRONYM = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,}[ \t]+$")
# A capitalised word (not the first of its sentence) right before a bare number: a name.
_NAME_BEFORE = re.compile(r"[^\W\d_][^\S\n]+([^\W\d_]+)[^\S\n]+$")  # group 1: the word checked for a capital
_MARKER_AFTER = re.compile(r"\s*(?:[.)\]:]|-\s|\|)")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPACE_PUNCT = re.compile(r"\s+([,;:.)])")
_LEAD_YEAR = re.compile(_GOAL + r"[^.;\n]{0,40}?" + _TO + r"\s+(?:" + _YEAR + r"\s+)?((?:19|20)\d\d)(?!\d)")
# No plan has thousands of numbers; past this many items (per kind) the rest is left out, so
# that a pathological input costs bounded time.
MAX_ITEMS = 1000
# Quantities read per document, emitted or not (numbers of tasks are neither targets nor
# figures): past this many, the rest of a pathological input is not read.
MAX_QUANTITIES = 5 * MAX_ITEMS
_TAIL_SPLIT = re.compile(r"[\s(\[,;:]+")
_TAIL_SEPS = "([,;:"  # with white space: what _TAIL_SPLIT splits at


def tail_words(before: str) -> list:
    """The last six words of the text before a number, as ``_TAIL_SPLIT.split`` of it with
    " \t:.(" stripped at its end gives them (an empty word for a separator at either end);
    read with ``str.replace`` and ``str.split``, several times faster than the regex."""
    x = before.rstrip(" \t:.(")
    spaced = x.replace("(", " ").replace("[", " ").replace(",", " ")
    words = spaced.replace(";", " ").replace(":", " ").split()
    if x and (x[-1].isspace() or x[-1] in _TAIL_SEPS):
        words.append("")
    if not x or x[0].isspace() or x[0] in _TAIL_SEPS:
        words.insert(0, "")
    return words[-6:]
_FILLERS = frozenset(str(w) for w in _load()["filler_words"])


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
_MUST = re.compile(r"(?<![^\W\d_])" + alt("must_words") + r"(?![^\W\d_])")
# An age that is itself the value: "tuổi thọ bình quân đạt 75 tuổi".
_QUAL_VALUE = re.compile(alt("qualifier_value_verbs") + r"\s*$")


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
    rate_bases: frozenset  # what a rate is per ("con/phụ nữ", "bác sĩ/vạn dân", "tấn/ha")
    table_goal: re.Pattern  # header words of a table of goals ("chỉ tiêu")
    milestone_words: frozenset  # "năm 2026 đạt 10%": words of a milestone's clause
    not_count_after: re.Pattern  # "2 cấp", "25 hằng tháng": the number names, it does not count


def _alt(words: Iterable[str]) -> str:
    """The lower-cased words as one group (lang.patterns), spaces matching any white space (the
    text is matched lower case with "_" made a space)."""
    return patterns.alternation((str(w).lower() for w in words if w), r"\s+")


_END = r"(?![^\W\d_])"
_START = r"(?<![^\W\d_])"


def _list(data: dict, key: str, default: Iterable[str] = ()) -> list:
    return [" ".join(str(w).lower().split()) for w in (data.get(key) or default)]


def _set(data: dict, *keys: str) -> frozenset:
    return frozenset(w for k in keys for w in _list(data, k))


def _after(words: Iterable[str]) -> re.Pattern:
    """One of ``words`` right after a position (group 1), ending a word."""
    return re.compile(r"\s*(" + _alt(words) + ")" + _END)


def _word(words: Iterable[str], tail: str = _END) -> re.Pattern:
    """One of ``words`` as a whole word anywhere."""
    return re.compile(_START + "(?:" + _alt(words) + ")" + tail)


def _ops(data: dict, key: str) -> dict:
    """{word: comparator} of a comparators mapping {comparator: [words]}."""
    return {" ".join(str(w).lower().split()): op for op, ws in (data.get(key) or {}).items() for w in ws}


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d = _load()
    units = {str(k).lower(): v for k, v in (d.get("units") or {}).items()}
    comps, after = _ops(d, "comparators"), _ops(d, "comparators_after")
    nw_units = _list(d, "number_word_units")
    return _Vocab(
        unit=_after(units), unit_map=units, counted=_after(_list(d, "counted_nouns")),
        comp_map=comps, comp_words=frozenset(comps), comp_after=_after(after), comp_after_map=after,
        commit=_word(_list(d, "commitment_cues")), achieved=_word(_list(d, "achievement_cues")),
        baseline=_word(_list(d, "baseline_cues")), target_head=_word(_list(d, "target_headings")),
        situation_head=_word(_list(d, "situation_headings")),
        label=_set(d, "label_before", "body_before"), label_exc=_set(d, "label_exceptions"),
        qualifier=_after(_list(d, "qualifier_units")), time_unit=_after(_list(d, "time_units")),
        numword=re.compile(_START + alt("number_word_verbs") + r"\s+((?:(?:"
                           + _alt(numbers.number_words()) + r")\s+)+)(" + _alt(nw_units) + ")" + _END),
        numword_units=tuple(nw_units),
        recurrence=tuple((code, _word(ws)) for code, ws in (d.get("recurrence") or {}).items()),
        counted_stop=frozenset(w for w in _list(d, "counted_stop") if " " not in w),
        list_nouns=_set(d, "counted_nouns", "list_nouns"),
        has_before=_word(_list(d, "has_words"), r"\s+$"),
        spec_unit=re.compile(r"\s*\(?\s*(?:" + _alt(_list(d, "spec_units")) + ")" + _END),
        spec_before=_word(_list(d, "spec_before"), r"(?:\s+[^\W\d_]+){0,2}\s+$"),
        spec_gov=_word(_list(d, "spec_governing")),
        rec_verb=_word(_list(d, "recurrence_verbs"), r"\s+$"),
        table_unit=_set(d, "table_unit_headers"), table_indicator=_set(d, "table_indicator_headers"),
        named_units=_set(d, "named_units"), count_governors=_set(d, "count_governors"),
        outcome_lead=_set(d, "outcome_lead"), outcome_verb=_word(_list(d, "outcome_verbs")),
        structure_nouns=_set(d, "structure_nouns"),
        # literal-first (a comma, "và", an ender): the scan jumps between candidates
        clause_end=re.compile(
            r"(?:,[ \t]*(?:" + _A + r"[ \t]+)?|(?<=[ \t])" + _A + r"[ \t]+)\(?[ \t]*(?:"
            + _alt(_list(d, "clause_enders")) + ")" + _END
            + r"|(?<=[ \t])(?:" + _alt(_list(d, "clause_enders_bare")) + ")" + _END),
        grade_before=_set(d, "grade_before"), grade_unit=_after(_list(d, "grade_units")),
        rate_bases=_set(d, "rate_bases"),
        table_goal=_word(_list(d, "table_goal_headers")),
        milestone_words=_set(d, "milestone_words"),
        not_count_after=re.compile(r"[ \t]*(?:" + _alt(_list(d, "not_count_after")) + ")" + _END),
    )
