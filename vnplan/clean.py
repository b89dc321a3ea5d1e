"""Cleaner: raw text -> cleaned text, footnotes and warnings. (Contract; being implemented.)"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .model import Footnote, Warning_


@dataclass
class Cleaned:
    text: str
    warnings: list = field(default_factory=list)  # list[Warning_]
    footnotes: list = field(default_factory=list)  # list[Footnote]


def clean(raw: str) -> Cleaned:
    """Idempotent and never raises."""
    return Cleaned(unicodedata.normalize("NFC", raw or ""))
