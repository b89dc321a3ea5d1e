"""Batch conversion: many input files (folders, globs, .zip archives) -> one output per document.

The driver streams: inputs are discovered lazily in a deterministic order, at most a bounded
number of small batches are in flight on the process pool, and each result is written (and its
report line appended) as soon as it arrives, so memory stays flat in the number of documents.
Workers read their own input bytes: only paths and zip member names cross the process boundary.

Outputs are written atomically (a temporary file in OUTDIR, then ``os.replace``), so no half
file ever exists; ``resume`` skips inputs whose bytes hash to the ``source.sha256`` recorded
in their existing output or in the previous ``_report.jsonl``.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import zipfile
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TextIO, Union

SUPPORTED = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".doc"})
FORMATS = ("yaml", "json", "jsonl")
EXT = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}
REPORT = "_report.jsonl"
JSONL = "documents.jsonl"
ZIP_SEP = "!"  # "archive.zip!dir/member.txt": how a zip member is named in reports
_GLOB_MAGIC = re.compile(r"[*?\[]")
_SHA_RE = re.compile(r"""["']?sha256["']?\s*:\s*["']?([0-9a-f]{64})""")
_SAFE_RE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Limits:
    """Guards against zip bombs and absurd inputs (checked before anything is decompressed)."""

    max_total: int = 2 << 30  # total uncompressed bytes of one archive
    max_members: int = 100_000  # members of one archive
    max_ratio: float = 200.0  # uncompressed / compressed size of one member
    max_file: int = 256 << 20  # bytes of any single input document


@dataclass(frozen=True)
class Item:
    """One input document: a file on disk, or a member of a zip archive (read by the worker)."""

    path: str  # the file, or the archive
    member: Optional[str] = None  # the zip member name
    name: str = ""  # shown in reports and given to the reader as the source path
    rel: str = ""  # relative path used to disambiguate outputs that share a stem

    @property
    def stem(self) -> str:
        return _stem(self.member if self.member is not None else self.name)


@dataclass(frozen=True)
class Task:
    """An item with its output file name and, on resume, the input hash recorded last time."""

    item: Item
    output: str  # file name in OUTDIR ("documents.jsonl" for every item in jsonl)
    doc_id: str
    expect_sha: Optional[str] = None  # input hash recorded in the existing output / last report


@dataclass
class Summary:
    ok: int = 0
    error: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.ok + self.error + self.skipped

    @property
    def docs_per_s(self) -> float:
        """Documents processed (converted or failed, not skipped) per second of wall time."""
        done = self.ok + self.error
        return round(done / self.seconds, 2) if self.seconds > 0 else 0.0

    def line(self) -> dict:
        return {"summary": True, "ok": self.ok, "error": self.error, "skipped": self.skipped,
                "seconds": round(self.seconds, 3), "docs_per_s": self.docs_per_s}


class UsageError(Exception):
    """A problem with the command itself (no inputs, unwritable OUTDIR): exit status 2."""


BatchFn = Callable[[list, str, Optional[str]], list]


# --- discovery --------------------------------------------------------------------------------

def _stem(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    return stem or "document"


def _display(name: str) -> str:
    """A file name as valid text: undecodable bytes (surrogate escapes) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _hidden(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX"


def _unsafe_member(name: str) -> bool:
    """Absolute paths, drive letters and ``..`` components: never trusted, even in memory."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    return any(p == ".." for p in re.split(r"[\\/]", name))


def _record(name: str, output: Optional[str], status: str = "ok",
            error: Optional[str] = None) -> dict:
    """A report line; every line has every key, in the same order."""
    return {"input": name, "output": output, "status": status, "error": error, "sha256": None,
            "sections": None, "targets": None, "deadlines": None, "assignments": None,
            "warnings": None, "seconds": None}


def _error(name: str, message: str) -> dict:
    return _record(name, None, "error", message)


def _zip_items(path: Path, rel: str, limits: Limits) -> Iterator[Union[Item, dict]]:
    """The supported members of an archive, after the zip-bomb and path-traversal guards."""
    name = _display(str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
        yield _error(name, f"cannot open the zip archive: {exc}")
        return
    if len(infos) > limits.max_members:
        yield _error(name, f"zip archive refused: {len(infos)} members (limit {limits.max_members})")
        return
    total = sum(i.file_size for i in infos)
    if total > limits.max_total:
        yield _error(name, f"zip archive refused: {total} bytes uncompressed "
                           f"(limit {limits.max_total})")
        return
    for info in sorted(infos, key=lambda i: i.filename):
        member = info.filename
        if info.is_dir():
            continue
        shown = f"{name}{ZIP_SEP}{member}"
        if _unsafe_member(member):
            yield _error(shown, "zip member refused: absolute path or '..' in its name")
            continue
        parts = [p for p in re.split(r"[\\/]", member) if p]
        if not parts or any(_hidden(p) for p in parts):
            continue
        if Path(parts[-1]).suffix.lower() not in SUPPORTED:
            continue
        if info.file_size > limits.max_file:
            yield _error(shown, f"zip member refused: {info.file_size} bytes (limit {limits.max_file})")
            continue
        if info.file_size and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            yield _error(shown, "zip member refused: compression ratio above "
                                f"{limits.max_ratio:g} (possible zip bomb)")
            continue
        yield Item(path=str(path), member=member, name=_display(shown),
                   rel=_display(f"{rel}/{'/'.join(parts)}"))


def _walk(root: Path, exclude: tuple) -> Iterator[Union[Path, dict]]:
    """Files below ``root`` in sorted order, skipping hidden entries and excluded folders.

    Iterative (no recursion limit on deep trees); a folder reached twice through symbolic
    links is walked once; an unreadable folder becomes an error record.
    """
    seen: set = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield _error(_display(str(folder)), f"cannot read the folder: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            if _hidden(entry.name):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                if not _excluded(Path(entry.path), exclude):
                    subdirs.append(Path(entry.path))
            elif is_file:
                yield Path(entry.path)
        stack.extend(reversed(subdirs))  # depth first, in name order


def _excluded(p: Path, exclude: tuple) -> bool:
    try:
        rp = p.resolve()
    except OSError:
        return False
    return any(rp == e or e in rp.parents for e in exclude)


def _file_items(p: Path, rel: str, limits: Limits, explicit: bool) -> Iterator[Union[Item, dict]]:
    suffix = p.suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(p, rel, limits)
    elif explicit or suffix in SUPPORTED:
        yield Item(path=str(p), name=_display(str(p)), rel=_display(rel))


def discover(inputs: Iterable[str], exclude: Iterable = (),
             limits: Limits = Limits()) -> Iterator[Union[Item, dict]]:
    """Expand files, folders (recursively), globs and zip archives into Items, lazily.

    Problems (a missing path, a refused zip member) come out as error records in the stream,
    in place, so that one bad input never stops the others. Inside folders and archives only
    supported extensions are taken; a file named explicitly is always tried.
    """
    excl = tuple(Path(e).resolve() for e in exclude)
    seen: set = set()
    for arg in inputs:
        p = Path(arg)
        if p.exists() or not _GLOB_MAGIC.search(arg):
            paths = [p]
        else:
            paths = sorted(Path(x) for x in glob.glob(arg, recursive=True))
            if not paths:
                yield _error(_display(arg), "no file matches this pattern")
                continue
        for q in paths:
            key = os.path.abspath(q)
            if key in seen:
                continue
            seen.add(key)
            if q.is_dir():  # OUTDIR is excluded below an input folder, not when it is one
                base = q.resolve().name or "root"
                for f in _walk(q, excl):
                    if isinstance(f, dict):
                        yield f
                        continue
                    if f.name.endswith(".tmp"):
                        continue
                    rel = f"{base}/{f.relative_to(q).as_posix()}"
                    yield from _file_items(f, rel, limits, explicit=False)
            elif q.is_file():
                yield from _file_items(q, q.as_posix(), limits, explicit=True)
            elif q.exists():
                yield _error(_display(str(q)), "not a regular file or folder")
            else:
                yield _error(_display(str(q)), "no such file or folder")


def _suffix(rel: str, stem: str) -> str:
    """A readable, deterministic suffix from an input's relative path (folders and extension)."""
    parts = [x for x in re.split(r"[\\/]", rel) if x not in ("", ".")]
    ext = Path(parts[-1]).suffix.lstrip(".") if parts else ""
    bits = [_SAFE_RE.sub("-", x).strip("-") for x in parts[:-1]] + [ext]
    return "_".join(b for b in bits if b) or "dup"


class Namer:
    """Output file names: the input's stem, and for later inputs sharing it a path suffix.

    Names are compared case-insensitively (outputs may land on a case-insensitive disk) and
    never reuse one of our own fixed file names.
    """

    def __init__(self, ext: str):
        self.ext = ext
        self.used: set = {REPORT.casefold(), JSONL.casefold()}

    def __call__(self, item: Item) -> str:
        stem = item.stem
        cand = stem + self.ext
        if cand.casefold() in self.used:
            base = f"{stem}__{_suffix(item.rel, stem)}"
            cand, n = base + self.ext, 2
            while cand.casefold() in self.used:
                cand, n = f"{base}-{n}{self.ext}", n + 1
        self.used.add(cand.casefold())
        return cand


# --- the work done in a worker ----------------------------------------------------------------

@lru_cache(maxsize=4)
def _open_zip(path: str, mtime_ns: int, size: int) -> zipfile.ZipFile:
    """An archive kept open per worker, so 10,000 members don't re-read its directory 10,000 times."""
    return zipfile.ZipFile(path)


def read_item(item: Item, limits: Limits = Limits()) -> bytes:
    """The input bytes of one item (a zip member is read in memory, never extracted)."""
    if item.member is None:
        size = os.path.getsize(item.path)
        if size > limits.max_file:
            raise ValueError(f"file too large: {size} bytes (limit {limits.max_file})")
        with open(item.path, "rb") as fh:
            return fh.read()
    st = os.stat(item.path)
    zf = _open_zip(item.path, st.st_mtime_ns, st.st_size)
    info = zf.getinfo(item.member)
    if info.file_size > limits.max_file:
        raise ValueError(f"zip member too large: {info.file_size} bytes")
    with zf.open(info) as fh:  # ZipExtFile stops at the declared size and checks the CRC
        data = fh.read(limits.max_file + 1)
    if len(data) > limits.max_file:
        raise ValueError("zip member larger than declared")
    return data


def _recorded_sha(path: str) -> Optional[str]:
    """The source.sha256 written near the top of an existing YAML/JSON output, if any."""
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            head = fh.read(8192)
    except OSError:
        return None
    m = _SHA_RE.search(head)
    return m.group(1) if m else None


def atomic_write(path: Union[str, Path], text: Union[str, bytes]) -> None:
    """Write ``text`` (str as UTF-8, or bytes) to ``path`` through a temporary file in the same
    folder and os.replace: a reader never sees a half file.

    The temporary file is created with mode 0666 less the umask, like any ordinary output.
    """
    folder, base = os.path.split(os.fspath(path))
    for _ in range(100):
        tmp = os.path.join(folder, f".{base}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover
        raise OSError(f"cannot create a temporary file next to {path}")
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _counts(doc) -> dict:
    return {"sections": sum(1 for _ in doc.walk()), "targets": len(doc.targets),
            "deadlines": len(doc.deadlines), "assignments": len(doc.assignments),
            "warnings": sorted({w.code for w in doc.warnings})}


def convert_task(task: Task, fmt: str, out_dir: Optional[str]) -> tuple:
    """Read, parse and serialise one input; never raises.

    Returns ``(record, text)``: ``text`` is the serialised document when the caller has to
    write it (jsonl, or no ``out_dir``), else None because it was written here.
    """
    from . import parse
    from .emit import dumps
    from .read import ReadError, read_bytes

    t0 = time.perf_counter()
    item = task.item
    rec: dict = _record(item.name, task.output)
    text = None
    try:
        data = read_item(item)
        sha = hashlib.sha256(data).hexdigest()
        rec["sha256"] = sha
        target = os.path.join(out_dir, task.output) if out_dir and fmt != "jsonl" else None
        if task.expect_sha is not None and task.expect_sha == sha:
            rec["status"] = "skipped"
        elif not data.strip():
            raise ValueError("empty file: nothing to convert")
        else:
            doc_text, source = read_bytes(data, item.name)
            if not source.sha256:
                source.sha256 = sha
            doc = parse(doc_text, source=source, doc_id=task.doc_id)
            text = dumps(doc, fmt)
            rec.update(_counts(doc))
            if target:
                atomic_write(target, text)
                text = None
    except ReadError as exc:
        rec.update(status="error", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file never costs the rest
        rec.update(status="error", error=f"{type(exc).__name__}: {exc}")
    if rec["status"] == "error":
        rec["output"] = None
    rec["seconds"] = round(time.perf_counter() - t0, 4)
    return rec, text


_WARM_UP = ("ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
            "Sở Nội vụ chủ trì, phối hợp với các sở, ngành; hoàn thành trước ngày 31/12/2025; "
            "phấn đấu đến năm 2030 đạt 95%.\n")


def warm_up() -> None:
    """Load vocabularies and compile patterns once per worker, before its first timed input."""
    try:
        from . import parse
        from .emit import dumps

        dumps(parse(_WARM_UP), "yaml")
    except Exception:  # noqa: BLE001 - a warm-up must never stop a worker from starting
        pass


def convert_batch(tasks: list, fmt: str, out_dir: Optional[str]) -> list:
    """A batch of tasks in one worker call (fewer round trips through the pool's queue)."""
    return [convert_task(t, fmt, out_dir) for t in tasks]


# --- the driver -------------------------------------------------------------------------------

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


def _lines(path: Path) -> Iterator[str]:
    """The lines of a previous run's file; none when it cannot be read."""
    try:
        fh = open(path, "r", encoding="utf-8", errors="replace")
    except OSError:
        return
    with fh:
        yield from fh


def _previous_jsonl(path: Path) -> dict:
    """source.path -> source.sha256 of the documents already in documents.jsonl."""
    found: dict = {}
    dec = json.JSONDecoder()
    for line in _lines(path):
        if not line.endswith("\n"):
            break  # a line cut by a crash: converted again
        i = line.find('"source": ')
        if i < 0:
            continue
        try:
            src, _ = dec.raw_decode(line, i + len('"source": '))
        except ValueError:
            continue
        if isinstance(src, dict) and src.get("path") and src.get("sha256"):
            found[src["path"]] = src["sha256"]
    return found


def _previous_report(path: Path) -> dict:
    """input -> sha256 of the inputs the last run converted or skipped."""
    found: dict = {}
    for line in _lines(path):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and rec.get("status") in ("ok", "skipped") and rec.get("sha256"):
            found[rec.get("input")] = rec["sha256"]
    return found


def _trim_partial_line(path: Path) -> None:
    """Drop a last line left incomplete by a crash, so appending starts on a fresh line."""
    try:
        with open(path, "rb+") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            pos = size
            while pos > 0:
                step = min(65536, pos)
                fh.seek(pos - step)
                chunk = fh.read(step)
                k = chunk.rfind(b"\n")
                if k >= 0:
                    fh.truncate(pos - step + k + 1)
                    return
                pos -= step
            fh.truncate(0)
    except OSError:
        pass


def _batched(it: Iterable, n: int) -> Iterator[list]:
    batch: list = []
    for x in it:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _crash_record(task: Task) -> dict:
    return _error(task.item.name, "the worker process crashed on this input (killed, out of "
                                  "memory or a fault in a native library)")


def run_pool(tasks: Iterable[Task], sink: Callable, *, workers: int, fmt: str, out_dir: str,
             chunksize: int = 4, batch_fn: BatchFn = convert_batch) -> None:
    """Map ``batch_fn`` over batches of tasks on a process pool, streaming results to ``sink``.

    At most ``2 * workers`` batches are in flight. When a worker dies (BrokenProcessPool) the
    pool is restarted and the batches that were in flight are run again one input at a time,
    so that only the input that kills a worker is reported as failed.
    """
    batches = _batched(tasks, max(1, chunksize))
    limit = max(2, 2 * workers)
    pool = _new_pool(workers)
    inflight: dict = {}
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                b = next(batches, None)
                if b is None:
                    exhausted = True
                    break
                inflight[pool.submit(batch_fn, b, fmt, out_dir)] = b
            if not inflight:
                break
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            suspects: list = []
            for f in done:
                b = inflight.pop(f)
                _collect(f, b, sink, suspects)
            if suspects:  # the pool is broken: every other in-flight batch fails too
                for f, b in list(inflight.items()):
                    _collect(f, b, sink, suspects)
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers)
                for t in suspects:
                    try:
                        for rec in pool.submit(batch_fn, [t], fmt, out_dir).result():
                            sink(*rec)
                    except BrokenProcessPool:
                        sink(_crash_record(t), None)
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers)
                    except Exception as exc:  # noqa: BLE001
                        sink(_error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=warm_up)


def _collect(f, batch: list, sink: Callable, suspects: list) -> None:
    try:
        results = f.result()
    except BrokenProcessPool:
        suspects.extend(batch)
        return
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
        for t in batch:
            sink(_error(t.item.name, f"{type(exc).__name__}: {exc}"), None)
        return
    for rec in results:
        sink(*rec)


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
