"""Degrade clean texts the way real exports do, then score them with the same gold.

The facts of a text stay: no character of a body name, a date or a figure is changed, only
the layout around them (a line is wrapped at a space, a bullet changes, a tab joins two
header columns). So the gold of the clean text still applies, and the score drop measures
what a layout costs each group.

    python benchmarks/degrade.py SRC_DIR OUT_DIR --mode pdf|word|tabs [--seed 0]
    python benchmarks/degrade.py --table  # corpus + held-out, clean vs every mode (slow)

Modes, each seeded and deterministic:
  pdf   hard wrap at 60-90 columns, a blank line after every line, a page number and a
        running header about every 45 lines (what a PDF text layer gives); the converter's
        "|" cell tables are left whole (no PDF has them);
  word  "-" bullets become "•" or nothing, "1. Sở" becomes "1.Sở", footnote marks "[1]";
  tabs  the two header columns (issuer | national motto, number | place and date) on one
        line, joined by tabs.
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_TABLE_ROW = re.compile(r"^\s*\|")
_BULLET = re.compile(r"^([ \t]*)[-–][ \t]+(?=\S)")
_NUMBERED = re.compile(r"^([ \t]*\d{1,2}(?:\.\d{1,2})*\.)[ \t]+(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"(\w)([.;:])[ \t]*$")  # a mark after the last word of a sentence
_MOTTO = re.compile(r"C[ỘO]NG\s+H[ÒO]A", re.I)
_NUMBER_LINE = re.compile(r"^[*_ \t]*(?:Số|SỐ)\s*:", re.M)
_DATE_LINE = re.compile(r"ngày\s+\d", re.I)
_PAGE = 45  # lines of a page


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` cut at spaces into lines of at most ``width`` characters (a longer word stays whole)."""
    if len(line) <= width or _TABLE_ROW.match(line):
        return [line]
    out, cur = [], ""
    for word in line.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            out.append(cur)
            cur = word
        else:
            cur = word if not cur else cur + " " + word
    if cur:
        out.append(cur)
    return out


def _running_header(text: str) -> str:
    """The document number as a PDF repeats it on top of each page, else a generic header."""
    m = re.search(r"Số\s*:\s*([0-9][\w/.-]*)", text)
    return m.group(1) if m else "VĂN BẢN"


def _in_tables(lines: list[str], reach: int = 15) -> list[bool]:
    """Lines of a "|" cell table (a "|" line within ``reach`` lines above and below): the
    converter's own table markup, which no PDF has, is left as it is."""
    pipes = [k for k, line in enumerate(lines) if _TABLE_ROW.match(line)]
    mask = [False] * len(lines)
    for x, y in zip(pipes, pipes[1:]):
        if y - x <= reach:
            for k in range(x, y + 1):
                mask[k] = True
    return mask


def pdf(text: str, rng: random.Random) -> str:
    """Hard wrap at one width in 60-90, a blank line after every line, page breaks."""
    width = rng.randint(60, 90)
    header = _running_header(text)
    src = text.split("\n")
    table = _in_tables(src)
    lines: list[tuple[str, bool]] = []
    for line, in_table in zip(src, table):
        if in_table:
            lines.append((line, True))
        elif line.strip():
            lines.extend((w, False) for w in wrap_line(line.rstrip(), width))
    out: list[str] = []
    page = 1
    for i, (line, in_table) in enumerate(lines, 1):
        out += [line] if in_table else [line, ""]
        if i % _PAGE == 0 and i < len(lines) and not in_table:
            page += 1
            out += [str(page), "", header, ""]
    return "\n".join(out) + "\n"


def word(text: str, rng: random.Random) -> str:
    """Bullets lost or turned into "•", numbered items glued to their word, footnote marks."""
    bullet = rng.choice(["• ", ""])
    out, mark = [], 0
    for line in text.split("\n"):
        line = _BULLET.sub(lambda m: m.group(1) + bullet, line)
        line = _NUMBERED.sub(r"\1", line)
        if len(line) > 60 and not _TABLE_ROW.match(line) and rng.random() < 0.15:
            mark += 1
            line = _SENTENCE_END.sub(lambda m, k=mark: f"{m.group(1)}[{k}]{m.group(2)}", line, count=1)
        out.append(line)
    return "\n".join(out)


def _join_at(lines: list[str], i: int, j: int) -> None:
    """Line ``j`` appended to line ``i`` after one to three tabs; line ``j`` removed."""
    lines[i] = lines[i].rstrip() + "\t" * (1 + (len(lines[i]) % 3)) + lines[j].strip()
    del lines[j]


