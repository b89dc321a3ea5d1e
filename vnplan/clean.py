"""Cleaner: raw text -> cleaned text, footnotes and warnings.

The cleaned text is the coordinate system of every span, so the cleaner fixes one layout:
NFC, modern tone marks, one paragraph per line, no blank lines, export artefacts and markdown
emphasis gone, table rows as ``| a | b |`` lines, column gaps as ``\\t``. Hard line breaks of
PDF and web exports are reflowed from the evidence a line gives (its length against the
document's full line, its last character, how the next line starts, open emphasis); the
patterns and words it uses are in ``vnplan/data/clean.yaml``.

Cost (CPU time, one core, shared loaded machine, medians): seed 004 (20 KB) ~1.1 ms and
seed 002 (14 KB, PDF export) ~1.2 ms, against 4.5 and 4.0 ms before the speed-up; 100,000
numbered lines ~0.44 s (was 0.87 s), a 5 MB line ~0.12 s (0.28 s). Where it went: character
tests are lone-class scans the regex engine runs in C, ``tone_style`` only at old-style pairs
that end a syllable (``tone_style`` over the whole 20 KB costs ~2.3 ms), line records with
slots whose flags are filled once behind cheap string tests. NFC + tone style cost ~0.15 ms,
against ~40 ms for ``underthesea.text_normalize`` on the same text (which also retokenises),
so underthesea is not used.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .lang import vocab
from .model import Footnote, Warning_
from .lang.text import tone_style


@dataclass
class Cleaned:
    text: str
    warnings: list = field(default_factory=list)  # list[Warning_]
    footnotes: list = field(default_factory=list)  # list[Footnote]


# Footnote references travel through the reflow as "\ue000<id>\ue001" and are resolved to
# offsets at the very end (the input's own private-use copies of these are dropped first).
_REF_OPEN, _REF_CLOSE = "\ue000", "\ue001"
_REF_RE = re.compile("\ue000(\\d{1,4})\ue001")

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
_PIPE_ONLY = re.compile(r"^\|$")
_TABLE_ROW = re.compile(r"^\|.*\|.*\|$|^\|.*\|$")
_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")
_ENTITY = re.compile(r"&(?:amp;)*(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ROMAN = r"[IVXLC]{1,7}"
_MARKER_BODY = (
    r"(?:" + _ROMAN + r"\s?[.\-–)]"           # I.  II-  III)  I . (word-segmented)
    r"|\d{1,2}(?:\.\d{1,2}){0,3}\s?[.)](?!\d)"  # 1.  2.1.  3)  1 .
    r"|\d{1,2}(?:\.\d{1,2}){1,3}(?=\s)"          # 2.1 without the last dot
    r"|[a-zđ]\s?[).](?=\s)"                      # a)  b.
    r"|Điều\s+\d{1,3}\b"                          # Điều 1
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
        "doc_types": {t.upper() for t in data["doc_types"]},
        "titles": titles,
        # first letters of those names (a cheap test before upper-casing a line)
        "solo_first": frozenset(t[:1] for t in titles | {t.upper() for t in data["doc_types"]}),
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
    }


# --- 1. characters --------------------------------------------------------------------------

def _decode_entity(m: re.Match) -> str:
    return html.unescape("&" + m.group(1) + ";")


# Special characters, one class scanned in C: odd newlines -> "\n" (after "\r\n" -> "\n"),
# odd spaces -> " ", zero-width/soft hyphen/control/private-use placeholders -> "".
_SPECIAL = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\ue000\ue001\x00-\x08\x0b-\x1f\x7f"
                      "\u00a0\u2007\u202f\u3000\u2028\u2029\x85]")
_SPECIAL_NL = frozenset("\r\x0c\u2028\u2029\x85")
_SPECIAL_SPACE = frozenset("\u00a0\u2007\u202f\u3000")


def _special(m: re.Match) -> str:
    c = m.group()
    return "\n" if c in _SPECIAL_NL else " " if c in _SPECIAL_SPACE else ""


def _basic_chars(text: str) -> str:
    """Newlines to "\n", odd spaces to " ", zero-width and control characters out."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _SPECIAL.sub(_special, text) if _SPECIAL.search(text) else text


