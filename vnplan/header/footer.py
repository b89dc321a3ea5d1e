"""The footer: signature (authority, post, name) and recipients (Nơi nhận).

A decision that carries a plan signs in the middle of the file, after its last article and
before the attached plan; the plan may have its own signature block at the end, or none. The
document's own signer is the first signature block that names someone."""
from __future__ import annotations

import re
from typing import Optional

from ..lang import vocab
from ..lang.patterns import alternation
from ..lang.text import fold
from ..model import Metadata, Signer
from .cells import MARKUP, Cell, cells, is_caps
from .words import data, doc_type_of

HEAD_MAX = 20000  # characters of preamble / footer read at most
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_RECIP_SPLIT = re.compile(r"(?:^|(?<=[;,.:]))\s*[-–+•]\s+")
_BULLET = re.compile(r"^\s*(?:\*?[-–+•]\*?)\s*")
AUTH_RE = re.compile(r"^(T/M|K/T|T/L|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)(?=\s|$)\s*")
_RECIPS = tuple(str(w) for w in vocab.load("doctypes")["recipients_words"])  # "Nơi nhận"
_RECIP_HEAD = re.compile(r"(?:^|(?<=[\n|\t]))[ \t*_>#]*" + alternation(_RECIPS, " ") + r"\s*[:.]", re.I)
# The recipients' head up to its last word, at the start of a cell: removed from the cell.
_RECIP_LEAD = re.compile(r"^[^:.]*?" + alternation((w.split()[-1] for w in _RECIPS), " ") + r"\s*[:.]?\s*", re.I)
_CASE_MORE = {"i": "İı", "k": "\u212a", "s": "ſ"}  # what else re.I matches for these letters


def _any_case(word: str) -> str:
    """``word`` in every spelling re.I matches, as a pattern without re.I ("[Nn][Ơơ][Iiİı] ...")."""
    out = []
    for c in word:
        forms = "".join(dict.fromkeys(c.upper() + c.lower() + _CASE_MORE.get(c.lower(), "")))
        out.append(re.escape(c) if len(forms) == 1 else "[" + forms + "]")
    return "".join(out)


# The words of _RECIP_HEAD in every spelling its re.I matches, without re.I: a fast first scan
_RECIP_WORDS = re.compile("|".join(_any_case(w) for w in _RECIPS))
_MID_WINDOW = 3000  # characters read around a mid-file Nơi nhận block
_ATTACHED = re.compile(r"\(\s*\*?\s*" + alternation(vocab.load("doctypes")["attached_words"], " ") + r"\s", re.I)  # "(Kèm theo Quyết định số ...)" under a plan title
_SIG_WINDOW = 1200  # characters above an attached plan where the decision's signature is looked for
_HONORIFIC = re.compile(r"^" + alternation(vocab.load("signature")["honorifics"], " ") + r"\s+")  # "Đồng chí"


def name_of(s: str) -> Optional[str]:
    """A person's name: 2-5 capitalised syllables, nothing else ("Lò Văn Muôn")."""
    s = _HONORIFIC.sub("", s.strip(" .,*_"))
    words = s.split()
    if not 2 <= len(words) <= 5:
        return None
    for w in words:
        if not _NAME_WORD.match(w) or not w[0].isupper() or (len(w) > 1 and not w[1:].islower()):
            return None
    if fold(s).startswith(data()["recipients"]):
        return None
    return s


def _post_suffix(caps_words: list[str], auth: Optional[str]) -> Optional[str]:
    """The post closing ``caps_words``; after "T/M" a body whose name ends like a post ("T/M BAN
    BÍ THƯ") gives none."""
    f = [fold(w) for w in caps_words]
    if auth in ("T/M", "TM.") and any(tuple(f[-len(b):]) == b for b in data()["body_posts"]):
        return None
    for pw, written in data()["posts"]:
        if len(pw) <= len(f) and f[len(f) - len(pw):] == pw:
            return written
    return None


