"""deadlines extractor. (Contract.)"""
from __future__ import annotations

from ..model import Document


def apply(doc: Document) -> None:
    pass
