"""Vocabularies kept as data (``vnplan/data/*.yaml``), read once and cached.

Heading words, body names, abbreviations, units, comparators and time words live in these
files, not in the code: adding a word is a data change (dateparser's habit).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load(name: str):
    """The parsed contents of ``vnplan/data/<name>.yaml`` (treat as read-only)."""
    text = resources.files("vnplan.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)
