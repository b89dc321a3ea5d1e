"""The filter of deadline candidates: every time expression is judged, and either kept or
dropped for a reason that ``Drop`` names.

A dated expression is kept where the text puts it on a task: after a strong cue ("trước ngày
..."), after "trong/vào" ("hoàn thành trong quý I/2024"), heading a task ("Năm 2026: ...",
"Đến năm 2026, ..."), alone in parentheses, or as the second time of a clause that reuses the
first one's verb. A cadence is kept on any task ("Hằng năm, tổ chức ...", "kiểm tra hằng quý").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..lang import vocab
from ..lang.timex import Timex
from ..lang.patterns import SHORT_GAP, alternation, words_pattern
from .deadline_text import _SCAN, Drop, _trim, clause_end, clause_start

_T = vocab.load("time")
_V = _T["deadlines"]


def _re(items) -> re.Pattern:
    """``words_pattern(items, SHORT_GAP, re.I)``; for a list of one to three phrases, with each
    phrase's word-start test moved after its first word: the same matches, but a search over a
    clause tries a letter at each position, not a look-behind (2-5x faster; with more phrases
    the look-behind first is faster, as it fails at once inside a word)."""
    phrases = sorted({" ".join(str(p).split()) for p in items if str(p).strip()}, key=lambda p: (-len(p), p))
    if not phrases or len(phrases) > 3:
        return words_pattern(items, SHORT_GAP, re.I)
    alts = []
    for p in phrases:
        head, *rest = [re.escape(w) for w in p.split()]
        alts.append(rf"{head}(?<![^\W_]{head})" + "".join(SHORT_GAP + w for w in rest))
    return re.compile("(?:" + "|".join(alts) + r")(?![^\W_])", re.I)


def _words(items) -> str:
    return alternation(items, SHORT_GAP)


COMPLETION_RE = _re(_V["completion_verbs"])
_FINISH_RE = _re(_V["finish_verbs"])
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a time already said in the clause
REPORT_RE = _re(_V["report_words"])
PERIODIC_RE = _re(_T["periodic_words"])
_BUDGET_RE = _re(_V["budget_words"])
_YEARLY_RE = re.compile(rf"(?<![^\W_]){_words(_V['yearly_nouns'])}(?:[\s_]+[^\W\d_]+){{0,4}}[\s_]*\Z", re.I)
_COMPOUND_RE = re.compile(rf"(?<![^\W_]){_words(_V['compound_nouns'])}[\s_]*\Z", re.I)
_PLAN_RE = _re(_V["plan_nouns"])
# Words of a goal, or a measured quantity ("80%", "2.500 ha", "20 tỷ đồng"; units of units.yaml).
_COUNTS = set(_V["counted_units"])  # counted, not measured ("tập huấn 200 người")
_MEASURES = _words([u for u in vocab.load("units")["units"] if u not in _COUNTS])
_TARGET_WORDS_RE = _re(_V["target_words"])
_QUANTITY_RE = re.compile(rf"\d[\d.,]*[\s_]*%|\d[\d.,]*[\s_]{{1,3}}{_MEASURES}(?![^\W_])", re.I)
_FROM_NOW_RE = _re(_V["from_now"])


def _has_target(s: str) -> bool:
    """A goal's word or a measured quantity in ``s`` (two searches: the quantity one skips
    straight to the digits)."""
    return _TARGET_WORDS_RE.search(s) is not None or _QUANTITY_RE.search(s) is not None


_OUTCOME_RE = _re(_V["outcome_words"])
_NARRATIVE_RE = _re(_V["narrative_words"])
_ONGOING_RE = _re(_T["ongoing"])
# A document number just before a date: "số 45-NQ/TW, ngày 24/11/2023", "Quyết định 22/2013/QĐ-TTg ngày ..."
_CITED_RE = re.compile(r"(?:(?<![^\W_])số\s*\d|\d+[/-][^\s,;]*[A-ZĐ])[^\n;()]{0,40}\Z")
HORIZON_KINDS = set(_V["horizon_kinds"])


@dataclass
class Clause:
    """Where a time expression stands: its clause and the text before and after it."""

    start: int
    end: int
    paren: bool
    before: str
    after: str
    head: bool  # nothing but a list marker before it in its clause
    label_above: bool = False  # alone on its line, under a line that ends with ":"
    targeted: bool = False  # the clause (or the line below a time standing alone) holds a target


def clause_of(text: str, t: Timex) -> Clause:
    start, paren = clause_start(text, t.span[0])
    end = clause_end(text, t.span[1])
    lo, hi = _trim(text, start, t.span[0])
    head = lo >= hi
    label = head and not text[t.span[1]:end].strip(" \t.;,") and _line_above(text, start).endswith(":")
    return Clause(start, end, paren, text[start:t.span[0]], text[t.span[1]:end], head, label)


def _line_above(text: str, start: int) -> str:
    """The line before the one holding ``start``, stripped (of markdown emphasis too)."""
    nl = text.rfind("\n", max(0, start - _SCAN), start)
    if nl < 0:
        return ""
    prev = text.rfind("\n", max(0, nl - _SCAN), nl)
    return text[prev + 1:nl].strip().strip("*_ ")


def _paren_alone(text: str, t: Timex, c: Clause) -> bool:
    """"(Quý III/2025)", "(hoàn thành quý I/2024)", "(Quý II/2026 và thường xuyên)"."""
    if c.before.strip() and not COMPLETION_RE.search(c.before):
        return False
    rest = _ONGOING_RE.sub("", c.after).replace("và", "").replace("hoặc", "")
    return not rest.strip(" \t,;.")


def judge_dated(text: str, t: Timex, c: Clause, top_kind: Optional[str], chained: bool) -> Optional[Drop]:
    """None to keep ``t`` as a deadline, else why not."""
    if t.kind in ("since", "open"):
        return Drop.OPEN_ENDED
    if t.kind == "date" and t.cue_kind != "strong" and _CITED_RE.search(c.before[-60:]):
        return Drop.CITED_DOCUMENT
    if _NARRATIVE_RE.search(c.before) or _NARRATIVE_RE.search(c.after[:60]):
        return Drop.NARRATIVE
    if t.cue_kind == "strong":
        return None
    if c.paren and t.cue is None:
        if not _paren_alone(text, t, c):
            return Drop.TASK_OBJECT
        if t.kind in ("year", "range") and not COMPLETION_RE.search(c.before):
            return Drop.PLAN_PERIOD  # "(2020 - 2025)", "(2025)": a period named
        return None
    if top_kind in HORIZON_KINDS:
        return Drop.TARGET_HORIZON
    yearish = t.kind in ("year", "range", "until")
    if yearish and (c.targeted or _has_target(c.after) or _has_target(c.before)):
        return Drop.TARGET_HORIZON
    if t.kind in ("year", "until") and t.cue_kind in ("until", "within") and (
            _OUTCOME_RE.search(c.after[:50]) or _OUTCOME_RE.search(c.before[-60:])):
        return Drop.TARGET_HORIZON  # "Đến năm 2030, hệ thống ... được hoàn thiện"
    return _judge_by_place(t, c, chained)


def _judge_by_place(t: Timex, c: Clause, chained: bool) -> Optional[Drop]:
    """The cue and the place of ``t`` in its clause decide."""
    merged = t.kind == "range" and bool(t.parts.get("merged"))
    if t.kind == "range" and not merged:
        # "giai đoạn 2026-2030" is a period named; only "2026 - 2027: <task>" heads a task
        if c.head and c.after.lstrip().startswith(":"):
            return None
        if COMPLETION_RE.search(c.before[-20:]) and not _PLAN_RE.search(c.before[-40:]):
            return Drop.TASK_OBJECT  # "tổng kết giai đoạn 2021-2025"
        return Drop.PLAN_PERIOD
    if c.head and (c.after.strip() or t.cue_kind is not None or c.label_above):
        return None  # "Năm 2026: ...", "Đến năm 2026, ...", "Trong quý I/2026, ...", a label's value
    if t.cue_kind == "until":
        if _PLAN_RE.search(c.before[-40:]):
            return Drop.PLAN_PERIOD  # "Chiến lược ... đến năm 2030"
        if COMPLETION_RE.search(c.before) or _FROM_NOW_RE.search(c.before[-20:]):
            return None
        return Drop.TARGET_HORIZON
    if t.cue_kind == "within" or merged:
        if t.kind == "year" and _PLAN_RE.search(c.before[-25:]) and not _opens_with(COMPLETION_RE, c):
            return Drop.TASK_OBJECT  # "kế hoạch vốn trong năm 2025" (not "Sơ kết giữa nhiệm kỳ vào năm 2028")
        return None
    if t.cue_kind == "other":
        return None if COMPLETION_RE.search(c.before) else Drop.TASK_OBJECT
    if chained:
        return None  # "hoàn thành trong quý II/2026 đối với cấp tỉnh, quý IV/2026 đối với cấp xã"
    if _tail_time(t, c):
        return None  # "trình Ủy ban nhân dân tỉnh, hoàn thành quý II/2026."
    return Drop.TASK_OBJECT


def _opens_with(verbs: re.Pattern, c: Clause) -> bool:
    """The clause opens with one of ``verbs``: "Hoàn thành đầu tư ...", "- Sơ kết ..."."""
    return bool(verbs.match(c.before.lstrip(" \t-+*•–")))


def _tail_time(t: Timex, c: Clause) -> bool:
    """A time that closes its task clause after a completion verb, a comma or a dash."""
    if c.after.strip(" \t.;,)"):
        return False
    lead = c.before.rstrip()
    if COMPLETION_RE.search(lead[-15:]):
        return True  # "..., hoàn thành quý II/2026"
    if _opens_with(_FINISH_RE, c) and not _YEAR_RE.search(lead) and not _PLAN_RE.search(lead[-40:]):
        return True  # "Hoàn thành <công trình> năm 2027" (not "... kế hoạch vốn năm 2026")
    return t.kind in ("date", "month", "quarter", "half") and lead.endswith((",", "-", "–"))


def judge_cadence(c: Clause, top_kind: Optional[str]) -> Optional[Drop]:
    """None to keep a cadence as a deadline of its task, else why not."""
    if top_kind in HORIZON_KINDS:
        return Drop.TARGET_HORIZON  # "Tăng số lượng sáng chế hàng năm" among the objectives
    if _BUDGET_RE.search(c.before[-40:]):
        return Drop.BUDGET_YEAR
    if _NARRATIVE_RE.search(c.before) or _NARRATIVE_RE.search(c.after[:60]):
        return Drop.NARRATIVE
    if _YEARLY_RE.search(c.before[-50:]) or _COMPOUND_RE.search(c.before[-16:]):
        return Drop.YEARLY_NOUN
    if c.targeted or _has_target(c.before) or _has_target(c.after):
        return Drop.TARGET_HORIZON  # "Hằng năm 100% cán bộ được bồi dưỡng"
    return None


def report_cadence(text: str, t: Timex, c: Clause) -> Optional[tuple]:
    """If cadence ``t`` governs a reporting clause, (text start, clause end, task start)."""
    head = t.span[0]
    pm = None
    for pm in PERIODIC_RE.finditer(c.before[-60:]):
        pass
    if pm is not None and PERIODIC_RE.search(t.text) is None:
        head = t.span[0] - len(c.before[-60:]) + pm.start()  # "định kỳ trước ngày 30/11 hàng năm"
    rm = REPORT_RE.search(c.after[:80])
    if rm is not None:
        lo, _ = _trim(text, c.start, head) if text[c.start:head].strip() else (head, head)
        lead = text[lo:head].rstrip()
        if (not lead or lead.endswith((",", "và", "đồng thời")) or pm is not None
                or PERIODIC_RE.search(t.text) is not None):
            return head, c.end, t.span[1] + rm.start()
    window = c.before[-150:]
    rbs = list(REPORT_RE.finditer(window))
    if rbs:  # "báo cáo định kỳ 6 tháng", "báo cáo kết quả thực hiện Kế hoạch hằng năm"
        head = t.span[0] - len(window) + rbs[-1].start()
        return head, c.end, head
    return None
