"""No input can crash vnplan: arbitrary text, mangled seeds, arbitrary bytes, pathological sizes.

These are property tests (hypothesis) and bounded-size stress inputs; they assert behaviour,
never time (speed is measured in benchmarks/). A catastrophic regex would show here as a hang
that CI's time limit turns into a failure.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import vnplan
from conftest import SEED_FILES

SEEDS = [p.read_text(encoding="utf-8") for p in SEED_FILES]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(doc: vnplan.Document) -> None:
    """A Document whose every span lies inside its text, and that emits schema-shaped YAML."""
    n = len(doc.text)
    spans = [s.span for s in doc.walk()] + [s.body_span for s in doc.walk() if s.body_span]
    for group in (doc.targets, doc.figures, doc.deadlines, doc.assignments):
        spans += [x.span for x in group if x.span]
    for r in doc.references:
        spans += r.mentions
    for b in doc.bodies:
        spans += [m.span for m in b.mentions]
    spans += [sp for sp in (doc.preamble, doc.footer) if sp]
    for start, end in spans:
        assert 0 <= start <= end <= n
    assert vnplan.loads(vnplan.to_yaml(doc)) == doc


@SETTINGS
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    check(vnplan.parse(text, strict=True))


@SETTINGS
@given(st.sampled_from(SEEDS), st.floats(0, 1), st.floats(0, 1))
def test_seeds_cut_at_random_points(text, a, b):
    i, j = sorted((int(a * len(text)), int(b * len(text))))
    check(vnplan.parse(text[i:j], strict=True))


@SETTINGS
@given(st.sampled_from(SEEDS), st.randoms(use_true_random=False),
       st.sampled_from(["shuffle", "duplicate", "delete"]))
def test_seed_lines_shuffled_duplicated_or_deleted(text, rnd, how):
    lines = text.split("\n")
    if how == "shuffle":
        rnd.shuffle(lines)
    elif how == "duplicate":
        lines = [ln for ln in lines for _ in range(rnd.choice((1, 2)))]
    else:
        lines = [ln for ln in lines if rnd.random() > 0.3]
    check(vnplan.parse("\n".join(lines), strict=True))


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_give_a_document_or_a_read_error(data):
    from vnplan.read import ReadError

    try:
        doc = vnplan.parse_bytes(data, "fuzz.bin", strict=True)
    except ReadError as exc:
        assert "fuzz.bin" in str(exc)
    else:
        check(doc)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(SEEDS))
def test_parse_is_deterministic(text):
    assert vnplan.to_yaml(vnplan.parse(text, strict=True)) == vnplan.to_yaml(vnplan.parse(text, strict=True))


def test_a_5_mb_single_line():
    text = ("Phấn đấu đến năm 2030 đạt 100% cán bộ được bồi dưỡng, Sở Nội vụ chủ trì; " * 70000)[:5_000_000]
    check(vnplan.parse(text, strict=True))


def test_100000_numbered_lines():
    text = "\n".join(f"{i}. Nhiệm vụ số {i} hoàn thành trong quý I/2025" for i in range(1, 100_001))
    doc = vnplan.parse(text, strict=True)
    check(doc)


def test_a_line_of_50000_digits():
    check(vnplan.parse("Số " + "7" * 50_000 + "\n" + "1." * 20_000 + "\n" + "(" * 30_000, strict=True))
