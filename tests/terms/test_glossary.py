"""The glossary mined from seed 000 against a list made by reading it."""

from __future__ import annotations

import json

import pytest

from reader.align import align_document
from reader.terms.glossary import aligned_pairs, mine
from reader.text.importer import parse_files
from tests.conftest import SEED_000
from tests.terms.planting import TERMS_FILE


@pytest.fixture(scope="module")
def glossary():
    document = parse_files([SEED_000])
    return {e.zh: e for e in mine(aligned_pairs(document, align_document(document)))}


def test_top_rendering_of_the_30_most_frequent_terms(glossary):
    reference = json.loads(TERMS_FILE.read_text(encoding="utf-8"))["terms"]
    assert len(reference) == 30
    right = [t["zh"] for t in reference if t["zh"] in glossary and glossary[t["zh"]].top in t["accepted"]]
    assert len(right) / len(reference) >= 0.9, sorted({t["zh"] for t in reference} - set(right))


def test_renderings_that_reorder_or_replace_characters(glossary):
    assert glossary["转移"].top == "이전"  # 轉移 is read 전이
    assert glossary["劳动密集型"].top == "노동집약형"  # read 노동밀집형
    assert glossary["承接"].top == "유치"  # no syllable in common: association alone


def test_a_collocation_does_not_steal_its_neighbour_rendering(glossary):
    # 发挥作用 → 역할을 발휘: 发挥 takes 발휘, so 作用 cannot
    assert glossary["发挥"].top == "발휘"
    assert "발휘" not in [r.ko for r in glossary["作用"].renderings[:1]]


def test_entries_carry_counts_documents_and_examples(glossary):
    entry = glossary["产业转移"]
    assert entry.reading == "산업전이"
    assert entry.renderings[0].count >= 20
    assert entry.documents == [entry.examples[0].doc_id]
    assert 1 <= len(entry.examples) <= 3
    assert all("产业转移" in e.zh and "산업이전" in e.ko for e in entry.examples)


def test_preferred_rendering_comes_first(glossary):
    document = parse_files([SEED_000])
    pairs = aligned_pairs(document, align_document(document))
    entries = {e.zh: e for e in mine(pairs, preferred={"区域": "구역"})}
    assert entries["区域"].renderings[0].ko == "구역"
    assert entries["区域"].renderings[0].preferred


def test_mining_can_be_cancelled():
    document = parse_files([SEED_000])
    pairs = aligned_pairs(document, align_document(document))
    assert mine(pairs, cancelled=lambda: True) == []
