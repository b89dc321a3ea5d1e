"""Bounds on what one input may expand to: the zip-bomb limits of batch conversion, applied
alike to the members of a .zip archive, the parts of a .docx package and the text a .docx or
.pdf produces (numbering labels, repeated footnotes), so a small file cannot cost gigabytes."""
from __future__ import annotations

MAX_PART = 256 << 20  # bytes of one input document, zip member or package part
MAX_TOTAL = 2 << 30  # uncompressed bytes of one archive or package
MAX_PARTS = 100_000  # members of one archive or package
MAX_RATIO = 200.0  # uncompressed / compressed size of one member (above MIN_RATIO_SIZE)
MIN_RATIO_SIZE = 1 << 20  # smaller package parts may compress better than MAX_RATIO
MIN_TEXT = 4 << 20  # characters any document may produce, whatever its size
MAX_LABEL = 26 * 10  # a list counter beyond this is written in digits ("zzz..." is absurd)


class TooLarge(ValueError):
    """An input that would expand past one of the bounds."""


def text_budget(n_bytes: int) -> int:
    """Characters a document of ``n_bytes`` may expand to: MAX_RATIO times its size."""
    return int(min(MAX_PART, max(MIN_TEXT, MAX_RATIO * n_bytes)))


def check_archive(infos: list, what: str = "package") -> None:
    """Refuse an archive/package whose directory announces a bomb (raises TooLarge)."""
    if len(infos) > MAX_PARTS:
        raise TooLarge(f"{what} refused: {len(infos)} parts (limit {MAX_PARTS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise TooLarge(f"{what} refused: {total} bytes uncompressed (limit {MAX_TOTAL})")
    for i in infos:
        if i.file_size > MAX_PART:
            raise TooLarge(f"{what} refused: part {i.filename} has {i.file_size} bytes "
                           f"(limit {MAX_PART})")
        if i.file_size > MIN_RATIO_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise TooLarge(f"{what} refused: part {i.filename} expands more than "
                           f"{MAX_RATIO:g} times (possible zip bomb)")
