"""The pipeline: bytes or text -> cleaned text -> outline -> facts -> Document.

Like spaCy's ``pipe_names``, the order of the stages is visible in one list, ``STAGES``.
Each stage is a function that reads the Document and fills its own fields; a stage never
reaches into another stage's internals, and each can be run alone in a test.
"""
from __future__ import annotations

import hashlib
from typing import Callable, Optional

from . import clean as _clean
from . import header, outline
from .extract import assignments, bodies, deadlines, references, targets
from .model import Document, Source, Warning_

Stage = Callable[[Document], None]

STAGES: list[tuple[str, Stage]] = [
    ("outline", outline.apply),
    ("header", header.apply),
    ("references", references.apply),
    ("targets", targets.apply),
    ("deadlines", deadlines.apply),
    ("bodies", bodies.apply),
    ("assignments", assignments.apply),
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
    for name, stage in STAGES:
        try:
            stage(doc)
        except Exception as exc:  # noqa: BLE001 - a bad stage must not cost the document
            if strict:
                raise
            doc.warnings.append(Warning_("stage-error", f"{name}: {type(exc).__name__}: {exc}"))
    return doc
