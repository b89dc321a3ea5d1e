"""The work done in a worker: read one input, parse it, serialise it, write it atomically."""
from __future__ import annotations

import errno
import hashlib
import os
import time
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from .bounds import InputTimeout, deadline
from .core import Item, Limits, Task, _record


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


def atomic_write(path: Union[str, Path], text: Union[str, bytes]) -> None:
    """Write ``text`` (str as UTF-8, or bytes) to ``path`` through a temporary file in the same
    folder and os.replace: a reader never sees a half file.

    The temporary file is created with mode 0666 less the umask, like any ordinary output.
    """
    folder, base = os.path.split(os.fspath(path))
    for _ in range(100):
        # not named after ``base``: a long input name would make it too long for the disk
        tmp = os.path.join(folder, f".vnplan-{os.getpid()}-{os.urandom(6).hex()}.tmp")
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


DISK_FULL = "disk full: "  # starts the error of an output the disk refused: the run stops
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class DiskFull(Exception):
    """The disk refused an output (no space, quota, file size limit)."""


def _stage_errors(doc) -> Optional[str]:
    """The stages that failed on a document ("stage outline: ValueError: ..."), if any."""
    errs = [w.message for w in doc.warnings if w.code == "stage-error"]
    return "; ".join(f"stage {m}" for m in errs) if errs else None


def convert_task(task: Task, fmt: str, out_dir: Optional[str]) -> tuple:
    """Read, parse and serialise one input within its time limit; never raises.

    Returns ``(record, text)``: ``text`` is the serialised document when the caller has to
    write it (jsonl, or no ``out_dir``), else None because it was written here. A document
    some stage failed on is written but ``partial``, with the stage and its error.
    """
    t0 = time.perf_counter()
    rec: dict = _record(task.item.name, task.output)
    text = None
    try:
        with deadline(task.timeout):
            text = _convert(task, fmt, out_dir, rec)
    except InputTimeout as exc:
        rec.update(status="error", error=str(exc))
    except DiskFull as exc:
        rec.update(status="error", error=DISK_FULL + str(exc))
    except MemoryError:
        rec.update(status="error", error="out of memory (the worker's --memory limit)")
    except Exception as exc:  # noqa: BLE001 - one bad file never costs the rest
        rec.update(status="error", error=_message(exc))
    if rec["status"] == "error":
        rec["output"], text = None, None
    rec["seconds"] = round(time.perf_counter() - t0, 4)
    return rec, text


def _message(exc: Exception) -> str:
    from ..read import ReadError

    return str(exc) if isinstance(exc, ReadError) else f"{type(exc).__name__}: {exc}"


def _convert(task: Task, fmt: str, out_dir: Optional[str], rec: dict) -> Optional[str]:
    from ..pipeline import parse
    from ..emit import dumps
    from ..read import read_bytes

    item = task.item
    data = read_item(item)
    sha = hashlib.sha256(data).hexdigest()
    rec["sha256"] = sha
    if task.expect_sha is not None and task.expect_sha == sha:
        rec["status"] = "skipped"
        rec.update(task.previous or {})
        return None
    if not data.strip():
        raise ValueError("empty file: nothing to convert")
    doc_text, source = read_bytes(data, item.name)
    if not source.sha256:
        source.sha256 = sha
    doc = parse(doc_text, source=source, doc_id=task.doc_id)
    text = dumps(doc, fmt)
    rec.update(_counts(doc))
    failed = _stage_errors(doc)
    if failed:
        rec.update(status="partial", error=failed)
    if out_dir and fmt != "jsonl":
        path = os.path.join(out_dir, task.output)
        try:
            atomic_write(path, text)
        except OSError as exc:
            if exc.errno in _FULL:
                raise DiskFull(f"cannot write {path}: {exc.strerror}") from None
            raise
        return None
    return text


_WARM_UP = ("ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
            "Sở Nội vụ chủ trì, phối hợp với các sở, ngành; hoàn thành trước ngày 31/12/2025; "
            "phấn đấu đến năm 2030 đạt 95%.\n")


def warm_up() -> None:
    """Load vocabularies and compile patterns once per worker, before its first timed input."""
    try:
        from ..pipeline import parse
        from ..emit import dumps

        dumps(parse(_WARM_UP), "yaml")
    except Exception:  # noqa: BLE001 - a warm-up must never stop a worker from starting
        pass


def convert_batch(tasks: list, fmt: str, out_dir: Optional[str]) -> list:
    """A batch of tasks in one worker call (fewer round trips through the pool's queue)."""
    return [convert_task(t, fmt, out_dir) for t in tasks]
