#!/usr/bin/env python3
"""Benchmark batch conversion: an archive of N documents (a folder and a zip), 1 and 2 workers.

    .venv/bin/python benchmarks/convert_archive.py [--n 2000] [--workers 1,2] [--format yaml]

Builds the archive in a temporary folder from the seed texts in samples/ (each copy varied a
little so no two are byte-identical), runs the converter once per (input, workers) pair in a
fresh subprocess, and prints documents per second, the speedup over one worker and the peak
memory (max RSS of the driver and of its largest worker: getrusage SELF and CHILDREN).
A plain script, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def variants(n: int, seed: int = 7):
    """(name, bytes) for n documents made from the seeds: numbers and a line changed per copy."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    if not seeds:
        sys.exit("no seed texts in samples/")
    rng = random.Random(seed)
    for i in range(n):
        text = seeds[i % len(seeds)]
        lines = text.split("\n")
        k = rng.randrange(len(lines))
        lines.insert(k, f"Bản sao số {i}, năm {2020 + i % 10}.")
        text = "\n".join(lines).replace("2025", str(2025 + i % 6), 1)
        yield f"{i:05d}_{rng.getrandbits(48):012x}.txt", text.encode("utf-8")


def build(folder: Path, n: int) -> tuple[Path, Path]:
    src = folder / "docs"
    src.mkdir()
    arc = folder / "docs.zip"
    with zipfile.ZipFile(arc, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in variants(n):
            sub = src / name[:2]
            sub.mkdir(exist_ok=True)
            (sub / name).write_bytes(data)
            zf.writestr(f"{name[:2]}/{name}", data)
    return src, arc


def run_one(inp: str, out: str, workers: int, fmt: str) -> dict:
    """Runs in a fresh process: convert, then report speed and peak memory."""
    sys.path.insert(0, str(ROOT))
    from vnplan.batch import convert

    t0 = time.perf_counter()
    s = convert([inp], out, workers=workers, fmt=fmt, quiet=True)
    wall = time.perf_counter() - t0
    kib = 1024 if sys.platform != "darwin" else 1  # ru_maxrss is KiB on Linux, bytes on macOS
    return {"ok": s.ok, "error": s.error, "seconds": round(wall, 2),
            "docs_per_s": round((s.ok + s.error) / wall, 1),
            "parent_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20, 1),
            "child_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib / 2**20, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--format", default="yaml", choices=("yaml", "json", "jsonl"))
    ap.add_argument("--_run", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._run:
        inp, out, workers, fmt = args._run
        print(json.dumps(run_one(inp, out, int(workers), fmt)))
        return 0
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        t0 = time.perf_counter()
        src, arc = build(Path(tmp), args.n)
        print(f"built {args.n} documents ({sum(f.stat().st_size for f in src.rglob('*.txt')) / 2**20:.1f} "
              f"MiB; zip {arc.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - t0:.1f} s; "
              f"{os.cpu_count()} cores")
        print(f"{'input':<7}{'workers':>8}{'docs/s':>9}{'speedup':>9}{'seconds':>9}"
              f"{'parent MiB':>12}{'worker MiB':>12}{'errors':>8}")
        for label, inp in (("folder", src), ("zip", arc)):
            base = None
            for w in counts:
                out = Path(tmp) / f"out-{label}-{w}"
                proc = subprocess.run([sys.executable, __file__, "--_run", str(inp), str(out), str(w),
                                       args.format], capture_output=True, text=True)
                if proc.returncode != 0:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                base = base or r["docs_per_s"]
                print(f"{label:<7}{w:>8}{r['docs_per_s']:>9}{r['docs_per_s'] / base:>9.2f}"
                      f"{r['seconds']:>9}{r['parent_rss_mib']:>12}{r['child_rss_mib']:>12}"
                      f"{r['error']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
