"""Benchmark of vnplan.parse: ms per document, MB/s, import time, peak memory, and underthesea.

A plain script, not a test (speed is measured here, never asserted in the test suite):

    python benchmarks/bench_parse.py [--docs 2000] [--no-underthesea]

It prints, on the seed documents in samples/ and on a generated set of N documents made from
them: median and p95 ms per document for ``vnplan.parse`` (all stages on), MB/s, the time of
``import vnplan`` over a bare ``python -c pass``, the peak RSS, and underthesea's
``word_tokenize`` on the same texts with the ratio.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seed_texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("0*.txt"))}


def generated(texts: list[str], n: int, rng: random.Random) -> list[str]:
    """N documents made from the seeds: paragraphs dropped and repeated, numbers changed."""
    out = []
    for i in range(n):
        lines = rng.choice(texts).split("\n")
        keep = [ln for ln in lines if rng.random() > 0.1]
        if keep:
            j = rng.randrange(len(keep))
            keep.insert(j, keep[j])
        text = "\n".join(keep).replace("2030", str(2025 + i % 10))
        out.append(text)
    return out


def time_each(fn, texts: list[str], repeat: int = 1) -> list[float]:
    times = []
    for t in texts:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn(t)
            best = min(best, time.perf_counter() - t0)
        times.append(best * 1000)
    return times


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def import_time() -> tuple[float, float]:
    """Median seconds of `python -c pass` and of `python -c "import vnplan"` over 5 runs."""
    def run(code: str) -> float:
        ts = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            ts.append(time.perf_counter() - t0)
        return statistics.median(ts)

    return run("pass"), run("import vnplan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--no-underthesea", action="store_true")
    args = ap.parse_args()

    bare, imp = import_time()
    print(f"import vnplan: {imp - bare:.3f} s over a bare interpreter ({imp:.3f} s vs {bare:.3f} s)")

    import vnplan

    seeds = seed_texts()
    vnplan.parse(seeds["004"])  # warm the vocabularies
    print(f"\n{'seed':<6}{'KB':>7}{'ms':>9}{'MB/s':>8}")
    for key, text in seeds.items():
        (ms,) = time_each(vnplan.parse, [text], repeat=20)
        kb = len(text.encode()) / 1024
        print(f"{key:<6}{kb:7.1f}{ms:9.2f}{kb / 1024 / (ms / 1000):8.2f}")

    docs = generated(list(seeds.values()), args.docs, random.Random(7))
    t0 = time.perf_counter()
    times = time_each(vnplan.parse, docs)
    wall = time.perf_counter() - t0
    mb = sum(len(d.encode()) for d in docs) / 1e6
    print(f"\n{len(docs)} generated documents ({mb:.1f} MB): median {statistics.median(times):.2f} ms,"
          f" p95 {p95(times):.2f} ms, {mb / wall:.2f} MB/s, {len(docs) / wall:.0f} docs/s on one core")

    if not args.no_underthesea:
        try:
            from underthesea import word_tokenize
        except ImportError:
            print("underthesea not installed: no comparison")
        else:
            word_tokenize("Khởi động")  # load its model once, outside the timing
            sample = docs[:50]
            ut = time_each(word_tokenize, sample)
            vp = time_each(vnplan.parse, sample)
            ut_seed = time_each(word_tokenize, [seeds["004"]], repeat=3)[0]
            vp_seed = time_each(vnplan.parse, [seeds["004"]], repeat=20)[0]
            print(f"\nunderthesea.word_tokenize on seed 004: {ut_seed:.1f} ms; vnplan.parse {vp_seed:.2f} ms;"
                  f" ratio {ut_seed / vp_seed:.0f}x")
            print(f"on {len(sample)} generated documents: median {statistics.median(ut):.1f} ms vs"
                  f" {statistics.median(vp):.2f} ms; ratio {statistics.median(ut) / statistics.median(vp):.0f}x")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
