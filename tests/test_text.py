"""Shared text helpers: one tone-mark style, folding, accent stripping."""
from __future__ import annotations

from hypothesis import given, strategies as st

from vnplan.lang.text import fold, strip_accents, tone_style


def test_old_tone_placement_becomes_modern():
    assert tone_style("hoá Hoà Uỷ ban tuỳ khoẻ HOÁ") == "hóa Hòa Ủy ban tùy khỏe HÓA"


def test_qu_keeps_its_tone_on_the_vowel_after_it():
    assert tone_style("quý I/2025, Quý III, Quỳnh, QUÝ") == "quý I/2025, Quý III, Quỳnh, QUÝ"


def test_pairs_inside_a_syllable_are_left_alone():
    assert tone_style("hoàn thành, hoàng, khuyến") == "hoàn thành, hoàng, khuyến"


def test_fold_and_strip():
    assert fold("  Tỉnh  Uỷ\nĐIỆN Biên ") == "tỉnh ủy điện biên"
    assert strip_accents("Tỉnh ủy Điện Biên") == "Tinh uy Dien Bien"


@given(st.text())
def test_tone_style_is_idempotent_and_keeps_length(s):
    import unicodedata

    s = unicodedata.normalize("NFC", s)
    once = tone_style(s)
    assert tone_style(once) == once
    assert len(once) == len(s)