def signature(cell_text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(authority, post, name) read from one cell: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Trường Sơn"."""
    s = cell_text.strip()
    auth = None
    m = AUTH_RE.match(s)
    if m:
        auth = data()["auth"].get(m.group(1).rstrip("."))
        s = s[m.end():]
    words = s.split()
    k = 0
    while k < len(words) and is_caps(words[k]):
        k += 1
    caps_words, rest = words[:k], " ".join(words[k:])
    post = _post_suffix(caps_words, auth) if caps_words else None
    name = name_of(rest) if rest else None
    if rest and not name:
        return auth, post, None
    return auth, post, name


def _footer_start(text: str, s: int) -> int:
    """The start of the line holding ``s``, pulled back over signer lines written above it."""
    s = text.rfind("\n", 0, s) + 1
    for _ in range(5):
        if s <= 0:
            break
        prev = text.rfind("\n", 0, s - 1) + 1
        line = MARKUP.sub("", text[prev:s - 1]).strip(" \t|")
        if line and not (AUTH_RE.match(line) or (is_caps(line) and len(line) < 60) or name_of(line)):
            break
        s = prev
    return s


class _Block:
    """What a signature-and-recipients block has read so far."""

    def __init__(self) -> None:
        self.signer = Signer()
        self.recips: list[str] = []
        self.rspan: Optional[list] = None
        self.sig: Optional[list] = None
        self.in_recips = False
        self.last_open = False  # the last recipient has no closing punctuation: it may continue

    def recipient(self, c: Cell, t: str) -> bool:
        """Read ``t`` as recipients when it is one; False when it is not."""
        bullet = _BULLET.match(t)
        if not (self.in_recips and (bullet or (self.last_open and t[:1].islower() and c.line_start))):
            return False
        if not bullet:
            self.recips[-1] = (self.recips[-1] + " " + t.strip()).strip(" ,;.")
            self.last_open = not t.rstrip().endswith((",", ";", "."))
        for it in _RECIP_SPLIT.split(t) if bullet else []:
            it = it.strip()
            if it:
                self.recips.append(it.strip(" ,;").rstrip(".").strip())
                self.last_open = not it.endswith((",", ";", "."))
        self.rspan[1] = c.end
        return True

    def sign(self, c: Cell, t: str) -> None:
        auth, post, name = signature(t)
        if not (auth or post or name):
            return
        if auth and not self.signer.authority:
            self.signer.authority = auth
        self.signer.title = post or self.signer.title
        self.signer.name = name or self.signer.name
        self.sig = [c.start, c.end] if self.sig is None else [self.sig[0], c.end]
        self.last_open = False


def _read_block(text: str, s: int, e: int) -> _Block:
    b = _Block()
    for c in cells(text, s, e):
        t = c.text
        if c.line_start and t[:1].isupper() and (b.recips or b.sig is not None) and \
                (len(t) > 300 or len(t) < 120 and doc_type_of(t)[0]):
            break  # an annexed document ("KẾ HOẠCH ... (Kèm theo Quyết định ...)") or its text
        if fold(t).startswith(data()["recipients"]):
            b.in_recips = True
            b.rspan = [c.start, c.end]
            t = _RECIP_LEAD.sub("", t)
            if not t:
                continue
        if not b.recipient(c, t):
            b.sign(c, t)
    return b


def _end_block(text: str, footer: Optional[list]) -> _Block:
    if footer:
        s = footer[0]
    else:
        low = text.lower()
        s = max(low.rfind(w.lower()) for w in _RECIPS)
        s = s if s >= 0 else max(0, len(text) - 800)
    e = footer[1] if footer else len(text)
    s = max(_footer_start(text, s), e - HEAD_MAX)
    return _read_block(text, s, e) if e > s else _Block()


def _recip_head(text: str, before: int) -> Optional[re.Match]:
    """``_RECIP_HEAD.search(text, 0, before)``, tried only around the "Nơi nhận" words."""
    for w in _RECIP_WORDS.finditer(text, 0, before):
        r = w.start()
        while r > 0 and text[r - 1] in " \t*_>#":
            r -= 1
        e = w.end()
        while e < before and text[e].isspace():
            e += 1
        m = _RECIP_HEAD.search(text, r, min(before, e + 1))
        if m:
            return m
    return None


def _first_block(text: str, before: int) -> Optional[_Block]:
    """The first Nơi nhận block above ``before`` (the decision's, over an attached plan)."""
    m = _recip_head(text, max(0, before))
    if not m:
        return None
    s = max(_footer_start(text, m.start()), m.start() - _MID_WINDOW)
    return _read_block(text, s, min(len(text), m.end() + _MID_WINDOW))


def _above_attached(text: str, before: int) -> Optional[_Block]:
    """The signature above the first attached plan ("KẾ HOẠCH ... (Kèm theo Quyết định ...)")
    when the decision has no Nơi nhận block: the lines after its last article."""
    m = _ATTACHED.search(text, 0, max(0, before))
    if not m:
        return None
    return _read_block(text, text.rfind("\n", 0, max(0, m.start() - _SIG_WINDOW)) + 1, m.start())


def read_footer(text: str, footer: Optional[list], md: Metadata) -> None:
    """md.signer and md.recipients from the document's own signature block: the first one that
    names someone (a decision's, over the plan it carries)."""
    b = _end_block(text, footer)
    start = b.rspan[0] if b.rspan else (b.sig[0] if b.sig else len(text))
    for find in (_first_block, _above_attached):
        first = find(text, start - 200)
        if first is not None and first.signer.name:
            b = first
            break
    md.signer = b.signer
    if b.sig is not None:
        b.signer.span = b.sig
        md.spans["signer"] = b.sig
    md.recipients = [" ".join(r.split()) for r in b.recips if r.strip()]
    if b.rspan and md.recipients:
        md.spans["recipients"] = b.rspan
