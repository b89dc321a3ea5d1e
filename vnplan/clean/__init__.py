"""Cleaner: raw text -> cleaned text, footnotes and warnings.

The cleaned text is the coordinate system of every span, so the cleaner fixes one layout:
NFC, modern tone marks, one paragraph per line, no blank lines, export artefacts and markdown
emphasis gone, table rows as ``| a | b |`` lines, column gaps as ``\\t``. Hard line breaks of
PDF and web exports are reflowed from the evidence a line gives (its length against the
document's full line, its last character, how the next line starts, open emphasis); the
patterns and words it uses are in ``vnplan/data/clean.yaml``. Text in a word segmenter's output
form ("Kế_hoạch hỗ_trợ ... , ...") is written back as ordinary text first (``wordseg``).

Cost (CPU time, one core, shared loaded machine, medians): seed 004 (20 KB) ~1.1 ms and
seed 002 (14 KB, PDF export) ~1.2 ms, against 4.5 and 4.0 ms before the speed-up; 100,000
numbered lines ~0.44 s (was 0.87 s), a 5 MB line ~0.12 s (0.28 s). Where it went: character
tests are lone-class scans the regex engine runs in C, ``tone_style`` only at old-style pairs
that end a syllable (``tone_style`` over the whole 20 KB costs ~2.3 ms), line records with
slots whose flags are filled once behind cheap string tests. NFC + tone style cost ~0.15 ms,
against ~40 ms for ``underthesea.text_normalize`` on the same text (which also retokenises),
so underthesea is not used.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Footnote, Warning_
from .rules import _REF_CLOSE, _REF_OPEN, _REF_RE, _SPACES, _rules
from .chars import extract_footnotes, modern_tones, normalize_chars, ocr_digits
from .lines import _prepare_lines, bare_pipe_rows, strip_emphasis
from .reflow import _profile, _running_lines, reflow
from .wordseg import unsegment


@dataclass
class Cleaned:
    text: str
    warnings: list = field(default_factory=list)  # list[Warning_]
    footnotes: list = field(default_factory=list)  # list[Footnote]



# --- 5. the whole -------------------------------------------------------------------------

def _md_footnotes(paras: list) -> tuple[list, list]:
    """Markdown footnotes: "[1] text" paragraphs whose id is referenced inline elsewhere."""
    r = _rules()
    if not any(x.startswith("[") for x in paras):
        return paras, []
    bodies = {}
    for i, x in enumerate(paras):
        m = r["md_fn_body"].match(x)
        if m:
            bodies.setdefault(m.group(1), (i, m.group(2)))
    if not bodies:
        return paras, []
    refd = set()
    for i, x in enumerate(paras):
        if "[" in x:
            for m in r["md_fn_ref"].finditer(x):
                if m.group(1) in bodies and bodies[m.group(1)][0] != i:
                    refd.add(m.group(1))
    if not refd:
        return paras, []
    drop = {bodies[k][0] for k in refd}
    out = []
    for i, x in enumerate(paras):
        if i in drop:
            continue
        if "[" in x:
            x = r["md_fn_ref"].sub(
                lambda m: _REF_OPEN + m.group(1) + _REF_CLOSE if m.group(1) in refd
                else m.group(0), x)
        out.append(x)
    return out, [(k, bodies[k][1]) for k in sorted(refd, key=lambda k: bodies[k][0])]


# Lone surrogates (a PDF's broken character map, a .docx symbol D800) cannot be written as
# UTF-8: an output holding one does not load back.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(raw: str) -> tuple[str, int]:
    """``raw`` with its lone surrogates replaced, and how many; UTF-32 encoding (in C, faster
    than a scan for the class) fails exactly when there is one."""
    try:
        raw.encode("utf-32-le")
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", raw)
    return raw, 0


def clean(raw: str) -> Cleaned:
    """Raw text -> the cleaned-text contract. Idempotent and never raises."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    lost: list = []
    raw, n = _without_surrogates(raw)
    if n:
        lost.append(Warning_("surrogate", f"{n} lone surrogate code point(s) replaced by U+FFFD "
                                          "(a broken character map in the source)"))
    try:
        out = _clean(raw)
    except Exception as exc:  # noqa: BLE001 - the cleaner must not cost the document
        text = unicodedata.normalize("NFC", raw)
        text = "\n".join(" ".join(x.split()) for x in text.splitlines() if x.strip())
        out = Cleaned(text, [Warning_("clean-error", f"{type(exc).__name__}: {exc}")])
    out.warnings[:0] = lost
    return out


def _clean(raw: str) -> Cleaned:
    text, warnings = normalize_chars(raw)
    text, misread = ocr_digits(text)
    warnings += misread
    text, segmented = unsegment(text)
    warnings += segmented
    text, bodies = extract_footnotes(text)
    lines = _prepare_lines(bare_pipe_rows(text))
    p = _profile(lines)
    running = _running_lines(lines, p)
    if running:
        lines = [x for x in lines if x.bare not in running]
    paras = [x for x in (_SPACES.sub(" ", y).strip(" ") if "  " in y else y.strip(" ")
                         for y in reflow(lines, p)) if x]
    paras, md_bodies = _md_footnotes(paras)
    text = "\n".join(paras)
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:  # emphasis marks gone from inside a syllable; tone marks may need moving
        text = modern_tones(nfc)
    footnotes: list = []
    refs: list = []
    if _REF_OPEN in text:
        parts, pos, last = [], 0, 0
        for m in _REF_RE.finditer(text):
            parts.append(text[last:m.start()])
            pos += m.start() - last
            refs.append((m.group(1), pos))
            last = m.end()
        parts.append(text[last:])
        text = "".join(parts).replace(_REF_OPEN, "").replace(_REF_CLOSE, "")
    where = {}
    for fid, pos in refs:
        where.setdefault(fid, pos)
    for fid, body in bodies + md_bodies:
        body = modern_tones(unicodedata.normalize("NFC", _SPACES.sub(" ", strip_emphasis(body))))
        pos = where.get(fid)
        footnotes.append(Footnote(fid, body.strip(), [pos, pos] if pos is not None else None))
    return Cleaned(text, warnings, footnotes)
