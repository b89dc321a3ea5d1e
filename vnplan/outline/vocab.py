"""The heading vocabulary (vnplan/data/headings.yaml) compiled once into word sets and regexes."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import docnumber, patterns, vocab
from ..lang.text import fold, strip_accents

# strip_accents as one str.translate over NFC text (the per-character version is too slow
# to run on every heading): every precomposed Latin letter -> its base letter.
_STRIP_TABLE = {cp: strip_accents(chr(cp)) for r in ((0xC0, 0x250), (0x1E00, 0x1F00))
                for cp in range(*r) if strip_accents(chr(cp)) != chr(cp)}


@lru_cache(maxsize=None)
def _vocab() -> dict:
    """Heading vocabulary compiled once: kind regexes, letter orders, footer words."""
    data = vocab.load("headings") or {}
    return {
        **_kinds(data), **_letters(data),
        "lead": {strip_accents(fold(str(w))) for w in data.get("lead_words") or []},
        "abbrev": {str(a) for a in data.get("abbreviations") or []},
        "titles": set(_doc_titles()),
        "posts": {str(p) for p in data.get("posts") or []},
        **_caps_lines(data),
        **_appendix_vocab(data),
    }


def _doc_titles() -> tuple[str, ...]:
    """The title lines of an attached document in capitals ("KẾ HOẠCH", "ĐỀ ÁN"): the types a
    decision issues, from the one list of document types (lang.docnumber)."""
    return tuple(t.upper() for t in docnumber.attached_types())


def _kinds(data: dict) -> dict:
    """Kind words, folded and without accents, each with the pattern that finds them."""
    folded, stripped = {}, {}
    for kind, words in (data.get("kinds") or {}).items():
        for w in words or []:
            f = fold(str(w))
            folded.setdefault(f, kind)
            stripped.setdefault(strip_accents(f), kind)

    def alternation(words: dict) -> re.Pattern:
        return re.compile(r"(?<!\w)" + patterns.alternation(words, patterns.LINE_GAP) + r"(?!\w)")

    return {"folded": folded, "stripped": stripped,
            "folded_re": alternation(folded), "stripped_re": alternation(stripped)}


def _letters(data: dict) -> dict:
    """The letter that follows each letter item ("a" -> "b", "đ" -> "e"), in both alphabets."""
    nexts: dict = {}
    for order in (data.get("letters_vi") or [], data.get("letters_latin") or []):
        order = [str(x) for x in order]
        for a, b in zip(order, order[1:]):
            nexts.setdefault(a, set()).add(b)
    upper_nexts = {a.upper(): {b.upper() for b in bs} for a, bs in nexts.items()}
    return {"letter_next": nexts, "upper_next": upper_nexts}


def _caps_lines(data: dict) -> dict:
    """One scan finds signature lines, document titles and appendix lines alike."""
    auth = patterns.alternation([str(a) for a in data.get("authorities") or []], patterns.LINE_GAP)
    lines = patterns.alternation([*(data.get("posts") or []), *_doc_titles()], patterns.LINE_GAP)
    titles = patterns.alternation(_doc_titles(), patterns.LINE_GAP)
    lead = r"^[ \t\u00a0*_#]*"
    return {
        "caps_line_re": re.compile(
            lead + auth + r"[ \t]*[^\W\d_]" + "|" + lead + lines + r"[ \t*:.]*$|"
            + _appendix_line_src(data)
            # a document title with its subject on the same line ("KẾ HOẠCH HÀNH ĐỘNG ...")
            + "|" + lead + titles + r"[ \t][^\n]{0,250}$", re.M),
        "auth_re": re.compile(auth + r"(?=[ \t]*[^\W\d_])"),
    }


def _words_re(words: list) -> str:
    """Alternation of phrases, longest first, any run of blanks between their words."""
    return patterns.alternation(words, r"[ \t]+")


_APPX_LEAD = r"^[ \t\u00a0*#]*"
# "(Kèm theo ...", "(ban hành kèm theo ..." (doctypes.yaml attached_words, citation_words issued)
_KEM_SRC = (r"\(?[ \t]*(?i:" + patterns.alternation(vocab.load("doctypes")["citation_words"]["issued"], r"[ \t]+")
            + r"[ \t]+)?(?i:" + patterns.alternation(vocab.load("doctypes")["attached_words"], r"[ \t]+") + r")[ \t]")


def _appendix_line_src(data: dict) -> str:
    """Line starts that may open an appendix: "PHỤ LỤC", a list title, "(Kèm theo"."""
    return (_APPX_LEAD + r"(?:(?:" + _words_re(data.get("appendix_words") or []) + r")(?![^\W\d_])|(?:"
            + _words_re(data.get("appendix_list_titles") or []) + r")[ \t]|" + _KEM_SRC + ")")


def _appendix_vocab(data: dict) -> dict:
    """Patterns for appendices and directives, from the heading vocabulary."""
    lead = _APPX_LEAD
    appx = _words_re(data.get("appendix_words") or [])
    lists = _words_re(data.get("appendix_list_titles") or [])
    types = _words_re(data.get("directive_types") or [])
    heads = [fold(str(w)) for w in data.get("body_heads") or []]
    return {
        "appx_re": re.compile(lead + r"(?:" + appx + r")(?![^\W\d_])(?:[ \t]+" + docnumber.number_word(upper=True, lower=True) + r"?[ \t]*"
                              r"(?P<num>[IVXL]{1,6}|\d{1,3})(?![^\W_]))?(?P<rest>[^\n]{0,300})$", re.M),
        "appx_list_re": re.compile(lead + r"(?:" + lists + r")[ \t]+(?=[^\W\d_])", re.M),
        "kem_re": re.compile(lead + _KEM_SRC, re.M),
        "appx_number": str(data["appendix_number"]),
        "task_table": [tuple(fold(str(w)) for w in g) for g in data.get("task_table_words") or []],
        "directive_re": re.compile(lead + r"(?:" + types + r")[ \t*:.]*$", re.M),
        "body_head_re": re.compile(patterns.alternation(heads, " ") + r"(?![^\W_])"),
        "assign_cues": [fold(str(c)) for c in data.get("assign_cues") or []],
        "label_words": int(data.get("label_words") or 10),
        "label_max_words": int(data.get("label_max_words") or 12),
        "dot_label_words": int(data.get("dot_label_words") or 5),
        "sentence_head_words": int(data.get("sentence_head_words") or 6),
        "run_on_words": int(data.get("run_on_words") or 25),
        "listed_kinds": int(data.get("listed_kinds") or 3),
        "issue_cues": [fold(str(c)) for c in data.get("issue_cues") or []],
        "line_head_chars": int(data.get("line_head_chars") or 300),
        "max_part_repeats": int(data.get("max_part_repeats") or 20),
    }
