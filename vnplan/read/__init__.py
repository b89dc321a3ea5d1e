"""Readers: a file or bytes -> (text, Source). One module per input format. (Contract.)"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Source


class ReadError(Exception):
    """A file vnplan cannot read; the message names the file and the problem."""


def read_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, Source]:
    sha = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
        enc = "utf-8"
    except UnicodeDecodeError:
        raise ReadError(f"{name}: cannot decode the text")
    return text, Source(path=name, format=Path(name).suffix.lstrip(".") or "txt", sha256=sha,
                        encoding=enc, reader="text")


def read_path(path) -> tuple[str, Source]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: {exc.strerror or exc}") from None
    return read_bytes(data, str(p))
