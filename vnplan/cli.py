"""The ``vnplan`` command line. (Minimal convert; batch features being implemented.)"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="vnplan")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("inputs", nargs="+")
    c.add_argument("-o", "--out", required=True)
    args = ap.parse_args(argv)
    from . import parse_file, to_yaml

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in args.inputs:
        p = Path(i)
        files += sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
    for f in files:
        doc = parse_file(f, doc_id=f.stem)
        (out / f"{f.stem}.yaml").write_text(to_yaml(doc), encoding="utf-8")
    return 0