def normalize_chars(raw: str) -> tuple[str, list]:
    """Drop foreign-script letters, zero-width/control characters; decode entities; NFC and
    the modern tone style.

    Returns the text and the foreign-script warnings, whose spans are offsets in ``raw``.
    Text that is mostly in another script is kept whole (and reported once).
    """
    r = _rules()
    warnings: list = []
    foreign = r["foreign"]
    keep_foreign = False
    if foreign.search(raw):
        sample = raw[:200_000]
        # Latin-script text is mostly letters; a foreign script above a quarter of all the
        # characters means the document is not Vietnamese text with stray characters
        # (no warning here: the pipeline's language check reports "no-vietnamese")
        keep_foreign = sum(len(m) for m in foreign.findall(sample)) * 4 > len(sample)
        if not keep_foreign:
            raw = _drop_foreign(raw, warnings, spans=True)
    text = _basic_chars(raw) if _SPECIAL.search(raw) else raw
    for _ in range(4):  # entities written twice ("&amp;lt;") decode to a fixed point
        if "&" not in text or ";" not in text:
            break
        new = _ENTITY.sub(_decode_entity, text)
        if new == text:
            break
        text = _basic_chars(new)
        if not keep_foreign and foreign.search(text):
            text = _drop_foreign(text, warnings, spans=False)
    text = unicodedata.normalize("NFC", text)
    return modern_tones(text), warnings


def _tone_fix(m: re.Match) -> str:
    """The pair of an ``_OLD_TONE`` match as ``tone_style`` writes it in its context (one
    character each side is all the context ``tone_style`` looks at)."""
    s, i = m.string, m.start()
    lo = i - 1 if i else 0
    return _tone_window(s[lo:i + 3], i - lo)


@lru_cache(maxsize=4096)
def _tone_window(w: str, k: int) -> str:
    new = tone_style(w)
    if new == w:
        return w[k:k + 2]
    head, tail = w[:k], w[k + 2:]
    if new.startswith(head) and new.endswith(tail) and len(new) == len(w):
        return new[k:k + 2]
    return w[k:k + 2]


def modern_tones(text: str) -> str:
    """``tone_style`` applied only where an old-style pair ends a syllable: a scan led by one
    character class finds the candidates, ``tone_style`` decides each in its context
    (~0.1 ms instead of ~2.3 ms for ``tone_style`` over the 20 KB seed 004)."""
    return _OLD_TONE.sub(_tone_fix, text) if _OLD_TONE.search(text) else text


def _drop_foreign(text: str, warnings: list, spans: bool) -> str:
    """Remove runs of non-Latin letters (Greek only when glued to a Latin letter)."""
    r = _rules()
    latin = r["latin"]

    def repl(m: re.Match) -> str:
        s = m.group(0)
        i, j = m.start(), m.end()
        if r["greek"].match(s) and not ((i and latin.match(text, i - 1)) or latin.match(text, j)):
            return s
        names = sorted({_script_name(c) for c in s})
        warnings.append(Warning_(
            "foreign-script", f"removed {s!r} ({', '.join(names)}) inside Vietnamese text",
            [i, j] if spans else None))
        return ""

    return r["foreign"].sub(repl, text)


def _script_name(c: str) -> str:
    try:
        return unicodedata.name(c).split()[0]
    except ValueError:
        return "unknown"


# --- 2. artefacts and footnotes -------------------------------------------------------------

def extract_footnotes(text: str) -> tuple[str, list]:
    """Remove Word export artefacts; footnote bodies ``[N: ...]`` are returned as (id, text)
    and their reference marks become placeholders resolved to offsets at the end."""
    r = _rules()
    if "[" not in text and "{" not in text:
        return text, []
    text = r["drop_inline"].sub("", text)
    bodies: list = []

    def body(m: re.Match) -> str:
        bodies.append((m.group(1), " ".join(m.group(2).split())))
        return " "

    text = r["fn_body"].sub(body, text)
    text = r["fn_ref"].sub(lambda m: _REF_OPEN + m.group(1) + _REF_CLOSE, text)
    return text, bodies


