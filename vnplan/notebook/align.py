"""Plan-to-parent alignment: what a lower-level plan kept, changed, dropped and added.

A district plan carries out its province's programme; ``compare(child, parent)`` pairs each
target and task of the parent with its counterpart in the child (rapidfuzz on normalized text,
numbers taken out so that a changed figure does not hide the match), reports changed values,
and lists what the child dropped and what it added. Pairing is greedy by score, one to one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from ..model import Document, Section, Target
from ..lang.text import fold

TARGET_CUTOFF = 55.0  # below this two targets are not the same goal
TASK_CUTOFF = 50.0  # below this two task items are not the same task
SAME_NUMBER_BONUS = 10.0  # tasks keep their numbering when a plan copies its parent

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PUNCT = re.compile(r"[^\w\s]")


def _topic(text: str) -> str:
    """Text for matching: folded, figures and punctuation removed."""
    return " ".join(_PUNCT.sub(" ", _NUMBER.sub(" ", fold(text or ""))).split())


@dataclass
class Pair:
    kind: str  # "target" or "task"
    parent: str  # the parent's item (text), child: the child's
    child: str
    score: float
    parent_ref: Optional[str] = None  # section id of the item in each document
    child_ref: Optional[str] = None
    changes: list = field(default_factory=list)  # "value: >1200 người -> =60 None"


@dataclass
class Comparison:
    pairs: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # (kind, ref, text) of the parent's, unmatched
    added: list = field(default_factory=list)  # (kind, ref, text) of the child's, unmatched

    @property
    def changed(self) -> list:
        return [p for p in self.pairs if p.changes]

    def table(self, width: int = 60) -> str:
        """A plain-text table for the terminal."""
        def cut(s: str) -> str:
            s = " ".join((s or "").split())
            return s if len(s) <= width else s[: width - 1] + "…"

        lines = [f"{'kind':<7}{'score':>6}  {'parent':<{width}}  {'child':<{width}}  changes"]
        for p in self.pairs:
            lines.append(f"{p.kind:<7}{p.score:6.0f}  {cut(p.parent):<{width}}  "
                         f"{cut(p.child):<{width}}  {'; '.join(p.changes)}")
        for kind, ref, text in self.dropped:
            lines.append(f"{kind:<7}{'-':>6}  {cut(text):<{width}}  {'(dropped)':<{width}}")
        for kind, ref, text in self.added:
            lines.append(f"{kind:<7}{'+':>6}  {'(added)':<{width}}  {cut(text):<{width}}")
        return "\n".join(lines)


def _value(t: Target) -> str:
    cmp = "" if t.comparator in ("=", "range") else t.comparator
    val = f"{t.value:g}" if t.value is not None else "?"
    if t.value_max is not None:
        val += f"-{t.value_max:g}"
    return f"{cmp}{val} {t.unit or ''}".strip()


def _greedy(scores: list[tuple[float, int, int]], cutoff: float) -> list[tuple[float, int, int]]:
    used_a, used_b, out = set(), set(), []
    for score, i, j in sorted(scores, reverse=True):
        if score >= cutoff and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((score, i, j))
    return sorted(out, key=lambda x: x[1])


def _task_items(doc: Document) -> list[Section]:
    """The items a plan asks to be done: children of its tasks and implementation sections."""
    items = []
    for top in doc.sections:
        if top.kind in ("tasks", "implementation"):
            items.extend(top.children or [top])
    return items


def _task_text(s: Section) -> str:
    return " ".join(x for x in (s.heading, s.text[:400]) if x)


def _last_number(sid: Optional[str]) -> str:
    return (sid or "").split("/")[-1]


def _target_changes(p: Target, c: Target) -> list:
    changes = []
    if (_value(p), p.comparator) != (_value(c), c.comparator):
        changes.append(f"value: {_value(p)} -> {_value(c)}")
    if p.year != c.year:
        changes.append(f"year: {p.year} -> {c.year}")
    return changes


def _task_score(p: Section, a: str, c: Section, b: str) -> float:
    """Similar wording (set and order), plus a bonus when the items keep their number."""
    score = fuzz.token_set_ratio(a, b) * 0.5 + fuzz.ratio(a[:300], b[:300]) * 0.5
    if _last_number(p.id) == _last_number(c.id):
        score = min(100.0, score + SAME_NUMBER_BONUS)
    return score


def _leftovers(result: Comparison, kind: str, matched: list, parent: list, child: list) -> None:
    """The parent's unmatched items are dropped, the child's are added ((kind, ref, text))."""
    kept_p, kept_c = {m[1] for m in matched}, {m[2] for m in matched}
    result.dropped += [(kind, ref, text) for i, (ref, text) in enumerate(parent) if i not in kept_p]
    result.added += [(kind, ref, text) for j, (ref, text) in enumerate(child) if j not in kept_c]


def _compare_targets(result: Comparison, pt: list, ct: list) -> None:
    ptopic = [_topic(t.indicator or t.text) for t in pt]
    ctopic = [_topic(t.indicator or t.text) for t in ct]
    scores = [(fuzz.token_set_ratio(a, b), i, j)
              for i, a in enumerate(ptopic) for j, b in enumerate(ctopic) if a and b]
    matched = _greedy(scores, TARGET_CUTOFF)
    for score, i, j in matched:
        result.pairs.append(Pair("target", pt[i].text, ct[j].text, round(score, 1),
                                 pt[i].section, ct[j].section, _target_changes(pt[i], ct[j])))
    _leftovers(result, "target", matched, [(t.section, t.text) for t in pt],
               [(t.section, t.text) for t in ct])


def _compare_tasks(result: Comparison, pk: list, ck: list) -> None:
    ptext, ctext = [_topic(_task_text(s)) for s in pk], [_topic(_task_text(s)) for s in ck]
    scores = [(_task_score(pk[i], a, ck[j], b), i, j)
              for i, a in enumerate(ptext) for j, b in enumerate(ctext)
              if a and b and pk[i].kind == ck[j].kind]
    matched = _greedy(scores, TASK_CUTOFF)
    for score, i, j in matched:
        result.pairs.append(Pair("task", _task_text(pk[i])[:200], _task_text(ck[j])[:200],
                                 round(score, 1), pk[i].id, ck[j].id))
    _leftovers(result, "task", matched, [(s.id, _task_text(s)[:200]) for s in pk],
               [(s.id, _task_text(s)[:200]) for s in ck])


def compare(child: Document, parent: Document) -> Comparison:
    """Align the child plan with the parent plan it carries out: targets, then task items."""
    result = Comparison()
    _compare_targets(result, parent.targets, child.targets)
    _compare_tasks(result, _task_items(parent), _task_items(child))
    return result
