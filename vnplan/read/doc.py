"""Old Word binary .doc -> text, through antiword or LibreOffice, whichever is chosen.

antiword writes the text directly (UTF-8 output map): about 40 documents a second. LibreOffice
converts to .docx, which the .docx reader then reads (numbering, tables, legacy fonts), but
starts a whole office per file: under one document a second. By default antiword is used when
installed; ``vnplan --doc-reader`` (or VNPLAN_DOC_READER) chooses. Without either, the error
says what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Optional

from . import legacy

_TIMEOUT = 120  # seconds; LibreOffice's first start is slow


class DocError(ValueError):
    """The .doc could not be converted (message says why)."""


def _antiword(exe: str, data: bytes) -> str:
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        proc = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", str(src)], capture_output=True,
                              timeout=_TIMEOUT, check=False)
    if proc.returncode != 0:
        raise DocError(f"antiword failed: {proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return proc.stdout.decode("utf-8", "replace")


def _soffice(exe: str, data: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        env = dict(os.environ, HOME=tmp)  # a private profile: no clash with a running office
        proc = subprocess.run([exe, "--headless", "--norestore", "--convert-to", "docx",
                               "--outdir", tmp, str(src)], capture_output=True, timeout=_TIMEOUT,
                              check=False, env=env)
        out = Path(tmp) / "in.docx"
        if proc.returncode != 0 or not out.exists():
            raise DocError("LibreOffice could not convert it: "
                           f"{proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
        return out.read_bytes()


READERS = ("auto", "antiword", "libreoffice")
ENV = "VNPLAN_DOC_READER"  # the choice, so that worker processes see it too


def _choose(prefer: str) -> tuple[str, str]:
    """(reader, executable) for a .doc: ``auto`` takes antiword when installed (about 60 times
    faster than starting LibreOffice per file), LibreOffice otherwise."""
    if prefer not in READERS:
        raise DocError(f"unknown .doc reader {prefer!r}: use one of {', '.join(READERS)}")
    found = {"antiword": shutil.which("antiword"),
             "libreoffice": shutil.which("soffice") or shutil.which("libreoffice")}
    order = ("antiword", "libreoffice") if prefer == "auto" else (prefer,)
    for name in order:
        if found[name]:
            return name, found[name]
    if prefer == "auto":
        raise DocError("old Word .doc format: install antiword or LibreOffice "
                       "(or save the file as .docx)")
    raise DocError(f"old Word .doc format: the chosen reader {prefer} is not installed")


def read(data: bytes, name: str, prefer: Optional[str] = None) -> tuple[str, str, str]:
    """.doc bytes -> (text, encoding, reader name). ``prefer`` (default: the environment
    variable VNPLAN_DOC_READER, else "auto") picks antiword or LibreOffice; LibreOffice keeps
    the numbering and tables (through the .docx reader), antiword is much faster."""
    reader, exe = _choose(prefer or os.environ.get(ENV) or "auto")
    try:
        if reader == "libreoffice":
            from . import docx as _docx

            text, enc = _docx.read(_soffice(exe, data))
            return text, enc, "doc:libreoffice"
        text = unicodedata.normalize("NFC", _antiword(exe, data))
    except subprocess.TimeoutExpired:
        raise DocError("conversion of the .doc timed out") from None
    except OSError as exc:
        raise DocError(f"cannot run the .doc converter: {exc}") from None
    text, found = legacy.fix(text)
    return text, found or "utf-8", "doc:antiword"