# --- 3. lines -------------------------------------------------------------------------------

def strip_emphasis(line: str) -> str:
    """Markdown emphasis markers out, words kept ("**IV. TỔ**" -> "IV. TỔ")."""
    if "*" in line:
        line = _STAR_BULLET.sub("- ", line) if line.count("*") == 1 else line
        if "(" in line:
            line = _EMPH.sub(lambda m: m.group(0) if m.group(0)[0] == "(" else "", line)
        else:
            line = _STARS.sub("", line)
    if "__" in line:
        line = _UNDERSCORE_EMPH.sub("", line)
    return line


def _emphasis_tokens(line: str) -> tuple[int, int]:
    """(bold, italic) marker counts, for tracking emphasis open across a line break."""
    if "*" not in line and "__" not in line:
        return 0, 0
    bold = len(_BOLD_TOK.findall(line)) if "__" in line else line.count("**")
    stars = line.count("*")  # those of "(*)" note marks do not count
    if stars and "(" in line:
        stars -= sum(len(m) - 2 for m in _PAREN_STARS.findall(line))
    italic = stars - 2 * line.count("**") if stars else 0
    return bold, max(italic, 0) % 2


def normalize_spaces(line: str) -> str:
    """Column gaps (tabs, long runs of spaces) -> one tab; other runs -> one space; strip."""
    r = _rules()
    if "\t" in line or "     " in line:
        line = r["col_gap"].sub("\t", line)
    if "  " in line:
        line = _SPACES.sub(" ", line)
    return line.strip(" \t")


class _Line:
    """One content line and what the reflow needs to know about it. A plain class with slots:
    documents of 100,000 lines build one per line, and its flags are filled once, on first use
    (``_flags``), with cheap string tests before any regex."""
    __slots__ = ("raw", "bare", "gap", "hard", "cell", "row", "bold", "italic", "done",
                 "ends", "lower", "digit", "marker", "bullet", "solo", "auth", "recip", "paren",
                 "place_start", "place_full", "caps_")

    def __init__(self, raw: str, bare: str, gap: bool = False, hard: bool = False,
                 cell: bool = False, row: bool = False, bold: int = 0, italic: int = 0) -> None:
        self.raw = raw  # with emphasis marks
        self.bare = bare  # emphasis removed, spaces normalised
        self.gap = gap  # blank line(s) before it
        self.hard = hard  # a hard boundary (separator, table, cell) before it
        self.cell = cell  # inside a small table cell (header / signature columns)
        self.row = row  # a table row "| a | b |"
        self.bold = bold
        self.italic = italic
        self.done = False  # flags computed
        self.caps_: Optional[bool] = None


