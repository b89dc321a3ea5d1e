"""Readers: a file or bytes -> (text, Source). One module per input format. (Contract.)

The format is decided by the content first (a .txt that is really a .docx zip, a PDF named
.doc, an HTML page saved as .doc) and by the extension only among text formats. Every problem
a user can cause - missing, empty, binary or corrupt file, unknown format - is a ReadError whose
message names the file and the problem; no other exception type leaves this package.
Format libraries (python-docx, pypdf, viparse) are imported only when a file needs them.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Callable

from ..model import Source
from .limits import MAX_PART, TooLarge, check_archive


class ReadError(Exception):
    """A file vnplan cannot read; the message names the file and the problem."""


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Magic numbers of files that are certainly not documents we read.
_BINARY_MAGIC = [
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
]
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_HEAD = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:p|div|br|table|span|h[1-6])\b[^>]*>", re.I)


def _sniff(data: bytes, name: str) -> str:
    """The format of ``data``: pdf, docx, doc, rtf or text (txt/md/html decided after decoding)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_ZIP):
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise ReadError(f"{name}: corrupt zip/docx file ({exc})") from None
        try:
            check_archive(infos, "zip/docx package")
        except TooLarge as exc:
            raise ReadError(f"{name}: {exc}") from None
        names = {i.filename for i in infos}
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names and b"opendocument.text" in head:
            return "odt"
        if any(n.startswith(("xl/", "ppt/")) for n in names) or "content.xml" in names:
            raise ReadError(f"{name}: unknown format: an office file that is not a Word document "
                            "(save it as .docx)")
        raise ReadError(f"{name}: unknown format: a zip archive, not a .docx document")
    if data.startswith(_OLE):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic) and what:
            raise ReadError(f"{name}: unknown format: {what}, not a document")
    return "text"


def _text_format(text: str, name: str) -> str:
    ext = Path(name).suffix.lower()
    head = text[:4000]
    if ext in _HTML_EXT or _HTML_HEAD.match(head) or (
            head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3):
        return "html"
    return "md" if ext in {".md", ".markdown"} else "txt"


def _read_text(data: bytes, name: str) -> tuple[str, str, str, str]:
    from . import text as _text

    try:
        text, enc = _text.decode(data, fix_legacy=False)
    except _text.NotText:
        raise ReadError(f"{name}: unknown format: binary data, not text") from None
    fmt = _text_format(text, name)
    if fmt == "html":
        from . import html as _html

        text, enc = _html.read(data, text, enc)
        return text, fmt, enc, "html"
    from . import legacy

    text, legacy_enc = legacy.fix(text)
    return text, fmt, legacy_enc or enc, "text"


def _read_docx(data: bytes, name: str) -> tuple[str, str, str, str]:
    from . import docx as _docx

    text, enc = _docx.read(data)
    return text, "docx", enc, "docx"


def _read_pdf(data: bytes, name: str) -> tuple[str, str, str, str]:
    from . import pdf as _pdf

    try:
        text, enc = _pdf.read(data)
    except _pdf.Encrypted as exc:
        raise ReadError(f"{name}: {exc}") from None
    if not text.strip():
        raise ReadError(f"{name}: no text layer: OCR it first")
    return text, "pdf", enc, "pdf"


def _read_doc(data: bytes, name: str) -> tuple[str, str, str, str]:
    from . import doc as _doc

    try:
        text, enc, reader = _doc.read(data, name)
    except _doc.DocError as exc:
        raise ReadError(f"{name}: {exc}") from None
    return text, "doc", enc, reader


def _read_odt(data: bytes, name: str) -> tuple[str, str, str, str]:
    from . import odt

    text, enc = odt.read(data)
    return text, "odt", enc, "odt"


def _read_rtf(data: bytes, name: str) -> tuple[str, str, str, str]:
    raise ReadError(f"{name}: RTF is not supported: save it as .docx")


_READERS: dict[str, Callable[[bytes, str], tuple[str, str, str, str]]] = {
    "text": _read_text, "docx": _read_docx, "pdf": _read_pdf, "doc": _read_doc, "rtf": _read_rtf,
    "odt": _read_odt,
}


def read_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, Source]:
    """Bytes of any supported format -> (Unicode NFC text, Source). Raises ReadError."""
    if isinstance(data, str):
        raise ReadError(f"{name}: expected bytes, got str (use vnplan.parse for text)")
    try:
        data = bytes(data)
    except (TypeError, ValueError):
        raise ReadError(f"{name}: expected bytes, got {type(data).__name__}") from None
    if not data:
        raise ReadError(f"{name}: empty file")
    fmt = _sniff(data, name)
    try:
        text, fmt, enc, reader = _READERS[fmt](data, name)
    except ReadError as exc:
        msg = str(exc)
        raise ReadError(msg if msg.startswith(name) else f"{name}: {msg}") from None
    except TooLarge as exc:
        raise ReadError(f"{name}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a corrupt file must surface as ReadError
        raise ReadError(f"{name}: cannot read this {fmt} file ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        what = "empty file (only white space)" if fmt in {"txt", "md"} else "no text in the document"
        raise ReadError(f"{name}: {what}")
    return text, Source(path=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(),
                        encoding=enc, reader=reader)


def read_path(path) -> tuple[str, Source]:
    """Read a file by path (str or Path) -> (text, Source). Raises ReadError."""
    try:
        p = Path(path)
    except TypeError:
        raise ReadError(f"{path!r}: not a file path") from None
    if p.is_dir():
        raise ReadError(f"{p}: is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_PART:
            raise ReadError(f"{p}: file too large: {size} bytes (limit {MAX_PART})")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{p}: no such file") from None
    except OSError as exc:
        raise ReadError(f"{p}: {exc.strerror or exc}") from None
    return read_bytes(data, str(p))


__all__ = ["ReadError", "read_bytes", "read_path"]
