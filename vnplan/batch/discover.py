"""Discovery: files, folders, globs and zip archives -> input items (or error lines), lazily,
in a deterministic order; and the output names given to them."""
from __future__ import annotations

import glob
import hashlib
import os
import re
import zipfile
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .core import (CATALOG, JSONL, REPORT, SUPPORTED, ZIP_SEP, Item, Limits, _display, _error,
                   _ignored)


_GLOB_MAGIC = re.compile(r"[*?\[]")


_SAFE_RE = re.compile(r"[^\w.-]+")
_OUTPUTS = frozenset({".yaml", ".json", ".jsonl"})  # what vnplan writes into OUTDIR


def _hidden(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX"


def _unsafe_member(name: str) -> bool:
    """Absolute paths, drive letters and ``..`` components: never trusted, even in memory."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    return any(p == ".." for p in re.split(r"[\\/]", name))


def _zip_items(path: Path, rel: str, limits: Limits) -> Iterator[Union[Item, dict]]:
    """The supported members of an archive, after the zip-bomb and path-traversal guards."""
    name = _display(str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
        yield _error(name, f"cannot open the zip archive: {exc}")
        return
    if len(infos) > limits.max_members:
        yield _error(name, f"zip archive refused: {len(infos)} members (limit {limits.max_members})")
        return
    total = sum(i.file_size for i in infos)
    if total > limits.max_total:
        yield _error(name, f"zip archive refused: {total} bytes uncompressed "
                           f"(limit {limits.max_total})")
        return
    for info in sorted(infos, key=lambda i: i.filename):
        if not info.is_dir():
            yield _member(path, name, rel, info, limits)


def _why_not(parts: list, in_archive: bool) -> Optional[str]:
    """Why a file is not read as a document (hidden, nested archive, unsupported), or None."""
    if any(_hidden(p) for p in parts):
        return "hidden file or folder: not read"
    ext = Path(parts[-1]).suffix.lower()
    if ext == ".zip" and in_archive:
        return "archive inside an archive: not opened (unpack it first)"
    if ext not in SUPPORTED:
        return f"unsupported format ({ext or 'no extension'}): not read"
    return None


def _member(path: Path, name: str, rel: str, info: zipfile.ZipInfo,
            limits: Limits) -> Union[Item, dict]:
    """One zip member: an Item, or the line saying why it is not converted."""
    member = info.filename
    shown = _display(f"{name}{ZIP_SEP}{member}")
    if _unsafe_member(member):
        return _error(shown, "zip member refused: absolute path or '..' in its name")
    parts = [p for p in re.split(r"[\\/]", member) if p not in ("", ".")]  # "./x.txt" is x.txt
    if not parts:
        return _ignored(shown, "zip member with no file name: not read")
    why = _why_not(parts, in_archive=True)
    if why:
        return _ignored(shown, why)
    if info.file_size > limits.max_file:
        return _error(shown, f"zip member refused: {info.file_size} bytes (limit {limits.max_file})")
    if info.file_size and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        return _error(shown, "zip member refused: compression ratio above "
                             f"{limits.max_ratio:g} (possible zip bomb)")
    return Item(path=str(path), member=member, name=shown,
                rel=_display(f"{rel}/{'/'.join(parts)}"))


def _walk(root: Path, exclude: tuple) -> Iterator[Union[Path, dict]]:
    """Files below ``root`` in sorted order; excluded folders (OUTDIR) left out.

    Iterative (no recursion limit on deep trees); a folder reached twice through symbolic
    links is walked once; a link leading out of ``root`` or nowhere, a hidden entry and an
    unreadable folder each get their line (never a silent skip).
    """
    seen: set = set()
    try:
        top = root.resolve()
    except OSError:
        top = root
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield _error(_display(str(folder)), f"cannot read the folder: {exc.strerror or exc}")
            continue
        own = _excluded(folder, exclude)  # OUTDIR given as the input: its outputs are ours
        subdirs = []
        for entry in entries:
            if own and os.path.splitext(entry.name)[1].lower() in _OUTPUTS:
                continue
            kind = _kind(entry, top, exclude)
            if isinstance(kind, dict):
                yield kind
            elif kind == "dir":
                subdirs.append(Path(entry.path))
            elif kind == "file":
                yield Path(entry.path)
        stack.extend(reversed(subdirs))  # depth first, in name order


def _kind(entry: os.DirEntry, top: Path, exclude: tuple) -> Union[str, dict, None]:
    """"dir", "file", None (OUTDIR: ours) or the line of an entry that is not read."""
    shown = _display(entry.path)
    if _hidden(entry.name):
        return _ignored(shown, "hidden file or folder: not read")
    try:
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if not target.exists():
                return _ignored(shown, "dangling link: its target does not exist")
            if target != top and top not in target.parents:
                return _ignored(shown, "link to outside the input folder: not followed")
        is_dir = entry.is_dir()
        is_file = not is_dir and entry.is_file()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop on older Pythons
        return _ignored(shown, f"cannot follow this entry: {exc}")
    if is_dir:
        return None if _excluded(Path(entry.path), exclude) else "dir"
    if is_file:
        return "file"
    return _ignored(shown, "not a regular file or folder: not read")


def _excluded(p: Path, exclude: tuple) -> bool:
    try:
        rp = p.resolve()
    except OSError:
        return False
    return any(rp == e or e in rp.parents for e in exclude)


def _file_items(p: Path, rel: str, limits: Limits, explicit: bool) -> Iterator[Union[Item, dict]]:
    suffix = p.suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(p, rel, limits)
        return
    why = None if explicit else _why_not([p.name], in_archive=False)
    if why:
        yield _ignored(_display(str(p)), why)
    else:
        yield Item(path=str(p), name=_display(str(p)), rel=_display(rel))


def discover(inputs: Iterable[str], exclude: Iterable = (),
             limits: Limits = Limits()) -> Iterator[Union[Item, dict]]:
    """Expand files, folders (recursively), globs and zip archives into Items, lazily.

    Problems (a missing path, a refused zip member) come out as error records in the stream,
    in place, so that one bad input never stops the others. Inside folders and archives only
    supported extensions are taken; a file named explicitly is always tried.
    """
    excl = tuple(Path(e).resolve() for e in exclude)
    seen: set = set()
    for arg in inputs:
        p = Path(arg)
        if p.exists() or not _GLOB_MAGIC.search(arg):
            paths = [p]
        else:
            paths = sorted(Path(x) for x in glob.glob(arg, recursive=True))
            if not paths:
                yield _error(_display(arg), "no file matches this pattern")
                continue
        for q in paths:
            key = os.path.abspath(q)
            if key in seen:
                continue
            seen.add(key)
            if q.is_dir():  # OUTDIR is excluded below an input folder, not when it is one
                base = q.resolve().name or "root"
                for f in _walk(q, excl):
                    if isinstance(f, dict):
                        yield f
                        continue
                    rel = f"{base}/{f.relative_to(q).as_posix()}"
                    yield from _file_items(f, rel, limits, explicit=False)
            elif q.is_file():
                yield from _file_items(q, q.as_posix(), limits, explicit=True)
            elif q.exists():
                yield _error(_display(str(q)), "not a regular file or folder")
            else:
                yield _error(_display(str(q)), "no such file or folder")


def _suffix(rel: str, stem: str) -> str:
    """A readable, deterministic suffix from an input's relative path (folders and extension)."""
    parts = [x for x in re.split(r"[\\/]", rel) if x not in ("", ".")]
    ext = Path(parts[-1]).suffix.lstrip(".") if parts else ""
    bits = [_SAFE_RE.sub("-", x).strip("-") for x in parts[:-1]] + [ext]
    return "_".join(b for b in bits if b) or "dup"


_MAX_STEM = 150  # bytes: with a suffix, "-N" and the extension, well inside a 255-byte name


def _short(stem: str) -> str:
    """A stem cut to _MAX_STEM bytes plus a hash of the whole, so long names stay distinct."""
    raw = stem.encode("utf-8", "replace")
    if len(raw) <= _MAX_STEM:
        return stem
    digest = hashlib.sha256(raw).hexdigest()[:10]
    return raw[: _MAX_STEM - 11].decode("utf-8", "ignore").rstrip() + "-" + digest


class Namer:
    """Output file names: the input's stem, and for later inputs sharing it a path suffix.

    Names are compared case-insensitively (outputs may land on a case-insensitive disk), long
    ones are shortened with a hash, and none is ever one of vnplan's own files (the report,
    documents.jsonl, the catalog).
    """

    def __init__(self, ext: str):
        self.ext = ext
        self.used: set = {REPORT.casefold(), JSONL.casefold(), CATALOG.casefold()}

    def __call__(self, item: Item) -> str:
        stem = _short(item.stem)
        cand = stem + self.ext
        if cand.casefold() in self.used:
            base = _short(f"{stem}__{_suffix(item.rel, stem)}")
            cand, n = base + self.ext, 2
            while cand.casefold() in self.used:
                cand, n = f"{base}-{n}{self.ext}", n + 1
        self.used.add(cand.casefold())
        return cand
