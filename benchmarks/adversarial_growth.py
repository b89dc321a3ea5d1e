"""Growth of the parse time on adversarial inputs: is every pattern linear?

Each family is an input a hostile or broken file can hold, at growing sizes; a linear pattern
takes about 10x the time for 10x the input, a quadratic one 100x. Run as a script for the
table (sizes 10 KB, 100 KB, 1 MB by default):

    python benchmarks/adversarial_growth.py [--sizes 10000,100000,1000000]

``tests/test_adversarial_growth.py`` runs the same families at small sizes with a generous
bound on the ratio, so a quadratic pattern cannot come back unnoticed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vnplan  # noqa: E402

_HEAD = "KẾ HOẠCH\nThực hiện chương trình chuyển đổi số năm 2026\n"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# family -> (what it stresses, input of about ``size`` characters, as bytes for parse_bytes)
FAMILIES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "pipe-run": ("cleaner: table-row pattern over a run of '|'",
                 lambda n: (_HEAD + _repeat("|", n) + "x\n").encode()),
    "pipe-space-run": ("cleaner/header: '| | | ...' not closed",
                       lambda n: (_HEAD + _repeat("| ", n) + "x\n").encode()),
    "em-space-gap": ("time reader: em spaces between two dates (lang/timex.py)",
                     lambda n: (_HEAD + "Hoàn thành trong tháng 01/2026" + _repeat("\u2003", n)
                                + "và tháng 12/2026.\n").encode()),
    "html-open-tag": ("html.parser: '<a' repeated, never closed (a .txt starting <html>)",
                      lambda n: ("<html>" + _repeat("<a", n)).encode()),
    "html-comment": ("html.parser: '<!--' repeated, never closed",
                     lambda n: ("<html><body>" + _repeat("<!--", n)).encode()),
    "numbered-lines": ("cleaner/outline: numbered one-word lines",
                       lambda n: (_HEAD + _repeat("1. a\n", n)).encode()),
    "one-long-line": ("every pattern over one line without a break",
                      lambda n: (_HEAD + _repeat("Sở Nội vụ chủ trì ", n)).encode()),
}


def measure(family: str, size: int, repeat: int = 1) -> float:
    """Best wall time of ``repeat`` runs of read + parse on the family's input of ``size``."""
    data = FAMILIES[family][1](size)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        vnplan.parse_bytes(data, "adversarial.txt")
        best = min(best, time.perf_counter() - t0)
    return best


def growth(sizes: list[int], families=None, repeat: int = 1,
           cap: float = 60.0) -> dict[str, list[float]]:
    """Times per family and size; a size whose quadratic projection (100x the last time per
    10x) passes ``cap`` seconds is not run (None): that family is already shown super-linear."""
    out: dict = {}
    for f in families or FAMILIES:
        ts: list = []
        for n in sizes:
            if ts and (ts[-1] is None or ts[-1] * (n / prev) ** 2 > cap):
                ts.append(None)
            else:
                ts.append(measure(f, n, repeat))
            prev = n
        out[f] = ts
    return out


def table(sizes: list[int], times: dict[str, list[float]]) -> str:
    head = "| family | " + " | ".join(_size(n) for n in sizes) + " | growth per 10x |"
    rows = [head, "|" + " --- |" * (len(sizes) + 2)]
    for f, ts in times.items():
        ratios = [b / max(a, 1e-4) for a, b in zip(ts, ts[1:]) if a is not None and b is not None]
        rows.append(f"| {f} | " + " | ".join("not run (too slow)" if t is None else f"{t:.3f} s"
                                             for t in ts) + " | "
                    + ", ".join(f"{r:.1f}x" for r in ratios) + " |")
    return "\n".join(rows)


def _size(n: int) -> str:
    return f"{n // 1_000_000} MB" if n >= 1_000_000 else f"{n // 1000} KB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES))
    ap.add_argument("--cap", type=float, default=60.0,
                    help="do not run a size projected (quadratically) past this many seconds")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    measure("pipe-run", 1000)  # warm-up: vocabularies loaded, patterns compiled
    print(table(sizes, growth(sizes, args.family, cap=args.cap)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
