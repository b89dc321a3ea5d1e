"""Cleaner step 1b: text in the output form of a word segmenter (pyvi, underthesea, VnCoreNLP).

Such text joins the syllables of a word with "_" ("Kế_hoạch hỗ_trợ hộ nghèo"), spaces the
punctuation ("nhà ở , Nghị_quyết 30 ; ... Thành_phố ."), and splits markers and numbers
("I . tình_hình", "2 . 305"). It is recognised by the share of its words that hold a
letter_letter join (about half of them in segmented Vietnamese, none in ordinary text; the
threshold is in ``clean.yaml``) and written back as ordinary text. Text that is not segmented is
never touched, so an identifier ("ten_file"), markdown "__bold__" or a "____" blank stay.

Every pattern here is linear: runs of spaces are matched only from their first character (a
lookbehind), "_" only between two letters.
"""
from __future__ import annotations

import re
from itertools import islice

from ..lang import vocab
from ..model import Warning_

# words counted by one match each (a match runs to the end of its token): words holding a
# letter, and words holding a letter_letter join
_WORD = re.compile(r"[^\W\d_]\S*")
# (from the "_" of its first join to the end of its token: one match a joined word, and a scan
# led by "_" rather than by every letter)
_JOINED_WORD = re.compile(r"_(?<=[^\W\d_]_)(?=[^\W\d_])\S*")
_JOIN = re.compile(r"_(?<=[^\W\d_]_)(?=[^\W\d_])")
# "2 . 305" / "1 . 234 . 567": a thousands group split from its number, after a word (not a
# line-start marker "1 . 305 hộ", which stays a marker followed by a number)
_THOUSANDS = re.compile(r" (?<=[^\s\d.,] )(\d{1,3}(?: \. \d{3})+)(?!\d)")
# "2 , 5 %": a decimal comma split before a percent sign
_DECIMAL = re.compile(r"(\d(?<![\d.,]\d)\d{0,2}) , (?=\d{1,3} ?%)")
_SPACE_BEFORE = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*(?=[,.;:)%!?])")
_SPACE_PUNCT = re.compile(r" (?=[,.;:)%!?])")  # the same, where every run of blanks is one space
# a place _THOUSANDS may match ("2 . 305"), found by a scan led by the literal " . "
_DOT_GROUP = re.compile(r" \. \d(?<=\d \. \d)")
# a place _DECIMAL may match ("2 , 5 %"), found by a scan led by the literal " , "
_COMMA_PERCENT = re.compile(r" , (?<=\d , )(?=\d{1,3} ?%)")
# an "_" that is not a letter_letter join: while there is none, every "_" is one
_NOT_JOIN = re.compile(r"_(?:(?<![^\W\d_]_)|(?![^\W\d_]))")
_SPACE_AFTER_PAREN = re.compile(r"\([ \t]+")


def _settings() -> dict:
    return vocab.load("clean")["word_segmented"]


def is_word_segmented(text: str) -> bool:
    """A clear majority of the multi-syllable words joined by "_" (a share of all the words
    holding a letter_letter join above the threshold of ``clean.yaml``)."""
    if "_" not in text:
        return False
    cfg = _settings()
    sample = text[:200_000]
    # each joined word holds a join: too few joins (a fast scan led by "_") decide it at once
    if sum(1 for _ in islice(_JOIN.finditer(sample), cfg["min_joined"])) < cfg["min_joined"]:
        return False
    # a word is a part of one token at most: a share of the tokens above the threshold is one
    # of the words too, and the (slower) count of the words is not needed; the joined words
    # are counted only as far as that share (and the minimum) needs
    need = max(int(cfg["min_share"] * len(sample.split())) + 1, cfg["min_joined"])
    joined = sum(1 for _ in islice(_JOINED_WORD.finditer(sample), need))
    if joined >= need:
        return True
    if joined < cfg["min_joined"]:
        return False
    return joined > cfg["min_share"] * len(_WORD.findall(sample))


def unsegment_line(line: str) -> str:
    """Segmented text (a line or many: no pattern crosses a line break) as ordinary text."""
    if "_" in line:
        line = _JOIN.sub(" ", line) if _NOT_JOIN.search(line) else line.replace("_", " ")
    if " . " in line and _DOT_GROUP.search(line):
        line = _THOUSANDS.sub(lambda m: " " + m.group(1).replace(" . ", "."), line)
    if " , " in line and _COMMA_PERCENT.search(line):
        line = _DECIMAL.sub(r"\1,", line)
    if "(" in line:
        line = _SPACE_AFTER_PAREN.sub("(", line)
    if "\t" in line or "  " in line:
        return _SPACE_BEFORE.sub("", line)
    # every run of blanks is one space: dropping each " " before a mark is the same, and a scan
    # led by the literal " " is faster than one that checks each blank for a run before it
    return _SPACE_PUNCT.sub("", line)


def unsegment(text: str) -> tuple[str, list]:
    """``text`` written back as ordinary text when it is word-segmented, with a warning;
    any other text is returned as it is."""
    if not is_word_segmented(text):
        return text, []
    warning = Warning_("word-segmented", "word-segmented text (syllables joined by \"_\", "
                                         "spaced punctuation) written back as ordinary text")
    return unsegment_line(text), [warning]
