"""The document model."""

from __future__ import annotations

from reader.text.importer import parse_files
from tests.conftest import SEED_000


def test_find_segment_by_id_or_by_its_place_without_the_hash():
    document = parse_files([SEED_000])
    sentence = next(s for s in document.segments if s.id.startswith("zh.p2.c1.s1."))
    assert document.find_segment(sentence.id) is sentence
    assert document.find_segment("zh.p2.c1.s1") is sentence
    assert document.find_segment("zh.p2.c1.s1.000000") is None
    assert document.find_segment("zh.p99") is None
    assert [s.kind for s in document.units("ko")][:2] == ["addressee", "sentence"]
