"""The issuing body: from the CAPITALS block of the header, from the enacting formula under the
trích yếu ("THỦ TƯỚNG CHÍNH PHỦ ... QUYẾT ĐỊNH:"), or from an opening sentence ("Ban Thường vụ
Tỉnh ủy ban hành Chương trình ...")."""
from __future__ import annotations

import re
from typing import Optional

from ..lang.markers import roman_value
from ..lang.text import fold
from .cells import MARKUP, SEP_ONLY, Cell, is_caps, strip_span
from .words import data



def _roman(tok: str) -> bool:
    """A Roman numeral in capitals up to C, maybe with "," or "." after it ("khóa XIII,")."""
    core = tok[:-1] if tok[-1:] in ",." else tok
    return bool(core) and set(core) <= set("IVXLC") and roman_value(core) > 0


def case_body(caps: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" -> "Ủy ban nhân dân tỉnh Đồng Nai"."""
    return " ".join(_bodies(caps)[-1][1]) if caps.strip() else ""


def _vocab_hit(ftoks: list[str], i: int) -> Optional[tuple[list[str], dict]]:
    for fw, w in data()["words"]:
        if ftoks[i:i + len(fw)] == fw:
            return fw, w
    return None


def _bodies(caps: str) -> list[tuple[bool, list[str]]]:
    """Split a CAPITALS issuer block into bodies [(has_name, cased words)], governing first."""
    lower = data()["lower"]
    toks = caps.split()
    ftoks = [fold(t) for t in toks]
    bodies: list[tuple[bool, list[str]]] = []
    cur: list[str] = []
    has_name, mode, first_after = False, "name", True
    i = 0
    while i < len(toks):
        hit = _vocab_hit(ftoks, i)
        if hit:
            fw, w = hit
            if not w.get("place") and has_name and cur:
                bodies.append((has_name, cur))
                cur, has_name = [], False
            cur.append(w["text"])
            has_name = has_name or bool(w.get("place"))
            mode, first_after = w.get("mode", "fixed"), True
            i += len(fw)
            continue
        tok, low = toks[i], toks[i].lower()
        i += 1
        if low in lower and not _roman(tok):
            cur.append(low)
            first_after = low in data()["and"]  # "Khoa học và Công nghệ"
            continue
        if _roman(tok):
            cur.append(tok)
        else:
            cur.append(low if mode == "sentence" and not first_after else tok[:1].upper() + tok[1:].lower())
        has_name = has_name or mode != "sentence" or first_after
        first_after = False
    if cur:
        bodies.append((has_name, cur))
    return bodies or [(False, [])]


def issuer_from_caps(caps: str) -> Optional[str]:
    """The issuing body of a header block: the last body, completed by the governing one when it
    is a bare "Ban ..." / "Văn phòng ..." of a Party committee."""
    bodies = _bodies(caps)
    if not bodies or not bodies[-1][1]:
        return None
    last = " ".join(bodies[-1][1])
    if len(bodies) > 1 and bodies[-1][1][0] in data()["committee_units"] and \
            data()["committee"].search(" ".join(bodies[-2][1])):
        gov = " ".join(bodies[-2][1])
        return f"{last} {gov[0].upper()}{gov[1:]}"
    return last


def national_strip(caps: str) -> str:
    """Remove the top-right lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") from a CAPS block."""
    f = fold(caps)
    for nat in data()["national"]:
        f = f.replace(nat, " ")
    return f


def header_issuer(head: list[Cell], stub: re.Pattern, num_line: re.Pattern
                  ) -> tuple[Optional[str], Optional[list], list[Cell], str]:
    """(issuer, span, the CAPITALS cells, the block text) of the header cells above the type
    line: top-right lines, the number and blank number slots left out."""
    frags = []
    for c in head:
        if num_line.match(c.text) or SEP_ONLY.match(c.text) or any(ch.isdigit() for ch in c.text):
            continue
        if "-" in c.text or "/" in c.text:  # a blank number slot is not part of the issuer
            t = stub.sub(" ", c.text).strip()
            if not t:
                continue
            c = Cell(c.start, c.end, t, c.line_start)
        if is_caps(c.text):
            frags.append(c)
    own = [c for c in frags if national_strip(c.text).strip().strip("*-– ")]
    block = national_strip(" ".join(c.text for c in frags)).strip(" *-–")
    if not (block and own):
        return None, None, frags, block
    return issuer_from_caps(block.upper()), [own[0].start, own[-1].end], frags, block


def post_prefix(caps: str) -> int:
    """Number of leading words of ``caps`` that are a signing post ("BỘ TRƯỞNG BỘ ..." -> 2)."""
    f = fold(caps).split()
    for pw, _ in data()["posts"]:
        if f[:len(pw)] == pw:
            return len(pw)
    return 0


def enacting_authority(t: str, next_text: str = "") -> Optional[str]:
    """The authority of an enacting formula line, or None: "BỘ TRƯỞNG BỘ Y TẾ" (a post, then a
    body or nothing), "THỦ TƯỚNG CHÍNH PHỦ QUYẾT ĐỊNH:" (the verb may close the line), or a body
    alone when the verb closes the line or the legal bases follow ("HỘI ĐỒNG NHÂN DÂN TỈNH X"
    then "Căn cứ ..."). ``issuer_from_caps`` of it is the body: "Bộ Y tế"."""
    if not is_caps(t) or len(t) > 150:
        return None
    s = t.rstrip(" :.")
    f = fold(s)
    verb = next((v for v in data()["enact"] if f.endswith(" " + v)), None)
    if verb:
        s = s[:len(s) - len(verb)].rstrip(" :")
    n = post_prefix(s)
    rest = " ".join(s.split()[n:])
    body = (fold(rest) + " ").startswith(data()["heads"])
    if n:
        return s if not rest or body else None
    grounds = fold(next_text).startswith(data()["grounds"])
    return s if body and rest and (verb or grounds) else None


def issuer_from_sentence(text: str, start: int, end: int) -> Optional[tuple[str, list, Optional[str]]]:
    """"...; Ban Thường vụ Tỉnh ủy ban hành Chương trình ..." -> ("Ban Thường vụ Tỉnh ủy", span,
    "Chương trình"): the body and the type it says it issues."""
    d = data()
    for m in d["issue_re"].finditer(text, start, end):
        k = m.start()
        lo = max(start, k - 120)
        seg = text[lo:k]
        cand_start = lo + max(seg.rfind(ch) for ch in ";,.:)\n") + 1
        cand = text[cand_start:k]
        a, b = strip_span(cand)
        name = MARKUP.sub("", cand[a:b]).strip()
        words = name.split()
        if 1 <= len(words) <= 12 and words[0][:1].isupper() and (fold(name) + " ").startswith(d["heads"]):
            after = fold(text[m.end():m.end() + 40])
            typ = next((t for tf, t in d["types_fold"] if after.startswith(tf)), None)
            return name, [cand_start + a, cand_start + b], typ
    return None
