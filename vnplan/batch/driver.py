"""The driver of ``vnplan convert``: checks, discovery, naming, resume, the engine, the report.

Nothing is created before the command is known to have something to convert; the report is
written in input order (``sink``); SIGTERM and Ctrl-C stop the run with its summary written,
and the workers go with it.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Optional, TextIO, Union

from .bounds import Terminated, memory_cap, sigterm_stops
from .core import EXT, FORMATS, JSONL, REPORT, BatchFn, Item, Limits, Summary, Task, UsageError
from .discover import Namer, discover
from .pool import run_pool
from .resume import _previous_jsonl, _previous_report, _recorded_sha, _trim_partial_line
from .sink import LineFile, OutputError, Sink
from .work import convert_batch, convert_task, warm_up

_MISSING = ("no such file or folder", "no file matches this pattern")


def prepare_outdir(out_dir: Union[str, Path]) -> Path:
    """Create OUTDIR and prove it writable, or raise UsageError with a clear message."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: this is a file, not a folder: name a folder for the outputs")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out, prefix=".vnplan-probe-", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {out}: {exc.strerror or exc}") from None
    return out


def _progress_bar(enabled: bool, err: TextIO, total: Optional[int]):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit="doc", file=err, dynamic_ncols=True, smoothing=0.1)


def _check(fmt: str, engine: str, workers: Optional[int], inputs: list) -> int:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if engine not in ("process", "dask"):
        raise UsageError(f"unknown engine {engine!r}: use process or dask")
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if not inputs:
        raise UsageError("no inputs given")
    return workers


def _lookahead(stream: Iterator) -> list:
    """The stream up to its first real input; UsageError when there is none at all."""
    head: list = []
    for x in stream:
        head.append(x)
        if isinstance(x, Item) or x.get("error") not in _MISSING:
            return head
    detail = "; ".join(f"{x['input']}: {x['error']}" for x in head[:5])
    raise UsageError(f"no inputs found ({detail})" if detail else "no inputs found")


def _open_outputs(out: Path, fmt: str, resume: bool) -> tuple:
    try:
        report = LineFile(out / REPORT)
        jsonl = None
        if fmt == "jsonl":
            if resume:
                _trim_partial_line(out / JSONL)
            jsonl = LineFile(out / JSONL, append=resume)
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {out}: {exc.strerror or exc}") from None
    return report, jsonl


def _tasks(stream: Iterable, sink: Sink, out: Path, fmt: str, prev: Optional[dict],
           prev_jsonl: dict, timeout: float) -> Iterator[Task]:
    """Number the inputs in order, name their outputs; report lines go straight to the sink."""
    namer = Namer(EXT[fmt])
    for seq, x in enumerate(stream):
        if not isinstance(x, Item):
            sink(seq, x, None)
            continue
        name = namer(x)
        expect, counts = None, None
        if prev is not None:
            expect, counts = prev.get(x.name, (None, None))
            if fmt == "jsonl":
                expect = prev_jsonl.get(x.name, expect)
            elif (out / name).exists():
                expect = _recorded_sha(str(out / name)) or expect
            else:
                expect = None
        yield Task(item=x, output=JSONL if fmt == "jsonl" else name,
                   doc_id=name[: -len(namer.ext)], expect_sha=expect, timeout=timeout,
                   previous=counts, seq=seq)


def convert(inputs: Iterable[str], out_dir: Union[str, Path], *, fmt: str = "yaml",
            workers: Optional[int] = None, resume: bool = False, quiet: bool = False,
            progress: Optional[bool] = None, engine: str = "process",
            scheduler: Optional[str] = None, chunksize: int = 4, limits: Limits = Limits(),
            batch_fn: BatchFn = convert_batch, err: Optional[TextIO] = None) -> Summary:
    """Convert every input document under ``inputs`` into ``out_dir``; see the package docstring.

    Raises UsageError (exit status 2) for a bad format, no inputs at all, or an unwritable
    OUTDIR (nothing is created then); OutputError when the disk refuses an output (the
    summary is still written when it can be); Terminated on SIGTERM (summary written).
    Every problem with a single input becomes its line in ``_report.jsonl``.
    """
    err = sys.stderr if err is None else err
    inputs = list(inputs)
    workers = _check(fmt, engine, workers, inputs)
    out_path = Path(out_dir)
    stream = discover(inputs, exclude=[out_path], limits=limits)
    head = _lookahead(stream)  # before OUTDIR exists: a missing input creates nothing
    out = prepare_outdir(out_path)
    show = not quiet and (progress if progress is not None else err.isatty())
    total = sum(1 for _ in discover(inputs, exclude=[out], limits=limits)) if show else None
    prev = _previous_report(out / REPORT) if resume else None
    prev_jsonl = _previous_jsonl(out / JSONL) if resume and fmt == "jsonl" else {}
    report, jsonl = _open_outputs(out, fmt, resume)
    bar = _progress_bar(show, err, total)
    sink = Sink(out, report, jsonl, bar, None if quiet else err)
    tasks = _tasks(chain(head, stream), sink, out, fmt, prev, prev_jsonl, limits.timeout)
    t0 = time.perf_counter()
    try:
        with sigterm_stops():
            _run(tasks, sink, engine, workers, fmt, out, scheduler, chunksize, batch_fn, limits)
    except (Terminated, KeyboardInterrupt):
        sink.summary.interrupted = True
        raise
    finally:
        _finish(sink, report, jsonl, bar, time.perf_counter() - t0, err)
    if not quiet:
        _print_summary(sink.summary, out, err)
    return sink.summary


def _run(tasks: Iterator[Task], sink: Sink, engine: str, workers: int, fmt: str, out: Path,
         scheduler: Optional[str], chunksize: int, batch_fn: BatchFn, limits: Limits) -> None:
    if engine == "dask":
        from .dask_engine import run_dask

        run_dask(tasks, sink, fmt=fmt, scheduler=scheduler, batch_size=max(1, chunksize))
    elif workers == 1:  # in this process: each input may grow it by limits.memory at most
        warm_up()
        for t in tasks:
            with memory_cap(limits.memory):
                result = convert_task(t, fmt, str(out))
            sink(t.seq, *result)
    else:
        run_pool(tasks, sink, workers=workers, fmt=fmt, out_dir=str(out), chunksize=chunksize,
                 batch_fn=batch_fn, memory=limits.memory)


def _finish(sink: Sink, report: LineFile, jsonl: Optional[LineFile], bar, seconds: float,
            err: TextIO) -> None:
    """The summary line, when the disk takes it; files closed whatever happened."""
    sink.summary.seconds = seconds
    try:
        report.add(json.dumps(sink.summary.line()) + "\n")
    except OutputError as exc:
        print(f"vnplan: error: the summary line was not written: {exc}", file=err)
    report.close()
    if jsonl is not None:
        jsonl.close()
    if bar is not None:
        bar.close()


def _print_summary(s: Summary, out: Path, err: TextIO) -> None:
    extra = "".join(f", {n} {what}" for n, what in ((s.partial, "partial (a stage failed)"),
                                                     (s.ignored, "ignored")) if n)
    print(f"vnplan: {s.ok} converted, {s.error} failed{extra}, {s.skipped} skipped "
          f"in {s.seconds:.2f} s ({s.docs_per_s} docs/s) -> {out}", file=err)


__all__ = ["convert", "prepare_outdir", "OutputError", "Terminated"]
