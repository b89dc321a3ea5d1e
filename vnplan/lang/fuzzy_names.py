"""Misspelled body names: rapidfuzz against the gazetteer keys sharing a capitalized head word."""
from __future__ import annotations

import re
from typing import Callable, Optional

from .fold import TOKEN_RE as _TOKEN_RE
from .gazetteer import BodyMatch, Gazetteer as _Gazetteer

_WORD_AFTER = re.compile(r"[ \t]+(\w+)")


def merge(exact: list[BodyMatch], fuzzy: list[BodyMatch]) -> list[BodyMatch]:
    """Exact matches minus those a fuzzy match overlaps, plus the fuzzy ones, in order."""
    fuzzy = sorted(fuzzy)
    kept: list[BodyMatch] = []
    j = 0
    for b in exact:
        # fuzzy matches that end before b cannot overlap it or any later exact match
        while j < len(fuzzy) and fuzzy[j].end <= b.start:
            j += 1
        k = j
        overlap = False
        while k < len(fuzzy) and fuzzy[k].start < b.end:
            if b.start < fuzzy[k].end:
                overlap = True
                break
            k += 1
        if not overlap:
            kept.append(b)
    kept.extend(fuzzy)
    kept.sort()
    return kept


def _best_key(words: list, by_count: dict, process, fuzz) -> Optional[tuple[str, float, int]]:
    """(key, score, word count) of the key closest to the first words, else None."""
    best = None
    for n, keys in by_count.items():
        if n > len(words) or not words[n - 1].group()[0].isalnum():
            continue
        cand = " ".join([w.group() for w in words[:n]])
        r = process.extractOne(cand, keys, scorer=fuzz.ratio, score_cutoff=90)
        if r and " va " in f" {cand} " and " va " not in f" {r[0]} ":
            continue  # "Ban Nội chính và Ủy ban ...": two names joined, not one misspelled
        if r and (best is None or (r[1], n) > (best[1], best[2])):
            best = (r[0], r[1], n)
    return best


def fuzzy(text: str, folded: str, g: _Gazetteer, found: list[BodyMatch], extend: Callable,
          lo: int = 0, hi: Optional[int] = None) -> list[BodyMatch]:
    """Misspelled names after a capitalized head word the exact scan did not cover.

    ``extend`` reads a name's level and place after it (the reader's own, passed in).
    """
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return []
    spans = [(b.start, b.end) for b in found if not b.weak]
    # nearly every head word opens a name the exact scan found: drop those in one pass
    named = {st for st, _ in spans}
    heads = [a.start() for a in g.anchor_regex.finditer(text, lo, len(text) if hi is None else hi)]
    extra: list[BodyMatch] = []
    j = 0
    for s in [h for h in heads if h not in named]:
        a = g.anchor_regex.match(text, s)
        if s and (text[s - 1].isalnum() or text[s - 1] == "&"):
            continue
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] <= s < spans[j][1]:
            continue
        if not text[s].isupper():
            continue
        nxt = _WORD_AFTER.match(text, a.end())
        if not nxt or not nxt.group(1)[0].isupper():
            continue
        # a name stays on its line and ends with a word ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ" and
        # "Ban Thường vụ, Chủ nhiệm" are no misspelled "Ban Thường vụ Huyện ủy")
        line_end = folded.find("\n", s, s + 120)
        words = list(_TOKEN_RE.finditer(folded, s, s + 120 if line_end < 0 else line_end))
        best = _best_key(words, g.by_head.get(folded[a.start():a.end()], {}), process, fuzz)
        if best is None:
            continue
        end = words[best[2] - 1].end()
        entry = g.entries[best[0]]
        if entry.needs_level:
            continue
        end, suffix = extend(text, folded, g, end, entry)
        extra.append(BodyMatch(s, end, text[s:end], entry.canonical + suffix, entry.generic,
                               entry.kind, entry.weak))
    return extra


