"""The pipeline: bytes or text -> cleaned text -> outline -> facts -> Document.

Like spaCy's ``pipe_names``, the order of the stages is visible in one list, ``STAGES``, and like
spaCy's components each stage declares what it reads from the Document and what it sets on it.
The order is checked once, when this module is imported (a stage may only read what the input or
an earlier stage set), and ``parse`` checks after each stage that it touched nothing it did not
declare, so no stage writes another's output.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from typing import Callable, Optional

from . import clean as _clean
from . import header, outline
from .extract import assignments, bodies, deadlines, links, references, targets
from .lang.vocab import load as _vocab
from .model import Document, Source, Warning_

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # Vietnamese is written in these

_SAMPLE = 3000  # characters looked at to tell the language

# What ``parse`` fills before the first stage runs: every stage may read these.
INPUTS = ("text", "id", "source", "footnotes", "warnings")


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: a function of the Document and its declared contract."""

    name: str
    apply: Callable[[Document], None]
    reads: tuple[str, ...]
    sets: tuple[str, ...]


STAGES: list[Stage] = [
    Stage("outline", outline.apply, reads=("text",),
          sets=("sections", "preamble", "footer", "appendix", "warnings")),
    Stage("header", header.apply, reads=("text", "sections", "preamble", "footer"),
          sets=("metadata",)),
    Stage("references", references.apply,
          reads=("text", "sections", "preamble", "footnotes", "metadata"), sets=("references",)),
    Stage("targets", targets.apply,
          reads=("text", "sections", "preamble", "footer", "appendix", "metadata"),
          sets=("targets", "figures")),
    Stage("deadlines", deadlines.apply,
          reads=("text", "sections", "preamble", "footer", "metadata"), sets=("deadlines",)),
    Stage("bodies", bodies.apply, reads=("text",), sets=("bodies",)),
    Stage("assignments", assignments.apply,
          reads=("text", "sections", "preamble", "footer", "metadata", "bodies"),
          sets=("assignments",)),
    # links fills Assignment.deadlines and Deadline.bodies: it completes the items of both lists
    Stage("links", links.apply, reads=("text", "sections", "assignments", "deadlines"),
          sets=("assignments", "deadlines")),
]


def check_order(stages: list[Stage]) -> None:
    """Raise ValueError when a stage reads a field that neither the input nor an earlier stage
    sets, or declares a field the Document does not have."""
    known = {f.name for f in fields(Document)}
    available = set(INPUTS)
    for stage in stages:
        unknown = (set(stage.reads) | set(stage.sets)) - known
        if unknown:
            raise ValueError(f"stage {stage.name!r} declares unknown fields {sorted(unknown)}")
        missing = set(stage.reads) - available
        if missing:
            raise ValueError(f"stage {stage.name!r} reads {sorted(missing)} before any stage sets it")
        available |= set(stage.sets)


check_order(STAGES)


def _fingerprint(doc: Document) -> dict:
    """Cheap identity of every field: a stage that rebinds or grows a field changes it."""
    out = {}
    for f in fields(Document):
        value = getattr(doc, f.name)
        out[f.name] = (id(value), len(value)) if isinstance(value, (list, str)) else id(value)
    return out


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
    for stage in STAGES:
        _run(stage, doc, strict)
    return doc


def _run(stage: Stage, doc: Document, strict: bool) -> None:
    """Run one stage; a crash or a write outside its contract is a ``stage-error`` warning
    (raised under ``strict``), and the document keeps what the other stages found."""
    before = _fingerprint(doc)
    try:
        stage.apply(doc)
    except Exception as exc:  # noqa: BLE001 - a bad stage must not cost the document
        if strict:
            raise
        doc.warnings.append(Warning_("stage-error", f"{stage.name}: {type(exc).__name__}: {exc}"))
        return
    after = _fingerprint(doc)
    trespass = sorted(k for k in after if after[k] != before[k] and k not in stage.sets)
    if trespass:
        message = f"{stage.name}: wrote {trespass}, which it does not declare"
        if strict:
            raise RuntimeError(message)
        doc.warnings.append(Warning_("stage-error", message))


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
