"""Header and footer -> Metadata: type, số ký hiệu, issuer, place and date, draft, trích yếu,
signer and recipients.

The header is read as a sequence of *cells*: lines of the preamble split at column gaps ("\\t")
and at markdown table bars ("|"), so two-column headers flattened with tabs, interleaved by a
PDF export or written as pipe-table rows read the same way. Every field keeps the span it was
read from in ``Metadata.spans``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lang import vocab
from .extract.references import NUMBER_RE, canonical_number, type_of_symbol
from .model import Document, Metadata, Signer
from .lang.text import fold


@dataclass(frozen=True)
class Cell:
    """A piece of a header line between column gaps; ``text`` is stripped of markup."""

    start: int
    end: int
    text: str
    line_start: bool  # first cell of its line


_ROMAN = re.compile(r"^[IVXLC]+[,.]?$")
_HEAD_MAX = 20000  # characters of preamble / footer read at most
_CELL_SPLIT = re.compile(r"[\t|]")
_MARKUP = re.compile(r"\[bookmark:[^\]\n]{0,200}\]|\*\*|(?<!\w)\*|\*(?!\w)|^#+\s|^>\s")
_SEP_ONLY = re.compile(r"^[\s*\-_=~.·•]*$")
_NUM_LINE = re.compile(r"^S[ốố]\s*(?:và ký hiệu)?\s*[:.]?\s*", re.I)
_DATE_RE = re.compile(
    r"(?P<place>[^\n,|\t]{0,60}?)[ \t*]*,\s*(?:ngày\s*(?P<d>\d{1,2})?\s*)?tháng\s*(?P<m>\d{1,2})"
    r"\s*năm\s*(?P<y>(?:19|20)\d\d)", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_RECIP_SPLIT = re.compile(r"(?:^|(?<=[;,.:]))\s*[-–+•]\s+")
_BULLET = re.compile(r"^\s*(?:\*?[-–+•]\*?)\s*")
_AUTH_RE = re.compile(r"^(T/M|K/T|T/L|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)(?=\s|$)\s*")


def _strip(s: str) -> tuple[int, int]:
    """Offsets of the meaningful part of ``s`` (markup and white space trimmed)."""
    m = re.match(r"^(?:[\s*#>]|\[bookmark:[^\]\n]{0,200}\])*", s)
    a = m.end() if m else 0
    b = len(s)
    while b > a and s[b - 1] in " \t*\r":
        b -= 1
    return a, b


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The non-empty cells of text[start:end], in reading order."""
    out: list[Cell] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        first = True
        cpos = pos
        for piece in _CELL_SPLIT.split(text[pos:line_end]):
            a, b = _strip(piece)
            if b > a:
                clean = piece[a:b]
                if "*" in clean or "[" in clean or "#" in clean or ">" in clean:
                    clean = _MARKUP.sub("", clean)
                clean = clean.strip()
                if clean:
                    out.append(Cell(cpos + a, cpos + b, clean, first))
                    first = False
            cpos += len(piece) + 1
        pos = line_end + 1
    return out


@lru_cache(maxsize=1)
def _data() -> dict:
    d = vocab.load("doctypes")
    types = sorted(d["types"], key=len, reverse=True)
    words = sorted(d["issuer_words"], key=lambda w: len(w["caps"].split()), reverse=True)
    return {
        "types": types,
        "types_fold": [(fold(t), t) for t in types],
        "national": tuple(fold(x) for x in d["national_lines"]),
        "words": [(fold(w["caps"]).split(), w) for w in words],
        "lower": set(d["lower_words"]),
        "posts": sorted(((fold(k).split(), v) for k, v in d["posts"].items()),
                        key=lambda kv: len(kv[0]), reverse=True),
        "auth": {k.rstrip("."): v for k, v in d["authorities"].items()},
        "recipients": tuple(fold(x) for x in d["recipients_words"]),
        "congress": tuple(fold(x) for x in d["congress_words"]),
        "congress_end": re.compile(r"[\s,]+(?:" + "|".join(re.escape(x) for x in d["congress_ends"])
                                   + r")(?!\w)|,", re.I),
        "heads": tuple(fold(x) + " " for x in d["issuer_heads"]),
        "draft": tuple(fold(x) for x in d["draft_words"]),
        "issue_re": re.compile(
            r"\s(?:" + "|".join(re.escape(v) for v in d["issue_verbs"]) + r")\s+(?="
            + "|".join(re.escape(t) for t in types) + r")", re.I),
    }


