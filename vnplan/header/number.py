"""The document's own số ký hiệu, and its place and date, from the header cells."""
from __future__ import annotations

import re
from typing import Optional

from ..lang import vocab
from ..lang.docnumber import NUMBER_RE, canonical_number, number_word, symbol_words, type_of_symbol
from ..model import Metadata
from ..lang.text import fold
from ..lang.timex import written_dates
from .cells import MARKUP, Cell, is_caps
from .words import data

NUM_LINE = re.compile(r"^" + number_word() + r"\s*(?:" + symbol_words() + r")?\s*[:.]?\s*", re.I)
_SYM = r"[A-ZĐ][A-Za-zĐđƯ]{0,9}(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđƯ]{0,9}){1,3}(?![\w/])"
# a number slot left blank ("Số      -KH/TU", "Số: …/KH-UBND") or a bare "-KH/TU" cell
STUB = re.compile(r"(?<!\w)" + number_word() + r"(?:[ \t]*" + symbol_words() + r")?[ \t]*[:.]?[ \t.…_]*[-/][ \t]*" + _SYM
                  + r"|(?:^|(?<=\s))[-/][ \t]*" + _SYM)
_NUM_ANY = re.compile(r"(?<!\w)" + number_word(upper=True) + r"(?:[ \t]*" + symbol_words() + r")?[ \t]*[:.]?[ \t]*")
_DATE_WORDS = tuple(str(w) for w in vocab.load("doctypes")["citation_words"]["date"])  # "ngày"
# The place before the date: "Hà Nội, ngày 5 tháng 3 năm 2024" ("Hà Nội ngày ..." without the
# comma); the date itself is read by ``lang.timex.written_dates``.
_PLACE = re.compile(r"(?P<place>[^\n,|\t]{0,60}?)(?:[ \t*]*,\s*|(?P<blank>[ \t*]+))\Z")


def _place_date(text: str, h0: int, h1: int) -> Optional[tuple]:
    """(place match, iso, date start, date end) of the first place-date in text[h0:h1]; the place
    match is of ``_PLACE`` on text[lo:date start] (lo returned with it)."""
    for iso, ds, de in written_dates(text, h0, h1):
        lo = max(h0, ds - 200)
        m = _PLACE.search(text, lo, ds)
        if m and (m.group("blank") is None or text[ds:ds + 4].lower() in _DATE_WORDS):
            return m, iso, ds, de
    return None


def _set_number(md: Metadata, raw: re.Match, off: int) -> None:
    md.number = canonical_number(raw.group(0))
    md.spans["number"] = [off + raw.start(), off + raw.end()]
    if md.doc_type is None:
        md.doc_type = type_of_symbol(raw.group("sym"))


def _set_stub(md: Metadata, stub: str, a: int, b: int) -> None:
    md.spans["number"] = [a, b]
    if md.doc_type is None:
        sym = re.search(r"[-/]\s*([A-ZĐ][A-Za-zĐđ]*)\s*/", stub)
        if sym:
            md.doc_type = type_of_symbol("-" + sym.group(1) + "/")


def _number_cell(head: list[Cell], k: int, c: Cell, m: re.Match, md: Metadata) -> None:
    rest = c.text[m.end():]
    cell_off = c.start + c.text.find(rest) if rest else c.end
    nm = NUMBER_RE.match(rest) or NUMBER_RE.search(rest[:4])
    if nm:
        _set_number(md, nm, cell_off)
        return
    if not rest.strip(" .…_:") and k + 1 < len(head):  # "Số:" then the number's own cell
        nxt = head[k + 1]
        nm = NUMBER_RE.match(nxt.text)
        if nm:
            _set_number(md, nm, nxt.start)
            return
        if STUB.match(nxt.text):
            _set_stub(md, nxt.text, c.start, nxt.end)
            return
    _set_stub(md, rest, c.start, c.end)


