"""The driver of ``vnplan convert``: discovery, naming, resume, the engine, the report."""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional, TextIO, Union

from .core import EXT, FORMATS, JSONL, REPORT, BatchFn, Item, Limits, Summary, Task, UsageError
from .discover import Namer, discover
from .pool import run_pool
from .resume import _previous_jsonl, _previous_report, _recorded_sha, _trim_partial_line
from .work import atomic_write, convert_batch, convert_task, warm_up


_MISSING = ("no such file or folder", "no file matches this pattern")


def prepare_outdir(out_dir: Union[str, Path]) -> Path:
    """Create OUTDIR and prove it writable, or raise UsageError with a clear message."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out, prefix=".vnplan-probe-", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {out}: {exc.strerror or exc}") from None
    return out


class _Sink:
    """Receives every result in order of completion: writes outputs, report lines, counts."""

    def __init__(self, out: Path, fmt: str, report: TextIO, jsonl: Optional[TextIO],
                 progress, err: Optional[TextIO], max_errors_shown: int = 20):
        self.out, self.fmt, self.report, self.jsonl = out, fmt, report, jsonl
        self.progress, self.err, self.max_shown = progress, err, max_errors_shown
        self.summary = Summary()

    def __call__(self, rec: dict, text: Optional[str]) -> None:
        if text is not None and rec.get("status") == "ok":
            try:
                if self.jsonl is not None:
                    self.jsonl.write(text if text.endswith("\n") else text + "\n")
                    self.jsonl.flush()
                else:
                    atomic_write(str(self.out / rec["output"]), text)
            except OSError as exc:
                rec.update(status="error", output=None, error=f"cannot write the output: {exc}")
        status = rec.get("status")
        if status == "ok":
            self.summary.ok += 1
        elif status == "skipped":
            self.summary.skipped += 1
        else:
            self.summary.error += 1
            if self.err is not None and self.summary.error <= self.max_shown:
                where, what = str(rec.get("input")), str(rec.get("error"))
                msg = f"vnplan: error: {what if what.startswith(where) else where + ': ' + what}"
                if self.progress is not None:
                    self.progress.write(msg, file=self.err)
                else:
                    print(msg, file=self.err)
        self.report.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.report.flush()
        if self.progress is not None:
            self.progress.update(1)


def _progress_bar(enabled: bool, err: TextIO):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="doc", file=err, dynamic_ncols=True, smoothing=0.1)


def convert(inputs: Iterable[str], out_dir: Union[str, Path], *, fmt: str = "yaml",
            workers: Optional[int] = None, resume: bool = False, quiet: bool = False,
            progress: Optional[bool] = None, engine: str = "process",
            scheduler: Optional[str] = None, chunksize: int = 4, limits: Limits = Limits(),
            batch_fn: BatchFn = convert_batch, err: Optional[TextIO] = None) -> Summary:
    """Convert every input document under ``inputs`` into ``out_dir``; see the module docstring.

    Raises UsageError (exit status 2) for a bad format, no inputs at all, or an unwritable
    OUTDIR; every problem with a single input becomes its error line in ``_report.jsonl``.
    """
    err = sys.stderr if err is None else err
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if engine not in ("process", "dask"):
        raise UsageError(f"unknown engine {engine!r}: use process or dask")
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    inputs = list(inputs)
    if not inputs:
        raise UsageError("no inputs given")
    out = prepare_outdir(out_dir)

    # Look ahead until the first real input, so "nothing to convert" is a usage error.
    stream = discover(inputs, exclude=[out], limits=limits)
    head: list = []
    for x in stream:
        head.append(x)
        if isinstance(x, Item) or x.get("error") not in _MISSING:
            break
    if not any(isinstance(x, Item) or x.get("error") not in _MISSING for x in head):
        detail = "; ".join(f"{x['input']}: {x['error']}" for x in head[:5])
        raise UsageError(f"no inputs found ({detail})" if detail else "no inputs found")

    report_path, jsonl_path = out / REPORT, out / JSONL
    prev: dict = {}
    if resume:
        prev = _previous_report(report_path)
        if fmt == "jsonl":
            prev.update(_previous_jsonl(jsonl_path))
    namer = Namer(EXT[fmt])
    bar = _progress_bar(not quiet and (progress if progress is not None else err.isatty()), err)
    t0 = time.perf_counter()
    jsonl_fh = None
    try:
        report = open(report_path, "w", encoding="utf-8", errors="backslashreplace")
        if fmt == "jsonl":
            if resume:
                _trim_partial_line(jsonl_path)
            jsonl_fh = open(jsonl_path, "a" if resume else "w", encoding="utf-8",
                            errors="backslashreplace")
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {out}: {exc.strerror or exc}") from None
    sink = _Sink(out, fmt, report, jsonl_fh, bar, None if quiet else err)

    def tasks() -> Iterator[Task]:
        from itertools import chain

        for x in chain(head, stream):
            if not isinstance(x, Item):
                sink(x, None)
                continue
            name = namer(x)
            output = JSONL if fmt == "jsonl" else name
            expect = None
            if resume:
                if fmt == "jsonl":
                    expect = prev.get(x.name)
                elif (out / name).exists():
                    expect = _recorded_sha(str(out / name)) or prev.get(x.name)
            yield Task(item=x, output=output, doc_id=name[: -len(namer.ext)], expect_sha=expect)

    try:
        if engine == "dask":
            from .dask_engine import run_dask

            run_dask(tasks(), sink, fmt=fmt, scheduler=scheduler, batch_size=max(1, chunksize))
        elif workers == 1:
            warm_up()
            for t in tasks():
                sink(*convert_task(t, fmt, str(out)))
        else:
            run_pool(tasks(), sink, workers=workers, fmt=fmt, out_dir=str(out),
                     chunksize=chunksize, batch_fn=batch_fn)
    finally:
        summary = sink.summary
        summary.seconds = time.perf_counter() - t0
        report.write(json.dumps(summary.line()) + "\n")
        report.close()
        if jsonl_fh is not None:
            jsonl_fh.close()
        if bar is not None:
            bar.close()
    if not quiet:
        print(f"vnplan: {summary.ok} converted, {summary.error} failed, {summary.skipped} skipped "
              f"in {summary.seconds:.2f} s ({summary.docs_per_s} docs/s) -> {out}", file=err)
    return summary