def _prepare_lines(text: str) -> list:
    """Split into line records: layout lines dropped, pipe tables rebuilt, boundaries noted."""
    r = _rules()
    out: list = []
    gap = hard = False
    raw_lines = text.split("\n")
    # lone "|" lines delimit the cells of a web table flattened to text
    pipe_idx = [i for i, s in enumerate(raw_lines) if s.strip() == "|"] if "|" in text else []
    cells_of: dict = {}
    if pipe_idx:
        cells_of = _pipe_tables(raw_lines, pipe_idx)
    split, split_drop = r["recipients_split"].match, r["split_or_drop"].match
    append = out.append
    skip = 0  # lines of a pipe table already read
    for i, s in enumerate(raw_lines):
        if i < skip:
            continue
        if cells_of and i in cells_of:
            rows, end = cells_of[i]
            for cells in rows:
                if len(cells) >= 3:
                    row = "| " + " | ".join(
                        " ".join(normalize_spaces(strip_emphasis(c)) for c in cell).strip()
                        or " " for cell in cells) + " |"
                    append(_Line(row, _SPACES.sub(" ", row), gap, True, row=True))
                else:
                    for cell in cells:
                        first = True
                        for s in cell:
                            rec = _make_line(s, False, first)
                            if rec is None:
                                continue
                            rec.cell = True
                            append(rec)
                            first = False
                gap, hard = False, True
            skip = end
            hard = True
            continue
        st = s.strip()
        if not st:
            gap = True
            continue
        if (st[0] in "|:-" and (st == "|" or _TABLE_SEP.match(st))):
            hard = True
            continue
        bare = None
        if ("*" not in st and "__" not in st and "\t" not in st and "  " not in st
                and st[0] not in "|#"):
            # a plain line (most of them): no emphasis, table or spacing to normalise; one
            # match tells a line to split ("Nơi nhận: T/M ...") from one to drop from the rest
            m = split_drop(st)
            if m is None:
                append(_Line(st, st, gap, hard))
                gap = hard = False
                continue
            if m.group(1) is None:  # a layout line
                if _is_separator(st):
                    hard = True
                else:
                    gap = True
                continue
        else:
            bare = normalize_spaces(strip_emphasis(st))
            m = split(bare)
        parts = [m.group(1), m.group(2)] if m else [s]
        for part in parts:
            rec = _make_line(part, gap, hard, None if m or st[0] == "#" else bare)
            if rec is None:
                if _is_separator(part):
                    hard = True
                else:
                    gap = True
                continue
            append(rec)
            gap = hard = False
    return out


def _is_separator(s: str) -> bool:
    st = s.strip()
    return len(st) >= 3 and not st.strip("-–—_=~*") or st.strip("* ") == ""


def _make_line(s: str, gap: bool, hard: bool, bare: Optional[str] = None) -> Optional[_Line]:
    """The record of one line (``bare``: its normalised text when already known)."""
    r = _rules()
    raw = s.strip()
    if raw.startswith("#"):
        raw = _MD_HEADING.sub("", raw)
    if bare is None:
        bare = normalize_spaces(strip_emphasis(raw))
    if not bare or bare == "|" or r["drop_line"].match(bare):
        return None
    if bare[0] == "|" and _TABLE_ROW.match(bare):
        cells = [normalize_spaces(c) for c in bare.strip("|").split("|")]
        row = "| " + " | ".join(c or " " for c in cells) + " |"
        return _Line(row, _SPACES.sub(" ", row), gap, True, row=True)
    bold, italic = _emphasis_tokens(raw)
    return _Line(raw, bare, gap, hard, bold=bold % 2, italic=italic)


def _pipe_tables(lines: list, pipe_idx: list) -> dict:
    """{first pipe line: (rows, index after the table)} for tables flattened one cell per
    block between lone "|" lines; two "|" lines in a row end a table row."""
    tables: dict = {}
    k = 0
    while k < len(pipe_idx):
        start = pipe_idx[k]
        rows: list = [[]]
        j = k
        while j + 1 < len(pipe_idx):
            a, b = pipe_idx[j], pipe_idx[j + 1]
            body = lines[a + 1:b]
            if any(not x.strip() for x in body):
                break
            if body:
                rows[-1].append(body)
            elif rows[-1]:
                rows.append([])
            j += 1
        rows = [row for row in rows if row]
        if sum(len(row) >= 3 for row in rows) < 2:  # not a data table: cells stand alone
            rows = [[cell] for row in rows for cell in row]
        if j > k and rows:
            tables[start] = (rows, pipe_idx[j] + 1)
        k = j + 1
    return tables


# --- 4. reflow ------------------------------------------------------------------------------

@dataclass
class _Profile:
    full: float  # a line at least this long is a full (wrapped) line
    wrapped: bool  # hard line breaks inside paragraphs
    blank_paragraphs: bool  # blank lines separate paragraphs (and only they do)


def _strip_refs(s: str) -> str:
    return _REF_RE.sub("", s) if _REF_OPEN in s else s


