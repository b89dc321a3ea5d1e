"""The emitter: schema-valid YAML and JSON, real Unicode, stable order, lossless round trip."""
from __future__ import annotations

import json

import pytest
import yaml

import vnplan
from conftest import ROOT
from vnplan.cli import schema_text

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads(schema_text())  # the schema shipped inside the package


def validate(data: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_every_seed_validates_against_the_schema(parsed):
    for doc in parsed.values():
        validate(yaml.safe_load(vnplan.to_yaml(doc)))
        validate(json.loads(vnplan.to_json(doc)))


def test_committed_samples_validate_and_load():
    samples = sorted((ROOT / "samples").glob("*.yaml"))
    for path in samples:
        validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert isinstance(vnplan.load(path), vnplan.Document)


def test_yaml_writes_real_unicode_in_a_stable_key_order(parsed):
    out = vnplan.to_yaml(parsed["003"])
    assert "\\u" not in out and "Tỉnh" in out
    keys = list(yaml.safe_load(out))
    assert keys[:5] == ["id", "source", "metadata", "references", "sections"]
    assert keys[-1] == "text"


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl"])
def test_round_trip_gives_an_equal_document(parsed, fmt):
    for doc in parsed.values():
        back = vnplan.loads(vnplan.dumps(doc, fmt))
        assert back == doc
        assert vnplan.dumps(back, fmt) == vnplan.dumps(doc, fmt)


def test_output_is_deterministic(seeds):
    a = vnplan.to_yaml(vnplan.parse(seeds["004"], doc_id="x"))
    b = vnplan.to_yaml(vnplan.parse(seeds["004"], doc_id="x"))
    assert a == b


def test_schema_rejects_a_bad_kind(parsed):
    data = parsed["003"].to_dict()
    if not data["sections"]:
        pytest.skip("outline not available")
    data["sections"][0]["kind"] = "nonsense"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_unknown_format_is_a_clear_error(parsed):
    with pytest.raises(ValueError, match="unknown format"):
        vnplan.dumps(parsed["000"], "xml")


def test_loads_refuses_what_is_not_a_document():
    with pytest.raises(ValueError, match="not a vnplan document"):
        vnplan.loads("- just\n- a list\n")


# --- our YAML emitter against PyYAML's reader ------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from vnplan.emit import _emit  # noqa: E402

_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                     st.floats(allow_nan=False), st.sampled_from(
                         ["yes", "No", "null", "1.5", "2019-08-27", "a: b", "- x", "x #y", "|", "",
                          " lead", "trail ", "Tỉnh ủy", "line\nline", "a\n\nb\n", "\tx\ny", "\u2028",
                          "x\x85y", "\ufeffbom", "'q'", '"dq"', "%", "@at", "`tick`", "~"]))
_trees = st.recursive(_scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4),
    st.dictionaries(st.text(min_size=1, max_size=8), kids, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), _trees, max_size=5))
def test_our_yaml_reads_back_as_the_same_data(data):
    out: list = []
    _emit(data, "", out)
    assert yaml.safe_load("\n".join(out) + "\n") == data or not data


def test_long_text_is_a_literal_block_and_spans_are_flow(parsed):
    out = vnplan.to_yaml(parsed["003"])
    assert "\ntext: |" in out
    assert "span: [" in out
    assert yaml.safe_load(out) == parsed["003"].to_dict()


def test_committed_samples_are_the_current_output():
    """samples/*.yaml document what vnplan emits; refresh them when the output changes:
    vnplan convert samples/0*.txt -o /tmp/s -j 1 && cp /tmp/s/0*.yaml samples/"""
    from conftest import SAMPLES, SEED_FILES

    for txt in SEED_FILES:
        committed = (SAMPLES / f"{txt.stem}.yaml").read_text(encoding="utf-8")
        fresh = vnplan.parse_file(txt, doc_id=txt.stem)
        want = vnplan.loads(committed)
        assert fresh.to_dict() | {"source": None} == want.to_dict() | {"source": None}, txt.name
