"""vnplan: Vietnamese Party and government plan documents -> structured data.

    >>> import vnplan
    >>> doc = vnplan.parse(text)            # or vnplan.parse_file("ke-hoach.docx")
    >>> doc.metadata.number, [s.heading for s in doc.sections]
    >>> print(vnplan.to_yaml(doc))

Heavy libraries (pandas, matplotlib, spaCy, PDF and DOCX readers) are imported where first needed, so
``import vnplan`` stays fast.
"""
from __future__ import annotations

from .emit import dumps, iter_outputs, load, loads, to_json, to_yaml
from .model import (Assignment, Body, Deadline, Document, Figure, Footnote, Metadata, Reference,
                    Section, Signer, Source, Target)
from .pipeline import STAGES, parse

__version__ = "0.1.0"

__all__ = ["parse", "parse_file", "parse_bytes", "load", "to_yaml", "to_json", "dumps", "loads",
           "Document", "Metadata", "Section", "Reference", "Target", "Figure", "Deadline",
           "Assignment", "Body", "Footnote", "Signer", "Source", "STAGES", "__version__",
           "iter_outputs", "frames", "render", "to_spacy", "compare", "catalog",
           "plot_targets", "plot_deadlines", "plot_assignments"]


def parse_file(path, **kwargs) -> Document:
    """Read a file (.txt, .md, .docx, .pdf, .html, .doc; any Vietnamese encoding) and parse it."""
    from .read import read_path

    text, source = read_path(path)
    return parse(text, source=source, **kwargs)


def parse_bytes(data: bytes, name: str = "<bytes>", **kwargs) -> Document:
    """Parse a document given as bytes; the format and encoding are detected from the content."""
    from .read import read_bytes

    text, source = read_bytes(data, name)
    return parse(text, source=source, **kwargs)


# Notebook and analysis tools (``vnplan.notebook``), imported on first use so that
# ``import vnplan`` stays light.
_LAZY = ("frames", "render", "to_spacy", "compare", "catalog", "plot_targets", "plot_deadlines",
         "plot_assignments")


def _document_html(doc: Document) -> str:
    """Jupyter's view of a Document: its outline with kinds and counts (``vnplan.notebook``)."""
    from .notebook.view import outline_html

    return outline_html(doc)


Document._repr_html_ = _document_html  # the model stays free of presentation code


def __getattr__(name: str):
    if name in _LAZY:
        from . import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'vnplan' has no attribute {name!r}")