def _ends_sentence(s: str) -> bool:
    tail = _strip_refs(s[-16:])
    return tail[-1:] in _END_CHARS and bool(_END_PUNCT.search(tail))


def _is_marker(s: str) -> bool:
    return bool(_MARKER.match(s))


def _is_caps(s: str) -> bool:
    return len(s) >= 2 and s == s.upper() and s != s.lower()


def _flags(x: _Line) -> None:
    """Fill the flags of a line (callers test ``x.done`` first):
    ends: ends a sentence (. : ; ! ? …); lower / digit: starts with a lowercase letter / a digit;
    marker: starts with an outline marker (I. 1. 2.1. a) Điều 1); bullet: starts with - + •;
    solo: a document type name or a signer's post alone on its line; auth: T/M, KT., TL. ...;
    recip: "Nơi nhận:"; paren: a short line wholly in parentheses "(dự thảo)";
    place_start / place_full: "Hà Nội, ngày ..." / a complete place-date line.
    caps (written in capitals) is computed apart, only when asked (``_caps``)."""
    x.done = True
    r = _rules()
    s = x.bare
    n = len(s)
    tail = s[-16:]
    if _REF_OPEN in tail:
        tail = _REF_RE.sub("", tail)
    x.ends = (tail[-1:] in _END_CHARS and _END_PUNCT.search(tail) is not None
              or s.endswith("./."))
    marker, bullet, opening, letter, digit = _HEAD.match(s).groups()
    x.marker = marker is not None
    x.bullet = bullet is not None
    x.lower = letter is not None and letter.islower()
    x.digit = digit is not None and "[" not in opening
    if letter is not None and letter.upper() != letter:
        x.caps_ = False  # one letter that upper() changes: the line is not in capitals
    if n < 60:
        if s[:1].upper()[:1] in r["solo_first"]:
            up = s.rstrip(" :.").upper()
            x.solo = bool(up) and (up in r["doc_types"] or up in r["titles"]) and _caps(x)
        else:
            x.solo = False
        x.paren = s.startswith("(") and s.endswith(")")
    else:
        x.solo = x.paren = False
    if n < 80 and r["auth_or_recip"].match(s):
        x.auth = r["authority"].match(s) is not None
        x.recip = n < 30 and r["recipients"].match(s) is not None
    else:
        x.auth = x.recip = False
    if "ngày" in s:  # both place-date patterns need the word (see clean.yaml)
        x.place_start = ", ngày" in s[:60] and r["place_start"].match(s) is not None
        x.place_full = n < 100 and r["place_full"].match(s) is not None
    else:
        x.place_start = x.place_full = False


def _caps(x: _Line) -> bool:
    c = x.caps_
    if c is None:
        c = x.caps_ = _is_caps(x.bare)
    return c


def _lead_word(a: str) -> bool:
    """The line ends with a word that introduces a number ("tại điểm" / "1. ..."); the same
    word in capitals ends a heading ("I. QUAN ĐIỂM"), not a sentence cut before its number."""
    m = _LAST_WORD.search(a[-40:])
    if not m or _is_caps(m.group(1)):
        return False
    return m.group(1).lower() in _rules()["lead_words"] and not _ends_sentence(a)


def _profile(lines: list) -> _Profile:
    """Typical full line, whether lines are hard-wrapped, what blank lines mean."""
    lens = sorted([len(x.bare) for x in lines if not x.row])
    if not lens:
        return _Profile(1e9, False, False)
    full = lens[int(len(lens) * 0.85)] * 0.75 if len(lens) > 2 else 1e9
    pairs = cont = gaps = heads = head_gaps = 0
    a = lines[0]
    for b in lines[1:]:
        if not (b.hard or a.row or b.row):
            pairs += 1
            gaps += b.gap
            if not a.done:
                _flags(a)
            if not b.done:
                _flags(b)
            if b.marker:
                heads += 1
                head_gaps += b.gap
            if not a.ends:
                if (not b.marker and (b.lower or b.digit) and not a.solo and not a.recip
                        and not a.place_full and not _caps(a)):
                    cont += 1
        a = b
    wrapped = pairs >= 2 and cont >= 0.2 * pairs
    # Blank lines separate paragraphs when some lines have them and others not; but when the
    # numbered headings and items mostly follow no blank line, the blank lines are page
    # breaks of a PDF that lost its paragraph spacing, and the line profile decides alone
    blank_paragraphs = 0 < gaps < 0.7 * pairs and not (heads >= 3 and 2 * head_gaps < heads)
    return _Profile(full, wrapped, blank_paragraphs)


