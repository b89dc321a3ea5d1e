"""Every adversarial family of benchmarks/adversarial_growth.py stays linear (at small sizes,
with a generous bound: linear is ~10x per 10x, quadratic ~100x), so a super-linear pattern
cannot come back unnoticed. The full table (10 KB .. 1 MB) is the script's job."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import adversarial_growth as ag  # noqa: E402

SMALL, LARGE = 3_000, 30_000
MAX_RATIO = 30.0  # per 10x, net of the fixed cost: linear measures ~10x, quadratic ~70-100x
FLOOR = 0.001  # s: a smaller net time is timer noise, not a baseline


@pytest.mark.parametrize("family", ag.FAMILIES)
def test_family_grows_linearly(family):
    base = ag.measure(family, 100, repeat=3)  # the fixed cost (header, vocabularies), taken off
    small = ag.measure(family, SMALL, repeat=3)
    large = ag.measure(family, LARGE)
    if large < 0.5:  # a slow large run is the finding itself: not worth repeating
        large = min(large, ag.measure(family, LARGE, repeat=2))
    ratio = (large - base) / max(small - base, FLOOR)
    assert ratio < MAX_RATIO, f"{family}: {small:.4f} s -> {large:.4f} s for 10x the input"
