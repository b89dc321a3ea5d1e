"""Parse speed of this checkout against another one, as a ratio measured in one run.

    git worktree add /tmp/old <commit>
    python benchmarks/parse_ratio.py /tmp/old [--texts DIR ...] [--rounds 7]

Each round parses the same texts once with each checkout, in turn, in fresh processes (the order
alternates), and times only the parsing (CPU time, after a warm-up parse, so imports and the
first compilation of patterns are left out). It prints the median ratio new/old per round: below
1.0 the checkout is faster. Speed is measured here, never asserted in the tests.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import pathlib, sys, time
import vnplan
texts = [p.read_text(encoding="utf-8") for d in sys.argv[1:] for p in sorted(pathlib.Path(d).rglob("*.txt"))]
for t in texts[:3]:
    vnplan.parse(t)
t0 = time.process_time()
for t in texts:
    vnplan.parse(t)
print(time.process_time() - t0)
"""


def _seconds(tree: Path, texts: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", _CHILD, *texts], env=env, capture_output=True,
                         text=True, timeout=600, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", type=Path, help="the other checkout (its root holds vnplan/)")
    ap.add_argument("--texts", nargs="*", default=[str(ROOT / "samples"), str(ROOT / "tests" / "gold")])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    ratios = []
    for i in range(args.rounds):
        if i % 2:
            old, new = _seconds(args.old, args.texts), _seconds(ROOT, args.texts)
        else:
            new, old = _seconds(ROOT, args.texts), _seconds(args.old, args.texts)
        ratios.append(new / old)
        print(f"round {i + 1}: new {new:.3f} s, old {old:.3f} s, ratio {new / old:.3f}")
    print(f"median ratio new/old: {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}, {args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
