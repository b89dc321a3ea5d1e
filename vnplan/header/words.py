"""The header's vocabularies (``data/doctypes.yaml``, ``data/signature.yaml``), compiled once."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..lang import vocab
from ..lang.patterns import alternation
from ..lang.docnumber import doc_types
from ..lang.text import fold
from .cells import is_caps


@lru_cache(maxsize=1)
def data() -> dict:
    """Compiled header vocabulary: types, issuer words, posts, authorities and phrase lists."""
    d = vocab.load("doctypes")
    s = vocab.load("signature")
    types = list(doc_types())
    words = sorted(d["issuer_words"], key=lambda w: len(w["caps"].split()), reverse=True)
    posts = sorted(((fold(k).split(), v) for k, v in s["posts"].items()),
                   key=lambda kv: len(kv[0]), reverse=True)
    return {
        "types_fold": [(fold(t), t) for t in types],
        "type_heads": {fold(t).split()[0] for t in types},  # the first words of the type names
        "national": tuple(fold(x) for x in d["national_lines"]),
        "words": [(fold(w["caps"]).split(), w) for w in words],
        "lower": set(d["lower_words"]),
        "posts": posts,
        "body_posts": {tuple(fold(x).split()) for x in s["body_names"]},
        "auth": {k.rstrip("."): v for k, v in s["authorities"].items()},
        "recipients": tuple(fold(x) for x in d["recipients_words"]),
        "congress": tuple(fold(x) for x in d["congress_words"]),
        "congress_end": re.compile(r"[\s,]+" + alternation(d["congress_ends"], " ") + r"(?!\w)|,", re.I),
        "heads": tuple(fold(x) + " " for x in d["issuer_heads"]),
        "draft": tuple(fold(x) for x in d["draft_words"]),
        "enact": tuple(fold(x) for x in s["enacting_verbs"]),
        "grounds": tuple(fold(x) for x in s["legal_grounds"] + s["session_words"]),
        "place_units": {fold(x) for x in d["place_units"]},
        "and": frozenset(str(x) for x in d["citation_words"]["and"]),  # "Khoa học và Công nghệ"
        "of_lead": tuple(fold(x) + " " for x in d["citation_words"]["of"]),  # "CỦA BAN CHẤP HÀNH ..."
        # a bare "Ban ..." / "Văn phòng ..." completed by the Party committee ("... Tỉnh ủy") over it
        "committee_units": tuple(str(x) for x in d["committee_units"]),
        "committee": re.compile(alternation(d["committee_words"], " ") + r"\b"),
        "title_links": {fold(x).split()[-1] for x in d["title_links"]},
        "issue_re": re.compile(r"\s" + alternation(d["issue_verbs"], " ") + r"\s+(?=" + alternation(types, " ") + r")",
                               re.I),
    }


def _ocr_joined(line: str) -> str:
    """"NGH Ị QUYẾT" -> "NGHỊ QUYẾT": a short piece opening with an accented capital vowel glued
    back to the short piece before it (OCR splits a syllable at its accented vowel)."""
    toks = line.split()
    out: list[str] = []
    for t in toks:
        if out and len(t) <= 4 and is_caps(t) and not t[0].isascii() and t[0] != "Đ" and out[-1].isalpha() \
                and is_caps(out[-1]) and len(out[-1]) <= 4:
            out[-1] += t
        else:
            out.append(t)
    return " ".join(out)


def doc_type_of(line: str) -> tuple[Optional[str], int]:
    """("Kế hoạch", len of the type words) when ``line`` is a type line: a type name in CAPITALS
    at its start ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG ...") or a type name alone. A type word
    split by OCR ("K Ế HOẠCH", "NGH Ị QUYẾT") reads as the word."""
    caps = is_caps(line)
    t, n = _type_prefix(fold(line), line, caps)
    if t is None and caps and len(line) < 200:
        joined = _ocr_joined(line[:60])
        if joined != " ".join(line[:60].split()):
            t, n = _type_prefix(fold(joined), line, caps, ocr=True)
    return t, n


def _type_prefix(f: str, line: str, caps: bool, ocr: bool = False) -> tuple[Optional[str], int]:
    head = f.split(" ", 1)[0]
    if head not in data()["type_heads"] and head.rstrip(":") not in data()["type_heads"]:
        return None, 0  # no type name starts the line: skip the loop
    bare = f.rstrip(":")
    for tf, t in data()["types_fold"]:
        if f == tf or bare == tf and caps:
            return t, len(line)
        if caps and f.startswith(tf + " "):
            if ocr:  # map back: as many letters in the line as in the name
                return t, _letters_end(line, len(tf.replace(" ", "")))
            m = re.match(r"\s*(?:\S+\s+){%d}" % len(tf.split()), line)  # as many words
            return t, (m.end() if m else len(line))
    return None, 0


def _letters_end(line: str, n: int) -> int:
    """Offset in ``line`` just past its first ``n`` non-space characters and the spaces after."""
    k = i = 0
    while i < len(line) and k < n:
        if not line[i].isspace():
            k += 1
        i += 1
    while i < len(line) and line[i].isspace():
        i += 1
    return i
