"""Targets and figures: the numbers of a plan, split into commitments and reported results.

A *target* is a quantified goal ("Phấn đấu đến năm 2030 ... trên 50 tiến sĩ", "100% cán bộ
... được bồi dưỡng"); a *figure* is an achieved or reported number ("đạt 96,3%", "16.312 trí
thức"). Which is which depends first on where the number stands (objectives and vision
sections hold targets, situation sections and outline-less reports hold figures), then on cue
words of the sentence (phấn đấu, đến năm ... vs đã, hiện có, so với năm ...).

Modules: ``words`` (the vocabulary of ``vnplan/data/targets.yaml``), ``quantities`` (a number
with its unit and comparator), ``clauses`` (the text of a figure), ``regions`` (where it
stands), ``cues`` (commitment or report), ``tables`` (indicator tables), ``extract`` (the walk).
"""
from __future__ import annotations

from ...lang.numbers import parse_number
from ...model import Document
from .clauses import _is_list_comma  # noqa: F401  (reached by the tests)
from .cues import _TextIndex  # noqa: F401  (reached by the tests)
from .extract import extract_targets
from .quantities import Quantity, find_quantities
from .words import MAX_ITEMS, MAX_QUANTITIES

__all__ = ["apply", "extract_targets", "find_quantities", "parse_number", "Quantity",
           "MAX_ITEMS", "MAX_QUANTITIES"]


def apply(doc: Document) -> None:
    """Fill ``doc.targets`` and ``doc.figures``."""
    doc.targets, doc.figures = extract_targets(doc)
