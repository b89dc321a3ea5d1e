"""The ``vnplan`` command line (also ``python -m vnplan``).

One sub-command per job, each a ``_add_<name>`` that declares its arguments and a ``_run_<name>``
that does the work and returns the exit status; new sub-commands (``compare``, ``catalog``)
register themselves in ``COMMANDS``. Exit status: 0 success, 1 some inputs failed (the others
were still written), 2 usage error (bad flag, no inputs, unwritable output folder), 141 the
reader of the output went away (``| head``), quietly.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Optional, Sequence

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a killed pipe writer


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
        description="Convert plan documents (.txt .md .docx .odt .pdf .html .htm .doc; folders, globs "
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
    p.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                   help="time limit of one input; past it the input gets its error line "
                        "(default 60; 0: none)")
    p.add_argument("--memory", type=_megabytes, default=2048, metavar="MB",
                   help="memory limit of one worker process (default 2048; 0: none; with -j 1, "
                        "what one input may add to this process)")
    return p


def _seconds(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if x < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return x


def _megabytes(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of MB: {value!r}") from None
    if n < 0 or 0 < n < 64:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or at least 64, got {n}")
    return n


def _run_convert(args: argparse.Namespace) -> int:
    from .batch import Limits, UsageError, convert
    from .batch.bounds import Terminated
    from .batch.sink import OutputError

    if args.scheduler and args.engine != "dask":
        print("vnplan convert: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    limits = Limits(timeout=args.timeout, memory=args.memory << 20)
    try:
        summary = convert(args.inputs, args.out, fmt=args.format, workers=args.workers,
                          resume=args.resume, quiet=args.quiet, engine=args.engine,
                          scheduler=args.scheduler, chunksize=args.chunksize, limits=limits)
    except UsageError as exc:
        print(f"vnplan convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        print(f"vnplan convert: stopped: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("vnplan convert: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("vnplan convert: terminated (SIGTERM); the report has what was done", file=sys.stderr)
        return 143
    return EXIT_FAILED if summary.failed else EXIT_OK


def _load_any(path: str):
    """A Document from vnplan output (.yaml/.json, or .jsonl/folder with ``PATH#ID`` picking one
    document when it holds several) or from a source document (parsed now)."""
    from pathlib import Path

    from . import parse_file
    from .emit import is_output, iter_outputs

    name, _, want = path.partition("#") if not Path(path).exists() else (path, "", "")
    p = Path(name)
    if not (p.is_dir() or is_output(p)):
        return parse_file(p, doc_id=p.stem)
    docs = list(iter_outputs(p))
    if want:
        docs = [d for d in docs if want in (d.id, d.source.path, Path(d.source.path or "").name)]
    if len(docs) != 1:
        ids = ", ".join(str(d.id) for d in docs[:5]) + (" ..." if len(docs) > 5 else "")
        raise ValueError(f"{path}: holds {len(docs)} documents ({ids}); name one as {name}#ID")
    return docs[0]


def _add_compare(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "compare", help="align a plan with the plan it carries out",
        description="Pair each target and task of PARENT with its counterpart in CHILD, show "
                    "changed values, and list what CHILD dropped and added. Each argument is a "
                    "source document or vnplan output (.yaml/.json, or .jsonl#ID).")
    p.add_argument("child", metavar="CHILD")
    p.add_argument("parent", metavar="PARENT")
    p.add_argument("--width", type=_positive_int, default=60, help="column width (default 60)")
    return p


def _run_compare(args: argparse.Namespace) -> int:
    from .notebook.align import compare
    from .read import ReadError

    try:
        child, parent = _load_any(args.child), _load_any(args.parent)
    except (ReadError, OSError, ValueError) as exc:
        print(f"vnplan compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(compare(child, parent).table(args.width))
    return EXIT_OK


def _add_catalog(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "catalog", help="index converted documents",
        description="Which documents implement which document number, and the deadlines by "
                    "date and body, over vnplan output (a folder written by `vnplan convert`, in "
                    "any format, or a .yaml/.json/.jsonl file); for a folder also written to "
                    "OUTDIR/_catalog.yaml.")
    p.add_argument("outdir", metavar="OUTDIR")
    return p


def _run_catalog(args: argparse.Namespace) -> int:
    from pathlib import Path

    import yaml

    from .notebook.export import atomic_write
    from .notebook.index import catalog, format_catalog

    folder = Path(args.outdir)
    if not folder.exists():
        print(f"vnplan catalog: {folder}: no such folder or file", file=sys.stderr)
        return EXIT_USAGE
    try:
        cat = catalog(folder)
        if folder.is_dir():
            atomic_write(folder / "_catalog.yaml",
                         yaml.safe_dump(cat, allow_unicode=True, sort_keys=False).encode("utf-8"))
    except (OSError, ValueError) as exc:
        print(f"vnplan catalog: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(format_catalog(cat))
    return EXIT_OK


def _add_export(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "export", help="follow-up tables and calendars from converted documents",
        description="Write the assignments with their deadlines (CSV, XLSX) and the deadlines "
                    "as an iCalendar file, from documents or a folder written by `vnplan convert`.")
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="output folder(s) or .yaml/.json/.jsonl files")
    p.add_argument("--csv", metavar="FILE")
    p.add_argument("--xlsx", metavar="FILE")
    p.add_argument("--ics", metavar="FILE")
    return p


def _run_export(args: argparse.Namespace) -> int:
    from .notebook import export

    if not (args.csv or args.xlsx or args.ics):
        print("vnplan export: name at least one of --csv, --xlsx, --ics", file=sys.stderr)
        return EXIT_USAGE
    try:
        from .notebook.tables import iter_docs

        docs = list(iter_docs(args.inputs))
        if not docs:
            print("vnplan export: no vnplan documents in " + " ".join(args.inputs), file=sys.stderr)
            return EXIT_USAGE
        for path, write in ((args.csv, export.assignments_csv),
                            (args.xlsx, export.assignments_xlsx), (args.ics, export.deadlines_ics)):
            if path:
                n = write(docs, path)
                print(f"{path}: {n} rows", file=sys.stderr)
    except ImportError as exc:
        print(f"vnplan export: {exc.name} is needed: pip install 'vnplan[notebook]'", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"vnplan export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _add_schema(sub) -> argparse.ArgumentParser:
    return sub.add_parser(
        "schema", help="print the JSON Schema of the output",
        description="Print the JSON Schema (draft 2020-12) that every YAML/JSON document "
                    "written by vnplan validates against; it ships inside the package.")


def schema_text() -> str:
    """The shipped JSON Schema of vnplan's output, as text."""
    from importlib.resources import files

    return files("vnplan").joinpath("schemas", "vnplan-document.schema.json").read_text("utf-8")


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


