"""The work done in a worker: read one input, parse it, serialise it, write it atomically."""
from __future__ import annotations

import hashlib
import os
import time
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

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
    from .. import parse
    from ..emit import dumps
    from ..read import ReadError, read_bytes

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
        from .. import parse
        from ..emit import dumps

        dumps(parse(_WARM_UP), "yaml")
    except Exception:  # noqa: BLE001 - a warm-up must never stop a worker from starting
        pass


def convert_batch(tasks: list, fmt: str, out_dir: Optional[str]) -> list:
    """A batch of tasks in one worker call (fewer round trips through the pool's queue)."""
    return [convert_task(t, fmt, out_dir) for t in tasks]
