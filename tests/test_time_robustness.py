"""Long runs of unusual spaces between two dates must not make the time reader super-linear."""
from __future__ import annotations

import pytest

import vnplan

SPACES = [("\u2003", "2026-12-15"), ("\u2003 \u00a0", "2026-12-15"), ("\u2009\u200a\u3000", "2026-12-15"),
          (" \t", "2026-12-20")]  # plain spaces are folded by the cleaner: a real range remains


@pytest.mark.parametrize("run,due", SPACES)
def test_200kb_space_run_between_two_dates(run, due):
    # Used to take ~40 s for 100 KB (quadratic backtracking of the range-gap pattern).
    gap = run * (200_000 // len(run))
    text = ("1. Sở Nội vụ hoàn thành trước ngày 15/12/2026" + gap
            + "đến ngày 20/12/2026 các huyện báo cáo.\n")
    doc = vnplan.parse(text, strict=True)
    assert doc.text
    dues = [d.due for d in doc.deadlines]
    assert dues == [due]  # a far-away second date does not join the first into a range
    assert all(len(d.text) < 200 for d in doc.deadlines)