# name -> (declare arguments, run)
COMMANDS: dict[str, tuple[Callable, Callable[[argparse.Namespace], int]]] = {
    "convert": (_add_convert, _run_convert),
    "compare": (_add_compare, _run_compare),
    "catalog": (_add_catalog, _run_catalog),
    "export": (_add_export, _run_export),
    "schema": (_add_schema, _run_schema),
}
# Commands that read source documents, and so may meet an old Word .doc.
_READS_DOCS = ("convert", "compare")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(prog="vnplan", description="Vietnamese plan documents -> "
                                                          "structured data.")
    ap.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = ap.add_subparsers(dest="cmd", metavar="COMMAND")
    sub.required = True
    for name, (add, run) in COMMANDS.items():
        p = add(sub)
        p.set_defaults(_run=run)
        if name in _READS_DOCS:
            p.add_argument("--doc-reader", choices=("auto", "antiword", "libreoffice"),
                           help="how to read old Word .doc files (default auto: antiword when "
                                "installed, else LibreOffice)")
    return ap


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status instead of exiting (tests call it)."""
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    if getattr(args, "doc_reader", None):
        os.environ["VNPLAN_DOC_READER"] = args.doc_reader  # worker processes inherit it
    try:
        status = args._run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _broken_pipe()
    return status


def _broken_pipe() -> int:
    """The reader went away (``vnplan catalog out | head``): stop quietly, as cat does. The
    rest of stdout goes to /dev/null so the flush at exit does not raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
