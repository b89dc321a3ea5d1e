"""Where results land: outputs, report lines and counts, in input order, never half-written.

Results arrive in order of completion; each carries its input's sequence number and waits
until every earlier input is reported, so ``_report.jsonl`` and ``documents.jsonl`` list the
inputs in the order they were given, whatever the number of workers. Each line is written
with one system call; if the disk refuses it, the file is cut back to its last whole line and
the command stops with one clear error naming the file (OutputError).
"""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Optional, TextIO

from .core import Summary
from .work import DISK_FULL, atomic_write

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


class OutputError(Exception):
    """An output file cannot be written (a full disk): the command stops (exit status 1)."""


class LineFile:
    """An append-only file of whole lines: a failed write is undone (truncated), never half."""

    def __init__(self, path: Path, append: bool = False):
        self.path = path
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        self.fd = os.open(path, flags, 0o666)

    def add(self, line: str) -> None:
        data = line.encode("utf-8", "replace")
        pos = os.lseek(self.fd, 0, os.SEEK_END)
        try:
            view = memoryview(data)
            while view:
                n = os.write(self.fd, view)
                view = view[n:]
        except OSError as exc:
            try:
                os.ftruncate(self.fd, pos)
            except OSError:
                pass
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class Sink:
    """Receives every result (``sink(seq, rec, text)``): writes it in input order, counts it."""

    def __init__(self, out: Path, report: LineFile, jsonl: Optional[LineFile], progress,
                 err: Optional[TextIO], max_errors_shown: int = 20):
        self.out, self.report, self.jsonl = out, report, jsonl
        self.progress, self.err, self.max_shown = progress, err, max_errors_shown
        self.summary = Summary()
        self.waiting: dict = {}  # seq -> (rec, text) that arrived before an earlier input
        self.next = 0

    def __call__(self, seq: int, rec: dict, text: Optional[str]) -> None:
        self.waiting[seq] = (rec, text)
        while self.next in self.waiting:
            self._write(*self.waiting.pop(self.next))
            self.next += 1

    def _write(self, rec: dict, text: Optional[str]) -> None:
        if text is not None and rec.get("status") in ("ok", "partial"):
            try:
                if self.jsonl is not None:
                    self.jsonl.add(text if text.endswith("\n") else text + "\n")
                else:
                    atomic_write(str(self.out / rec["output"]), text)
            except OSError as exc:
                if exc.errno in _DISK_FULL:
                    raise OutputError(f"cannot write {self.out / rec['output']}: "
                                      f"{exc.strerror}") from None
                rec.update(status="error", output=None, error=f"cannot write the output: {exc}")
        self.summary.count(rec.get("status"))
        if str(rec.get("error") or "").startswith(DISK_FULL):
            self.report.add(json.dumps(rec, ensure_ascii=False) + "\n")
            raise OutputError(rec["error"][len(DISK_FULL):])
        if rec.get("status") in ("error", "partial"):
            self._show(rec)
        self.report.add(json.dumps(rec, ensure_ascii=False) + "\n")
        if self.progress is not None:
            self.progress.update(1)

    def _show(self, rec: dict) -> None:
        if self.err is None or self.summary.failed > self.max_shown:
            return
        where, what = str(rec.get("input")), str(rec.get("error"))
        kind = "partial" if rec.get("status") == "partial" else "error"
        msg = f"vnplan: {kind}: {what if what.startswith(where) else where + ': ' + what}"
        if self.progress is not None:
            self.progress.write(msg, file=self.err)
        else:
            print(msg, file=self.err)
