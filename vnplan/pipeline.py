"""The pipeline: bytes or text -> cleaned text -> outline -> facts -> Document.

Like spaCy's ``pipe_names``, the order of the stages is visible in one list, ``STAGES``.
Each stage is a function that reads the Document and fills its own fields; a stage never
reaches into another stage's internals, and each can be run alone in a test.
"""
from __future__ import annotations

import hashlib
import re
from typing import Callable, Optional

from . import clean as _clean
from . import header, outline
from .extract import assignments, bodies, deadlines, links, references, targets
from .model import Document, Source, Warning_
from .lang.vocab import load as _vocab

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # Vietnamese is written in these

_SAMPLE = 3000  # characters looked at to tell the language

Stage = Callable[[Document], None]

STAGES: list[tuple[str, Stage]] = [
    ("outline", outline.apply),
    ("header", header.apply),
    ("references", references.apply),
    ("targets", targets.apply),
    ("deadlines", deadlines.apply),
    ("bodies", bodies.apply),
    ("assignments", assignments.apply),
    ("links", links.apply),
]


def parse(text: str, *, source: Optional[Source] = None, doc_id: Optional[str] = None,
          strict: bool = False) -> Document:
    """Parse the text of one plan document into a Document.

    Never raises on any input unless ``strict`` is set (tests use it to see a stage's bug):
    a stage that fails leaves its fields empty and records a ``stage-error`` warning.
    """
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes for bytes")
    cleaned = _clean.clean(text)
    doc = Document(text=cleaned.text, id=doc_id, source=source or Source(),
                   warnings=list(cleaned.warnings), footnotes=list(cleaned.footnotes))
    if not doc.id:
        doc.id = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    doc.warnings.extend(language_warnings(doc.text))
    for name, stage in STAGES:
        try:
            stage(doc)
        except Exception as exc:  # noqa: BLE001 - a bad stage must not cost the document
            if strict:
                raise
            doc.warnings.append(Warning_("stage-error", f"{name}: {type(exc).__name__}: {exc}"))
    return doc


def _foreign() -> Warning_:
    return Warning_("no-vietnamese", "the text does not look Vietnamese: nothing may be found")


def language_warnings(text: str) -> list[Warning_]:
    """Warn when there is nothing to parse, or the text does not look Vietnamese.

    A sample of the text is enough to tell, and keeps this check cheap on long documents.
    """
    text = text[:_SAMPLE]
    n_letters = len(_LETTER.findall(text))
    if not n_letters:
        return [Warning_("empty", "the document has no text")]
    lang = _vocab("language")
    if len(_LATIN.findall(text)) < lang["min_latin_share"] * n_letters:
        return [_foreign()]
    low = text.lower()
    share = sum(low.count(c) for c in lang["letters"]) / n_letters
    if share >= lang["min_share"]:
        return []
    words = low.split()
    common = set(lang["unaccented_words"])
    if words and sum(w.strip(".,;:()") in common for w in words) / len(words) >= lang["min_share"]:
        return []
    return [_foreign()]