def read_number(head: list[Cell], md: Metadata) -> None:
    """The document's own số ký hiệu from the header cells; a blank slot gives number None.
    A "Số 45-KH/TU" cell (or "Số" and the number in the next cell); else a "Số ..." anywhere in
    a cell (a column reflowed into another); else a bare blank slot."""
    for k, c in enumerate(head):
        m = NUM_LINE.match(c.text)
        if m:
            _number_cell(head, k, c, m, md)
            return
    for c in head:  # "Việt Trì, ngày 14 tháng 3 năm 2025 Số 45-KH/TU": a reflowed column
        for m in _NUM_ANY.finditer(c.text):
            nm = NUMBER_RE.match(c.text, m.end())
            if nm:
                _set_number(md, nm, c.start)
                return
    for c in head:
        st = STUB.search(c.text)
        if st:
            _set_stub(md, st.group(0), c.start + st.start(), c.start + st.end())
            return


def _capitalised_tail(words: list[str]) -> list[str]:
    """The capitalised words ending ``words``, with the unit word before them ("Thành phố",
    "Thị xã"): a place name."""
    keep: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        keep.insert(0, w)
    before = words[:len(words) - len(keep)]
    for k in (1, 2, 3):
        if keep and k <= len(before) and fold(" ".join(before[-k:])) in data()["place_units"]:
            return before[-k:] + keep
    return keep


def _line_before_tail(text: str, pos: int) -> tuple[list[str], int]:
    """The capitalised words ending the line above the line starting at ``pos`` ("Thành phố Hồ"
    over "Chí Minh, ngày ..."): a place broken over two lines; none when that line is a
    capitals header line, holds a number or dashes ("Độc lập - Tự do - Hạnh Phúc")."""
    ls = text.rfind("\n", 0, pos - 1) + 1
    if pos - ls > 80 or pos - 1 <= ls:
        return [], pos
    line = text[ls:pos - 1]
    cell = re.split(r"[\t|]", line)[-1]
    clean = MARKUP.sub("", cell).strip(" *_\t")
    if not clean or is_caps(clean) or any(ch.isdigit() or ch in "-–:;" for ch in clean):
        return [], pos
    tail = _capitalised_tail(clean.split())
    return tail, (ls + line.rfind(tail[0]) if tail else pos)


def read_place_date(text: str, h0: int, h1: int, md: Metadata) -> None:
    """"Điện Biên, ngày 27 tháng 8 năm 2019" in text[h0:h1]: the place and the ISO date."""
    found = _place_date(text, h0, h1 + 1) if h1 > h0 else None
    if not found:
        return
    m, iso, _ds, de = found
    if iso:
        md.date = iso
        md.spans["date"] = [m.start("place") + len(m.group("place")), de]
    raw = m.group("place")
    words = MARKUP.sub("", raw).strip(" *_\t").split()
    keep = _capitalised_tail(words)
    if not keep:
        return
    ps = m.start("place") + raw.rfind(keep[0])
    p0 = m.start("place")
    if len(keep) == len(words) and len(keep) < 5 and p0 > 0 and text[p0 - 1] == "\n":
        before, start = _line_before_tail(text, p0)
        if before and len(before) + len(keep) <= 6:
            keep, ps = before + keep, start
    md.place = " ".join(keep[-6:])
    md.spans["place"] = [ps, m.start("place") + raw.rfind(keep[-1]) + len(keep[-1])]


def place_date_cell(text: str, cs: list[Cell], md: Metadata) -> Optional[Cell]:
    """A cell that is only a place and date ("Hà Nội, ngày 5 tháng 3 năm 2024") among ``cs``: a
    header whose right column was flattened below the type line. Read, and returned."""
    for c in cs:
        found = _place_date(c.text, 0, len(c.text))
        m = found[0] if found and found[0].start() == 0 else None
        place = m.group("place").strip(" *_") if m else ""
        if m and place[:1].isupper() and not is_caps(place) and not c.text[found[3]:].strip(" .*_"):
            read_place_date(text, c.start, c.end, md)
            return c
    return None
