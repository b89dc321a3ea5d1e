"""The pipeline as a whole: never crashes, warns where it should, spans stay inside the text."""
from __future__ import annotations

import pytest

import vnplan


def all_spans(doc: vnplan.Document):
    for s in doc.walk():
        yield s.span
        if s.body_span:
            yield s.body_span
    for group in (doc.targets, doc.figures, doc.deadlines, doc.assignments):
        for item in group:
            if item.span:
                yield item.span
    for r in doc.references:
        yield from r.mentions
    for b in doc.bodies:
        for m in b.mentions:
            yield m.span
    for sp in (doc.preamble, doc.footer):
        if sp:
            yield sp


def test_stage_order_is_visible():
    assert [stage.name for stage in vnplan.STAGES][:3] == ["outline", "header", "references"]


def test_declared_order_holds_and_a_wrong_order_is_refused():
    vnplan.pipeline.check_order(vnplan.STAGES)
    swapped = list(reversed(vnplan.STAGES))
    with pytest.raises(ValueError, match="reads"):
        vnplan.pipeline.check_order(swapped)
    odd = [vnplan.pipeline.Stage("odd", lambda d: None, reads=("text",), sets=("nonsense",))]
    with pytest.raises(ValueError, match="unknown"):
        vnplan.pipeline.check_order(odd)


def test_a_stage_that_writes_outside_its_contract_is_caught(monkeypatch):
    def greedy(doc):
        doc.targets = []  # declared to set references only

    stage = vnplan.pipeline.Stage("greedy", greedy, reads=("text",), sets=("references",))
    monkeypatch.setattr(vnplan.pipeline, "STAGES", [stage])
    doc = vnplan.parse("Kế hoạch thực hiện Nghị quyết")
    assert any(w.code == "stage-error" and "greedy" in w.message and "targets" in w.message
               for w in doc.warnings)
    with pytest.raises(RuntimeError, match="targets"):
        vnplan.parse("Kế hoạch", strict=True)


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01", "12345"])
def test_empty_text_gives_a_document_and_a_warning(text):
    doc = vnplan.parse(text, strict=True)
    assert isinstance(doc, vnplan.Document)
    assert [w.code for w in doc.warnings] == ["empty"]
    assert doc.sections == [] and doc.targets == []


def test_text_in_another_language_warns():
    doc = vnplan.parse("The committee shall report to the board every six months on progress.",
                       strict=True)
    assert "no-vietnamese" in [w.code for w in doc.warnings]


def test_text_mostly_in_another_script_warns_even_with_a_few_vietnamese_words():
    doc = vnplan.parse("Ủy ban nhân dân " + "中华人民共和国国务院关于印发计划的通知" * 5, strict=True)
    assert [w.code for w in doc.warnings].count("no-vietnamese") == 1


def test_vietnamese_without_diacritics_is_not_foreign():
    doc = vnplan.parse("Ke hoach thuc hien nghi quyet cua Tinh uy trong nam 2024", strict=True)
    assert "no-vietnamese" not in [w.code for w in doc.warnings]


def test_seeds_parse_without_stage_errors_and_spans_lie_inside_the_text(parsed):
    for key, doc in parsed.items():
        assert not [w for w in doc.warnings if w.code == "stage-error"], key
        for start, end in all_spans(doc):
            assert 0 <= start <= end <= len(doc.text), (key, start, end)


def test_a_failing_stage_is_reported_not_raised(monkeypatch):
    def broken(doc):
        raise RuntimeError("boom")

    stage = vnplan.pipeline.Stage("broken", broken, reads=("text",), sets=())
    monkeypatch.setattr(vnplan.pipeline, "STAGES", [stage])
    doc = vnplan.parse("Kế hoạch thực hiện Nghị quyết")
    assert any(w.code == "stage-error" and "boom" in w.message for w in doc.warnings)
    with pytest.raises(RuntimeError):
        vnplan.parse("Kế hoạch", strict=True)


def test_parse_refuses_bytes_with_a_pointer_to_parse_bytes():
    with pytest.raises(TypeError, match="parse_bytes"):
        vnplan.parse(b"abc")  # type: ignore[arg-type]
