"""Cleaner step 3: raw lines -> line records (emphasis, spaces, layout lines, pipe tables)."""
from __future__ import annotations

from typing import Optional

from .rules import (_BOLD_TOK, _EMPH, _MD_HEADING, _PAREN_STARS, _SPACES, _STAR_BULLET, _STARS,
                    _TABLE_SEP, _UNDERSCORE_EMPH, _rules)


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
    raw_lines = text.split("\n")
    # lone "|" lines delimit the cells of a web table flattened to text
    pipe_idx = [i for i, s in enumerate(raw_lines) if s.strip() == "|"] if "|" in text else []
    cells_of: dict = _pipe_tables(raw_lines, pipe_idx) if pipe_idx else {}
    out = _Records()
    append, split_drop = out.records.append, out._split_drop
    skip = 0  # lines of a pipe table already read
    for i, s in enumerate(raw_lines):
        if i < skip:
            continue
        if cells_of and i in cells_of:
            rows, skip = cells_of[i]
            out.table(rows)
            continue
        st = s.strip()
        # a plain line (most of them), what ``_Records.line`` records at once, without the call
        if (st and "*" not in st and "__" not in st and "\t" not in st and "  " not in st
                and st[0] not in "|#" and (st[0] not in ":-" or not _TABLE_SEP.match(st))
                and split_drop(st) is None):
            append(_Line(st, st, out.gap, out.hard))
            out.gap = out.hard = False
            continue
        out.line(s)
    return out.records


class _Records:
    """The line records read so far and the boundary (blank lines, a hard break) seen since
    the last one, which the next record carries."""
    __slots__ = ("records", "gap", "hard", "_split", "_split_drop")

    def __init__(self) -> None:
        r = _rules()
        self.records: list = []
        self.gap = self.hard = False
        self._split, self._split_drop = r["recipients_split"].match, r["split_or_drop"].match

    def _add(self, rec: _Line) -> None:
        self.records.append(rec)
        self.gap = self.hard = False

    def _boundary(self, s: str) -> None:
        """A layout line dropped: a separator is a hard break, anything else a blank line."""
        if _is_separator(s):
            self.hard = True
        else:
            self.gap = True

    def table(self, rows: list) -> None:
        _table_lines(rows, self.gap, self.records.append)
        self.gap, self.hard = self.gap and not rows, True

    def line(self, s: str) -> None:
        """One raw line: dropped, split ("Nơi nhận: T/M ...") or recorded."""
        st = s.strip()
        if not st:
            self.gap = True
            return
        if (st[0] in "|:-" and (st == "|" or _TABLE_SEP.match(st))):
            self.hard = True
            return
        bare = None
        if ("*" not in st and "__" not in st and "\t" not in st and "  " not in st
                and st[0] not in "|#"):
            # a plain line (most of them): no emphasis, table or spacing to normalise; one
            # match tells a line to split ("Nơi nhận: T/M ...") from one to drop from the rest
            m = self._split_drop(st)
            if m is None:  # (what _add does, inline: the path of most lines)
                self.records.append(_Line(st, st, self.gap, self.hard))
                self.gap = self.hard = False
                return
            if m.group(1) is None:  # a layout line
                self._boundary(st)
                return
        else:
            bare = normalize_spaces(strip_emphasis(st))
            m = self._split(bare)
        parts = [m.group(1), m.group(2)] if m else [s]
        for part in parts:
            rec = _make_line(part, self.gap, self.hard, None if m or st[0] == "#" else bare)
            if rec is None:
                self._boundary(part)
            else:
                self._add(rec)


def _table_lines(rows: list, gap: bool, append) -> None:
    """The line records of a pipe table: data rows as "| a | b |", small cells line by line."""
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
        gap = False


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
    if len(bare) >= 2 and bare[0] == "|" and bare[-1] == "|":  # a table row (a string test:
        # a pattern "^\|.*\|$" backtracks quadratically over a run of "|" that does not end it)
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


def bare_pipe_rows(text: str) -> str:
    """Rows of a table flattened as "a | b | c" (Word and PDF exports drop the outer bars):
    two or more consecutive lines with the same number (two or more) of " | " separators
    become markdown rows "| a | b | c |", so every table reader sees one layout."""
    if "|" not in text or " | " not in text:  # (the one-character test is the fast one)
        return text
    lines = text.split("\n")
    counts = [_bare_separators(s) if " | " in s else 0 for s in lines]
    if max(counts) < 2:
        return text  # no line of a bare row: nothing to rewrite
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n and counts[i] >= 2 and counts[j + 1] == counts[i]:
            j += 1
        if j > i:
            for k in range(i, j + 1):
                lines[k] = "| " + lines[k].strip() + " |"
        i = j + 1
    return "\n".join(lines)


def _bare_separators(line: str) -> int:
    """The " | " separators of a line that is not already a "| ... |" row (0 when it is)."""
    s = line.strip()
    if not s or s.startswith("|") or s.endswith("|"):
        return 0
    return s.count(" | ")
