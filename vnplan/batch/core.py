"""The vocabulary of batch conversion: limits, input items, tasks, report lines and the summary.

Every other module of the package imports from here and this module imports none of them,
so the package has no import cycle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..read.limits import MAX_PART, MAX_PARTS, MAX_RATIO, MAX_TOTAL


SUPPORTED = frozenset({".txt", ".md", ".docx", ".odt", ".pdf", ".html", ".htm", ".doc"})


FORMATS = ("yaml", "json", "jsonl")


EXT = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}


REPORT = "_report.jsonl"
CATALOG = "_catalog.yaml"  # written by `vnplan catalog` into the same folder


JSONL = "documents.jsonl"


ZIP_SEP = "!"  # "archive.zip!dir/member.txt": how a zip member is named in reports


@dataclass(frozen=True)
class Limits:
    """Guards against zip bombs and absurd inputs (checked before anything is decompressed),
    and the bounds of one input: its time and its worker's memory."""

    max_total: int = MAX_TOTAL  # total uncompressed bytes of one archive
    max_members: int = MAX_PARTS  # members of one archive
    max_ratio: float = MAX_RATIO  # uncompressed / compressed size of one member
    max_file: int = MAX_PART  # bytes of any single input document
    timeout: float = 60.0  # seconds one input may take (0: no limit)
    memory: int = 2 << 30  # bytes of address space of one worker process (0: no limit)


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
    timeout: float = 0.0  # seconds this input may take (0: no limit)
    previous: Optional[dict] = None  # on resume: the counts the last report gave this input
    seq: int = 0  # position in the input order: results are reported in this order


@dataclass
class Summary:
    """Counts by status: ``partial`` (a stage failed; written) and ``error`` fail the command,
    ``ignored`` (not a document we read: an unsupported file, a nested archive, a link out of
    the input) and ``skipped`` (current on --resume) do not."""

    ok: int = 0
    error: int = 0
    skipped: int = 0
    partial: int = 0
    ignored: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def total(self) -> int:
        return self.ok + self.partial + self.error + self.skipped + self.ignored

    @property
    def failed(self) -> int:
        return self.error + self.partial

    @property
    def docs_per_s(self) -> float:
        """Documents processed (converted or failed, not skipped) per second of wall time."""
        done = self.ok + self.partial + self.error
        return round(done / self.seconds, 2) if self.seconds > 0 else 0.0

    def count(self, status: Optional[str]) -> None:
        name = status if status in ("ok", "partial", "skipped", "ignored") else "error"
        setattr(self, name, getattr(self, name) + 1)

    def line(self) -> dict:
        return {"summary": True, "ok": self.ok, "partial": self.partial, "error": self.error,
                "skipped": self.skipped, "ignored": self.ignored,
                "seconds": round(self.seconds, 3), "docs_per_s": self.docs_per_s,
                "interrupted": self.interrupted}


class UsageError(Exception):
    """A problem with the command itself (no inputs, unwritable OUTDIR): exit status 2."""


BatchFn = Callable[[list, str, Optional[str]], list]


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


def _record(name: str, output: Optional[str], status: str = "ok",
            error: Optional[str] = None) -> dict:
    """A report line; every line has every key, in the same order."""
    return {"input": name, "output": output, "status": status, "error": error, "sha256": None,
            "sections": None, "targets": None, "deadlines": None, "assignments": None,
            "warnings": None, "seconds": None}


def _error(name: str, message: str) -> dict:
    return _record(name, None, "error", message)


def _ignored(name: str, why: str) -> dict:
    """The line of an input that is not a document we read, and why (never silent)."""
    return _record(name, None, "ignored", why)