def _is_caps(s: str) -> bool:
    """Written in capitals: a cased letter, and none in lower case (str methods run in C)."""
    return s.upper() == s and s.lower() != s


def doc_type_of(line: str) -> tuple[Optional[str], int]:
    """("Kế hoạch", len of the type words) when ``line`` is a type line: a type name in CAPITALS
    at its start ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG ...") or a type name alone."""
    f = fold(line)
    caps = _is_caps(line)
    for tf, t in _data()["types_fold"]:
        if f == tf or f.rstrip(":") == tf and caps:
            return t, len(line)
        if caps and f.startswith(tf + " "):
            # map back: the type has as many words in the line as in the name
            n = len(tf.split())
            m = re.match(r"\s*(?:\S+\s+){%d}" % n, line)
            return t, (m.end() if m else len(line))
    return None, 0


def case_body(caps: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" -> "Ủy ban nhân dân tỉnh Đồng Nai"."""
    return " ".join(_bodies(caps)[-1][1]) if caps.strip() else ""


def _bodies(caps: str) -> list[tuple[bool, list[str]]]:
    """Split a CAPITALS issuer block into bodies [(has_name, cased words)], governing first."""
    d = _data()
    toks = caps.split()
    ftoks = [fold(t) for t in toks]
    bodies: list[tuple[bool, list[str]]] = []
    cur: list[str] = []
    has_name = False
    mode = "name"
    first_after = True
    i = 0
    while i < len(toks):
        hit = None
        for fw, w in d["words"]:
            if ftoks[i:i + len(fw)] == fw:
                hit = (fw, w)
                break
        if hit:
            fw, w = hit
            if not w.get("place") and has_name and cur:
                bodies.append((has_name, cur))
                cur, has_name = [], False
            cur.append(w["text"])
            if w.get("place"):
                has_name = True
            mode, first_after = w.get("mode", "fixed"), True
            i += len(fw)
            continue
        tok = toks[i]
        low = tok.lower()
        if _ROMAN.match(tok):
            cur.append(tok)
        elif low in d["lower"]:
            cur.append(low)
            first_after = low == "và"  # "Khoa học và Công nghệ"
            i += 1
            continue
        elif mode == "sentence" and not first_after:
            cur.append(low)
        else:
            cur.append(tok[:1].upper() + tok[1:].lower())
        if mode != "sentence" or first_after:
            has_name = True
        first_after = False
        i += 1
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
    if len(bodies) > 1 and bodies[-1][1][0] in ("Ban", "Văn phòng") and \
            re.search(r"ủy\b", " ".join(bodies[-2][1])):
        gov = " ".join(bodies[-2][1])
        return f"{last} {gov[0].upper()}{gov[1:]}"
    return last


def _national_strip(caps: str) -> str:
    """Remove the top-right lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") from a CAPS block."""
    f = fold(caps)
    for nat in _data()["national"]:
        f = f.replace(nat, " ")
    return f


def _restore_caps(folded: str) -> str:
    return folded.upper()


def _name_of(s: str) -> Optional[str]:
    """A person's name: 2-5 capitalised syllables, nothing else ("Lò Văn Muôn")."""
    s = re.sub(r"^(?:Đ/c|Đồng chí|Ông|Bà)\s+", "", s.strip(" .,*_"))
    words = s.split()
    if not 2 <= len(words) <= 5:
        return None
    for w in words:
        if not _NAME_WORD.match(w) or not w[0].isupper() or (len(w) > 1 and not w[1:].islower()):
            return None
    if fold(s).startswith(_data()["recipients"]):
        return None
    return s


def _post_suffix(caps_words: list[str]) -> Optional[str]:
    f = [fold(w) for w in caps_words]
    for pw, written in _data()["posts"]:
        if len(pw) <= len(f) and f[len(f) - len(pw):] == pw:
            return written
    return None


def _signature(cell_text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(authority, post, name) read from one cell: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Trường Sơn"."""
    s = cell_text.strip()
    auth = None
    m = _AUTH_RE.match(s)
    if m:
        auth = _data()["auth"].get(m.group(1).rstrip("."))
        s = s[m.end():]
    words = s.split()
    k = 0
    while k < len(words) and _is_caps(words[k]):
        k += 1
    caps_words, rest = words[:k], " ".join(words[k:])
    post = _post_suffix(caps_words) if caps_words else None
    if auth and caps_words and post and len(caps_words) == len(post.split()):
        # "KT. CHỦ TỊCH": the post signed for, not the signer's own; kept as a fallback
        pass
    name = _name_of(rest) if rest else None
    if rest and not name:
        return auth, None if not caps_words else post, None
    return auth, post, name


def _find_title(cs: list[Cell], i: int, stop_folds: set) -> tuple[Optional[str], Optional[list]]:
    """The trích yếu: the cells after the type line up to the separator or the body."""
    parts: list[Cell] = []
    j = i
    while j < len(cs):
        c = cs[j]
        t = c.text
        if _SEP_ONLY.match(t):
            if parts:
                break
            j += 1
            continue
        f = fold(t)
        if f in stop_folds or f.startswith(_data()["draft"]) and len(f) < 25:
            if parts:
                break
            j += 1
            continue
        if not parts:
            if _is_caps(t) and f.startswith("của ") and len(t) < 80:
                j += 1  # "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH": the issuing body, not the summary
                continue
            if t.endswith(":") or len(t) > 600:
                break
            parts.append(c)
        else:
            prev_caps = _is_caps(parts[-1].text)
            if t[:1].islower() or (_is_caps(t) and prev_caps):
                parts.append(c)
            else:
                break
        j += 1
    if not parts:
        return None, None
    title = " ".join(p.text for p in parts)
    title = re.sub(r"\s+", " ", title).strip(" .")
    return title, [parts[0].start, parts[-1].end]


_SYM = r"[A-ZĐ][A-Za-zĐđ]{0,9}(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ]{0,9}){1,3}(?![\w/])"
# a number slot left blank ("Số      -KH/TU", "Số: …/KH-UBND") or a bare "-KH/TU" cell
_STUB = re.compile(r"(?<!\w)S[ốố](?:[ \t]*và ký hiệu)?[ \t]*[:.]?[ \t.…_]*[-/][ \t]*" + _SYM
                   + r"|(?:^|(?<=\s))[-/][ \t]*" + _SYM)
_NUM_ANY = re.compile(r"(?<!\w)(?:S[ốố]|SỐ)(?:[ \t]*và ký hiệu)?[ \t]*[:.]?[ \t]*")


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


def _read_number(head: list[Cell], md: Metadata) -> None:
    """The document's own số ký hiệu from the header cells; a blank slot gives number None."""
    for k, c in enumerate(head):
        m = _NUM_LINE.match(c.text)
        if not m:
            continue
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
            if _STUB.match(nxt.text):
                _set_stub(md, nxt.text, c.start, nxt.end)
                return
        _set_stub(md, rest, c.start, c.end)
        return
    for c in head:  # "Việt Trì, ngày 14 tháng 3 năm 2025 Số 45-KH/TU": a reflowed column
        for m in _NUM_ANY.finditer(c.text):
            nm = NUMBER_RE.match(c.text, m.end())
            if nm:
                _set_number(md, nm, c.start)
                return
    for c in head:
        st = _STUB.search(c.text)
        if st:
            _set_stub(md, st.group(0), c.start + st.start(), c.start + st.end())
            return


def extract_metadata(text: str, preamble: Optional[list] = None,
                     footer: Optional[list] = None) -> Metadata:
    """Metadata read from the preamble (header, type line, trích yếu, opening sentence) and the
    footer (signature, Nơi nhận). Without spans, the whole text's start and end are used."""
    md = Metadata()
    text = text or ""
    if not text.strip():
        return md
    p0, p1 = preamble if preamble else (0, min(len(text), 6000))
    p1 = min(max(p0, p1), len(text), p0 + _HEAD_MAX)  # a header is short: bound the work
    cs = cells(text, p0, p1)
    d = _data()

    # the type line: first cell that is one, among the short cells before the body starts
    ti = None
    for k, c in enumerate(cs[:60]):
        t, n = doc_type_of(c.text)
        if t:
            ti = k
            md.doc_type = t
            md.spans["doc_type"] = [c.start, c.start + n]
            break
        if len(c.text) > 200:
            break
    head = cs[:ti] if ti is not None else []
    if ti is None:  # no type line: the short cells at the top
        for c in cs[:20]:
            if len(c.text) > 120:
                break
            head.append(c)

    # number: a "Số 45-KH/TU" cell (or a "Số" cell and the number in the next cell); else a
    # "Số ..." anywhere in a header cell (a column reflowed into another), in any column order
    _read_number(head, md)

    # place and date
    if head:
        h0, h1 = head[0].start, head[-1].end
        m = _DATE_RE.search(text, h0, h1 + 1) if h1 > h0 else None
        if m:
            y, mo, dd = m.group("y"), int(m.group("m")), m.group("d")
            if 1 <= mo <= 12:
                if dd and 1 <= int(dd) <= 31:
                    md.date = f"{y}-{mo:02d}-{int(dd):02d}"
                else:
                    md.date = f"{y}-{mo:02d}"
                md.spans["date"] = [m.start("place") + len(m.group("place")), m.end()]
            place = _MARKUP.sub("", m.group("place")).strip(" *_\t")
            words = place.split()
            keep: list[str] = []
            for w in reversed(words):
                if w[:1].isupper():
                    keep.insert(0, w)
                else:
                    break
            if keep:
                md.place = " ".join(keep[-5:])
                ps = m.start("place") + m.group("place").rfind(keep[0])
                md.spans["place"] = [ps, ps + len(md.place)]

    # draft
    for c in head + (cs[ti:ti + 4] if ti is not None else []):
        f = fold(c.text)
        if any(w in f for w in d["draft"]) and len(f) < 40:
            md.draft = True
            md.spans["draft"] = [c.start, c.end]
            break

    # issuer: the CAPITALS cells of the header block, top-right lines removed
    frags = []
    for c in head:
        if _NUM_LINE.match(c.text) or _SEP_ONLY.match(c.text) or any(ch.isdigit() for ch in c.text):
            continue
        if "-" in c.text or "/" in c.text:  # a blank number slot is not part of the issuer
            t = _STUB.sub(" ", c.text).strip()
            if not t or t == c.text:
                if not t:
                    continue
            else:
                c = Cell(c.start, c.end, t, c.line_start)
        if _is_caps(c.text):
            frags.append(c)
    issuer_cells = []
    joined = []
    for c in frags:
        rest = _national_strip(c.text).strip()
        joined.append(c.text)
        if rest and rest.strip("*-– "):
            issuer_cells.append(c)
    block = _national_strip(" ".join(joined)).strip(" *-–")
    if block and issuer_cells:
        md.issuer = issuer_from_caps(block.upper())
        md.spans["issuer"] = [issuer_cells[0].start, issuer_cells[-1].end]

    # title
    if ti is not None:
        tcell = cs[ti]
        _, n = doc_type_of(tcell.text)
        stop_folds = {fold(c.text) for c in frags} | {" ".join(block.split())} | set(d["national"])
        tail = []
        if n < len(tcell.text) and tcell.text[n:].strip():
            rest = tcell.text[n:]
            a = len(rest) - len(rest.lstrip())
            tail = [Cell(tcell.start + n + a, tcell.end, rest.strip(), False)]
        title, tspan = _find_title(tail + cs[ti + 1:], 0, stop_folds)
        if title:
            md.title = title
            md.spans["title"] = tspan

    # issuer from the opening sentence when the header has none
    if not md.issuer:
        iss = issuer_from_sentence(text, p0, p1)
        if iss:
            md.issuer, md.spans["issuer"], typ = iss
            if md.doc_type is None and typ:
                md.doc_type = typ
                md.spans["doc_type"] = md.spans["issuer"]
        elif md.title and fold(md.title).startswith(d["congress"]):
            # a congress resolution: its trích yếu names the congress that issued it
            end = d["congress_end"].search(md.title)
            name = md.title[:end.start() if end else len(md.title)].strip()
            md.issuer = case_body(name) if _is_caps(name) else name
            md.spans["issuer"] = [md.spans["title"][0], md.spans["title"][0] + len(name)]

    _read_footer(text, footer, md)
    return md


def issuer_from_sentence(text: str, start: int, end: int) -> Optional[tuple[str, list, Optional[str]]]:
    """"...; Ban Thường vụ Tỉnh ủy ban hành Chương trình ..." -> ("Ban Thường vụ Tỉnh ủy", span,
    "Chương trình"): the body and the type it says it issues."""
    for m in _data()["issue_re"].finditer(text, start, end):
        k = m.start()
        lo = max(start, k - 120)
        seg = text[lo:k]
        cut = max(seg.rfind(ch) for ch in ";,.:)\n")
        cand_start = lo + cut + 1
        cand = text[cand_start:k]
        a, b = _strip(cand)
        name = _MARKUP.sub("", cand[a:b]).strip()
        words = name.split()
        if 1 <= len(words) <= 12 and words[0][:1].isupper() and \
                (fold(name) + " ").startswith(_data()["heads"]):
            after = fold(text[m.end():m.end() + 40])
            typ = next((t for tf, t in _data()["types_fold"] if after.startswith(tf)), None)
            return name, [cand_start + a, cand_start + b], typ
    return None


def _footer_start(text: str, footer: Optional[list]) -> int:
    """Where the signature and Nơi nhận block starts, pulled back over signer lines above it."""
    if footer:
        s = footer[0]
    else:
        f = text.lower()
        s = f.rfind("nơi nhận")
        if s < 0:
            s = max(0, len(text) - 800)
    s = text.rfind("\n", 0, s) + 1
    for _ in range(5):  # signer lines written above the Nơi nhận block
        if s <= 0:
            break
        prev = text.rfind("\n", 0, s - 1) + 1
        line = _MARKUP.sub("", text[prev:s - 1]).strip(" \t|")
        if not line:
            s = prev
            continue
        if _AUTH_RE.match(line) or (_is_caps(line) and len(line) < 60) or _name_of(line):
            s = prev
        else:
            break
    return s


def _read_footer(text: str, footer: Optional[list], md: Metadata) -> None:
    d = _data()
    s = _footer_start(text, footer)
    e = footer[1] if footer else len(text)
    s = max(s, e - _HEAD_MAX)
    if e <= s:
        return
    cs = cells(text, s, e)
    signer = Signer()
    recips: list[str] = []
    rspan: Optional[list] = None
    sig_start = sig_end = None
    in_recips = False
    last_open = False  # the last recipient has no closing punctuation: it may continue
    for c in cs:
        t = c.text
        if c.line_start and t[:1].isupper() and (recips or sig_start is not None) and \
                (len(t) > 300 or len(t) < 120 and doc_type_of(t)[0]):
            break  # an annexed document ("KẾ HOẠCH ... (Kèm theo Quyết định ...)") or its text
        f = fold(t)
        if f.startswith(d["recipients"]):
            in_recips = True
            rspan = [c.start, c.end]
            t = re.sub(r"^[^:.]*?nhận\s*[:.]?\s*", "", t, flags=re.I)
            if not t:
                continue
            f = fold(t)
        bullet = _BULLET.match(t)
        if in_recips and (bullet or (last_open and t[:1].islower() and c.line_start)):
            items = _RECIP_SPLIT.split(t) if bullet else [t]
            if not bullet:
                recips[-1] = (recips[-1] + " " + t.strip()).strip(" ,;.")
                last_open = not t.rstrip().endswith((",", ";", "."))
                rspan[1] = c.end
                continue
            for it in items:
                it = it.strip()
                if it:
                    recips.append(it.strip(" ,;").rstrip(".").strip())
                    last_open = not it.endswith((",", ";", "."))
            rspan[1] = c.end
            continue
        auth, post, name = _signature(t)
        if auth or post or name:
            if auth and not signer.authority:
                signer.authority = auth
            if post:
                signer.title = post
            if name:
                signer.name = name
            sig_start = c.start if sig_start is None else sig_start
            sig_end = c.end
            last_open = False
    md.signer = signer
    if sig_start is not None:
        signer.span = [sig_start, sig_end]
        md.spans["signer"] = [sig_start, sig_end]
    md.recipients = [" ".join(r.split()) for r in recips if r.strip()]
    if rspan and md.recipients:
        md.spans["recipients"] = rspan


def apply(doc: Document) -> None:
    """Fill doc.metadata from the preamble and footer spans the outline found."""
    text = doc.text or ""
    pre = doc.preamble
    if pre is None and not doc.sections:
        pre = [0, min(len(text), 6000)]
    doc.metadata = extract_metadata(text, pre, doc.footer)
