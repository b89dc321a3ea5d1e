"""Notebook and analysis tools over parsed or loaded documents.

* ``tables``: ``frames`` / ``rows``, one row per item across documents (pandas for frames);
* ``page``: ``render``, the document as a readable HTML page with its facts coloured;
* ``view``: ``outline_html`` (a Document in Jupyter) and ``to_spacy`` (extra ``spacy``);
* ``plots``: ``plot_targets``, ``plot_deadlines``, ``plot_assignments`` (extra ``plot``);
* ``align``: ``compare``, a plan against the plan it carries out;
* ``index``: ``catalog``, a cross-archive index; ``export``: CSV / XLSX / iCalendar.

Every tool reads documents through ``tables.iter_docs`` (Documents, .yaml/.json/.jsonl files,
folders). Heavy libraries are imported by the function that needs them, so importing this
package is cheap. Dependencies run one way: model <- emit <- tables <- the rest.
"""
from __future__ import annotations

from .align import compare
from .index import catalog, format_catalog
from .page import render
from .plots import plot_assignments, plot_deadlines, plot_targets
from .tables import TABLES, frames, iter_docs, rows
from .view import outline_html, to_spacy

__all__ = ["compare", "catalog", "format_catalog", "render", "plot_assignments",
           "plot_deadlines", "plot_targets", "TABLES", "frames", "iter_docs", "rows",
           "outline_html", "to_spacy"]
