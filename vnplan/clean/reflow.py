"""Cleaner step 4: join hard-wrapped line records back into paragraphs."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .lines import _Line
from .rules import (ARTICLE, DATE_WORD, _BULLET, _END_CHARS, _END_PUNCT, _HEAD, _LAST_WORD, _MARKER, _REF_OPEN,
                    _REF_RE, _SPLIT_NUMBER_HEAD, _SPLIT_NUMBER_TAIL, _rules)


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


# The first characters of an outline marker (I. 1. a) Điều): a line opening with any other
# letter has no marker, bullet or bracket, and its _HEAD groups are known without the match.
_MARKER_FIRST = frozenset("IVXLCabcdefghijklmnopqrstuvwxyzđ")


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
    c = s[:1]
    if c not in _MARKER_FIRST and c.isalpha() and not s.startswith(ARTICLE):
        # a line opening with a letter no marker starts with: _HEAD's groups known without it
        marker = bullet = digit = None
        opening, letter = "", c
    else:
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
    if DATE_WORD in s:  # both place-date patterns need the word (see clean.yaml)
        x.place_start = _COMMA_DATE in s[:60] and r["place_start"].match(s) is not None
        x.place_full = n < 100 and r["place_full"].match(s) is not None
    else:
        x.place_start = x.place_full = False


_COMMA_DATE = ", " + DATE_WORD  # "Hà Nội, ngày"


def _caps(x: _Line) -> bool:
    c = x.caps_
    if c is None:
        c = x.caps_ = _is_caps(x.bare)
    return c


def _lead_word(a: str) -> bool:
    """The line ends with a word that introduces a number ("tại điểm" / "1. ..."); the same
    word in capitals ends a heading ("I. QUAN ĐIỂM"), not a sentence cut before its number."""
    m = _LAST_WORD.search(a[-40:])
    if not m or m.group(1).lower() not in _rules()["lead_words"]:
        return False
    return not _is_caps(m.group(1)) and not _ends_sentence(a)


_ITEM_START = re.compile(r"\d{1,2}[.)][ \t]+([^\W\d_])")  # "2. Thu hút": a short number, a word


def _item_after_time_word(a: str, b: str) -> bool:
    """"... hằng năm" / "2. Thu hút ...": after a time word a year or a day follows, never a
    one- or two-digit item number with a capitalised sentence: that line is the next item."""
    m = _LAST_WORD.search(a[-12:])
    if not m or m.group(1).lower() not in _rules()["time_lead_words"]:
        return False
    item = _ITEM_START.match(b)
    return bool(item and item.group(1).isupper())


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
    ``bold`` / ``italic``: emphasis still open at the end of ``a``'s paragraph so far.

    The rules are tried in three groups, the first that decides wins: lines that never join
    (or a number split at its hyphen), emphasis and split place-date lines, then the layout."""
    if b.hard or a.row or b.row:
        return None
    ab, bb = a.bare, b.bare
    if _REF_OPEN in ab:
        ab = _REF_RE.sub("", ab)
    if not a.done:
        _flags(a)
    if not b.done:
        _flags(b)
    # a number split at its hyphen joins with nothing
    if (ab[-1:] in "-/" and _SPLIT_NUMBER_HEAD.search(ab[-2:]) and _SPLIT_NUMBER_TAIL.match(bb)
            and not b.marker and not b.bullet):
        return ""  # "45-" / "NQ/TW"
    # guarded: lines that never join (type line, signature, recipients, place-date, columns)
    if ("\t" in ab or "\t" in bb or a.solo or b.solo or b.auth or b.paren or a.recip or b.recip
            or b.place_start or a.place_full or a.bare.endswith("./.")
            or (a.auth and not (bold or italic))):
        return None
    joiner = _emphasis(a, b, p, ab, bb, bold, italic)
    if joiner is _UNDECIDED:
        joiner = _by_layout(a, b, p, ab, bb)
    return joiner


_UNDECIDED = "undecided"  # a rule's answer when it does not decide (else "", " " or None)


def _emphasis(a: _Line, b: _Line, p: _Profile, ab: str, bb: str, bold: int, italic: int
              ) -> Optional[str]:
    """Open **bold** / *italic* runs on; a whole bold line stands alone; a split place-date
    line joins; a lower-case line never continues a line in capitals."""
    if not b.gap and (bold or italic) and not (b.marker and a.ends):
        return " "  # inside **bold** / *italic* that spans the line break
    raw = a.raw
    if raw[-1] in "*_" and raw.startswith(("**", "__")) and raw.endswith(("**", "__")) \
            and len(raw) > 4:
        if not b.raw.startswith(("**", "__")) or b.gap or not p.wrapped:
            return None  # a whole bold line is a heading or a header line of its own
    if DATE_WORD in ab[-12:]:
        r = _rules()
        if r["date_head"].search(ab[-12:]) and r["date_tail"].match(bb):
            return " "  # "Hà Nội, ngày" / "24 tháng 11 năm 2025"
    if b.lower and _caps(a):
        return None
    return _UNDECIDED


def _by_layout(a: _Line, b: _Line, p: _Profile, ab: str, bb: str) -> Optional[str]:
    """Markers, bullets, one-paragraph-per-line text and wrapped text."""
    if b.marker:
        return " " if not a.cell and _lead_word(ab) and not _item_after_time_word(ab, bb) else None
    soft = p.wrapped and p.blank_paragraphs and not b.gap and not a.cell
    if (not a.ends and not b.bullet and a.bullet and (a.cell or p.wrapped)
            and not (p.blank_paragraphs and b.gap)):
        return " "  # a "- recipient" item running over the line end
    if b.bullet:
        if a.ends:
            return None
        return " " if soft or (p.wrapped and not p.blank_paragraphs and len(ab) >= p.full) else None
    if a.cell or not p.wrapped or (p.blank_paragraphs and b.gap):
        # one paragraph per line: only a sentence cut (page break) continues
        return " " if not a.ends and (b.lower or b.digit and _lead_word(ab)) else None
    return _wrapped(a, b, p, ab, bb, soft)


def _wrapped(a: _Line, b: _Line, p: _Profile, ab: str, bb: str, soft: bool) -> Optional[str]:
    """Text wrapped at a fixed width: a line runs on unless it ends a sentence."""
    if soft:
        return " "
    if a.ends:
        return " " if b.lower else None
    if b.lower or b.digit or bb[:1] in "(“\"" or len(ab) >= p.full:
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
            and not s.endswith(_CONTENT_ENDS)  # "... 2025 và các năm tiếp theo." is content
            and (any(ch.isdigit() for ch in s) or _is_caps(s))}


_CONTENT_ENDS = (".", ";", ",", ":")  # a running header or page number never ends a sentence
