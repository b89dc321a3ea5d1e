"""Old Word binary .doc -> text, through antiword or LibreOffice when one is installed.

antiword writes the text directly (UTF-8 output map); LibreOffice converts to .docx, which the
.docx reader then reads (numbering, tables, legacy fonts). Without either, the error says
what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

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


def read(data: bytes, name: str) -> tuple[str, str, str]:
    """.doc bytes -> (text, encoding, reader name). LibreOffice first: it keeps the fonts that
    tell a .VnTime document apart, and the numbering; antiword when it is all there is."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    if not soffice and not antiword:
        raise DocError("old Word .doc format: install antiword or LibreOffice "
                       "(or save the file as .docx)")
    try:
        if soffice:
            from . import docx as _docx

            text, enc = _docx.read(_soffice(soffice, data))
            return text, enc, "doc:libreoffice"
        text = unicodedata.normalize("NFC", _antiword(antiword, data))
    except subprocess.TimeoutExpired:
        raise DocError("conversion of the .doc timed out") from None
    except OSError as exc:
        raise DocError(f"cannot run the .doc converter: {exc}") from None
    text, found = legacy.fix(text)
    return text, found or "utf-8", "doc:antiword"
