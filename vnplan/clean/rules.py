"""The cleaner's patterns: fixed ones here, the vocabulary of clean.yaml compiled once."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import vocab
from ..lang.docnumber import doc_types
from ..lang.patterns import alternation


# Footnote references travel through the reflow as "\ue000<id>\ue001" and are resolved to
# offsets at the very end (the input's own private-use copies of these are dropped first).
_REF_OPEN, _REF_CLOSE = "\ue000", "\ue001"
_REF_RE = re.compile("\ue000(\\d{1,4})\ue001")

# An article's word as it opens a marker ("Điều 1"): the first of headings.yaml legal_divisions.
ARTICLE = str(vocab.load("headings")["legal_divisions"]["dieu"][0])
# The word both place-date patterns of clean.yaml contain ("ngày"): tested for before them.
DATE_WORD = str(vocab.load("clean")["date_word"])
_END_PUNCT = re.compile(r"[.!?:;…](?:[\"”’)\]»]*)$")
_END_CHARS = ".!?:;…\"”’)]»"  # a line ending a sentence ends with one of these
_SPACES = re.compile(r" {2,}")
# a superset of the pairs vnplan.lang.text.tone_style rewrites ("oà", "uỷ" ...): the pair ends
# its syllable and its "u" is not part of "qu" (tone_style leaves "hoàng", "hoạch", "quý")
_OLD_TONE = re.compile("[oOuU](?<![qQ].)[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\\W\\d_])")
_MD_HEADING = re.compile(r"^(?:#{1,6}(?:[ \t]+|$))+")  # "#" alone: an empty heading
_EMPH = re.compile(r"\(\*{1,3}\)|\*+")  # "(*)" note marks are kept, other asterisks go
_PAREN_STARS = re.compile(r"\(\*{1,3}\)")
_STARS = re.compile(r"\*+")
_BOLD_TOK = re.compile(r"\*\*|(?<![_\w])__(?=[^\s_])|(?<=[^\s_])__(?![_\w])")
_UNDERSCORE_EMPH = re.compile(r"(?<![_\w])__(?=[^\s_])|(?<=[^\s_])__(?![_\w])")
_STAR_BULLET = re.compile(r"^\*[ \t]+(?=[^*\s])")
_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")
_ENTITY = re.compile(r"&(?:amp;)*(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The reflow's own start-of-line test, looser than lang.markers.read_marker on purpose: it
# also takes "a." letter items and a bare "2.3." line, which must not run into the line before
# (read_marker differs on 22 lines of the shared texts), and it is one part of the single
# _HEAD match every line runs through.
_ROMAN = r"[IVXLC]{1,7}"
_MARKER_BODY = (
    r"(?:" + _ROMAN + r"\s?[.\-–)]"           # I.  II-  III)  I . (word-segmented)
    r"|\d{1,2}(?:\.\d{1,2}){0,3}\s?[.)](?!\d)"  # 1.  2.1.  3)  1 .
    r"|\d{1,2}(?:\.\d{1,2}){1,3}(?=\s)"          # 2.1 without the last dot
    r"|[a-zđ]\s?[).](?=\s)"                      # a)  b.
    r"|" + alternation([ARTICLE], " ") + r"\s+\d{1,3}\b"  # Điều 1
    r")")
_MARKER = re.compile("^" + _MARKER_BODY)
_BULLET_BODY = r"[-–+•·▪►◦○●❖➢✓]\s*(?=\S)"
_BULLET = re.compile("^" + _BULLET_BODY)
# How a line starts, in one match (it always matches): group 1 is "" after an outline
# marker, group 2 "" after a bullet, group 3 the opening brackets/quotes, group 4 the first
# letter after them, group 5 a digit there instead (after "[" a digit does not count).
_HEAD = re.compile(r"^(?:(?=" + _MARKER_BODY + r")()|)(?:(?=" + _BULLET_BODY + r")()|)"
                   r"([(\"“‘'«\[]*)(?:([^\W\d_])|(\d))?")
_SPLIT_NUMBER_HEAD = re.compile(r"\d[-/]$")
_SPLIT_NUMBER_TAIL = re.compile(r"^[A-ZĐ\d]")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")



def _non_letters() -> str:
    """Character ranges of the Latin, combining, Greek and symbol blocks holding no letter
    (as the regex engine's ``[^\\W\\d_]`` sees it), written for a character class."""
    letter = re.compile(r"[^\W\d_]")
    ranges: list = []
    for lo, hi in ((0x80, 0x400), (0x2000, 0x2c00), (0x3000, 0x3040), (0xfe00, 0xfe70),
                   (0xff00, 0xff66)):
        for i in range(lo, hi):
            if letter.match(chr(i)):
                continue
            if ranges and ranges[-1][1] == i - 1:
                ranges[-1][1] = i
            else:
                ranges.append([i, i])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The compiled vocabulary of clean.yaml (read once)."""
    data = vocab.load("clean")
    allowed, greek = data["allowed_letters"], data["greek_letters"]
    # A foreign letter: neither allowed, nor ASCII, nor general punctuation, and a letter.
    # The class also leaves out the non-letters of the common symbol blocks, so it is rarely
    # met in Vietnamese text, and the pattern starts with a lone class, which the regex
    # engine scans for in C (~20x faster than testing every character); the letter test
    # (lookbehind) runs only on what the class lets through. Greek runs are judged by their
    # neighbours in the callback.
    one = rf"[^{allowed}\x00-\x7f\u2000-\u206f{_non_letters()}](?<=[^\W\d_])"
    foreign = re.compile(rf"{one}(?:{one})*")
    gap = int(data.get("column_gap_spaces") or 5)
    titles = {t.upper() for t in data["signature_titles"]}
    types = {t.upper() for t in doc_types()} | {t.upper() for t in data["solo_lines"]}
    return {
        "foreign": foreign,
        "latin": re.compile(rf"[{allowed}]"),
        "greek": re.compile(rf"[{greek}]+$"),
        "letter": re.compile(r"[^\W\d_]"),
        "drop_inline": re.compile("|".join(f"(?:{p})" for p in data["drop_inline"])),
        "fn_ref": re.compile(data["footnote_ref"]),
        "fn_body": re.compile(data["footnote_body"]),
        "md_fn_body": re.compile(data["md_footnote_body"]),
        "md_fn_ref": re.compile(data["md_footnote_ref"]),
        "drop_line": re.compile("^(?:" + "|".join(f"(?:{p})" for p in data["drop_lines"]) + ")$"),
        # group 1 set: a "Nơi nhận:" line carrying the signature authority; else a layout line
        "split_or_drop": re.compile(
            r"^(?:(" + data["recipients_line"] + r")\s*(" + data["signature_authority"] + r".*)$"
            "|(?:" + "|".join(f"(?:{p})" for p in data["drop_lines"]) + ")$)"),
        "col_gap": re.compile(r"[ ]*\t[ \t]*|[ ]{%d,}" % gap),
        "doc_types": types,
        "titles": titles,
        # first letters of those names (a cheap test before upper-casing a line)
        "solo_first": frozenset(t[:1] for t in titles | types),
        "auth_or_recip": re.compile(
            "^(?:(?:" + data["signature_authority"] + ")|(?:" + data["recipients_line"] + "))"),
        "authority": re.compile(r"^" + data["signature_authority"]),
        "recipients": re.compile(r"^" + data["recipients_line"] + r"$"),
        "recipients_split": re.compile(
            r"^(" + data["recipients_line"] + r")\s*(" + data["signature_authority"] + r".*)$"),
        "place_start": re.compile(r"^" + data["place_date_start"]),
        "place_full": re.compile(r"^" + data["place_date_full"]),
        "date_head": re.compile(data["date_split_head"]),
        "date_tail": re.compile(r"^" + data["date_split_tail"]),
        "lead_words": frozenset(w.lower() for w in data["number_lead_words"]),
        "time_lead_words": frozenset(w.lower() for w in data["time_lead_words"]),
    }
