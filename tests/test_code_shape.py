"""The shape a newcomer can follow: small modules, short functions, layers that only import down.

These checks read the source, not the behaviour: a module over 400 lines, a function over 60
lines or ranked E/F in cyclomatic complexity by radon, or an import that goes up a layer (the
contracts in ``.importlinter``) fails here, so the limits hold after every change.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "vnplan"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_module_over_the_line_limit():
    long = {str(p.relative_to(ROOT)): n for p in SOURCES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_over_the_line_limit():
    long = [f"{p.relative_to(ROOT)}:{f.name} ({f.end_lineno - f.lineno + 1})"
            for p in SOURCES for f in _functions(p)
            if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_no_function_ranked_e_or_f_by_radon():
    radon = pytest.importorskip("radon.complexity")
    bad = []
    for p in SOURCES:
        for block in radon.cc_visit(p.read_text(encoding="utf-8")):
            if radon.cc_rank(block.complexity) in "EF":
                bad.append(f"{p.relative_to(ROOT)}:{block.name} ({block.complexity})")
    assert not bad, f"functions ranked E or F: {bad}"


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter is not installed")
def test_imports_follow_the_layers():
    proc = subprocess.run(["lint-imports", "--config", str(ROOT / ".importlinter")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
