"""The one builder that turns a vocabulary (a list of words and phrases) into a regex.

Every stage reads its words from ``vnplan/data`` and compiles them here, so every vocabulary
obeys the same rules: longest phrase first (so "Ủy ban nhân dân tỉnh" wins over "Ủy ban"), the
words of a phrase separated by any run of white space or the "_" of word-segmented text, and a
whole-word match that never starts or ends inside a word.
"""
from __future__ import annotations

import re
from typing import Iterable

GAP = r"[\s_]+"  # between the words of a phrase: spaces, tabs, line breaks, "_" of segmented text
SHORT_GAP = r"[\s_]{1,3}"  # one to three blanks or "_": the time vocabularies' gap
LINE_GAP = r"[ \t\u00a0_]+"  # the same within one line, for patterns that must not cross a line
NEVER = r"(?!)"  # the alternation of an empty vocabulary: matches nothing

_WORD_BEFORE = r"(?<![^\W_])"
_WORD_AFTER = r"(?![^\W_])"


def phrase(words: str, gap: str = GAP, reverse: bool = False) -> str:
    """One phrase as a pattern: its words escaped and joined by ``gap``; with ``reverse`` the
    phrase spelled backwards, to match on a reversed text (a word read back from a position)."""
    ws = str(words).split()
    if reverse:
        ws = [w[::-1] for w in reversed(ws)]
    return gap.join(re.escape(w) for w in ws)


def alternation(phrases: Iterable[str], gap: str = GAP, reverse: bool = False) -> str:
    """A non-capturing group of the phrases, longest first, duplicates dropped (``reverse``: each
    spelled backwards, see ``phrase``)."""
    unique = {" ".join(str(p).split()) for p in phrases if str(p).strip()}
    if not unique:
        return NEVER
    ordered = sorted(unique, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase(p, gap, reverse) for p in ordered) + ")"


def words_pattern(phrases: Iterable[str], gap: str = GAP, flags: int = 0) -> re.Pattern:
    """A compiled pattern that finds any of the phrases as whole words."""
    return re.compile(_WORD_BEFORE + alternation(phrases, gap) + _WORD_AFTER, flags)
