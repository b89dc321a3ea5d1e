"""Emitters: Document -> YAML / JSON text, and back.

The YAML is written by a small emitter of our own rather than by PyYAML's dumper: a document
has a few thousand nodes, and PyYAML's Python-level representer costs ~2 µs a node even over
libyaml's C emitter (about 6 ms for a 20 KB plan, as much as parsing it). The tree is plain
(mappings with str keys, lists, str, int, float, bool, None), so the emitter is short, and
tests check that PyYAML reads every output back to the same data. Reading uses libyaml's C
loader when present.

Layout: a stable key order, real Unicode (no escapes), spans on one line (``[12, 40]``), and
multi-line strings such as the cleaned ``text`` as literal blocks so the file stays readable.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Iterator, Union

import yaml

from .model import Document, from_dict, to_dict

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A string may stand plain (unquoted) when it starts with a letter, holds only characters that
# mean nothing to YAML in this position, and is not a word YAML 1.1 reads as a bool or null.
_PLAIN = re.compile(r"[^\W\d_][\w ,.()/%+&'’“”–-]*", re.UNICODE)
_RESERVED = frozenset("y n yes no on off true false null".split())
# What a literal block cannot hold: white space at a line's end or start, a character YAML
# would escape (controls, C1, surrogates, BOM, non-characters, line and paragraph separators).
_NOT_BLOCK = re.compile(r"[ \t](?:\n|$)|(?:^|\n)[ \t]|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
                        r"\ufeff\ufffe\uffff\ud800-\udfff]")
# Characters a double-quoted scalar must escape beyond what JSON escapes.
_YAML_ESCAPE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quote(s: str) -> str:
    q = json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", q)


def _scalar(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return ".nan"
        if math.isinf(v):
            return ".inf" if v > 0 else "-.inf"
        r = repr(v).lower()  # YAML 1.1 floats need a dot: "5e-324" -> "5.0e-324"
        return r.replace("e", ".0e", 1) if "." not in r and "e" in r else r
    s = str(v)
    if _PLAIN.fullmatch(s) and s.lower() not in _RESERVED and not s.endswith((" ", ":")):
        return s
    return _quote(s)


def _block(s: str, indent: str) -> str | None:
    """A literal block for a multi-line string, or None when it must be quoted."""
    if "\n" not in s or _NOT_BLOCK.search(s):
        return None
    if s.endswith("\n\n"):
        return None  # would need the "keep" indicator; rare, quote it instead
    head = "|" if s.endswith("\n") else "|-"
    body = s[:-1] if s.endswith("\n") else s
    return head + "\n" + "\n".join(indent + line if line else "" for line in body.split("\n"))


def _emit(value, indent: str, out: list) -> None:
    """Append the lines of a mapping or list value at ``indent``."""
    if isinstance(value, dict):
        for k, v in value.items():
            key = _scalar(k)
            if isinstance(v, dict) and v:
                out.append(f"{indent}{key}:")
                _emit(v, indent + "  ", out)
            elif isinstance(v, list) and v and not _is_span(v):
                out.append(f"{indent}{key}:")
                _emit(v, indent, out)
            else:
                out.append(f"{indent}{key}: {_inline(v, indent + '  ')}")
    else:
        for v in value:
            if _nested(v):
                sub: list = []
                _emit(v, indent + "  ", sub)
                sub[0] = indent + "- " + sub[0][len(indent) + 2:]
                out.extend(sub)
            else:
                out.append(f"{indent}- {_inline(v, indent + '  ')}")


def _nested(v) -> bool:
    """A value written on lines of its own: a non-empty mapping, or a list other than a span."""
    return bool(v) and (isinstance(v, dict) or isinstance(v, list) and not _is_span(v))


def _is_span(v: list) -> bool:
    return len(v) == 2 and type(v[0]) is int and type(v[1]) is int


def _inline(v, indent: str) -> str:
    if isinstance(v, list):
        return f"[{v[0]}, {v[1]}]" if v else "[]"
    if isinstance(v, dict):
        return "{}"
    if isinstance(v, str) and len(v) > 80:
        block = _block(v, indent)
        if block is not None:
            return block
    return _scalar(v)


def to_yaml(doc: Document) -> str:
    out: list = []
    _emit(to_dict(doc), "", out)
    return "\n".join(out) + "\n"


def to_json(doc: Document, indent: int | None = 1) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def dumps(doc: Document, fmt: str = "yaml") -> str:
    """Serialise in one of the output formats: yaml, json or jsonl (one line)."""
    if fmt == "yaml":
        return to_yaml(doc)
    if fmt == "json":
        return to_json(doc) + "\n"
    if fmt == "jsonl":
        return to_json(doc, indent=None) + "\n"
    raise ValueError(f"unknown format {fmt!r}: use yaml, json or jsonl")


def loads(text: str) -> Document:
    """Read a Document back from YAML or JSON text written by ``dumps``."""
    data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict):
        raise ValueError("not a vnplan document: the top level is not a mapping")
    return from_dict(data)


# --- reading output back: the one reader behind load, catalog, export, compare and frames ------

SINGLE = (".yaml", ".yml", ".json")  # one document per file
LINES = (".jsonl", ".ndjson")  # one document per line


def is_output(path: Union[str, Path]) -> bool:
    """True for a file name vnplan output can have (.yaml .yml .json .jsonl .ndjson)."""
    return Path(path).suffix.lower() in SINGLE + LINES


def _jsonl(path: Path) -> Iterator[Document]:
    """The documents of a jsonl file; a later line for the same source replaces the earlier
    one (``convert --resume`` appends a new line when an input changed). A last line cut
    short by a stopped run is skipped; a bad line elsewhere is an error naming its number."""
    latest: dict = {}
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            if n == len(lines):  # no newline after it: an interrupted write
                break
            raise ValueError(f"{path}:{n}: not a JSON line ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ValueError(f"{path}:{n}: not a vnplan document")
        key = (data.get("source") or {}).get("path") or data.get("id") or f"#{n}"
        latest.pop(key, None)  # the newest version takes the newest place
        latest[key] = data
    for data in latest.values():
        yield from_dict(data)


def _single(path: Path) -> Document:
    try:
        return loads(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as exc:
        raise ValueError(f"{path}: not vnplan output ({str(exc).splitlines()[0]})") from None


def iter_outputs(path: Union[str, Path]) -> Iterator[Document]:
    """Every Document in vnplan output at ``path``: a .yaml/.json file, a .jsonl file (many
    documents), or a folder holding any mix of them, searched recursively in name order.
    Names starting with "_" or "." (the run's report, the catalog, temporary files) are not
    documents and are skipped."""
    p = Path(path)
    if p.is_dir():
        for f in sorted(p.rglob("*")):
            rel = f.relative_to(p).parts
            if f.is_file() and is_output(f) and not any(x[:1] in "_." for x in rel):
                yield from iter_outputs(f)
    elif p.suffix.lower() in LINES:
        yield from _jsonl(p)
    elif p.exists() or p.suffix.lower() in SINGLE:
        yield _single(p)
    else:
        raise FileNotFoundError(f"{p}: no such file or folder")


def load(path: Union[str, Path]) -> Union[Document, list]:
    """A Document from a .yaml/.json file written by vnplan; a list of Documents from a .jsonl
    file or a folder of output (see ``iter_outputs``)."""
    p = Path(path)
    if p.is_dir() or p.suffix.lower() in LINES:
        return list(iter_outputs(p))
    return _single(p)