def should_join(a: _Line, b: _Line, p: _Profile, bold: int = 0, italic: int = 0
                ) -> Optional[str]:
    """The joiner ("" or " ") when line ``b`` continues the paragraph of line ``a``, else None.
    ``bold`` / ``italic``: emphasis still open at the end of ``a``'s paragraph so far."""
    if b.hard or a.row or b.row:
        return None
    ab, bb = a.bare, b.bare
    if _REF_OPEN in ab:
        ab = _REF_RE.sub("", ab)
    if not a.done:
        _flags(a)
    if not b.done:
        _flags(b)
    if (ab[-1:] in "-/" and _SPLIT_NUMBER_HEAD.search(ab[-2:]) and _SPLIT_NUMBER_TAIL.match(bb)
            and not b.marker and not b.bullet):
        return ""  # "45-" / "NQ/TW"
    # guarded: lines that never join (type line, signature, recipients, place-date, columns)
    if ("\t" in ab or "\t" in bb or a.solo or b.solo or b.auth or b.paren or a.recip or b.recip
            or b.place_start or a.place_full or a.bare.endswith("./.")
            or (a.auth and not (bold or italic))):
        return None
    ends = a.ends
    if not b.gap and (bold or italic) and not (b.marker and ends):
        return " "  # inside **bold** / *italic* that spans the line break
    raw = a.raw
    if raw[-1] in "*_" and raw.startswith(("**", "__")) and raw.endswith(("**", "__")) \
            and len(raw) > 4:
        if not b.raw.startswith(("**", "__")) or b.gap or not p.wrapped:
            return None  # a whole bold line is a heading or a header line of its own
    if "ngày" in ab[-12:]:
        r = _rules()
        if r["date_head"].search(ab[-12:]) and r["date_tail"].match(bb):
            return " "  # "Hà Nội, ngày" / "24 tháng 11 năm 2025"
    lower, marker, bullet = b.lower, b.marker, b.bullet
    if lower and _caps(a):
        return None
    if marker:
        return " " if not a.cell and _lead_word(ab) else None
    soft = p.wrapped and p.blank_paragraphs and not b.gap and not a.cell
    if (not ends and not bullet and a.bullet and (a.cell or p.wrapped)
            and not (p.blank_paragraphs and b.gap)):
        return " "  # a "- recipient" item running over the line end
    if bullet:
        if ends:
            return None
        if soft or (p.wrapped and not p.blank_paragraphs and len(ab) >= p.full):
            return " "
        return None
    if a.cell or not p.wrapped or (p.blank_paragraphs and b.gap):
        # one paragraph per line: only a sentence cut (page break) continues
        return " " if not ends and (lower or b.digit and _lead_word(ab)) else None
    if soft:
        return " "
    if ends:
        return " " if lower else None
    if lower or b.digit or bb[:1] in "(“\"" or len(ab) >= p.full:
        return " "
    return None


def reflow(lines: list, p: Optional[_Profile] = None) -> list:
    """Join line records into paragraphs (list of strings)."""
    if not lines:
        return []
    p = p or _profile(lines)
    paras: list = []
    cur = [lines[0].bare]
    prev = lines[0]
    bold, italic = prev.bold, prev.italic
    for b in lines[1:]:
        j = should_join(prev, b, p, bold, italic)
        if j is None:
            paras.append("".join(cur))
            cur = [b.bare]
            bold, italic = b.bold, b.italic
        else:
            cur.append(j + b.bare)
            if b.gap:
                bold, italic = b.bold, b.italic
            else:
                bold, italic = bold ^ b.bold, italic ^ b.italic
        prev = b
    paras.append("".join(cur))
    return paras


