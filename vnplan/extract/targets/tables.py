"""Markdown tables of indicators: "| Chỉ tiêu | Đơn vị | 2025 | 2030 |" gives one target per
year cell."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .clauses import _primary
from .quantities import find_quantities
from .words import _LETTER, _load, _vocab, alt


_YEAR_CELL = re.compile(
    r"[\W_]*(?:" + alt("year_cell_words") + r"\s+)*((?:19|20)\d\d)[\W_]*")
_ROW_NUMBER = frozenset(str(w) for w in _load()["row_number_headers"])


def _cells(low: str, s: int, e: int) -> list:
    """[start, end) of each cell of the table row low[s:e], white space trimmed."""
    out = []
    k = s + 1 if low.startswith("|", s) else s
    while k < e:
        j = low.find("|", k, e)
        j = e if j < 0 else j
        a, b = k, j
        while a < b and low[a].isspace():
            a += 1
        while b > a and low[b - 1].isspace():
            b -= 1
        out.append((a, b))
        k = j + 1
    return out


@dataclass
class _TableHead:
    """What the first row of a table says: which columns hold years, units, indicators."""

    start: int  # of the header row
    end: int  # of the last row checked to belong to the table
    years: list  # (column, year)
    unit_col: int
    ind_col: int
    goals: bool = False  # the header names goals ("Chỉ tiêu", "Mục tiêu 2030"), not a budget


def _table_head(low: str, line_s: int, line_e: int, cur: Optional[_TableHead]) -> Optional[_TableHead]:
    """The header of the table the row at ``line_s`` belongs to (None: no year columns).

    ``cur`` is the last table seen: rows of the same table reuse it, so that a long table
    costs one walk over its rows.
    """
    if cur is not None and cur.end <= line_s:
        k = cur.end + 1
        while k < line_s and low.startswith("|", k):
            nl = low.find("\n", k, line_s)
            k = line_s if nl < 0 else nl + 1
        if k >= line_s:
            cur.end = line_e
            return cur if cur.years else None
    p = line_s
    while p > 0:
        prev = low.rfind("\n", 0, p - 1) + 1
        if not low.startswith("|", prev):
            break
        p = prev
    hs = p
    he = low.find("\n", hs)
    he = len(low) if he < 0 else he
    v = _vocab()
    years, unit_col, ind_col = [], -1, -1
    for i, (a, b) in enumerate(_cells(low, hs, he)):
        cell = " ".join(low[a:b].split())
        m = _YEAR_CELL.fullmatch(cell)
        if m:
            years.append((i, int(m.group(1))))
        elif cell in v.table_unit:
            unit_col = i
        elif cell in v.table_indicator or (ind_col < 0 and cell and cell not in _ROW_NUMBER):
            if cell in v.table_indicator or ind_col < 0:
                ind_col = i
    goals = bool(v.table_goal.search(low, hs, he))
    return _TableHead(hs, line_e, years, unit_col, ind_col, goals)


def _table_items(text: str, low: str, line_s: int, line_e: int, head: _TableHead) -> list:
    """(indicator span, Quantity, year, unit) of each year cell of one table row."""
    if line_s == head.start:
        return []
    cells = _cells(low, line_s, line_e)
    if head.ind_col < 0 or head.ind_col >= len(cells):
        return []
    ia, ib = cells[head.ind_col]
    if ib <= ia or not _LETTER.search(low, ia, ib):
        return []  # the separator row "|---|---|" or an empty indicator
    v = _vocab()
    unit_cell = None
    if 0 <= head.unit_col < len(cells):
        ua, ub = cells[head.unit_col]
        u = " ".join(low[ua:ub].split())
        unit_cell = v.unit_map.get(u) or (" ".join(text[ua:ub].split()) if 0 < len(u) <= 24 else None)
    out = []
    for col, year in head.years:
        if col >= len(cells):
            continue
        a, b = cells[col]
        qs = _primary(low, find_quantities(text, low, a, b))
        if qs:
            out.append(((ia, ib), qs[0], year, qs[0].unit or unit_cell))
    return out
