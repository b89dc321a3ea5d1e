"""Shared fixtures: the seed documents shipped in samples/ (real text, not fixtures made up)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_FILES = sorted(SAMPLES.glob("0*.txt"))


def seed_text(prefix: str) -> str:
    """The raw text of the sample whose name starts with ``prefix`` ("001")."""
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict:
    """{"000": raw text, "001": ...} for the five seed documents."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in SEED_FILES}


@pytest.fixture(scope="session")
def parsed(seeds) -> dict:
    """The five seeds parsed once per test session (strict: a stage's error fails the test)."""
    import vnplan

    return {k: vnplan.parse(v, doc_id=k, strict=True) for k, v in seeds.items()}
