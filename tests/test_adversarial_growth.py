"""Every adversarial family of benchmarks/adversarial_growth.py stays linear (at small sizes,
with a generous bound: linear is ~10x per 10x, quadratic ~100x), so a super-linear pattern
cannot come back unnoticed. The full table (10 KB .. 1 MB) is the script's job."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import adversarial_growth as ag  # noqa: E402

SMALL, LARGE = 1_500, 15_000
MAX_RATIO = 40.0  # per 10x; a quadratic family measures ~100x, a linear one ~10x
FLOOR = 0.004  # s: below this a small run is timer noise, not a baseline

# lang/timex.py's gap pattern belongs to another change; measured here, fixed there
_TIMEX = pytest.mark.xfail(reason="the time reader's gap pattern (lang/timex.py) is fixed apart",
                           strict=False)


@pytest.mark.parametrize("family", [pytest.param(f, marks=_TIMEX) if f == "em-space-gap" else f
                                    for f in ag.FAMILIES])
def test_family_grows_linearly(family):
    ag.measure(family, 200)  # warm-up
    small = max(ag.measure(family, SMALL, repeat=3), FLOOR)
    large = ag.measure(family, LARGE, repeat=3)
    assert large / small < MAX_RATIO, f"{family}: {small:.4f} s -> {large:.4f} s for 10x the input"
