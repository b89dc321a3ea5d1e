"""Batch conversion: many input files (folders, globs, .zip archives) -> one output per document.

The driver streams: inputs are discovered lazily in a deterministic order, at most a bounded
number of small batches are in flight on the process pool, and each result is written (and its
report line appended) as soon as every earlier input is reported, so memory stays flat in the
number of documents.
Workers read their own input bytes: only paths and zip member names cross the process boundary.

Outputs are written atomically (a temporary file in OUTDIR, then ``os.replace``), so no half
file ever exists; ``resume`` skips inputs whose bytes hash to the ``source.sha256`` recorded
in their existing output or in the previous ``_report.jsonl``.

Every input, member or path given gets one report line in input order (``ok``, ``partial``
when a parser stage failed, ``error``, ``skipped``, or ``ignored`` with the reason); each
input is bounded in time, each worker in memory, and workers end with the command.

Modules: ``core`` (items, limits, report lines; imports none of the others), ``discover``,
``work`` (one input, in a worker), ``bounds`` (time and memory limits, signals), ``pool``
(process pool), ``dask_engine``, ``resume``, ``sink`` (ordered, whole-line output),
``driver`` (``convert``).
"""
from __future__ import annotations

from .core import (EXT, FORMATS, JSONL, REPORT, SUPPORTED, ZIP_SEP, BatchFn, Item, Limits, Summary,
                   Task, UsageError)
from .discover import Namer, discover
from .driver import convert, prepare_outdir
from .pool import run_pool
from .work import atomic_write, convert_batch, convert_task, read_item, warm_up

__all__ = ["EXT", "FORMATS", "JSONL", "REPORT", "SUPPORTED", "ZIP_SEP", "BatchFn", "Item", "Limits",
           "Summary", "Task", "UsageError", "Namer", "discover", "convert", "prepare_outdir",
           "run_pool", "atomic_write", "convert_batch", "convert_task", "read_item", "warm_up"]