def _columns(lines: list[str], motto: int) -> None:
    """Left column (issuer lines before the motto) zipped with the right one (motto lines)."""
    def real(k: int) -> bool:
        return bool(lines[k].strip(" |*-_"))
    left = [k for k in range(motto) if real(k)]
    right = []
    for k in range(motto, min(len(lines), motto + 6)):
        if not lines[k].strip() or not lines[k].strip(" -_"):
            break
        if real(k):
            right.append(k)
    for i, j in reversed(list(zip(left, right))):
        _join_at(lines, i, j)


def tabs(text: str, rng: random.Random) -> str:
    """The header's two columns on lines joined by tabs: issuer | motto, number | place and date."""
    del rng  # deterministic without it: one layout per text
    lines = text.split("\n")
    motto = next((k for k in range(min(len(lines), 40)) if _MOTTO.search(lines[k])), None)
    if motto is not None:
        _columns(lines, motto)
    number = next((k for k in range(min(len(lines), 40)) if _NUMBER_LINE.match(lines[k])), None)
    if number is not None:
        date = next((k for k in range(number + 1, min(len(lines), number + 6)) if _DATE_LINE.search(lines[k])),
                    None)
        if date is not None:
            _join_at(lines, number, date)
    return "\n".join(lines)


MODES = {"pdf": pdf, "word": word, "tabs": tabs}


def degrade_dir(src: Path, out: Path, mode: str, seed: int = 0) -> list[Path]:
    """Every ``*.txt`` of ``src`` degraded into ``out`` (same names); seeded per file name."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for p in sorted(src.glob("*.txt")):
        rng = random.Random(f"{seed}:{mode}:{p.name}")
        q = out / p.name
        q.write_text(MODES[mode](p.read_text(encoding="utf-8"), rng), encoding="utf-8")
        written.append(q)
    return written


_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+\d+\s+\d+\s+\d+\s*$")
GROUPS = ("sections", "targets", "deadlines", "assignments", "references", "metadata")


def score(texts: Path, gold: Path, work: Path) -> dict[str, tuple[float, float, float]]:
    """(P, R, F1) per group of ``vnplan convert`` on ``texts`` scored against ``gold``."""
    pred = work / "pred"
    # run outside the source tree: the vnplan of PYTHONPATH (or the installed one) is scored
    subprocess.run([sys.executable, "-m", "vnplan", "convert", str(texts), "-o", str(pred), "-q"], check=True, cwd=work)
    res = subprocess.run([sys.executable, "/work/shared/eval/score.py", "--gold", str(gold), "--pred", str(pred)],
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in res.splitlines():
        m = _ROW.match(line.strip())
        if m:
            rows[m.group(1)] = (float(m.group(2)), float(m.group(3)), float(m.group(4)))
    return rows


def table(sets: dict[str, tuple[Path, Path]], seed: int = 0) -> str:
    """A markdown table: F1 per group (assignments as P/R/F1), clean vs each mode, per set."""
    lines = ["| set | layout | " + " | ".join(GROUPS) + " |", "|---" * (len(GROUPS) + 2) + "|"]
    for name, (texts, gold) in sets.items():
        for mode in ("clean", *MODES):
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                src = texts if mode == "clean" else work / "texts"
                if mode != "clean":
                    degrade_dir(texts, src, mode, seed)
                rows = score(src, gold, work)
            cells = []
            for g in GROUPS:
                p, r, f = rows.get(g, (0.0, 0.0, 0.0))
                cells.append(f"{p:.3f}/{r:.3f}/{f:.3f}" if g == "assignments" else f"{f:.3f}")
            lines.append(f"| {name} | {mode} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", nargs="?", type=Path)
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--mode", choices=sorted(MODES), default="pdf")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--table", action="store_true", help="score corpus and held-out, clean vs every mode")
    a = ap.parse_args(argv)
    if a.table:
        root = Path(__file__).resolve().parent.parent
        print(table({"corpus": (Path("/work/shared/corpus"), Path("/work/shared/eval/gold-corpus")),
                     "heldout": (root / "tests/gold/heldout/texts", root / "tests/gold/heldout/gold")}, a.seed))
        return 0
    if a.src is None or a.out is None:
        ap.error("SRC_DIR and OUT_DIR are required without --table")
    degrade_dir(a.src, a.out, a.mode, a.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
