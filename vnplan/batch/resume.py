"""What a previous run left: the input hashes recorded in outputs and reports (for --resume)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterator, Optional


_SHA_RE = re.compile(r"""["']?sha256["']?\s*:\s*["']?([0-9a-f]{64})""")


def _recorded_sha(path: str) -> Optional[str]:
    """The source.sha256 written near the top of an existing YAML/JSON output, if any."""
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            head = fh.read(8192)
    except OSError:
        return None
    m = _SHA_RE.search(head)
    return m.group(1) if m else None


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


COUNTS = ("sections", "targets", "deadlines", "assignments", "warnings")


def _previous_report(path: Path) -> dict:
    """input -> (sha256, counts) of the inputs the last run converted or skipped: a skipped
    input keeps its counts in the new report."""
    found: dict = {}
    for line in _lines(path):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and rec.get("status") in ("ok", "skipped") and rec.get("sha256"):
            found[rec.get("input")] = (rec["sha256"], {k: rec.get(k) for k in COUNTS})
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
