"""Emitters: Document -> YAML / JSON text, and back.

YAML is written with a stable key order and real Unicode (no escapes); the long cleaned
``text`` is written as a literal block so the file stays readable. libyaml's C emitter is
used when present (it is several times faster than the pure-Python one).
"""
from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .model import Document, from_dict, to_dict

try:  # libyaml when the wheel has it
    _Dumper = yaml.CSafeDumper
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Dumper = yaml.SafeDumper
    _Loader = yaml.SafeLoader


class _BlockDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


def _str(dumper: Any, value: str):
    style = "|" if "\n" in value and len(value) > 80 and _block_safe(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


# What a literal block cannot hold: white space before a line end (or at the very end), or a
# character YAML would have to escape (controls, surrogates, BOM, line/paragraph separators).
_NOT_BLOCK_SAFE = re.compile(r"[ \t](?:\n|$)|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def _block_safe(value: str) -> bool:
    return _NOT_BLOCK_SAFE.search(value) is None


_BlockDumper.add_representer(str, _str)


def to_yaml(doc: Document) -> str:
    return yaml.dump(to_dict(doc), Dumper=_BlockDumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)


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
