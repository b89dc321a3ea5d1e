"""Outline: cleaned text -> section tree, preamble span and footer span. (Contract.)"""
from __future__ import annotations

from .model import Document


def apply(doc: Document) -> None:
    doc.sections, doc.preamble, doc.footer = [], [0, len(doc.text)], None
