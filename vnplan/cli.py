"""The ``vnplan`` command line (also ``python -m vnplan``).

One sub-command per job, each a ``_add_<name>`` that declares its arguments and a ``_run_<name>``
that does the work and returns the exit status; new sub-commands (``compare``, ``catalog``)
register themselves in ``COMMANDS``. Exit status: 0 success, 1 some inputs failed (the others
were still written), 2 usage error (bad flag, no inputs, unwritable output folder).
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable, Optional, Sequence

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _add_convert(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "convert", help="convert documents to YAML/JSON",
        description="Convert plan documents (.txt .md .docx .pdf .html .htm .doc; folders, globs "
                    "and .zip archives) into one structured file each, plus OUTDIR/_report.jsonl.")
    p.add_argument("inputs", nargs="+", metavar="PATH", help="files, folders, globs or .zip archives")
    p.add_argument("-o", "--out", required=True, metavar="OUTDIR", help="output folder (created)")
    p.add_argument("-f", "--format", default="yaml", choices=("yaml", "json", "jsonl"),
                   help="yaml or json: one file per document; jsonl: OUTDIR/documents.jsonl")
    p.add_argument("-j", "--workers", type=_positive_int, default=None,
                   help="worker processes (default: all cores; 1 runs in this process)")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs whose output is current (same input content hash)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("--chunksize", type=_positive_int, default=4,
                   help="documents per task sent to a worker (default 4)")
    p.add_argument("--engine", default="process", choices=("process", "dask"),
                   help="process pool on this machine, or a Dask cluster (vnplan[dask])")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    return p


def _run_convert(args: argparse.Namespace) -> int:
    from .batch import UsageError, convert

    if args.scheduler and args.engine != "dask":
        print("vnplan convert: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = convert(args.inputs, args.out, fmt=args.format, workers=args.workers,
                          resume=args.resume, quiet=args.quiet, engine=args.engine,
                          scheduler=args.scheduler, chunksize=args.chunksize)
    except UsageError as exc:
        print(f"vnplan convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("vnplan convert: interrupted", file=sys.stderr)
        return 130
    return EXIT_FAILED if summary.error else EXIT_OK


# name -> (declare arguments, run); add ``compare`` and ``catalog`` here.
COMMANDS: dict[str, tuple[Callable, Callable[[argparse.Namespace], int]]] = {
    "convert": (_add_convert, _run_convert),
}


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(prog="vnplan", description="Vietnamese plan documents -> "
                                                          "structured data.")
    ap.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = ap.add_subparsers(dest="cmd", metavar="COMMAND")
    sub.required = True
    for name, (add, run) in COMMANDS.items():
        add(sub).set_defaults(_run=run)
    return ap


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status instead of exiting (tests call it)."""
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    return args._run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
