"""Word .docx parts that are not the body: numbering (list counters and their labels) and
styles (fonts, caps, numbering inherited through the style chain). Read by ``docx``."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..lang.markers import to_roman
from .limits import MAX_LABEL

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _val(el, default=None):
    if el is None:
        return default
    return el.get(W + "val", default)


def _on(el) -> Optional[bool]:
    """A Word toggle property (<w:caps/>, <w:caps w:val="0"/>): None when absent."""
    if el is None:
        return None
    return _val(el, "true") not in ("0", "false", "off")


def _int(s, default: int = 0) -> int:
    try:
        return int(s)
    except (TypeError, ValueError):
        return default


# --- numbers ------------------------------------------------------------------------------

def _roman(n: int) -> str:
    """Lower-case Roman numeral of 1..3999; the digits outside that range."""
    return to_roman(n).lower() or str(n)


def _letter(n: int) -> str:
    """Word's letters: a..z, then aa..zz, aaa...; digits past MAX_LABEL (a list starting at
    2,000,000,000 would write the letter 77 million times)."""
    if n <= 0 or n > MAX_LABEL:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One level's counter in its numFmt (decimal, lowerLetter, upperRoman, ...)."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Counters for automatic numbering, fed paragraph by paragraph in document order."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for a in root.iter(W + "abstractNum"):
            self.abstract[a.get(W + "abstractNumId")] = self._levels(a)
        for n in root.iter(W + "num"):
            aid = _val(n.find(W + "abstractNumId"))
            overrides: dict[int, int] = {}
            for o in n.findall(W + "lvlOverride"):
                ilvl = _int(o.get(W + "ilvl"))
                so = o.find(W + "startOverride")
                lvl = o.find(W + "lvl")
                if so is not None:
                    overrides[ilvl] = _int(_val(so), 1)
                if lvl is not None and aid in self.abstract:
                    # a full level override: a copy of the abstract list for this num only
                    levels = dict(self.abstract[aid])
                    levels.update(self._levels_of([lvl]))
                    key = f"{aid}#{n.get(W + 'numId')}"
                    self.abstract[key] = levels
                    aid = key
            self.nums[n.get(W + "numId")] = (aid, overrides)

    def _levels(self, a) -> dict[int, dict]:
        return self._levels_of(a.findall(W + "lvl"))

    @staticmethod
    def _levels_of(lvls: Iterable) -> dict[int, dict]:
        out = {}
        for lvl in lvls:
            ilvl = _int(lvl.get(W + "ilvl"))
            out[ilvl] = {
                "start": _int(_val(lvl.find(W + "start")), 1),
                "fmt": _val(lvl.find(W + "numFmt"), "decimal"),
                "text": _val(lvl.find(W + "lvlText"), ""),
                "suff": _val(lvl.find(W + "suff"), "tab"),
                "lgl": _on(lvl.find(W + "isLgl")) or False,
            }
        return out

    def next(self, num_id: Optional[str], ilvl: int) -> Optional[str]:
        """The label of the next paragraph in list ``num_id`` at level ``ilvl`` ("2.1.", "a)")."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        aid, overrides = self.nums[num_id]
        levels = self.abstract.get(aid)
        if not levels:
            return None
        ilvl = max(0, min(8, ilvl))
        lvl = levels.get(ilvl) or {"start": 1, "fmt": "decimal", "text": f"%{ilvl + 1}.",
                                   "suff": "tab", "lgl": False}
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in overrides.items():
                counters[k] = start - 1
                for deeper in [d for d in counters if d > k]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, lvl["start"] - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            del counters[deeper]
        if lvl["fmt"] == "bullet":
            return "-"

        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kl = levels.get(k) or {"start": 1, "fmt": "decimal"}
            n = counters.get(k, kl["start"])
            fmt = "decimal" if (lvl["lgl"] and k != ilvl) else kl["fmt"]
            return format_number(n, fmt)

        label = _PLACEHOLDER.sub(repl, lvl["text"]).strip()
        return label or None

    def suffix(self, num_id: str, ilvl: int) -> str:
        aid, _ = self.nums.get(num_id, (None, {}))
        lvl = (self.abstract.get(aid) or {}).get(ilvl) or {}
        return "" if lvl.get("suff") == "nothing" else " "


# --- styles -------------------------------------------------------------------------------

class Styles:
    """Fonts, caps and numbering inherited through styles (basedOn chains)."""

    def __init__(self, root) -> None:
        self.styles: dict[str, dict] = {}
        self.default_font: Optional[str] = None
        self.default_para: Optional[str] = None
        if root is None:
            return
        dd = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        self.default_font = _font_of(dd)
        for s in root.findall(W + "style"):
            sid = s.get(W + "styleId")
            rpr = s.find(W + "rPr")
            ppr = s.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            self.styles[sid] = {
                "based": _val(s.find(W + "basedOn")),
                "font": _font_of(rpr.find(W + "rFonts")) if rpr is not None else None,
                "caps": _on(rpr.find(W + "caps")) if rpr is not None else None,
                "num": (_val(numpr.find(W + "numId")) if numpr is not None else None,
                        _val(numpr.find(W + "ilvl")) if numpr is not None else None),
            }
            if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true"):
                self.default_para = sid

    def _chain(self, sid: Optional[str]):
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid]["based"]

    def get(self, sid: Optional[str], key: str):
        for st in self._chain(sid):
            if st[key] is not None:
                return st[key]
        return None

    def numbering(self, sid: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        num_id = ilvl = None
        for st in self._chain(sid):
            n, i = st["num"]
            num_id = num_id or n
            ilvl = ilvl if ilvl is not None else i
        return num_id, ilvl


def _font_of(rfonts) -> Optional[str]:
    """The font a run's Vietnamese letters are drawn in: hAnsi covers bytes above 0x7F."""
    if rfonts is None:
        return None
    return rfonts.get(W + "hAnsi") or rfonts.get(W + "ascii") or rfonts.get(W + "cs")