def _running_lines(lines: list, p: _Profile) -> set:
    """Running headers/footers of a paginated (PDF) export: short lines repeated 3+ times."""
    if not p.wrapped or p.blank_paragraphs:
        return set()
    counts = Counter([x.bare for x in lines if len(x.bare) <= 80 and not x.row])
    return {s for s, c in counts.items() if c >= 3 and not _is_marker(s) and not _BULLET.match(s)
            and (any(ch.isdigit() for ch in s) or _is_caps(s))}


# --- 5. the whole -------------------------------------------------------------------------

def _md_footnotes(paras: list) -> tuple[list, list]:
    """Markdown footnotes: "[1] text" paragraphs whose id is referenced inline elsewhere."""
    r = _rules()
    if not any(x.startswith("[") for x in paras):
        return paras, []
    bodies = {}
    for i, x in enumerate(paras):
        m = r["md_fn_body"].match(x)
        if m:
            bodies.setdefault(m.group(1), (i, m.group(2)))
    if not bodies:
        return paras, []
    refd = set()
    for i, x in enumerate(paras):
        if "[" in x:
            for m in r["md_fn_ref"].finditer(x):
                if m.group(1) in bodies and bodies[m.group(1)][0] != i:
                    refd.add(m.group(1))
    if not refd:
        return paras, []
    drop = {bodies[k][0] for k in refd}
    out = []
    for i, x in enumerate(paras):
        if i in drop:
            continue
        if "[" in x:
            x = r["md_fn_ref"].sub(
                lambda m: _REF_OPEN + m.group(1) + _REF_CLOSE if m.group(1) in refd
                else m.group(0), x)
        out.append(x)
    return out, [(k, bodies[k][1]) for k in sorted(refd, key=lambda k: bodies[k][0])]


def clean(raw: str) -> Cleaned:
    """Raw text -> the cleaned-text contract. Idempotent and never raises."""
    try:
        return _clean(raw)
    except Exception as exc:  # noqa: BLE001 - the cleaner must not cost the document
        text = unicodedata.normalize("NFC", raw if isinstance(raw, str) else str(raw or ""))
        text = "\n".join(" ".join(x.split()) for x in text.splitlines() if x.strip())
        return Cleaned(text, [Warning_("clean-error", f"{type(exc).__name__}: {exc}")])


def _clean(raw: str) -> Cleaned:
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    text, warnings = normalize_chars(raw)
    text, bodies = extract_footnotes(text)
    lines = _prepare_lines(text)
    p = _profile(lines)
    running = _running_lines(lines, p)
    if running:
        lines = [x for x in lines if x.bare not in running]
    paras = [x for x in (_SPACES.sub(" ", y).strip(" ") if "  " in y else y.strip(" ")
                         for y in reflow(lines, p)) if x]
    paras, md_bodies = _md_footnotes(paras)
    text = "\n".join(paras)
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:  # emphasis marks gone from inside a syllable; tone marks may need moving
        text = modern_tones(nfc)
    footnotes: list = []
    refs: list = []
    if _REF_OPEN in text:
        parts, pos, last = [], 0, 0
        for m in _REF_RE.finditer(text):
            parts.append(text[last:m.start()])
            pos += m.start() - last
            refs.append((m.group(1), pos))
            last = m.end()
        parts.append(text[last:])
        text = "".join(parts).replace(_REF_OPEN, "").replace(_REF_CLOSE, "")
    where = {}
    for fid, pos in refs:
        where.setdefault(fid, pos)
    for fid, body in bodies + md_bodies:
        body = modern_tones(unicodedata.normalize("NFC", _SPACES.sub(" ", strip_emphasis(body))))
        pos = where.get(fid)
        footnotes.append(Footnote(fid, body.strip(), [pos, pos] if pos is not None else None))
    return Cleaned(text, warnings, footnotes)
